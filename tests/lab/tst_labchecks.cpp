// A lab step's checks against proxies and per-second probe statistics.
#include "lab/labchecks.h"

#include <QTest>

using namespace chaoslab;
using lab::LabCheck;
using lab::LabRange;
using probes::ProbeBucket;
using toxiproxy::Proxy;
using toxiproxy::Toxic;

namespace {

constexpr qint64 Now = 1'700'000'010'000;

Proxy apiWithLatency(qint64 ms, toxiproxy::ToxicStream stream = toxiproxy::ToxicStream::Downstream)
{
    Toxic latency { QStringLiteral("latency_downstream"), QStringLiteral("latency"), stream, 1.0,
        { { QStringLiteral("latency"), ms } } };
    return Proxy { QStringLiteral("api"), QStringLiteral("127.0.0.1:18080"),
        QStringLiteral("127.0.0.1:18081"), true, { latency } };
}

LabCheck latencyCheck(double min, double max)
{
    LabCheck check;
    check.kind = LabCheck::Kind::Toxic;
    check.proxy = QStringLiteral("api");
    check.toxicType = QStringLiteral("latency");
    check.attributes.insert(QStringLiteral("latency"), LabRange { min, max });
    return check;
}

LabCheck probeCheck(const QString& metric, LabRange range, int seconds)
{
    LabCheck check;
    check.kind = LabCheck::Kind::Probe;
    check.probe = QStringLiteral("web");
    check.metric = metric;
    check.range = range;
    check.seconds = seconds;
    return check;
}

// One bucket per second ending one second before Now, oldest first, with the given p95
// values (a negative value makes a second with only failed attempts).
std::deque<ProbeBucket> seconds(const QList<double>& p95s)
{
    std::deque<ProbeBucket> buckets;
    qint64 second = Now - 1000 - 1000 * (p95s.size() - 1);
    for (const double p95 : p95s) {
        ProbeBucket bucket;
        bucket.secondMs = second;
        bucket.attempts = 4;
        if (p95 >= 0) {
            bucket.outcomes[0] = 4;
            bucket.latency = { p95 / 2, p95, p95, p95 };
        } else {
            bucket.outcomes[size_t(probes::ProbeOutcome::TimedOut)] = 4;
        }
        buckets.push_back(bucket);
        second += 1000;
    }
    return buckets;
}

} // namespace

class TestLabChecks : public QObject
{
    Q_OBJECT

private slots:
    void toxicInRangePasses()
    {
        const auto result
            = lab::evaluateStateCheck(latencyCheck(200, 1000), { apiWithLatency(300) });
        QVERIFY2(result.passed, qPrintable(result.status));
    }

    void toxicOutOfRangeGivesReason()
    {
        const auto result
            = lab::evaluateStateCheck(latencyCheck(200, 1000), { apiWithLatency(50) });
        QVERIFY(!result.passed);
        QVERIFY2(
            result.status.contains(QStringLiteral("latency is 50; needs between 200 and 1000")),
            qPrintable(result.status));
    }

    void toxicOnOtherStreamDoesNotCount()
    {
        LabCheck check = latencyCheck(200, 1000);
        check.stream = toxiproxy::ToxicStream::Upstream;
        QVERIFY(!lab::evaluateStateCheck(check, { apiWithLatency(300) }).passed);
        QVERIFY(lab::evaluateStateCheck(
            check, { apiWithLatency(300, toxiproxy::ToxicStream::Upstream) })
                    .passed);
    }

    void absentToxicCheck()
    {
        LabCheck check = latencyCheck(0, 100000);
        check.present = false;
        QVERIFY(!lab::evaluateStateCheck(check, { apiWithLatency(300) }).passed);
        Proxy clean = apiWithLatency(0);
        clean.toxics.clear();
        QVERIFY(lab::evaluateStateCheck(check, { clean }).passed);
    }

    void missingProxyFails()
    {
        const auto result = lab::evaluateStateCheck(latencyCheck(0, 1), {});
        QVERIFY(!result.passed);
        QVERIFY(result.status.contains(QStringLiteral("does not exist")));
    }

    void proxyEnabledState()
    {
        LabCheck check;
        check.kind = LabCheck::Kind::Proxy;
        check.proxy = QStringLiteral("api");
        check.enabled = false;
        Proxy proxy = apiWithLatency(0);
        QVERIFY(!lab::evaluateStateCheck(check, { proxy }).passed);
        proxy.enabled = false;
        QVERIFY(lab::evaluateStateCheck(check, { proxy }).passed);
    }

    void probeNeedsConsecutiveSeconds()
    {
        const LabCheck check = probeCheck(QStringLiteral("p95"), LabRange { 800, std::nullopt }, 3);
        QVERIFY(lab::evaluateProbeCheck(check, seconds({ 10, 900, 950, 990 }), Now).passed);
        const auto shortStreak
            = lab::evaluateProbeCheck(check, seconds({ 900, 10, 950, 990 }), Now);
        QVERIFY(!shortStreak.passed);
        QVERIFY2(shortStreak.status.contains(QStringLiteral("(2 s so far)")),
            qPrintable(shortStreak.status));
    }

    void probeGapBreaksStreak()
    {
        std::deque<ProbeBucket> buckets = seconds({ 900, 900, 900 });
        buckets.erase(buckets.begin() + 1);
        const LabCheck check = probeCheck(QStringLiteral("p95"), LabRange { 800, std::nullopt }, 2);
        QVERIFY(!lab::evaluateProbeCheck(check, buckets, Now).passed);
    }

    void staleProbeFails()
    {
        const LabCheck check = probeCheck(QStringLiteral("p95"), LabRange { 800, std::nullopt }, 1);
        const auto result = lab::evaluateProbeCheck(check, seconds({ 900 }), Now + 10'000);
        QVERIFY(!result.passed);
        QVERIFY(result.status.contains(QStringLiteral("no recent results")));
    }

    void errorRateCountsFailedSeconds()
    {
        const LabCheck high
            = probeCheck(QStringLiteral("error_rate"), LabRange { 0.5, std::nullopt }, 2);
        QVERIFY(lab::evaluateProbeCheck(high, seconds({ 100, -1, -1 }), Now).passed);
        // Latency metrics have no value in a second without an Ok attempt.
        const LabCheck slow = probeCheck(QStringLiteral("p95"), LabRange { 0, std::nullopt }, 1);
        QVERIFY(!lab::evaluateProbeCheck(slow, seconds({ 100, -1 }), Now).passed);
    }
};

QTEST_GUILESS_MAIN(TestLabChecks)
#include "tst_labchecks.moc"
