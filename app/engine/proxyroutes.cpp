// Handlers of the proxy routes, /populate, /reset and /version.
#include "apiresponse.h"
#include "apiroutes.h"
#include "toxiproxyjson.h"

namespace chaoslab::engine::routes {

namespace {

// Toxiproxy tools check the server version, and this engine implements the API of
// Toxiproxy 2.12.0, so it reports that version rather than Chaos Lab's own.
constexpr std::string_view toxiproxyVersion = "2.12.0";

net::HttpResponse noContent()
{
    return net::HttpResponse::empty(204);
}

Json populateBody(const PopulateResult& result)
{
    Json body = Json::object();
    if (result.error) {
        body["error"] = result.error->message;
        body["status"] = httpStatus(result.error->kind);
    }
    // Toxiproxy writes null, not [], when no proxy was applied.
    body["proxies"] = nullptr;
    for (const auto& proxy : result.proxies)
        body["proxies"].push_back(toJson(proxy));
    return body;
}

} // namespace

net::HttpResponse version(const ApiCall&)
{
    auto response = net::HttpResponse::empty(200);
    response.setHeader("Content-Type", "application/json;charset=utf-8");
    response.body = "{\"version\": \"" + std::string(toxiproxyVersion) + "\"}\n";
    return response;
}

net::HttpResponse reset(const ApiCall& call)
{
    if (auto error = call.engine.reset())
        return errorResponse(*error);
    return noContent();
}

net::HttpResponse populate(const ApiCall& call)
{
    PopulateResult result;
    auto body = parseRequestBody(call.request.body);
    auto entries = body.ok() ? decodePopulate(body.value()) : body.error();
    if (entries.ok())
        result = call.engine.populate(entries.value());
    else
        result.error = entries.error();
    const int status = result.error ? httpStatus(result.error->kind) : 201;
    return jsonResponse(status, populateBody(result));
}

net::HttpResponse listProxies(const ApiCall& call)
{
    Json body = Json::object();
    for (const auto& proxy : call.engine.proxies())
        body[proxy.name] = toJson(proxy);
    return jsonResponse(200, body);
}

net::HttpResponse createProxy(const ApiCall& call)
{
    const auto body = parseRequestBody(call.request.body);
    if (!body.ok())
        return errorResponse(body.error());
    const auto fields = decodeProxy(body.value());
    if (!fields.ok())
        return errorResponse(fields.error());

    const auto& input = fields.value();
    const ProxyConfig config { input.name.value_or(""), input.listen.value_or(""),
        input.upstream.value_or(""), input.enabled.value_or(true) };
    const auto created = call.engine.createProxy(config);
    if (!created.ok())
        return errorResponse(created.error());
    return jsonResponse(201, toJson(created.value()));
}

net::HttpResponse showProxy(const ApiCall& call)
{
    const auto proxy = call.engine.proxy(call.proxy);
    if (!proxy.ok())
        return errorResponse(proxy.error());
    return jsonResponse(200, toJson(proxy.value()));
}

net::HttpResponse updateProxy(const ApiCall& call)
{
    if (const auto proxy = call.engine.proxy(call.proxy); !proxy.ok())
        return errorResponse(proxy.error());
    const auto body = parseRequestBody(call.request.body);
    if (!body.ok())
        return errorResponse(body.error());
    const auto fields = decodeProxy(body.value());
    if (!fields.ok())
        return errorResponse(fields.error());

    const ProxyUpdate update { fields.value().listen, fields.value().upstream,
        fields.value().enabled };
    const auto updated = call.engine.updateProxy(call.proxy, update);
    if (!updated.ok())
        return errorResponse(updated.error());
    return jsonResponse(200, toJson(updated.value()));
}

net::HttpResponse deleteProxy(const ApiCall& call)
{
    if (auto error = call.engine.removeProxy(call.proxy))
        return errorResponse(*error);
    return noContent();
}

} // namespace chaoslab::engine::routes
