#include "toxiclist.h"

#include <algorithm>

namespace chaoslab::engine {

namespace {

EngineError toxicNotFound(const std::string& name)
{
    return { ErrorKind::NotFound, "toxic not found: " + name };
}

} // namespace

std::vector<ToxicSpec> ToxicList::ordered() const
{
    std::vector<ToxicSpec> out;
    out.reserve(m_toxics.size());
    for (const auto stream : { Stream::Upstream, Stream::Downstream }) {
        std::copy_if(m_toxics.begin(), m_toxics.end(), std::back_inserter(out),
            [stream](const ToxicSpec& toxic) { return toxic.stream == stream; });
    }
    return out;
}

const ToxicSpec* ToxicList::find(const std::string& name) const
{
    const auto found = std::find_if(m_toxics.begin(), m_toxics.end(),
        [&name](const ToxicSpec& toxic) { return toxic.name == name; });
    return found == m_toxics.end() ? nullptr : &*found;
}

Status ToxicList::add(ToxicSpec toxic)
{
    if (find(toxic.name))
        return EngineError { ErrorKind::Conflict, "toxic already exists: " + toxic.name };
    m_toxics.push_back(std::move(toxic));
    return std::nullopt;
}

Status ToxicList::replace(const ToxicSpec& toxic)
{
    for (auto& existing : m_toxics) {
        if (existing.name == toxic.name) {
            existing = toxic;
            return std::nullopt;
        }
    }
    return toxicNotFound(toxic.name);
}

Status ToxicList::remove(const std::string& name)
{
    const auto removed
        = std::erase_if(m_toxics, [&name](const ToxicSpec& toxic) { return toxic.name == name; });
    if (removed == 0)
        return toxicNotFound(name);
    return std::nullopt;
}

} // namespace chaoslab::engine
