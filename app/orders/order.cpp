#include "order.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

namespace chaoslab::orders {

namespace {

using nlohmann::json;

std::string typeName(const json& value)
{
    return value.is_number_float() ? "a fractional number" : std::string("a ") + value.type_name();
}

// Returns the error for the text field `name`, or "" when it is valid.
std::string checkText(const json& body, const char* name, std::string* out)
{
    const auto field = body.find(name);
    if (field == body.end())
        return std::string("missing field \"") + name + "\": expected a non-empty string";
    if (!field->is_string())
        return std::string("field \"") + name + "\" is " + typeName(*field)
            + ": expected a non-empty string";
    *out = field->get<std::string>();
    if (out->empty())
        return std::string("field \"") + name + "\" is empty: expected a non-empty string";
    if (out->size() > MaxTextBytes) {
        return std::string("field \"") + name + "\" has " + std::to_string(out->size())
            + " bytes: expected at most " + std::to_string(MaxTextBytes);
    }
    return {};
}

std::string checkQuantity(const json& body, std::int64_t* out)
{
    const auto field = body.find("qty");
    if (field == body.end())
        return "missing field \"qty\": expected a whole number of at least 1";
    if (!field->is_number_integer())
        return "field \"qty\" is " + typeName(*field) + ": expected a whole number of at least 1";
    if (field->is_number_unsigned() && field->get<std::uint64_t>() > INT32_MAX)
        return "field \"qty\" is too large: expected at most " + std::to_string(INT32_MAX);
    *out = field->get<std::int64_t>();
    if (*out < 1)
        return "field \"qty\" is " + std::to_string(*out)
            + ": expected a whole number of at least 1";
    if (*out > INT32_MAX)
        return "field \"qty\" is too large: expected at most " + std::to_string(INT32_MAX);
    return {};
}

} // namespace

OrderParse parseOrder(const std::string& body)
{
    const auto parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return { std::nullopt,
            "the body is not valid JSON: expected {\"customer\": \"...\", "
            "\"item\": \"...\", \"qty\": 1}" };
    if (!parsed.is_object())
        return { std::nullopt, "the body is " + typeName(parsed) + ": expected a JSON object" };

    Order order;
    for (auto error : { checkText(parsed, "customer", &order.customer),
             checkText(parsed, "item", &order.item), checkQuantity(parsed, &order.qty) }) {
        if (!error.empty())
            return { std::nullopt, error };
    }
    return { order, {} };
}

std::string orderCreatedEvent(std::int64_t id, const Order& order, const std::string& createdAt)
{
    return nlohmann::ordered_json {
        { "id", id }, { "customer", order.customer }, { "item", order.item }, { "qty", order.qty },
        { "created_at", createdAt }
    }.dump();
}

std::string utcTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace chaoslab::orders
