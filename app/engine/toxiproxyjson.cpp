#include "toxiproxyjson.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace chaoslab::engine {

namespace {

EngineError badBody(const std::string& message)
{
    return { ErrorKind::BadRequest, "bad request body: " + message };
}

Status readProxyFields(const JsonFields& fields, ProxyFields& out)
{
    if (auto error = fields.read("name", out.name))
        return error;
    if (auto error = fields.read("listen", out.listen))
        return error;
    if (auto error = fields.read("upstream", out.upstream))
        return error;
    return fields.read("enabled", out.enabled);
}

Json number(double value)
{
    if (std::trunc(value) == value && std::abs(value) < 1e15)
        return static_cast<std::int64_t>(value);
    return value;
}

} // namespace

Result<ProxyFields> decodeProxy(const Json& value)
{
    if (auto error = expectObject(value, "proxy"))
        return *error;
    ProxyFields out;
    if (auto error = readProxyFields(JsonFields(value, "proxy"), out))
        return *error;
    return out;
}

Result<std::vector<PopulateEntry>> decodePopulate(const Json& value)
{
    if (value.is_null())
        return std::vector<PopulateEntry> {};
    if (!value.is_array())
        return badBody("expected a JSON array of proxies, got " + describeJsonType(value));
    std::vector<PopulateEntry> entries;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto owner = "proxy " + std::to_string(i + 1);
        if (auto error = expectObject(value[i], owner))
            return *error;
        ProxyFields fields;
        if (auto error = readProxyFields(JsonFields(value[i], owner), fields))
            return *error;
        entries.push_back({ fields.name.value_or(""), fields.listen.value_or(""),
            fields.upstream.value_or(""), fields.enabled });
    }
    return entries;
}

std::optional<double> toFloat32(double value)
{
    const auto single = static_cast<float>(value);
    if (!std::isfinite(single))
        return std::nullopt;
    char text[32] = {};
    const auto end = std::to_chars(text, text + sizeof text - 1, single).ptr;
    *end = '\0';
    return std::strtod(text, nullptr);
}

Result<ToxicFields> decodeToxic(const Json& value)
{
    if (auto error = expectObject(value, "toxic"))
        return *error;
    const JsonFields fields(value, "toxic");
    ToxicFields out;
    for (const auto& [name, field] : { std::pair { "name", &out.name },
             std::pair { "type", &out.type }, std::pair { "stream", &out.stream } }) {
        if (auto error = fields.read(name, *field))
            return *error;
    }
    if (auto error = fields.read("toxicity", out.toxicity))
        return *error;
    if (out.toxicity) {
        out.toxicity = toFloat32(*out.toxicity);
        if (!out.toxicity)
            return badBody("toxicity is out of range, expected a number from 0 to 1");
    }
    if (const auto* attributes = fields.find("attributes"))
        out.attributes = *attributes;
    return out;
}

Status decodeAttributes(
    const Json& attributes, ToxicSpec& toxic, std::vector<std::string>& givenAttributes)
{
    const auto owner = toxic.type + " toxic's attributes";
    if (auto error = expectObject(attributes, owner))
        return error;
    const JsonFields fields(attributes, owner);
    for (auto& attribute : toxic.attributes) {
        std::optional<std::int64_t> value;
        if (auto error = fields.read(attribute.name, value))
            return error;
        if (value) {
            attribute.value = *value;
            givenAttributes.push_back(attribute.name);
        }
    }
    return std::nullopt;
}

Result<ToxicPatch> decodeToxicPatch(const Json& value, const ToxicSpec& current)
{
    if (auto error = expectObject(value, "toxic"))
        return *error;
    const JsonFields fields(value, "toxic");
    ToxicPatch patch;
    if (auto error = fields.read("toxicity", patch.toxicity))
        return *error;
    if (patch.toxicity) {
        patch.toxicity = toFloat32(*patch.toxicity);
        if (!patch.toxicity)
            return badBody("toxicity is out of range, expected a number from 0 to 1");
    }
    auto updated = current;
    std::vector<std::string> givenAttributes;
    if (const auto* attributes = fields.find("attributes")) {
        if (auto error = decodeAttributes(*attributes, updated, givenAttributes))
            return *error;
    }
    for (const auto& name : givenAttributes)
        patch.attributes.push_back({ name, updated.attribute(name) });
    return patch;
}

Json toJson(const ToxicSpec& toxic)
{
    Json attributes = Json::object();
    for (const auto& attribute : toxic.attributes)
        attributes[attribute.name] = attribute.value;
    Json out = Json::object();
    out["attributes"] = std::move(attributes);
    out["name"] = toxic.name;
    out["type"] = toxic.type;
    out["stream"] = toxic.streamText;
    out["toxicity"] = number(toxic.toxicity);
    return out;
}

Json toJson(const std::vector<ToxicSpec>& toxics)
{
    Json out = Json::array();
    for (const auto& toxic : toxics)
        out.push_back(toJson(toxic));
    return out;
}

Json toJson(const ProxySnapshot& proxy)
{
    Json out = Json::object();
    out["name"] = proxy.name;
    out["listen"] = proxy.listen;
    out["upstream"] = proxy.upstream;
    out["enabled"] = proxy.enabled;
    out["toxics"] = toJson(proxy.toxics);
    return out;
}

} // namespace chaoslab::engine
