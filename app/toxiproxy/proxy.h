// A proxy as the Toxiproxy HTTP API describes it, and the fields a proxy update may change.
#pragma once

#include "toxic.h"

#include <QList>
#include <QString>

#include <optional>

namespace chaoslab::toxiproxy {

struct Proxy
{
    QString name;
    // "host:port" addresses. A proxy created disabled with port 0 reports port 0 until it
    // is enabled and the kernel assigns a port.
    QString listen;
    QString upstream;
    bool enabled = true;
    QList<Toxic> toxics;

    // Returns the toxic named `toxicName`, or nullptr.
    const Toxic* findToxic(QStringView toxicName) const;
    // Compares name, listen, upstream and enabled, but not the toxics.
    bool hasSameSettings(const Proxy& other) const;

    bool operator==(const Proxy&) const = default;
};

// A partial update of a proxy: only the fields that are set change. Toxiproxy ignores a
// change of name.
struct ProxyUpdate
{
    std::optional<QString> listen;
    std::optional<QString> upstream;
    std::optional<bool> enabled;
};

} // namespace chaoslab::toxiproxy
