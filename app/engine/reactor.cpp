#include "reactor.h"

#include "enginelog.h"
#include "link.h"
#include "listener.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

namespace chaoslab::engine {

namespace {

// Events handled between two looks at the command queue, and the batch size of one
// epoll_wait call.
constexpr int eventsPerCommandCheck = 32;
constexpr int maxEventsPerWait = 256;
constexpr std::size_t linksPerCommandCheck = 8;
constexpr auto listenerPause = std::chrono::milliseconds(100);

std::system_error systemError(const char* what)
{
    return std::system_error(errno, std::generic_category(), what);
}

} // namespace

// The eventfd that wakes the loop when another thread posts a command.
class Reactor::Wakeup final : public EventHandler
{
public:
    Wakeup() : m_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    {
        if (m_fd < 0)
            throw systemError("eventfd");
    }
    ~Wakeup() { ::close(m_fd); }

    int fd() const { return m_fd; }
    void signal()
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(m_fd, &one, sizeof one);
    }
    void handleEvents(std::uint32_t) override
    {
        std::uint64_t count = 0;
        [[maybe_unused]] auto read = ::read(m_fd, &count, sizeof count);
    }

private:
    int m_fd;
};

// The timerfd armed at the earliest timer deadline, with nanosecond resolution.
class Reactor::TimerFd final : public EventHandler
{
public:
    TimerFd() : m_fd(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
    {
        if (m_fd < 0)
            throw systemError("timerfd_create");
    }
    ~TimerFd() { ::close(m_fd); }

    int fd() const { return m_fd; }
    // steady_clock is CLOCK_MONOTONIC on Linux, so its time points are absolute timerfd
    // times. TimePoint::max() disarms the timer.
    void arm(TimePoint when)
    {
        itimerspec spec {};
        if (when != TimePoint::max()) {
            const auto ns
                = std::chrono::duration_cast<std::chrono::nanoseconds>(when.time_since_epoch())
                      .count();
            spec.it_value.tv_sec = std::max<std::int64_t>(ns / 1'000'000'000, 0);
            spec.it_value.tv_nsec = ns % 1'000'000'000;
            if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
                spec.it_value.tv_nsec = 1;
        }
        ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr);
    }
    void handleEvents(std::uint32_t) override
    {
        std::uint64_t expirations = 0;
        [[maybe_unused]] auto read = ::read(m_fd, &expirations, sizeof expirations);
    }

private:
    int m_fd;
};

Reactor::Reactor(UpstreamResolver& resolver)
    : m_resolver(resolver)
    , m_epollFd(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeup(std::make_unique<Wakeup>())
    , m_timerFd(std::make_unique<TimerFd>())
    , m_random(std::random_device {}())
{
    if (m_epollFd < 0)
        throw systemError("epoll_create1");
    watch(m_wakeup->fd(), EPOLLIN, m_wakeup.get());
    watch(m_timerFd->fd(), EPOLLIN, m_timerFd.get());
    m_thread = std::thread([this] { run(); });
}

Reactor::~Reactor()
{
    post([this] {
        std::vector<Link*> links;
        for (auto& [serial, link] : m_links)
            links.push_back(link.get());
        for (auto* link : links)
            link->close("engine stopped");
        m_quit = true;
    });
    m_thread.join();
    m_retiredLinks.clear();
    m_links.clear();
    ::close(m_epollFd);
}

void Reactor::post(Command command)
{
    {
        std::lock_guard lock(m_commandMutex);
        m_commands.push_back(std::move(command));
    }
    m_commandsWaiting.store(true, std::memory_order_release);
    m_wakeup->signal();
}

void Reactor::run()
{
    // splice() to a socket whose peer has gone raises SIGPIPE, and unlike send() it has
    // no MSG_NOSIGNAL. Blocked in this thread, the signal stays pending and harmless.
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);

    std::array<epoll_event, maxEventsPerWait> events;
    while (!m_quit) {
        const int timeout = m_pending.empty() ? -1 : 0;
        const int count = ::epoll_wait(m_epollFd, events.data(), maxEventsPerWait, timeout);
        if (count < 0 && errno != EINTR) {
            qCCritical(lcEngine) << "epoll_wait failed:" << std::strerror(errno);
            break;
        }
        for (int index = 0; index < count; ++index) {
            static_cast<EventHandler*>(events[index].data.ptr)->handleEvents(events[index].events);
            if ((index + 1) % eventsPerCommandCheck == 0)
                runCommands();
        }
        runCommands();
        runTimers();
        runPendingLinks();
        m_retiredLinks.clear();
        m_retiredListeners.clear();
    }
}

void Reactor::runCommands()
{
    if (!m_commandsWaiting.exchange(false, std::memory_order_acquire))
        return;
    std::vector<Command> commands;
    {
        std::lock_guard lock(m_commandMutex);
        commands.swap(m_commands);
    }
    for (auto& command : commands)
        command();
}

void Reactor::runTimers()
{
    const auto now = Clock::now();
    while (!m_timers.empty() && m_timers.top().when <= now) {
        const auto timer = m_timers.top();
        m_timers.pop();
        auto* link = findLink(timer.serial);
        // A link that moved its timer left a stale entry behind; skip those.
        if (link && link->timerAt() == timer.when)
            link->handleTimer(now);
    }
    resumeListeners(now);
    armTimer();
}

void Reactor::runPendingLinks()
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (std::size_t index = 0; index < pending.size(); ++index) {
        if (auto* link = findLink(pending[index]))
            link->runPending();
        if ((index + 1) % linksPerCommandCheck == 0)
            runCommands();
    }
}

void Reactor::armTimer()
{
    auto earliest = m_timers.empty() ? TimePoint::max() : m_timers.top().when;
    for (const auto& [when, id] : m_pausedListeners)
        earliest = std::min(earliest, when);
    if (earliest == m_armedAt)
        return;
    m_armedAt = earliest;
    m_timerFd->arm(earliest);
}

void Reactor::addProxy(const std::shared_ptr<ServedProxy>& proxy)
{
    auto listener = std::make_unique<Listener>(*this, proxy);
    // EPOLLEXCLUSIVE wakes one waiting reactor per new connection, not all of them.
    watch(proxy->listenFd, EPOLLIN | EPOLLEXCLUSIVE, listener.get());
    m_listeners[proxy->id] = std::move(listener);
}

void Reactor::stopAccepting(ProxyId id)
{
    const auto found = m_listeners.find(id);
    if (found != m_listeners.end()) {
        unwatch(found->second->fd());
        m_retiredListeners.push_back(std::move(found->second));
        m_listeners.erase(found);
    }
    std::erase_if(m_pausedListeners, [id](const auto& paused) { return paused.second == id; });
}

void Reactor::applyToxics(ProxyId id)
{
    std::vector<Link*> links;
    for (auto& [serial, link] : m_links) {
        if (link->proxyId() == id)
            links.push_back(link.get());
    }
    for (auto* link : links)
        link->applyToxics();
}

void Reactor::closeLinksOf(ProxyId id)
{
    std::vector<Link*> links;
    for (auto& [serial, link] : m_links) {
        if (link->proxyId() == id)
            links.push_back(link.get());
    }
    for (auto* link : links)
        link->close("proxy stopped");
}

void Reactor::pauseListener(ProxyId id)
{
    const auto found = m_listeners.find(id);
    if (found == m_listeners.end())
        return;
    unwatch(found->second->fd());
    m_pausedListeners.emplace_back(Clock::now() + listenerPause, id);
    armTimer();
}

void Reactor::resumeListeners(TimePoint now)
{
    std::erase_if(m_pausedListeners, [this, now](const auto& paused) {
        if (paused.first > now)
            return false;
        const auto found = m_listeners.find(paused.second);
        if (found != m_listeners.end())
            watch(found->second->fd(), EPOLLIN | EPOLLEXCLUSIVE, found->second.get());
        return true;
    });
}

void Reactor::watch(int fd, std::uint32_t events, EventHandler* handler)
{
    epoll_event event {};
    event.events = events;
    event.data.ptr = handler;
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) < 0)
        qCWarning(lcEngine) << "epoll_ctl ADD failed for fd" << fd << ":" << std::strerror(errno);
}

void Reactor::unwatch(int fd)
{
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
}

void Reactor::adopt(std::unique_ptr<Link> link)
{
    const auto serial = link->serial();
    m_links.emplace(serial, std::move(link));
}

Link* Reactor::findLink(std::uint64_t serial) const
{
    const auto found = m_links.find(serial);
    return found == m_links.end() ? nullptr : found->second.get();
}

void Reactor::retire(Link& link)
{
    const auto found = m_links.find(link.serial());
    if (found == m_links.end())
        return;
    m_retiredLinks.push_back(std::move(found->second));
    m_links.erase(found);
}

void Reactor::schedule(const Link& link, TimePoint when)
{
    m_timers.push({ when, link.serial() });
    if (when < m_armedAt)
        armTimer();
}

void Reactor::runAgain(Link& link)
{
    m_pending.push_back(link.serial());
}

} // namespace chaoslab::engine
