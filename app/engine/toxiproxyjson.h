// The JSON shapes of the Toxiproxy 2.12 API: decoding request bodies into engine values and
// encoding proxies and toxics the way Toxiproxy writes them.
#pragma once

#include "jsonfields.h"
#include "proxystate.h"

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::engine {

// The fields of a proxy in a create or update request.
struct ProxyFields
{
    std::optional<std::string> name;
    std::optional<std::string> listen;
    std::optional<std::string> upstream;
    std::optional<bool> enabled;
};

Result<ProxyFields> decodeProxy(const Json& value);

// A JSON array of proxies, as for /populate and configuration files. Type errors name the
// entry, for example "proxy 2".
Result<std::vector<PopulateEntry>> decodePopulate(const Json& value);

// The fields of a toxic in a create request, before its type is known.
struct ToxicFields
{
    std::optional<std::string> name;
    std::optional<std::string> type;
    std::optional<std::string> stream;
    std::optional<double> toxicity;
    Json attributes;
};

Result<ToxicFields> decodeToxic(const Json& value);

// Reads the attributes of `toxic`'s type from `attributes`, an object or null, into `toxic`.
// Adds the names of the attributes it sets to `givenAttributes` and ignores unknown keys.
Status decodeAttributes(
    const Json& attributes, ToxicSpec& toxic, std::vector<std::string>& givenAttributes);

// The attributes and toxicity of a toxic update request, for a toxic like `current`.
Result<ToxicPatch> decodeToxicPatch(const Json& value, const ToxicSpec& current);

// Returns `value` rounded to the nearest float32, the type of toxicity in Toxiproxy. The
// result is the shortest decimal that reads back as that float32, so 0.1 stays 0.1.
std::optional<double> toFloat32(double value);

Json toJson(const ToxicSpec& toxic);
Json toJson(const std::vector<ToxicSpec>& toxics);
Json toJson(const ProxySnapshot& proxy);

} // namespace chaoslab::engine
