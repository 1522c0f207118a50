// Streaming load for tests: an upstream server that sends data without pause on every
// connection it accepts, and client connections (to a proxy in front of it) that read and
// discard. One background thread serves every socket with poll().
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

class StreamingLoad
{
public:
    StreamingLoad()
    {
        m_upstream = openSocket();
        sockaddr_in address = loopback(0);
        bind(m_upstream, reinterpret_cast<sockaddr*>(&address), sizeof address);
        listen(m_upstream, 1024);
        socklen_t length = sizeof address;
        getsockname(m_upstream, reinterpret_cast<sockaddr*>(&address), &length);
        m_upstreamPort = ntohs(address.sin_port);
        fcntl(m_upstream, F_SETFL, O_NONBLOCK);
    }

    ~StreamingLoad()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        for (const int fd : m_senders)
            close(fd);
        for (const int fd : m_readers)
            close(fd);
        close(m_upstream);
    }

    std::uint16_t upstreamPort() const { return m_upstreamPort; }
    std::uint64_t bytesReceived() const { return m_received; }

    // Opens `clients` connections to `proxyPort` and starts moving data.
    void start(std::uint16_t proxyPort, int clients)
    {
        for (int i = 0; i < clients; ++i) {
            const int fd = openSocket();
            sockaddr_in address = loopback(proxyPort);
            if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
                fcntl(fd, F_SETFL, O_NONBLOCK);
            m_readers.push_back(fd);
        }
        m_thread = std::thread([this] { run(); });
    }

private:
    static int openSocket() { return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0); }

    static sockaddr_in loopback(std::uint16_t port)
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return address;
    }

    void run()
    {
        std::vector<char> buffer(256 * 1024, 'x');
        while (!m_stop) {
            std::vector<pollfd> polled { { m_upstream, POLLIN, 0 } };
            for (const int fd : m_senders)
                polled.push_back({ fd, POLLOUT, 0 });
            for (const int fd : m_readers)
                polled.push_back({ fd, POLLIN, 0 });
            if (poll(polled.data(), polled.size(), 50) <= 0)
                continue;
            if (polled[0].revents & POLLIN) {
                const int fd = accept4(m_upstream, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (fd >= 0)
                    m_senders.push_back(fd);
            }
            for (std::size_t i = 1; i < polled.size(); ++i) {
                if (polled[i].events == POLLOUT && (polled[i].revents & POLLOUT))
                    send(polled[i].fd, buffer.data(), 64 * 1024, MSG_NOSIGNAL);
                if (polled[i].events == POLLIN && (polled[i].revents & POLLIN)) {
                    const auto got = recv(polled[i].fd, buffer.data(), buffer.size(), 0);
                    if (got > 0)
                        m_received += static_cast<std::uint64_t>(got);
                }
            }
        }
    }

    int m_upstream = -1;
    std::uint16_t m_upstreamPort = 0;
    std::vector<int> m_senders;
    std::vector<int> m_readers;
    std::atomic<bool> m_stop { false };
    std::atomic<std::uint64_t> m_received { 0 };
    std::thread m_thread;
};
