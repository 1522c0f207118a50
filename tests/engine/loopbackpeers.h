// Loopback sockets and small upstream servers for the data-plane tests: an echo server,
// a sender and a counting sink, each on 127.0.0.1 with a port the kernel picks, a
// blocking client with deadlines, and a two-thread load generator.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace loopback {

using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::duration<double, std::milli>;

// Returns a bound, listening, non-blocking socket on 127.0.0.1 and stores its port.
int listenOn(std::uint16_t& port, std::uint16_t wantedPort = 0);

// Returns a port on 127.0.0.1 that nothing listens on, so connecting is refused.
std::uint16_t refusedPort();

// A server on 127.0.0.1 that runs `handler` on a thread of its own for each connection.
class Server
{
public:
    using Handler = std::function<void(int fd)>;

    explicit Server(Handler handler);
    ~Server();

    std::uint16_t port() const { return m_port; }

    // Echoes everything back until the peer shuts down its side, then closes.
    static std::unique_ptr<Server> echo();
    // Sends `bytes` bytes (byte i is i % 251) as soon as a client connects, then closes.
    static std::unique_ptr<Server> sender(std::size_t bytes);
    // Reads until EOF, then sends the byte count as 8 bytes big-endian and closes.
    static std::unique_ptr<Server> countingSink();

private:
    void acceptLoop();

    void serve(int fd);

    Handler m_handler;
    int m_listenFd = -1;
    int m_wakeFd = -1;
    std::uint16_t m_port = 0;
    std::mutex m_mutex;
    std::vector<int> m_openFds;
    std::vector<std::thread> m_workers;
    std::thread m_acceptor;
};

enum class Outcome { Eof, Reset, Open, Error };

const char* outcomeName(Outcome outcome);

struct ReadResult
{
    std::string data;
    Outcome outcome = Outcome::Open;
    // Times after the start given to readUntilClose().
    Milliseconds firstData { -1 };
    Milliseconds lastData { -1 };
    Milliseconds end { -1 };
    std::vector<std::size_t> readSizes;
};

// A blocking client socket connected to 127.0.0.1:port with TCP_NODELAY.
class Client
{
public:
    explicit Client(std::uint16_t port);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    bool connected() const { return m_fd >= 0; }
    int fd() const { return m_fd; }

    bool send(const std::string& data);
    void shutdownWrite();
    // Reads until EOF, reset or `wait` after `start`.
    ReadResult readUntilClose(Clock::time_point start, Milliseconds wait);
    // Reads exactly `count` bytes, or fewer when the peer closes or `wait` passes.
    std::string readExactly(std::size_t count, Milliseconds wait);
    // Sends `size` bytes and returns the milliseconds until all came back.
    double echoRoundTrip(std::size_t size = 16);

private:
    int m_fd = -1;
};

// Streams data through `connections` connections to a proxy with two threads only, so
// that the load does not starve the threads under test: one accepts and writes on the
// upstream side, one connects and reads on the client side. Stops in the destructor.
class Flood
{
public:
    Flood(int connections,
        const std::function<std::uint16_t(std::uint16_t upstreamPort)>& startProxy);
    ~Flood();

    std::uint64_t bytesReceived() const { return m_received; }

private:
    void writeLoop();
    void readLoop(std::uint16_t proxyPort);

    int m_connections;
    int m_listenFd = -1;
    std::uint16_t m_upstreamPort = 0;
    std::atomic<bool> m_stop { false };
    std::atomic<std::uint64_t> m_received { 0 };
    std::thread m_writer;
    std::thread m_reader;
};

// Returns `size` bytes of a pattern that makes lost, duplicated or reordered bytes show.
std::string pattern(std::size_t size);

} // namespace loopback
