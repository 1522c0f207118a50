// The record of one probe attempt: when it started, how long each phase took, how it ended.
#pragma once

#include "probeoutcome.h"

#include <QString>
#include <QtGlobal>

namespace chaoslab::probes {

struct ProbeAttempt
{
    // Wall-clock start, milliseconds since the Unix epoch.
    qint64 startedAtMs = 0;
    // Durations in milliseconds from the start of the attempt; -1 when the phase was not
    // reached (no connection, no byte received).
    double connectMs = -1;
    double firstByteMs = -1;
    double totalMs = 0;
    ProbeOutcome outcome = ProbeOutcome::Ok;
    // A description of the peer's reply or action, for people: "HTTP 503", "ERR 1045 Access denied
    // ...".
    QString detail;

    bool ok() const { return outcome == ProbeOutcome::Ok; }
};

} // namespace chaoslab::probes
