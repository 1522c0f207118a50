// Typed reading of a parsed JSON document that collects every problem with its line and
// column instead of stopping at the first one. Lab files are read through it so that a
// participant editing a lab gets all their mistakes in one run.
#pragma once

#include "jsonlocations.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace chaoslab::lab {

struct JsonIssue
{
    TextPosition position;
    QString message;
};

class JsonReader
{
public:
    using Json = nlohmann::json;

    explicit JsonReader(const JsonLocations& locations) : m_locations(locations) { }

    const QList<JsonIssue>& issues() const { return m_issues; }

    void errorAt(const std::string& pointer, const QString& message);
    void errorAtKey(const std::string& pointer, const QString& message);

    // Reports members of `object` not in `allowed`, at their names.
    void allowOnly(
        const Json& object, const std::string& pointer, std::initializer_list<const char*> allowed);

    // Each returns the member `key` of `object` converted, or nothing after reporting a
    // wrong type; `required` also reports a missing member.
    const Json* member(const Json& object, const std::string& pointer, const char* key,
        bool required, Json::value_t expected);
    std::optional<QString> string(
        const Json& object, const std::string& pointer, const char* key, bool required);
    std::optional<double> number(
        const Json& object, const std::string& pointer, const char* key, bool required);
    // Also reports a value outside [min, max].
    std::optional<qint64> integer(const Json& object, const std::string& pointer, const char* key,
        bool required, qint64 min, qint64 max);
    std::optional<bool> boolean(
        const Json& object, const std::string& pointer, const char* key, bool required);

    static std::string child(const std::string& pointer, const char* key);
    static std::string child(const std::string& pointer, size_t index);
    static QString typeName(Json::value_t type);

private:
    const JsonLocations& m_locations;
    QList<JsonIssue> m_issues;
};

} // namespace chaoslab::lab
