// The data plane's plumbing, driven directly with real loopback sockets: forwarding,
// half-close, stopping a proxy, failed upstreams, name resolution and resets.
#include "dataplane.h"
#include "loopbackpeers.h"

#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace chaoslab::engine;
using loopback::Client;
using loopback::Clock;
using loopback::Milliseconds;
using loopback::Outcome;
using loopback::Server;

class TestDataPlane : public QObject
{
    Q_OBJECT

private slots:
    void forwardsLargePayloadBothWays();
    void downloadsUntilUpstreamCloses();
    void propagatesHalfClose();
    void forwardsSmallWritesAfterBulk();
    void stopClosesListenerAndConnections();
    void stopReturnsFastUnderLoad();
    void refusedUpstreamClosesClient();
    void resolvesHostNames();
    void appliesUpstreamMapper();
    void countsConnections();
    void upstreamResetResetsClient();

private:
    ProxyId start(DataPlane& plane, const std::string& upstream, std::uint16_t& port)
    {
        const int fd = loopback::listenOn(port);
        return plane.startProxy("test", fd, upstream, {});
    }
    static std::string at(std::uint16_t port) { return "127.0.0.1:" + std::to_string(port); }
};

void TestDataPlane::forwardsLargePayloadBothWays()
{
    auto echo = Server::echo();
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, at(echo->port()), port);

    Client client(port);
    QVERIFY(client.connected());
    const auto payload = loopback::pattern(8 * 1024 * 1024);
    std::thread writer([&] { client.send(payload); });
    const auto echoed = client.readExactly(payload.size(), Milliseconds(20000));
    writer.join();
    QCOMPARE(echoed.size(), payload.size());
    QVERIFY(echoed == payload);
}

void TestDataPlane::downloadsUntilUpstreamCloses()
{
    auto sender = Server::sender(4 * 1024 * 1024);
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, at(sender->port()), port);

    Client client(port);
    const auto result = client.readUntilClose(Clock::now(), Milliseconds(10000));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QCOMPARE(result.data.size(), size_t(4 * 1024 * 1024));
    QVERIFY(result.data == loopback::pattern(4 * 1024 * 1024));
}

void TestDataPlane::propagatesHalfClose()
{
    auto sink = Server::countingSink();
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, at(sink->port()), port);

    Client client(port);
    QVERIFY(client.send(std::string(100000, 'h')));
    client.shutdownWrite();
    const auto result = client.readUntilClose(Clock::now(), Milliseconds(3000));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QCOMPARE(result.data.size(), size_t(8));
    std::uint64_t count = 0;
    for (const char byte : result.data)
        count = (count << 8) | static_cast<unsigned char>(byte);
    QCOMPARE(count, std::uint64_t(100000));
}

void TestDataPlane::forwardsSmallWritesAfterBulk()
{
    // A bulk stream moves through a kernel pipe. Many small segments afterwards fill the
    // pipe's page slots long before its bytes, which must not stall the stream.
    auto sink = Server::countingSink();
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, at(sink->port()), port);

    Client client(port);
    QVERIFY(client.send(std::string(1024 * 1024, 'b')));
    const std::string small(50, 's');
    for (int index = 0; index < 20000; ++index)
        QVERIFY(client.send(small));
    client.shutdownWrite();
    const auto reply = client.readExactly(8, Milliseconds(10000));
    QCOMPARE(reply.size(), size_t(8));
    std::uint64_t count = 0;
    for (const char byte : reply)
        count = (count << 8) | static_cast<unsigned char>(byte);
    QCOMPARE(count, std::uint64_t(1024 * 1024 + 20000 * 50));
}

void TestDataPlane::stopClosesListenerAndConnections()
{
    auto echo = Server::echo();
    DataPlane plane(2);
    std::uint16_t port = 0;
    const auto id = start(plane, at(echo->port()), port);
    Client open(port);
    QVERIFY(open.echoRoundTrip() >= 0);

    plane.stopProxy(id);
    const auto closed = open.readUntilClose(Clock::now(), Milliseconds(1000));
    QVERIFY2(closed.outcome == Outcome::Eof || closed.outcome == Outcome::Reset,
        loopback::outcomeName(closed.outcome));
    QVERIFY(!Client(port).connected());

    // The port is free again at once, as when a proxy is disabled and enabled.
    std::uint16_t again = 0;
    const int fd = loopback::listenOn(again, port);
    QVERIFY2(fd >= 0, "binding the stopped proxy's port failed");
    plane.startProxy("test", fd, at(echo->port()), {});
    Client reopened(port);
    QVERIFY(reopened.echoRoundTrip() >= 0);
}

void TestDataPlane::stopReturnsFastUnderLoad()
{
    DataPlane plane(2);
    ProxyId id = 0;
    loopback::Flood flood(100, [&](std::uint16_t upstreamPort) {
        std::uint16_t port = 0;
        id = start(plane, at(upstreamPort), port);
        return port;
    });
    QTRY_COMPARE_WITH_TIMEOUT(plane.connectionCount(id), 100, 5000);
    const auto before = flood.bytesReceived();
    QTest::qWait(300);
    QVERIFY2(flood.bytesReceived() > before + 10 * 1024 * 1024, "the connections stream no data");

    const auto start = Clock::now();
    plane.stopProxy(id);
    const auto stopMs = Milliseconds(Clock::now() - start).count();
    qInfo("stopProxy with 100 streaming connections took %.1f ms", stopMs);
    QVERIFY2(stopMs < 100, qPrintable(QStringLiteral("stopProxy took %1 ms").arg(stopMs)));
    QCOMPARE(plane.connectionCount(id), 0);
}

void TestDataPlane::refusedUpstreamClosesClient()
{
    DataPlane plane(2);
    std::uint16_t port = 0;
    const auto id = start(plane, at(loopback::refusedPort()), port);

    Client client(port);
    QVERIFY2(client.connected(), "the client's connect must succeed, as with Toxiproxy");
    const auto result = client.readUntilClose(Clock::now(), Milliseconds(1000));
    QVERIFY2(result.outcome == Outcome::Eof || result.outcome == Outcome::Reset,
        loopback::outcomeName(result.outcome));
    QCOMPARE(result.data.size(), size_t(0));
    QTRY_COMPARE(plane.connectionCount(id), 0);
}

void TestDataPlane::resolvesHostNames()
{
    auto echo = Server::echo();
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, "localhost:" + std::to_string(echo->port()), port);

    Client client(port);
    QVERIFY(client.echoRoundTrip() >= 0);
}

void TestDataPlane::appliesUpstreamMapper()
{
    auto echo = Server::echo();
    DataPlane plane(2);
    const auto target = at(echo->port());
    plane.setUpstreamMapper([target](const std::string& upstream) {
        return upstream == "order-api:8080" ? target : upstream;
    });
    std::uint16_t port = 0;
    start(plane, "order-api:8080", port);

    Client client(port);
    QVERIFY(client.echoRoundTrip() >= 0);
}

void TestDataPlane::countsConnections()
{
    auto echo = Server::echo();
    DataPlane plane(2);
    std::uint16_t port = 0;
    const auto id = start(plane, at(echo->port()), port);
    {
        Client first(port);
        Client second(port);
        Client third(port);
        QTRY_COMPARE(plane.connectionCount(id), 3);
    }
    QTRY_COMPARE(plane.connectionCount(id), 0);
}

void TestDataPlane::upstreamResetResetsClient()
{
    Server resetter([](int fd) {
        char byte = 0;
        ::recv(fd, &byte, 1, 0);
        const linger immediate { 1, 0 };
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &immediate, sizeof immediate);
    });
    DataPlane plane(2);
    std::uint16_t port = 0;
    start(plane, at(resetter.port()), port);

    Client client(port);
    QVERIFY(client.send("x"));
    const auto result = client.readUntilClose(Clock::now(), Milliseconds(2000));
    QCOMPARE(loopback::outcomeName(result.outcome), "ECONNRESET");
}

QTEST_GUILESS_MAIN(TestDataPlane)
#include "tst_dataplane.moc"
