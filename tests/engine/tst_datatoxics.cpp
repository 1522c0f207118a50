// Each toxic's effect measured through the data plane with real loopback sockets.
// Delays have strict lower bounds and generous upper bounds, so the checks hold on a
// loaded 2-core machine.
#include "dataplane.h"
#include "loopbackpeers.h"

#include <QTest>

#include <algorithm>

using namespace chaoslab::engine;
using loopback::Client;
using loopback::Clock;
using loopback::Milliseconds;
using loopback::Outcome;
using loopback::Server;

namespace {

ToxicSpec makeToxic(const char* type, std::vector<ToxicAttribute> values,
    Stream stream = Stream::Downstream, double toxicity = 1.0)
{
    auto toxic = defaultToxic(*findToxicType(type));
    for (const auto& value : values)
        toxic.setAttribute(value.name, value.value);
    toxic.stream = stream;
    toxic.streamText = std::string(streamName(stream));
    toxic.name = toxic.type + "_" + toxic.streamText;
    toxic.toxicity = toxicity;
    return toxic;
}

const char* describe(const loopback::ReadResult& result)
{
    static thread_local std::string text;
    text = std::to_string(result.data.size()) + " B, " + loopback::outcomeName(result.outcome)
        + " at " + std::to_string(result.end.count()) + " ms";
    return text.c_str();
}

} // namespace

class TestDataToxics : public QObject
{
    Q_OBJECT

private slots:
    void latencyDelaysEachEcho();
    void latencyOnBothStreamsAdds();
    void latencyPipelinesChunks();
    void jitterStaysInRange();
    void upstreamToxicLeavesDownstreamAlone();
    void bandwidthLimitsRate();
    void bandwidthZeroIsUnlimited();
    void slowCloseDelaysFin();
    void timeoutDropsDataAndCloses();
    void timeoutZeroNeverCloses();
    void removingTimeoutCloses();
    void resetPeerWaitsForData();
    void slicerSplitsIntoSmallReads();
    void slicerSurvivesOddValues();
    void limitDataPassesExactBytes();
    void toxicityZeroNeverApplies();
    void toxicityHalfAppliesToSome();
    void toxicChangeAppliesToOpenConnection();
    void removingLatencyReleasesQueuedData();

private:
    std::uint16_t serve(const Server& upstream, const std::vector<ToxicSpec>& toxics)
    {
        std::uint16_t port = 0;
        const int fd = loopback::listenOn(port);
        m_proxy = m_plane->startProxy(
            "toxics", fd, "127.0.0.1:" + std::to_string(upstream.port()), toxics);
        return port;
    }

    std::unique_ptr<DataPlane> m_plane = std::make_unique<DataPlane>(2);
    ProxyId m_proxy = 0;
};

void TestDataToxics::latencyDelaysEachEcho()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("latency", { { "latency", 100 } }) });
    Client client(port);
    for (int round = 0; round < 3; ++round) {
        const auto rtt = client.echoRoundTrip();
        QVERIFY2(rtt >= 100 && rtt < 150, qPrintable(QString::number(rtt)));
    }
}

void TestDataToxics::latencyOnBothStreamsAdds()
{
    auto echo = Server::echo();
    const auto port = serve(*echo,
        { makeToxic("latency", { { "latency", 60 } }, Stream::Upstream),
            makeToxic("latency", { { "latency", 60 } }, Stream::Downstream) });
    Client client(port);
    const auto rtt = client.echoRoundTrip();
    QVERIFY2(rtt >= 120 && rtt < 180, qPrintable(QString::number(rtt)));
}

void TestDataToxics::latencyPipelinesChunks()
{
    auto sender = Server::sender(1024 * 1024);
    const auto port = serve(*sender, { makeToxic("latency", { { "latency", 100 } }) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(5000));
    QCOMPARE(result.data.size(), size_t(1024 * 1024));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QVERIFY2(result.firstData.count() >= 100, describe(result));
    // Delayed once for the stream, not once per chunk.
    QVERIFY2(result.end.count() < 400, describe(result));
}

void TestDataToxics::jitterStaysInRange()
{
    auto echo = Server::echo();
    const auto port
        = serve(*echo, { makeToxic("latency", { { "latency", 50 }, { "jitter", 30 } }) });
    Client client(port);
    std::vector<double> rtts;
    for (int round = 0; round < 20; ++round)
        rtts.push_back(client.echoRoundTrip());
    const auto [low, high] = std::minmax_element(rtts.begin(), rtts.end());
    QVERIFY2(*low >= 20, qPrintable(QString::number(*low)));
    QVERIFY2(*high < 110, qPrintable(QString::number(*high)));
    // Uniform over [20, 80]: all 20 above 40, or all below 60, has a chance of 3e-4.
    QVERIFY2(*low < 40, qPrintable(QString::number(*low)));
    QVERIFY2(*high > 60, qPrintable(QString::number(*high)));
}

void TestDataToxics::upstreamToxicLeavesDownstreamAlone()
{
    auto sender = Server::sender(1000);
    const auto port
        = serve(*sender, { makeToxic("latency", { { "latency", 300 } }, Stream::Upstream) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(2000));
    QCOMPARE(result.data.size(), size_t(1000));
    QVERIFY2(result.lastData.count() < 100, describe(result));
}

void TestDataToxics::bandwidthLimitsRate()
{
    // rate is in KB/s with 1 KB = 1000 B: 100,000 B at 200 KB/s take 0.5 s.
    auto sender = Server::sender(100000);
    const auto port = serve(*sender, { makeToxic("bandwidth", { { "rate", 200 } }) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(3000));
    QCOMPARE(result.data.size(), size_t(100000));
    QVERIFY2(result.end.count() >= 495 && result.end.count() < 600, describe(result));
    // Slices of up to 100 ms worth (20,000 B), so the first arrives after about 100 ms.
    QVERIFY2(result.firstData.count() >= 95, describe(result));
}

void TestDataToxics::bandwidthZeroIsUnlimited()
{
    auto sender = Server::sender(1024 * 1024);
    const auto port = serve(*sender, { makeToxic("bandwidth", { { "rate", 0 } }) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(3000));
    QCOMPARE(result.data.size(), size_t(1024 * 1024));
    QVERIFY2(result.end.count() < 500, describe(result));
}

void TestDataToxics::slowCloseDelaysFin()
{
    auto sender = Server::sender(1000);
    const auto port = serve(*sender, { makeToxic("slow_close", { { "delay", 300 } }) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(2000));
    QCOMPARE(result.data.size(), size_t(1000));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QVERIFY2(result.lastData.count() < 100, describe(result));
    const auto finDelay = result.end - result.lastData;
    QVERIFY2(finDelay.count() >= 290 && finDelay.count() < 450, describe(result));
}

void TestDataToxics::timeoutDropsDataAndCloses()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("timeout", { { "timeout", 300 } }) });
    const auto start = Clock::now();
    Client client(port);
    QVERIFY(client.send("hello"));
    const auto result = client.readUntilClose(start, Milliseconds(2000));
    QCOMPARE(result.data.size(), size_t(0));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QVERIFY2(result.end.count() >= 300 && result.end.count() < 450, describe(result));
}

void TestDataToxics::timeoutZeroNeverCloses()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("timeout", { { "timeout", 0 } }) });
    Client client(port);
    QVERIFY(client.send("hello"));
    const auto result = client.readUntilClose(Clock::now(), Milliseconds(600));
    QCOMPARE(loopback::outcomeName(result.outcome), "still open");
    QCOMPARE(result.data.size(), size_t(0));
}

void TestDataToxics::removingTimeoutCloses()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("timeout", { { "timeout", 0 } }) });
    Client client(port);
    QVERIFY(client.send("hello"));
    QCOMPARE(loopback::outcomeName(client.readUntilClose(Clock::now(), Milliseconds(200)).outcome),
        "still open");

    const auto start = Clock::now();
    m_plane->setToxics(m_proxy, {});
    const auto result = client.readUntilClose(start, Milliseconds(1000));
    QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    QVERIFY2(result.end.count() < 500, describe(result));
}

void TestDataToxics::resetPeerWaitsForData()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("reset_peer", { { "timeout", 200 } }) });
    Client client(port);
    const auto idle = client.readUntilClose(Clock::now(), Milliseconds(400));
    QCOMPARE(loopback::outcomeName(idle.outcome), "still open");

    const auto start = Clock::now();
    QVERIFY(client.send("hello"));
    const auto result = client.readUntilClose(start, Milliseconds(2000));
    QCOMPARE(loopback::outcomeName(result.outcome), "ECONNRESET");
    QVERIFY2(result.end.count() >= 200 && result.end.count() < 350, describe(result));
}

void TestDataToxics::slicerSplitsIntoSmallReads()
{
    auto sender = Server::sender(1000);
    const auto port = serve(*sender,
        { makeToxic(
            "slicer", { { "average_size", 10 }, { "size_variation", 0 }, { "delay", 1000 } }) });
    const auto start = Clock::now();
    Client client(port);
    const auto result = client.readUntilClose(start, Milliseconds(3000));
    QCOMPARE(result.data.size(), size_t(1000));
    QVERIFY(result.data == loopback::pattern(1000));
    const auto small = std::count_if(result.readSizes.begin(), result.readSizes.end(),
        [](std::size_t size) { return size <= 15; });
    QVERIFY2(result.readSizes.size() >= 50, describe(result));
    QVERIFY2(small * 10 >= static_cast<long>(result.readSizes.size()) * 9, describe(result));
    // 1000 B halve into 128 pieces of 7-8 B, 1 ms apart.
    QVERIFY2(result.lastData.count() >= 127, describe(result));
}

void TestDataToxics::slicerSurvivesOddValues()
{
    // average_size 0 passes unsliced; a variation above the average is capped; delay 0
    // with 1-byte pieces must neither hang nor lose bytes.
    const std::vector<std::vector<ToxicAttribute>> cases = {
        { { "average_size", 0 }, { "size_variation", 0 }, { "delay", 0 } },
        { { "average_size", 3 }, { "size_variation", 50 }, { "delay", 0 } },
        { { "average_size", 1 }, { "size_variation", 0 }, { "delay", 0 } },
    };
    auto sender = Server::sender(20000);
    for (const auto& attributes : cases) {
        const auto port = serve(*sender, { makeToxic("slicer", attributes) });
        const auto start = Clock::now();
        Client client(port);
        const auto result = client.readUntilClose(start, Milliseconds(5000));
        QCOMPARE(result.data.size(), size_t(20000));
        QVERIFY(result.data == loopback::pattern(20000));
        QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    }
}

void TestDataToxics::limitDataPassesExactBytes()
{
    auto sender = Server::sender(1024 * 1024);
    const auto port = serve(*sender, { makeToxic("limit_data", { { "bytes", 1000 } }) });
    for (int connection = 0; connection < 3; ++connection) {
        Client client(port);
        const auto result = client.readUntilClose(Clock::now(), Milliseconds(3000));
        QCOMPARE(result.data.size(), size_t(1000));
        QCOMPARE(loopback::outcomeName(result.outcome), "EOF");
    }
}

void TestDataToxics::toxicityZeroNeverApplies()
{
    auto echo = Server::echo();
    const auto port
        = serve(*echo, { makeToxic("latency", { { "latency", 50 } }, Stream::Downstream, 0.0) });
    for (int connection = 0; connection < 20; ++connection) {
        Client client(port);
        const auto rtt = client.echoRoundTrip(1);
        QVERIFY2(rtt >= 0 && rtt < 40, qPrintable(QString::number(rtt)));
    }
}

void TestDataToxics::toxicityHalfAppliesToSome()
{
    auto echo = Server::echo();
    const auto port
        = serve(*echo, { makeToxic("latency", { { "latency", 30 } }, Stream::Downstream, 0.5) });
    int affected = 0;
    for (int connection = 0; connection < 40; ++connection) {
        Client client(port);
        const auto first = client.echoRoundTrip(1);
        const auto second = client.echoRoundTrip(1);
        // The roll holds for the connection: both echoes are slow or both fast.
        QCOMPARE(first >= 30, second >= 30);
        affected += first >= 30 ? 1 : 0;
    }
    // Binomial(40, 0.5) lies in 8..32 with a chance of 1 - 1e-4.
    QVERIFY2(affected >= 8 && affected <= 32, qPrintable(QString::number(affected)));
}

void TestDataToxics::toxicChangeAppliesToOpenConnection()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, {});
    Client client(port);
    QVERIFY(client.echoRoundTrip() < 40);

    m_plane->setToxics(m_proxy, { makeToxic("latency", { { "latency", 100 } }) });
    const auto slowed = client.echoRoundTrip();
    QVERIFY2(slowed >= 100 && slowed < 150, qPrintable(QString::number(slowed)));

    m_plane->setToxics(m_proxy, {});
    QVERIFY(client.echoRoundTrip() < 40);
}

void TestDataToxics::removingLatencyReleasesQueuedData()
{
    auto echo = Server::echo();
    const auto port = serve(*echo, { makeToxic("latency", { { "latency", 5000 } }) });
    Client client(port);
    QVERIFY(client.send("held"));
    QTest::qWait(100);

    const auto start = Clock::now();
    m_plane->setToxics(m_proxy, {});
    const auto data = client.readExactly(4, Milliseconds(2000));
    QCOMPARE(data, std::string("held"));
    QVERIFY(Milliseconds(Clock::now() - start).count() < 200);
}

QTEST_GUILESS_MAIN(TestDataToxics)
#include "tst_datatoxics.moc"
