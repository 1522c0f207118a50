// The identity of a process, distinct from a later one that reuses its PID: the PID and the
// time the process started, in clock ticks since boot, from /proc on Linux. A rollback journal
// records the process that writes it, so that a console does not take the journal of a
// run that is still going on (its own, or another console's) for one left by a crash.
#pragma once

#include <QtGlobal>

namespace chaoslab::lab {

struct ProcessIdentity
{
    qint64 pid = 0;
    // 0 where /proc is not available; then only the PID is compared.
    qint64 startTicks = 0;

    static ProcessIdentity current();
    // Whether the process still runs: the same PID, started at the same time.
    bool isRunning() const;
};

} // namespace chaoslab::lab
