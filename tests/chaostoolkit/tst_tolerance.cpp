// Steady-state tolerances against probe outputs, as chaostoolkit-lib 1.4x checks them.
#include "chaostoolkit/configuration.h"
#include "chaostoolkit/tolerance.h"

#include <QTest>

using namespace chaoslab::chaostoolkit;

namespace {

Json http(int status, const std::string& body = "OK")
{
    return Json { { "status", status }, { "headers", Json::object() }, { "body", body } };
}

} // namespace

class TestTolerance : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("tolerance");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("met");
        const auto ok = QByteArray::fromStdString(http(200).dump());
        const auto error = QByteArray::fromStdString(http(500).dump());
        QTest::newRow("int matches HTTP status") << QByteArray("200") << ok << true;
        QTest::newRow("int rejects other HTTP status") << QByteArray("200") << error << false;
        QTest::newRow("int matches a plain number") << QByteArray("3") << QByteArray("3") << true;
        QTest::newRow("int does not match its string")
            << QByteArray("3") << QByteArray("\"3\"") << false;
        QTest::newRow("bool matches") << QByteArray("true") << QByteArray("true") << true;
        QTest::newRow("bool equals one as in Python")
            << QByteArray("true") << QByteArray("1") << true;
        QTest::newRow("bool rejects false") << QByteArray("true") << QByteArray("false") << false;
        QTest::newRow("string matches") << QByteArray("\"up\"") << QByteArray("\"up\"") << true;
        QTest::newRow("string rejects other")
            << QByteArray("\"up\"") << QByteArray("\"down\"") << false;
        QTest::newRow("list is membership for HTTP") << QByteArray("[200, 201]") << ok << true;
        QTest::newRow("two-item list is membership for HTTP")
            << QByteArray("[500, 503]") << ok << false;
        QTest::newRow("two-item list is a range")
            << QByteArray("[1, 10]") << QByteArray("5") << true;
        QTest::newRow("two-item list range is inclusive")
            << QByteArray("[1, 10]") << QByteArray("10") << true;
        QTest::newRow("two-item list range rejects outside")
            << QByteArray("[1, 10]") << QByteArray("11") << false;
        QTest::newRow("longer list is membership")
            << QByteArray("[1, 5, 10]") << QByteArray("5") << true;
        QTest::newRow("longer list rejects non-member")
            << QByteArray("[1, 5, 10]") << QByteArray("4") << false;
        QTest::newRow("range object")
            << QByteArray("{\"type\":\"range\",\"range\":[0,1.5]}") << QByteArray("1.2") << true;
        QTest::newRow("range object on target")
            << QByteArray("{\"type\":\"range\",\"range\":[200,299],\"target\":\"status\"}") << ok
            << true;
        QTest::newRow("range object rejects text")
            << QByteArray("{\"type\":\"range\",\"range\":[0,1]}") << QByteArray("\"x\"") << false;
        QTest::newRow("regex searches body")
            << QByteArray("{\"type\":\"regex\",\"pattern\":\"^O\",\"target\":\"body\"}") << ok
            << true;
        QTest::newRow("regex rejects body")
            << QByteArray("{\"type\":\"regex\",\"pattern\":\"fail\",\"target\":\"body\"}") << ok
            << false;
        QTest::newRow("jsonpath finds value")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$.a.b[0]\",\"expect\":7}")
            << QByteArray("{\"a\":{\"b\":[7,8]}}") << true;
        QTest::newRow("jsonpath rejects value")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$.a.b[1]\",\"expect\":7}")
            << QByteArray("{\"a\":{\"b\":[7,8]}}") << false;
        QTest::newRow("jsonpath parses body text")
            << QByteArray(
                   "{\"type\":\"jsonpath\",\"path\":\"$.id\",\"target\":\"body\",\"expect\":1}")
            << QByteArray("{\"status\":200,\"body\":\"{\\\"id\\\":1}\"}") << true;
        QTest::newRow("jsonpath counts wildcard")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$.items[*].id\",\"count\":2}")
            << QByteArray("{\"items\":[{\"id\":1},{\"id\":2}]}") << true;
        QTest::newRow("jsonpath without expect needs a match")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$.missing\"}")
            << QByteArray("{\"a\":1}") << false;
    }

    void check()
    {
        QFETCH(QByteArray, tolerance);
        QFETCH(QByteArray, value);
        QFETCH(bool, met);
        const Json parsedTolerance = Json::parse(tolerance.toStdString());
        QVERIFY(!validateTolerance(parsedTolerance));
        const Configuration configuration;
        const auto result
            = checkTolerance(parsedTolerance, Json::parse(value.toStdString()), configuration);
        QCOMPARE(result.met, met);
        QCOMPARE(result.detail.empty(), met);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("tolerance");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("float") << QByteArray("1.5") << QByteArray("invalid");
        QTest::newRow("null") << QByteArray("null") << QByteArray("invalid");
        QTest::newRow("range with one bound")
            << QByteArray("{\"type\":\"range\",\"range\":[1]}") << QByteArray("two numbers");
        QTest::newRow("bad regex")
            << QByteArray("{\"type\":\"regex\",\"pattern\":\"(\"}") << QByteArray("invalid");
        QTest::newRow("recursive jsonpath")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$..id\"}")
            << QByteArray("recursive descent");
        QTest::newRow("jsonpath filter")
            << QByteArray("{\"type\":\"jsonpath\",\"path\":\"$.a[?(@.b)]\"}")
            << QByteArray("not supported");
        QTest::newRow("probe tolerance") << QByteArray("{\"type\":\"probe\",\"name\":\"x\"}")
                                         << QByteArray("not supported natively");
        QTest::newRow("unknown type")
            << QByteArray("{\"type\":\"between\"}") << QByteArray("unsupported");
    }

    void invalid()
    {
        QFETCH(QByteArray, tolerance);
        QFETCH(QByteArray, message);
        const auto error = validateTolerance(Json::parse(tolerance.toStdString()));
        QVERIFY(error);
        QVERIFY2(error->find(message.toStdString()) != std::string::npos, error->c_str());
    }
};

QTEST_GUILESS_MAIN(TestTolerance)
#include "tst_tolerance.moc"
