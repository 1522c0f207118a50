// The state that the reactors share about one served proxy: its name, listening socket,
// upstream and current toxics. The control plane replaces the toxics and the upstream
// mapping while reactors read them, so both are guarded by a mutex. Links copy the toxics
// pointer when they start and when the control plane announces a change.
#pragma once

#include "dataplane.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace chaoslab::engine {

struct ToxicSet
{
    std::vector<ToxicSpec> upstream;
    std::vector<ToxicSpec> downstream;

    // Splits a proxy's toxics by stream, keeping their order.
    static std::shared_ptr<const ToxicSet> fromSpecs(const std::vector<ToxicSpec>& toxics);
};

class ServedProxy
{
public:
    ServedProxy(ProxyId id, std::string name, int listenFd, std::string upstream);

    const ProxyId id;
    const std::string name;
    const int listenFd;
    // The upstream as configured, for messages.
    const std::string upstream;

    std::shared_ptr<const ToxicSet> toxics() const;
    void setToxics(std::shared_ptr<const ToxicSet> toxics);

    // The "host:port" to connect to after the upstream mapper ran.
    std::string connectTarget() const;
    void setConnectTarget(std::string target);

    // Returns true when a warning about this proxy may be logged now: at most one every
    // 5 s. `suppressed` receives how many were dropped since the last one.
    bool takeWarningSlot(int& suppressed);

    std::atomic<int> connections { 0 };

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const ToxicSet> m_toxics;
    std::string m_connectTarget;
    std::chrono::steady_clock::time_point m_lastWarning;
    int m_suppressedWarnings = 0;
    bool m_warned = false;
};

} // namespace chaoslab::engine
