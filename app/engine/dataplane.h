// The data plane of the built-in engine: accepts client connections on each proxy's
// listening socket, connects each one to the proxy's upstream, and moves bytes through
// the toxic chain of each direction.
//
//   client --> [upstream chain: toxic, toxic, ...] --> upstream server
//   client <-- [downstream chain: toxic, toxic, ...] <-- upstream server
//
// It runs on its own threads (epoll reactors), never on the caller's. The control plane
// (the HTTP API) owns proxy state and listening sockets and passes each proxy's socket,
// upstream and toxics to the data plane. Every method is thread-safe.
#pragma once

#include "toxicspec.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chaoslab::engine {

using ProxyId = std::uint64_t;

// Maps an upstream "host:port" to the address to connect to, for example to send the
// Docker host name "mysql" to 127.0.0.1. Returns the input when there is no mapping.
using UpstreamMapper = std::function<std::string(const std::string& upstream)>;

class DataPlane
{
public:
    // Starts `threads` reactor threads; 0 means one per core.
    explicit DataPlane(int threads = 0);
    // Closes every connection and stops the threads.
    ~DataPlane();

    DataPlane(const DataPlane&) = delete;
    DataPlane& operator=(const DataPlane&) = delete;

    // Serves `listenFd`, a bound, listening, non-blocking TCP socket whose ownership passes
    // to the data plane. Each accepted connection is connected to `upstream` ("host:port").
    ProxyId startProxy(const std::string& name, int listenFd, const std::string& upstream,
        const std::vector<ToxicSpec>& toxics);

    // Closes the listener and every open connection of the proxy. Returns once the
    // listening socket is closed, so the caller can bind its port again at once. The
    // reactors close the open connections right after, within milliseconds.
    void stopProxy(ProxyId id);

    // Replaces the proxy's toxics. Open connections switch to the new chains at once.
    // Removing a timeout toxic closes the connections it held.
    void setToxics(ProxyId id, const std::vector<ToxicSpec>& toxics);

    // Applies to connections that start after the call, for every proxy.
    void setUpstreamMapper(UpstreamMapper mapper);

    // Number of open client connections of the proxy, for tests and the console.
    int connectionCount(ProxyId id) const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace chaoslab::engine
