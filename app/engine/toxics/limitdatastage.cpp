// limit_data: passes `bytes` bytes per connection and direction, then closes the
// connection. Limit 0 closes it when the first chunk arrives.
#include "toxicstages.h"

#include <algorithm>

namespace chaoslab::engine {

namespace {

class LimitDataStage final : public ToxicStage
{
public:
    explicit LimitDataStage(const ToxicSpec& spec)
        : m_limit(std::max<std::int64_t>(spec.attribute("bytes"), 0))
    { }

    void push(Segment&& segment, SegmentSink& out) override
    {
        if (m_closed)
            return;
        if (segment.kind != SegmentKind::Data) {
            putInOrder(std::move(segment), out);
            return;
        }
        const auto due = segment.due;
        const auto remaining = static_cast<std::uint64_t>(m_limit) - m_sent;
        segment.length
            = static_cast<std::uint32_t>(std::min<std::uint64_t>(segment.length, remaining));
        m_sent += segment.length;
        if (segment.length > 0)
            putInOrder(std::move(segment), out);
        if (m_sent >= static_cast<std::uint64_t>(m_limit)) {
            m_closed = true;
            putInOrder(Segment::control(SegmentKind::Close, due), out);
        }
    }

    void inheritState(const ToxicStage& previous) override
    {
        if (const auto* limit = dynamic_cast<const LimitDataStage*>(&previous))
            m_sent = limit->m_sent;
    }

private:
    std::int64_t m_limit;
    std::uint64_t m_sent = 0;
    bool m_closed = false;
};

} // namespace

std::unique_ptr<ToxicStage> makeLimitDataStage(const ToxicSpec& spec, const StageContext&)
{
    return std::make_unique<LimitDataStage>(spec);
}

} // namespace chaoslab::engine
