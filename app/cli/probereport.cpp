#include "probereport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using chaoslab::probes::AllProbeOutcomes;
using chaoslab::probes::LatencyFigures;
using chaoslab::probes::ProbeOutcome;

namespace chaoslab::cli {

namespace {

QString milliseconds(double value)
{
    return QString::number(value, 'f', 2);
}

// "refused 2, timed_out 1", or an empty string without errors.
QString errorCounts(const std::array<int, probes::ProbeOutcomeCount>& outcomes)
{
    QStringList parts;
    for (const auto outcome : AllProbeOutcomes) {
        const int count = outcomes[size_t(outcome)];
        if (outcome != ProbeOutcome::Ok && count > 0)
            parts << u"%1 %2"_s.arg(probes::outcomeName(outcome)).arg(count);
    }
    return parts.join(u", ");
}

// Three decimals are microseconds, finer than a loopback probe can measure.
double rounded(double value)
{
    return std::round(value * 1000) / 1000;
}

QJsonObject latencyJson(const LatencyFigures& latency)
{
    return { { u"p50"_s, rounded(latency.p50) }, { u"p95"_s, rounded(latency.p95) },
        { u"p99"_s, rounded(latency.p99) }, { u"max"_s, rounded(latency.max) } };
}

} // namespace

QString secondLine(const probes::ProbeBucket& bucket)
{
    const auto time = QDateTime::fromMSecsSinceEpoch(bucket.secondMs).toString(u"HH:mm:ss"_s);
    auto line = u"%1  attempts %2  ok %3"_s.arg(time).arg(bucket.attempts).arg(bucket.ok());
    if (bucket.ok() > 0) {
        line += u"  p50 %1 ms  p95 %2 ms  max %3 ms"_s.arg(milliseconds(bucket.latency.p50),
            milliseconds(bucket.latency.p95), milliseconds(bucket.latency.max));
    }
    if (bucket.errors() > 0)
        line += u"  errors: "_s + errorCounts(bucket.outcomes);
    return line;
}

QString summaryText(const QString& url, const probes::ProbeSummary& summary, double seconds)
{
    // The URL goes in last: a chained arg() would replace "%2" in an escaped "%2F".
    auto text = u"%6: %1 attempts in %2 s, %3 ok, %4 errors (%5%)\n"_s.arg(summary.attempts)
                    .arg(seconds, 0, 'f', 1)
                    .arg(summary.ok())
                    .arg(summary.errors())
                    .arg(summary.errorRate() * 100, 0, 'f', 1)
                    .arg(url);
    if (summary.ok() > 0) {
        const auto& latency = summary.latency;
        text += u"  latency ms  p50 %1  p95 %2  p99 %3  max %4\n"_s.arg(milliseconds(latency.p50),
            milliseconds(latency.p95), milliseconds(latency.p99), milliseconds(latency.max));
    }
    if (summary.errors() > 0)
        text += u"  errors      "_s + errorCounts(summary.outcomes) + u'\n';
    return text;
}

QByteArray summaryJson(const QString& url, const probes::ProbeSummary& summary, double seconds)
{
    QJsonObject errors;
    for (const auto outcome : AllProbeOutcomes) {
        if (outcome != ProbeOutcome::Ok)
            errors.insert(probes::outcomeName(outcome), summary.outcomes[size_t(outcome)]);
    }
    const QJsonObject json {
        { u"url"_s, url },
        { u"attempts"_s, summary.attempts },
        { u"ok"_s, summary.ok() },
        { u"errors"_s, errors },
        { u"error_rate"_s, rounded(summary.errorRate()) },
        { u"latency_ms"_s, latencyJson(summary.latency) },
        { u"duration_s"_s, rounded(seconds) },
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace chaoslab::cli
