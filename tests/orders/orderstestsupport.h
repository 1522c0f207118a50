// Shared pieces of the order system tests: the services.env file that
// tests/services/services.sh writes (named by CHAOSLAB_SERVICES_ENV), free loopback ports,
// blocking HTTP calls with their duration, and proxies of an in-process built-in engine.
#pragma once

#include "engine.h"
#include "servicesenv.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <optional>

namespace orderstest {

using servicestest::ServiceEnvironment;

// Reads services.env and checks that every service in `required` (for example "MARIADB")
// has a port. Returns nothing and sets `error` to the reason and the fix otherwise.
std::optional<ServiceEnvironment> loadServices(const QStringList& required, QString* error);

// A port that was free a moment ago on 127.0.0.1.
quint16 unusedPort();

struct HttpResult
{
    // 0 when no response arrived.
    int status = 0;
    QByteArray body;
    std::chrono::milliseconds elapsed { 0 };
    QString error;

    // "status 500 after 3012 ms: body" or the transport error, for failure messages.
    QByteArray describe() const;
};

// Sends one request to 127.0.0.1:port and waits up to `timeout` for the whole response.
HttpResult httpCall(quint16 port, const QByteArray& method, const QString& path,
    const QByteArray& body = {}, std::chrono::milliseconds timeout = std::chrono::seconds(20));

// Creates an enabled proxy `name` on a fixed free port in front of 127.0.0.1:upstreamPort,
// so that the port stays the same across disable and enable. Returns its port, or 0.
quint16 createProxy(
    chaoslab::engine::Engine& engine, const std::string& name, quint16 upstreamPort);

// Adds a downstream toxic of `type` with one attribute. Returns the error, or "".
std::string addToxic(chaoslab::engine::Engine& engine, const std::string& proxy,
    const std::string& type, const std::string& attribute, std::int64_t value);

} // namespace orderstest
