// slow_close: data passes at once; the end of the stream (FIN, or a close another toxic
// asked for) is held back by `delay` ms.
#include "toxicstages.h"

namespace chaoslab::engine {

namespace {

class SlowCloseStage final : public ToxicStage
{
public:
    explicit SlowCloseStage(const ToxicSpec& spec)
        : m_delay(durationFromMilliseconds(spec.attribute("delay")))
    { }

    void push(Segment&& segment, SegmentSink& out) override
    {
        if (segment.kind != SegmentKind::Data)
            segment.due = std::max(segment.due, m_lastOut) + m_delay;
        putInOrder(std::move(segment), out);
    }

private:
    Clock::duration m_delay;
};

} // namespace

std::unique_ptr<ToxicStage> makeSlowCloseStage(const ToxicSpec& spec, const StageContext&)
{
    return std::make_unique<SlowCloseStage>(spec);
}

} // namespace chaoslab::engine
