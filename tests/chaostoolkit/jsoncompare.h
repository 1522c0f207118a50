// QCOMPARE for nlohmann::json values, which QtTest cannot print: the failure message shows
// both values as JSON text.
#pragma once

#include <QTest>

#define COMPARE_JSON(actual, expected)                                                             \
    do {                                                                                           \
        const auto actualValue = (actual);                                                         \
        const auto expectedValue = (expected);                                                     \
        QVERIFY2(actualValue == expectedValue,                                                     \
            ("actual " + actualValue.dump() + ", expected " + expectedValue.dump()).c_str());      \
    } while (false)
