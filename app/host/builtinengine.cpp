#include "builtinengine.h"

#include "hostlog.h"

namespace chaoslab::host {

BuiltInEngine::BuiltInEngine()
    : m_api(m_engine)
    , m_apiServer([this](const net::HttpRequest& request) { return m_api.handle(request); })
{ }

BuiltInEngine::~BuiltInEngine()
{
    // The API goes first so that no request reaches a half-stopped engine.
    m_apiServer.close();
    m_demo.close();
}

std::optional<std::string> BuiltInEngine::start(const std::string& apiHost, std::uint16_t apiPort)
{
    if (m_apiServer.port() != 0)
        return "the built-in engine already listens on " + apiAddress();
    if (auto error = m_apiServer.listen(apiHost, apiPort)) {
        qCWarning(lcHost, "built-in engine cannot listen error=%s", error->c_str());
        return error;
    }
    qCInfo(lcHost, "built-in engine listening address=%s", apiAddress().c_str());
    startDemo();
    return std::nullopt;
}

void BuiltInEngine::startDemo()
{
    auto error = m_demo.listen("127.0.0.1", DemoServicePort);
    if (error) {
        qCInfo(lcHost, "demo service port taken port=%u error=%s", DemoServicePort, error->c_str());
        error = m_demo.listen("127.0.0.1", 0);
    }
    if (error) {
        qCWarning(lcHost, "demo service not started error=%s", error->c_str());
        return;
    }
    m_demoAddress = m_demo.address();

    auto created = createDemoProxy(DemoProxyPort);
    if (!created.ok() && created.error().kind == engine::ErrorKind::ListenFailed) {
        qCInfo(lcHost, "demo proxy port taken port=%u error=%s", DemoProxyPort,
            created.error().message.c_str());
        created = createDemoProxy(0);
    }
    if (!created.ok()) {
        qCWarning(lcHost, "demo proxy not created proxy=%s error=%s", DemoProxyName,
            created.error().message.c_str());
        return;
    }
    m_demoProxyAddress = created.value().listen;
    qCInfo(lcHost, "demo proxy created proxy=%s listen=%s upstream=%s", DemoProxyName,
        m_demoProxyAddress.c_str(), m_demoAddress.c_str());
}

engine::Result<engine::ProxySnapshot> BuiltInEngine::createDemoProxy(std::uint16_t port)
{
    engine::ProxyConfig config;
    config.name = DemoProxyName;
    config.listen = "127.0.0.1:" + std::to_string(port);
    config.upstream = m_demoAddress;
    return m_engine.createProxy(config);
}

} // namespace chaoslab::host
