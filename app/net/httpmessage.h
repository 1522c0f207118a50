// HTTP/1.1 request and response values exchanged between HttpServer and its handler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chaoslab::net {

struct HttpHeader
{
    std::string name;
    std::string value;
};

struct HttpRequest
{
    std::string method;
    // The request target as sent, for example "/proxies/a%20b?x=1".
    std::string target;
    // The percent-decoded path of the target, for example "/proxies/a b".
    std::string path;
    std::string query;
    // 0 for HTTP/1.0, 1 for HTTP/1.1.
    int minorVersion = 1;
    std::vector<HttpHeader> headers;
    std::string body;
    // "ip:port" of the client.
    std::string peer;

    // Returns the first value of the header `name` (case-insensitive), or "" when absent.
    std::string_view header(std::string_view name) const;
    bool hasHeader(std::string_view name) const;
    // Whether the client requested to keep the connection open after the response.
    bool keepAlive() const;
};

struct HttpResponse
{
    int status = 200;
    std::vector<HttpHeader> headers;
    std::string body;

    // Replaces any header of the same name (case-insensitive).
    void setHeader(std::string_view name, std::string_view value);
    std::string_view header(std::string_view name) const;

    static HttpResponse text(int status, std::string body);
    static HttpResponse json(int status, std::string body);
    // A response without a body; serializeResponse adds "Content-Length: 0" unless the
    // status forbids a body.
    static HttpResponse empty(int status);
};

std::string_view reasonPhrase(int status);

bool equalsIgnoringCase(std::string_view a, std::string_view b);

// Serialises the status line, the headers (adding Date, Content-Length and Connection) and
// the body, which is left out for HEAD requests and for 1xx, 204 and 304 responses.
std::string serializeResponse(const HttpResponse& response, bool headRequest, bool keepAlive);

} // namespace chaoslab::net
