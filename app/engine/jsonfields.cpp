#include "jsonfields.h"

#include <cctype>
#include <limits>
#include <sstream>

namespace chaoslab::engine {

namespace {

EngineError badBody(const std::string& message)
{
    return { ErrorKind::BadRequest, "bad request body: " + message };
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

// nlohmann's messages start with an id such as "[json.exception.parse_error.101] ".
std::string withoutExceptionId(const char* message)
{
    std::string_view text(message);
    if (!text.empty() && text.front() == '[') {
        const auto end = text.find("] ");
        if (end != std::string_view::npos)
            text.remove_prefix(end + 2);
    }
    return std::string(text);
}

std::string shortDump(const Json& value)
{
    auto text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return text;
}

} // namespace

Result<Json> parseRequestBody(const std::string& body)
{
    if (body.find_first_not_of(" \t\r\n") == std::string::npos)
        return badBody("empty body, expected JSON");
    // Toxiproxy reads bodies with Go's json.Decoder, which reads the first JSON value and
    // ignores whatever follows it. nlohmann's stream extraction does the same.
    std::istringstream stream(body);
    Json value;
    try {
        stream >> value;
        return value;
    } catch (const Json::parse_error& error) {
        return badBody(withoutExceptionId(error.what()));
    }
}

std::string describeJsonType(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

Status expectObject(const Json& value, const std::string& owner)
{
    if (value.is_object() || value.is_null())
        return std::nullopt;
    return badBody("expected a JSON object for the " + owner + ", got " + describeJsonType(value));
}

JsonFields::JsonFields(const Json& value, std::string owner)
    : m_value(value)
    , m_owner(std::move(owner))
{ }

const Json* JsonFields::find(std::string_view name) const
{
    if (!m_value.is_object())
        return nullptr;
    const Json* found = nullptr;
    for (const auto& [key, value] : m_value.items()) {
        if (equalsIgnoringAsciiCase(key, name))
            found = &value;
    }
    return found && !found->is_null() ? found : nullptr;
}

EngineError JsonFields::wrongType(
    std::string_view name, const Json& value, const char* expected) const
{
    return badBody("field \"" + std::string(name) + "\" of the " + m_owner + " must be " + expected
        + ", got " + describeJsonType(value) + " (" + shortDump(value) + ")");
}

Status JsonFields::read(std::string_view name, std::optional<std::string>& out) const
{
    const auto* value = find(name);
    if (!value)
        return std::nullopt;
    if (!value->is_string())
        return wrongType(name, *value, "a string");
    out = value->get<std::string>();
    return std::nullopt;
}

Status JsonFields::read(std::string_view name, std::optional<bool>& out) const
{
    const auto* value = find(name);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean())
        return wrongType(name, *value, "true or false");
    out = value->get<bool>();
    return std::nullopt;
}

Status JsonFields::read(std::string_view name, std::optional<double>& out) const
{
    const auto* value = find(name);
    if (!value)
        return std::nullopt;
    if (!value->is_number())
        return wrongType(name, *value, "a number");
    out = value->get<double>();
    return std::nullopt;
}

Status JsonFields::read(std::string_view name, std::optional<std::int64_t>& out) const
{
    const auto* value = find(name);
    if (!value)
        return std::nullopt;
    const bool fits = value->is_number_integer()
        && (!value->is_number_unsigned()
            || value->get<std::uint64_t>()
                <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
    if (!fits)
        return wrongType(name, *value, "a whole number");
    out = value->get<std::int64_t>();
    return std::nullopt;
}

} // namespace chaoslab::engine
