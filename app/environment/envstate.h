// The state file of a running lab stack, DIR/state.json: the ports and API address `up`
// used, every process it started, the proxies it created or changed, and the services that
// failed.
// `down` and `status` read it so that they act on exactly what `up` started.
#pragma once

#include "envlayout.h"
#include "processcontrol.h"
#include "proxysetup.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace chaoslab::environment {

enum class EngineMode { None, Started, External };

struct EnvState
{
    QString host;
    PortMap ports;
    EngineMode engine = EngineMode::None;
    std::vector<ProcessRecord> processes;
    QStringList createdProxies;
    // By proxy name, the settings from before `up` updated a proxy on a Toxiproxy server that
    // it did not start, so that `down` can restore them.
    std::map<QString, ApiProxy> updatedProxies;
    // The reason each failed service did not come up, with its log path, by service name.
    std::map<QString, QString> failures;
    // PostgreSQL's cluster folder: DIR/postgres, or a folder the postgres user can reach.
    QString postgresDataDir;

    std::vector<ProcessRecord> processesOf(const QString& service) const;
    bool isEmpty() const
    {
        return processes.empty() && createdProxies.isEmpty() && updatedProxies.empty();
    }
};

QString statePath(const QString& dir);

// Returns the state, or nothing when DIR has no state file. A file that cannot be parsed
// sets `error`.
std::optional<EnvState> loadState(const QString& dir, QString& error);

// Writes the state atomically. Returns an error message or nothing.
std::optional<QString> saveState(const QString& dir, const EnvState& state);

void removeState(const QString& dir);

} // namespace chaoslab::environment
