#include "responseparser.h"

#include <nlohmann/json.hpp>

#include <string>

namespace chaoslab::toxiproxy {

namespace {

// Ordered, so that toxic attributes keep the order the server wrote them in.
using Json = nlohmann::ordered_json;

Json parseJson(const QByteArray& body)
{
    return Json::parse(body.begin(), body.end());
}

[[noreturn]] void throwShapeError(const std::string& where, const std::string& problem)
{
    throw ResponseShapeError(where + ": " + problem);
}

const Json& requireField(const Json& object, const char* key, const std::string& where)
{
    if (!object.is_object())
        throwShapeError(where, "expected a JSON object");
    const auto found = object.find(key);
    if (found == object.end())
        throwShapeError(where, std::string("field \"") + key + "\" is missing");
    return *found;
}

QString stringField(const Json& object, const char* key, const std::string& where)
{
    const auto& value = requireField(object, key, where);
    if (!value.is_string())
        throwShapeError(where, std::string("field \"") + key + "\" is not a string");
    return QString::fromStdString(value.get<std::string>());
}

// Returns nullptr when the field is missing or null, which Toxiproxy writes for an empty
// Go slice or map.
const Json* optionalField(const Json& object, const char* key)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return nullptr;
    return &*found;
}

QList<ToxicAttribute> attributesFromJson(const Json* attributes, const std::string& where)
{
    QList<ToxicAttribute> result;
    if (!attributes)
        return result;
    if (!attributes->is_object())
        throwShapeError(where, "field \"attributes\" is not an object");
    for (const auto& [key, value] : attributes->items()) {
        if (!value.is_number_integer())
            throwShapeError(where, "attribute \"" + key + "\" is not an integer");
        result.append({ QString::fromStdString(key), value.get<qint64>() });
    }
    return result;
}

Toxic toxicFromJson(const Json& json)
{
    const std::string unnamed = "toxic";
    Toxic toxic;
    toxic.name = stringField(json, "name", unnamed);
    const auto where = "toxic \"" + toxic.name.toStdString() + '"';
    toxic.type = stringField(json, "type", where);
    if (const auto* stream = optionalField(json, "stream")) {
        const auto parsed = stream->is_string()
            ? parseStream(QString::fromStdString(stream->get<std::string>()))
            : std::nullopt;
        if (!parsed)
            throwShapeError(where, "field \"stream\" is not \"upstream\" or \"downstream\"");
        toxic.stream = *parsed;
    }
    if (const auto* toxicity = optionalField(json, "toxicity")) {
        if (!toxicity->is_number())
            throwShapeError(where, "field \"toxicity\" is not a number");
        toxic.toxicity = toxicity->get<double>();
    }
    toxic.attributes = attributesFromJson(optionalField(json, "attributes"), where);
    return toxic;
}

QList<Toxic> toxicsFromJson(const Json* toxics, const std::string& where)
{
    QList<Toxic> result;
    if (!toxics)
        return result;
    if (!toxics->is_array())
        throwShapeError(where, "field \"toxics\" is not an array");
    for (const auto& toxic : *toxics)
        result.append(toxicFromJson(toxic));
    return result;
}

Proxy proxyFromJson(const Json& json)
{
    Proxy proxy;
    proxy.name = stringField(json, "name", "proxy");
    const auto where = "proxy \"" + proxy.name.toStdString() + '"';
    proxy.listen = stringField(json, "listen", where);
    proxy.upstream = stringField(json, "upstream", where);
    const auto& enabled = requireField(json, "enabled", where);
    if (!enabled.is_boolean())
        throwShapeError(where, "field \"enabled\" is not a boolean");
    proxy.enabled = enabled.get<bool>();
    proxy.toxics = toxicsFromJson(optionalField(json, "toxics"), where);
    return proxy;
}

QList<Proxy> proxyArrayFromJson(const Json& json, const std::string& where)
{
    if (!json.is_array())
        throwShapeError(where, "expected a JSON array of proxies");
    QList<Proxy> proxies;
    for (const auto& proxy : json)
        proxies.append(proxyFromJson(proxy));
    return proxies;
}

} // namespace

QString parseVersion(const QByteArray& body)
{
    const auto json = Json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_object())
        return stringField(json, "version", "version");
    const auto text = QString::fromUtf8(body).trimmed();
    if (text.isEmpty() || text.contains(u'\n') || text.startsWith(u'<'))
        throwShapeError("version", "expected {\"version\": ...} or a version number");
    return text;
}

QList<Proxy> parseProxyMap(const QByteArray& body)
{
    const auto json = parseJson(body);
    if (!json.is_object())
        throwShapeError("proxy list", "expected a JSON object keyed by proxy name");
    QList<Proxy> proxies;
    for (const auto& [name, proxy] : json.items())
        proxies.append(proxyFromJson(proxy));
    return proxies;
}

Proxy parseProxy(const QByteArray& body)
{
    return proxyFromJson(parseJson(body));
}

QList<Proxy> parsePopulateResult(const QByteArray& body)
{
    const auto json = parseJson(body);
    const auto& proxies = requireField(json, "proxies", "populate result");
    if (proxies.is_null())
        return {};
    return proxyArrayFromJson(proxies, "populate result");
}

QList<Toxic> parseToxicList(const QByteArray& body)
{
    const auto json = parseJson(body);
    if (!json.is_array())
        throwShapeError("toxic list", "expected a JSON array of toxics");
    QList<Toxic> toxics;
    for (const auto& toxic : json)
        toxics.append(toxicFromJson(toxic));
    return toxics;
}

Toxic parseToxic(const QByteArray& body)
{
    return toxicFromJson(parseJson(body));
}

} // namespace chaoslab::toxiproxy
