// `chaoslab env up` and `down`: brings the local lab stack up from Debian's packages and the
// chaoslab executables, and stops exactly what it started.
#pragma once

#include "envlayout.h"
#include "envstate.h"
#include "launcher.h"

#include <QString>

#include <functional>

namespace chaoslab::environment {

class Environment
{
public:
    using Print = std::function<void(const QString&)>;

    // `portsExplicit` is true when the layout's ports came from --ports, so they replace the
    // ports of a stopped stack's state file.
    Environment(EnvLayout layout, Print print, bool portsExplicit = false);

    // Starts every service that is installed and not yet running, the engine (or uses a
    // Toxiproxy server already answering at the API address), the proxies and the lab's
    // programs. Returns 0 when everything installed came up, 1 otherwise.
    int up();
    // Stops what `up` recorded. On an external server it removes the proxies `up` created
    // and sets back the ones it updated. With `purge`, also deletes the data. Returns 0, or 1
    // when a process survived.
    int down(bool purge);

    // The layout in effect: the one of the running stack when a state file exists.
    const EnvLayout& layout() const { return m_layout; }
    // Loads the state file and adopts its host and ports, unless the stack is stopped and
    // the ports were given explicitly. Returns false on a corrupt file.
    bool loadExistingState();
    const std::optional<EnvState>& state() const { return m_state; }

private:
    bool isAlreadyUp() const;
    void startServices(LaunchContext& context, LauncherList& launchers, LauncherList& pending);
    bool startOne(LaunchContext& context, ServiceLauncher& launcher);
    void startEngine(LaunchContext& context);
    void setUpProxies(LaunchContext& context);
    void journalProxyChange(const ProxyChange& change);
    void awaitReady(LaunchContext& context, ServiceLauncher& launcher);
    void fail(LaunchContext& context, const QString& service, const QString& reason);
    void removeCreatedProxies();
    void restoreUpdatedProxies();
    void purgeData();

    EnvLayout m_layout;
    Print m_print;
    bool m_portsExplicit = false;
    std::optional<EnvState> m_state;
};

} // namespace chaoslab::environment
