// The order API's input checks and the dependency URLs of both services, without servers.
#include "order.h"
#include "serviceurl.h"

#include <QTest>

using namespace chaoslab::orders;

class TestOrderParsing : public QObject
{
    Q_OBJECT

private slots:
    void validOrderParses();
    void invalidOrderNamesField_data();
    void invalidOrderNamesField();
    void eventHasEveryField();
    void mysqlUrlParses();
    void missingPortGetsDefault();
    void invalidUrlIsRejected_data();
    void invalidUrlIsRejected();
    void passwordIsRedacted();
};

void TestOrderParsing::validOrderParses()
{
    const auto parsed = parseOrder(R"({"customer":"ana","item":"kopi","qty":3,"note":"x"})");
    QVERIFY2(parsed.value, parsed.error.c_str());
    QCOMPARE(parsed.value->customer, std::string("ana"));
    QCOMPARE(parsed.value->item, std::string("kopi"));
    QCOMPARE(parsed.value->qty, std::int64_t(3));
}

void TestOrderParsing::invalidOrderNamesField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty body") << QByteArray("") << QByteArray("not valid JSON");
    QTest::newRow("string") << QByteArray(R"("x")") << QByteArray("expected a JSON object");
    QTest::newRow("missing item") << QByteArray(R"({"customer":"a","qty":1})")
                                  << QByteArray("missing field \"item\"");
    QTest::newRow("customer null") << QByteArray(R"({"customer":null,"item":"b","qty":1})")
                                   << QByteArray("\"customer\" is a null");
    QTest::newRow("negative qty") << QByteArray(R"({"customer":"a","item":"b","qty":-2})")
                                  << QByteArray("\"qty\" is -2");
    QTest::newRow("huge qty") << QByteArray(R"({"customer":"a","item":"b","qty":99999999999})")
                              << QByteArray("\"qty\" is too large");
    QTest::newRow("long item") << QByteArray(R"({"customer":"a","item":")" + QByteArray(256, 'x')
        + R"(","qty":1})") << QByteArray("\"item\" has 256 bytes");
}

void TestOrderParsing::invalidOrderNamesField()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const auto parsed = parseOrder(body.toStdString());
    QVERIFY(!parsed.value);
    QVERIFY2(parsed.error.find(expected.toStdString()) != std::string::npos, parsed.error.c_str());
}

void TestOrderParsing::eventHasEveryField()
{
    const auto event = orderCreatedEvent(7, { "ana", "kopi", 2 }, "2025-08-27T10:12:04.138Z");
    QCOMPARE(event,
        std::string(R"({"id":7,"customer":"ana","item":"kopi","qty":2,)"
                    R"("created_at":"2025-08-27T10:12:04.138Z"})"));
}

void TestOrderParsing::mysqlUrlParses()
{
    const auto parsed
        = parseServiceUrl("mysql://chaoslab:p%40ss@127.0.0.1:6061/orders", "mysql", 3306);
    QVERIFY2(parsed.value, parsed.error.c_str());
    QCOMPARE(parsed.value->user, std::string("chaoslab"));
    QCOMPARE(parsed.value->password, std::string("p@ss"));
    QCOMPARE(parsed.value->host, std::string("127.0.0.1"));
    QCOMPARE(parsed.value->port, std::uint16_t(6061));
    QCOMPARE(parsed.value->path, std::string("orders"));
    QCOMPARE(parsed.value->address(), std::string("127.0.0.1:6061"));
}

void TestOrderParsing::missingPortGetsDefault()
{
    const auto parsed = parseServiceUrl("amqp://guest:guest@rabbitmq/", "amqp", 5672);
    QVERIFY2(parsed.value, parsed.error.c_str());
    QCOMPARE(parsed.value->port, std::uint16_t(5672));
    QCOMPARE(parsed.value->path, std::string());
}

void TestOrderParsing::invalidUrlIsRejected_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("wrong scheme") << QByteArray("http://h/orders")
                                  << QByteArray("scheme is 'http'");
    QTest::newRow("no host") << QByteArray("mysql:///orders") << QByteArray("host is missing");
    QTest::newRow("query") << QByteArray("mysql://h/orders?x=1") << QByteArray("not supported");
    QTest::newRow("bad port") << QByteArray("mysql://h:99999/orders")
                              << QByteArray("invalid mysql URL");
}

void TestOrderParsing::invalidUrlIsRejected()
{
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, expected);
    const auto parsed = parseServiceUrl(url.toStdString(), "mysql", 3306);
    QVERIFY(!parsed.value);
    QVERIFY2(parsed.error.find(expected.toStdString()) != std::string::npos, parsed.error.c_str());
}

void TestOrderParsing::passwordIsRedacted()
{
    const auto parsed = parseServiceUrl("http://user:secret@h/", "mysql", 3306);
    QVERIFY(!parsed.value);
    QVERIFY2(parsed.error.find("secret") == std::string::npos, parsed.error.c_str());
    QVERIFY2(parsed.error.find("user:***@h") != std::string::npos, parsed.error.c_str());
}

QTEST_GUILESS_MAIN(TestOrderParsing)
#include "tst_orderparsing.moc"
