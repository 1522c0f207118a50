// The Toxiproxy 2.12 HTTP API over an Engine: the same routes, methods, status codes, JSON
// shapes and error bodies as toxiproxy-server, so toxiproxy-cli, Toxiproxy client libraries
// and Chaos Toolkit's chaostoxi can drive the engine.
//
//   Engine engine;
//   ToxiproxyApi api(engine);
//   net::HttpServer server([&api](const net::HttpRequest& r) { return api.handle(r); });
//
// As in Toxiproxy, requests whose User-Agent starts with "Mozilla/" get 403, so that a web
// page cannot drive a local engine from a browser.
#pragma once

#include "engine.h"

#include "httpmessage.h"

namespace chaoslab::engine {

class ToxiproxyApi
{
public:
    explicit ToxiproxyApi(Engine& engine);

    // Thread-safe; calls into the engine only.
    net::HttpResponse handle(const net::HttpRequest& request);

private:
    net::HttpResponse route(const net::HttpRequest& request);

    Engine& m_engine;
};

} // namespace chaoslab::engine
