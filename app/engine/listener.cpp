#include "listener.h"

#include "enginelog.h"
#include "link.h"
#include "socketops.h"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace chaoslab::engine {

namespace {

// Connections accepted per wake-up, so that a connection storm cannot hold the loop.
constexpr int maxAcceptsPerEvent = 64;

} // namespace

Listener::Listener(Reactor& reactor, std::shared_ptr<ServedProxy> proxy)
    : m_reactor(reactor)
    , m_proxy(std::move(proxy))
{ }

void Listener::handleEvents(std::uint32_t)
{
    for (int accepted = 0; accepted < maxAcceptsPerEvent; ++accepted) {
        const int client = ::accept4(fd(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client >= 0) {
            auto link = std::make_unique<Link>(m_reactor, m_proxy, client);
            auto& started = *link;
            m_reactor.adopt(std::move(link));
            started.start();
            continue;
        }
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK)
            return;
        if (error == EINTR || error == ECONNABORTED || error == EPROTO)
            continue;
        warnAcceptFailed(error);
        // Out of file descriptors or memory: the pending connection stays in the backlog
        // and would wake the loop at once again, so stop watching for a moment.
        m_reactor.pauseListener(m_proxy->id);
        return;
    }
}

void Listener::warnAcceptFailed(int error)
{
    int suppressed = 0;
    if (!m_proxy->takeWarningSlot(suppressed))
        return;
    qCWarning(lcEngine).nospace()
        << "proxy " << m_proxy->name.c_str() << ": accept failed: " << std::strerror(error)
        << "; retrying in 100 ms (raise the open file limit with ulimit -n"
        << " if this repeats; " << suppressed << " similar warnings suppressed)";
}

} // namespace chaoslab::engine
