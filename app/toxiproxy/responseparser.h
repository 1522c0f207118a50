// Reading of Toxiproxy response bodies into value types, tolerant of fields it does not
// use (such as the "Logger" object Toxiproxy 2.12 writes in every proxy).
//
// Every function throws ResponseShapeError, naming the field, when the body is JSON of
// another shape, and nlohmann::json::parse_error when the body is not JSON.
#pragma once

#include "proxy.h"
#include "toxic.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <stdexcept>

namespace chaoslab::toxiproxy {

class ResponseShapeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Reads {"version": "2.12.0"} as Toxiproxy 2.12 sends it, or a bare version number as
// older releases send it as text/plain.
QString parseVersion(const QByteArray& body);

// Reads the object that GET /proxies returns, keyed by name, in the server's order.
QList<Proxy> parseProxyMap(const QByteArray& body);

Proxy parseProxy(const QByteArray& body);

// Reads {"proxies": [...]} from POST /populate; "proxies" is null when none were listed.
QList<Proxy> parsePopulateResult(const QByteArray& body);

QList<Toxic> parseToxicList(const QByteArray& body);

Toxic parseToxic(const QByteArray& body);

} // namespace chaoslab::toxiproxy
