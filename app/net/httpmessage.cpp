#include "httpmessage.h"

#include <algorithm>
#include <cctype>
#include <ctime>

namespace chaoslab::net {

namespace {

std::string_view findHeader(const std::vector<HttpHeader>& headers, std::string_view name)
{
    for (const auto& header : headers) {
        if (equalsIgnoringCase(header.name, name))
            return header.value;
    }
    return {};
}

bool containsToken(std::string_view list, std::string_view token)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        auto item = list.substr(0, comma);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (equalsIgnoringCase(item, token))
            return true;
        if (comma == std::string_view::npos)
            break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

// An IMF-fixdate as required for the Date header, for example
// "Sun, 06 Nov 1994 08:49:37 GMT".
std::string httpDate()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc {};
    gmtime_r(&now, &utc);
    char text[40] = {};
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
}

bool mayHaveBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x))
            == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view HttpRequest::header(std::string_view name) const
{
    return findHeader(headers, name);
}

bool HttpRequest::hasHeader(std::string_view name) const
{
    return std::any_of(headers.begin(), headers.end(),
        [name](const HttpHeader& header) { return equalsIgnoringCase(header.name, name); });
}

bool HttpRequest::keepAlive() const
{
    const auto connection = header("Connection");
    if (minorVersion == 0)
        return containsToken(connection, "keep-alive");
    return !containsToken(connection, "close");
}

void HttpResponse::setHeader(std::string_view name, std::string_view value)
{
    std::erase_if(headers,
        [name](const HttpHeader& header) { return equalsIgnoringCase(header.name, name); });
    headers.push_back({ std::string(name), std::string(value) });
}

std::string_view HttpResponse::header(std::string_view name) const
{
    return findHeader(headers, name);
}

HttpResponse HttpResponse::text(int status, std::string body)
{
    HttpResponse response { status, {}, std::move(body) };
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    return response;
}

HttpResponse HttpResponse::json(int status, std::string body)
{
    HttpResponse response { status, {}, std::move(body) };
    response.setHeader("Content-Type", "application/json");
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    return HttpResponse { status, {}, {} };
}

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

std::string serializeResponse(const HttpResponse& response, bool headRequest, bool keepAlive)
{
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " "
        + std::string(reasonPhrase(response.status)) + "\r\n";
    for (const auto& header : response.headers)
        out += header.name + ": " + header.value + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    const bool withBody = mayHaveBody(response.status);
    if (withBody)
        out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (withBody && !headRequest)
        out += response.body;
    return out;
}

} // namespace chaoslab::net
