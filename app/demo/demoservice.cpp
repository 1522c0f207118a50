#include "demoservice.h"

#include "demoroutes.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "chaoslab.demo", QtInfoMsg)

namespace chaoslab::demo {

namespace {

net::HttpResponse handleLogged(const net::HttpRequest& request)
{
    auto response = handleDemoRequest(request);
    qCDebug(lcDemo, "request peer=%s method=%s target=%s status=%d bytes=%zu", request.peer.c_str(),
        request.method.c_str(), request.target.c_str(), response.status, response.body.size());
    return response;
}

} // namespace

DemoService::DemoService() : m_server(handleLogged) { }

DemoService::~DemoService()
{
    close();
}

std::optional<std::string> DemoService::listen(const std::string& host, std::uint16_t port)
{
    if (m_server.port() != 0)
        return "the demo service already listens on " + m_server.address();
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
