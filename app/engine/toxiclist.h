// The toxics of one proxy, kept in the order they were added. Toxic names are unique
// across both streams.
#pragma once

#include "engineerror.h"
#include "toxicspec.h"

#include <string>
#include <vector>

namespace chaoslab::engine {

class ToxicList
{
public:
    // Toxiproxy's order: the upstream chain first, then the downstream chain.
    std::vector<ToxicSpec> ordered() const;

    const ToxicSpec* find(const std::string& name) const;
    bool empty() const { return m_toxics.empty(); }

    // Fails with Conflict when a toxic of that name exists.
    Status add(ToxicSpec toxic);
    // Fails with NotFound when there is no toxic of that name.
    Status replace(const ToxicSpec& toxic);
    Status remove(const std::string& name);
    void clear() { m_toxics.clear(); }

private:
    std::vector<ToxicSpec> m_toxics;
};

} // namespace chaoslab::engine
