// The demo HTTP service (see demoroutes.h) served by an HttpServer on its own thread.
//
//   DemoService service;
//   if (auto error = service.listen("127.0.0.1", 0))
//       ...report *error...
//   service.address();  // "127.0.0.1:41234"
#pragma once

#include "httpserver.h"

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::demo {

class DemoService
{
public:
    DemoService();
    // Stops serving and closes every connection.
    ~DemoService();

    DemoService(const DemoService&) = delete;
    DemoService& operator=(const DemoService&) = delete;

    // Binds host:port (port 0 picks a free one) and starts serving. Returns an error message
    // naming the address when it cannot be bound, or when the service listens already.
    std::optional<std::string> listen(const std::string& host, std::uint16_t port);

    // The bound address, such as "127.0.0.1:8080", and its port.
    const std::string& address() const { return m_server.address(); }
    std::uint16_t port() const { return m_server.port(); }

    void close();

private:
    net::HttpServer m_server;
    bool m_serving = false;
};

} // namespace chaoslab::demo
