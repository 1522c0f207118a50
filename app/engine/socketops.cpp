#include "socketops.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace chaoslab::engine {

std::string SocketAddress::toString() const
{
    std::array<char, INET6_ADDRSTRLEN> text {};
    if (storage.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(storage);
        inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
        return std::string(text.data()) + ':' + std::to_string(ntohs(v4.sin_port));
    }
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(storage);
    inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
    return '[' + std::string(text.data()) + "]:" + std::to_string(ntohs(v6.sin6_port));
}

std::optional<HostPort> parseHostPort(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    unsigned port = 0;
    const auto [end, error] = std::from_chars(first, last, port);
    if (error != std::errc() || end != last || port == 0 || port > 65535)
        return std::nullopt;
    return HostPort { host, static_cast<std::uint16_t>(port) };
}

std::optional<SocketAddress> numericAddress(const HostPort& target)
{
    SocketAddress address;
    auto& v4 = reinterpret_cast<sockaddr_in&>(address.storage);
    if (inet_pton(AF_INET, target.host.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(target.port);
        address.length = sizeof(sockaddr_in);
        return address;
    }
    auto& v6 = reinterpret_cast<sockaddr_in6&>(address.storage);
    if (inet_pton(AF_INET6, target.host.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(target.port);
        address.length = sizeof(sockaddr_in6);
        return address;
    }
    return std::nullopt;
}

int connectNonBlocking(const SocketAddress& address)
{
    const int fd
        = ::socket(address.storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    setNoDelay(fd);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address.storage), address.length) == 0
        || errno == EINPROGRESS)
        return fd;
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
}

void setNoDelay(int fd)
{
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

void closeGracefully(int fd)
{
    std::array<char, 16384> scratch;
    for (int reads = 0; reads < 4; ++reads) {
        if (::recv(fd, scratch.data(), scratch.size(), MSG_DONTWAIT) <= 0)
            break;
    }
    ::close(fd);
}

void closeWithReset(int fd)
{
    const linger immediate { 1, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &immediate, sizeof immediate);
    ::close(fd);
}

} // namespace chaoslab::engine
