#include "loopbackpeers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fcntl.h>

namespace loopback {

namespace {

sockaddr_in loopbackAddress(std::uint16_t port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

bool sendAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const auto sent = ::send(fd, data, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= static_cast<std::size_t>(sent);
    }
    return true;
}

// Waits until fd is readable or the deadline passes; returns false on timeout.
bool waitReadable(int fd, Clock::time_point deadline)
{
    const auto left
        = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd entry { fd, POLLIN, 0 };
    return ::poll(&entry, 1, static_cast<int>(std::max<long>(left.count(), 0) + 1)) > 0;
}

} // namespace

int listenOn(std::uint16_t& port, std::uint16_t wantedPort)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    auto address = loopbackAddress(wantedPort);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0
        || ::listen(fd, 1024) < 0) {
        ::close(fd);
        return -1;
    }
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    return fd;
}

std::uint16_t refusedPort()
{
    // Bound but never listening, so the port stays taken and every connect is refused.
    // The socket is leaked on purpose for the life of the test process.
    static int bound = -1;
    static std::uint16_t port = 0;
    if (bound < 0) {
        bound = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        auto address = loopbackAddress(0);
        ::bind(bound, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(bound, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
    }
    return port;
}

Server::Server(Handler handler) : m_handler(std::move(handler)), m_wakeFd(::eventfd(0, EFD_CLOEXEC))
{
    m_listenFd = listenOn(m_port);
    // The loop polls the listening socket, which listenOn() made non-blocking.
    m_acceptor = std::thread([this] { acceptLoop(); });
}

Server::~Server()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(m_wakeFd, &one, sizeof one);
    m_acceptor.join();
    {
        std::lock_guard lock(m_mutex);
        for (const int fd : m_openFds)
            ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& worker : m_workers)
        worker.join();
    ::close(m_listenFd);
    ::close(m_wakeFd);
}

void Server::acceptLoop()
{
    for (;;) {
        std::array<pollfd, 2> entries { { { m_listenFd, POLLIN, 0 }, { m_wakeFd, POLLIN, 0 } } };
        if (::poll(entries.data(), entries.size(), -1) < 0 && errno != EINTR)
            return;
        if (entries[1].revents)
            return;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        std::lock_guard lock(m_mutex);
        m_openFds.push_back(fd);
        m_workers.emplace_back([this, fd] { serve(fd); });
    }
}

void Server::serve(int fd)
{
    m_handler(fd);
    std::lock_guard lock(m_mutex);
    std::erase(m_openFds, fd);
    ::close(fd);
}

std::unique_ptr<Server> Server::echo()
{
    return std::make_unique<Server>([](int fd) {
        std::array<char, 65536> buffer;
        for (;;) {
            const auto count = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (count <= 0 || !sendAll(fd, buffer.data(), static_cast<std::size_t>(count)))
                return;
        }
    });
}

std::unique_ptr<Server> Server::sender(std::size_t bytes)
{
    return std::make_unique<Server>([bytes](int fd) {
        // 251 * 1044 bytes: the pattern repeats seamlessly from one write to the next.
        const auto block = pattern(251 * 1044);
        for (std::size_t left = bytes; left > 0;) {
            const auto size = std::min(left, block.size());
            if (!sendAll(fd, block.data(), size))
                return;
            left -= size;
        }
    });
}

std::unique_ptr<Server> Server::countingSink()
{
    return std::make_unique<Server>([](int fd) {
        std::array<char, 65536> buffer;
        std::uint64_t total = 0;
        for (;;) {
            const auto count = ::recv(fd, buffer.data(), buffer.size(), 0);
            if (count < 0)
                return;
            if (count == 0)
                break;
            total += static_cast<std::uint64_t>(count);
        }
        std::array<char, 8> reply;
        for (int index = 7; index >= 0; --index, total >>= 8)
            reply[static_cast<std::size_t>(index)] = static_cast<char>(total & 0xff);
        sendAll(fd, reply.data(), reply.size());
    });
}

const char* outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Eof:
        return "EOF";
    case Outcome::Reset:
        return "ECONNRESET";
    case Outcome::Open:
        return "still open";
    case Outcome::Error:
        return "error";
    }
    return "?";
}

Client::Client(std::uint16_t port) : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
{
    const int on = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto address = loopbackAddress(port);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

Client::~Client()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool Client::send(const std::string& data)
{
    return sendAll(m_fd, data.data(), data.size());
}

void Client::shutdownWrite()
{
    ::shutdown(m_fd, SHUT_WR);
}

ReadResult Client::readUntilClose(Clock::time_point start, Milliseconds wait)
{
    ReadResult result;
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(wait);
    std::array<char, 65536> buffer;
    while (Clock::now() < deadline) {
        if (!waitReadable(m_fd, deadline))
            continue;
        const auto count = ::recv(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        const auto now = Milliseconds(Clock::now() - start);
        if (count < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (count <= 0) {
            result.outcome = count == 0 ? Outcome::Eof
                : errno == ECONNRESET   ? Outcome::Reset
                                        : Outcome::Error;
            result.end = now;
            return result;
        }
        if (result.firstData.count() < 0)
            result.firstData = now;
        result.lastData = now;
        result.data.append(buffer.data(), static_cast<std::size_t>(count));
        result.readSizes.push_back(static_cast<std::size_t>(count));
    }
    result.end = Milliseconds(Clock::now() - start);
    return result;
}

std::string Client::readExactly(std::size_t count, Milliseconds wait)
{
    std::string data;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(wait);
    std::array<char, 65536> buffer;
    while (data.size() < count && Clock::now() < deadline) {
        if (!waitReadable(m_fd, deadline))
            continue;
        const auto wanted = std::min(buffer.size(), count - data.size());
        const auto received = ::recv(m_fd, buffer.data(), wanted, MSG_DONTWAIT);
        if (received < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (received <= 0)
            break;
        data.append(buffer.data(), static_cast<std::size_t>(received));
    }
    return data;
}

double Client::echoRoundTrip(std::size_t size)
{
    const std::string message(size, 'p');
    const auto start = Clock::now();
    if (!send(message))
        return -1;
    if (readExactly(size, Milliseconds(5000)).size() != size)
        return -1;
    return Milliseconds(Clock::now() - start).count();
}

Flood::Flood(int connections, const std::function<std::uint16_t(std::uint16_t)>& startProxy)
    : m_connections(connections)
{
    m_listenFd = listenOn(m_upstreamPort);
    const auto proxyPort = startProxy(m_upstreamPort);
    m_writer = std::thread([this] { writeLoop(); });
    m_reader = std::thread([this, proxyPort] { readLoop(proxyPort); });
}

Flood::~Flood()
{
    m_stop = true;
    m_writer.join();
    m_reader.join();
    ::close(m_listenFd);
}

void Flood::writeLoop()
{
    std::vector<pollfd> entries { { m_listenFd, POLLIN, 0 } };
    const std::string block(65536, 'f');
    while (!m_stop) {
        if (::poll(entries.data(), entries.size(), 20) <= 0)
            continue;
        if (entries[0].revents & POLLIN) {
            const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0)
                entries.push_back({ fd, POLLOUT, 0 });
        }
        for (std::size_t index = 1; index < entries.size(); ++index) {
            if (entries[index].fd >= 0 && (entries[index].revents & (POLLERR | POLLHUP))) {
                ::close(entries[index].fd);
                entries[index].fd = -1;
            } else if (entries[index].revents & POLLOUT) {
                [[maybe_unused]] auto sent
                    = ::send(entries[index].fd, block.data(), block.size(), MSG_NOSIGNAL);
            }
        }
    }
    for (std::size_t index = 1; index < entries.size(); ++index) {
        if (entries[index].fd >= 0)
            ::close(entries[index].fd);
    }
}

void Flood::readLoop(std::uint16_t proxyPort)
{
    std::vector<pollfd> entries;
    for (int index = 0; index < m_connections; ++index) {
        Client client(proxyPort);
        entries.push_back({ ::dup(client.fd()), POLLIN, 0 });
    }
    std::vector<char> buffer(65536);
    while (!m_stop) {
        if (::poll(entries.data(), entries.size(), 20) <= 0)
            continue;
        for (auto& entry : entries) {
            if (!(entry.revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const auto count = ::recv(entry.fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (count > 0)
                m_received += static_cast<std::uint64_t>(count);
            else if (count == 0 || errno != EAGAIN)
                entry.events = 0;
        }
    }
    for (const auto& entry : entries)
        ::close(entry.fd);
}

std::string pattern(std::size_t size)
{
    std::string data(size, '\0');
    for (std::size_t index = 0; index < size; ++index)
        data[index] = static_cast<char>(index % 251);
    return data;
}

} // namespace loopback
