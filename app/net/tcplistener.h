// Listening TCP sockets made with the POSIX API rather than QTcpServer. A bind error is then
// known at once on the calling thread, and the descriptor can be handed to another thread,
// for example to a QTcpServer there or to the engine's data plane.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::net {

struct HostPort
{
    std::string host;
    std::uint16_t port = 0;
};

struct HostPortParse
{
    std::optional<HostPort> value;
    std::string error;
};

// Splits "host:port", "[ipv6]:port" or ":port" (empty host). The port must be a decimal
// number from 0 to 65535. The error states what is wrong, for the caller to put after the
// text it parsed.
HostPortParse parseHostPort(const std::string& text);

// Returns "host:port", with brackets around an IPv6 host.
std::string formatHostPort(const std::string& host, std::uint16_t port);

struct TcpListener
{
    // Bound, listening, non-blocking and close-on-exec; the caller owns it.
    int fd = -1;
    // The bound address as "ip:port", with the port the kernel picked for port 0.
    std::string address;
    std::uint16_t port = 0;
};

struct TcpListenResult
{
    std::optional<TcpListener> listener;
    std::string error;
    // The errno of the call that failed, for example EADDRINUSE.
    int errorCode = 0;
};

// Resolves `host` (numeric, or a name looked up with getaddrinfo, which may block) and
// binds the first address that works, with SO_REUSEADDR so that a port closed a moment ago
// can be bound again at once.
TcpListenResult listenTcp(const std::string& host, std::uint16_t port, int backlog = 1024);

} // namespace chaoslab::net
