// The probe history as CSV: one row per probe and second, oldest first, with the columns
//   time,probe,attempts,ok,errors,error_rate,p50,p95,p99,max,refused,closed,...
// where time is the start of the second in ISO 8601 UTC, error_rate is errors per attempt
// in [0, 1], latencies are in milliseconds, and each outcome other than "ok" has a count
// column under its stable name.
#pragma once

#include "probehistory.h"

#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace chaoslab::ui {

QStringList probeCsvColumns();

// Writes the header and every row to `device`; `labelOf` turns a probe id into the name in
// the probe column. Returns false when a write fails.
bool writeProbeCsv(QIODevice& device, const ProbeHistory& history,
    const std::function<QString(const QString&)>& labelOf);

} // namespace chaoslab::ui
