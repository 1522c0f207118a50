// Several HttpServers, each on its own thread, accepting from one listening socket. A
// handler that waits for a slow database blocks only its own server's thread, so /health
// stays responsive while up to threads - 1 orders wait. Each server's thread accepts
// only while it is not running a handler, because accepting happens in its event loop.
// Every request is logged with its peer, target, status and duration in milliseconds.
#pragma once

#include "httpserver.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chaoslab::orders {

class HttpServerPool
{
public:
    HttpServerPool(net::HttpHandler handler, int threads);
    ~HttpServerPool();

    HttpServerPool(const HttpServerPool&) = delete;
    HttpServerPool& operator=(const HttpServerPool&) = delete;

    // Binds host:port and starts every server. Returns the error message naming the address
    // when it cannot be bound.
    std::optional<std::string> listen(const std::string& host, std::uint16_t port);

    const std::string& address() const { return m_address; }
    std::uint16_t port() const { return m_port; }

    void close();

private:
    std::vector<std::unique_ptr<net::HttpServer>> m_servers;
    std::string m_address;
    std::uint16_t m_port = 0;
};

} // namespace chaoslab::orders
