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
                  proxy.value("enabled", false) };
    }
    return proxies;
}

ProxySetupResult ensureProxies(const EnvLayout& layout)
{
    ProxySetupResult result;
    QString error;
    const auto existing = listProxies(layout, error);
    if (!existing) {
        result.errors.append(error);
        return result;
    }

    for (const auto& spec : labProxies(layout)) {
        const auto found = existing->find(spec.name);
        if (found == existing->end()) {
            const auto reply = callApi(layout, "POST", u"/proxies"_s, proxyBody(spec, true));
            if (reply.status == 201)
                result.created.append(spec.name);
            else
                result.errors.append(describeFailure("POST", u"/proxies"_s, reply));
            continue;
        }
        const auto& current = found->second;
        if (current.listen == spec.listen && current.upstream == spec.upstream && current.enabled)
            continue;
        const QString path = u"/proxies/"_s + spec.name;
        const auto reply = callApi(layout, "POST", path, proxyBody(spec, false));
        if (reply.status == 200)
            result.updated.append(spec.name);
        else
            result.errors.append(describeFailure("POST", path, reply));
    }
    return result;
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
