// One client connection of HttpServer: reads requests (keep-alive and pipelining), passes
// each complete request to the handler, writes the responses in order, and enforces the
// request and idle timeouts. Lives on the server's thread.
#pragma once

#include "httprequestparser.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <string>

class QTcpSocket;

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace chaoslab::net {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerConfig
{
    HttpLimits limits;
    // Time a client has to send a whole request, counted from its first byte (or from the
    // connection's start for the first request). A late request gets 408.
    std::chrono::milliseconds requestTimeout { 10'000 };
    // Time an open keep-alive connection may stay silent between requests.
    std::chrono::milliseconds idleTimeout { 60'000 };
    // Time given to a closing connection to read its last response and close its side.
    std::chrono::milliseconds lingerTimeout { 2'000 };
    // Connections above this number are closed as soon as they are accepted.
    int maxConnections = 256;
};

class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `socket`.
    HttpConnection(QTcpSocket* socket, const HttpServerConfig& config, HttpHandler handler,
        QObject* parent = nullptr);

signals:
    void finished();

private:
    enum class Wait { FirstRequest, Request, Idle, Linger };

    void readFromSocket();
    void processBuffer();
    void callHandler(const HttpRequest& request);
    void writeResponse(const HttpResponse& response, const HttpRequest* request);
    void rejectRequest(int status, const std::string& message);
    void startClosing();
    void handleBytesWritten();
    void handleDeadline();
    void setWait(Wait wait);
    void finish();

    QTcpSocket* m_socket;
    HttpServerConfig m_config;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    std::string m_buffer;
    QTimer m_deadline;
    Wait m_wait = Wait::FirstRequest;
    bool m_closing = false;
    bool m_continueSent = false;
    bool m_finished = false;
};

// Returns {"error": message, "status": status} as compact JSON.
std::string jsonErrorBody(int status, const std::string& message);

} // namespace chaoslab::net
