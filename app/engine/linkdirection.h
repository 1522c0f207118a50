// One direction of a link: reads its source socket, passes each read through the toxic
// chain and writes the output queue to its sink socket when each segment is due.
//
//   source --read--> ToxicChain --> output queue --write when due--> sink
//
// Backpressure: the source is not read while the queue contains more than a bound, so a
// slow sink or a bandwidth toxic pushes back on the sender and memory stays bounded.
#pragma once

#include "splicepipe.h"
#include "toxicchain.h"

#include <deque>

namespace chaoslab::engine {

// The state of one socket of a link, shared by the direction that reads it and the one
// that writes it. Sockets are edge-triggered, so the flags remember readiness.
struct SocketState
{
    int fd = -1;
    bool readable = false;
    bool writable = false;
    // The peer shut down its side (EPOLLRDHUP or EPOLLHUP), so a short read does not mean
    // the socket is drained: the end of stream is still to be read.
    bool peerClosed = false;
    // A read returned end of stream, so no unread data can be left in the socket.
    bool endOfStream = false;
    // The end of stream was passed on to this socket (its write side is shut down).
    bool writeEnded = false;
    // shutdown(SHUT_WR) was left to the close() that follows in the same link run: both
    // streams of the link have ended, and close() sends the same FIN.
    bool finDeferred = false;
};

class LinkDirection final : public SegmentSink
{
public:
    // The action the link must take after the direction ran.
    enum class Outcome { Continue, Close, Reset };

    LinkDirection(Stream stream, SocketState& source, SocketState& sink);

    Stream stream() const { return m_stream; }
    const ToxicChain& chain() const { return m_chain; }

    // Replaces the toxic chain. Data the old chain holds back leaves at once. Returns true
    // when a removed toxic closes the connection.
    bool replaceChain(const std::vector<ToxicSpec>& specs, const StageContext& context);

    // Moves data until the sockets block, the budget (bytes to read) is spent or the
    // next segment is not due yet.
    Outcome pump(TimePoint now, BlockPool& blocks, std::size_t budget);
    // Serves the chain's due deadlines (timeout, reset_peer), then pumps.
    Outcome expire(TimePoint now, BlockPool& blocks, std::size_t budget);

    // When the direction must run again without a socket event, if ever.
    std::optional<TimePoint> nextWake(TimePoint now) const;
    // True when pump() stopped because its budget ran out, not because it blocked.
    bool hasMoreWork() const { return m_moreWork; }
    // True once the end of stream reached the sink (its write side is shut down).
    bool finished() const { return m_finished; }

    std::uint64_t bytesRead() const { return m_bytesRead; }
    std::uint64_t bytesWritten() const { return m_bytesWritten; }

    void put(Segment&& segment) override;

private:
    Outcome readOnce(TimePoint now, BlockPool& blocks, std::size_t& budget);
    Outcome spliceOnce(TimePoint now, std::size_t& budget);
    Outcome endOfSource(TimePoint now);
    Outcome flush(TimePoint now);
    Outcome drainPipe();
    Outcome writeDue(TimePoint now);
    void endSink();
    void consumeWritten(std::size_t count);
    void passOn(Segment&& segment, TimePoint now);
    bool canRead() const;

    Stream m_stream;
    SocketState& m_source;
    SocketState& m_sink;
    ToxicChain m_chain;
    std::deque<Segment> m_queue;
    // Bulk data without toxics moves through the pipe. Its bytes precede the queue's.
    SplicePipe m_pipe;
    // Set once a read filled a whole block: the stream is bulk, so splicing pays off.
    bool m_bulk = false;
    // The last splice into the pipe failed for lack of pipe space.
    bool m_pipeFull = false;
    // Queued bytes plus a fixed charge per segment, compared with the backpressure bound.
    std::size_t m_queuedCost = 0;
    bool m_finished = false;
    bool m_moreWork = false;
    std::uint64_t m_bytesRead = 0;
    std::uint64_t m_bytesWritten = 0;
};

} // namespace chaoslab::engine
