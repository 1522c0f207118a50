#include "httpserver.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <unistd.h>

#include <utility>

namespace chaoslab::net {

// Owns the listening socket, the QTcpServer and the connections. It is created on the
// caller's thread, then moved to the server's thread where every one of its methods runs.
class HttpServerWorker : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `listeningFd` at once, so that the socket is closed even when the
    // thread stops before start() has run.
    HttpServerWorker(int listeningFd, HttpHandler handler, const HttpServerConfig& config)
        : m_listeningFd(listeningFd)
        , m_handler(std::move(handler))
        , m_config(config)
    {
        m_server.setParent(this);
        connect(&m_server, &QTcpServer::newConnection, this, &HttpServerWorker::accept);
    }

    ~HttpServerWorker() override
    {
        if (m_listeningFd >= 0)
            ::close(m_listeningFd);
    }

    // Hands the listening socket to the QTcpServer, which closes it when it is destroyed.
    void start()
    {
        const int fd = std::exchange(m_listeningFd, -1);
        if (!m_server.setSocketDescriptor(fd)) {
            qCWarning(lcHttp, "HTTP server failed to use its listening socket fd=%d error=%s", fd,
                qPrintable(m_server.errorString()));
            ::close(fd);
        }
    }

private:
    void accept()
    {
        while (auto* socket = m_server.nextPendingConnection()) {
            if (m_connections >= m_config.maxConnections) {
                // Logged once per 100 so that a flood of connections cannot flood the log.
                if (m_rejected++ % 100 == 0) {
                    qCWarning(lcHttp, "connection rejected max_connections=%d rejected=%d",
                        m_config.maxConnections, m_rejected);
                }
                socket->abort();
                socket->deleteLater();
                continue;
            }
            ++m_connections;
            auto* connection = new HttpConnection(socket, m_config, m_handler, this);
            connect(connection, &HttpConnection::finished, this, [this, connection] {
                --m_connections;
                connection->deleteLater();
            });
        }
    }

    int m_listeningFd;
    QTcpServer m_server;
    HttpHandler m_handler;
    HttpServerConfig m_config;
    int m_connections = 0;
    int m_rejected = 0;
};

HttpServer::HttpServer(HttpHandler handler, HttpServerConfig config)
    : m_handler(std::move(handler))
    , m_config(config)
{
    m_thread.setObjectName(QStringLiteral("http-server"));
}

HttpServer::~HttpServer()
{
    close();
}

std::optional<std::string> HttpServer::listen(const std::string& host, std::uint16_t port)
{
    if (m_thread.isRunning())
        return "HTTP server is already listening on " + m_address;
    auto bound = listenTcp(host, port);
    if (!bound.listener)
        return bound.error;
    serve(*bound.listener);
    return std::nullopt;
}

bool HttpServer::serve(const TcpListener& listener)
{
    if (m_thread.isRunning()) {
        ::close(listener.fd);
        return false;
    }
    m_address = listener.address;
    m_port = listener.port;
    auto* worker = new HttpServerWorker(listener.fd, m_handler, m_config);
    worker->moveToThread(&m_thread);
    // QThread deletes objects queued with deleteLater() before it reports that it has
    // finished, so close() returns only after the worker has closed the listening socket.
    QObject::connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(worker, &HttpServerWorker::start);
    return true;
}

void HttpServer::close()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
}

} // namespace chaoslab::net

#include "httpserver.moc"
