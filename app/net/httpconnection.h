// One client connection of HttpServer: reads requests (keep-alive and pipelining), passes
// each complete request to the handler, writes the responses in order, and enforces the
// request, write stall, idle and linger timeouts. Lives on the server's thread.
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
    // Time an open keep-alive connection may stay silent between requests, counted from when
    // the client's kernel has acknowledged every byte of the last response.
    std::chrono::milliseconds idleTimeout { 60'000 };
    // Time a closing connection gives the client to close its side, counted from when the
    // client's kernel has acknowledged every byte of the last response.
    std::chrono::milliseconds lingerTimeout { 2'000 };
    // Time a response may go without write progress. A client that reads none of the
    // response's bytes for this long gets its connection reset. There is no limit on the
    // total time of a response that keeps progressing.
    std::chrono::milliseconds writeStallTimeout { 30'000 };
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
    // What the connection waits for, which decides the deadline that applies:
    //   FirstRequest, Request  a whole request, within requestTimeout
    //   Write                  progress in sending the responses, within writeStallTimeout
    //   Idle                   the first byte of the next request, within idleTimeout
    //   Linger                 the client's close after the last response, within lingerTimeout
    enum class Wait { FirstRequest, Request, Write, Idle, Linger };

    void readFromSocket();
    void processBuffer();
    void callHandler(const HttpRequest& request);
    void writeResponse(const HttpResponse& response, const HttpRequest* request);
    void rejectRequest(int status, const std::string& message);
    void handleBytesWritten();
    void checkDelivery();
    void finishWriting();
    void handleDeadline();
    void resetStalledConnection();
    void setWait(Wait wait);
    void finish();

    QTcpSocket* m_socket;
    HttpServerConfig m_config;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    std::string m_buffer;
    QTimer m_deadline;
    QTimer m_deliveryPoll;
    // Bytes in the kernel's send queue at the last check, to tell progress from a stall.
    qint64 m_unacknowledged = 0;
    Wait m_wait = Wait::FirstRequest;
    bool m_closing = false;
    bool m_continueSent = false;
    bool m_finished = false;
};

// Returns {"error": message, "status": status} as compact JSON.
std::string jsonErrorBody(int status, const std::string& message);

} // namespace chaoslab::net
