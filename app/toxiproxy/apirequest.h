// One call of the Toxiproxy HTTP API as a value: method, path, JSON body and a description
// of the operation for messages. The functions in `requests` build the value for every
// route of Toxiproxy 2.12.
#pragma once

#include "proxy.h"
#include "toxic.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>

namespace chaoslab::toxiproxy {

struct ApiRequest
{
    QByteArray method = "GET";
    // Percent-encoded path below the API root, such as "/proxies/my%20proxy".
    QByteArray path;
    // JSON text, or empty when the request has no body.
    QByteArray body;
    // Description of the operation for messages, such as `create proxy "redis"`.
    QString operation;
    // Zero means the client's default timeout.
    std::chrono::milliseconds timeout { 0 };
};

namespace requests {

ApiRequest version();
ApiRequest listProxies();
ApiRequest getProxy(const QString& name);
// Sends the name, listen, upstream and enabled fields. Toxics are not part of a create
// request; Toxiproxy ignores them.
ApiRequest createProxy(const Proxy& proxy);
ApiRequest updateProxy(const QString& name, const ProxyUpdate& update);
ApiRequest deleteProxy(const QString& name);
// Creates the listed proxies, or replaces those that exist with different settings.
ApiRequest populate(const QList<Proxy>& proxies);
ApiRequest listToxics(const QString& proxy);
ApiRequest getToxic(const QString& proxy, const QString& toxic);
// Leaves out the name when it is empty, so the server names the toxic "<type>_<stream>".
ApiRequest createToxic(const QString& proxy, const Toxic& toxic);
ApiRequest updateToxic(const QString& proxy, const QString& toxic, const ToxicUpdate& update);
ApiRequest deleteToxic(const QString& proxy, const QString& toxic);
// Removes every toxic and enables every proxy; proxies are kept.
ApiRequest reset();

} // namespace requests

} // namespace chaoslab::toxiproxy
