// Whether a Toxiproxy address is on this computer, which decides whether the console may
// start its built-in engine there. The decision is made from the text alone, before any
// connection, and never resolves a name: only "localhost" counts as a local name.
#pragma once

#include <QString>
#include <QUrl>

namespace chaoslab::host {

// True for the IPv4 loopback network 127.0.0.0/8 (also written as an IPv4-mapped IPv6
// address), for ::1, and for "localhost" in any case, with or without a trailing dot.
// IPv6 addresses may be given with or without brackets.
bool isLoopbackHost(const QString& host);

// True when the built-in engine may serve `url`: plain http on a loopback host.
bool canHostBuiltIn(const QUrl& url);

// The numeric address to bind for a loopback host: 127.0.0.1 for "localhost", so that
// binding needs no name lookup, and the host itself otherwise.
QString bindAddressFor(const QString& host);

} // namespace chaoslab::host
