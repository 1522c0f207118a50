#include "httpserverpool.h"

#include "orderslog.h"

#include <QElapsedTimer>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chaoslab::orders {

namespace {

net::HttpHandler withRequestLog(net::HttpHandler handler)
{
    return [handler = std::move(handler)](const net::HttpRequest& request) {
        QElapsedTimer timer;
        timer.start();
        net::HttpResponse response = handler(request);
        qCInfo(lcOrders, "request peer=%s method=%s target=%s status=%d ms=%lld",
            request.peer.c_str(), request.method.c_str(), request.target.c_str(), response.status,
            timer.elapsed());
        return response;
    };
}

} // namespace

HttpServerPool::HttpServerPool(net::HttpHandler handler, int threads)
{
    const net::HttpHandler logged = withRequestLog(std::move(handler));
    for (int i = 0; i < threads; ++i)
        m_servers.push_back(std::make_unique<net::HttpServer>(logged));
}

HttpServerPool::~HttpServerPool()
{
    close();
}

std::optional<std::string> HttpServerPool::listen(const std::string& host, std::uint16_t port)
{
    auto bound = net::listenTcp(host, port);
    if (!bound.listener)
        return bound.error;
    m_address = bound.listener->address;
    m_port = bound.listener->port;
    // Each server gets its own descriptor of the same socket, because each closes the one it
    // is given. The descriptors share the socket's non-blocking flag, so a server that loses
    // the race for a connection gets EAGAIN, which QTcpServer treats as "nothing to accept".
    for (std::size_t i = 0; i < m_servers.size(); ++i) {
        auto listener = *bound.listener;
        if (i + 1 < m_servers.size()) {
            listener.fd = ::fcntl(bound.listener->fd, F_DUPFD_CLOEXEC, 0);
            if (listener.fd < 0) {
                const std::string reason = std::strerror(errno);
                ::close(bound.listener->fd);
                close();
                return "failed to duplicate the listening socket of " + m_address + ": " + reason;
            }
        }
        m_servers[i]->serve(listener);
    }
    return std::nullopt;
}

void HttpServerPool::close()
{
    for (auto& server : m_servers)
        server->close();
}

} // namespace chaoslab::orders
