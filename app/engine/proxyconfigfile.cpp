#include "proxyconfigfile.h"

#include "jsonfields.h"
#include "proxylistener.h"
#include "toxiproxyjson.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace chaoslab::engine {

namespace {

EngineError configError(const std::string& path, const std::string& message)
{
    return { ErrorKind::BadRequest, path + ": " + message };
}

// nlohmann writes "[json.exception.parse_error.101] parse error at line 2, column 5: ...".
EngineError syntaxError(const std::string& path, const Json::parse_error& error)
{
    static const std::regex position(R"(parse error at line (\d+), column (\d+): (.*))");
    const std::string message = error.what();
    std::smatch match;
    if (std::regex_search(message, match, position)) {
        return { ErrorKind::BadRequest,
            path + ":" + match[1].str() + ":" + match[2].str() + ": " + match[3].str() };
    }
    return configError(path, message);
}

std::string stripped(const std::string& message)
{
    static const std::string prefix = "bad request body: ";
    return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

Status checkEntry(const PopulateEntry& entry, std::size_t index, const std::string& path)
{
    auto where = "proxy " + std::to_string(index + 1);
    if (!entry.name.empty())
        where += " (\"" + entry.name + "\")";
    if (entry.name.empty())
        return configError(path, where + ": missing required field \"name\"");
    if (entry.upstream.empty())
        return configError(path, where + ": missing required field \"upstream\"");
    if (auto error = checkListenAddress(entry.listen))
        return configError(path, where + ": " + error->message);
    return std::nullopt;
}

} // namespace

Result<std::vector<PopulateEntry>> parseProxyConfig(
    const std::string& text, const std::string& path)
{
    Json document;
    try {
        document = Json::parse(text);
    } catch (const Json::parse_error& error) {
        return syntaxError(path, error);
    }
    if (!document.is_array()) {
        return configError(
            path, "expected a JSON array of proxies, got " + describeJsonType(document));
    }
    auto entries = decodePopulate(document);
    if (!entries.ok())
        return configError(path, stripped(entries.error().message));

    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < entries.value().size(); ++i) {
        const auto& entry = entries.value()[i];
        if (auto error = checkEntry(entry, i, path))
            return *error;
        const auto [previous, added] = seen.emplace(entry.name, i);
        if (!added) {
            return configError(path,
                "proxy " + std::to_string(i + 1) + ": duplicate name \"" + entry.name
                    + "\", already used by proxy " + std::to_string(previous->second + 1));
        }
    }
    return entries;
}

Result<std::vector<PopulateEntry>> loadProxyConfigFile(const std::string& path)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        return EngineError { ErrorKind::BadRequest,
            "failed to read config file " + path + ": it is a directory, expected a JSON file" };
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return EngineError { ErrorKind::BadRequest,
            "failed to read config file " + path + ": " + std::strerror(errno) };
    }
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) {
        return EngineError { ErrorKind::BadRequest,
            "failed to read config file " + path + ": " + std::strerror(errno) };
    }
    return parseProxyConfig(text.str(), path);
}

} // namespace chaoslab::engine
