// The outcome of an HTTP probe of the demo service through a proxy of the built-in engine, run
// in this process, for each kind of fault: a disabled proxy is refused, the upstream timeout
// toxic times out, reset_peer resets, limit_data cuts the response short, and 200 ms of latency
// moves the median by 200 ms.
#include "builtinengine.h"

#include "probes/probeattemptrunner.h"
#include "probes/probestatistics.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace chaoslab;
using namespace chaoslab::probes;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestProbeSignatures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void healthyProxyIsOk();
    void disabledProxyIsRefused();
    void timeoutToxicTimesOut();
    void resetPeerIsReset();
    void limitDataCutsResponse();
    void latencyMovesMedian();

private:
    ProbeAttempt probe(std::chrono::milliseconds timeout = 2000ms);
    void addToxic(const char* type, const char* attribute, std::int64_t value,
        engine::Stream stream = engine::Stream::Downstream);

    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::string m_proxy = "probe_demo";
    quint16 m_proxyPort = 0;
};

namespace {

QByteArray describe(const ProbeAttempt& attempt)
{
    return (outcomeName(attempt.outcome) + u": "_s + attempt.detail).toUtf8();
}

quint16 portOf(const std::string& address)
{
    return quint16(QString::fromStdString(address).section(u':', -1).toUInt());
}

} // namespace

void TestProbeSignatures::initTestCase()
{
    m_engine = std::make_unique<host::BuiltInEngine>();
    const auto error = m_engine->start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
    QVERIFY2(!m_engine->demoServiceAddress().empty(), "the demo service did not start");
}

void TestProbeSignatures::init()
{
    const auto created = m_engine->engine().createProxy(
        { m_proxy, "127.0.0.1:0", m_engine->demoServiceAddress(), true });
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    m_proxyPort = portOf(created.value().listen);
    QVERIFY(m_proxyPort != 0);
}

void TestProbeSignatures::cleanup()
{
    m_engine->engine().removeProxy(m_proxy);
}

void TestProbeSignatures::cleanupTestCase()
{
    m_engine.reset();
}

ProbeAttempt TestProbeSignatures::probe(std::chrono::milliseconds timeout)
{
    auto spec = ProbeSpec::fromUrl(QUrl(u"http://127.0.0.1:%1/todos/1"_s.arg(m_proxyPort)), nullptr)
                    .value_or(ProbeSpec {});
    spec.timeout = timeout;
    ProbeAttemptRunner runner(spec);
    QSignalSpy finished(&runner, &ProbeAttemptRunner::finished);
    runner.start();
    if (!finished.wait(int(timeout.count()) + 3000))
        return ProbeAttempt { 0, -1, -1, -1, ProbeOutcome::TimedOut, u"no report"_s };
    return finished.first().first().value<ProbeAttempt>();
}

void TestProbeSignatures::addToxic(
    const char* type, const char* attribute, std::int64_t value, engine::Stream stream)
{
    auto toxic = engine::defaultToxic(*engine::findToxicType(type));
    toxic.stream = stream;
    toxic.streamText = std::string(engine::streamName(stream));
    toxic.name = std::string(type) + '_' + toxic.streamText;
    toxic.setAttribute(attribute, value);
    const auto added = m_engine->engine().addToxic(m_proxy, toxic, { attribute });
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
}

void TestProbeSignatures::healthyProxyIsOk()
{
    const auto attempt = probe();
    QVERIFY2(attempt.ok(), describe(attempt));
    QCOMPARE(attempt.detail, u"HTTP 200 OK"_s);
}

void TestProbeSignatures::disabledProxyIsRefused()
{
    engine::ProxyUpdate update;
    update.enabled = false;
    QVERIFY(m_engine->engine().updateProxy(m_proxy, update).ok());
    const auto attempt = probe();
    QVERIFY2(attempt.outcome == ProbeOutcome::Refused, describe(attempt));
}

void TestProbeSignatures::timeoutToxicTimesOut()
{
    // Upstream, timeout 0 drops the request and never closes, so the service never responds.
    // Downstream it would drop the response but pass on the service's close.
    addToxic("timeout", "timeout", 0, engine::Stream::Upstream);
    const auto attempt = probe(300ms);
    QVERIFY2(attempt.outcome == ProbeOutcome::TimedOut, describe(attempt));
    QVERIFY(attempt.connectMs >= 0);
    QVERIFY(attempt.totalMs >= 300);
}

void TestProbeSignatures::resetPeerIsReset()
{
    addToxic("reset_peer", "timeout", 0);
    const auto attempt = probe();
    QVERIFY2(attempt.outcome == ProbeOutcome::Reset, describe(attempt));
}

void TestProbeSignatures::limitDataCutsResponse()
{
    // The response to /todos/1 is a few hundred bytes; 60 of them end inside its headers.
    addToxic("limit_data", "bytes", 60);
    const auto attempt = probe();
    QVERIFY2(attempt.outcome == ProbeOutcome::ClosedAfterConnect
            || attempt.outcome == ProbeOutcome::ProtocolError,
        describe(attempt));
    QVERIFY(attempt.firstByteMs >= 0);
}

void TestProbeSignatures::latencyMovesMedian()
{
    addToxic("latency", "latency", 200);
    std::vector<float> totals;
    for (int i = 0; i < 10; ++i) {
        const auto attempt = probe();
        QVERIFY2(attempt.ok(), describe(attempt));
        QVERIFY2(attempt.totalMs >= 200, describe(attempt));
        totals.push_back(float(attempt.totalMs));
    }
    std::sort(totals.begin(), totals.end());
    const double p50 = percentileOfSorted(totals, 0.5);
    QVERIFY2(p50 >= 200 && p50 <= 205, qPrintable(u"p50 %1 ms"_s.arg(p50)));
}

QTEST_GUILESS_MAIN(TestProbeSignatures)
#include "tst_probesignatures.moc"
