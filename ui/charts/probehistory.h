// The recent per-second buckets of every probe on the chart, kept for a bounded span (two
// hours by default) so that the view can scroll back and the CSV export has every second.
// Buckets are stored without their individual latencies: the chart and the export only
// need the figures computed when the bucket closed.
#pragma once

#include "probes/probestatistics.h"

#include <QString>
#include <QStringList>

#include <deque>
#include <map>

namespace chaoslab::ui {

class ProbeHistory
{
public:
    using Buckets = std::deque<probes::ProbeBucket>;

    static constexpr qint64 DefaultSpanMs = 2 * 60 * 60 * 1000;

    explicit ProbeHistory(qint64 spanMs = DefaultSpanMs);

    qint64 spanMs() const { return m_spanMs; }

    // Adds a closed bucket and drops every bucket, of any probe, that started more than the
    // span before the newest one.
    void add(const QString& probe, probes::ProbeBucket bucket);
    void remove(const QString& probe);
    void clear();

    // Probe ids in the order they first appeared.
    QStringList probes() const { return m_order; }
    const Buckets& buckets(const QString& probe) const;
    // Start of the oldest stored second and end of the newest, in ms since the epoch; both
    // 0 when the history is empty.
    qint64 oldestMs() const;
    qint64 newestMs() const { return m_newestMs; }
    bool isEmpty() const;
    // Number of buckets over all probes.
    qsizetype size() const;

private:
    void dropOlderThan(qint64 ms);

    qint64 m_spanMs;
    qint64 m_newestMs = 0;
    QStringList m_order;
    std::map<QString, Buckets> m_buckets;
};

} // namespace chaoslab::ui
