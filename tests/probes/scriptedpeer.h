// A TCP peer on 127.0.0.1 for probe tests, served on the test's own event loop. Each
// connection's bytes are collected, and once a whole HTTP request head ("\r\n\r\n") has
// arrived the peer acts as scripted: answer, stay silent, close with FIN, or reset.
#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

class ScriptedPeer : public QObject
{
    Q_OBJECT

public:
    // Called for each request with the connection and its number of requests so far,
    // starting at 1.
    using Script = std::function<void(QTcpSocket* socket, int request)>;

    // With `tls`, the peer is a TLS server with that configuration's certificate and key.
    explicit ScriptedPeer(Script script, std::optional<QSslConfiguration> tls = std::nullopt,
        QObject* parent = nullptr);

    quint16 port() const { return m_server->serverPort(); }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }

    static void answer(QTcpSocket* socket, const QByteArray& response);
    // Closes with FIN after the bytes written so far.
    static void closeWithFin(QTcpSocket* socket);
    // Closes with RST: SO_LINGER with a zero timeout makes close() discard and reset.
    static void closeWithReset(QTcpSocket* socket);

    static QByteArray okResponse(bool keepAlive = true);

private:
    void accept();

    std::unique_ptr<QTcpServer> m_server;
    Script m_script;
    int m_connections = 0;
    int m_requests = 0;
};
