#include "toxicstage.h"

#include "toxics/toxicstages.h"

#include <algorithm>
#include <string_view>

namespace chaoslab::engine {

void ToxicStage::putInOrder(Segment&& segment, SegmentSink& out)
{
    segment.due = std::max(segment.due, m_lastOut);
    m_lastOut = segment.due;
    out.put(std::move(segment));
}

namespace {

constexpr std::int64_t maxMicroseconds = std::int64_t(100) * 24 * 3600 * 1'000'000;

} // namespace

Clock::duration durationFromMilliseconds(std::int64_t milliseconds)
{
    return durationFromMicroseconds(
        std::clamp<std::int64_t>(milliseconds, 0, maxMicroseconds / 1000) * 1000);
}

Clock::duration durationFromMicroseconds(std::int64_t microseconds)
{
    return std::chrono::microseconds(std::clamp<std::int64_t>(microseconds, 0, maxMicroseconds));
}

std::unique_ptr<ToxicStage> makeToxicStage(const ToxicSpec& spec, const StageContext& context)
{
    using Factory = std::unique_ptr<ToxicStage> (*)(const ToxicSpec&, const StageContext&);
    struct Entry
    {
        std::string_view type;
        Factory make;
    };
    static constexpr Entry factories[] = {
        { "latency", makeLatencyStage },
        { "bandwidth", makeBandwidthStage },
        { "slow_close", makeSlowCloseStage },
        { "timeout", makeTimeoutStage },
        { "reset_peer", makeResetPeerStage },
        { "slicer", makeSlicerStage },
        { "limit_data", makeLimitDataStage },
    };
    for (const auto& entry : factories) {
        if (entry.type == spec.type)
            return entry.make(spec, context);
    }
    return nullptr;
}

} // namespace chaoslab::engine
