#include "labchecks.h"

#include <QCoreApplication>

namespace chaoslab::lab {

using toxiproxy::Proxy;
using toxiproxy::Toxic;

namespace {

constexpr qint64 SecondMs = 1000;
// A probe check fails when the newest closed second is older than this, because the
// probe has stopped or cannot reach its target.
constexpr qint64 StaleAfterMs = 2 * SecondMs;

// Gives the texts below a translation context for lupdate.
struct CheckText
{
    Q_DECLARE_TR_FUNCTIONS(LabCheck)
};

QString describeRange(const LabRange& range, const QString& unit)
{
    if (range.min && range.max)
        return CheckText::tr("between %1 and %2%3").arg(*range.min).arg(*range.max).arg(unit);
    if (range.min)
        return CheckText::tr("at least %1%2").arg(*range.min).arg(unit);
    return CheckText::tr("at most %1%2").arg(*range.max).arg(unit);
}

const Proxy* findProxy(const QList<Proxy>& proxies, const QString& name)
{
    for (const Proxy& proxy : proxies) {
        if (proxy.name == name)
            return &proxy;
    }
    return nullptr;
}

// Returns the first attribute out of its range, or an empty string when all are in.
QString attributeOutOfRange(const LabCheck& check, const Toxic& toxic)
{
    for (auto it = check.attributes.begin(); it != check.attributes.end(); ++it) {
        const std::optional<qint64> value = toxic.attribute(it.key());
        if (!value || !it.value().contains(double(*value))) {
            return CheckText::tr("%1 is %2; needs %3")
                .arg(it.key())
                .arg(value.value_or(0))
                .arg(describeRange(it.value(), {}));
        }
    }
    return {};
}

CheckResult evaluateToxicCheck(const LabCheck& check, const Proxy& proxy)
{
    QString closest;
    for (const Toxic& toxic : proxy.toxics) {
        if (toxic.type != check.toxicType || (check.stream && toxic.stream != *check.stream))
            continue;
        const QString outOfRange = attributeOutOfRange(check, toxic);
        if (outOfRange.isEmpty()) {
            if (check.present)
                return { true, CheckText::tr("%1 is on %2").arg(toxic.name, proxy.name) };
            return { false, CheckText::tr("%1 is still on %2").arg(toxic.name, proxy.name) };
        }
        closest = CheckText::tr("%1 on %2: %3").arg(toxic.name, proxy.name, outOfRange);
    }
    if (!check.present)
        return { true, CheckText::tr("no %1 toxic on %2").arg(check.toxicType, proxy.name) };
    if (!closest.isEmpty())
        return { false, closest };
    return { false, CheckText::tr("no %1 toxic on %2 yet").arg(check.toxicType, proxy.name) };
}

} // namespace

CheckResult evaluateStateCheck(const LabCheck& check, const QList<Proxy>& proxies)
{
    const Proxy* proxy = findProxy(proxies, check.proxy);
    if (!proxy)
        return { false, CheckText::tr("proxy %1 does not exist on the server").arg(check.proxy) };
    if (check.kind == LabCheck::Kind::Proxy) {
        const bool expected = check.enabled.value_or(true);
        const QString state = proxy->enabled ? CheckText::tr("enabled") : CheckText::tr("disabled");
        return { proxy->enabled == expected, CheckText::tr("%1 is %2").arg(proxy->name, state) };
    }
    return evaluateToxicCheck(check, *proxy);
}

std::optional<double> metricValue(const QString& metric, const probes::ProbeBucket& bucket,
    std::optional<probes::ProbeOutcome> outcome)
{
    if (metric == u"error_rate")
        return bucket.attempts > 0 ? std::optional(bucket.errorRate()) : std::nullopt;
    if (metric == u"outcome_rate" || metric == u"outcome_count") {
        if (!outcome || bucket.attempts == 0)
            return std::nullopt;
        const int count = bucket.outcomes[size_t(*outcome)];
        return metric == u"outcome_count" ? double(count) : double(count) / bucket.attempts;
    }
    if (bucket.ok() == 0)
        return std::nullopt;
    if (metric == u"p50")
        return bucket.latency.p50;
    if (metric == u"p95")
        return bucket.latency.p95;
    if (metric == u"p99")
        return bucket.latency.p99;
    if (metric == u"max")
        return bucket.latency.max;
    return std::nullopt;
}

CheckResult evaluateProbeCheck(
    const LabCheck& check, const std::deque<probes::ProbeBucket>& buckets, qint64 nowMs)
{
    const bool rate = check.metric == u"error_rate" || check.metric == u"outcome_rate";
    const bool count = check.metric == u"outcome_count";
    const QString unit = rate || count ? QString() : CheckText::tr(" ms");
    // An outcome metric is shown with its outcome: "outcome_rate(reset)".
    const QString metric = check.outcome
        ? QStringLiteral("%1(%2)").arg(check.metric, probes::outcomeName(*check.outcome))
        : check.metric;
    const QString needed = describeRange(check.range, unit);
    if (buckets.empty() || buckets.back().secondMs + SecondMs + StaleAfterMs < nowMs)
        return { false, CheckText::tr("no recent results from probe %1").arg(check.probe) };

    int streak = 0;
    qint64 expectedSecond = buckets.back().secondMs;
    for (auto it = buckets.rbegin(); it != buckets.rend() && streak < check.seconds; ++it) {
        const std::optional<double> value = metricValue(check.metric, *it, check.outcome);
        if (it->secondMs != expectedSecond || !value || !check.range.contains(*value))
            break;
        ++streak;
        expectedSecond -= SecondMs;
    }
    const std::optional<double> latest = metricValue(check.metric, buckets.back(), check.outcome);
    const QString latestText = !latest ? CheckText::tr("no value")
        : rate                         ? QStringLiteral("%1").arg(*latest, 0, 'f', 2)
        : count                        ? QStringLiteral("%1").arg(*latest, 0, 'f', 0)
                                       : QStringLiteral("%1 ms").arg(*latest, 0, 'f', 0);
    const QString status = CheckText::tr("%1 of %2 is %3; needs %4 for %5 s (%6 s so far)")
                               .arg(metric, check.probe, latestText, needed)
                               .arg(check.seconds)
                               .arg(streak);
    return { streak >= check.seconds, status };
}

} // namespace chaoslab::lab
