// A loopback HTTP server for client tests that sends one fixed response to every request,
// or never responds, and records the head of each request it receives.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedHttpServer(QObject* parent = nullptr);

    // Builds a complete response that closes the connection after the body.
    static QByteArray response(int status, const QByteArray& reason, const QByteArray& contentType,
        const QByteArray& body);

    // Listens on 127.0.0.1 on a port the kernel picks.
    bool listen();
    QUrl url() const;

    // An empty response means the server accepts connections and reads requests but never
    // responds.
    void setResponse(const QByteArray& response) { m_response = response; }
    // Request line and headers of every complete request, in arrival order.
    const QList<QByteArray>& requestHeads() const { return m_requestHeads; }

private:
    void acceptConnections();
    void readRequest(QTcpSocket* socket);

    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QByteArray> m_requestHeads;
};
