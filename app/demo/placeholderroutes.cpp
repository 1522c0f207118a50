#include "placeholderroutes.h"

#include "httpconnection.h"
#include "placeholderdata.h"

#include <QString>
#include <QUrlQuery>

#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chaoslab::demo {

namespace {

using net::HttpRequest;
using net::HttpResponse;

// Filters of a list request: field name to the values it may have.
using FieldFilters = std::map<std::string, std::set<std::string>>;

struct ListQuery
{
    FieldFilters filters;
    std::optional<std::size_t> limit;
};

// jsonplaceholder sends its JSON indented by two spaces.
HttpResponse jsonResponse(int status, const Json& body)
{
    HttpResponse response { status, {}, body.dump(2) };
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

HttpResponse notFound()
{
    return jsonResponse(404, Json::object());
}

std::vector<std::string_view> pathSegments(std::string_view path)
{
    std::vector<std::string_view> segments;
    while (!path.empty()) {
        const auto slash = path.find('/');
        const auto segment = path.substr(0, slash);
        if (!segment.empty())
            segments.push_back(segment);
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

// Returns the number in `text` when it is plain decimal digits without a leading zero.
std::optional<int> parseNumber(std::string_view text)
{
    int number = 0;
    const auto end = text.data() + text.size();
    const auto [last, error] = std::from_chars(text.data(), end, number);
    if (error != std::errc() || last != end || number < 0
        || (text.size() > 1 && text.front() == '0'))
        return std::nullopt;
    return number;
}

std::optional<int> parseId(std::string_view text, int count)
{
    const auto id = parseNumber(text);
    if (!id || *id < 1 || *id > count)
        return std::nullopt;
    return id;
}

// A field value as a query string spells it: strings without quotes, numbers and booleans
// as JSON writes them.
std::string queryText(const Json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

ListQuery parseListQuery(const std::string& query)
{
    ListQuery parsed;
    const QUrlQuery items(QString::fromStdString(query));
    for (const auto& [key, value] : items.queryItems(QUrl::FullyDecoded)) {
        if (key == u"_limit") {
            bool valid = false;
            const auto limit = value.toULongLong(&valid);
            if (valid)
                parsed.limit = static_cast<std::size_t>(limit);
        } else if (!key.startsWith(u'_')) {
            // NOTE: json-server's other underscore parameters (_page, _sort, _start, _end,
            // _embed) are ignored, so such requests get the whole list.
            parsed.filters[key.toStdString()].insert(value.toStdString());
        }
    }
    return parsed;
}

bool matches(const Json& item, const FieldFilters& filters)
{
    for (const auto& [field, values] : filters) {
        const auto found = item.find(field);
        if (found == item.end() || !values.contains(queryText(*found)))
            return false;
    }
    return true;
}

HttpResponse listItems(const Collection& collection, const ListQuery& query)
{
    auto list = Json::array();
    for (int id = 1; id <= collection.count; ++id) {
        if (query.limit && list.size() >= *query.limit)
            break;
        auto item = collection.makeItem(id);
        if (matches(item, query.filters))
            list.push_back(std::move(item));
    }
    return jsonResponse(200, list);
}

// Parses a request body as a JSON object; an empty body counts as {}.
std::optional<Json> parseObject(const std::string& body)
{
    if (body.empty())
        return Json::object();
    auto json = Json::parse(body, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    return json;
}

HttpResponse invalidBody(const HttpRequest& request)
{
    const auto message = "invalid request body for " + request.method + " " + request.path
        + ": expected a JSON object such as {\"title\": \"foo\"}";
    return HttpResponse::json(400, net::jsonErrorBody(400, message));
}

// Builds the response to POST as json-server does: the request's fields, then the owner from a
// nested route, then the id the next item would have.
HttpResponse createItem(const Collection& collection, const HttpRequest& request,
    std::optional<int> ownerId = std::nullopt)
{
    auto item = parseObject(request.body);
    if (!item)
        return invalidBody(request);
    if (ownerId)
        (*item)[std::string(collection.ownerField)] = *ownerId;
    (*item)["id"] = collection.count + 1;
    return jsonResponse(201, *item);
}

HttpResponse handleItem(const Collection& collection, int id, const HttpRequest& request)
{
    const auto& method = request.method;
    if (method == "GET" || method == "HEAD")
        return jsonResponse(200, collection.makeItem(id));
    if (method == "DELETE")
        return jsonResponse(200, Json::object());
    if (method != "PUT" && method != "PATCH")
        return notFound();

    auto changes = parseObject(request.body);
    if (!changes)
        return invalidBody(request);
    auto item = method == "PUT" ? *changes : collection.makeItem(id);
    if (method == "PATCH")
        item.update(*changes);
    item["id"] = id;
    return jsonResponse(200, item);
}

HttpResponse handleCollection(const Collection& collection, const HttpRequest& request)
{
    if (request.method == "GET" || request.method == "HEAD")
        return listItems(collection, parseListQuery(request.query));
    if (request.method == "POST")
        return createItem(collection, request);
    return notFound();
}

// /users/1/todos: the items of `child` whose owner field is `ownerId`. json-server does not
// check that the owner exists, so /users/99/todos is an empty list.
HttpResponse handleNested(const Collection& child, int ownerId, const HttpRequest& request)
{
    if (request.method == "POST")
        return createItem(child, request, ownerId);
    if (request.method != "GET" && request.method != "HEAD")
        return notFound();
    auto query = parseListQuery(request.query);
    query.filters[std::string(child.ownerField)] = { std::to_string(ownerId) };
    return listItems(child, query);
}

} // namespace

HttpResponse handlePlaceholderRequest(const HttpRequest& request)
{
    const auto segments = pathSegments(request.path);
    const auto* collection = segments.empty() ? nullptr : findCollection(segments[0]);
    if (!collection || segments.size() > 3)
        return notFound();
    if (segments.size() == 1)
        return handleCollection(*collection, request);

    if (segments.size() == 2) {
        const auto id = parseId(segments[1], collection->count);
        return id ? handleItem(*collection, *id, request) : notFound();
    }

    const auto* child = findCollection(segments[2]);
    // Owners out of range are accepted, for the reason given at handleNested.
    const auto ownerId = parseNumber(segments[1]);
    if (!child || child->ownerCollection != collection->name || !ownerId)
        return notFound();
    return handleNested(*child, *ownerId, request);
}

} // namespace chaoslab::demo
