// The text `chaoslab probe` prints: one line per second, a summary at the end, or with
// --json a single JSON object:
//
//   {"url": ..., "attempts": N, "ok": N, "errors": {"refused": N, ... every error outcome},
//    "error_rate": 0..1, "latency_ms": {"p50", "p95", "p99", "max"}, "duration_s": S}
//
// Latencies are over the attempts that ended Ok; all zero when none did.
#pragma once

#include "probes/probestatistics.h"

#include <QByteArray>
#include <QString>

namespace chaoslab::cli {

// "12:00:01  attempts 2  ok 2  p50 1.20 ms  p95 1.41 ms  max 1.41 ms", followed by
// "  errors: refused 2" when some attempts failed. The time is local.
QString secondLine(const probes::ProbeBucket& bucket);

QString summaryText(const QString& url, const probes::ProbeSummary& summary, double seconds);

QByteArray summaryJson(const QString& url, const probes::ProbeSummary& summary, double seconds);

} // namespace chaoslab::cli
