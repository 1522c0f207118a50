#include "demoservice.h"

#include "demoroutes.h"

#include <QLoggingCategory>

#include <chrono>

Q_LOGGING_CATEGORY(lcDemo, "chaoslab.demo", QtInfoMsg)

namespace chaoslab::demo {

namespace {

using namespace std::chrono_literals;

net::HttpServerConfig serverConfig()
{
    net::HttpServerConfig config;
    // HttpServer starts the idle and closing deadlines when the handler returns, not when
    // the response has been sent, and aborts the connection when they pass. A large
    // payload behind a bandwidth toxic can take minutes, so both deadlines are long here.
    // NOTE: a transfer that takes longer than 10 minutes is still cut off.
    config.idleTimeout = 10min;
    config.lingerTimeout = 10min;
    return config;
}

net::HttpResponse handleLogged(const net::HttpRequest& request)
{
    auto response = handleDemoRequest(request);
    qCDebug(lcDemo, "request peer=%s method=%s target=%s status=%d bytes=%zu", request.peer.c_str(),
        request.method.c_str(), request.target.c_str(), response.status, response.body.size());
    return response;
}

} // namespace

DemoService::DemoService() : m_server(handleLogged, serverConfig()) { }

DemoService::~DemoService()
{
    close();
}

std::optional<std::string> DemoService::listen(const std::string& host, std::uint16_t port)
{
    auto error = m_server.listen(host, port);
    if (error) {
        qCWarning(lcDemo, "demo service cannot listen error=%s", error->c_str());
        return error;
    }
    m_serving = true;
    qCInfo(lcDemo, "demo service listening address=%s", m_server.address().c_str());
    return std::nullopt;
}

void DemoService::close()
{
    if (!m_serving)
        return;
    m_serving = false;
    m_server.close();
    qCInfo(lcDemo, "demo service stopped address=%s", m_server.address().c_str());
}

} // namespace chaoslab::demo
