// Listening sockets for proxies, with Toxiproxy's address rules and one difference. An
// empty host (":8080", or an empty listen) binds 127.0.0.1, not every interface, so a proxy
// is reachable from the network only when its listen address names such an interface.
#pragma once

#include "engineerror.h"

#include "tcplistener.h"

#include <string>

namespace chaoslab::engine {

// Checks the syntax of a listen address without binding it.
Status checkListenAddress(const std::string& listen);

// Binds the listen address, with port 0 meaning a port the kernel picks.
Result<net::TcpListener> bindProxyListener(const std::string& proxy, const std::string& listen);

} // namespace chaoslab::engine
