// What `chaoslab env status` reports: each service and proxy of the lab stack with its
// state, as a table for people and as one JSON object for the console.
//
// JSON: {"dir", "api", "engine": "started|external|down",
//        "services": [{"name", "address", "state", "pid", "detail", "fix", "reason", "log",
//                      "command"}],
//        "proxies": [{"name", "listen", "upstream", "state", "detail", "fix", "reason", "enabled",
//                     "actual_listen", "actual_upstream", "upstream_accepts", "toxics",
//                     "restore"}]}
// with state one of running, stopped, missing (not installed), failed, external (answering
// but not started by `env up`). pid is 0 when no process of ours runs. "detail" and "fix"
// are English sentences. "reason" names the case, so that the console can word it in its own
// language. For services it is running, not_answering, exited, up_failed, external, missing
// (with the install "command") or stopped. For proxies it is present, not_created,
// engine_down or list_failed. "restore" is the listen, upstream and enabled state that
// `env down` sets back, when there is one.
#pragma once

#include "envlayout.h"
#include "envstate.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::environment {

namespace state {
inline constexpr const char* running = "running";
inline constexpr const char* stopped = "stopped";
inline constexpr const char* missing = "missing";
inline constexpr const char* failed = "failed";
inline constexpr const char* external = "external";
} // namespace state

struct ServiceStatus
{
    QString name;
    QString address;
    QString state = QString();
    qint64 pid = 0;
    QString detail = QString();
    QString fix = QString();
    QString reason = QString();
    QString log = QString();
    QString command = QString();
};

struct ProxyStatus
{
    QString name;
    QString listen;
    QString upstream;
    QString state = QString();
    QString detail = QString();
    QString reason = QString();
    // The proxy as the server has it, when it exists.
    std::optional<ApiProxy> actual = std::nullopt;
    bool upstreamAccepts = false;
    std::optional<ApiProxy> restore = std::nullopt;
    // The command that sets a disabled or changed proxy back to the lab's settings.
    QString fix = QString();
};

struct EnvStatus
{
    QString dir;
    QString api;
    // "started", "external" or "down".
    QString engine;
    qint64 enginePid = 0;
    std::vector<ServiceStatus> services = {};
    std::vector<ProxyStatus> proxies = {};
};

// Checks every service and proxy now: recorded PIDs, TCP and HTTP checks, GET /proxies.
EnvStatus collectStatus(const EnvLayout& layout, const std::optional<EnvState>& state);

std::string statusJson(const EnvStatus& status);
QString statusTable(const EnvStatus& status);

} // namespace chaoslab::environment
