// The journal of one run, with the keys and value shapes of chaostoolkit-lib 1.4x journals:
//
//   chaoslib-version, platform, node, experiment, start, status, deviated,
//   steady_states {before, after, during}, run [...], rollbacks [...], end, duration
//
// Each activity run has activity, output, start, status, [exception], end, duration, and
// steady-state probes add tolerance_met. Times are UTC in Python's isoformat with
// microseconds and "+00:00"; durations are seconds.
#pragma once

#include "experiment.h"
#include "rollbackstrategy.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace chaoslab::chaostoolkit {

using Clock = std::chrono::system_clock;

// "2025-08-27T10:15:38.363456+00:00"
std::string isoTime(Clock::time_point time);
double secondsBetween(Clock::time_point start, Clock::time_point end);
// Python's platform.platform() form: "Linux-6.1.0-18-amd64-x86_64-with-glibc2.36".
std::string platformName();

struct ActivityRun
{
    Json activity;
    Json output;
    // "succeeded" or "failed".
    bool succeeded = true;
    // Python's traceback.format_exception lines of a failure: "...: message\n".
    std::string error;
    Clock::time_point start;
    Clock::time_point end;
    // Set only for steady-state probes.
    std::optional<bool> toleranceMet;

    Json toJson() const;
};

struct SteadyState
{
    bool met = false;
    std::vector<ActivityRun> probes;

    Json toJson() const;
};

struct Journal
{
    Json experiment;
    Clock::time_point start;
    Clock::time_point end;
    RunStatus status = RunStatus::Running;
    bool deviated = false;
    std::optional<SteadyState> before;
    std::optional<SteadyState> after;
    std::vector<ActivityRun> run;
    std::vector<ActivityRun> rollbacks;

    Json toJson() const;
};

} // namespace chaoslab::chaostoolkit
