#include "scriptedpeer.h"

#include <QSslServer>
#include <QTcpSocket>

#include <sys/socket.h>

ScriptedPeer::ScriptedPeer(Script script, std::optional<QSslConfiguration> tls, QObject* parent)
    : QObject(parent)
    , m_script(std::move(script))
{
    if (tls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(*tls);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    // A QSslServer offers a connection only once its TLS handshake is done, which
    // pendingConnectionAvailable reports.
    connect(m_server.get(), &QTcpServer::newConnection, this, &ScriptedPeer::accept);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedPeer::accept);
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        qWarning("ScriptedPeer cannot listen: %s", qPrintable(m_server->errorString()));
}

void ScriptedPeer::accept()
{
    while (auto* socket = m_server->nextPendingConnection()) {
        ++m_connections;
        auto pending = std::make_shared<QByteArray>();
        auto count = std::make_shared<int>(0);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, pending, count] {
            *pending += socket->readAll();
            qsizetype end;
            while ((end = pending->indexOf("\r\n\r\n")) >= 0) {
                pending->remove(0, end + 4);
                ++m_requests;
                m_script(socket, ++*count);
                if (socket->state() != QAbstractSocket::ConnectedState)
                    return;
            }
        });
    }
}

void ScriptedPeer::answer(QTcpSocket* socket, const QByteArray& response)
{
    socket->write(response);
    socket->flush();
}

void ScriptedPeer::closeWithFin(QTcpSocket* socket)
{
    socket->disconnectFromHost();
}

void ScriptedPeer::closeWithReset(QTcpSocket* socket)
{
    const linger immediate { 1, 0 };
    ::setsockopt(
        int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediate, sizeof(immediate));
    socket->abort();
    socket->deleteLater();
}

QByteArray ScriptedPeer::okResponse(bool keepAlive)
{
    return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n")
        + (keepAlive ? "" : "Connection: close\r\n") + "\r\nok";
}
