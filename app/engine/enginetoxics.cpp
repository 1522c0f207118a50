// The toxic methods of Engine.
#include "engine.h"

#include "enginelog.h"

#include <algorithm>

namespace chaoslab::engine {

namespace {

EngineError proxyNotFound(const std::string& name)
{
    return { ErrorKind::NotFound, "proxy not found: " + name };
}

// Formats a toxic as log fields, for example
// "name=latency_downstream type=latency stream=downstream toxicity=1 latency=100 jitter=0".
std::string describe(const ToxicSpec& toxic)
{
    char toxicity[32] = {};
    std::snprintf(toxicity, sizeof toxicity, "%g", toxic.toxicity);
    auto text = "name=" + toxic.name + " type=" + toxic.type
        + " stream=" + std::string(streamName(toxic.stream)) + " toxicity=" + toxicity;
    for (const auto& attribute : toxic.attributes)
        text += " " + attribute.name + "=" + std::to_string(attribute.value);
    return text;
}

} // namespace

Result<std::vector<ToxicSpec>> Engine::toxics(const std::string& proxy) const
{
    std::lock_guard lock(m_mutex);
    const auto* found = find(proxy);
    if (!found)
        return proxyNotFound(proxy);
    return found->toxics.ordered();
}

Result<ToxicSpec> Engine::toxic(const std::string& proxy, const std::string& name) const
{
    std::lock_guard lock(m_mutex);
    const auto* found = find(proxy);
    if (!found)
        return proxyNotFound(proxy);
    const auto* toxic = found->toxics.find(name);
    if (!toxic)
        return EngineError { ErrorKind::NotFound, "toxic not found: " + name };
    return *toxic;
}

Result<ToxicSpec> Engine::addToxic(
    const std::string& proxy, ToxicSpec toxic, const std::vector<std::string>& givenAttributes)
{
    if (auto invalid = validateToxic(toxic, givenAttributes)) {
        qCWarning(lcEngine, "toxic rejected proxy=%s %s error=%s", proxy.c_str(),
            describe(toxic).c_str(), invalid->c_str());
        return EngineError { ErrorKind::BadRequest, *invalid };
    }
    std::lock_guard lock(m_mutex);
    auto* found = find(proxy);
    if (!found)
        return proxyNotFound(proxy);
    if (auto error = found->toxics.add(toxic))
        return *error;
    applyToxics(*found);
    qCInfo(lcEngine, "toxic added proxy=%s %s", proxy.c_str(), describe(toxic).c_str());
    return toxic;
}

Result<ToxicSpec> Engine::updateToxic(
    const std::string& proxy, const std::string& name, const ToxicPatch& patch)
{
    std::lock_guard lock(m_mutex);
    auto* found = find(proxy);
    if (!found)
        return proxyNotFound(proxy);
    const auto* current = found->toxics.find(name);
    if (!current)
        return EngineError { ErrorKind::NotFound, "toxic not found: " + name };

    auto updated = *current;
    std::vector<std::string> givenAttributes;
    for (const auto& attribute : patch.attributes) {
        const auto known = std::any_of(updated.attributes.begin(), updated.attributes.end(),
            [&attribute](const ToxicAttribute& own) { return own.name == attribute.name; });
        if (known) {
            updated.setAttribute(attribute.name, attribute.value);
            givenAttributes.push_back(attribute.name);
        }
    }
    updated.toxicity = patch.toxicity.value_or(updated.toxicity);
    if (auto invalid = validateToxic(updated, givenAttributes)) {
        qCWarning(lcEngine, "toxic update rejected proxy=%s %s error=%s", proxy.c_str(),
            describe(updated).c_str(), invalid->c_str());
        return EngineError { ErrorKind::BadRequest, *invalid };
    }
    found->toxics.replace(updated);
    applyToxics(*found);
    qCInfo(lcEngine, "toxic updated proxy=%s %s", proxy.c_str(), describe(updated).c_str());
    return updated;
}

Status Engine::removeToxic(const std::string& proxy, const std::string& name)
{
    std::lock_guard lock(m_mutex);
    auto* found = find(proxy);
    if (!found)
        return proxyNotFound(proxy);
    if (auto error = found->toxics.remove(name))
        return error;
    applyToxics(*found);
    qCInfo(lcEngine, "toxic removed proxy=%s name=%s", proxy.c_str(), name.c_str());
    return std::nullopt;
}

} // namespace chaoslab::engine
