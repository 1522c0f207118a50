// bandwidth: passes `rate` KB/s (1 KB = 1000 B). Like Toxiproxy 2.12, a chunk leaves in
// slices of at most 100 ms worth of bytes, each when the rate allows it. Rate 0 passes
// data unlimited (Toxiproxy 2.12 stalls the stream instead, sending empty chunks forever).
#include "toxicstages.h"

#include <algorithm>
#include <limits>

namespace chaoslab::engine {

namespace {

class BandwidthStage final : public ToxicStage
{
public:
    explicit BandwidthStage(const ToxicSpec& spec) : m_rate(spec.attribute("rate"))
    {
        const auto slice = static_cast<__int128>(m_rate) * 100;
        m_sliceBytes = static_cast<std::uint32_t>(
            std::min<__int128>(slice, std::numeric_limits<std::uint32_t>::max()));
    }

    void push(Segment&& segment, SegmentSink& out) override
    {
        if (m_rate <= 0) {
            putInOrder(std::move(segment), out);
            return;
        }
        const auto start = std::max({ segment.due, m_lineFree, m_lastOut });
        if (segment.kind != SegmentKind::Data) {
            segment.due = start;
            putInOrder(std::move(segment), out);
            return;
        }
        std::uint64_t sent = 0;
        while (segment.length > 0) {
            auto slice = segment.takeFront(std::min(m_sliceBytes, segment.length));
            sent += slice.length;
            slice.due = start + transferTime(sent);
            putInOrder(std::move(slice), out);
        }
        m_lineFree = start + transferTime(sent);
    }

private:
    // Time to send `bytes` at the rate: bytes / (rate * 1000) seconds.
    Clock::duration transferTime(std::uint64_t bytes) const
    {
        const auto nanoseconds = static_cast<__int128>(bytes) * 1'000'000 / m_rate;
        return std::chrono::duration_cast<Clock::duration>(
            std::chrono::nanoseconds(static_cast<std::int64_t>(nanoseconds)));
    }

    std::int64_t m_rate;
    std::uint32_t m_sliceBytes = 0;
    // When the bytes accepted so far have all left at the rate.
    TimePoint m_lineFree;
};

} // namespace

std::unique_ptr<ToxicStage> makeBandwidthStage(const ToxicSpec& spec, const StageContext&)
{
    return std::make_unique<BandwidthStage>(spec);
}

} // namespace chaoslab::engine
