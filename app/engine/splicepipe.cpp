#include "splicepipe.h"

#include <fcntl.h>
#include <unistd.h>

namespace chaoslab::engine {

namespace {

// Larger than the 64 KiB default, so that one splice call moves as much as one read
// of a pooled block would.
constexpr int wantedCapacity = 256 * 1024;
constexpr unsigned spliceFlags = SPLICE_F_MOVE | SPLICE_F_NONBLOCK;

} // namespace

SplicePipe::~SplicePipe()
{
    if (m_readEnd >= 0) {
        ::close(m_readEnd);
        ::close(m_writeEnd);
    }
}

bool SplicePipe::open()
{
    if (m_readEnd >= 0)
        return true;
    if (m_failed)
        return false;
    int ends[2];
    if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) < 0) {
        m_failed = true;
        return false;
    }
    m_readEnd = ends[0];
    m_writeEnd = ends[1];
    // F_SETPIPE_SZ may fail above /proc/sys/fs/pipe-max-size; the default size works too.
    ::fcntl(m_writeEnd, F_SETPIPE_SZ, wantedCapacity);
    m_capacity = static_cast<std::size_t>(::fcntl(m_writeEnd, F_GETPIPE_SZ));
    return true;
}

ssize_t SplicePipe::fill(int socket)
{
    const auto moved = ::splice(socket, nullptr, m_writeEnd, nullptr, space(), spliceFlags);
    if (moved > 0)
        m_size += static_cast<std::size_t>(moved);
    return moved;
}

ssize_t SplicePipe::drain(int socket)
{
    const auto moved = ::splice(m_readEnd, nullptr, socket, nullptr, m_size, spliceFlags);
    if (moved > 0)
        m_size -= static_cast<std::size_t>(moved);
    return moved;
}

} // namespace chaoslab::engine
