#include "proxy.h"

namespace chaoslab::toxiproxy {

const Toxic* Proxy::findToxic(QStringView toxicName) const
{
    for (const auto& toxic : toxics) {
        if (toxic.name == toxicName)
            return &toxic;
    }
    return nullptr;
}

bool Proxy::hasSameSettings(const Proxy& other) const
{
    return name == other.name && listen == other.listen && upstream == other.upstream
        && enabled == other.enabled;
}

} // namespace chaoslab::toxiproxy
