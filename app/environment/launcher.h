// One service of the local lab stack: how to tell whether its program is installed, how
// to start it detached, when it is ready, and how to stop it. The catalog functions at the
// bottom list the lab's services in the order `env up` starts them.
#pragma once

#include "envlayout.h"
#include "envstate.h"
#include "processcontrol.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace chaoslab::environment {

struct LaunchContext
{
    const EnvLayout& layout;
    EnvState& state;
    bool isRoot = false;
    std::function<void(const QString&)> print;

    // Adds the process to the state and saves the state, so that `down` can stop it even
    // if `up` stops half-way.
    void record(const ProcessRecord& process);

    // Starts `command` detached as a process of `service`, with its output appended to `log`,
    // and records it. Returns the error when it could not start.
    std::optional<QString> startRecorded(
        const QString& service, const Command& command, const QString& log);
};

class ServiceLauncher
{
public:
    virtual ~ServiceLauncher() = default;

    virtual QString name() const = 0;
    // The port name in the layout that the service listens on.
    virtual const char* portName() const = 0;
    // Returns an empty string when the service can run here, or the reason it cannot.
    virtual QString missingReason(const EnvLayout& layout) const = 0;
    // Returns how to get the missing program, such as an apt-get command.
    virtual QString installFix(const EnvLayout& layout) const = 0;
    // Returns the command alone in installFix(), for the console to put in its own words.
    virtual QString installCommand(const EnvLayout& layout) const { return installFix(layout); }
    // Starts the service's processes and records them. Returns an error or nothing.
    virtual std::optional<QString> start(LaunchContext& context) = 0;
    // Waits until the service accepts connections, then creates its logins if needed.
    virtual std::optional<QString> awaitReady(LaunchContext& context) = 0;
    // Returns whether the service responds at its address now.
    virtual bool answers(const EnvLayout& layout) const;
    // Stops what start() recorded, newest first. Returns messages about forced stops.
    virtual QStringList stop(const EnvLayout& layout, const EnvState& state);
};

using LauncherList = std::vector<std::unique_ptr<ServiceLauncher>>;

// MariaDB, RabbitMQ, Redis, PostgreSQL and MongoDB (which is never packaged).
LauncherList serviceLaunchers();
// The demo HTTP service, the order API and the notifier, which need the proxies.
LauncherList applicationLaunchers();

// Returns the log file a service's messages go to.
QString serviceLog(const EnvLayout& layout, const QString& service);

// Polls `ready` every 100 ms until it returns true (nothing) or `timeout` passes, or a
// recorded process of the service exits. Returns the error naming the service and log.
std::optional<QString> waitUntilReady(const LaunchContext& context, const QString& service,
    std::chrono::milliseconds timeout, const std::function<bool()>& ready);

} // namespace chaoslab::environment
