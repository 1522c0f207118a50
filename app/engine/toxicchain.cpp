#include "toxicchain.h"

#include <algorithm>

namespace chaoslab::engine {

namespace {

bool rollToxicity(double toxicity, std::mt19937_64& random)
{
    if (toxicity >= 1.0)
        return true;
    return std::uniform_real_distribution<double>(0.0, 1.0)(random) < toxicity;
}

} // namespace

// Feeds a stage's output into the next stage of the chain.
class ToxicChain::NextStage final : public SegmentSink
{
public:
    NextStage(ToxicChain& chain, std::size_t index, SegmentSink& out)
        : m_chain(chain)
        , m_index(index)
        , m_out(out)
    { }

    void put(Segment&& segment) override { m_chain.pushFrom(m_index, std::move(segment), m_out); }

private:
    ToxicChain& m_chain;
    std::size_t m_index;
    SegmentSink& m_out;
};

bool ToxicChain::rebuild(const std::vector<ToxicSpec>& specs, const StageContext& context)
{
    std::vector<Entry> entries;
    entries.reserve(specs.size());
    m_activeCount = 0;
    for (const auto& spec : specs) {
        Entry entry { spec.name, nullptr };
        if (rollToxicity(spec.toxicity, context.random))
            entry.stage = makeToxicStage(spec, context);
        const auto previous = std::find_if(m_entries.begin(), m_entries.end(),
            [&spec](const Entry& old) { return old.name == spec.name; });
        if (entry.stage && previous != m_entries.end() && previous->stage)
            entry.stage->inheritState(*previous->stage);
        if (previous != m_entries.end())
            previous->name.clear();
        m_activeCount += entry.stage ? 1 : 0;
        entries.push_back(std::move(entry));
    }
    bool closeRequested = false;
    for (const auto& old : m_entries) {
        // Entries whose name was taken over above have an empty name now.
        if (!old.name.empty() && old.stage && old.stage->closesOnRemoval())
            closeRequested = true;
    }
    m_entries = std::move(entries);
    m_specs = specs;
    return closeRequested;
}

std::optional<TimePoint> ToxicChain::deadline() const
{
    std::optional<TimePoint> earliest;
    for (const auto& entry : m_entries) {
        if (!entry.stage)
            continue;
        const auto deadline = entry.stage->deadline();
        if (deadline && (!earliest || *deadline < *earliest))
            earliest = deadline;
    }
    return earliest;
}

void ToxicChain::expire(TimePoint now, SegmentSink& out)
{
    for (std::size_t index = 0; index < m_entries.size(); ++index) {
        auto* stage = m_entries[index].stage.get();
        if (!stage)
            continue;
        const auto deadline = stage->deadline();
        if (!deadline || *deadline > now)
            continue;
        NextStage next(*this, index + 1, out);
        stage->expire(now, next);
    }
}

std::size_t ToxicChain::maxReadSize() const
{
    std::size_t size = BlockPool::blockSize;
    for (const auto& entry : m_entries) {
        if (entry.stage)
            size = std::min(size, entry.stage->maxReadSize());
    }
    return size;
}

void ToxicChain::pushFrom(std::size_t index, Segment&& segment, SegmentSink& out)
{
    while (index < m_entries.size() && !m_entries[index].stage)
        ++index;
    if (index == m_entries.size()) {
        out.put(std::move(segment));
        return;
    }
    NextStage next(*this, index + 1, out);
    m_entries[index].stage->push(std::move(segment), next);
}

} // namespace chaoslab::engine
