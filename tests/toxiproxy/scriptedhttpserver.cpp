#include "scriptedhttpserver.h"

#include <QHostAddress>
#include <QTcpSocket>

ScriptedHttpServer::ScriptedHttpServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::acceptConnections);
}

QByteArray ScriptedHttpServer::response(
    int status, const QByteArray& reason, const QByteArray& contentType, const QByteArray& body)
{
    QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    if (!contentType.isEmpty())
        text += "Content-Type: " + contentType + "\r\n";
    text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "Connection: close\r\n\r\n";
    return text + body;
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void ScriptedHttpServer::acceptConnections()
{
    while (auto* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

// A request is complete once its head and Content-Length bytes of body are buffered.
void ScriptedHttpServer::readRequest(QTcpSocket* socket)
{
    QByteArray& buffered = m_buffers[socket];
    buffered += socket->readAll();
    const auto headEnd = buffered.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = buffered.left(headEnd);
    qsizetype bodyLength = 0;
    for (const auto& line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            bodyLength = line.mid(15).trimmed().toLongLong();
    }
    const auto requestLength = headEnd + 4 + bodyLength;
    if (buffered.size() < requestLength)
        return;
    buffered.remove(0, requestLength);
    m_requestHeads.append(head);
    if (m_response.isEmpty())
        return;
    socket->write(m_response);
    socket->disconnectFromHost();
}
