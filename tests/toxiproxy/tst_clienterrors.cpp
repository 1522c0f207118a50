// Error kinds, messages, headers, cancellation and context binding of ToxiproxyClient,
// against loopback servers that refuse, stay silent or send fixed responses.
#include "clienttestsupport.h"
#include "scriptedhttpserver.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

using namespace chaoslab::toxiproxy;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestClientErrors : public QObject
{
    Q_OBJECT

private slots:
    void refusedWhenNothingListens();
    void timesOutWhenServerIsSilent();
    void requestTimeoutOverridesDefault();
    void htmlServiceUnavailableIsNotToxiproxy();
    void errorBodyReadWhateverContentType_data();
    void errorBodyReadWhateverContentType();
    void unreadableSuccessIsInvalidResponse_data();
    void unreadableSuccessIsInvalidResponse();
    void sendsOwnUserAgentAndJsonBody();
    void encodesNamesInPath();
    void keepsPathOfBaseUrl();
    void cancelDeliversCancelledLater();
    void cancelAllEndsEveryRequest();
    void callbackDroppedWithContext();
    void destroyingClientDropsCallbacks();
};

namespace {

QByteArray headerLine(const QByteArray& head, const QByteArray& name)
{
    for (const auto& line : head.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.trimmed();
    }
    return {};
}

} // namespace

void TestClientErrors::refusedWhenNothingListens()
{
    const auto port = unusedPort();
    QVERIFY(port != 0);
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    ToxiproxyClient client(url);
    auto outcome = std::make_shared<Outcome<QList<Proxy>>>();
    client.listProxies(this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, ErrorKind::ConnectionRefused);
    QCOMPARE(outcome->result.httpStatus, 0);
    QVERIFY2(outcome->result.message.contains(url.toString()), qPrintable(outcome->result.message));
    QVERIFY2(outcome->result.message.contains(u"refused"), qPrintable(outcome->result.message));
    QVERIFY2(
        outcome->result.message.contains(u"list proxies"), qPrintable(outcome->result.message));
}

void TestClientErrors::timesOutWhenServerIsSilent()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ToxiproxyClient client(server.url());
    client.setDefaultTimeout(300ms);
    auto outcome = std::make_shared<Outcome<QString>>();
    QElapsedTimer elapsed;
    elapsed.start();
    client.version(this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, ErrorKind::TimedOut);
    // Qt's coarse timers may fire up to 5% early.
    QVERIFY2(elapsed.elapsed() >= 285, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(outcome->result.message.contains(u"300 ms"), qPrintable(outcome->result.message));
    QCOMPARE(server.requestHeads().size(), 1);
}

void TestClientErrors::requestTimeoutOverridesDefault()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ToxiproxyClient client(server.url());
    auto request = requests::listProxies();
    request.timeout = 200ms;
    auto outcome = std::make_shared<DoneOutcome>();
    QElapsedTimer elapsed;
    elapsed.start();
    client.send(request, this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, ErrorKind::TimedOut);
    QVERIFY2(elapsed.elapsed() >= 190, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(elapsed.elapsed() < 2500, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(outcome->result.message.contains(u"200 ms"), qPrintable(outcome->result.message));
}

void TestClientErrors::htmlServiceUnavailableIsNotToxiproxy()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedHttpServer::response(503, "Service Unavailable",
        "text/html; charset=utf-8", "<html><body><h1>503 Service Unavailable</h1></body></html>"));
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<Outcome<QList<Proxy>>>();
    client.listProxies(this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    const auto& result = outcome->result;
    QCOMPARE(result.error, ErrorKind::ServerError);
    QCOMPARE(result.httpStatus, 503);
    QVERIFY(result.serverMessage.isEmpty());
    QVERIFY(result.payload.contains("<h1>"));
    QVERIFY2(result.message.contains(u"503 Service Unavailable"), qPrintable(result.message));
    QVERIFY2(result.message.contains(u"not from Toxiproxy"), qPrintable(result.message));
}

void TestClientErrors::errorBodyReadWhateverContentType_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("serverMessage");

    const auto plain = QByteArray("text/plain; charset=utf-8");
    QTest::newRow("409 JSON sent as text/plain")
        << ScriptedHttpServer::response(
               409, "Conflict", plain, "{\"error\":\"proxy already exists\",\"status\":409}\n")
        << ErrorKind::Conflict << u"proxy already exists"_s;
    QTest::newRow("404 JSON sent as text/plain") << ScriptedHttpServer::response(
        404, "Not Found", plain, "{\"error\":\"proxy not found\",\"status\":404}\n")
                                                 << ErrorKind::NotFound << u"proxy not found"_s;
    QTest::newRow("400 JSON sent as application/json")
        << ScriptedHttpServer::response(400, "Bad Request", "application/json",
               "{\"error\":\"missing required field: upstream\",\"status\":400}")
        << ErrorKind::ClientError << u"missing required field: upstream"_s;
    QTest::newRow("500 JSON without content type")
        << ScriptedHttpServer::response(500, "Internal Server Error", {},
               "{\"error\":\"listen tcp: address 99999: invalid port\",\"status\":500}\n")
        << ErrorKind::ServerError << u"listen tcp: address 99999: invalid port"_s;
    QTest::newRow("403 plain text")
        << ScriptedHttpServer::response(403, "Forbidden", plain, "User agent not allowed\n")
        << ErrorKind::ClientError << u"User agent not allowed"_s;
    QTest::newRow("404 from an unknown route")
        << ScriptedHttpServer::response(404, "Not Found", plain, "404 page not found\n")
        << ErrorKind::NotFound << u"404 page not found"_s;
}

void TestClientErrors::errorBodyReadWhateverContentType()
{
    QFETCH(QByteArray, response);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, serverMessage);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(response);
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<Outcome<Proxy>>();
    client.getProxy(u"tx_main"_s, this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, kind);
    QCOMPARE(outcome->result.serverMessage, serverMessage);
    QVERIFY2(outcome->result.message.contains(serverMessage), qPrintable(outcome->result.message));
    QVERIFY2(outcome->result.message.contains(u"read proxy \"tx_main\""),
        qPrintable(outcome->result.message));
}

void TestClientErrors::unreadableSuccessIsInvalidResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("detail");

    QTest::newRow("text instead of JSON")
        << ScriptedHttpServer::response(200, "OK", "text/plain", "hello") << u"parse"_s;
    QTest::newRow("array instead of object")
        << ScriptedHttpServer::response(200, "OK", "application/json", "[]") << u"proxy list"_s;
    QTest::newRow("proxy without upstream") << ScriptedHttpServer::response(200, "OK",
        "application/json", R"({"p":{"name":"p","listen":"127.0.0.1:1","enabled":true}})")
                                            << u"\"upstream\""_s;
    QTest::newRow("no content") << ScriptedHttpServer::response(204, "No Content", {}, {})
                                << u"parse"_s;
    QTest::newRow("redirect not followed")
        << QByteArray("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/proxies\r\n"
                      "Content-Length: 0\r\nConnection: close\r\n\r\n")
        << u"unexpected HTTP status 302"_s;
}

void TestClientErrors::unreadableSuccessIsInvalidResponse()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, detail);

    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(response);
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<Outcome<QList<Proxy>>>();
    client.listProxies(this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, ErrorKind::InvalidResponse);
    QVERIFY2(outcome->result.message.contains(detail), qPrintable(outcome->result.message));
    QVERIFY2(outcome->result.message.contains(server.url().toString()),
        qPrintable(outcome->result.message));
}

void TestClientErrors::sendsOwnUserAgentAndJsonBody()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedHttpServer::response(200, "OK", "application/json",
        R"({"attributes":{"latency":100,"jitter":0},"name":"latency_downstream",)"
        R"("type":"latency","stream":"downstream","toxicity":1})"));
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<Outcome<Toxic>>();
    Toxic toxic;
    toxic.type = u"latency"_s;
    toxic.setAttribute(u"latency"_s, 100);
    client.createToxic(u"redis"_s, toxic, this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QVERIFY2(outcome->result.ok(), qPrintable(outcome->result.message));
    QCOMPARE(server.requestHeads().size(), 1);
    const auto& head = server.requestHeads().first();
    QVERIFY2(head.startsWith("POST /proxies/redis/toxics HTTP/1.1"), head.constData());
    QCOMPARE(headerLine(head, "User-Agent"), "User-Agent: " + ToxiproxyClient::userAgent());
    QVERIFY(ToxiproxyClient::userAgent().startsWith("chaoslab/"));
    QCOMPARE(headerLine(head, "Content-Type"), "Content-Type: application/json");
}

void TestClientErrors::encodesNamesInPath()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedHttpServer::response(204, "No Content", {}, {}));
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<DoneOutcome>();
    client.deleteToxic(u"my proxy"_s, u"a/b"_s, this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QVERIFY2(outcome->result.ok(), qPrintable(outcome->result.message));
    const auto& head = server.requestHeads().first();
    QVERIFY2(head.startsWith("DELETE /proxies/my%20proxy/toxics/a%2Fb HTTP/1.1"), head.constData());
}

void TestClientErrors::keepsPathOfBaseUrl()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedHttpServer::response(204, "No Content", {}, {}));
    auto url = server.url();
    url.setPath(u"/toxiproxy/"_s);
    ToxiproxyClient client(url);
    auto outcome = std::make_shared<DoneOutcome>();
    client.reset(this, recordInto(outcome));

    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QVERIFY2(outcome->result.ok(), qPrintable(outcome->result.message));
    const auto& head = server.requestHeads().first();
    QVERIFY2(head.startsWith("POST /toxiproxy/reset HTTP/1.1"), head.constData());
}

void TestClientErrors::cancelDeliversCancelledLater()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ToxiproxyClient client(server.url());
    auto outcome = std::make_shared<Outcome<QList<Proxy>>>();
    const auto id = client.listProxies(this, recordInto(outcome));
    QTRY_COMPARE_WITH_TIMEOUT(server.requestHeads().size(), 1, 5000);

    client.cancel(id);
    QVERIFY(!outcome->called);
    QCOMPARE(client.pendingCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->called, 5000);
    QCOMPARE(outcome->result.error, ErrorKind::Cancelled);
    QVERIFY2(
        outcome->result.message.contains(u"list proxies"), qPrintable(outcome->result.message));

    client.cancel(id);
    client.cancel(id + 100);
}

void TestClientErrors::cancelAllEndsEveryRequest()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ToxiproxyClient client(server.url());
    auto first = std::make_shared<Outcome<QString>>();
    auto second = std::make_shared<DoneOutcome>();
    client.version(this, recordInto(first));
    client.reset(this, recordInto(second));
    QCOMPARE(client.pendingCount(), 2);

    client.cancelAll();
    QCOMPARE(client.pendingCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->called && second->called, 5000);
    QCOMPARE(first->result.error, ErrorKind::Cancelled);
    QCOMPARE(second->result.error, ErrorKind::Cancelled);
}

void TestClientErrors::callbackDroppedWithContext()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedHttpServer::response(200, "OK", "application/json", "{}"));
    ToxiproxyClient client(server.url());
    auto finished = std::make_shared<Outcome<QList<Proxy>>>();
    auto cancelled = std::make_shared<Outcome<QString>>();
    auto context = std::make_unique<QObject>();
    client.listProxies(context.get(), recordInto(finished));
    const auto silentId = client.version(context.get(), recordInto(cancelled));
    client.cancel(silentId);
    context.reset();

    QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server.requestHeads().size(), 1, 5000);
    // A later request with a live context finishes after the dropped ones were processed.
    auto later = std::make_shared<Outcome<QList<Proxy>>>();
    client.listProxies(this, recordInto(later));
    QTRY_VERIFY_WITH_TIMEOUT(later->called, 5000);
    QVERIFY(!finished->called);
    QVERIFY(!cancelled->called);
}

void TestClientErrors::destroyingClientDropsCallbacks()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    auto outcome = std::make_shared<Outcome<QList<Proxy>>>();
    auto cancelled = std::make_shared<Outcome<QString>>();
    {
        ToxiproxyClient client(server.url());
        client.listProxies(this, recordInto(outcome));
        const auto id = client.version(this, recordInto(cancelled));
        QTRY_COMPARE_WITH_TIMEOUT(server.requestHeads().size(), 2, 5000);
        client.cancel(id);
    }
    server.setResponse(ScriptedHttpServer::response(200, "OK", "application/json", "{}"));
    ToxiproxyClient next(server.url());
    auto later = std::make_shared<Outcome<QList<Proxy>>>();
    next.listProxies(this, recordInto(later));
    QTRY_VERIFY_WITH_TIMEOUT(later->called, 5000);
    QVERIFY(!outcome->called);
    QVERIFY(!cancelled->called);
}

QTEST_GUILESS_MAIN(TestClientErrors)
#include "tst_clienterrors.moc"
