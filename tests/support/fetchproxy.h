// Reads one proxy from a Toxiproxy API and waits for the response, for tests that check what
// a run left on the server.
#pragma once

#include "toxiproxy/toxiproxyclient.h"

#include <QTest>

#include <optional>

// Returns the proxy `name`, or nothing when the server has none by that name or does not
// respond within 5 s.
inline std::optional<chaoslab::toxiproxy::Proxy> fetchProxy(
    chaoslab::toxiproxy::ToxiproxyClient& api, const QString& name)
{
    std::optional<chaoslab::toxiproxy::Proxy> found;
    bool done = false;
    QObject context;
    api.getProxy(name, &context,
        [&](const chaoslab::toxiproxy::ApiResult& result, const chaoslab::toxiproxy::Proxy& proxy) {
            if (result.ok())
                found = proxy;
            done = true;
        });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        qWarning("GET /proxies/%s timed out", qPrintable(name));
    return found;
}
