// reset_peer: the first chunk (or end of stream) that reaches the toxic starts a timer of
// `timeout` ms, after which the connection is reset (RST). The toxic drops what reaches
// it, and an idle connection is never reset.
#include "toxicstages.h"

namespace chaoslab::engine {

namespace {

class ResetPeerStage final : public ToxicStage
{
public:
    explicit ResetPeerStage(const ToxicSpec& spec)
        : m_timeout(durationFromMilliseconds(spec.attribute("timeout")))
    { }

    void push(Segment&& segment, SegmentSink&) override
    {
        if (!m_deadline && !m_fired)
            m_deadline = std::max(segment.due, m_lastOut) + m_timeout;
    }

    std::optional<TimePoint> deadline() const override { return m_deadline; }

    void expire(TimePoint now, SegmentSink& out) override
    {
        m_deadline.reset();
        m_fired = true;
        putInOrder(Segment::control(SegmentKind::Reset, now), out);
    }

private:
    Clock::duration m_timeout;
    std::optional<TimePoint> m_deadline;
    bool m_fired = false;
};

} // namespace

std::unique_ptr<ToxicStage> makeResetPeerStage(const ToxicSpec& spec, const StageContext&)
{
    return std::make_unique<ResetPeerStage>(spec);
}

} // namespace chaoslab::engine
