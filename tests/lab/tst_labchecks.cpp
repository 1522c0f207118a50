// A lab step's checks against proxies and per-second probe statistics.
#include "lab/labchecks.h"
#include "lab/labloader.h"

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

// One second ending one second before Now with `counts` attempts per outcome.
std::deque<ProbeBucket> secondWith(const QList<QPair<probes::ProbeOutcome, int>>& counts)
{
    ProbeBucket bucket;
    bucket.secondMs = Now - 1000;
    for (const auto& [outcome, count] : counts) {
        bucket.outcomes[size_t(outcome)] += count;
        bucket.attempts += count;
    }
    if (bucket.ok() > 0)
        bucket.latency = { 5, 5, 5, 5 };
    return { bucket };
}

LabCheck outcomeCheck(const QString& metric, probes::ProbeOutcome outcome, LabRange range)
{
    LabCheck check = probeCheck(metric, range, 1);
    check.outcome = outcome;
    return check;
}

// A lab whose only step has `check` as its only check, on line 7. Both are written with
// single quotes for readability, which become double quotes.
QByteArray labWithCheck(const QByteArray& check)
{
    QByteArray lab
        = "{\n"
          "  'format': 'chaoslab-lab/1', 'id': 'outcomes',\n"
          "  'title': { 'en': 'Outcomes' }, 'summary': { 'en': 'Outcome checks' },\n"
          "  'probes': [ { 'id': 'web', 'url': 'http://127.0.0.1:18080/health' } ],\n"
          "  'steps': [ { 'id': 'one', 'title': { 'en': 'One' }, 'text': { 'en': 'Text' },\n"
          "    'checks': [\n"
          "      "
        + check
        + "\n"
          "    ] } ]\n"
          "}\n";
    return lab.replace('\'', '"');
}

// The 1-based column of `part` in line 7 of `lab`.
int columnOnCheckLine(const QByteArray& lab, const QByteArray& part)
{
    const QByteArray line = lab.split('\n').value(6);
    return int(line.indexOf(part)) + 1;
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

    void outcomeRateCountsOneOutcome()
    {
        using probes::ProbeOutcome;
        const auto buckets = secondWith({ { ProbeOutcome::Reset, 3 }, { ProbeOutcome::Ok, 1 } });
        const LabCheck enough = outcomeCheck(
            QStringLiteral("outcome_rate"), ProbeOutcome::Reset, LabRange { 0.7, std::nullopt });
        QVERIFY(lab::evaluateProbeCheck(enough, buckets, Now).passed);

        const LabCheck tooMany = outcomeCheck(
            QStringLiteral("outcome_rate"), ProbeOutcome::Reset, LabRange { 0.8, std::nullopt });
        const auto result = lab::evaluateProbeCheck(tooMany, buckets, Now);
        QVERIFY(!result.passed);
        QVERIFY2(result.status.contains(QStringLiteral("outcome_rate(reset) of web is 0.75")),
            qPrintable(result.status));
    }

    void outcomeRateIgnoresOtherErrors()
    {
        using probes::ProbeOutcome;
        const auto buckets = secondWith({ { ProbeOutcome::TimedOut, 4 } });
        const LabCheck resets = outcomeCheck(
            QStringLiteral("outcome_rate"), ProbeOutcome::Reset, LabRange { 0.5, std::nullopt });
        QVERIFY(!lab::evaluateProbeCheck(resets, buckets, Now).passed);
        QCOMPARE(lab::metricValue(QStringLiteral("error_rate"), buckets.front()), 1.0);
    }

    void outcomeCountIsPerSecond()
    {
        using probes::ProbeOutcome;
        const auto buckets
            = secondWith({ { ProbeOutcome::Refused, 3 }, { ProbeOutcome::TimedOut, 2 } });
        const LabCheck refused = outcomeCheck(
            QStringLiteral("outcome_count"), ProbeOutcome::Refused, LabRange { 3, 3 });
        const auto result = lab::evaluateProbeCheck(refused, buckets, Now);
        QVERIFY2(result.passed, qPrintable(result.status));
        QVERIFY2(result.status.contains(QStringLiteral("outcome_count(refused) of web is 3;")),
            qPrintable(result.status));
    }

    void outcomeMetricNeedsOutcome()
    {
        const auto buckets = secondWith({ { probes::ProbeOutcome::Reset, 2 } });
        QVERIFY(!lab::metricValue(QStringLiteral("outcome_rate"), buckets.front()));
        QCOMPARE(lab::metricValue(
                     QStringLiteral("outcome_rate"), buckets.front(), probes::ProbeOutcome::Reset),
            1.0);
    }

    void outcomeCheckLoads()
    {
        const auto result = lab::loadLab(
            labWithCheck("{ 'check': 'probe', 'probe': 'web', 'metric': 'outcome_rate', 'outcome': "
                         "'timed_out', 'min': 0.9, 'seconds': 2 }"));
        QVERIFY2(result.ok(), qPrintable(result.issues.value(0).message));
        const LabCheck& check = result.lab.steps.value(0).checks.value(0);
        QCOMPARE(check.metric, QStringLiteral("outcome_rate"));
        QCOMPARE(check.outcome, probes::ProbeOutcome::TimedOut);
        QCOMPARE(check.seconds, 2);
    }

    void outcomeMissingIsReported()
    {
        const QByteArray lab = labWithCheck(
            "{ 'check': 'probe', 'probe': 'web', 'metric': 'outcome_count', 'min': 1 }");
        const auto result = lab::loadLab(lab);
        QCOMPARE(result.issues.size(), 1);
        const lab::JsonIssue& issue = result.issues.first();
        QCOMPARE(issue.message,
            QStringLiteral("metric \"outcome_count\" needs \"outcome\", one of ok, refused, "
                           "closed, reset, timed_out, protocol_error, auth_failed, "
                           "unexpected_status"));
        QCOMPARE(issue.position.line, 7);
        QCOMPARE(issue.position.column, columnOnCheckLine(lab, "{"));
    }

    void unknownOutcomeIsReported()
    {
        const QByteArray lab = labWithCheck("{ 'check': 'probe', 'probe': 'web', 'metric': "
                                            "'outcome_rate', 'outcome': 'resets', 'min': 1 }");
        const auto result = lab::loadLab(lab);
        QCOMPARE(result.issues.size(), 1);
        const lab::JsonIssue& issue = result.issues.first();
        QVERIFY2(
            issue.message.startsWith(QStringLiteral("unknown outcome \"resets\"; expected ok,")),
            qPrintable(issue.message));
        QCOMPARE(issue.position.line, 7);
        QCOMPARE(issue.position.column, columnOnCheckLine(lab, "\"resets\""));
    }

    void outcomeWithLatencyMetricIsReported()
    {
        const QByteArray lab = labWithCheck(
            "{ 'check': 'probe', 'probe': 'web', 'metric': 'p50', 'outcome': 'reset', 'max': 50 }");
        const auto result = lab::loadLab(lab);
        QCOMPARE(result.issues.size(), 1);
        const lab::JsonIssue& issue = result.issues.first();
        QVERIFY2(
            issue.message.contains(QStringLiteral("not to \"p50\"")), qPrintable(issue.message));
        QCOMPARE(issue.position.line, 7);
        QCOMPARE(issue.position.column, columnOnCheckLine(lab, "\"outcome\""));
    }
};

QTEST_GUILESS_MAIN(TestLabChecks)
#include "tst_labchecks.moc"
