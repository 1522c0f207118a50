// Chaos Lab's built-in engine inside the console's process, with a starting topology:
//
//   client --> demo_api proxy (127.0.0.1:18080) --> demo HTTP service (127.0.0.1:18081)
//
// The engine's data plane, its Toxiproxy API and the demo service each run on their own
// threads, so nothing runs on the caller's thread once start() returns. start() itself only
// starts threads and binds numeric addresses: it looks up no name and waits for no peer.
#pragma once

#include "demoservice.h"
#include "engine.h"
#include "httpserver.h"
#include "toxiproxyapi.h"

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::host {

class BuiltInEngine
{
public:
    static constexpr const char* DemoProxyName = "demo_api";
    // When one of these ports is taken, that part listens on a free port instead. Fixed
    // ports let lab files name the demo service and its proxy.
    static constexpr std::uint16_t DemoProxyPort = 18080;
    static constexpr std::uint16_t DemoServicePort = 18081;

    BuiltInEngine();
    // Stops the API, every proxy and the demo service.
    ~BuiltInEngine();

    BuiltInEngine(const BuiltInEngine&) = delete;
    BuiltInEngine& operator=(const BuiltInEngine&) = delete;

    // Serves the Toxiproxy API on apiHost:apiPort, a numeric address, then starts the demo
    // service and the demo_api proxy. Returns the error message when the API cannot listen.
    // A demo part that cannot start is logged and left out, because the engine is useful
    // without it. Fails when the API listens already.
    std::optional<std::string> start(const std::string& apiHost, std::uint16_t apiPort);

    engine::Engine& engine() { return m_engine; }
    // "127.0.0.1:8474"
    const std::string& apiAddress() const { return m_apiServer.address(); }
    // Empty when that part did not start.
    const std::string& demoServiceAddress() const { return m_demoAddress; }
    const std::string& demoProxyAddress() const { return m_demoProxyAddress; }

private:
    void startDemo();
    engine::Result<engine::ProxySnapshot> createDemoProxy(std::uint16_t port);

    engine::Engine m_engine;
    engine::ToxiproxyApi m_api;
    net::HttpServer m_apiServer;
    demo::DemoService m_demo;
    std::string m_demoAddress;
    std::string m_demoProxyAddress;
};

} // namespace chaoslab::host
