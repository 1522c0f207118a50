// Proxy values exchanged with the engine's control plane.
#pragma once

#include "toxicspec.h"

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::engine {

// A proxy to create. An empty `listen` host means 127.0.0.1, and port 0 lets the kernel
// pick a free port.
struct ProxyConfig
{
    std::string name;
    std::string listen;
    std::string upstream;
    bool enabled = true;
};

// Fields to change on an existing proxy; unset fields keep their value.
struct ProxyUpdate
{
    std::optional<std::string> listen;
    std::optional<std::string> upstream;
    std::optional<bool> enabled;
};

// One entry of /populate or of a configuration file. Unlike ProxyConfig, `enabled` may be
// absent, which means true.
struct PopulateEntry
{
    std::string name;
    std::string listen;
    std::string upstream;
    std::optional<bool> enabled;
};

// Values to change on an existing toxic. Its name, type and stream never change, as in
// Toxiproxy; attributes the toxic's type does not have are ignored.
struct ToxicPatch
{
    std::vector<ToxicAttribute> attributes;
    std::optional<double> toxicity;
};

// The state of a proxy at one moment, with its toxics in Toxiproxy's order: the upstream
// chain first, then the downstream chain, each in the order the toxics were added.
struct ProxySnapshot
{
    std::string name;
    // The bound address while enabled, for example "127.0.0.1:41234" for a proxy created
    // with port 0; as last requested or bound while disabled.
    std::string listen;
    std::string upstream;
    bool enabled = false;
    std::vector<ToxicSpec> toxics;
};

} // namespace chaoslab::engine
