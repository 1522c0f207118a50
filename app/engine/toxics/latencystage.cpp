// latency: each chunk leaves `latency` ms (plus or minus up to `jitter` ms) after it
// reached the toxic. As in Toxiproxy 2.12, the delay is a whole number of milliseconds
// drawn uniformly from [latency - jitter, latency + jitter - 1]. Chunks pipeline, so a
// stream is delayed once, not once per chunk, and a chunk never overtakes the one before.
#include "toxicstages.h"

#include <algorithm>

namespace chaoslab::engine {

namespace {

class LatencyStage final : public ToxicStage
{
public:
    LatencyStage(const ToxicSpec& spec, std::mt19937_64& random)
        : m_latency(durationFromMilliseconds(spec.attribute("latency")))
        , m_jitter(std::clamp<std::int64_t>(spec.attribute("jitter"), 0, 1'000'000'000))
        , m_random(random)
    { }

    void push(Segment&& segment, SegmentSink& out) override
    {
        // End and close events pass at once, after the data before them.
        if (segment.kind == SegmentKind::Data)
            segment.due += delay();
        putInOrder(std::move(segment), out);
    }

private:
    Clock::duration delay()
    {
        if (m_jitter <= 0)
            return m_latency;
        std::uniform_int_distribution<std::int64_t> spread(-m_jitter, m_jitter - 1);
        const Clock::duration offset = std::chrono::milliseconds(spread(m_random));
        return std::max(Clock::duration::zero(), m_latency + offset);
    }

    Clock::duration m_latency;
    std::int64_t m_jitter;
    std::mt19937_64& m_random;
};

} // namespace

std::unique_ptr<ToxicStage> makeLatencyStage(const ToxicSpec& spec, const StageContext& context)
{
    return std::make_unique<LatencyStage>(spec, context.random);
}

} // namespace chaoslab::engine
