// Reading request bodies with the rules of Go's encoding/json, which Toxiproxy 2.12 uses.
// Object keys match field names case-insensitively, and the last matching key wins.
// Unknown keys are ignored, null leaves a field unset, and a value of the wrong type is an
// error.
#pragma once

#include "engineerror.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chaoslab::engine {

using Json = nlohmann::ordered_json;

// Parses the first JSON value of a body; what follows it is ignored, as in Toxiproxy 2.12.
// Errors are BadRequest with a message starting "bad request body:".
Result<Json> parseRequestBody(const std::string& body);

// Returns "an object", "an array", "a string", "a number", "a boolean" or "null".
std::string describeJsonType(const Json& value);

// The fields of one JSON object. `owner` names the object in messages, for example "proxy"
// or "proxy 2".
class JsonFields
{
public:
    // `value` must be an object or null (a null object has no fields).
    JsonFields(const Json& value, std::string owner);

    // Returns the value of the field, or nullptr when it is absent or null.
    const Json* find(std::string_view name) const;

    Status read(std::string_view name, std::optional<std::string>& out) const;
    Status read(std::string_view name, std::optional<bool>& out) const;
    Status read(std::string_view name, std::optional<double>& out) const;
    Status read(std::string_view name, std::optional<std::int64_t>& out) const;

private:
    EngineError wrongType(std::string_view name, const Json& value, const char* expected) const;

    const Json& m_value;
    std::string m_owner;
};

// Fails unless `value` is an object or null, naming what was expected.
Status expectObject(const Json& value, const std::string& owner);

} // namespace chaoslab::engine
