#include "linkdirection.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace chaoslab::engine {

namespace {

// Backpressure bound of the output queue: bytes plus segmentCost per segment, so that a
// queue of tiny slicer pieces is bounded as well as one of large blocks.
constexpr std::size_t maxQueuedCost = 1024 * 1024;
constexpr std::size_t segmentCost = 64;
// Write calls per flush before the link yields to the others in the loop.
constexpr int maxWritesPerFlush = 256;
constexpr int maxIovecs = 64;

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

// Copies a small read out of its pooled block, so that data a toxic holds back for a
// while keeps no large block alive.
void compact(Segment& segment)
{
    auto exact = BlockPool::allocateExact(segment.length);
    std::memcpy(exact->data(), segment.bytes(), segment.length);
    segment.block = std::move(exact);
    segment.offset = 0;
}

} // namespace

LinkDirection::LinkDirection(Stream stream, SocketState& source, SocketState& sink)
    : m_stream(stream)
    , m_source(source)
    , m_sink(sink)
{ }

bool LinkDirection::replaceChain(const std::vector<ToxicSpec>& specs, const StageContext& context)
{
    const bool closeRequested = m_chain.rebuild(specs, context);
    // NOTE: Toxiproxy 2.12 releases only the chunk that the changed toxic holds at that
    // moment, while this releases the whole queue (at most the backpressure bound). Bytes
    // still in the splice pipe were read before the change and pass without the new toxic.
    for (auto& segment : m_queue)
        segment.due = std::min(segment.due, context.now);
    return closeRequested;
}

LinkDirection::Outcome LinkDirection::pump(TimePoint now, BlockPool& blocks, std::size_t budget)
{
    m_moreWork = false;
    for (;;) {
        if (const auto outcome = flush(now); outcome != Outcome::Continue)
            return outcome;
        if (m_moreWork || !canRead())
            return Outcome::Continue;
        if (budget == 0) {
            m_moreWork = true;
            return Outcome::Continue;
        }
        if (const auto outcome = readOnce(now, blocks, budget); outcome != Outcome::Continue)
            return outcome;
    }
}

LinkDirection::Outcome LinkDirection::expire(TimePoint now, BlockPool& blocks, std::size_t budget)
{
    m_chain.expire(now, *this);
    return pump(now, blocks, budget);
}

std::optional<TimePoint> LinkDirection::nextWake(TimePoint now) const
{
    auto wake = m_chain.deadline();
    if (!m_queue.empty() && m_queue.front().due > now) {
        const auto due = m_queue.front().due;
        if (!wake || due < *wake)
            wake = due;
    }
    return wake;
}

void LinkDirection::put(Segment&& segment)
{
    m_queuedCost += segment.length + segmentCost;
    m_queue.push_back(std::move(segment));
}

bool LinkDirection::canRead() const
{
    return m_source.readable && !m_source.endOfStream && m_queuedCost < maxQueuedCost && !m_pipeFull
        && (m_pipe.size() == 0 || m_pipe.space() > 0);
}

LinkDirection::Outcome LinkDirection::readOnce(
    TimePoint now, BlockPool& blocks, std::size_t& budget)
{
    if (m_bulk && m_chain.passesThrough() && m_queue.empty() && m_pipe.open())
        return spliceOnce(now, budget);
    const auto wanted = m_chain.maxReadSize();
    auto block = blocks.acquire();
    const auto count = ::recv(m_source.fd, block->data(), wanted, 0);
    if (count < 0) {
        if (wouldBlock(errno)) {
            m_source.readable = false;
            return Outcome::Continue;
        }
        return errno == EINTR ? Outcome::Continue : Outcome::Reset;
    }
    if (count == 0)
        return endOfSource(now);
    const auto length = static_cast<std::size_t>(count);
    m_bulk = m_bulk || length == BlockPool::blockSize;
    m_bytesRead += length;
    budget -= std::min(budget, length);
    // Edge-triggered: new data after this read raises a new event, so a short read means
    // the socket is drained, unless the peer's FIN is still to be read.
    if (length < wanted && !m_source.peerClosed)
        m_source.readable = false;
    Segment segment;
    segment.block = std::move(block);
    segment.length = static_cast<std::uint32_t>(length);
    segment.due = now;
    passOn(std::move(segment), now);
    return Outcome::Continue;
}

LinkDirection::Outcome LinkDirection::spliceOnce(TimePoint now, std::size_t& budget)
{
    const auto count = m_pipe.fill(m_source.fd);
    if (count < 0) {
        // EAGAIN comes from a drained socket, or from a pipe out of page slots before it
        // is out of bytes (the socket's data came in small pieces). Only an empty pipe
        // tells the two apart; otherwise reading waits until the pipe was drained.
        if (wouldBlock(errno) && m_pipe.size() == 0)
            m_source.readable = false;
        else if (wouldBlock(errno))
            m_pipeFull = true;
        else if (errno != EINTR)
            return Outcome::Reset;
        return Outcome::Continue;
    }
    if (count == 0)
        return endOfSource(now);
    const auto length = static_cast<std::size_t>(count);
    m_bytesRead += length;
    budget -= std::min(budget, length);
    return Outcome::Continue;
}

LinkDirection::Outcome LinkDirection::endOfSource(TimePoint now)
{
    m_source.readable = false;
    m_source.endOfStream = true;
    passOn(Segment::control(SegmentKind::End, now), now);
    return Outcome::Continue;
}

void LinkDirection::passOn(Segment&& segment, TimePoint now)
{
    const bool writtenAtOnce = m_chain.passesThrough() && m_queue.empty() && m_sink.writable;
    if (segment.kind == SegmentKind::Data && !writtenAtOnce
        && segment.length < BlockPool::blockSize / 4)
        compact(segment);
    if (m_chain.passesThrough()) {
        put(std::move(segment));
        return;
    }
    m_chain.push(std::move(segment), *this);
    // reset_peer with timeout 0 is due at once.
    if (const auto deadline = m_chain.deadline(); deadline && *deadline <= now)
        m_chain.expire(now, *this);
}

LinkDirection::Outcome LinkDirection::flush(TimePoint now)
{
    if (m_pipe.size() > 0) {
        if (const auto outcome = drainPipe(); outcome != Outcome::Continue || m_pipe.size() > 0)
            return outcome;
    }
    int writes = 0;
    while (!m_queue.empty()) {
        auto& front = m_queue.front();
        if (front.due > now)
            return Outcome::Continue;
        switch (front.kind) {
        case SegmentKind::Close:
            return Outcome::Close;
        case SegmentKind::Reset:
            return Outcome::Reset;
        case SegmentKind::End:
            endSink();
            m_queuedCost -= segmentCost;
            m_queue.pop_front();
            continue;
        case SegmentKind::Data:
            break;
        }
        if (!m_sink.writable)
            return Outcome::Continue;
        if (writes++ == maxWritesPerFlush) {
            m_moreWork = true;
            return Outcome::Continue;
        }
        if (const auto outcome = writeDue(now); outcome != Outcome::Continue)
            return outcome;
    }
    return Outcome::Continue;
}

void LinkDirection::endSink()
{
    m_finished = true;
    m_sink.writeEnded = true;
    // The other direction has ended too when its sink, this direction's source, was shut
    // down. The sink's own end of stream was read as well, so the link closes both sockets
    // in this run, and close() sends the FIN without a shutdown() call.
    if (m_source.writeEnded && m_sink.endOfStream) {
        m_sink.finDeferred = true;
        return;
    }
    // Half-close: the sink reads EOF, while the other direction keeps flowing.
    ::shutdown(m_sink.fd, SHUT_WR);
}

LinkDirection::Outcome LinkDirection::drainPipe()
{
    if (!m_sink.writable)
        return Outcome::Continue;
    const auto count = m_pipe.drain(m_sink.fd);
    if (count < 0) {
        if (wouldBlock(errno)) {
            m_sink.writable = false;
            return Outcome::Continue;
        }
        return errno == EINTR ? Outcome::Continue : Outcome::Reset;
    }
    m_bytesWritten += static_cast<std::size_t>(count);
    m_pipeFull = m_pipeFull && count == 0;
    if (m_pipe.size() > 0)
        m_sink.writable = false;
    return Outcome::Continue;
}

LinkDirection::Outcome LinkDirection::writeDue(TimePoint now)
{
    std::array<iovec, maxIovecs> vectors;
    std::size_t count = 0;
    std::size_t total = 0;
    for (const auto& segment : m_queue) {
        if (segment.kind != SegmentKind::Data || segment.due > now || count == vectors.size())
            break;
        if (segment.separate && count > 0)
            break;
        vectors[count++] = { const_cast<std::byte*>(segment.bytes()), segment.length };
        total += segment.length;
        if (segment.separate)
            break;
    }
    msghdr message {};
    message.msg_iov = vectors.data();
    message.msg_iovlen = count;
    const auto written = ::sendmsg(m_sink.fd, &message, MSG_NOSIGNAL);
    if (written < 0) {
        if (wouldBlock(errno)) {
            m_sink.writable = false;
            return Outcome::Continue;
        }
        return errno == EINTR ? Outcome::Continue : Outcome::Reset;
    }
    if (static_cast<std::size_t>(written) < total)
        m_sink.writable = false;
    consumeWritten(static_cast<std::size_t>(written));
    return Outcome::Continue;
}

void LinkDirection::consumeWritten(std::size_t count)
{
    m_bytesWritten += count;
    while (!m_queue.empty() && m_queue.front().kind == SegmentKind::Data) {
        auto& front = m_queue.front();
        if (front.length > count) {
            front.offset += static_cast<std::uint32_t>(count);
            front.length -= static_cast<std::uint32_t>(count);
            m_queuedCost -= count;
            return;
        }
        count -= front.length;
        m_queuedCost -= front.length + segmentCost;
        m_queue.pop_front();
        if (count == 0 && (m_queue.empty() || m_queue.front().length > 0))
            return;
    }
}

} // namespace chaoslab::engine
