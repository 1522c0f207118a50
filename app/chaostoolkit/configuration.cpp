#include "configuration.h"

#include <cctype>
#include <cstdlib>

namespace chaoslab::chaostoolkit {

namespace {

bool isEnvReference(const Json& value)
{
    return value.is_object() && value.value("type", std::string()) == "env";
}

// Resolves `{"type": "env", "key": NAME, "default": ..., "env_var_type": "int"|"float"}`.
std::optional<std::string> resolveEnv(const std::string& where, const Json& entry, Json& out)
{
    const auto key = entry.value("key", std::string());
    if (key.empty())
        return where + ": an env entry needs a \"key\" naming the environment variable";
    const char* text = std::getenv(key.c_str());
    if (!text) {
        if (entry.contains("default")) {
            out = entry["default"];
            return std::nullopt;
        }
        return where + ": environment variable " + key
            + " is not set and the entry has no \"default\"; set " + key + " or add a default";
    }
    const auto type = entry.value("env_var_type", std::string());
    try {
        if (type == "int")
            out = std::stoll(text);
        else if (type == "float")
            out = std::stod(text);
        else
            out = std::string(text);
    } catch (const std::exception&) {
        return where + ": environment variable " + key + " = \"" + text + "\" is not an " + type;
    }
    return std::nullopt;
}

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string textOf(const Json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

std::optional<std::string> Configuration::load(const Experiment& experiment,
    const std::map<std::string, Json>& vars, Configuration& configuration)
{
    for (const auto& [key, value] : experiment.configuration.items()) {
        Json resolved = value;
        if (isEnvReference(value)) {
            if (auto error = resolveEnv("configuration." + key, value, resolved))
                return error;
        }
        configuration.m_values[key] = resolved;
    }
    for (const auto& [key, value] : vars)
        configuration.m_values[key] = value;

    for (const auto& [scope, entries] : experiment.secrets.items()) {
        if (!entries.is_object())
            return "secrets." + scope + ": a secret scope must be an object of key/value pairs";
        for (const auto& [key, value] : entries.items()) {
            Json resolved = value;
            if (isEnvReference(value)) {
                if (auto error = resolveEnv("secrets." + scope + "." + key, value, resolved))
                    return error;
            } else if (value.is_object()) {
                return "secrets." + scope + "." + key + ": secret type \""
                    + value.value("type", std::string()) + "\" is not supported; use "
                    + "{\"type\": \"env\", \"key\": ...} or a plain value";
            }
            configuration.m_secrets[key] = resolved;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Configuration::parseVar(
    const std::string& text, std::map<std::string, Json>& vars)
{
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        return "invalid --var \"" + text + "\"; use KEY=VALUE, KEY:int=VALUE or KEY:float=VALUE";
    auto key = text.substr(0, equals);
    const auto value = text.substr(equals + 1);
    std::string type;
    if (const auto colon = key.find(':'); colon != std::string::npos) {
        type = key.substr(colon + 1);
        key.resize(colon);
    }
    try {
        if (type.empty() || type == "str")
            vars[key] = value;
        else if (type == "int")
            vars[key] = std::stoll(value);
        else if (type == "float")
            vars[key] = std::stod(value);
        else
            return "invalid --var type \"" + type + "\" in \"" + text
                + "\"; use int, float or no type";
    } catch (const std::exception&) {
        return "invalid --var \"" + text + "\": \"" + value + "\" is not an " + type;
    }
    return std::nullopt;
}

Json Configuration::value(const std::string& key) const
{
    const auto found = m_values.find(key);
    return found == m_values.end() ? Json() : *found;
}

std::string Configuration::stringValue(const std::string& key) const
{
    const auto found = value(key);
    return found.is_null() ? std::string() : textOf(found);
}

Json Configuration::lookup(const std::string& name, bool& found) const
{
    found = true;
    if (const auto it = m_values.find(name); it != m_values.end())
        return *it;
    if (const auto it = m_secrets.find(name); it != m_secrets.end())
        return *it;
    found = false;
    return Json();
}

std::string Configuration::substituteString(const std::string& text) const
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '$' || i + 1 >= text.size()) {
            out += text[i++];
            continue;
        }
        if (text[i + 1] == '$') {
            out += '$';
            i += 2;
            continue;
        }
        const bool braced = text[i + 1] == '{';
        const std::size_t start = i + (braced ? 2 : 1);
        std::size_t end = start;
        if (start < text.size() && isNameStart(text[start])) {
            while (end < text.size() && isNameChar(text[end]))
                ++end;
        }
        const bool closed = !braced || (end < text.size() && text[end] == '}');
        bool found = false;
        const Json value
            = end > start && closed ? lookup(text.substr(start, end - start), found) : Json();
        if (!found) {
            out += text[i++];
            continue;
        }
        out += textOf(value);
        i = end + (braced ? 1 : 0);
    }
    return out;
}

Json Configuration::substitute(const Json& data) const
{
    if (data.is_string()) {
        const auto& text = data.get_ref<const std::string&>();
        if (text.size() > 3 && text.starts_with("${") && text.back() == '}') {
            bool found = false;
            const auto name = text.substr(2, text.size() - 3);
            const auto value
                = name.find_first_of("${}") == std::string::npos ? lookup(name, found) : Json();
            if (found)
                return value;
        }
        return substituteString(text);
    }
    if (data.is_object() || data.is_array()) {
        Json out = data;
        for (auto& item : out)
            item = substitute(item);
        return out;
    }
    return data;
}

} // namespace chaoslab::chaostoolkit
