// Helpers shared by the client and monitor tests: capturing a callback's result, printing
// error kinds in failed comparisons, and finding an unused loopback port.
#pragma once

#include "toxiproxy/toxiproxyclient.h"

#include <QHostAddress>
#include <QStringList>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace chaoslab::toxiproxy {

// Let QCOMPARE print error kinds, proxies and toxics.
inline char* toString(ErrorKind kind)
{
    return QTest::toString(errorKindName(kind));
}

inline QString describe(const Toxic& toxic)
{
    QStringList attributes;
    for (const auto& attribute : toxic.attributes)
        attributes.append(attribute.name + u'=' + QString::number(attribute.value));
    return QStringLiteral("%1 (%2, %3, toxicity %4, %5)")
        .arg(toxic.name, toxic.type, streamName(toxic.stream))
        .arg(toxic.toxicity)
        .arg(attributes.join(u", "));
}

inline char* toString(const Toxic& toxic)
{
    return QTest::toString(describe(toxic));
}

inline char* toString(const Proxy& proxy)
{
    QStringList toxics;
    for (const auto& toxic : proxy.toxics)
        toxics.append(describe(toxic));
    return QTest::toString(
        QStringLiteral("%1 (listen %2, upstream %3, %4, toxics [%5])")
            .arg(proxy.name, proxy.listen, proxy.upstream,
                proxy.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                toxics.join(u"; ")));
}

} // namespace chaoslab::toxiproxy

template <typename T> struct Outcome
{
    bool called = false;
    chaoslab::toxiproxy::ApiResult result;
    T value {};
};

struct DoneOutcome
{
    bool called = false;
    chaoslab::toxiproxy::ApiResult result;
};

template <typename T>
chaoslab::toxiproxy::ToxiproxyClient::Callback<T> recordInto(std::shared_ptr<Outcome<T>> outcome)
{
    return [outcome](const chaoslab::toxiproxy::ApiResult& result, const T& value) {
        outcome->called = true;
        outcome->result = result;
        outcome->value = value;
    };
}

inline chaoslab::toxiproxy::ToxiproxyClient::Done recordInto(std::shared_ptr<DoneOutcome> outcome)
{
    return [outcome](const chaoslab::toxiproxy::ApiResult& result) {
        outcome->called = true;
        outcome->result = result;
    };
}

// Returns a port on 127.0.0.1 that nothing listened on a moment ago. Another process may
// take it before the caller uses it, which is unlikely in a test run.
inline quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// Deadline for one API call against a loopback server on a loaded machine.
constexpr int CallDeadlineMs = 5000;

// Waits for the callback that fills `outcome`, then checks that the call succeeded.
#define AWAIT_CALL(outcome) QTRY_VERIFY_WITH_TIMEOUT((outcome)->called, CallDeadlineMs)
#define AWAIT_SUCCESS(outcome)                                                                     \
    do {                                                                                           \
        AWAIT_CALL(outcome);                                                                       \
        QVERIFY2((outcome)->result.ok(), qPrintable((outcome)->result.message));                   \
    } while (false)
