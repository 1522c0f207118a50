// The state that every provider of one run shares: the resolved configuration (which activities
// such as create_proxy extend), the address maps, the log and the optional hook that records a
// proxy before chaostoxi changes it.
#pragma once

#include "addressmap.h"
#include "configuration.h"
#include "runlog.h"

#include "toxiproxy/proxy.h"

#include <functional>
#include <optional>
#include <string>

namespace chaoslab::chaostoolkit {

// Called before a chaostoxi action sends a change to `proxy`, with the proxy as the server
// returned it just before, or nothing when it does not exist. A returned message stops the
// change: the request is not sent and the activity fails with that message.
using ProxyChangeHook = std::function<std::optional<std::string>(
    const QString& proxy, const std::optional<toxiproxy::Proxy>& current)>;

struct RunContext
{
    Configuration configuration;
    AddressMap addressMap;
    LogSink log = [](LogLevel, const std::string&) {};
    // Unset in `chaoslab run`. The console sets it to write a rollback journal.
    ProxyChangeHook beforeProxyChange;
};

} // namespace chaoslab::chaostoolkit
