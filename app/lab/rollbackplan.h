// The Toxiproxy API calls that bring one proxy back to a recorded earlier state. Labs and
// experiments record each proxy before their first change to it. Rolling back compares
// that record with the server's current state and undoes only the differences, so toxics
// that did not change keep running undisturbed.
#pragma once

#include "toxiproxy/apirequest.h"
#include "toxiproxy/proxy.h"

#include <QList>

#include <optional>

namespace chaoslab::lab {

// `before` is the proxy as recorded, or nothing when the lab or experiment created it;
// `now` is the server's current state, or nothing when the proxy no longer exists.
// The requests run in order. Proxy settings come first, then toxics are removed, changed
// and created again.
QList<toxiproxy::ApiRequest> rollbackRequests(const QString& name,
    const std::optional<toxiproxy::Proxy>& before, const std::optional<toxiproxy::Proxy>& now);

} // namespace chaoslab::lab
