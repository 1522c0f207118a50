// One data-plane thread: an epoll loop over the listening sockets it shares with the
// other reactors and the links it accepted, a timer queue for toxic deadlines, and a
// command queue through which other threads reach it (eventfd wake-up).
//
// Each loop iteration handles ready sockets, then commands, then due timers, then links
// with work left. A link gets a bounded amount of work per run and is queued to run again
// when it has more, so commands such as stopping a proxy wait less than one iteration.
#pragma once

#include "block.h"
#include "segment.h"
#include "servedproxy.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

namespace chaoslab::engine {

class Link;
class Listener;
class UpstreamResolver;

class EventHandler
{
public:
    virtual void handleEvents(std::uint32_t events) = 0;

protected:
    ~EventHandler() = default;
};

class Reactor
{
public:
    using Command = std::function<void()>;

    explicit Reactor(UpstreamResolver& resolver);
    // Closes every link and stops the thread.
    ~Reactor();

    Reactor(const Reactor&) = delete;
    Reactor& operator=(const Reactor&) = delete;

    // Runs `command` on the reactor thread. Thread-safe.
    void post(Command command);

    // The calls below run on the reactor thread only.
    void addProxy(const std::shared_ptr<ServedProxy>& proxy);
    // Stops watching the proxy's listening socket, so that it can be closed.
    void stopAccepting(ProxyId id);
    void closeLinksOf(ProxyId id);
    void applyToxics(ProxyId id);

    void watch(int fd, std::uint32_t events, EventHandler* handler);
    void unwatch(int fd);

    void adopt(std::unique_ptr<Link> link);
    Link* findLink(std::uint64_t serial) const;
    // Destroys the link at the end of the iteration, once no event refers to it.
    void retire(Link& link);
    // Calls the link's handleTimer() at `when`.
    void schedule(const Link& link, TimePoint when);
    // Runs the link again in the next iteration.
    void runAgain(Link& link);
    // Pauses accepting on a listener that ran out of file descriptors.
    void pauseListener(ProxyId id);

    std::uint64_t nextSerial() { return ++m_lastSerial; }
    BlockPool& blocks() { return m_blocks; }
    std::mt19937_64& random() { return m_random; }
    UpstreamResolver& resolver() { return m_resolver; }

private:
    class Wakeup;
    class TimerFd;

    struct Timer
    {
        TimePoint when;
        std::uint64_t serial;
        bool operator>(const Timer& other) const { return when > other.when; }
    };

    void run();
    void handleBatch(int count);
    void runCommands();
    void runTimers();
    void runPendingLinks();
    void resumeListeners(TimePoint now);
    void armTimer();

    UpstreamResolver& m_resolver;
    int m_epollFd = -1;
    std::unique_ptr<Wakeup> m_wakeup;
    std::unique_ptr<TimerFd> m_timerFd;

    std::mutex m_commandMutex;
    std::vector<Command> m_commands;
    std::atomic<bool> m_commandsWaiting { false };
    bool m_quit = false;

    // Declared before the links, so that blocks outlive every segment that refers to them.
    BlockPool m_blocks;
    std::mt19937_64 m_random;
    std::uint64_t m_lastSerial = 0;
    std::unordered_map<std::uint64_t, std::unique_ptr<Link>> m_links;
    std::unordered_map<ProxyId, std::unique_ptr<Listener>> m_listeners;
    std::vector<std::pair<TimePoint, ProxyId>> m_pausedListeners;
    std::vector<std::unique_ptr<Link>> m_retiredLinks;
    std::vector<std::unique_ptr<Listener>> m_retiredListeners;
    std::vector<std::uint64_t> m_pending;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    TimePoint m_armedAt = TimePoint::max();

    std::thread m_thread;
};

} // namespace chaoslab::engine
