#include "proxylistener.h"

#include <cerrno>

namespace chaoslab::engine {

namespace {

Result<net::HostPort> parseListen(const std::string& listen)
{
    if (listen.empty())
        return net::HostPort { "127.0.0.1", 0 };
    auto parsed = net::parseHostPort(listen);
    if (!parsed.value) {
        return EngineError { ErrorKind::ListenFailed,
            "invalid listen address \"" + listen + "\": " + parsed.error };
    }
    auto address = *parsed.value;
    // Resolving "localhost" could give ::1 first; Toxiproxy (Go) binds 127.0.0.1 for it.
    if (address.host.empty() || address.host == "localhost")
        address.host = "127.0.0.1";
    return address;
}

std::string hintFor(int errorCode)
{
    switch (errorCode) {
    case EADDRINUSE:
        return ": choose another port or stop the program that uses it";
    case EACCES:
        return ": ports below 1024 need root; choose a port from 1024 up";
    case EADDRNOTAVAIL:
        return ": use an address of this machine, such as 127.0.0.1";
    default:
        return {};
    }
}

} // namespace

Status checkListenAddress(const std::string& listen)
{
    const auto parsed = parseListen(listen);
    if (!parsed.ok())
        return parsed.error();
    return std::nullopt;
}

Result<net::TcpListener> bindProxyListener(const std::string& proxy, const std::string& listen)
{
    const auto parsed = parseListen(listen);
    if (!parsed.ok())
        return parsed.error();
    auto bound = net::listenTcp(parsed.value().host, parsed.value().port);
    if (!bound.listener) {
        return EngineError { ErrorKind::ListenFailed,
            "proxy " + proxy + ": " + bound.error + hintFor(bound.errorCode) };
    }
    return *bound.listener;
}

} // namespace chaoslab::engine
