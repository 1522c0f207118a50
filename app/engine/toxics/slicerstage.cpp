// slicer: splits each chunk into pieces of about `average_size` bytes (plus or minus
// `size_variation`) and writes each piece on its own, `delay` microseconds apart. Like
// Toxiproxy 2.12, a chunk is halved (at a random offset of up to the variation) until
// every piece is at most average_size + size_variation bytes. average_size 0 passes
// chunks unsliced; a variation of average_size or more is treated as average_size - 1.
#include "toxicstages.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace chaoslab::engine {

namespace {

class SlicerStage final : public ToxicStage
{
public:
    SlicerStage(const ToxicSpec& spec, std::mt19937_64& random)
        : m_average(std::clamp<std::int64_t>(spec.attribute("average_size"), 0, 1 << 30))
        , m_variation(std::clamp<std::int64_t>(
              spec.attribute("size_variation"), 0, std::max<std::int64_t>(m_average - 1, 0)))
        , m_delay(durationFromMicroseconds(spec.attribute("delay")))
        , m_random(random)
    { }

    void push(Segment&& segment, SegmentSink& out) override
    {
        if (segment.kind == SegmentKind::Data && m_average > 0) {
            slice(std::move(segment), out);
            return;
        }
        segment.due = std::max(segment.due, m_nextPiece);
        putInOrder(std::move(segment), out);
    }

    // Up to 64 pieces of average size per read, so one read never makes more than a few
    // thousand segments.
    std::size_t maxReadSize() const override
    {
        if (m_average <= 0)
            return BlockPool::blockSize;
        return std::clamp<std::size_t>(
            static_cast<std::size_t>(m_average) * 64, 4096, BlockPool::blockSize);
    }

private:
    void slice(Segment&& segment, SegmentSink& out)
    {
        m_ranges.assign(1, { 0, segment.length });
        while (!m_ranges.empty()) {
            const auto [begin, end] = m_ranges.back();
            m_ranges.pop_back();
            if (static_cast<std::int64_t>(end - begin) - m_average <= m_variation) {
                putPiece(segment, begin, end, out);
                continue;
            }
            const auto middle = splitPoint(begin, end);
            m_ranges.push_back({ middle, end });
            m_ranges.push_back({ begin, middle });
        }
    }

    std::uint32_t splitPoint(std::uint32_t begin, std::uint32_t end)
    {
        std::int64_t middle = begin + (end - begin) / 2;
        if (m_variation > 0) {
            std::uniform_int_distribution<std::int64_t> offset(-m_variation, m_variation - 1);
            middle += offset(m_random);
        }
        return static_cast<std::uint32_t>(std::clamp<std::int64_t>(middle, begin + 1, end - 1));
    }

    void putPiece(const Segment& segment, std::uint32_t begin, std::uint32_t end, SegmentSink& out)
    {
        Segment piece = segment;
        piece.offset = segment.offset + begin;
        piece.length = end - begin;
        piece.separate = true;
        piece.due = std::max(segment.due, m_nextPiece);
        m_nextPiece = piece.due + m_delay;
        putInOrder(std::move(piece), out);
    }

    std::int64_t m_average;
    std::int64_t m_variation;
    Clock::duration m_delay;
    std::mt19937_64& m_random;
    // The next piece leaves no earlier than this: the previous piece plus the delay.
    TimePoint m_nextPiece;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_ranges;
};

} // namespace

std::unique_ptr<ToxicStage> makeSlicerStage(const ToxicSpec& spec, const StageContext& context)
{
    return std::make_unique<SlicerStage>(spec, context.random);
}

} // namespace chaoslab::engine
