#include "jsonreader.h"

#include <algorithm>
#include <cmath>

namespace chaoslab::lab {

std::string JsonReader::child(const std::string& pointer, const char* key)
{
    return pointer + '/' + pointerToken(key);
}

std::string JsonReader::child(const std::string& pointer, size_t index)
{
    return pointer + '/' + std::to_string(index);
}

QString JsonReader::typeName(Json::value_t type)
{
    switch (type) {
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::boolean:
        return QStringLiteral("true or false");
    case Json::value_t::null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("a number");
    }
}

void JsonReader::errorAt(const std::string& pointer, const QString& message)
{
    m_issues.append({ m_locations.value(pointer), message });
}

void JsonReader::errorAtKey(const std::string& pointer, const QString& message)
{
    m_issues.append({ m_locations.key(pointer), message });
}

void JsonReader::allowOnly(
    const Json& object, const std::string& pointer, std::initializer_list<const char*> allowed)
{
    for (const auto& [key, value] : object.items()) {
        const bool known = std::any_of(
            allowed.begin(), allowed.end(), [&key](const char* name) { return key == name; });
        if (known)
            continue;
        QStringList names;
        for (const char* name : allowed)
            names.append(QString::fromLatin1(name));
        errorAtKey(child(pointer, key.c_str()),
            QStringLiteral("unknown key \"%1\"; expected one of: %2")
                .arg(QString::fromStdString(key), names.join(QStringLiteral(", "))));
    }
}

const JsonReader::Json* JsonReader::member(const Json& object, const std::string& pointer,
    const char* key, bool required, Json::value_t expected)
{
    const auto found = object.find(key);
    if (found == object.end()) {
        if (required)
            errorAt(pointer, QStringLiteral("missing key \"%1\"").arg(QLatin1String(key)));
        return nullptr;
    }
    const bool numberExpected = expected == Json::value_t::number_float;
    if (numberExpected ? !found->is_number() : found->type() != expected) {
        errorAt(child(pointer, key),
            QStringLiteral("\"%1\" must be %2, not %3")
                .arg(QLatin1String(key), typeName(expected), typeName(found->type())));
        return nullptr;
    }
    return &*found;
}

std::optional<QString> JsonReader::string(
    const Json& object, const std::string& pointer, const char* key, bool required)
{
    const Json* value = member(object, pointer, key, required, Json::value_t::string);
    if (!value)
        return std::nullopt;
    return QString::fromStdString(value->get<std::string>());
}

std::optional<double> JsonReader::number(
    const Json& object, const std::string& pointer, const char* key, bool required)
{
    const Json* value = member(object, pointer, key, required, Json::value_t::number_float);
    if (!value)
        return std::nullopt;
    return value->get<double>();
}

std::optional<qint64> JsonReader::integer(const Json& object, const std::string& pointer,
    const char* key, bool required, qint64 min, qint64 max)
{
    const std::optional<double> value = number(object, pointer, key, required);
    if (!value)
        return std::nullopt;
    if (std::trunc(*value) != *value || *value < double(min) || *value > double(max)) {
        errorAt(child(pointer, key),
            QStringLiteral("\"%1\" must be a whole number from %2 to %3, not %4")
                .arg(QLatin1String(key))
                .arg(min)
                .arg(max)
                .arg(*value));
        return std::nullopt;
    }
    return qint64(*value);
}

std::optional<bool> JsonReader::boolean(
    const Json& object, const std::string& pointer, const char* key, bool required)
{
    const Json* value = member(object, pointer, key, required, Json::value_t::boolean);
    if (!value)
        return std::nullopt;
    return value->get<bool>();
}

} // namespace chaoslab::lab
