// The engine host over real loopback sockets: it starts the built-in engine only when
// nothing responds, serves the Toxiproxy API and the demo_api proxy, and leaves a running
// server or another program alone. Only 127.0.0.1 is ever contacted.
#include "demoservice.h"
#include "engine.h"
#include "enginehost.h"
#include "httpserver.h"
#include "httptestclient.h"
#include "toxiproxyapi.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace chaoslab;
using host::EngineHost;

class TestEngineHost : public QObject
{
    Q_OBJECT

private slots:
    void startsBuiltInWhenNothingListens();
    void builtInServesToxiproxyApi();
    void demoProxyForwardsToDemoService();
    void demoProxyFallsBackWhenPortTaken();
    void runningServerIsUsedNotReplaced();
    void otherProgramOnPortFails();
    void silentProgramOnPortFails();
    void invalidUrlFails();
    void startBuiltInReportsPortInUse();
    void destroyingHostStopsEngine();
};

namespace {

constexpr int signalTimeoutMs = 5000;

// A port nothing listens on at the moment of the call.
quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QUrl localUrl(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

quint16 portOf(const std::string& address)
{
    return quint16(QString::fromStdString(address).section(u':', -1).toUInt());
}

nlohmann::json parse(const QByteArray& body)
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

// Compact JSON text, which QCOMPARE can print when values differ.
QByteArray text(const nlohmann::json& json)
{
    return QByteArray::fromStdString(json.dump());
}

std::optional<TestResponse> getFrom(quint16 port, const QByteArray& path)
{
    HttpTestClient client;
    if (!client.connectTo(port))
        return std::nullopt;
    return client.request("GET", path);
}

// Starts the built-in engine on a free port and waits for ready().
std::unique_ptr<EngineHost> startedHost()
{
    auto host = std::make_unique<EngineHost>();
    QSignalSpy ready(host.get(), &EngineHost::ready);
    host->start(localUrl(unusedPort()));
    if (!ready.wait(signalTimeoutMs) || !host->builtInEngine())
        return nullptr;
    return host;
}

} // namespace

void TestEngineHost::startsBuiltInWhenNothingListens()
{
    EngineHost host;
    QSignalSpy ready(&host, &EngineHost::ready);
    QSignalSpy failed(&host, &EngineHost::failed);
    const auto url = localUrl(unusedPort());

    host.start(url);
    QVERIFY(host.isChecking());
    QCOMPARE(ready.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, signalTimeoutMs);

    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
    QCOMPARE(ready[0][0].value<EngineHost::Kind>(), EngineHost::Kind::BuiltIn);
    QCOMPARE(ready[0][1].toString(), QStringLiteral("built-in engine at ") + url.toString());
    QVERIFY(host.builtInEngine());
    QVERIFY(!host.isChecking());
    QCOMPARE(host.builtInEngine()->apiAddress(), url.authority().toStdString());
}

void TestEngineHost::builtInServesToxiproxyApi()
{
    const auto host = startedHost();
    QVERIFY(host);
    const auto apiPort = quint16(host->url().port());

    const auto version = getFrom(apiPort, "/version");
    QVERIFY(version);
    QCOMPARE(version->status, 200);
    QCOMPARE(text(parse(version->body)["version"]), "\"2.12.0\"");

    const auto proxies = getFrom(apiPort, "/proxies");
    QVERIFY(proxies);
    QCOMPARE(proxies->status, 200);
    const auto demo = parse(proxies->body)["demo_api"];
    QVERIFY2(demo.is_object(), proxies->body.constData());
    QCOMPARE(
        text(demo["upstream"]), text(nlohmann::json(host->builtInEngine()->demoServiceAddress())));
    QCOMPARE(text(demo["listen"]), text(nlohmann::json(host->builtInEngine()->demoProxyAddress())));
    QCOMPARE(text(demo["enabled"]), "true");
}

void TestEngineHost::demoProxyForwardsToDemoService()
{
    const auto host = startedHost();
    QVERIFY(host);
    const auto proxyPort = portOf(host->builtInEngine()->demoProxyAddress());
    QVERIFY(proxyPort != 0);

    const auto viaProxy = getFrom(proxyPort, "/todos/1");
    QVERIFY(viaProxy);
    QCOMPARE(viaProxy->status, 200);
    const auto todo = parse(viaProxy->body);
    QCOMPARE(text(todo["id"]), "1");
    QCOMPARE(text(todo["userId"]), "1");
    QVERIFY(todo["title"].is_string());
    QVERIFY(todo["completed"].is_boolean());

    const auto direct = getFrom(portOf(host->builtInEngine()->demoServiceAddress()), "/todos/1");
    QVERIFY(direct);
    QCOMPARE(viaProxy->body, direct->body);
}

void TestEngineHost::demoProxyFallsBackWhenPortTaken()
{
    // If another program listens on the port already, the fallback is taken all the same.
    QTcpServer holder;
    holder.listen(QHostAddress::LocalHost, host::BuiltInEngine::DemoProxyPort);

    const auto host = startedHost();
    QVERIFY(host);
    const auto proxyPort = portOf(host->builtInEngine()->demoProxyAddress());
    QVERIFY(proxyPort != 0);
    QVERIFY(proxyPort != host::BuiltInEngine::DemoProxyPort);
    const auto viaProxy = getFrom(proxyPort, "/health");
    QVERIFY(viaProxy);
    QCOMPARE(viaProxy->status, 200);
}

void TestEngineHost::runningServerIsUsedNotReplaced()
{
    engine::Engine engine(1);
    engine::ToxiproxyApi api(engine);
    net::HttpServer server([&api](const net::HttpRequest& request) { return api.handle(request); });
    QVERIFY(!server.listen("127.0.0.1", 0));
    const auto url = localUrl(server.port());

    EngineHost host;
    QSignalSpy ready(&host, &EngineHost::ready);
    QSignalSpy failed(&host, &EngineHost::failed);
    host.start(url);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, signalTimeoutMs);

    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready[0][0].value<EngineHost::Kind>(), EngineHost::Kind::Toxiproxy);
    QCOMPARE(ready[0][1].toString(), QStringLiteral("Toxiproxy 2.12.0 at ") + url.toString());
    QVERIFY(!host.builtInEngine());
    QVERIFY(engine.proxies().empty());
}

void TestEngineHost::otherProgramOnPortFails()
{
    demo::DemoService other;
    QVERIFY(!other.listen("127.0.0.1", 0));
    const auto url = localUrl(other.port());

    EngineHost host;
    QSignalSpy ready(&host, &EngineHost::ready);
    QSignalSpy failed(&host, &EngineHost::failed);
    host.start(url);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, signalTimeoutMs);

    QCOMPARE(failed.count(), 1);
    const auto message = failed[0][0].toString();
    QVERIFY2(message.contains(u"HTTP 404"), qPrintable(message));
    QVERIFY2(message.contains(u"another program uses " + url.toString()), qPrintable(message));
    QVERIFY(!host.builtInEngine());
}

void TestEngineHost::silentProgramOnPortFails()
{
    // Accepts connections in the kernel's backlog but never responds, so the version check
    // times out and binding the port then fails.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const auto url = localUrl(silent.serverPort());

    EngineHost host;
    QSignalSpy ready(&host, &EngineHost::ready);
    QSignalSpy failed(&host, &EngineHost::failed);
    host.start(url);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, signalTimeoutMs);

    QCOMPARE(failed.count(), 1);
    const auto message = failed[0][0].toString();
    QVERIFY2(message.contains(u"Could not start the built-in engine at " + url.toString()),
        qPrintable(message));
    QVERIFY2(message.contains(u"in use"), qPrintable(message));
    QVERIFY(!host.builtInEngine());
}

void TestEngineHost::invalidUrlFails()
{
    EngineHost host;
    QSignalSpy failed(&host, &EngineHost::failed);
    host.start(QUrl(QStringLiteral("127.0.0.1:8474")));
    QCOMPARE(failed.count(), 0);
    QVERIFY(failed.wait(signalTimeoutMs));
    QVERIFY2(failed[0][0].toString().contains(u"http://127.0.0.1:8474"),
        qPrintable(failed[0][0].toString()));
    QVERIFY(!host.isChecking());
}

void TestEngineHost::startBuiltInReportsPortInUse()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    EngineHost host;

    const auto error = host.startBuiltIn(localUrl(holder.serverPort()));
    QVERIFY(error);
    QVERIFY2(error->contains(u"in use"), qPrintable(*error));
    QVERIFY2(error->contains(QString::number(holder.serverPort())), qPrintable(*error));
    QVERIFY(!host.builtInEngine());

    const auto remote = host.startBuiltIn(QUrl(QStringLiteral("http://192.0.2.1:8474")));
    QVERIFY(remote);
    QVERIFY(!host.builtInEngine());
}

void TestEngineHost::destroyingHostStopsEngine()
{
    auto host = startedHost();
    QVERIFY(host);
    const auto apiPort = quint16(host->url().port());
    const auto proxyPort = portOf(host->builtInEngine()->demoProxyAddress());
    const auto demoPort = portOf(host->builtInEngine()->demoServiceAddress());
    // NOTE: HttpServer leaks its listening socket when it is closed before its thread has
    // taken the socket over. A request through the proxy proves that both servers run, so
    // this test checks the shutdown of running servers only.
    QVERIFY(getFrom(apiPort, "/version"));
    QVERIFY(getFrom(proxyPort, "/health"));

    host.reset();
    // Binding succeeds only when nothing listens on the port any more.
    for (const quint16 port : { apiPort, proxyPort, demoPort }) {
        QTcpServer server;
        QVERIFY2(server.listen(QHostAddress::LocalHost, port),
            qPrintable(QStringLiteral("port %1: %2").arg(port).arg(server.errorString())));
    }
}

QTEST_GUILESS_MAIN(TestEngineHost)

#include "tst_enginehost.moc"
