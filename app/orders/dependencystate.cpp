#include "dependencystate.h"

#include "orderslog.h"

namespace chaoslab::orders {

DependencyState::DependencyState(std::string name, std::string address)
    : m_name(std::move(name))
    , m_address(std::move(address))
{ }

void DependencyState::setConnected(const std::string& detail)
{
    update(true, detail.empty() ? "connected" : "connected (" + detail + ")");
}

void DependencyState::setUnavailable(const std::string& reason)
{
    update(false, "unavailable: " + reason);
}

void DependencyState::update(bool connected, std::string text)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_connected == connected && m_summary == text)
            return;
        m_connected = connected;
        m_summary = text;
    }
    if (connected) {
        qCInfo(
            lcOrders, "dependency %s at %s: %s", m_name.c_str(), m_address.c_str(), text.c_str());
    } else {
        qCWarning(
            lcOrders, "dependency %s at %s: %s", m_name.c_str(), m_address.c_str(), text.c_str());
    }
}

std::string DependencyState::summary() const
{
    const std::lock_guard lock(m_mutex);
    return m_summary;
}

bool DependencyState::isConnected() const
{
    const std::lock_guard lock(m_mutex);
    return m_connected;
}

} // namespace chaoslab::orders
