// The unit that flows through a toxic chain and waits in a direction's output queue: a
// slice of a block, or a control event that ends the stream, each with the time at which
// it may leave.
#pragma once

#include "block.h"

#include <chrono>
#include <cstdint>

namespace chaoslab::engine {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

enum class SegmentKind : std::uint8_t {
    Data,
    // The source sent FIN: shut down the sink's write side once the data before it is out.
    End,
    // A toxic ends the connection: both sockets close with FIN.
    Close,
    // A toxic resets the connection: both sockets close with RST (SO_LINGER 0).
    Reset,
};

struct Segment
{
    SegmentKind kind = SegmentKind::Data;
    // A separate segment is written with its own write call (slicer pieces), never
    // merged with its neighbours.
    bool separate = false;
    // The earliest time the segment may leave: the read time at the chain's input, the
    // release time at its output.
    TimePoint due;
    BlockRef block;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;

    const std::byte* bytes() const { return block->data() + offset; }

    static Segment control(SegmentKind kind, TimePoint due)
    {
        Segment segment;
        segment.kind = kind;
        segment.due = due;
        return segment;
    }

    // Returns the first `count` bytes as a new segment and removes them from this one.
    Segment takeFront(std::uint32_t count)
    {
        Segment front = *this;
        front.length = count;
        offset += count;
        length -= count;
        return front;
    }
};

} // namespace chaoslab::engine
