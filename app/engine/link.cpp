#include "link.h"

#include "enginelog.h"
#include "upstreamresolver.h"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chaoslab::engine {

namespace {

// Bytes a direction reads per run before the link yields to the other links.
constexpr std::size_t budgetPerRun = 256 * 1024;
// Resolving plus connecting to the upstream may take this long before the client
// connection is closed.
constexpr auto connectTimeout = std::chrono::seconds(10);
constexpr std::uint32_t socketEvents = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;

bool sameToxics(const std::vector<ToxicSpec>& left, const std::vector<ToxicSpec>& right)
{
    const auto sameToxic = [](const ToxicSpec& a, const ToxicSpec& b) {
        if (a.name != b.name || a.type != b.type || a.toxicity != b.toxicity
            || a.attributes.size() != b.attributes.size())
            return false;
        for (std::size_t index = 0; index < a.attributes.size(); ++index) {
            if (a.attributes[index].name != b.attributes[index].name
                || a.attributes[index].value != b.attributes[index].value)
                return false;
        }
        return true;
    };
    return std::equal(left.begin(), left.end(), right.begin(), right.end(), sameToxic);
}

} // namespace

// Routes the epoll events of one of the link's sockets to the link.
class Link::Endpoint final : public EventHandler
{
public:
    Endpoint(Link& link, SocketState& socket) : m_link(link), m_socket(socket) { }

    void handleEvents(std::uint32_t events) override { m_link.handleEvents(m_socket, events); }

private:
    Link& m_link;
    SocketState& m_socket;
};

Link::Link(Reactor& reactor, std::shared_ptr<ServedProxy> proxy, int clientFd)
    : m_reactor(reactor)
    , m_proxy(std::move(proxy))
    , m_serial(reactor.nextSerial())
    , m_clientEndpoint(std::make_unique<Endpoint>(*this, m_client))
    , m_upstreamEndpoint(std::make_unique<Endpoint>(*this, m_upstream))
    , m_toUpstream(Stream::Upstream, m_client, m_upstream)
    , m_toClient(Stream::Downstream, m_upstream, m_client)
{
    m_client.fd = clientFd;
    m_proxy->connections.fetch_add(1, std::memory_order_relaxed);
    m_reactor.watch(clientFd, socketEvents, m_clientEndpoint.get());
}

Link::~Link()
{
    // Only a reactor that shuts down destroys links that are still open.
    if (m_state == State::Closed)
        return;
    closeSockets(false);
    m_proxy->connections.fetch_sub(1, std::memory_order_relaxed);
}

void Link::start()
{
    const auto target = m_proxy->connectTarget();
    const auto hostPort = parseHostPort(target);
    if (!hostPort) {
        failConnect("invalid upstream address \"" + target + "\": expected host:port");
        return;
    }
    if (const auto address = numericAddress(*hostPort)) {
        connectTo(*address);
        return;
    }
    if (const auto address = m_reactor.resolver().cached(*hostPort)) {
        connectTo(*address);
        return;
    }
    setTimer(Clock::now() + connectTimeout);
    auto& reactor = m_reactor;
    const auto serial = m_serial;
    m_reactor.resolver().resolve(*hostPort, [&reactor, serial](UpstreamResolver::Result result) {
        reactor.post([&reactor, serial, result = std::move(result)] {
            auto* link = reactor.findLink(serial);
            if (link && result.address)
                link->connectTo(*result.address);
            else if (link)
                link->failConnect(result.error);
        });
    });
}

void Link::connectTo(const SocketAddress& address)
{
    if (m_state != State::Resolving)
        return;
    m_upstreamAddress = address;
    const int fd = connectNonBlocking(address);
    if (fd < 0) {
        failConnect(std::strerror(errno));
        return;
    }
    m_upstream.fd = fd;
    m_state = State::Connecting;
    m_reactor.watch(fd, socketEvents, m_upstreamEndpoint.get());
    // A loopback connect usually completes within the connect() call; checking now saves
    // a loop iteration per connection.
    pollfd check { fd, POLLOUT, 0 };
    if (::poll(&check, 1, 0) == 1)
        connectionReady(check.revents & (POLLERR | POLLHUP));
    else if (!m_timerAt)
        setTimer(Clock::now() + connectTimeout);
}

void Link::failConnect(const std::string& reason)
{
    if (m_state == State::Closed)
        return;
    int suppressed = 0;
    if (m_proxy->takeWarningSlot(suppressed)) {
        qCWarning(lcEngine).nospace()
            << "proxy " << m_proxy->name.c_str() << ": connecting to upstream "
            << m_proxy->connectTarget().c_str() << " failed: " << reason.c_str()
            << "; the client connection was closed. Check that the upstream server runs ("
            << suppressed << " similar warnings suppressed)";
    }
    close("upstream connect failed");
}

void Link::handleEvents(SocketState& socket, std::uint32_t events)
{
    if (m_state == State::Closed)
        return;
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        socket.readable = true;
    if (events & (EPOLLRDHUP | EPOLLHUP))
        socket.peerClosed = true;
    if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        socket.writable = true;
    if (m_state == State::Connecting && &socket == &m_upstream && socket.writable)
        connectionReady(events & (EPOLLERR | EPOLLHUP));
    else if (m_state == State::Streaming)
        pump(Clock::now(), false);
}

void Link::connectionReady(bool failureSignalled)
{
    // A connecting socket becomes writable only once the handshake completed, so without
    // an error or hang-up event SO_ERROR is known to be 0.
    if (failureSignalled)
        finishConnect();
    else
        startStreaming();
}

void Link::finishConnect()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_upstream.fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        error = errno;
    if (error != 0) {
        failConnect(std::strerror(error));
        return;
    }
    startStreaming();
}

void Link::startStreaming()
{
    m_state = State::Streaming;
    setTimer(std::nullopt);
    qCDebug(lcEngineLink).nospace()
        << "link " << m_serial << " opened: proxy=" << m_proxy->name.c_str()
        << " upstream=" << m_upstreamAddress.toString().c_str();
    m_toxics = m_proxy->toxics();
    const StageContext context { Clock::now(), m_reactor.random() };
    m_toUpstream.replaceChain(m_toxics->upstream, context);
    m_toClient.replaceChain(m_toxics->downstream, context);
    pump(context.now, false);
}

void Link::applyToxics()
{
    if (m_state != State::Streaming)
        return;
    auto toxics = m_proxy->toxics();
    if (toxics == m_toxics)
        return;
    m_toxics = std::move(toxics);
    const StageContext context { Clock::now(), m_reactor.random() };
    bool closeRequested = false;
    if (!sameToxics(m_toUpstream.chain().specs(), m_toxics->upstream))
        closeRequested |= m_toUpstream.replaceChain(m_toxics->upstream, context);
    if (!sameToxics(m_toClient.chain().specs(), m_toxics->downstream))
        closeRequested |= m_toClient.replaceChain(m_toxics->downstream, context);
    if (closeRequested) {
        close("timeout toxic removed");
        return;
    }
    pump(context.now, false);
}

void Link::handleTimer(TimePoint now)
{
    m_timerAt.reset();
    if (m_state == State::Resolving || m_state == State::Connecting)
        failConnect("no connection within 10 s");
    else if (m_state == State::Streaming)
        pump(now, true);
}

void Link::runPending()
{
    m_runQueued = false;
    pump(Clock::now(), false);
}

void Link::pump(TimePoint now, bool expire)
{
    if (m_state != State::Streaming)
        return;
    auto& blocks = m_reactor.blocks();
    for (auto* direction : { &m_toUpstream, &m_toClient }) {
        const auto outcome = expire ? direction->expire(now, blocks, budgetPerRun)
                                    : direction->pump(now, blocks, budgetPerRun);
        if (!act(outcome))
            return;
    }
    if (m_toUpstream.finished() && m_toClient.finished()) {
        close("both directions ended");
        return;
    }
    const bool moreWork = m_toUpstream.hasMoreWork() || m_toClient.hasMoreWork();
    if (moreWork && !m_runQueued) {
        m_runQueued = true;
        m_reactor.runAgain(*this);
    }
    updateTimer(now);
}

bool Link::act(LinkDirection::Outcome outcome)
{
    switch (outcome) {
    case LinkDirection::Outcome::Continue:
        return true;
    case LinkDirection::Outcome::Close:
        close("closed by a toxic");
        return false;
    case LinkDirection::Outcome::Reset:
        reset("reset by a peer or a toxic");
        return false;
    }
    return false;
}

void Link::close(const char* reason)
{
    if (m_state == State::Closed)
        return;
    closeSockets(false);
    release(reason);
}

void Link::reset(const char* reason)
{
    if (m_state == State::Closed)
        return;
    closeSockets(true);
    release(reason);
}

void Link::closeSockets(bool withReset)
{
    for (auto* socket : { &m_client, &m_upstream }) {
        if (socket->fd < 0)
            continue;
        // A reset in the run that deferred the FIN still sends FIN then RST, as a
        // reset after any half-close does.
        if (withReset && socket->finDeferred)
            ::shutdown(socket->fd, SHUT_WR);
        if (withReset)
            closeWithReset(socket->fd);
        else if (socket->endOfStream)
            ::close(socket->fd);
        else
            closeGracefully(socket->fd);
        socket->fd = -1;
    }
}

void Link::release(const char* reason)
{
    qCDebug(lcEngineLink).nospace()
        << "link " << m_serial << " closed: proxy=" << m_proxy->name.c_str() << " reason=\""
        << reason << "\" upstream_bytes=" << m_toUpstream.bytesWritten()
        << " downstream_bytes=" << m_toClient.bytesWritten();
    m_state = State::Closed;
    m_timerAt.reset();
    m_proxy->connections.fetch_sub(1, std::memory_order_relaxed);
    m_reactor.retire(*this);
}

void Link::updateTimer(TimePoint now)
{
    auto wake = m_toUpstream.nextWake(now);
    const auto downstreamWake = m_toClient.nextWake(now);
    if (downstreamWake && (!wake || *downstreamWake < *wake))
        wake = downstreamWake;
    setTimer(wake);
}

void Link::setTimer(std::optional<TimePoint> when)
{
    if (when == m_timerAt)
        return;
    m_timerAt = when;
    if (when)
        m_reactor.schedule(*this, *when);
}

} // namespace chaoslab::engine
