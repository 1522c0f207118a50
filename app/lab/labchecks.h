// Evaluation of a lab step's automatic checks against the server's proxies and the probes'
// per-second statistics. Pure functions, so the lab player can call them on every update.
#pragma once

#include "labdocument.h"

#include "probes/probestatistics.h"
#include "toxiproxy/proxy.h"

#include <QList>
#include <QString>

#include <deque>

namespace chaoslab::lab {

struct CheckResult
{
    bool passed = false;
    // For the participant: what was found, such as "p95 is 312 ms; needs at least 800 ms".
    QString status;
};

// Evaluates a toxic or proxy check. `proxies` is the server's current list.
CheckResult evaluateStateCheck(const LabCheck& check, const QList<toxiproxy::Proxy>& proxies);

// Evaluates a probe check: the metric must be in range in each of the last `check.seconds`
// closed one-second buckets, which must be consecutive and end within two seconds of
// `nowMs`. Latency metrics need at least one Ok attempt in a second to count it.
CheckResult evaluateProbeCheck(
    const LabCheck& check, const std::deque<probes::ProbeBucket>& buckets, qint64 nowMs);

// The value of `metric` ("p50", "p95", "p99", "max", "error_rate", "outcome_rate",
// "outcome_count") in one bucket, or nothing when the bucket has no value for it. The
// outcome metrics count the attempts that ended with `outcome` and have no value without it.
std::optional<double> metricValue(const QString& metric, const probes::ProbeBucket& bucket,
    std::optional<probes::ProbeOutcome> outcome = std::nullopt);

} // namespace chaoslab::lab
