#include "tcplistener.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace chaoslab::net {

namespace {

HostPortParse invalidAddress(std::string reason)
{
    return { std::nullopt, std::move(reason) };
}

std::string numericHost(const sockaddr* address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
        inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    } else {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
        inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    }
    return text;
}

std::optional<std::uint16_t> boundPort(int fd)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return std::nullopt;
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
}

// Returns the open descriptor, or -1 with errno set by the call that failed.
int bindOne(const addrinfo& candidate, int backlog)
{
    const int fd = socket(candidate.ai_family, candidate.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
        candidate.ai_protocol);
    if (fd < 0)
        return -1;
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (candidate.ai_family == AF_INET6)
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
    if (bind(fd, candidate.ai_addr, candidate.ai_addrlen) != 0 || listen(fd, backlog) != 0) {
        const int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace

HostPortParse parseHostPort(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        return invalidAddress("missing port, expected host:port such as 127.0.0.1:8474");

    auto host = text.substr(0, colon);
    const auto portText = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    else if (host.find(':') != std::string::npos)
        return invalidAddress("an IPv6 host must be written in brackets, as [::1]:8474");

    unsigned port = 0;
    const auto* end = portText.data() + portText.size();
    const auto [last, error] = std::from_chars(portText.data(), end, port);
    if (portText.empty() || error != std::errc() || last != end || port > 65535)
        return invalidAddress("invalid port \"" + portText + "\", expected 0 to 65535");
    return { HostPort { host, static_cast<std::uint16_t>(port) }, {} };
}

std::string formatHostPort(const std::string& host, std::uint16_t port)
{
    if (host.find(':') != std::string::npos)
        return "[" + host + "]:" + std::to_string(port);
    return host + ":" + std::to_string(port);
}

TcpListenResult listenTcp(const std::string& host, std::uint16_t port, int backlog)
{
    const auto shownAddress = formatHostPort(host, port);
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const auto service = std::to_string(port);
    const int lookup
        = getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found);
    if (lookup != 0) {
        return { std::nullopt, "listen on " + shownAddress + " failed: " + gai_strerror(lookup),
            EADDRNOTAVAIL };
    }

    // IPv4 addresses go first, so that "localhost" binds 127.0.0.1 as Go programs such as
    // Toxiproxy do, and clients that connect to 127.0.0.1 reach the server.
    std::vector<const addrinfo*> candidates;
    for (const auto* candidate = found; candidate; candidate = candidate->ai_next)
        candidates.push_back(candidate);
    std::stable_partition(candidates.begin(), candidates.end(),
        [](const addrinfo* candidate) { return candidate->ai_family == AF_INET; });

    int lastError = EADDRNOTAVAIL;
    for (const auto* candidate : candidates) {
        const int fd = bindOne(*candidate, backlog);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        const auto ip = numericHost(candidate->ai_addr);
        freeaddrinfo(found);
        const auto actualPort = boundPort(fd).value_or(port);
        return { TcpListener { fd, formatHostPort(ip, actualPort), actualPort }, {}, 0 };
    }
    freeaddrinfo(found);
    return { std::nullopt, "listen on " + shownAddress + " failed: " + std::strerror(lastError),
        lastError };
}

} // namespace chaoslab::net
