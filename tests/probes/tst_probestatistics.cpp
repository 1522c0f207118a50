// Probe statistics: attempts land in the wall-clock second in which they ended, buckets
// close in order, percentiles are exact nearest-rank values, history is bounded, and window
// summaries merge the latencies of every second they cover.
#include "probes/probestatistics.h"

#include <QTest>

using namespace chaoslab::probes;

class TestProbeStatistics : public QObject
{
    Q_OBJECT

private slots:
    void attemptCountsInSecondItEnded();
    void bucketsCloseOldestFirst();
    void emptySecondsProduceNoBucket();
    void outcomesAreCountedByKind();
    void percentilesAreNearestRank();
    void percentilesIgnoreFailedAttempts();
    void capacityDropsOldestSeconds();
    void windowSummaryMergesLatencies();
    void summaryIncludesOpenBuckets();
    void clearForgetsEverything();
};

namespace {

constexpr qint64 BaseMs = 1'700'000'000'000;

ProbeAttempt attempt(qint64 startedAtMs, double totalMs, ProbeOutcome outcome = ProbeOutcome::Ok)
{
    ProbeAttempt result;
    result.startedAtMs = startedAtMs;
    result.totalMs = totalMs;
    result.outcome = outcome;
    return result;
}

} // namespace

void TestProbeStatistics::attemptCountsInSecondItEnded()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs + 900, 250));
    const auto closed = statistics.closeUntil(BaseMs + 3000);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed[0].secondMs, BaseMs + 1000);
}

void TestProbeStatistics::bucketsCloseOldestFirst()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs + 1500, 10));
    statistics.add(attempt(BaseMs + 100, 10));
    statistics.add(attempt(BaseMs + 2100, 10));

    const auto first = statistics.closeUntil(BaseMs + 2000);
    QCOMPARE(first.size(), 2);
    QCOMPARE(first[0].secondMs, BaseMs);
    QCOMPARE(first[1].secondMs, BaseMs + 1000);
    QCOMPARE(statistics.buckets().size(), size_t(2));

    QCOMPARE(statistics.closeUntil(BaseMs + 2999).size(), 0);
    QCOMPARE(statistics.closeUntil(BaseMs + 3000).size(), 1);
}

void TestProbeStatistics::emptySecondsProduceNoBucket()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs, 1));
    statistics.add(attempt(BaseMs + 5000, 1));
    const auto closed = statistics.closeUntil(BaseMs + 6000);
    QCOMPARE(closed.size(), 2);
    QCOMPARE(closed[1].secondMs - closed[0].secondMs, 5000);
}

void TestProbeStatistics::outcomesAreCountedByKind()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs, 1));
    statistics.add(attempt(BaseMs, 1, ProbeOutcome::Refused));
    statistics.add(attempt(BaseMs, 1, ProbeOutcome::Refused));
    statistics.add(attempt(BaseMs, 1, ProbeOutcome::TimedOut));
    const auto bucket = statistics.closeUntil(BaseMs + 1000).value(0);
    QCOMPARE(bucket.attempts, 4);
    QCOMPARE(bucket.ok(), 1);
    QCOMPARE(bucket.errors(), 3);
    QCOMPARE(bucket.outcomes[size_t(ProbeOutcome::Refused)], 2);
    QCOMPARE(bucket.outcomes[size_t(ProbeOutcome::TimedOut)], 1);
    QCOMPARE(bucket.errorRate(), 0.75);
}

void TestProbeStatistics::percentilesAreNearestRank()
{
    ProbeStatistics statistics;
    // 1..100 ms in shuffled order, all ending within one second.
    for (int i = 0; i < 100; ++i)
        statistics.add(attempt(BaseMs, double((i * 37) % 100 + 1)));
    const auto bucket = statistics.closeUntil(BaseMs + 2000).value(0);
    QCOMPARE(bucket.attempts, 100);
    QCOMPARE(bucket.latency.p50, 50.0);
    QCOMPARE(bucket.latency.p95, 95.0);
    QCOMPARE(bucket.latency.p99, 99.0);
    QCOMPARE(bucket.latency.max, 100.0);

    QCOMPARE(percentileOfSorted({}, 0.5), 0.0);
    QCOMPARE(percentileOfSorted({ 7.0f }, 0.99), 7.0);
    QCOMPARE(percentileOfSorted({ 1.0f, 2.0f }, 0.5), 1.0);
}

void TestProbeStatistics::percentilesIgnoreFailedAttempts()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs, 5));
    statistics.add(attempt(BaseMs, 900, ProbeOutcome::TimedOut));
    const auto bucket = statistics.closeUntil(BaseMs + 1000).value(0);
    QCOMPARE(bucket.latency.max, 5.0);

    ProbeStatistics failing;
    failing.add(attempt(BaseMs, 900, ProbeOutcome::Reset));
    const auto failed = failing.closeUntil(BaseMs + 1000).value(0);
    QCOMPARE(failed.latency.p50, 0.0);
    QCOMPARE(failed.latency.max, 0.0);
}

void TestProbeStatistics::capacityDropsOldestSeconds()
{
    ProbeStatistics statistics(3);
    for (int second = 0; second < 10; ++second)
        statistics.add(attempt(BaseMs + second * 1000, 1));
    statistics.closeUntil(BaseMs + 10'000);
    QCOMPARE(statistics.buckets().size(), size_t(3));
    QCOMPARE(statistics.buckets().front().secondMs, BaseMs + 7000);
    QCOMPARE(statistics.buckets().back().secondMs, BaseMs + 9000);
}

void TestProbeStatistics::windowSummaryMergesLatencies()
{
    ProbeStatistics statistics;
    // Second 0: 1, 2, 3 ms; second 1: 100 ms; second 2: 4 ms and a refusal.
    for (const double ms : { 1.0, 2.0, 3.0 })
        statistics.add(attempt(BaseMs, ms));
    statistics.add(attempt(BaseMs + 1000, 100));
    statistics.add(attempt(BaseMs + 2000, 4));
    statistics.add(attempt(BaseMs + 2000, 1, ProbeOutcome::Refused));
    statistics.closeUntil(BaseMs + 3000);

    const auto all = statistics.summary();
    QCOMPARE(all.attempts, 6);
    QCOMPARE(all.ok(), 5);
    QCOMPARE(all.latency.p50, 3.0);
    QCOMPARE(all.latency.max, 100.0);

    const auto lastTwo = statistics.summary(BaseMs + 1000, BaseMs + 3000);
    QCOMPARE(lastTwo.attempts, 3);
    QCOMPARE(lastTwo.latency.p50, 4.0);
    QCOMPARE(lastTwo.outcomes[size_t(ProbeOutcome::Refused)], 1);

    const auto overlapping = statistics.summary(BaseMs + 500, BaseMs + 1001);
    QCOMPARE(overlapping.attempts, 4);
}

void TestProbeStatistics::summaryIncludesOpenBuckets()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs, 1));
    statistics.add(attempt(BaseMs + 1000, 2));
    statistics.closeUntil(BaseMs + 1000);
    QCOMPARE(statistics.buckets().size(), size_t(1));
    QCOMPARE(statistics.summary().attempts, 2);
}

void TestProbeStatistics::clearForgetsEverything()
{
    ProbeStatistics statistics;
    statistics.add(attempt(BaseMs, 1));
    statistics.add(attempt(BaseMs + 1000, 1));
    statistics.closeUntil(BaseMs + 1000);
    statistics.clear();
    QCOMPARE(statistics.buckets().size(), size_t(0));
    QCOMPARE(statistics.summary().attempts, 0);
    QCOMPARE(statistics.closeUntil(BaseMs + 10'000).size(), 0);
}

QTEST_GUILESS_MAIN(TestProbeStatistics)
#include "tst_probestatistics.moc"
