// The HTTP probe protocol on bytes alone: the request it sends, responses framed by
// Content-Length, chunked coding or the connection's end, fed whole or a byte at a time,
// status checks, keep-alive decisions and malformed responses.
#include "probes/httpprotocol.h"

#include <QTest>

using namespace chaoslab::probes;
using namespace Qt::Literals::StringLiterals;

class TestHttpProtocol : public QObject
{
    Q_OBJECT

private slots:
    void requestHasHostAndCloses();
    void requestCarriesHeadersBodyAndCredentials();
    void keepAliveRequestOmitsClose();
    void contentLengthBodyCompletes_data();
    void contentLengthBodyCompletes();
    void chunkedBodyCompletes();
    void closeDelimitedBodyCompletesOnClose();
    void closeBeforeBodyEndIsClosed();
    void closeBeforeAnswerIsClosed();
    void badStatusLineIsProtocolError_data();
    void badStatusLineIsProtocolError();
    void serverErrorIsUnexpectedStatus();
    void expectedStatusIsExact();
    void interimResponseIsSkipped();
    void headResponseHasNoBody();
    void keepAliveReuseFollowsResponse_data();
    void keepAliveReuseFollowsResponse();
    void restartParsesNextResponse();
};

namespace {

ProbeSpec httpSpec(const QString& url = u"http://127.0.0.1:8080/health"_s)
{
    return ProbeSpec::fromUrl(QUrl(url), nullptr).value_or(ProbeSpec {});
}

// Feeds `bytes` in pieces of `pieceSize` and returns the first finished step, or the last
// step when none finished.
ProtocolStep feed(HttpProtocol& protocol, const QByteArray& bytes, int pieceSize)
{
    QByteArray buffer;
    ProtocolStep step;
    for (qsizetype offset = 0; offset < bytes.size(); offset += pieceSize) {
        buffer += bytes.mid(offset, pieceSize);
        step = protocol.receive(buffer);
        if (step.finished)
            return step;
    }
    return step;
}

ProtocolStep answer(
    const QByteArray& response, ProbeSpec spec = httpSpec(), int pieceSize = 1 << 20)
{
    HttpProtocol protocol(spec);
    protocol.start();
    return feed(protocol, response, pieceSize);
}

} // namespace

void TestHttpProtocol::requestHasHostAndCloses()
{
    HttpProtocol protocol(httpSpec());
    const auto request = protocol.start();
    QVERIFY2(request.startsWith("GET /health HTTP/1.1\r\n"), request.constData());
    QVERIFY(request.contains("\r\nHost: 127.0.0.1:8080\r\n"));
    QVERIFY(request.contains("\r\nConnection: close\r\n"));
    QVERIFY(request.contains("\r\nUser-Agent: chaoslab-probe/"));
    QVERIFY(request.endsWith("\r\n\r\n"));
    QVERIFY(!request.contains("Content-Length"));

    HttpProtocol defaultPort(httpSpec(u"http://example.test/"_s));
    QVERIFY(defaultPort.start().contains("\r\nHost: example.test\r\n"));
}

void TestHttpProtocol::requestCarriesHeadersBodyAndCredentials()
{
    auto spec = httpSpec(u"http://ann:pw@[::1]:81/todos"_s);
    spec.method = "POST";
    spec.body = R"({"title":"x"})";
    spec.headers = { { "Content-Type", "application/json" } };
    const auto request = HttpProtocol(spec).request();
    QVERIFY2(request.startsWith("POST /todos HTTP/1.1\r\n"), request.constData());
    QVERIFY(request.contains("\r\nHost: [::1]:81\r\n"));
    QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));
    QVERIFY(request.contains("\r\nContent-Length: 13\r\n"));
    const QByteArray authorization = "\r\nAuthorization: Basic " + "ann:pw"_ba.toBase64() + "\r\n";
    QVERIFY(request.contains(authorization));
    QVERIFY(request.endsWith(QByteArray("\r\n\r\n" + spec.body)));
}

void TestHttpProtocol::keepAliveRequestOmitsClose()
{
    auto spec = httpSpec();
    spec.keepAlive = true;
    QVERIFY(!HttpProtocol(spec).request().contains("Connection:"));
}

void TestHttpProtocol::contentLengthBodyCompletes_data()
{
    QTest::addColumn<int>("pieceSize");
    QTest::newRow("whole") << 4096;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("seven bytes") << 7;
}

void TestHttpProtocol::contentLengthBodyCompletes()
{
    QFETCH(int, pieceSize);
    const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}";
    HttpProtocol protocol(httpSpec());
    protocol.start();
    const auto partial = feed(protocol, response.chopped(1), pieceSize);
    QVERIFY(!partial.finished);
    QByteArray last = response.right(1);
    const auto step = protocol.receive(last);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"HTTP 200 OK"_s);
    QVERIFY(last.isEmpty());
}

void TestHttpProtocol::chunkedBodyCompletes()
{
    const QByteArray response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "5\r\nhello\r\n"
                                "6;name=value\r\n world\r\n"
                                "0\r\nX-Trailer: 1\r\n\r\n";
    for (const int pieceSize : { 1, 3, 1000 }) {
        const auto step = answer(response, httpSpec(), pieceSize);
        QVERIFY2(step.finished, qPrintable(u"piece size %1"_s.arg(pieceSize)));
        QVERIFY2(step.outcome == ProbeOutcome::Ok, qPrintable(step.detail));
    }
    const auto incomplete = answer(response.left(response.indexOf("0\r\n")));
    QVERIFY(!incomplete.finished);
    const auto badSize = answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QCOMPARE(badSize.outcome, ProbeOutcome::ProtocolError);
    QVERIFY2(badSize.detail.contains(u"chunk size"), qPrintable(badSize.detail));
}

void TestHttpProtocol::closeDelimitedBodyCompletesOnClose()
{
    HttpProtocol protocol(httpSpec());
    protocol.start();
    QByteArray buffer = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nsome body";
    QVERIFY(!protocol.receive(buffer).finished);
    const auto step = protocol.receiveClose(buffer);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QVERIFY(!protocol.reusable());
}

void TestHttpProtocol::closeBeforeBodyEndIsClosed()
{
    HttpProtocol protocol(httpSpec());
    protocol.start();
    QByteArray buffer = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part";
    QVERIFY(!protocol.receive(buffer).finished);
    const auto step = protocol.receiveClose(buffer);
    QCOMPARE(step.outcome, ProbeOutcome::ClosedAfterConnect);
    QVERIFY2(
        step.detail.contains(u"after 9 bytes of the body of HTTP 200 OK"), qPrintable(step.detail));
}

void TestHttpProtocol::closeBeforeAnswerIsClosed()
{
    HttpProtocol protocol(httpSpec());
    protocol.start();
    const auto silent = protocol.receiveClose({});
    QCOMPARE(silent.outcome, ProbeOutcome::ClosedAfterConnect);

    QByteArray buffer = "HTTP/1.1 200 OK\r\nContent-";
    QVERIFY(!protocol.receive(buffer).finished);
    QCOMPARE(protocol.receiveClose(buffer).outcome, ProbeOutcome::ClosedAfterConnect);
}

void TestHttpProtocol::badStatusLineIsProtocolError_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
    QTest::newRow("HTTP/2 preface") << QByteArray("HTTP/2 200\r\n\r\n");
    QTest::newRow("two-digit status") << QByteArray("HTTP/1.1 20 OK\r\n\r\n");
    QTest::newRow("redis error") << QByteArray("-ERR unknown command 'GET'\r\n");
    QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
    QTest::newRow("endless line") << QByteArray(9000, 'x');
}

void TestHttpProtocol::badStatusLineIsProtocolError()
{
    QFETCH(QByteArray, response);
    const auto step = answer(response);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QVERIFY(!step.detail.isEmpty());
}

void TestHttpProtocol::serverErrorIsUnexpectedStatus()
{
    const auto step = answer("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\n\r\n{}");
    QCOMPARE(step.outcome, ProbeOutcome::UnexpectedStatus);
    QCOMPARE(step.detail, u"HTTP 500 Internal Server Error, expected 2xx or 3xx"_s);

    const auto notFound = answer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(notFound.outcome, ProbeOutcome::UnexpectedStatus);
    const auto redirect = answer("HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(redirect.outcome, ProbeOutcome::Ok);
}

void TestHttpProtocol::expectedStatusIsExact()
{
    auto spec = httpSpec();
    spec.expectedStatus = 404;
    const auto notFound = answer("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}", spec);
    QCOMPARE(notFound.outcome, ProbeOutcome::Ok);
    const auto ok = answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", spec);
    QCOMPARE(ok.outcome, ProbeOutcome::UnexpectedStatus);
    QCOMPARE(ok.detail, u"HTTP 200 OK, expected 404"_s);
}

void TestHttpProtocol::interimResponseIsSkipped()
{
    const auto step = answer("HTTP/1.1 100 Continue\r\n\r\n"
                             "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"HTTP 201 Created"_s);
}

void TestHttpProtocol::headResponseHasNoBody()
{
    auto spec = httpSpec();
    spec.method = "HEAD";
    const auto step = answer("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", spec);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    const auto noContent = answer("HTTP/1.1 204 No Content\r\n\r\n");
    QVERIFY(noContent.finished);
}

void TestHttpProtocol::keepAliveReuseFollowsResponse_data()
{
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("reusable");
    const QByteArray plain = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    QTest::newRow("HTTP/1.1 with length") << true << plain << true;
    QTest::newRow("keep-alive off") << false << plain << false;
    QTest::newRow("server says close")
        << true << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
        << false;
    QTest::newRow("HTTP/1.0 default")
        << true << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << true
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")
        << true;
    QTest::newRow("chunked")
        << true << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << true;
    QTest::newRow("extra bytes after response") << true << plain + "HTTP/1.1 200 OK\r\n" << false;
}

void TestHttpProtocol::keepAliveReuseFollowsResponse()
{
    QFETCH(bool, keepAlive);
    QFETCH(QByteArray, response);
    QFETCH(bool, reusable);
    auto spec = httpSpec();
    spec.keepAlive = keepAlive;
    HttpProtocol protocol(spec);
    protocol.start();
    const auto step = protocol.receive(response);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(protocol.reusable(), reusable);
}

void TestHttpProtocol::restartParsesNextResponse()
{
    auto spec = httpSpec();
    spec.keepAlive = true;
    HttpProtocol protocol(spec);
    QCOMPARE(protocol.start(), protocol.request());
    QByteArray first = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    QCOMPARE(protocol.receive(first).outcome, ProbeOutcome::Ok);
    QCOMPARE(protocol.restart(), protocol.request());
    QByteArray second = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
    QCOMPARE(protocol.receive(second).outcome, ProbeOutcome::UnexpectedStatus);
}

QTEST_GUILESS_MAIN(TestHttpProtocol)
#include "tst_httpprotocol.moc"
