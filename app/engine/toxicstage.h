// One toxic of one connection direction, as a schedule: a stage takes segments with the
// time they are ready and puts out segments with the time they may leave. Stages never
// sleep and never touch sockets, so a reactor thread runs every stage of every link.
//
//   read --> [stage] --> [stage] --> ... --> output queue --> write when due
//
// A stage that acts on its own (timeout, reset_peer) reports a deadline, and the link
// calls expire() once that time has come.
#pragma once

#include "segment.h"
#include "toxicspec.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <random>

namespace chaoslab::engine {

// The receiver of a stage's output: the next stage or the output queue.
class SegmentSink
{
public:
    virtual void put(Segment&& segment) = 0;

protected:
    ~SegmentSink() = default;
};

struct StageContext
{
    // When the stage starts, which is when its timers start.
    TimePoint now;
    // The reactor's generator; it outlives every stage of the reactor's links.
    std::mt19937_64& random;
};

class ToxicStage
{
public:
    virtual ~ToxicStage() = default;

    virtual void push(Segment&& segment, SegmentSink& out) = 0;

    virtual std::optional<TimePoint> deadline() const { return std::nullopt; }
    virtual void expire(TimePoint /*now*/, SegmentSink& /*out*/) { }

    // The largest read the stage should get at once, so that one read never turns into
    // an unbounded number of segments (slicer).
    virtual std::size_t maxReadSize() const { return BlockPool::blockSize; }

    // True when removing this toxic closes its connection (an active timeout toxic).
    virtual bool closesOnRemoval() const { return false; }

    // Takes over the per-connection state of the stage it replaces when the same toxic
    // is updated (limit_data keeps its byte count).
    virtual void inheritState(const ToxicStage& /*previous*/) { }

protected:
    // Puts a segment out no earlier than the previous one, so segments never reorder.
    void putInOrder(Segment&& segment, SegmentSink& out);

    TimePoint m_lastOut;
};

// Converts a toxic's time attribute to a duration, clamped to [0, 100 days] so that no
// value overflows a time point.
Clock::duration durationFromMilliseconds(std::int64_t milliseconds);
Clock::duration durationFromMicroseconds(std::int64_t microseconds);

// Returns the stage of `spec`'s type, or nullptr for a type the engine does not run.
std::unique_ptr<ToxicStage> makeToxicStage(const ToxicSpec& spec, const StageContext& context);

} // namespace chaoslab::engine
