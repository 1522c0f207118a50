#include "upstreamresolver.h"

#include <netdb.h>

#include <cstring>

namespace chaoslab::engine {

namespace {

// A found address is reused for 5 s, a failure for 1 s, so that a name that starts to
// resolve (a container coming up) is picked up soon.
constexpr auto addressLifetime = std::chrono::seconds(5);
constexpr auto failureLifetime = std::chrono::seconds(1);

std::string cacheKey(const HostPort& target)
{
    return target.host + ':' + std::to_string(target.port);
}

} // namespace

UpstreamResolver::UpstreamResolver() : m_thread([this] { run(); }) { }

UpstreamResolver::~UpstreamResolver()
{
    stop();
}

std::optional<SocketAddress> UpstreamResolver::cached(const HostPort& target)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_cache.find(cacheKey(target));
    if (found == m_cache.end() || found->second.expires < std::chrono::steady_clock::now())
        return std::nullopt;
    return found->second.result.address;
}

void UpstreamResolver::resolve(const HostPort& target, Callback done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_requests.push_back({ target, std::move(done) });
    }
    m_wake.notify_one();
}

void UpstreamResolver::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_requests.clear();
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void UpstreamResolver::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_requests.empty(); });
        if (m_stopping)
            return;
        auto request = std::move(m_requests.front());
        m_requests.pop_front();
        const auto key = cacheKey(request.target);
        auto found = m_cache.find(key);
        if (found == m_cache.end() || found->second.expires < std::chrono::steady_clock::now()) {
            lock.unlock();
            auto result = lookUp(request.target);
            lock.lock();
            const auto lifetime = result.address ? addressLifetime : failureLifetime;
            found = m_cache
                        .insert_or_assign(key,
                            CacheEntry {
                                std::move(result), std::chrono::steady_clock::now() + lifetime })
                        .first;
        }
        auto result = found->second.result;
        lock.unlock();
        request.done(std::move(result));
        lock.lock();
    }
}

UpstreamResolver::Result UpstreamResolver::lookUp(const HostPort& target)
{
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const auto port = std::to_string(target.port);
    const int status = ::getaddrinfo(target.host.c_str(), port.c_str(), &hints, &found);
    if (status != 0) {
        return { std::nullopt,
            "cannot resolve host \"" + target.host + "\": " + ::gai_strerror(status) };
    }
    // IPv4 first: "localhost" often lists ::1 first, while local test servers usually
    // listen on 127.0.0.1 only.
    // NOTE: only this one address is tried; Go's dialer, which Toxiproxy uses, falls back
    // to the next address when a connection fails.
    const addrinfo* chosen = found;
    for (const auto* entry = found; entry; entry = entry->ai_next) {
        if (entry->ai_family == AF_INET) {
            chosen = entry;
            break;
        }
    }
    SocketAddress address;
    std::memcpy(&address.storage, chosen->ai_addr, chosen->ai_addrlen);
    address.length = chosen->ai_addrlen;
    ::freeaddrinfo(found);
    return { address, {} };
}

} // namespace chaoslab::engine
