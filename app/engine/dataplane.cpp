#include "dataplane.h"

#include "enginelog.h"
#include "reactor.h"
#include "servedproxy.h"
#include "socketops.h"
#include "upstreamresolver.h"

#include <fcntl.h>
#include <unistd.h>

#include <latch>
#include <map>
#include <mutex>
#include <thread>

namespace chaoslab::engine {

class DataPlane::Impl
{
public:
    explicit Impl(int threads);
    ~Impl();

    ProxyId startProxy(const std::string& name, int listenFd, const std::string& upstream,
        const std::vector<ToxicSpec>& toxics);
    void stopProxy(ProxyId id);
    void setToxics(ProxyId id, const std::vector<ToxicSpec>& toxics);
    void setUpstreamMapper(UpstreamMapper mapper);
    int connectionCount(ProxyId id) const;

private:
    std::shared_ptr<ServedProxy> find(ProxyId id) const;
    std::string mapUpstream(const std::string& upstream) const;
    void stopOnReactors(const std::shared_ptr<ServedProxy>& proxy);

    UpstreamResolver m_resolver;
    std::vector<std::unique_ptr<Reactor>> m_reactors;
    mutable std::mutex m_mutex;
    std::map<ProxyId, std::shared_ptr<ServedProxy>> m_proxies;
    UpstreamMapper m_mapper;
    ProxyId m_lastId = 0;
};

DataPlane::Impl::Impl(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    for (int index = 0; index < threads; ++index)
        m_reactors.push_back(std::make_unique<Reactor>(m_resolver));
}

DataPlane::Impl::~Impl()
{
    std::map<ProxyId, std::shared_ptr<ServedProxy>> proxies;
    {
        std::lock_guard lock(m_mutex);
        proxies.swap(m_proxies);
    }
    for (const auto& [id, proxy] : proxies)
        stopOnReactors(proxy);
    // The resolver posts results to reactors, so it stops before they go.
    m_resolver.stop();
    m_reactors.clear();
}

ProxyId DataPlane::Impl::startProxy(const std::string& name, int listenFd,
    const std::string& upstream, const std::vector<ToxicSpec>& toxics)
{
    // Every reactor watches the socket and one of them accepts each connection, so a
    // blocking accept() would hang the reactors that lost the race.
    ::fcntl(listenFd, F_SETFL, ::fcntl(listenFd, F_GETFL) | O_NONBLOCK);
    // Linux copies TCP_NODELAY from the listening socket to each accepted one (checked on
    // 6.18), which saves a setsockopt() call per connection.
    setNoDelay(listenFd);
    std::shared_ptr<ServedProxy> proxy;
    {
        std::lock_guard lock(m_mutex);
        proxy = std::make_shared<ServedProxy>(++m_lastId, name, listenFd, upstream);
        m_proxies.emplace(proxy->id, proxy);
    }
    proxy->setConnectTarget(mapUpstream(upstream));
    proxy->setToxics(ToxicSet::fromSpecs(toxics));
    for (auto& reactor : m_reactors)
        reactor->post([reactor = reactor.get(), proxy] { reactor->addProxy(proxy); });
    // The control plane logs starts and stops at info level with the listen address.
    qCDebug(lcEngineLink).nospace()
        << "serving proxy " << name.c_str() << ": upstream=" << upstream.c_str()
        << " toxics=" << toxics.size();
    return proxy->id;
}

void DataPlane::Impl::stopProxy(ProxyId id)
{
    std::shared_ptr<ServedProxy> proxy;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_proxies.find(id);
        if (found == m_proxies.end())
            return;
        proxy = found->second;
        m_proxies.erase(found);
    }
    stopOnReactors(proxy);
    qCDebug(lcEngineLink).nospace() << "stopped serving proxy " << proxy->name.c_str();
}

void DataPlane::Impl::stopOnReactors(const std::shared_ptr<ServedProxy>& proxy)
{
    // Every reactor must have stopped watching the listening socket before it closes,
    // because the caller may bind the port again as soon as this returns.
    std::latch done(static_cast<std::ptrdiff_t>(m_reactors.size()));
    for (auto& reactor : m_reactors) {
        reactor->post([reactor = reactor.get(), id = proxy->id, &done] {
            reactor->stopAccepting(id);
            done.count_down();
            // After count_down() the latch may be gone. Closing busy connections frees
            // their socket buffers, which takes milliseconds, so it runs after the
            // caller has been released.
            reactor->closeLinksOf(id);
        });
    }
    done.wait();
    ::close(proxy->listenFd);
}

void DataPlane::Impl::setToxics(ProxyId id, const std::vector<ToxicSpec>& toxics)
{
    const auto proxy = find(id);
    if (!proxy)
        return;
    proxy->setToxics(ToxicSet::fromSpecs(toxics));
    for (auto& reactor : m_reactors)
        reactor->post([reactor = reactor.get(), id] { reactor->applyToxics(id); });
}

void DataPlane::Impl::setUpstreamMapper(UpstreamMapper mapper)
{
    std::vector<std::shared_ptr<ServedProxy>> proxies;
    {
        std::lock_guard lock(m_mutex);
        m_mapper = std::move(mapper);
        for (const auto& [id, proxy] : m_proxies)
            proxies.push_back(proxy);
    }
    for (const auto& proxy : proxies)
        proxy->setConnectTarget(mapUpstream(proxy->upstream));
}

int DataPlane::Impl::connectionCount(ProxyId id) const
{
    const auto proxy = find(id);
    return proxy ? proxy->connections.load(std::memory_order_relaxed) : 0;
}

std::shared_ptr<ServedProxy> DataPlane::Impl::find(ProxyId id) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_proxies.find(id);
    return found == m_proxies.end() ? nullptr : found->second;
}

std::string DataPlane::Impl::mapUpstream(const std::string& upstream) const
{
    UpstreamMapper mapper;
    {
        std::lock_guard lock(m_mutex);
        mapper = m_mapper;
    }
    return mapper ? mapper(upstream) : upstream;
}

DataPlane::DataPlane(int threads) : m_impl(std::make_unique<Impl>(threads)) { }

DataPlane::~DataPlane() = default;

ProxyId DataPlane::startProxy(const std::string& name, int listenFd, const std::string& upstream,
    const std::vector<ToxicSpec>& toxics)
{
    return m_impl->startProxy(name, listenFd, upstream, toxics);
}

void DataPlane::stopProxy(ProxyId id)
{
    m_impl->stopProxy(id);
}

void DataPlane::setToxics(ProxyId id, const std::vector<ToxicSpec>& toxics)
{
    m_impl->setToxics(id, toxics);
}

void DataPlane::setUpstreamMapper(UpstreamMapper mapper)
{
    m_impl->setUpstreamMapper(std::move(mapper));
}

int DataPlane::connectionCount(ProxyId id) const
{
    return m_impl->connectionCount(id);
}

} // namespace chaoslab::engine
