#include "probehistory.h"

#include <algorithm>
#include <limits>

namespace chaoslab::ui {

namespace {

constexpr qint64 SecondMs = 1000;

} // namespace

ProbeHistory::ProbeHistory(qint64 spanMs) : m_spanMs(std::max(SecondMs, spanMs)) { }

void ProbeHistory::add(const QString& probe, probes::ProbeBucket bucket)
{
    // The individual latencies are the bulk of a bucket and nothing here reads them.
    bucket.okLatencies = {};
    if (!m_buckets.contains(probe))
        m_order.append(probe);
    auto& buckets = m_buckets[probe];

    // Buckets arrive oldest first; one that does not is put in its place.
    const auto later = std::upper_bound(buckets.begin(), buckets.end(), bucket.secondMs,
        [](qint64 second, const probes::ProbeBucket& b) { return second < b.secondMs; });
    if (later != buckets.begin() && std::prev(later)->secondMs == bucket.secondMs)
        *std::prev(later) = std::move(bucket);
    else
        buckets.insert(later, std::move(bucket));

    m_newestMs = std::max(m_newestMs, buckets.back().secondMs + SecondMs);
    dropOlderThan(m_newestMs - m_spanMs);
}

void ProbeHistory::dropOlderThan(qint64 ms)
{
    for (auto& [probe, buckets] : m_buckets) {
        while (!buckets.empty() && buckets.front().secondMs < ms)
            buckets.pop_front();
    }
}

void ProbeHistory::remove(const QString& probe)
{
    m_buckets.erase(probe);
    m_order.removeAll(probe);
    if (m_buckets.empty())
        m_newestMs = 0;
}

void ProbeHistory::clear()
{
    m_buckets.clear();
    m_order.clear();
    m_newestMs = 0;
}

const ProbeHistory::Buckets& ProbeHistory::buckets(const QString& probe) const
{
    static const Buckets none;
    const auto it = m_buckets.find(probe);
    return it == m_buckets.end() ? none : it->second;
}

qint64 ProbeHistory::oldestMs() const
{
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const auto& [probe, buckets] : m_buckets) {
        if (!buckets.empty())
            oldest = std::min(oldest, buckets.front().secondMs);
    }
    return oldest == std::numeric_limits<qint64>::max() ? 0 : oldest;
}

bool ProbeHistory::isEmpty() const
{
    return size() == 0;
}

qsizetype ProbeHistory::size() const
{
    qsizetype count = 0;
    for (const auto& [probe, buckets] : m_buckets)
        count += qsizetype(buckets.size());
    return count;
}

} // namespace chaoslab::ui
