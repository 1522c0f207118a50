#include "toxiproxyapi.h"

#include "apiroutes.h"
#include "enginelog.h"

#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <random>
#include <vector>

namespace chaoslab::engine {

namespace {

using Handler = net::HttpResponse (*)(const ApiCall&);

struct Route
{
    // Path segments; "{proxy}" and "{toxic}" match one non-empty segment.
    std::vector<std::string_view> pattern;
    std::vector<std::string_view> methods;
    Handler handler;
};

const std::vector<Route>& routeTable()
{
    static const std::vector<Route> table = {
        { { "reset" }, { "POST" }, routes::reset },
        { { "proxies" }, { "GET" }, routes::listProxies },
        { { "proxies" }, { "POST" }, routes::createProxy },
        { { "populate" }, { "POST" }, routes::populate },
        { { "proxies", "{proxy}" }, { "GET" }, routes::showProxy },
        { { "proxies", "{proxy}" }, { "POST", "PATCH" }, routes::updateProxy },
        { { "proxies", "{proxy}" }, { "DELETE" }, routes::deleteProxy },
        { { "proxies", "{proxy}", "toxics" }, { "GET" }, routes::listToxics },
        { { "proxies", "{proxy}", "toxics" }, { "POST" }, routes::createToxic },
        { { "proxies", "{proxy}", "toxics", "{toxic}" }, { "GET" }, routes::showToxic },
        { { "proxies", "{proxy}", "toxics", "{toxic}" }, { "POST", "PATCH" }, routes::updateToxic },
        { { "proxies", "{proxy}", "toxics", "{toxic}" }, { "DELETE" }, routes::deleteToxic },
        { { "version" }, { "GET" }, routes::version },
    };
    return table;
}

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string::npos ? path.size() : slash;
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool matches(const Route& route, const std::vector<std::string>& segments, ApiCall& call)
{
    if (route.pattern.size() != segments.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& part = route.pattern[i];
        if (part == "{proxy}" || part == "{toxic}") {
            if (segments[i].empty())
                return false;
            (part == "{proxy}" ? call.proxy : call.toxic) = segments[i];
        } else if (part != segments[i]) {
            return false;
        }
    }
    return true;
}

// A 20-character id in base32hex, the shape of Toxiproxy's X-Toxiproxy-Request-Id.
std::string requestId()
{
    static std::atomic<std::uint64_t> counter { std::random_device {}() };
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuv";
    auto value = counter.fetch_add(1) * 0x9e3779b97f4a7c15ULL;
    std::string id(20, '0');
    for (auto& c : id) {
        c = digits[value & 31];
        value = (value >> 5) | (value << 59);
    }
    return id;
}

} // namespace

ToxiproxyApi::ToxiproxyApi(Engine& engine) : m_engine(engine) { }

net::HttpResponse ToxiproxyApi::handle(const net::HttpRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    auto response = route(request);
    response.setHeader("X-Content-Type-Options", "nosniff");

    const auto elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (response.status >= 400 && response.status != 405) {
        const auto end = response.body.find_last_not_of('\n');
        const auto error = response.body.substr(0, end == std::string::npos ? 0 : end + 1);
        qCInfo(lcEngineApi, "request failed method=%s path=%s status=%d error=%s",
            request.method.c_str(), request.target.c_str(), response.status, error.c_str());
    } else {
        qCDebug(lcEngineApi, "request method=%s path=%s status=%d duration_ms=%.3f",
            request.method.c_str(), request.target.c_str(), response.status, elapsed);
    }
    return response;
}

net::HttpResponse ToxiproxyApi::route(const net::HttpRequest& request)
{
    const auto segments = splitPath(request.path);
    std::vector<std::string_view> allowed;
    for (const auto& route : routeTable()) {
        ApiCall call { m_engine, request, {}, {} };
        if (!matches(route, segments, call))
            continue;
        const auto& methods = route.methods;
        if (std::find(methods.begin(), methods.end(), request.method) == methods.end()) {
            allowed.insert(allowed.end(), methods.begin(), methods.end());
            continue;
        }
        if (request.header("User-Agent").starts_with("Mozilla/"))
            return net::HttpResponse::text(403, "User agent not allowed\n");
        auto response = route.handler(call);
        response.setHeader("X-Toxiproxy-Request-Id", requestId());
        return response;
    }
    if (allowed.empty())
        return net::HttpResponse::text(404, "404 page not found\n");

    auto response = net::HttpResponse::empty(405);
    std::string allow;
    for (auto method : allowed)
        allow += (allow.empty() ? "" : ", ") + std::string(method);
    response.setHeader("Allow", allow);
    return response;
}

} // namespace chaoslab::engine
