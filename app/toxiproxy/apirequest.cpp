#include "apirequest.h"

#include <QCoreApplication>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace chaoslab::toxiproxy::requests {

namespace {

using Json = nlohmann::ordered_json;

// Translation context of the operation descriptions.
class ToxiproxyRequest
{
    Q_DECLARE_TR_FUNCTIONS(ToxiproxyRequest)
};

// A name may contain any character, including '/' and spaces, so each path segment is
// percent-encoded on its own.
QByteArray proxyPath(const QString& proxy)
{
    return "/proxies/" + QUrl::toPercentEncoding(proxy);
}

QByteArray toxicsPath(const QString& proxy)
{
    return proxyPath(proxy) + "/toxics";
}

QByteArray toxicPath(const QString& proxy, const QString& toxic)
{
    return toxicsPath(proxy) + '/' + QUrl::toPercentEncoding(toxic);
}

QByteArray bodyOf(const Json& json)
{
    return QByteArray::fromStdString(json.dump());
}

Json attributesJson(const QList<ToxicAttribute>& attributes)
{
    auto json = Json::object();
    for (const auto& attribute : attributes)
        json[attribute.name.toStdString()] = attribute.value;
    return json;
}

Json proxyJson(const Proxy& proxy)
{
    return Json { { "name", proxy.name.toStdString() }, { "listen", proxy.listen.toStdString() },
        { "upstream", proxy.upstream.toStdString() }, { "enabled", proxy.enabled } };
}

ApiRequest make(QByteArray method, QByteArray path, QString operation, QByteArray body = {})
{
    ApiRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.operation = std::move(operation);
    request.body = std::move(body);
    return request;
}

} // namespace

ApiRequest version()
{
    return make("GET", "/version", ToxiproxyRequest::tr("read the server version"));
}

ApiRequest listProxies()
{
    return make("GET", "/proxies", ToxiproxyRequest::tr("list proxies"));
}

ApiRequest getProxy(const QString& name)
{
    return make("GET", proxyPath(name), ToxiproxyRequest::tr("read proxy \"%1\"").arg(name));
}

ApiRequest createProxy(const Proxy& proxy)
{
    return make("POST", "/proxies", ToxiproxyRequest::tr("create proxy \"%1\"").arg(proxy.name),
        bodyOf(proxyJson(proxy)));
}

ApiRequest updateProxy(const QString& name, const ProxyUpdate& update)
{
    auto json = Json::object();
    if (update.listen)
        json["listen"] = update.listen->toStdString();
    if (update.upstream)
        json["upstream"] = update.upstream->toStdString();
    if (update.enabled)
        json["enabled"] = *update.enabled;
    return make("POST", proxyPath(name), ToxiproxyRequest::tr("update proxy \"%1\"").arg(name),
        bodyOf(json));
}

ApiRequest deleteProxy(const QString& name)
{
    return make("DELETE", proxyPath(name), ToxiproxyRequest::tr("delete proxy \"%1\"").arg(name));
}

ApiRequest populate(const QList<Proxy>& proxies)
{
    auto json = Json::array();
    for (const auto& proxy : proxies)
        json.push_back(proxyJson(proxy));
    return make("POST", "/populate", ToxiproxyRequest::tr("populate proxies"), bodyOf(json));
}

ApiRequest listToxics(const QString& proxy)
{
    return make("GET", toxicsPath(proxy),
        ToxiproxyRequest::tr("list the toxics of proxy \"%1\"").arg(proxy));
}

ApiRequest getToxic(const QString& proxy, const QString& toxic)
{
    return make("GET", toxicPath(proxy, toxic),
        ToxiproxyRequest::tr("read toxic \"%1\" of proxy \"%2\"").arg(toxic, proxy));
}

ApiRequest createToxic(const QString& proxy, const Toxic& toxic)
{
    auto json = Json::object();
    if (!toxic.name.isEmpty())
        json["name"] = toxic.name.toStdString();
    json["type"] = toxic.type.toStdString();
    json["stream"] = streamName(toxic.stream).toStdString();
    json["toxicity"] = toxic.toxicity;
    json["attributes"] = attributesJson(toxic.attributes);
    const auto shownName = toxic.name.isEmpty() ? toxic.type : toxic.name;
    return make("POST", toxicsPath(proxy),
        ToxiproxyRequest::tr("create toxic \"%1\" on proxy \"%2\"").arg(shownName, proxy),
        bodyOf(json));
}

ApiRequest updateToxic(const QString& proxy, const QString& toxic, const ToxicUpdate& update)
{
    auto json = Json::object();
    if (update.toxicity)
        json["toxicity"] = *update.toxicity;
    if (!update.attributes.isEmpty())
        json["attributes"] = attributesJson(update.attributes);
    return make("POST", toxicPath(proxy, toxic),
        ToxiproxyRequest::tr("update toxic \"%1\" of proxy \"%2\"").arg(toxic, proxy),
        bodyOf(json));
}

ApiRequest deleteToxic(const QString& proxy, const QString& toxic)
{
    return make("DELETE", toxicPath(proxy, toxic),
        ToxiproxyRequest::tr("delete toxic \"%1\" of proxy \"%2\"").arg(toxic, proxy));
}

ApiRequest reset()
{
    return make("POST", "/reset", ToxiproxyRequest::tr("reset all proxies"));
}

} // namespace chaoslab::toxiproxy::requests
