// Resolves upstream host names (such as "localhost" or a Docker service name mapped by
// the upstream mapper) on its own thread, because getaddrinfo() blocks and a reactor
// must not. Results are cached for a few seconds, so a burst of connections to the same
// upstream costs one lookup.
#pragma once

#include "socketops.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace chaoslab::engine {

class UpstreamResolver
{
public:
    struct Result
    {
        std::optional<SocketAddress> address;
        // The reason resolving failed, when there is no address.
        std::string error;
    };
    using Callback = std::function<void(Result)>;

    UpstreamResolver();
    ~UpstreamResolver();

    UpstreamResolver(const UpstreamResolver&) = delete;
    UpstreamResolver& operator=(const UpstreamResolver&) = delete;

    // Returns a cached address, or nothing when the name needs a lookup.
    std::optional<SocketAddress> cached(const HostPort& target);

    // Looks `target` up and calls `done` on the resolver thread. Thread-safe.
    void resolve(const HostPort& target, Callback done);

    // Drops pending lookups and joins the thread; later requests are dropped too.
    void stop();

private:
    struct Request
    {
        HostPort target;
        Callback done;
    };
    struct CacheEntry
    {
        Result result;
        std::chrono::steady_clock::time_point expires;
    };

    void run();
    static Result lookUp(const HostPort& target);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_requests;
    std::map<std::string, CacheEntry> m_cache;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace chaoslab::engine
