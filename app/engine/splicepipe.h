// A kernel pipe that moves bulk data from one socket to another with splice(2), so the
// bytes never pass through user space. Only directions without active toxics use it,
// because toxics need the bytes in memory.
#pragma once

#include <cstddef>
#include <sys/types.h>

namespace chaoslab::engine {

class SplicePipe
{
public:
    SplicePipe() = default;
    ~SplicePipe();
    SplicePipe(const SplicePipe&) = delete;
    SplicePipe& operator=(const SplicePipe&) = delete;

    // Creates the pipe on first use. Returns false when the pipe cannot be created (out of
    // file descriptors), and the caller copies instead.
    bool open();

    std::size_t size() const { return m_size; }
    std::size_t space() const { return m_capacity - m_size; }

    // Moves up to space() bytes from the socket into the pipe. Returns the byte count,
    // 0 at end of stream, or -1 with errno set.
    ssize_t fill(int socket);
    // Moves the pipe's bytes to the socket. Returns the byte count, or -1 with errno set.
    ssize_t drain(int socket);

private:
    int m_readEnd = -1;
    int m_writeEnd = -1;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    bool m_failed = false;
};

} // namespace chaoslab::engine
