// One proxied connection: the accepted client socket, the upstream socket and the two
// directions between them, each with its own toxic chain.
//
//   client --> [upstream direction: toxics] --> upstream server
//   client <-- [downstream direction: toxics] <-- upstream server
//
// Lifecycle: resolve the upstream (off the reactor for host names), connect without
// blocking, stream, end. A FIN from one side is passed on as a half-close, and the link
// ends when both directions have ended. A reset or write failure on one side resets the
// other, and a toxic may close or reset both. A link lives on one reactor thread only.
#pragma once

#include "linkdirection.h"
#include "reactor.h"
#include "socketops.h"

#include <string>

namespace chaoslab::engine {

class Link
{
public:
    Link(Reactor& reactor, std::shared_ptr<ServedProxy> proxy, int clientFd);
    ~Link();

    Link(const Link&) = delete;
    Link& operator=(const Link&) = delete;

    std::uint64_t serial() const { return m_serial; }
    ProxyId proxyId() const { return m_proxy->id; }
    std::optional<TimePoint> timerAt() const { return m_timerAt; }

    // Resolves the upstream when needed and starts connecting to it.
    void start();
    void connectTo(const SocketAddress& address);
    void failConnect(const std::string& reason);

    // Rebuilds the chains whose toxics changed, from the proxy's current toxics.
    void applyToxics();
    // Closes both sockets with FIN. Does nothing on a closed link.
    void close(const char* reason);

    void handleTimer(TimePoint now);
    void runPending();

private:
    class Endpoint;
    enum class State { Resolving, Connecting, Streaming, Closed };

    void handleEvents(SocketState& socket, std::uint32_t events);
    // Starts streaming, or reads the connect error when the socket signalled one.
    void connectionReady(bool failureSignalled);
    void finishConnect();
    void startStreaming();
    void pump(TimePoint now, bool expire);
    bool act(LinkDirection::Outcome outcome);
    void reset(const char* reason);
    void closeSockets(bool withReset);
    void release(const char* reason);
    void updateTimer(TimePoint now);
    void setTimer(std::optional<TimePoint> when);

    Reactor& m_reactor;
    std::shared_ptr<ServedProxy> m_proxy;
    std::uint64_t m_serial;
    State m_state = State::Resolving;
    SocketState m_client;
    SocketState m_upstream;
    std::unique_ptr<Endpoint> m_clientEndpoint;
    std::unique_ptr<Endpoint> m_upstreamEndpoint;
    LinkDirection m_toUpstream;
    LinkDirection m_toClient;
    std::shared_ptr<const ToxicSet> m_toxics;
    std::optional<TimePoint> m_timerAt;
    bool m_runQueued = false;
    SocketAddress m_upstreamAddress;
};

} // namespace chaoslab::engine
