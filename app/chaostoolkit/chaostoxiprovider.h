// The "python" provider for the chaostoxi 0.3.1 functions, run natively over the Toxiproxy
// HTTP API with the same requests and return values as chaostoxi:
//
//   create_proxy        POST /proxies; returns true and stores the listen port in the
//                       configuration as "<proxy_name>_PORT"
//   modify_proxy        POST /proxies/{name} with listen, upstream or enabled; returns true
//   enable/disable_proxy modify_proxy with enabled true or false
//   delete_proxy        DELETE /proxies/{name}; returns null and only warns on failure
//   reset               POST /reset; returns true
//   proxy_exist         GET /proxies/{name}; returns whether it exists
//   get_proxy_attribute GET /proxies/{name}; returns the attribute, or null without a proxy
//   create_*_toxic      POST /proxies/{name}/toxics, downstream, toxicity 1; returns whether
//                       the created toxic has the requested name
//   delete_toxic        DELETE /proxies/{name}/toxics/{toxic}; returns whether it succeeded
//
// Failing requests and unreachable servers fail the activity. The address maps rewrite the
// listen and upstream addresses a proxy is created with. Other Python modules fail with a
// "not supported natively" message. When the run context has a beforeProxyChange hook, each
// change first reads the proxy it changes (every proxy for reset) and passes it to the hook.
#pragma once

#include "activityprovider.h"

#include "toxiproxy/apiresult.h"

#include <QPointer>

namespace chaoslab::toxiproxy {
class ToxiproxyClient;
struct ApiRequest;
} // namespace chaoslab::toxiproxy

namespace chaoslab::chaostoolkit {

class ChaostoxiProvider : public ActivityProvider
{
public:
    explicit ChaostoxiProvider(QObject* parent = nullptr);

    void start(const Json& provider, RunContext& context, ProviderDone done) override;
    void abort() override;

private:
    using Reply = std::function<void(const toxiproxy::ApiResult&)>;

    void call(const std::string& function, const Json& arguments);
    // Passes the proxies that `function` changes to the context's hook, then calls `change`.
    void recordBeforeChange(
        const std::string& function, const Json& arguments, std::function<void()> change);
    void recordEveryProxy(std::function<void()> change);
    void send(const toxiproxy::ApiRequest& request, Reply reply);
    void finish(const ProviderResult& result);
    ProviderResult transportFailure(const toxiproxy::ApiResult& result) const;

    void createProxy(const Json& arguments);
    void modifyProxy(const std::string& name, const Json& fields);
    void deleteProxy(const std::string& name);
    void reset();
    void readProxy(const std::string& name, const std::optional<std::string>& attribute);
    void createToxic(const std::string& proxy, const Json& toxic);
    void deleteToxic(const std::string& proxy, const std::string& toxic);

    QString mapListen(const QString& listen) const;
    QString mapUpstream(const QString& upstream) const;
    void rememberPort(const std::string& proxy, const toxiproxy::ApiResult& result);

    toxiproxy::ToxiproxyClient* m_client;
    QPointer<QObject> m_call;
    RunContext* m_context = nullptr;
    ProviderDone m_done;
};

} // namespace chaoslab::chaostoolkit
