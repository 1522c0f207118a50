#include "blockinghttp.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::environment {

namespace {

int remainingMs(const QDeadlineTimer& deadline)
{
    return static_cast<int>(std::max<qint64>(1, deadline.remainingTime()));
}

bool connectWithin(
    QTcpSocket& socket, const QString& host, std::uint16_t port, const QDeadlineTimer& deadline)
{
    socket.connectToHost(host, port);
    return socket.waitForConnected(remainingMs(deadline));
}

// Parses "HTTP/1.1 200 OK\r\n...\r\n\r\nbody"; the response ended with the connection, so
// everything after the header block is the body.
HttpReply parseResponse(const QByteArray& data)
{
    HttpReply reply;
    const auto headerEnd = data.indexOf("\r\n\r\n");
    const auto statusLine = data.left(data.indexOf("\r\n"));
    const auto parts = statusLine.split(' ');
    if (headerEnd < 0 || parts.size() < 2 || !parts[0].startsWith("HTTP/")) {
        reply.error = u"invalid HTTP response: %1"_s.arg(QString::fromLatin1(data.left(80)));
        return reply;
    }
    reply.status = parts[1].toInt();
    reply.body = data.mid(headerEnd + 4);
    return reply;
}

} // namespace

HttpReply httpRequest(const QString& host, std::uint16_t port, const QByteArray& method,
    const QByteArray& path, const QByteArray& body, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    QTcpSocket socket;
    if (!connectWithin(socket, host, port, deadline))
        return HttpReply { 0, {},
            u"connection to %1:%2 failed: %3"_s.arg(host).arg(port).arg(socket.errorString()) };

    // Toxiproxy rejects User-Agents that start with "Mozilla/".
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: " + host.toLatin1() + ':'
        + QByteArray::number(port) + "\r\nUser-Agent: chaoslab-env\r\nConnection: close\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);

    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(remainingMs(deadline)))
            data += socket.readAll();
    }
    data += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState)
        return HttpReply { 0, {},
            u"no complete response from %1:%2 within %3 ms"_s.arg(host).arg(port).arg(
                timeout.count()) };
    return parseResponse(data);
}

bool tcpAccepts(const QString& host, std::uint16_t port, std::chrono::milliseconds timeout)
{
    QTcpSocket socket;
    const bool connected = connectWithin(socket, host, port, QDeadlineTimer(timeout));
    socket.abort();
    return connected;
}

QByteArray tcpExchange(const QString& host, std::uint16_t port, const QByteArray& request,
    std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    QTcpSocket socket;
    if (!connectWithin(socket, host, port, deadline))
        return {};
    socket.write(request);
    socket.waitForReadyRead(remainingMs(deadline));
    return socket.readAll();
}

} // namespace chaoslab::environment
