// Small blocking HTTP/1.1 and TCP checks for `chaoslab env`, which runs without an event
// loop: readiness polls of the services and calls to the Toxiproxy API.
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <cstdint>

namespace chaoslab::environment {

struct HttpReply
{
    // 0 when no HTTP response arrived, and `error` then contains the reason.
    int status = 0;
    QByteArray body;
    QString error;
};

// Sends one request with "Connection: close" and reads the whole response within
// `timeout`. A non-empty body is sent as application/json.
HttpReply httpRequest(const QString& host, std::uint16_t port, const QByteArray& method,
    const QByteArray& path, const QByteArray& body = QByteArray(),
    std::chrono::milliseconds timeout = std::chrono::seconds(3));

// Returns whether a TCP connection to host:port succeeds within `timeout`.
bool tcpAccepts(const QString& host, std::uint16_t port,
    std::chrono::milliseconds timeout = std::chrono::milliseconds(500));

// Sends `request` on a new connection and returns what arrives within `timeout`, up to
// the first read that returns data.
QByteArray tcpExchange(const QString& host, std::uint16_t port, const QByteArray& request,
    std::chrono::milliseconds timeout = std::chrono::milliseconds(1000));

} // namespace chaoslab::environment
