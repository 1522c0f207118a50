// Detached service processes: starting them in their own session with output to a log,
// recognising them again by PID, and stopping them.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <optional>

namespace chaoslab::environment {

// One process that `env up` started. The PID alone is not enough to recognise it later,
// because PIDs are reused: the start time (clock ticks since boot, field 22 of
// /proc/PID/stat) identifies it.
struct ProcessRecord
{
    QString service;
    qint64 pid = 0;
    std::uint64_t startTime = 0;
    QString executable;
    QString log;
};

struct Command
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory = QString();
};

// Starts `command` detached, in its own session, with stdin from /dev/null and stdout and
// stderr appended to `log`. Returns the record, or nothing with `error` set.
std::optional<ProcessRecord> startDetached(
    const QString& service, const Command& command, const QString& log, QString& error);

// Fills a record for a process that another program started (such as the postmaster that
// pg_ctl starts). Returns nothing when the PID does not exist.
std::optional<ProcessRecord> recordExisting(const QString& service, qint64 pid, const QString& log);

// Returns whether the recorded process still runs: same PID and start time, and not a
// zombie.
bool isRunning(const ProcessRecord& record);

// Sends SIGTERM, waits up to `grace` for the process to end, then sends SIGKILL. Does
// nothing unless the process is still the recorded one. Returns a message when it had to
// kill it or could not stop it.
std::optional<QString> stopProcess(
    const ProcessRecord& record, std::chrono::milliseconds grace = std::chrono::seconds(15));

struct ToolResult
{
    bool ok = false;
    QString output;
};

// Runs a short-lived tool to completion (at most `timeout`), appending its output to `log`
// when one is given. ok is true when it exited with status 0.
ToolResult runTool(
    const Command& command, std::chrono::milliseconds timeout, const QString& log = QString());

// Returns the first path in PATH (or the absolute path itself) of an executable `name`, or
// an empty string.
QString findExecutable(const QString& name);

} // namespace chaoslab::environment
