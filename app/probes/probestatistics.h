// Rolling statistics of one probe: one bucket per wall-clock second with latency
// percentiles and outcome counts, kept for a bounded time (two hours by default).
//
// Latency figures are over the attempts that ended Ok, in milliseconds of total attempt
// time; an attempt counts in the second in which it ended. Buckets keep their latencies, so
// percentiles over any window are exact rather than averages of per-second figures.
#pragma once

#include "probeattempt.h"
#include "probeoutcome.h"

#include <QList>
#include <QtGlobal>

#include <array>
#include <deque>
#include <vector>

namespace chaoslab::probes {

// Latency percentiles in milliseconds; all zero when no attempt ended Ok.
struct LatencyFigures
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
};

struct ProbeBucket
{
    // Start of the second, milliseconds since the Unix epoch.
    qint64 secondMs = 0;
    int attempts = 0;
    std::array<int, ProbeOutcomeCount> outcomes {};
    LatencyFigures latency;
    // Sorted total times of the Ok attempts.
    std::vector<float> okLatencies;

    int ok() const { return outcomes[0]; }
    int errors() const { return attempts - ok(); }
    // Errors per attempt in [0, 1]; 0 for a second without attempts.
    double errorRate() const { return attempts ? double(errors()) / attempts : 0.0; }
};

struct ProbeSummary
{
    int attempts = 0;
    std::array<int, ProbeOutcomeCount> outcomes {};
    LatencyFigures latency;

    int ok() const { return outcomes[0]; }
    int errors() const { return attempts - ok(); }
    double errorRate() const { return attempts ? double(errors()) / attempts : 0.0; }
};

class ProbeStatistics
{
public:
    static constexpr int DefaultCapacitySeconds = 2 * 60 * 60;

    explicit ProbeStatistics(int capacitySeconds = DefaultCapacitySeconds);

    void add(const ProbeAttempt& attempt);
    // Closes every bucket whose second ended at or before nowMs and returns them, oldest
    // first. Seconds without attempts produce no bucket.
    QList<ProbeBucket> closeUntil(qint64 nowMs);
    // Closed buckets, oldest first; seconds older than the capacity are dropped.
    const std::deque<ProbeBucket>& buckets() const { return m_closed; }
    // Figures over the seconds that overlap [fromMs, toMs), closed and open buckets alike.
    ProbeSummary summary(qint64 fromMs, qint64 toMs) const;
    ProbeSummary summary() const;
    void clear();

private:
    static qint64 secondOf(qint64 ms);
    void close(ProbeBucket bucket);

    int m_capacitySeconds;
    std::deque<ProbeBucket> m_closed;
    // Buckets still collecting attempts, by second; normally one, two when attempts that
    // started at a second's end finish after the next second began.
    std::deque<ProbeBucket> m_open;
};

// Nearest-rank percentile of sorted values, `fraction` in (0, 1]; 0 for no values.
double percentileOfSorted(const std::vector<float>& sorted, double fraction);
LatencyFigures latencyFigures(const std::vector<float>& sorted);

} // namespace chaoslab::probes
