#include "servedproxy.h"

#include <utility>

namespace chaoslab::engine {

std::shared_ptr<const ToxicSet> ToxicSet::fromSpecs(const std::vector<ToxicSpec>& toxics)
{
    auto set = std::make_shared<ToxicSet>();
    for (const auto& toxic : toxics)
        (toxic.stream == Stream::Upstream ? set->upstream : set->downstream).push_back(toxic);
    return set;
}

ServedProxy::ServedProxy(ProxyId id, std::string name, int listenFd, std::string upstream)
    : id(id)
    , name(std::move(name))
    , listenFd(listenFd)
    , upstream(std::move(upstream))
    , m_toxics(std::make_shared<ToxicSet>())
    , m_connectTarget(this->upstream)
{ }

std::shared_ptr<const ToxicSet> ServedProxy::toxics() const
{
    std::lock_guard lock(m_mutex);
    return m_toxics;
}

void ServedProxy::setToxics(std::shared_ptr<const ToxicSet> toxics)
{
    std::lock_guard lock(m_mutex);
    m_toxics = std::move(toxics);
}

std::string ServedProxy::connectTarget() const
{
    std::lock_guard lock(m_mutex);
    return m_connectTarget;
}

void ServedProxy::setConnectTarget(std::string target)
{
    std::lock_guard lock(m_mutex);
    m_connectTarget = std::move(target);
}

bool ServedProxy::takeWarningSlot(int& suppressed)
{
    constexpr auto interval = std::chrono::seconds(5);
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(m_mutex);
    if (m_warned && now - m_lastWarning < interval) {
        ++m_suppressedWarnings;
        return false;
    }
    suppressed = std::exchange(m_suppressedWarnings, 0);
    m_lastWarning = now;
    m_warned = true;
    return true;
}

} // namespace chaoslab::engine
