// The handlers of the Toxiproxy 2.12 API routes. ToxiproxyApi matches the route and calls
// one of these with the path's proxy and toxic names.
#pragma once

#include "engine.h"

#include "httpmessage.h"

#include <string>

namespace chaoslab::engine {

struct ApiCall
{
    Engine& engine;
    const net::HttpRequest& request;
    std::string proxy;
    std::string toxic;
};

namespace routes {

net::HttpResponse version(const ApiCall& call);
net::HttpResponse reset(const ApiCall& call);
net::HttpResponse populate(const ApiCall& call);

net::HttpResponse listProxies(const ApiCall& call);
net::HttpResponse createProxy(const ApiCall& call);
net::HttpResponse showProxy(const ApiCall& call);
net::HttpResponse updateProxy(const ApiCall& call);
net::HttpResponse deleteProxy(const ApiCall& call);

net::HttpResponse listToxics(const ApiCall& call);
net::HttpResponse createToxic(const ApiCall& call);
net::HttpResponse showToxic(const ApiCall& call);
net::HttpResponse updateToxic(const ApiCall& call);
net::HttpResponse deleteToxic(const ApiCall& call);

} // namespace routes

} // namespace chaoslab::engine
