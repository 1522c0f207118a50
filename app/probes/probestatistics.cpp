#include "probestatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chaoslab::probes {

namespace {

constexpr qint64 SecondMs = 1000;

void merge(ProbeSummary& summary, const ProbeBucket& bucket, std::vector<float>& latencies)
{
    summary.attempts += bucket.attempts;
    for (int i = 0; i < ProbeOutcomeCount; ++i)
        summary.outcomes[i] += bucket.outcomes[i];
    latencies.insert(latencies.end(), bucket.okLatencies.begin(), bucket.okLatencies.end());
}

} // namespace

double percentileOfSorted(const std::vector<float>& sorted, double fraction)
{
    if (sorted.empty())
        return 0;
    const auto rank = qint64(std::ceil(fraction * double(sorted.size())));
    const auto index = std::clamp<qint64>(rank - 1, 0, qint64(sorted.size()) - 1);
    return sorted[size_t(index)];
}

LatencyFigures latencyFigures(const std::vector<float>& sorted)
{
    if (sorted.empty())
        return {};
    return { percentileOfSorted(sorted, 0.50), percentileOfSorted(sorted, 0.95),
        percentileOfSorted(sorted, 0.99), sorted.back() };
}

ProbeStatistics::ProbeStatistics(int capacitySeconds)
    : m_capacitySeconds(std::max(1, capacitySeconds))
{ }

qint64 ProbeStatistics::secondOf(qint64 ms)
{
    return ms - ((ms % SecondMs) + SecondMs) % SecondMs;
}

void ProbeStatistics::add(const ProbeAttempt& attempt)
{
    const qint64 second = secondOf(attempt.startedAtMs + qint64(std::llround(attempt.totalMs)));
    auto it = std::find_if(m_open.begin(), m_open.end(),
        [second](const ProbeBucket& bucket) { return bucket.secondMs >= second; });
    if (it == m_open.end() || it->secondMs != second) {
        ProbeBucket bucket;
        bucket.secondMs = second;
        it = m_open.insert(it, std::move(bucket));
    }
    ++it->attempts;
    ++it->outcomes[size_t(attempt.outcome)];
    if (attempt.ok()) {
        const auto value = float(attempt.totalMs);
        auto& latencies = it->okLatencies;
        latencies.insert(std::upper_bound(latencies.begin(), latencies.end(), value), value);
    }
}

QList<ProbeBucket> ProbeStatistics::closeUntil(qint64 nowMs)
{
    QList<ProbeBucket> closed;
    while (!m_open.empty() && m_open.front().secondMs + SecondMs <= nowMs) {
        ProbeBucket bucket = std::move(m_open.front());
        m_open.pop_front();
        bucket.latency = latencyFigures(bucket.okLatencies);
        closed.append(bucket);
        close(std::move(bucket));
    }
    return closed;
}

void ProbeStatistics::close(ProbeBucket bucket)
{
    m_closed.push_back(std::move(bucket));
    const qint64 oldest = m_closed.back().secondMs - qint64(m_capacitySeconds - 1) * SecondMs;
    while (!m_closed.empty() && m_closed.front().secondMs < oldest)
        m_closed.pop_front();
}

ProbeSummary ProbeStatistics::summary(qint64 fromMs, qint64 toMs) const
{
    ProbeSummary summary;
    std::vector<float> latencies;
    const auto add = [&](const ProbeBucket& bucket) {
        if (bucket.secondMs >= secondOf(fromMs) && bucket.secondMs < toMs)
            merge(summary, bucket, latencies);
    };
    std::for_each(m_closed.begin(), m_closed.end(), add);
    std::for_each(m_open.begin(), m_open.end(), add);
    std::sort(latencies.begin(), latencies.end());
    summary.latency = latencyFigures(latencies);
    return summary;
}

ProbeSummary ProbeStatistics::summary() const
{
    return summary(std::numeric_limits<qint64>::min() / 2, std::numeric_limits<qint64>::max());
}

void ProbeStatistics::clear()
{
    m_closed.clear();
    m_open.clear();
}

} // namespace chaoslab::probes
