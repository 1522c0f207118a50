// HttpServer over real loopback sockets: framing, limits, keep-alive and timeouts.
#include "httpserver.h"
#include "httptestclient.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace chaoslab::net;

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAliveServesSeveralRequests();
    void pipelinedRequestsAnsweredInOrder();
    void contentLengthBodyReachesHandler();
    void chunkedBodyReachesHandler();
    void expectContinueGetsInterimResponse();
    void bodyOverOneMebibyteGets413();
    void chunkedBodyOverLimitGets413();
    void oversizedHeaderSectionGets431();
    void malformedRequestsGet400_data();
    void malformedRequestsGet400();
    void unknownHttpVersionGets505();
    void connectionCloseIsHonoured();
    void http10ClosesByDefault();
    void headResponseHasNoBody();
    void stalledClientTimedOutWhileOthersServed();
    void idleConnectionClosed();
    void handlerExceptionGives500();
    void listenReportsPortInUse();
    void closedServerReleasesPort();
    void slowClientReceivesLargeResponse_data();
    void slowClientReceivesLargeResponse();
    void stalledDownloadIsReset();

private:
    std::unique_ptr<HttpServer> m_server;
    std::atomic<int> m_handled { 0 };
};

namespace {

HttpServerConfig shortTimeouts()
{
    HttpServerConfig config;
    config.requestTimeout = std::chrono::milliseconds(400);
    config.idleTimeout = std::chrono::milliseconds(400);
    return config;
}

// Closes the descriptor when it goes out of scope.
class SocketFd
{
public:
    explicit SocketFd(int fd) : m_fd(fd) { }
    ~SocketFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SocketFd(const SocketFd&) = delete;
    SocketFd& operator=(const SocketFd&) = delete;

    int get() const { return m_fd; }

private:
    int m_fd;
};

// Connects with a receive buffer of about 64 KiB, so that the client's kernel takes little of
// a large response and the rest waits on the server until the client reads. A receive call
// fails after 5 s without data. Returns -1 on failure.
int connectWithSmallReceiveBuffer(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int bufferBytes = 64 * 1024;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof bufferBytes);
    const timeval receiveTimeout { 5, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receiveTimeout, sizeof receiveTimeout);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const QByteArray& bytes)
{
    return ::send(fd, bytes.constData(), static_cast<size_t>(bytes.size()), MSG_NOSIGNAL)
        == bytes.size();
}

struct PacedRead
{
    QByteArray bytes;
    // True when a receive call returned the end of the stream or an error such as a reset.
    bool closed = false;
};

// Reads at no more than `bytesPerSecond` until `expectedBytes` have arrived, the server closes
// the connection, or `timeoutMs` passes.
PacedRead readPaced(int fd, qint64 bytesPerSecond, qsizetype expectedBytes, int timeoutMs)
{
    PacedRead result;
    result.bytes.reserve(expectedBytes);
    QElapsedTimer timer;
    timer.start();
    char chunk[16 * 1024];
    while (result.bytes.size() < expectedBytes && timer.elapsed() < timeoutMs) {
        const qint64 allowed = bytesPerSecond * timer.elapsed() / 1000 - result.bytes.size();
        if (allowed <= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        const auto size = std::min<qint64>(
            { allowed, qint64(sizeof chunk), qint64(expectedBytes - result.bytes.size()) });
        const auto received = ::recv(fd, chunk, static_cast<size_t>(size), 0);
        if (received <= 0) {
            result.closed = true;
            break;
        }
        result.bytes.append(chunk, received);
    }
    return result;
}

QByteArray largeBody(qsizetype size)
{
    QByteArray body(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        body[i] = static_cast<char>('a' + i % 26);
    return body;
}

} // namespace

void TestHttpServer::init()
{
    m_handled = 0;
    m_server = std::make_unique<HttpServer>(
        [this](const HttpRequest& request) {
            ++m_handled;
            if (request.path == "/throw")
                throw std::runtime_error("handler bug");
            return HttpResponse::text(200,
                request.method + " " + request.path + " " + std::to_string(request.body.size())
                    + " " + request.body.substr(0, 64));
        },
        shortTimeouts());
    QVERIFY(!m_server->listen("127.0.0.1", 0));
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

void TestHttpServer::keepAliveServesSeveralRequests()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    for (int i = 0; i < 5; ++i) {
        const auto response = client.request("GET", "/item/" + QByteArray::number(i));
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "GET /item/" + QByteArray::number(i) + " 0 ");
        QVERIFY(!response->headers.count("connection"));
    }
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::pipelinedRequestsAnsweredInOrder()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    for (const QByteArray expected : { "GET /a 0 ", "GET /b 0 ", "POST /c 3 abc" }) {
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, expected);
    }
}

void TestHttpServer::contentLengthBodyReachesHandler()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto response = client.request("POST", "/echo", QByteArray(100000, 'x'));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.startsWith("POST /echo 100000 xxxx"));
}

void TestHttpServer::chunkedBodyReachesHandler()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: yes\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "POST /chunks 12 hello, world");
}

void TestHttpServer::expectContinueGetsInterimResponse()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(
        "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    const auto interim = client.readResponse();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.send("data");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, "POST /big 4 data");
}

void TestHttpServer::bodyOverOneMebibyteGets413()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.sendRequest("POST", "/upload", QByteArray(2 * 1024 * 1024, 'x'));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY2(response->body.contains("\"status\":413"), response->body.constData());
    QVERIFY2(response->body.contains("2097152"), response->body.constData());
    QVERIFY(client.waitForClose(2000));
    QCOMPARE(m_handled.load(), 0);
}

void TestHttpServer::chunkedBodyOverLimitGets413()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "80000\r\n" + QByteArray(0x80000, 'y') + "\r\n";
    for (int i = 0; i < 3; ++i)
        client.send(chunk);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
}

void TestHttpServer::oversizedHeaderSectionGets431()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(40 * 1024, 'h') + "\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
}

void TestHttpServer::malformedRequestsGet400_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("garbage line") << QByteArray("hello\r\n\r\n");
    QTest::newRow("missing version") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("space in method") << QByteArray("G T / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("target without slash") << QByteArray("GET proxies HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("bad percent escape") << QByteArray("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\n\r\n");
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nOops\r\n\r\n");
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n");
    QTest::newRow("bad content length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n");
    QTest::newRow("both framings")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
    QTest::newRow("bad chunk size")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpServer::malformedRequestsGet400()
{
    QFETCH(QByteArray, request);
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(request);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->header("content-type"), "application/json");
    QVERIFY2(response->body.startsWith("{\"error\":\""), response->body.constData());
    QVERIFY(response->body.contains("\"status\":400"));
    QVERIFY(client.waitForClose(2000));

    HttpTestClient other;
    QVERIFY(other.connectTo(m_server->port()));
    const auto fine = other.request("GET", "/still-served");
    QVERIFY(fine);
    QCOMPARE(fine->status, 200);
}

void TestHttpServer::unknownHttpVersionGets505()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET / HTTP/2.0\r\nHost: x\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 505);
}

void TestHttpServer::connectionCloseIsHonoured()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto response = client.request("GET", "/", {}, "Connection: close\r\n");
    QVERIFY(response);
    QCOMPARE(response->header("connection"), "close");
    QVERIFY(client.waitForClose(2000));
}

void TestHttpServer::http10ClosesByDefault()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("GET /old HTTP/1.0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(client.waitForClose(2000));
}

void TestHttpServer::headResponseHasNoBody()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto head = client.request("HEAD", "/x");
    QVERIFY(head);
    QCOMPARE(head->header("content-length"), "10");
    const auto next = client.request("GET", "/y");
    QVERIFY(next);
    QCOMPARE(next->body, "GET /y 0 ");
}

void TestHttpServer::stalledClientTimedOutWhileOthersServed()
{
    HttpTestClient stalled;
    QVERIFY(stalled.connectTo(m_server->port()));
    stalled.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");

    QElapsedTimer timer;
    timer.start();
    HttpTestClient other;
    QVERIFY(other.connectTo(m_server->port()));
    const auto served = other.request("GET", "/meanwhile");
    QVERIFY(served);
    QCOMPARE(served->status, 200);
    QVERIFY2(timer.elapsed() < 300, qPrintable(QString::number(timer.elapsed())));

    const auto timedOut = stalled.readResponse(3000);
    QVERIFY(timedOut);
    QCOMPARE(timedOut->status, 408);
    QVERIFY(timer.elapsed() >= 350);
    QVERIFY(stalled.waitForClose(2000));
}

void TestHttpServer::idleConnectionClosed()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    QVERIFY(client.request("GET", "/"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForClose(3000));
    QVERIFY(timer.elapsed() >= 300);
}

void TestHttpServer::handlerExceptionGives500()
{
    HttpTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    const auto response = client.request("GET", "/throw");
    QVERIFY(response);
    QCOMPARE(response->status, 500);
    QVERIFY(response->body.contains("handler bug"));
    const auto next = client.request("GET", "/after");
    QVERIFY(next);
    QCOMPARE(next->status, 200);
}

void TestHttpServer::listenReportsPortInUse()
{
    HttpServer second([](const HttpRequest&) { return HttpResponse::empty(204); });
    const auto error = second.listen("127.0.0.1", m_server->port());
    QVERIFY(error);
    QVERIFY2(error->find(std::to_string(m_server->port())) != std::string::npos, error->c_str());
    QVERIFY2(error->find("in use") != std::string::npos, error->c_str());
}

void TestHttpServer::closedServerReleasesPort()
{
    const auto port = m_server->port();
    m_server.reset();
    for (int cycle = 0; cycle < 200; ++cycle) {
        const auto context = "cycle " + std::to_string(cycle) + ", port " + std::to_string(port);
        auto server = std::make_unique<HttpServer>(
            [](const HttpRequest&) { return HttpResponse::empty(204); });
        const auto error = server->listen("127.0.0.1", port);
        QVERIFY2(!error, (context + ": " + error.value_or("")).c_str());
        // Even cycles close the server and keep the object, odd ones destroy it.
        if (cycle % 2 == 0)
            server->close();
        else
            server.reset();

        const auto rebound = listenTcp("127.0.0.1", port);
        QVERIFY2(rebound.listener, (context + ": " + rebound.error).c_str());
        ::close(rebound.listener->fd);
    }
}

void TestHttpServer::slowClientReceivesLargeResponse_data()
{
    QTest::addColumn<QByteArray>("connectionHeader");
    QTest::newRow("connection close") << QByteArray("Connection: close\r\n");
    QTest::newRow("keep-alive") << QByteArray();
}

// The client needs over a second for the response, far longer than the idle and closing
// deadlines, which must not start before the response has reached it.
void TestHttpServer::slowClientReceivesLargeResponse()
{
    QFETCH(QByteArray, connectionHeader);
    constexpr qsizetype bodySize = 24 * 1024 * 1024;
    constexpr qint64 bytesPerSecond = 16 * 1024 * 1024;
    const auto body = largeBody(bodySize);
    HttpServerConfig config;
    config.idleTimeout = std::chrono::milliseconds(200);
    config.lingerTimeout = std::chrono::milliseconds(200);
    HttpServer server(
        [&body](const HttpRequest&) { return HttpResponse::text(200, body.toStdString()); },
        config);
    QVERIFY(!server.listen("127.0.0.1", 0));
    SocketFd client(connectWithSmallReceiveBuffer(server.port()));
    QVERIFY(client.get() >= 0);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(
        sendAll(client.get(), "GET /large HTTP/1.1\r\nHost: x\r\n" + connectionHeader + "\r\n"));
    const auto head = readPaced(client.get(), bytesPerSecond, 4096, 5000).bytes;
    const auto headEnd = head.indexOf("\r\n\r\n");
    QVERIFY2(headEnd > 0, head.constData());
    const QByteArray lengthHeader = "Content-Length: " + QByteArray::number(bodySize);
    QVERIFY2(head.contains(lengthHeader), head.constData());
    auto received = head.mid(headEnd + 4);
    const auto rest = readPaced(client.get(), bytesPerSecond, bodySize - received.size(), 20000);
    received += rest.bytes;

    QCOMPARE(received.size(), bodySize);
    QVERIFY(received == body);
    QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
    if (!connectionHeader.isEmpty()) {
        char byte = 0;
        QCOMPARE(::recv(client.get(), &byte, 1, 0), 0);
    }
}

void TestHttpServer::stalledDownloadIsReset()
{
    constexpr qsizetype bodySize = 24 * 1024 * 1024;
    const auto body = largeBody(bodySize);
    HttpServerConfig config;
    config.writeStallTimeout = std::chrono::milliseconds(300);
    HttpServer server(
        [&body](const HttpRequest&) { return HttpResponse::text(200, body.toStdString()); },
        config);
    QVERIFY(!server.listen("127.0.0.1", 0));
    SocketFd client(connectWithSmallReceiveBuffer(server.port()));
    QVERIFY(client.get() >= 0);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(sendAll(client.get(), "GET /large HTTP/1.1\r\nHost: x\r\n\r\n"));
    // The client reads nothing. The reset sets POLLERR or POLLHUP, which poll() reports
    // without being asked for, even while unread bytes wait in the receive buffer.
    pollfd watched { client.get(), 0, 0 };
    QCOMPARE(::poll(&watched, 1, 5000), 1);
    QVERIFY(watched.revents & (POLLERR | POLLHUP));
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));

    const auto drained = readPaced(client.get(), 1024 * 1024 * 1024, bodySize, 5000);
    QVERIFY(drained.closed);
    QVERIFY(drained.bytes.size() < bodySize);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
