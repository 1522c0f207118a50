#include "chaostoxiprovider.h"

#include "chaostoxisignatures.h"
#include "toxiproxyendpoint.h"

#include "hostlocality.h"
#include "toxiproxy/apirequest.h"
#include "toxiproxy/toxiproxyclient.h"

#include <cstdlib>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::chaostoolkit {

namespace {

QByteArray encoded(const std::string& name)
{
    return QUrl::toPercentEncoding(QString::fromStdString(name));
}

std::string textOf(const Json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// chaostoxi reads "env:NAME" values of upstream_host and upstream_port from the environment.
std::string fromEnvironmentIfPrefixed(const Json& value)
{
    const auto text = textOf(value);
    if (!text.starts_with("env:"))
        return text;
    const char* resolved = std::getenv(text.substr(4).c_str());
    return resolved ? resolved : std::string();
}

bool isWildcardHost(const QString& host)
{
    return host.isEmpty() || host == u"0.0.0.0"_s || host == u"::"_s || host == u"[::]"_s;
}

toxiproxy::ApiRequest request(
    QByteArray method, QByteArray path, const Json& body, std::string what)
{
    toxiproxy::ApiRequest value;
    value.method = std::move(method);
    value.path = std::move(path);
    if (!body.is_null())
        value.body = QByteArray::fromStdString(body.dump());
    value.operation = QString::fromStdString(what);
    return value;
}

Json payloadOf(const toxiproxy::ApiResult& result)
{
    return Json::parse(result.payload.toStdString(), nullptr, false);
}

std::string serverMessage(const toxiproxy::ApiResult& result)
{
    return result.serverMessage.isEmpty() ? result.message.toStdString()
                                          : result.serverMessage.toStdString();
}

} // namespace

ChaostoxiProvider::ChaostoxiProvider(QObject* parent)
    : ActivityProvider(parent)
    , m_client(new toxiproxy::ToxiproxyClient(this))
{ }

void ChaostoxiProvider::start(const Json& provider, RunContext& context, ProviderDone done)
{
    m_done = std::move(done);
    m_context = &context;
    m_call = new QObject(this);
    const auto module = provider.value("module", std::string());
    const auto func = provider.value("func", std::string());
    const auto* function = findChaostoxiFunction(module, func);
    if (!function) {
        const auto message = "Python module " + module + " (function " + func
            + ") is not supported natively; Chaos Lab runs only the chaostoxi functions";
        QMetaObject::invokeMethod(
            m_call, [this, message] { finish(ProviderResult::failure(message)); },
            Qt::QueuedConnection);
        return;
    }
    std::string error;
    const auto url = toxiproxyApiUrl(context, error);
    if (!url) {
        QMetaObject::invokeMethod(
            m_call, [this, error] { finish(ProviderResult::failure(error)); },
            Qt::QueuedConnection);
        return;
    }
    m_client->setBaseUrl(*url);
    const Json arguments
        = bindChaostoxiArguments(*function, provider.value("arguments", Json::object()));
    recordBeforeChange(func, arguments, [this, func, arguments] { call(func, arguments); });
}

void ChaostoxiProvider::call(const std::string& function, const Json& arguments)
{
    const auto text = [&arguments](const char* key) { return textOf(arguments[key]); };
    if (function == "create_proxy")
        return createProxy(arguments);
    if (function == "modify_proxy") {
        Json fields = Json::object();
        if (!arguments["listen_address"].is_null())
            fields["listen"]
                = mapListen(QString::fromStdString(text("listen_address"))).toStdString();
        if (!arguments["upstream_address"].is_null())
            fields["upstream"]
                = mapUpstream(QString::fromStdString(text("upstream_address"))).toStdString();
        if (!arguments["enabled"].is_null())
            fields["enabled"] = arguments["enabled"];
        return modifyProxy(text("proxy_name"), fields);
    }
    if (function == "disable_proxy" || function == "enable_proxy")
        return modifyProxy(text("proxy_name"), Json { { "enabled", function == "enable_proxy" } });
    if (function == "delete_proxy")
        return deleteProxy(text("proxy_name"));
    if (function == "reset")
        return reset();
    if (function == "proxy_exist")
        return readProxy(text("proxy_name"), std::nullopt);
    if (function == "get_proxy_attribute")
        return readProxy(text("proxy_name"), text("attribute"));
    if (function == "delete_toxic")
        return deleteToxic(text("for_proxy"), text("toxic_name"));

    Json toxic = Json::object();
    toxic["name"] = arguments["toxic_name"];
    static const std::map<std::string,
        std::pair<const char*, std::vector<std::pair<const char*, const char*>>>>
        shorthands = {
            { "create_latency_toxic",
                { "latency", { { "latency", "latency" }, { "jitter", "jitter" } } } },
            { "create_bandwith_degradation_toxic", { "bandwidth", { { "rate", "rate" } } } },
            { "create_slow_connection_close_toxic", { "slow_close", { { "delay", "delay" } } } },
            { "create_timeout_toxic", { "timeout", { { "timeout", "timeout" } } } },
            { "create_slicer_toxic",
                { "slicer",
                    { { "average_size", "average_size" }, { "size_variation", "size_variation" },
                        { "delay", "delay" } } } },
            { "create_limiter_toxic", { "limit_data", { { "bytes", "bytes_limit" } } } },
        };
    if (const auto found = shorthands.find(function); found != shorthands.end()) {
        toxic["type"] = found->second.first;
        toxic["stream"] = "downstream";
        toxic["toxicity"] = 1.0;
        toxic["attributes"] = Json::object();
        for (const auto& [attribute, argument] : found->second.second)
            toxic["attributes"][attribute] = arguments[argument];
    } else {
        toxic["type"] = arguments["toxic_type"];
        toxic["stream"] = arguments["stream"];
        toxic["toxicity"] = arguments["toxicity"];
        toxic["attributes"] = arguments["attributes"];
    }
    createToxic(text("for_proxy"), toxic);
}

void ChaostoxiProvider::send(const toxiproxy::ApiRequest& apiRequest, Reply reply)
{
    m_client->send(apiRequest, m_call, std::move(reply));
}

ProviderResult ChaostoxiProvider::transportFailure(const toxiproxy::ApiResult& result) const
{
    return ProviderResult::failure("failed to connect to Toxiproxy at "
        + m_client->baseUrl().toString().toStdString() + ": " + result.message.toStdString());
}

void ChaostoxiProvider::createProxy(const Json& arguments)
{
    const auto name = textOf(arguments["proxy_name"]);
    const QString listen = QString::fromStdString(
        textOf(arguments["listen_host"]) + ":" + textOf(arguments["listen_port"]));
    const QString upstream
        = QString::fromStdString(fromEnvironmentIfPrefixed(arguments["upstream_host"]) + ":"
            + fromEnvironmentIfPrefixed(arguments["upstream_port"]));
    Json body = Json::object();
    body["name"] = name;
    body["listen"] = mapListen(listen).toStdString();
    body["upstream"] = mapUpstream(upstream).toStdString();
    body["enabled"] = arguments["enabled"];
    if (body["listen"] != listen.toStdString() || body["upstream"] != upstream.toStdString())
        m_context->log(LogLevel::Info,
            "Mapped proxy " + name + ": listen " + listen.toStdString() + " -> "
                + textOf(body["listen"]) + ", upstream " + upstream.toStdString() + " -> "
                + textOf(body["upstream"]));
    send(request("POST", "/proxies", body, "create proxy " + name),
        [this, name](const toxiproxy::ApiResult& result) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            if (!result.ok())
                return finish(ProviderResult::failure(
                    "Unable to create proxy " + name + ": " + serverMessage(result)));
            rememberPort(name, result);
            finish(ProviderResult::success(true));
        });
}

void ChaostoxiProvider::rememberPort(const std::string& proxy, const toxiproxy::ApiResult& result)
{
    const auto payload = payloadOf(result);
    if (!payload.is_object() || !payload.contains("listen"))
        return;
    const auto listen = textOf(payload["listen"]);
    const auto port = listen.substr(listen.rfind(':') + 1);
    const auto key = proxy + "_PORT";
    m_context->configuration.set(key, port);
    ::setenv(key.c_str(), port.c_str(), 1);
}

void ChaostoxiProvider::modifyProxy(const std::string& name, const Json& fields)
{
    send(request("POST", "/proxies/" + encoded(name), fields, "modify proxy " + name),
        [this, name](const toxiproxy::ApiResult& result) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            if (!result.ok())
                return finish(ProviderResult::failure(
                    "Unable to modify proxy " + name + ": " + serverMessage(result)));
            rememberPort(name, result);
            finish(ProviderResult::success(true));
        });
}

void ChaostoxiProvider::deleteProxy(const std::string& name)
{
    send(request("DELETE", "/proxies/" + encoded(name), Json(), "delete proxy " + name),
        [this, name](const toxiproxy::ApiResult& result) {
            if (!result.ok())
                m_context->log(LogLevel::Warning,
                    "Unable to remove proxy " + name + ": " + serverMessage(result));
            finish(ProviderResult::success(Json()));
        });
}

void ChaostoxiProvider::reset()
{
    // NOTE: reset is not in every chaostoxi release; this sends POST /reset and returns true.
    send(request("POST", "/reset", Json(), "reset"), [this](const toxiproxy::ApiResult& result) {
        if (result.httpStatus == 0)
            return finish(transportFailure(result));
        if (!result.ok())
            return finish(
                ProviderResult::failure("Unable to reset Toxiproxy: " + serverMessage(result)));
        finish(ProviderResult::success(true));
    });
}

void ChaostoxiProvider::readProxy(
    const std::string& name, const std::optional<std::string>& attribute)
{
    send(request("GET", "/proxies/" + encoded(name), Json(), "read proxy " + name),
        [this, name, attribute](const toxiproxy::ApiResult& result) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            const auto proxy = result.ok() ? payloadOf(result) : Json();
            if (!attribute)
                return finish(ProviderResult::success(
                    proxy.is_object() && proxy.value("name", std::string()) == name));
            if (!proxy.is_object())
                return finish(ProviderResult::success(Json()));
            if (!proxy.contains(*attribute))
                return finish(ProviderResult::failure(
                    "proxy " + name + " has no attribute \"" + *attribute + "\""));
            finish(ProviderResult::success(proxy[*attribute]));
        });
}

void ChaostoxiProvider::createToxic(const std::string& proxy, const Json& toxic)
{
    const auto name = textOf(toxic["name"]);
    send(request("POST", "/proxies/" + encoded(proxy) + "/toxics", toxic,
             "create toxic " + name + " on proxy " + proxy),
        [this, proxy, name](const toxiproxy::ApiResult& result) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            if (!result.ok())
                return finish(ProviderResult::failure("Unable to create toxic " + name
                    + " for proxy " + proxy + ": " + serverMessage(result)));
            const auto created = payloadOf(result);
            finish(ProviderResult::success(
                created.is_object() && created.value("name", std::string()) == name));
        });
}

void ChaostoxiProvider::deleteToxic(const std::string& proxy, const std::string& toxic)
{
    send(request("DELETE", "/proxies/" + encoded(proxy) + "/toxics/" + encoded(toxic), Json(),
             "delete toxic " + toxic + " on proxy " + proxy),
        [this](const toxiproxy::ApiResult& result) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            finish(ProviderResult::success(result.ok()));
        });
}

// A proxy listening on port N of the Toxiproxy host is reachable as <toxiproxy_host>:N, so the
// maps of that name decide where it listens. A wildcard listen host on a local Toxiproxy
// becomes the API's loopback host, so that nothing listens beyond this computer.
QString ChaostoxiProvider::mapListen(const QString& listen) const
{
    const auto address = AddressMap::splitHostPort(listen);
    if (!address)
        return listen;
    const auto& maps = m_context->addressMap;
    const QString toxiproxyHost = configuredToxiproxyHost(*m_context);
    if (!toxiproxyHost.isEmpty()
        && (isWildcardHost(address->host) || address->host == toxiproxyHost)) {
        const HostPort named { toxiproxyHost, address->port };
        if (maps.hasEntryFor(named))
            return AddressMap::joinHostPort(maps.mapHostPort(named));
    }
    const QString apiHost = m_client->baseUrl().host();
    if (isWildcardHost(address->host) && host::isLoopbackHost(apiHost))
        return AddressMap::joinHostPort({ apiHost, address->port });
    return AddressMap::joinHostPort(maps.mapHostPort(*address));
}

QString ChaostoxiProvider::mapUpstream(const QString& upstream) const
{
    const auto address = AddressMap::splitHostPort(upstream);
    if (!address)
        return upstream;
    return AddressMap::joinHostPort(m_context->addressMap.mapHostPort(*address));
}

void ChaostoxiProvider::finish(const ProviderResult& result)
{
    if (auto* call = m_call.data()) {
        m_call.clear();
        call->deleteLater();
    }
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

void ChaostoxiProvider::abort()
{
    m_done = nullptr;
    delete m_call.data();
    m_client->cancelAll();
}

} // namespace chaoslab::chaostoolkit
