// Probe attempts over real loopback sockets: each way a connection can end maps to its
// outcome (refused, timed out, reset, closed, protocol error), HTTP against the demo
// service, kept connections, host names, and https with a self-signed certificate, where an
// RST during or after the TLS handshake is a reset and a FIN is a close.
#include "demoservice.h"
#include "scriptedpeer.h"

#include "probes/probeattemptrunner.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace chaoslab::probes;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestProbeAttempts : public QObject
{
    Q_OBJECT

private slots:
    void tcpConnectIsOk();
    void closedPortIsRefused();
    void silentPeerTimesOut();
    void fullBacklogTimesOutConnecting();
    void lingerZeroCloseIsReset();
    void finCloseIsClosed();
    void partialAnswerThenFinIsClosed();
    void garbageAnswerIsProtocolError();
    void demoServiceHealthIsOk();
    void demoServiceUnknownItemIsUnexpectedStatus();
    void keepAliveReusesConnection();
    void keptConnectionClosedByPeerReconnects();
    void localhostIsResolved();
    void abortReportsNothing();
    void untrustedCertificateIsProtocolError();
    void insecureAcceptsSelfSignedCertificate();
    void httpsResetDuringHandshakeIsReset();
    void httpsResetAfterHandshakeIsReset();
    void httpsFinAfterHandshakeIsClosed();
};

namespace {

constexpr int FinishTimeoutMs = 5000;

ProbeSpec specFor(const QString& url, std::chrono::milliseconds timeout = 2000ms)
{
    auto spec = ProbeSpec::fromUrl(QUrl(url), nullptr).value_or(ProbeSpec {});
    spec.timeout = timeout;
    return spec;
}

QString httpUrl(quint16 port, const QString& path = u"/"_s)
{
    return u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
}

// Runs one attempt (or the next one on `runner`) and returns it.
ProbeAttempt runOnce(ProbeAttemptRunner& runner)
{
    QSignalSpy finished(&runner, &ProbeAttemptRunner::finished);
    runner.start();
    if (!finished.wait(FinishTimeoutMs))
        return ProbeAttempt { 0, -1, -1, -1, ProbeOutcome::TimedOut, u"no report"_s };
    return finished.first().first().value<ProbeAttempt>();
}

ProbeAttempt runOnce(const ProbeSpec& spec)
{
    ProbeAttemptRunner runner(spec);
    return runOnce(runner);
}

QByteArray describe(const ProbeAttempt& attempt)
{
    return (outcomeName(attempt.outcome) + u": "_s + attempt.detail).toUtf8();
}

quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QSslConfiguration selfSignedServer()
{
    // A self-signed certificate for localhost and 127.0.0.1, valid until 2126.
    static const QByteArray certificate = R"(-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUctJtqP3I8f6fXOc18Xs24N7JYPMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDIwNDQzMFoYDzIxMjYxMTEw
MjA0NDMwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQR+lIS8MaP//QE2+Q9vsqChmR5R8Hj77RrP1Zv28GfZRrzeRzSGVep
+qrOvZTXFbEYlnQZmiot1WKfFWfDPcpno28wbTAdBgNVHQ4EFgQUeoZore9rukDa
XN6yX5GrqoBTEWkwHwYDVR0jBBgwFoAUeoZore9rukDaXN6yX5GrqoBTEWkwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIgWCaUOXjifoXfbOhUN/9+yD4YkPC217jWJlqNphS2e0ECIQC+
HbLKGP2v4Vsy/awXaxcbnvHxEez72t8x/bWg0jg16w==
-----END CERTIFICATE-----
)";
    static const QByteArray key = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5LJ9Jb5Dvu8ytQdm
ifW1RI18TNm0F7ctgL5KCb0uzA+hRANCAAQR+lIS8MaP//QE2+Q9vsqChmR5R8Hj
77RrP1Zv28GfZRrzeRzSGVep+qrOvZTXFbEYlnQZmiot1WKfFWfDPcpn
-----END PRIVATE KEY-----
)";
    auto configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate));
    configuration.setPrivateKey(QSslKey(key, QSsl::Ec));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace

void TestProbeAttempts::tcpConnectIsOk()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const auto attempt = runOnce(specFor(u"tcp://127.0.0.1:%1"_s.arg(server.serverPort())));
    QVERIFY2(attempt.ok(), describe(attempt));
    QVERIFY(attempt.connectMs >= 0);
    QCOMPARE(attempt.firstByteMs, -1.0);
    QVERIFY(attempt.totalMs >= attempt.connectMs);
    QVERIFY(attempt.startedAtMs > 0);
}

void TestProbeAttempts::closedPortIsRefused()
{
    const auto port = unusedPort();
    const auto attempt = runOnce(specFor(u"tcp://127.0.0.1:%1"_s.arg(port)));
    QCOMPARE(attempt.outcome, ProbeOutcome::Refused);
    QCOMPARE(attempt.connectMs, -1.0);
    QVERIFY2(attempt.detail.contains(u"connection refused by 127.0.0.1:%1"_s.arg(port)),
        describe(attempt));
}

void TestProbeAttempts::silentPeerTimesOut()
{
    ScriptedPeer peer([](QTcpSocket*, int) {});
    const auto attempt = runOnce(specFor(httpUrl(peer.port()), 300ms));
    QCOMPARE(attempt.outcome, ProbeOutcome::TimedOut);
    QVERIFY(attempt.connectMs >= 0);
    QVERIFY2(attempt.totalMs >= 300, describe(attempt));
    QVERIFY2(attempt.detail.contains(u"no complete answer within 300 ms"), describe(attempt));
}

// A listener whose accept queue is full: Linux drops further SYNs, so connect() hangs.
void TestProbeAttempts::fullBacklogTimesOutConnecting()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr*>(&address), length), 0);
    QCOMPARE(::listen(listener, 0), 0);
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const auto port = ntohs(address.sin_port);

    std::vector<std::unique_ptr<QTcpSocket>> fillers;
    for (int i = 0; i < 3; ++i) {
        fillers.push_back(std::make_unique<QTcpSocket>());
        fillers.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    QTest::qWait(100);

    const auto attempt = runOnce(specFor(u"tcp://127.0.0.1:%1"_s.arg(port), 300ms));
    fillers.clear();
    ::close(listener);
    QCOMPARE(attempt.outcome, ProbeOutcome::TimedOut);
    QCOMPARE(attempt.connectMs, -1.0);
    QVERIFY2(attempt.detail.contains(u"no connection to 127.0.0.1:%1 within 300 ms"_s.arg(port)),
        describe(attempt));
}

void TestProbeAttempts::lingerZeroCloseIsReset()
{
    ScriptedPeer peer([](QTcpSocket* socket, int) { ScriptedPeer::closeWithReset(socket); });
    const auto attempt = runOnce(specFor(httpUrl(peer.port())));
    QVERIFY2(attempt.outcome == ProbeOutcome::Reset, describe(attempt));
    QVERIFY2(attempt.detail.contains(u"reset"), describe(attempt));
}

void TestProbeAttempts::finCloseIsClosed()
{
    ScriptedPeer peer([](QTcpSocket* socket, int) { ScriptedPeer::closeWithFin(socket); });
    const auto attempt = runOnce(specFor(httpUrl(peer.port())));
    QVERIFY2(attempt.outcome == ProbeOutcome::ClosedAfterConnect, describe(attempt));
    QCOMPARE(attempt.firstByteMs, -1.0);
}

void TestProbeAttempts::partialAnswerThenFinIsClosed()
{
    ScriptedPeer peer([](QTcpSocket* socket, int) {
        ScriptedPeer::answer(socket, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        ScriptedPeer::closeWithFin(socket);
    });
    const auto attempt = runOnce(specFor(httpUrl(peer.port())));
    QVERIFY2(attempt.outcome == ProbeOutcome::ClosedAfterConnect, describe(attempt));
    QVERIFY(attempt.firstByteMs >= attempt.connectMs);
    QVERIFY2(attempt.detail.contains(u"after 3 bytes"), describe(attempt));
}

void TestProbeAttempts::garbageAnswerIsProtocolError()
{
    ScriptedPeer peer([](QTcpSocket* socket, int) { ScriptedPeer::answer(socket, "+PONG\r\n"); });
    const auto attempt = runOnce(specFor(httpUrl(peer.port())));
    QVERIFY2(attempt.outcome == ProbeOutcome::ProtocolError, describe(attempt));
    QVERIFY2(attempt.detail.contains(u"+PONG"), describe(attempt));
}

void TestProbeAttempts::demoServiceHealthIsOk()
{
    chaoslab::demo::DemoService service;
    QVERIFY(!service.listen("127.0.0.1", 0));
    const auto attempt = runOnce(specFor(httpUrl(service.port(), u"/health"_s)));
    QVERIFY2(attempt.ok(), describe(attempt));
    QCOMPARE(attempt.detail, u"HTTP 200 OK"_s);
    QVERIFY(attempt.connectMs >= 0);
    QVERIFY(attempt.firstByteMs >= attempt.connectMs);
    QVERIFY(attempt.totalMs >= attempt.firstByteMs);
}

void TestProbeAttempts::demoServiceUnknownItemIsUnexpectedStatus()
{
    chaoslab::demo::DemoService service;
    QVERIFY(!service.listen("127.0.0.1", 0));
    const auto attempt = runOnce(specFor(httpUrl(service.port(), u"/todos/9999"_s)));
    QCOMPARE(attempt.outcome, ProbeOutcome::UnexpectedStatus);
    QVERIFY2(attempt.detail.startsWith(u"HTTP 404"), describe(attempt));
}

void TestProbeAttempts::keepAliveReusesConnection()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::answer(socket, ScriptedPeer::okResponse()); });
    auto spec = specFor(httpUrl(peer.port()));
    spec.keepAlive = true;
    ProbeAttemptRunner runner(spec);
    for (int i = 0; i < 3; ++i) {
        const auto attempt = runOnce(runner);
        QVERIFY2(attempt.ok(), describe(attempt));
        if (i > 0)
            QCOMPARE(attempt.connectMs, 0.0);
        QVERIFY(runner.hasIdleConnection());
    }
    QCOMPARE(peer.connections(), 1);
    QCOMPARE(peer.requests(), 3);
}

void TestProbeAttempts::keptConnectionClosedByPeerReconnects()
{
    // The peer closes a connection when its second request arrives, as a server does whose
    // idle timeout expired just then.
    ScriptedPeer peer([](QTcpSocket* socket, int request) {
        if (request == 1)
            ScriptedPeer::answer(socket, ScriptedPeer::okResponse());
        else
            ScriptedPeer::closeWithFin(socket);
    });
    auto spec = specFor(httpUrl(peer.port()));
    spec.keepAlive = true;
    ProbeAttemptRunner runner(spec);
    QVERIFY(runOnce(runner).ok());
    const auto second = runOnce(runner);
    QVERIFY2(second.ok(), describe(second));
    QCOMPARE(peer.connections(), 2);
}

void TestProbeAttempts::localhostIsResolved()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const auto attempt = runOnce(specFor(u"tcp://localhost:%1"_s.arg(server.serverPort())));
    QVERIFY2(attempt.ok(), describe(attempt));
}

void TestProbeAttempts::abortReportsNothing()
{
    ScriptedPeer peer([](QTcpSocket*, int) {});
    ProbeAttemptRunner runner(specFor(httpUrl(peer.port()), 100ms));
    QSignalSpy finished(&runner, &ProbeAttemptRunner::finished);
    runner.start();
    QTRY_COMPARE(peer.requests(), 1);
    runner.abort();
    QVERIFY(!runner.isBusy());
    QVERIFY(!finished.wait(300));
}

void TestProbeAttempts::untrustedCertificateIsProtocolError()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::answer(socket, ScriptedPeer::okResponse()); },
        selfSignedServer());
    const auto attempt = runOnce(specFor(u"https://localhost:%1/"_s.arg(peer.port())));
    QVERIFY2(attempt.outcome == ProbeOutcome::ProtocolError, describe(attempt));
    QVERIFY2(attempt.detail.contains(u"TLS handshake"), describe(attempt));
    QVERIFY2(attempt.detail.contains(u"insecure"), describe(attempt));
}

void TestProbeAttempts::insecureAcceptsSelfSignedCertificate()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::answer(socket, ScriptedPeer::okResponse()); },
        selfSignedServer());
    auto spec = specFor(u"https://localhost:%1/"_s.arg(peer.port()));
    spec.insecure = true;
    const auto attempt = runOnce(spec);
    QVERIFY2(attempt.ok(), describe(attempt));
    QVERIFY(attempt.connectMs > 0);
}

void TestProbeAttempts::httpsResetDuringHandshakeIsReset()
{
    // A plain TCP peer that resets the connection as soon as the client's hello arrives.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        auto* socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket,
            [socket] { ScriptedPeer::closeWithReset(socket); });
    });
    auto spec = specFor(u"https://localhost:%1/"_s.arg(server.serverPort()));
    spec.insecure = true;
    const auto attempt = runOnce(spec);
    QVERIFY2(attempt.outcome == ProbeOutcome::Reset, describe(attempt));
    QVERIFY2(attempt.detail.contains(u"TLS handshake"), describe(attempt));
}

void TestProbeAttempts::httpsResetAfterHandshakeIsReset()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::closeWithReset(socket); }, selfSignedServer());
    auto spec = specFor(u"https://localhost:%1/"_s.arg(peer.port()));
    spec.insecure = true;
    const auto attempt = runOnce(spec);
    QVERIFY2(attempt.outcome == ProbeOutcome::Reset, describe(attempt));
    QVERIFY2(!attempt.detail.contains(u"TLS handshake"), describe(attempt));
    QCOMPARE(peer.requests(), 1);
}

void TestProbeAttempts::httpsFinAfterHandshakeIsClosed()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::closeWithFin(socket); }, selfSignedServer());
    auto spec = specFor(u"https://localhost:%1/"_s.arg(peer.port()));
    spec.insecure = true;
    const auto attempt = runOnce(spec);
    QVERIFY2(attempt.outcome == ProbeOutcome::ClosedAfterConnect, describe(attempt));
}

QTEST_GUILESS_MAIN(TestProbeAttempts)
#include "tst_probeattempts.moc"
