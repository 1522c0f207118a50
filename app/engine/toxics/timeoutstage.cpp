// timeout: drops all data and closes the connection `timeout` ms after the toxic started
// or after the last data reached it, whichever is later. Timeout 0 keeps the connection
// open without data for as long as the toxic stays, and removing the toxic closes it.
#include "toxicstages.h"

namespace chaoslab::engine {

namespace {

class TimeoutStage final : public ToxicStage
{
public:
    TimeoutStage(const ToxicSpec& spec, TimePoint now)
        : m_timeout(durationFromMilliseconds(spec.attribute("timeout")))
    {
        if (m_timeout > Clock::duration::zero())
            m_deadline = now + m_timeout;
    }

    void push(Segment&& segment, SegmentSink& out) override
    {
        if (m_done)
            return;
        if (segment.kind == SegmentKind::Data) {
            if (m_deadline)
                m_deadline = segment.due + m_timeout;
            return;
        }
        m_done = true;
        putInOrder(std::move(segment), out);
    }

    std::optional<TimePoint> deadline() const override
    {
        return m_done ? std::nullopt : m_deadline;
    }

    void expire(TimePoint now, SegmentSink& out) override
    {
        m_done = true;
        putInOrder(Segment::control(SegmentKind::Close, now), out);
    }

    bool closesOnRemoval() const override { return !m_done; }

private:
    Clock::duration m_timeout;
    std::optional<TimePoint> m_deadline;
    bool m_done = false;
};

} // namespace

std::unique_ptr<ToxicStage> makeTimeoutStage(const ToxicSpec& spec, const StageContext& context)
{
    return std::make_unique<TimeoutStage>(spec, context.now);
}

} // namespace chaoslab::engine
