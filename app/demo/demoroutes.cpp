#include "demoroutes.h"

#include "httpconnection.h"
#include "placeholderroutes.h"

#include <charconv>
#include <cstring>
#include <string>
#include <string_view>

namespace chaoslab::demo {

namespace {

using net::HttpRequest;
using net::HttpResponse;

constexpr std::string_view bytesPrefix = "/bytes/";

HttpResponse errorResponse(int status, const std::string& message)
{
    return HttpResponse::json(status, net::jsonErrorBody(status, message));
}

HttpResponse methodNotAllowed(const HttpRequest& request)
{
    auto response = errorResponse(
        405, request.method + " is not allowed on " + request.path + "; use GET or HEAD");
    response.setHeader("Allow", "GET, HEAD");
    return response;
}

HttpResponse index()
{
    return HttpResponse::json(200,
        "{\"service\":\"Chaos Lab demo HTTP service\",\"routes\":[\"/health\",\"/bytes/{n}\","
        "\"/todos\",\"/todos/{id}\",\"/posts\",\"/posts/{id}\",\"/posts/{id}/comments\","
        "\"/comments\",\"/comments/{id}\",\"/albums\",\"/albums/{id}\",\"/users\","
        "\"/users/{id}\",\"/users/{id}/todos\",\"/users/{id}/posts\",\"/users/{id}/albums\"]}\n");
}

// `size` bytes of lines of 63 printable characters, so the payload stays readable when it
// is printed to a terminal.
std::string payload(std::size_t size)
{
    static constexpr std::string_view line
        = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.\n";
    std::string body(size, '\0');
    const auto first = std::min(size, line.size());
    std::memcpy(body.data(), line.data(), first);
    // Doubling copies keep the fill to a few memcpy calls even for the largest payload.
    for (std::size_t filled = first; filled < size; filled *= 2)
        std::memcpy(body.data() + filled, body.data(), std::min(filled, size - filled));
    return body;
}

HttpResponse bytes(std::string_view sizeText)
{
    std::size_t size = 0;
    const auto end = sizeText.data() + sizeText.size();
    const auto [last, error] = std::from_chars(sizeText.data(), end, size);
    const auto maximum = std::to_string(MaxPayloadBytes);
    if (sizeText.empty() || last != end || error == std::errc::invalid_argument) {
        return errorResponse(400,
            "invalid size \"" + std::string(sizeText)
                + "\" in /bytes/{n}: expected a whole number of bytes from 0 to " + maximum);
    }
    if (error == std::errc::result_out_of_range || size > MaxPayloadBytes) {
        return errorResponse(400,
            "size " + std::string(sizeText) + " in /bytes/{n} is above the maximum of " + maximum
                + " bytes; request at most " + maximum + " bytes per response");
    }
    HttpResponse response { 200, {}, payload(size) };
    response.setHeader("Content-Type", "application/octet-stream");
    return response;
}

} // namespace

HttpResponse handleDemoRequest(const HttpRequest& request)
{
    const std::string_view path = request.path;
    const bool isRead = request.method == "GET" || request.method == "HEAD";
    const bool isOwnRoute = path == "/" || path == "/health" || path.starts_with(bytesPrefix);
    if (isOwnRoute && !isRead)
        return methodNotAllowed(request);

    if (path == "/")
        return index();
    if (path == "/health")
        return HttpResponse::json(200, "{\"status\":\"ok\"}");
    if (path.starts_with(bytesPrefix))
        return bytes(path.substr(bytesPrefix.size()));
    return handlePlaceholderRequest(request);
}

} // namespace chaoslab::demo
