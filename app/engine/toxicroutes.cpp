// Handlers of the toxic routes under /proxies/{proxy}/toxics.
#include "apiresponse.h"
#include "apiroutes.h"
#include "toxiproxyjson.h"

#include <algorithm>
#include <cctype>

namespace chaoslab::engine::routes {

namespace {

EngineError badRequest(std::string message)
{
    return { ErrorKind::BadRequest, std::move(message) };
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string knownTypeNames()
{
    std::string names;
    for (const auto& type : toxicTypes())
        names += (names.empty() ? "" : ", ") + std::string(type.name);
    return names;
}

// Builds the toxic of a create request, checking in Toxiproxy's order: stream, type, name
// taken, then the attributes of the type.
Result<ToxicSpec> buildToxic(
    const ApiCall& call, const ToxicFields& fields, std::vector<std::string>& givenAttributes)
{
    const auto streamText = fields.stream.value_or("downstream");
    const auto stream = lowercase(streamText);
    if (stream != "upstream" && stream != "downstream") {
        return badRequest("invalid stream \"" + streamText + "\", expected upstream or downstream");
    }
    const auto typeName = fields.type.value_or("");
    const auto* type = findToxicType(typeName);
    if (!type) {
        return badRequest(
            "invalid toxic type \"" + typeName + "\", expected one of " + knownTypeNames());
    }
    auto toxic = defaultToxic(*type);
    toxic.name = fields.name.value_or("");
    if (toxic.name.empty())
        toxic.name = typeName + "_" + streamText;
    if (call.engine.toxic(call.proxy, toxic.name).ok())
        return EngineError { ErrorKind::Conflict, "toxic already exists: " + toxic.name };

    toxic.stream = stream == "upstream" ? Stream::Upstream : Stream::Downstream;
    toxic.streamText = streamText;
    toxic.toxicity = fields.toxicity.value_or(1.0);
    if (auto error = decodeAttributes(fields.attributes, toxic, givenAttributes))
        return *error;
    return toxic;
}

} // namespace

net::HttpResponse listToxics(const ApiCall& call)
{
    const auto toxics = call.engine.toxics(call.proxy);
    if (!toxics.ok())
        return errorResponse(toxics.error());
    return jsonResponse(200, toJson(toxics.value()));
}

net::HttpResponse createToxic(const ApiCall& call)
{
    if (const auto proxy = call.engine.proxy(call.proxy); !proxy.ok())
        return errorResponse(proxy.error());
    const auto body = parseRequestBody(call.request.body);
    if (!body.ok())
        return errorResponse(body.error());
    const auto fields = decodeToxic(body.value());
    if (!fields.ok())
        return errorResponse(fields.error());

    std::vector<std::string> givenAttributes;
    auto toxic = buildToxic(call, fields.value(), givenAttributes);
    if (!toxic.ok())
        return errorResponse(toxic.error());
    const auto added = call.engine.addToxic(call.proxy, std::move(toxic.value()), givenAttributes);
    if (!added.ok())
        return errorResponse(added.error());
    return jsonResponse(200, toJson(added.value()));
}

net::HttpResponse showToxic(const ApiCall& call)
{
    const auto toxic = call.engine.toxic(call.proxy, call.toxic);
    if (!toxic.ok())
        return errorResponse(toxic.error());
    return jsonResponse(200, toJson(toxic.value()));
}

net::HttpResponse updateToxic(const ApiCall& call)
{
    const auto current = call.engine.toxic(call.proxy, call.toxic);
    if (!current.ok())
        return errorResponse(current.error());
    const auto body = parseRequestBody(call.request.body);
    if (!body.ok())
        return errorResponse(body.error());
    const auto patch = decodeToxicPatch(body.value(), current.value());
    if (!patch.ok())
        return errorResponse(patch.error());

    const auto updated = call.engine.updateToxic(call.proxy, call.toxic, patch.value());
    if (!updated.ok())
        return errorResponse(updated.error());
    return jsonResponse(200, toJson(updated.value()));
}

net::HttpResponse deleteToxic(const ApiCall& call)
{
    if (auto error = call.engine.removeToxic(call.proxy, call.toxic))
        return errorResponse(*error);
    return net::HttpResponse::empty(204);
}

} // namespace chaoslab::engine::routes
