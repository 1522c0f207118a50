// The toxics of one connection direction, in the order the proxy lists them. Each toxic
// is rolled against its toxicity when the chain is built and again whenever the chain
// changes. A toxic that loses the roll passes data untouched.
#pragma once

#include "toxicstage.h"

#include <vector>

namespace chaoslab::engine {

class ToxicChain
{
public:
    // Replaces the chain with `specs`. Stages of toxics that keep their name take over
    // the state of the stage they replace. Returns true when a removed toxic requires
    // closing the connection (an active timeout toxic).
    bool rebuild(const std::vector<ToxicSpec>& specs, const StageContext& context);

    const std::vector<ToxicSpec>& specs() const { return m_specs; }
    // True when no toxic acts on the data, so reads can go straight to the socket.
    bool passesThrough() const { return m_activeCount == 0; }

    void push(Segment&& segment, SegmentSink& out) { pushFrom(0, std::move(segment), out); }

    // The earliest deadline of a stage, and the call that serves the due ones.
    std::optional<TimePoint> deadline() const;
    void expire(TimePoint now, SegmentSink& out);

    std::size_t maxReadSize() const;

private:
    class NextStage;

    struct Entry
    {
        std::string name;
        // Null when the toxic lost its toxicity roll.
        std::unique_ptr<ToxicStage> stage;
    };

    void pushFrom(std::size_t index, Segment&& segment, SegmentSink& out);

    std::vector<ToxicSpec> m_specs;
    std::vector<Entry> m_entries;
    std::size_t m_activeCount = 0;
};

} // namespace chaoslab::engine
