// Accepts the client connections of one proxy on one reactor. Every reactor watches the
// proxy's listening socket; the kernel wakes one of them per connection.
#pragma once

#include "reactor.h"

namespace chaoslab::engine {

class Listener final : public EventHandler
{
public:
    Listener(Reactor& reactor, std::shared_ptr<ServedProxy> proxy);

    int fd() const { return m_proxy->listenFd; }
    void handleEvents(std::uint32_t events) override;

private:
    void warnAcceptFailed(int error);

    Reactor& m_reactor;
    std::shared_ptr<ServedProxy> m_proxy;
};

} // namespace chaoslab::engine
