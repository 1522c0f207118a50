// Small POSIX socket helpers of the data plane: upstream addresses, socket options and
// the two ways a proxied socket ends (FIN or RST).
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::engine {

struct SocketAddress
{
    sockaddr_storage storage {};
    socklen_t length = 0;

    std::string toString() const;
};

struct HostPort
{
    std::string host;
    std::uint16_t port = 0;
};

// Splits "host:port" or "[v6-address]:port". Returns nothing when the port is missing or
// not a number from 1 to 65535.
std::optional<HostPort> parseHostPort(const std::string& text);

// Returns the address when `host` is a numeric IPv4 or IPv6 address, else nothing.
std::optional<SocketAddress> numericAddress(const HostPort& target);

// Starts a non-blocking TCP connection. Returns the socket, or -1 with errno set.
int connectNonBlocking(const SocketAddress& address);

void setNoDelay(int fd);

// Reads and drops what the peer already sent (up to 64 KiB), so that close() sends FIN
// rather than the RST that unread data causes, then closes the socket.
void closeGracefully(int fd);

// Closes with SO_LINGER 0, which discards unsent data and sends RST.
void closeWithReset(int fd);

} // namespace chaoslab::engine
