#include "proxysetup.h"

#include "blockinghttp.h"

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;
using nlohmann::json;

namespace chaoslab::environment {

namespace {

QByteArray proxyBody(const ProxySpec& spec, bool withName)
{
    json body = { { "listen", spec.listen.toStdString() },
        { "upstream", spec.upstream.toStdString() }, { "enabled", true } };
    if (withName)
        body["name"] = spec.name.toStdString();
    return QByteArray::fromStdString(body.dump());
}

QString describeFailure(const QByteArray& method, const QString& path, const HttpReply& reply)
{
    if (reply.status == 0)
        return u"%1 %2 failed: %3"_s.arg(QString::fromLatin1(method), path, reply.error);
    return u"%1 %2 returned HTTP %3: %4"_s.arg(QString::fromLatin1(method), path)
        .arg(reply.status)
        .arg(QString::fromUtf8(reply.body).trimmed());
}

HttpReply callApi(const EnvLayout& layout, const QByteArray& method, const QString& path,
    const QByteArray& body = QByteArray())
{
    return httpRequest(layout.host, layout.port(port::api), method, path.toUtf8(), body);
}

} // namespace

std::vector<ProxySpec> labProxies(const EnvLayout& layout)
{
    const auto spec = [&](const char* name, const char* upstream) {
        return ProxySpec { QString::fromLatin1(name), layout.address(name),
            layout.address(upstream) };
    };
    return {
        spec(port::mysqlProxy, port::mariadb),
        spec(port::rabbitmqProxy, port::rabbitmq),
        spec(port::mongoProxy, port::mongodb),
        spec(port::redisProxy, port::redis),
        spec(port::postgresProxy, port::postgres),
        spec(port::demoApi, port::demoHttp),
    };
}

bool apiAnswers(const EnvLayout& layout)
{
    return callApi(layout, "GET", u"/version"_s).status == 200;
}

std::optional<std::map<QString, ApiProxy>> listProxies(const EnvLayout& layout, QString& error)
{
    const auto reply = callApi(layout, "GET", u"/proxies"_s);
    if (reply.status != 200) {
        error = describeFailure("GET", u"/proxies"_s, reply);
        return std::nullopt;
    }
    const auto object = json::parse(reply.body.toStdString(), nullptr, false);
    if (!object.is_object()) {
        error = u"GET /proxies returned no JSON object"_s;
        return std::nullopt;
    }

    std::map<QString, ApiProxy> proxies;
    for (const auto& [name, proxy] : object.items()) {
        proxies[QString::fromStdString(name)]
            = ApiProxy { QString::fromStdString(proxy.value("listen", std::string())),
                  QString::fromStdString(proxy.value("upstream", std::string())),
                  proxy.value("enabled", false),
                  static_cast<int>(proxy.value("toxics", json::array()).size()) };
    }
    return proxies;
}

std::optional<std::vector<ProxyChange>> plannedProxyChanges(const EnvLayout& layout, QString& error)
{
    const auto existing = listProxies(layout, error);
    if (!existing)
        return std::nullopt;

    std::vector<ProxyChange> changes;
    for (const auto& spec : labProxies(layout)) {
        const auto found = existing->find(spec.name);
        if (found == existing->end()) {
            changes.push_back({ spec, std::nullopt });
            continue;
        }
        const auto& current = found->second;
        if (current.listen != spec.listen || current.upstream != spec.upstream || !current.enabled)
            changes.push_back({ spec, current });
    }
    return changes;
}

std::optional<QString> applyProxyChange(const EnvLayout& layout, const ProxyChange& change)
{
    const bool create = !change.original;
    const QString path = create ? u"/proxies"_s : u"/proxies/"_s + change.spec.name;
    const auto reply = callApi(layout, "POST", path, proxyBody(change.spec, create));
    if (reply.status == (create ? 201 : 200))
        return std::nullopt;
    return describeFailure("POST", path, reply);
}

std::optional<QString> restoreProxy(
    const EnvLayout& layout, const QString& name, const ApiProxy& original)
{
    json body = { { "listen", original.listen.toStdString() },
        { "upstream", original.upstream.toStdString() }, { "enabled", original.enabled } };
    QString path = u"/proxies/"_s + name;
    auto reply = callApi(layout, "POST", path, QByteArray::fromStdString(body.dump()));
    if (reply.status == 404) {
        body["name"] = name.toStdString();
        path = u"/proxies"_s;
        reply = callApi(layout, "POST", path, QByteArray::fromStdString(body.dump()));
    }
    if (reply.status == 200 || reply.status == 201)
        return std::nullopt;
    return describeFailure("POST", path, reply);
}

std::optional<QString> deleteProxy(const EnvLayout& layout, const QString& name)
{
    const QString path = u"/proxies/"_s + name;
    const auto reply = callApi(layout, "DELETE", path);
    if (reply.status == 204 || reply.status == 404)
        return std::nullopt;
    return describeFailure("DELETE", path, reply);
}

} // namespace chaoslab::environment
