// A blocking HTTP/1.1 client over one TCP connection, for tests of servers that run on
// their own thread. It sends raw bytes, so tests can also send malformed requests, and
// reads one response at a time, so it can check keep-alive and pipelining.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QTcpSocket>

#include <map>
#include <optional>
#include <string>

struct TestResponse
{
    int status = 0;
    // Header names in lower case.
    std::map<QByteArray, QByteArray> headers;
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const
    {
        const auto found = headers.find(lowerCaseName);
        return found == headers.end() ? QByteArray() : found->second;
    }
};

class HttpTestClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 3000)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(timeoutMs);
    }

    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(3000);
    }

    // Sends a request with Host, User-Agent and (for a body) Content-Length headers.
    void sendRequest(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
        const QByteArray& extraHeaders = {})
    {
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!extraHeaders.contains("User-Agent:"))
            request += "User-Agent: chaoslab-test/1\r\n";
        request += extraHeaders;
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        send(request + "\r\n" + body);
    }

    // Reads the next response; nothing when the connection closes or `timeoutMs` passes.
    std::optional<TestResponse> readResponse(int timeoutMs = 5000, bool head = false)
    {
        QElapsedTimer timer;
        timer.start();
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill(timeoutMs - timer.elapsed()))
                return std::nullopt;
        }
        TestResponse response;
        const auto lines = m_buffer.left(end).split('\n');
        response.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto colon = lines[i].indexOf(':');
            response.headers[lines[i].left(colon).trimmed().toLower()]
                = lines[i].mid(colon + 1).trimmed();
        }
        m_buffer.remove(0, end + 4);
        const auto length = response.headers.find("content-length");
        const qsizetype size
            = length == response.headers.end() || head ? 0 : length->second.toLongLong();
        while (m_buffer.size() < size) {
            if (!fill(timeoutMs - timer.elapsed()))
                return std::nullopt;
        }
        response.body = m_buffer.left(size);
        m_buffer.remove(0, size);
        return response;
    }

    std::optional<TestResponse> request(const QByteArray& method, const QByteArray& path,
        const QByteArray& body = {}, const QByteArray& extraHeaders = {})
    {
        sendRequest(method, path, body, extraHeaders);
        return readResponse(5000, method == "HEAD");
    }

    // True when the server closes the connection within `timeoutMs`.
    bool waitForClose(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState) {
            if (timer.elapsed() > timeoutMs)
                return false;
            m_socket.waitForReadyRead(50);
            m_buffer += m_socket.readAll();
        }
        return true;
    }

    QTcpSocket& socket() { return m_socket; }

private:
    bool fill(qint64 timeoutMs)
    {
        if (timeoutMs <= 0)
            return false;
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(timeoutMs)))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};
