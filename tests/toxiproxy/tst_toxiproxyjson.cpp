// Reading Toxiproxy 2.12 response bodies and building request paths and bodies. The
// response bodies are copies of what toxiproxy-server 2.12.0 sends.
#include "toxiproxy/apirequest.h"
#include "toxiproxy/responseparser.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace chaoslab::toxiproxy;
using namespace Qt::StringLiterals;

class TestToxiproxyJson : public QObject
{
    Q_OBJECT

private slots:
    void proxyMapKeepsServerOrder();
    void proxyIgnoresLoggerField();
    void toxicKeepsAttributeOrder();
    void toxicStreamIgnoresCase();
    void toxicNullAttributesAreEmpty();
    void populateResultMayBeNull();
    void versionFromJsonOrText();
    void shapeErrorNamesField_data();
    void shapeErrorNamesField();
    void notJsonThrowsParseError();
    void pathsEncodeNames();
    void createProxyBody();
    void createToxicBodyOmitsEmptyName();
    void updateBodiesHoldOnlySetFields();
};

namespace {

const QByteArray mainProxy = R"({"name":"tx_main","listen":"127.0.0.1:26401",)"
                             R"("upstream":"127.0.0.1:27000","enabled":true,"Logger":{},)"
                             R"("toxics":[]})";

nlohmann::json bodyJson(const ApiRequest& request)
{
    return nlohmann::json::parse(request.body.toStdString());
}

QString textAt(const nlohmann::json& json, const char* key)
{
    return QString::fromStdString(json.at(key).get<std::string>());
}

} // namespace

void TestToxiproxyJson::proxyMapKeepsServerOrder()
{
    const QByteArray body = R"({"tx_case":{"name":"tx_case","listen":"127.0.0.1:26406",)"
                            R"("upstream":"127.0.0.1:27000","enabled":true,"Logger":{},)"
                            R"("toxics":[]},"tx_disabled":{"name":"tx_disabled",)"
                            R"("listen":"127.0.0.1:0","upstream":"127.0.0.1:27000",)"
                            R"("enabled":false,"Logger":{},"toxics":[]}})";
    const auto proxies = parseProxyMap(body);
    QCOMPARE(proxies.size(), 2);
    QCOMPARE(proxies[0].name, u"tx_case");
    QCOMPARE(proxies[1].name, u"tx_disabled");
    QCOMPARE(proxies[1].listen, u"127.0.0.1:0");
    QCOMPARE(proxies[1].enabled, false);
}

void TestToxiproxyJson::proxyIgnoresLoggerField()
{
    const auto proxy = parseProxy(mainProxy);
    QCOMPARE(proxy.name, u"tx_main");
    QCOMPARE(proxy.listen, u"127.0.0.1:26401");
    QCOMPARE(proxy.upstream, u"127.0.0.1:27000");
    QVERIFY(proxy.enabled);
    QVERIFY(proxy.toxics.isEmpty());
}

void TestToxiproxyJson::toxicKeepsAttributeOrder()
{
    const auto toxic = parseToxic(R"({"attributes":{"average_size":10,"size_variation":5,)"
                                  R"("delay":1000},"name":"x_slicer","type":"slicer",)"
                                  R"("stream":"upstream","toxicity":0.25})");
    QCOMPARE(toxic.name, u"x_slicer");
    QCOMPARE(toxic.type, u"slicer");
    QCOMPARE(toxic.stream, ToxicStream::Upstream);
    QCOMPARE(toxic.toxicity, 0.25);
    QCOMPARE(toxic.attributes.size(), 3);
    QCOMPARE(toxic.attributes[0].name, u"average_size");
    QCOMPARE(toxic.attributes[1].name, u"size_variation");
    QCOMPARE(toxic.attributes[2].name, u"delay");
    QCOMPARE(toxic.attribute(u"delay"), 1000);
    QCOMPARE(toxic.attribute(u"rate"), std::nullopt);
}

void TestToxiproxyJson::toxicStreamIgnoresCase()
{
    const auto toxic = parseToxic(R"({"attributes":{"latency":0,"jitter":0},)"
                                  R"("name":"case_stream","type":"latency",)"
                                  R"("stream":"UPSTREAM","toxicity":1})");
    QCOMPARE(toxic.stream, ToxicStream::Upstream);
    QCOMPARE(toxic.toxicity, 1.0);
}

void TestToxiproxyJson::toxicNullAttributesAreEmpty()
{
    const auto toxic = parseToxic(R"({"attributes":null,"name":"noop1","type":"noop"})");
    QVERIFY(toxic.attributes.isEmpty());
    QCOMPARE(toxic.stream, ToxicStream::Downstream);
    QCOMPARE(toxic.toxicity, 1.0);
}

void TestToxiproxyJson::populateResultMayBeNull()
{
    QVERIFY(parsePopulateResult(R"({"proxies":null})").isEmpty());
    const auto proxies = parsePopulateResult("{\"proxies\":[" + mainProxy + "]}");
    QCOMPARE(proxies.size(), 1);
    QCOMPARE(proxies[0].name, u"tx_main");
}

void TestToxiproxyJson::versionFromJsonOrText()
{
    QCOMPARE(parseVersion("{\"version\": \"2.12.0\"}\n"), u"2.12.0");
    QCOMPARE(parseVersion("2.1.4\n"), u"2.1.4");
    QVERIFY_THROWS_EXCEPTION(ResponseShapeError, parseVersion("<html><body>503</body></html>"));
}

void TestToxiproxyJson::shapeErrorNamesField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");

    QTest::newRow("proxy without listen")
        << QByteArray(R"({"name":"p","upstream":"a:1","enabled":true})") << "\"listen\"";
    QTest::newRow("enabled as string")
        << QByteArray(R"({"name":"p","listen":"a:1","upstream":"a:2","enabled":"yes"})")
        << "\"enabled\"";
    QTest::newRow("toxics as object")
        << QByteArray(R"({"name":"p","listen":"a:1","upstream":"a:2","enabled":true,"toxics":{}})")
        << "\"toxics\"";
    QTest::newRow("toxic attribute as float")
        << QByteArray(R"({"name":"p","listen":"a:1","upstream":"a:2","enabled":true,)"
                      R"("toxics":[{"name":"t","type":"latency","attributes":{"latency":1.5}}]})")
        << "\"latency\"";
    QTest::newRow("toxic stream unknown")
        << QByteArray(R"({"name":"p","listen":"a:1","upstream":"a:2","enabled":true,)"
                      R"("toxics":[{"name":"t","type":"latency","stream":"both"}]})")
        << "\"stream\"";
    QTest::newRow("array instead of proxy") << QByteArray("[]") << "object";
}

void TestToxiproxyJson::shapeErrorNamesField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    try {
        parseProxy(body);
        QFAIL("parseProxy accepted a body of the wrong shape");
    } catch (const ResponseShapeError& error) {
        const auto message = QString::fromStdString(error.what());
        QVERIFY2(message.contains(named), qPrintable(message));
    }
}

void TestToxiproxyJson::notJsonThrowsParseError()
{
    QVERIFY_THROWS_EXCEPTION(nlohmann::json::parse_error, parseProxyMap("404 page not found\n"));
    QVERIFY_THROWS_EXCEPTION(ResponseShapeError, parseProxyMap("[]"));
}

void TestToxiproxyJson::pathsEncodeNames()
{
    QCOMPARE(requests::getProxy(u"tx_with space"_s).path, "/proxies/tx_with%20space");
    QCOMPARE(requests::deleteToxic(u"a/b"_s, u"lat?1"_s).path, "/proxies/a%2Fb/toxics/lat%3F1");
    QCOMPARE(requests::listToxics(u"redis"_s).path, "/proxies/redis/toxics");
    QCOMPARE(requests::reset().method, "POST");
    QCOMPARE(requests::reset().path, "/reset");
    QVERIFY(requests::reset().body.isEmpty());
}

void TestToxiproxyJson::createProxyBody()
{
    const Proxy proxy { u"redis"_s, u"127.0.0.1:26379"_s, u"127.0.0.1:6379"_s, false, {} };
    const auto request = requests::createProxy(proxy);
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.path, "/proxies");
    QVERIFY(request.operation.contains(u"\"redis\""));
    const auto json = bodyJson(request);
    QCOMPARE(textAt(json, "name"), u"redis");
    QCOMPARE(textAt(json, "listen"), u"127.0.0.1:26379");
    QCOMPARE(textAt(json, "upstream"), u"127.0.0.1:6379");
    QCOMPARE(json.at("enabled").get<bool>(), false);
    QVERIFY(!json.contains("toxics"));
}

void TestToxiproxyJson::createToxicBodyOmitsEmptyName()
{
    Toxic toxic;
    toxic.type = u"latency"_s;
    toxic.stream = ToxicStream::Upstream;
    toxic.toxicity = 0.5;
    toxic.setAttribute(u"latency"_s, 100);
    toxic.setAttribute(u"jitter"_s, 10);
    toxic.setAttribute(u"latency"_s, 150);
    const auto json = bodyJson(requests::createToxic(u"redis"_s, toxic));
    QVERIFY(!json.contains("name"));
    QCOMPARE(textAt(json, "type"), u"latency");
    QCOMPARE(textAt(json, "stream"), u"upstream");
    QCOMPARE(json.at("toxicity").get<double>(), 0.5);
    QCOMPARE(json.at("attributes").at("latency").get<qint64>(), 150);
    QCOMPARE(json.at("attributes").at("jitter").get<qint64>(), 10);
}

void TestToxiproxyJson::updateBodiesHoldOnlySetFields()
{
    ProxyUpdate proxyUpdate;
    proxyUpdate.enabled = false;
    const auto proxyJson = bodyJson(requests::updateProxy(u"redis"_s, proxyUpdate));
    QVERIFY(proxyJson == nlohmann::json({ { "enabled", false } }));

    ToxicUpdate toxicUpdate;
    toxicUpdate.attributes.append({ u"latency"_s, 250 });
    const auto toxicJson = bodyJson(requests::updateToxic(u"redis"_s, u"lat"_s, toxicUpdate));
    QVERIFY(toxicJson == nlohmann::json({ { "attributes", { { "latency", 250 } } } }));
}

QTEST_GUILESS_MAIN(TestToxiproxyJson)
#include "tst_toxiproxyjson.moc"
