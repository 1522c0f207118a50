// The part of ChaostoxiProvider that reads each proxy a chaostoxi action is about to change
// and hands it to the run context's beforeProxyChange hook, so that the console can record
// it in a rollback journal before the change is sent.
#include "chaostoxiprovider.h"

#include "toxiproxy/toxiproxyclient.h"

namespace chaoslab::chaostoolkit {

using toxiproxy::ApiResult;
using toxiproxy::ErrorKind;
using toxiproxy::Proxy;

namespace {

// The proxy that a chaostoxi function changes: its name, an empty name for reset, which
// changes every proxy, or nothing for the probes, which change nothing.
std::optional<QString> changedProxyOf(const std::string& function, const Json& arguments)
{
    if (function == "proxy_exist" || function == "get_proxy_attribute")
        return std::nullopt;
    if (function == "reset")
        return QString();
    const Json& name = arguments.contains("proxy_name") ? arguments["proxy_name"]
                                                        : arguments.value("for_proxy", Json());
    return QString::fromStdString(name.is_string() ? name.get<std::string>() : name.dump());
}

std::string readFailure(const std::string& subject, const ApiResult& result)
{
    return "Unable to read " + subject
        + " before changing it, so the change was not sent: " + result.message.toStdString();
}

} // namespace

void ChaostoxiProvider::recordBeforeChange(
    const std::string& function, const Json& arguments, std::function<void()> change)
{
    const auto proxy = changedProxyOf(function, arguments);
    if (!m_context->beforeProxyChange || !proxy)
        return change();
    if (proxy->isEmpty())
        return recordEveryProxy(std::move(change));
    m_client->getProxy(*proxy, m_call,
        [this, name = *proxy, change](const ApiResult& result, const Proxy& current) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            if (!result.ok() && result.error != ErrorKind::NotFound)
                return finish(
                    ProviderResult::failure(readFailure("proxy " + name.toStdString(), result)));
            const auto recorded = result.ok() ? std::optional(current) : std::nullopt;
            if (auto error = m_context->beforeProxyChange(name, recorded))
                return finish(ProviderResult::failure(*error));
            change();
        });
}

void ChaostoxiProvider::recordEveryProxy(std::function<void()> change)
{
    m_client->listProxies(
        m_call, [this, change](const ApiResult& result, const QList<Proxy>& proxies) {
            if (result.httpStatus == 0)
                return finish(transportFailure(result));
            if (!result.ok())
                return finish(ProviderResult::failure(readFailure("the proxies", result)));
            for (const Proxy& proxy : proxies) {
                if (auto error = m_context->beforeProxyChange(proxy.name, proxy))
                    return finish(ProviderResult::failure(*error));
            }
            change();
        });
}

} // namespace chaoslab::chaostoolkit
