// The control plane of the built-in engine: the proxies by name, each with its listen
// address, upstream, enabled state and toxics, with the semantics of Toxiproxy 2.12.
//
// The engine creates and binds each proxy's listening socket itself, so bind errors are
// reported to the caller, then hands the socket to the data plane, which serves it on its
// own threads. Every toxic change is passed on to the data plane at once.
//
// Every method is thread-safe and returns quickly: the HTTP API calls it on the API
// server's thread, and the console may call it from the GUI thread.
#pragma once

#include "dataplane.h"
#include "engineerror.h"
#include "proxystate.h"
#include "toxiclist.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace chaoslab::engine {

struct PopulateResult
{
    // The proxies created, replaced or kept, up to the first failure.
    std::vector<ProxySnapshot> proxies;
    std::optional<EngineError> error;
};

class Engine
{
public:
    // Starts the data plane with `dataPlaneThreads` reactor threads; 0 means one per core.
    explicit Engine(int dataPlaneThreads = 0);
    // Stops every proxy.
    ~Engine();

    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Every proxy, sorted by name.
    std::vector<ProxySnapshot> proxies() const;
    Result<ProxySnapshot> proxy(const std::string& name) const;

    // Fails with BadRequest when the name or upstream is empty, with Conflict when the name is
    // taken, and with ListenFailed when an enabled proxy cannot listen. A failed proxy is not
    // created.
    Result<ProxySnapshot> createProxy(const ProxyConfig& config);

    // A new listen address or upstream restarts the proxy, which closes its connections.
    // An invalid listen address changes nothing. When the proxy cannot listen on a valid new
    // address, it is left disabled with that address, as Toxiproxy 2.12 does.
    Result<ProxySnapshot> updateProxy(const std::string& name, const ProxyUpdate& update);

    Status removeProxy(const std::string& name);

    // Creates or replaces the listed proxies, and leaves other proxies alone. A listed proxy
    // whose listen and upstream equal the existing one's is kept as it is, with its toxics
    // and enabled state. Its `enabled` entry is then ignored, as in Toxiproxy 2.12. A changed
    // proxy is replaced by a new proxy without toxics. Entries are checked for a name and
    // upstream before anything changes, then applied in order until one fails.
    PopulateResult populate(const std::vector<PopulateEntry>& entries);

    // Removes every toxic and enables every proxy. Returns the first proxy that could not
    // listen, after resetting all the others.
    Status reset();

    Result<std::vector<ToxicSpec>> toxics(const std::string& proxy) const;
    Result<ToxicSpec> toxic(const std::string& proxy, const std::string& name) const;

    // Adds a toxic whose name, type and stream are already decided. `givenAttributes` names
    // the attributes the request set (see validateToxic). Fails with NotFound, Conflict for
    // a taken name, or BadRequest for values validateToxic rejects.
    Result<ToxicSpec> addToxic(
        const std::string& proxy, ToxicSpec toxic, const std::vector<std::string>& givenAttributes);

    Result<ToxicSpec> updateToxic(
        const std::string& proxy, const std::string& name, const ToxicPatch& patch);
    Status removeToxic(const std::string& proxy, const std::string& name);

    DataPlane& dataPlane() { return *m_dataPlane; }

private:
    struct Proxy
    {
        std::string name;
        std::string listen;
        std::string upstream;
        std::optional<ProxyId> running;
        ToxicList toxics;
    };

    Proxy* find(const std::string& name);
    const Proxy* find(const std::string& name) const;
    Status start(Proxy& proxy);
    void stop(Proxy& proxy);
    void applyToxics(Proxy& proxy);
    static ProxySnapshot snapshot(const Proxy& proxy);

    std::unique_ptr<DataPlane> m_dataPlane;
    mutable std::mutex m_mutex;
    std::map<std::string, Proxy> m_proxies;
};

} // namespace chaoslab::engine
