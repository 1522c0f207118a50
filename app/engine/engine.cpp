#include "engine.h"

#include "enginelog.h"
#include "proxylistener.h"

namespace chaoslab::engine {

namespace {

EngineError proxyNotFound(const std::string& name)
{
    return { ErrorKind::NotFound, "proxy not found: " + name };
}

EngineError missingField(const std::string& field, const std::string& where = {})
{
    return { ErrorKind::BadRequest, "missing required field: " + field + where };
}

} // namespace

Engine::Engine(int dataPlaneThreads)
    : m_dataPlane(std::make_unique<DataPlane>(dataPlaneThreads)) { }

Engine::~Engine()
{
    std::lock_guard lock(m_mutex);
    for (auto& [name, proxy] : m_proxies)
        stop(proxy);
}

Engine::Proxy* Engine::find(const std::string& name)
{
    const auto found = m_proxies.find(name);
    return found == m_proxies.end() ? nullptr : &found->second;
}

const Engine::Proxy* Engine::find(const std::string& name) const
{
    const auto found = m_proxies.find(name);
    return found == m_proxies.end() ? nullptr : &found->second;
}

ProxySnapshot Engine::snapshot(const Proxy& proxy)
{
    return { proxy.name, proxy.listen, proxy.upstream, proxy.running.has_value(),
        proxy.toxics.ordered() };
}

Status Engine::start(Proxy& proxy)
{
    if (proxy.running)
        return std::nullopt;
    auto bound = bindProxyListener(proxy.name, proxy.listen);
    if (!bound.ok()) {
        qCWarning(lcEngine, "proxy start failed name=%s listen=%s error=%s", proxy.name.c_str(),
            proxy.listen.c_str(), bound.error().message.c_str());
        return bound.error();
    }
    proxy.listen = bound.value().address;
    proxy.running = m_dataPlane->startProxy(
        proxy.name, bound.value().fd, proxy.upstream, proxy.toxics.ordered());
    qCInfo(lcEngine, "proxy started name=%s listen=%s upstream=%s", proxy.name.c_str(),
        proxy.listen.c_str(), proxy.upstream.c_str());
    return std::nullopt;
}

void Engine::stop(Proxy& proxy)
{
    if (!proxy.running)
        return;
    m_dataPlane->stopProxy(*proxy.running);
    proxy.running.reset();
    qCInfo(lcEngine, "proxy stopped name=%s listen=%s", proxy.name.c_str(), proxy.listen.c_str());
}

void Engine::applyToxics(Proxy& proxy)
{
    if (proxy.running)
        m_dataPlane->setToxics(*proxy.running, proxy.toxics.ordered());
}

std::vector<ProxySnapshot> Engine::proxies() const
{
    std::lock_guard lock(m_mutex);
    std::vector<ProxySnapshot> out;
    out.reserve(m_proxies.size());
    for (const auto& [name, proxy] : m_proxies)
        out.push_back(snapshot(proxy));
    return out;
}

Result<ProxySnapshot> Engine::proxy(const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    const auto* proxy = find(name);
    if (!proxy)
        return proxyNotFound(name);
    return snapshot(*proxy);
}

Result<ProxySnapshot> Engine::createProxy(const ProxyConfig& config)
{
    if (config.name.empty())
        return missingField("name");
    if (config.upstream.empty())
        return missingField("upstream");

    std::lock_guard lock(m_mutex);
    if (find(config.name))
        return EngineError { ErrorKind::Conflict, "proxy already exists: " + config.name };
    Proxy proxy { config.name, config.listen, config.upstream, std::nullopt, {} };
    if (config.enabled) {
        if (auto error = start(proxy))
            return *error;
    }
    qCInfo(lcEngine, "proxy created name=%s listen=%s upstream=%s enabled=%d", proxy.name.c_str(),
        proxy.listen.c_str(), proxy.upstream.c_str(), config.enabled);
    const auto& added = m_proxies.emplace(config.name, std::move(proxy)).first->second;
    return snapshot(added);
}

Result<ProxySnapshot> Engine::updateProxy(const std::string& name, const ProxyUpdate& update)
{
    std::lock_guard lock(m_mutex);
    auto* proxy = find(name);
    if (!proxy)
        return proxyNotFound(name);

    const auto listen = update.listen.value_or(proxy->listen);
    const auto upstream = update.upstream.value_or(proxy->upstream);
    const bool enable = update.enabled.value_or(proxy->running.has_value());
    if (listen != proxy->listen) {
        if (auto error = checkListenAddress(listen))
            return *error;
    }
    if (listen != proxy->listen || upstream != proxy->upstream) {
        stop(*proxy);
        proxy->listen = listen;
        proxy->upstream = upstream;
        qCInfo(lcEngine, "proxy changed name=%s listen=%s upstream=%s", name.c_str(),
            listen.c_str(), upstream.c_str());
    }
    if (enable && !proxy->running) {
        if (auto error = start(*proxy))
            return *error;
    } else if (!enable) {
        stop(*proxy);
    }
    return snapshot(*proxy);
}

Status Engine::removeProxy(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    auto* proxy = find(name);
    if (!proxy)
        return proxyNotFound(name);
    stop(*proxy);
    m_proxies.erase(name);
    qCInfo(lcEngine, "proxy deleted name=%s", name.c_str());
    return std::nullopt;
}

PopulateResult Engine::populate(const std::vector<PopulateEntry>& entries)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto where = " at proxy " + std::to_string(i + 1);
        if (entries[i].name.empty())
            return { {}, missingField("name", where) };
        if (entries[i].upstream.empty())
            return { {}, missingField("upstream", where) };
    }

    std::lock_guard lock(m_mutex);
    PopulateResult result;
    for (const auto& entry : entries) {
        auto* existing = find(entry.name);
        if (existing && existing->listen == entry.listen && existing->upstream == entry.upstream) {
            result.proxies.push_back(snapshot(*existing));
            continue;
        }
        // A failed replacement leaves the old proxy stopped, as in Toxiproxy 2.12, because
        // the new proxy usually needs the old one's port.
        if (existing)
            stop(*existing);
        Proxy proxy { entry.name, entry.listen, entry.upstream, std::nullopt, {} };
        if (entry.enabled.value_or(true)) {
            if (auto error = start(proxy)) {
                result.error = error;
                return result;
            }
        }
        qCInfo(lcEngine, "proxy populated name=%s listen=%s upstream=%s replaced=%d",
            proxy.name.c_str(), proxy.listen.c_str(), proxy.upstream.c_str(), existing != nullptr);
        result.proxies.push_back(snapshot(proxy));
        m_proxies.insert_or_assign(entry.name, std::move(proxy));
    }
    return result;
}

Status Engine::reset()
{
    std::lock_guard lock(m_mutex);
    Status first;
    for (auto& [name, proxy] : m_proxies) {
        proxy.toxics.clear();
        applyToxics(proxy);
        auto error = start(proxy);
        if (error && !first)
            first = error;
    }
    qCInfo(lcEngine, "reset proxies=%zu failed=%d", m_proxies.size(), first.has_value());
    return first;
}

} // namespace chaoslab::engine
