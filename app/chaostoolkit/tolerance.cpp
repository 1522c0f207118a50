#include "tolerance.h"

#include "configuration.h"
#include "jsonpath.h"

#include <QRegularExpression>
#include <QString>

namespace chaoslab::chaostoolkit {

namespace {

// Python counts booleans as the numbers 1 and 0 when it compares.
bool isPythonNumber(const Json& value)
{
    return value.is_number() || value.is_boolean();
}

double numberOf(const Json& value)
{
    if (value.is_boolean())
        return value.get<bool>() ? 1.0 : 0.0;
    return value.get<double>();
}

bool pythonEquals(const Json& a, const Json& b)
{
    if (isPythonNumber(a) && isPythonNumber(b))
        return numberOf(a) == numberOf(b);
    return a == b;
}

bool contains(const Json& list, const Json& value)
{
    for (const auto& item : list) {
        if (pythonEquals(item, value))
            return true;
    }
    return false;
}

// Returns nothing when Python could not order the two values (a TypeError there).
std::optional<bool> pythonLessEqual(const Json& a, const Json& b)
{
    if (isPythonNumber(a) && isPythonNumber(b))
        return numberOf(a) <= numberOf(b);
    if (a.is_string() && b.is_string())
        return a.get<std::string>() <= b.get<std::string>();
    return std::nullopt;
}

bool isHttpOutput(const Json& value)
{
    return value.is_object() && value.contains("status");
}

Json targetOf(const Json& tolerance, const Json& value)
{
    const auto target = tolerance.value("target", std::string());
    if (!target.empty() && value.is_object() && value.contains(target))
        return value[target];
    return value;
}

ToleranceCheck result(bool met, const std::string& detail)
{
    return met ? ToleranceCheck { true, {} } : ToleranceCheck { false, detail };
}

ToleranceCheck checkList(const Json& tolerance, const Json& value)
{
    if (isHttpOutput(value))
        return result(contains(tolerance, value["status"]),
            "status " + value["status"].dump() + " is not in " + tolerance.dump());
    if (tolerance.size() == 2) {
        const auto low = pythonLessEqual(tolerance[0], value);
        const auto high = pythonLessEqual(value, tolerance[1]);
        if (!low || !high)
            return { false,
                value.dump() + " cannot be compared with the range " + tolerance.dump() };
        return result(*low && *high, value.dump() + " is outside " + tolerance.dump());
    }
    return result(contains(tolerance, value), value.dump() + " is not in " + tolerance.dump());
}

ToleranceCheck checkRange(const Json& tolerance, const Json& value)
{
    const Json target = targetOf(tolerance, value);
    double number = 0;
    if (isPythonNumber(target)) {
        number = numberOf(target);
    } else if (target.is_string()) {
        try {
            std::size_t used = 0;
            number = std::stod(target.get<std::string>(), &used);
            if (used != target.get<std::string>().size())
                return { false, "range check expects a number, got " + target.dump() };
        } catch (const std::exception&) {
            return { false, "range check expects a number, got " + target.dump() };
        }
    } else {
        return { false, "range check expects a number, got " + target.dump() };
    }
    const auto& range = tolerance["range"];
    const bool met = numberOf(range[0]) <= number && number <= numberOf(range[1]);
    return result(met, target.dump() + " is outside " + range.dump());
}

ToleranceCheck checkRegex(
    const Json& tolerance, const Json& value, const Configuration& configuration)
{
    const auto pattern = configuration.substituteString(tolerance.value("pattern", std::string()));
    const Json target = targetOf(tolerance, value);
    if (!target.is_string())
        return { false, "regex tolerance expects a string, got " + target.dump() };
    const QRegularExpression expression(QString::fromStdString(pattern));
    const bool met = expression.match(QString::fromStdString(target.get<std::string>())).hasMatch();
    return result(met, "pattern " + pattern + " does not match " + target.dump());
}

ToleranceCheck checkJsonPath(
    const Json& tolerance, const Json& value, const Configuration& configuration)
{
    std::string error;
    const auto text = configuration.substituteString(tolerance.value("path", std::string()));
    const auto path = JsonPath::parse(text, error);
    if (!path)
        return { false, error };
    Json target = targetOf(tolerance, value);
    if (target.is_string()) {
        auto parsed = Json::parse(target.get<std::string>(), nullptr, false);
        if (!parsed.is_discarded())
            target = std::move(parsed);
    }
    const auto values = path->match(target);
    Json found = Json::array();
    for (const auto& item : values)
        found.push_back(item);

    bool met = !values.empty();
    if (tolerance.contains("count"))
        met = values.size() == tolerance["count"].get<std::size_t>();
    if (tolerance.contains("expect")) {
        const auto& expect = tolerance["expect"];
        met = expect.is_array() ? found == expect : found == Json::array({ expect });
    }
    return result(met, "JSON path " + text + " found " + found.dump());
}

std::optional<std::string> validateObject(const Json& tolerance)
{
    const auto type = tolerance.value("type", std::string());
    if (type == "range") {
        const auto& range = tolerance.contains("range") ? tolerance["range"] : Json();
        if (!range.is_array() || range.size() != 2 || !range[0].is_number()
            || !range[1].is_number())
            return "a range tolerance needs \"range\": [low, high] with two numbers";
        return std::nullopt;
    }
    if (type == "regex") {
        if (!tolerance.contains("pattern") || !tolerance["pattern"].is_string())
            return "a regex tolerance needs a \"pattern\" string";
        const QRegularExpression expression(
            QString::fromStdString(tolerance["pattern"].get<std::string>()));
        if (!expression.isValid())
            return "regex tolerance pattern is invalid: " + expression.errorString().toStdString();
        return std::nullopt;
    }
    if (type == "jsonpath") {
        if (!tolerance.contains("path") || !tolerance["path"].is_string())
            return "a jsonpath tolerance needs a \"path\" string";
        std::string error;
        if (!JsonPath::parse(tolerance["path"].get<std::string>(), error))
            return error;
        if (tolerance.contains("count") && !tolerance["count"].is_number_unsigned())
            return "jsonpath tolerance \"count\" must be a non-negative integer";
        return std::nullopt;
    }
    if (type == "probe")
        return "a tolerance of type \"probe\" runs a Python function, which is not supported "
               "natively; use an int, list, range, regex or jsonpath tolerance";
    return "tolerance type \"" + type + "\" is unsupported; use range, regex or jsonpath";
}

} // namespace

std::optional<std::string> validateTolerance(const Json& tolerance)
{
    if (tolerance.is_boolean() || tolerance.is_number_integer() || tolerance.is_string()
        || tolerance.is_array())
        return std::nullopt;
    if (tolerance.is_object())
        return validateObject(tolerance);
    return "tolerance " + tolerance.dump()
        + " is invalid; it must be an integer, a string, a boolean, a list or an object";
}

ToleranceCheck checkTolerance(
    const Json& tolerance, const Json& value, const Configuration& configuration)
{
    if (tolerance.is_boolean() || tolerance.is_string())
        return result(pythonEquals(value, tolerance),
            "expected " + tolerance.dump() + ", got " + value.dump());
    if (tolerance.is_number_integer()) {
        const Json actual = isHttpOutput(value) ? value["status"] : value;
        return result(pythonEquals(actual, tolerance),
            "expected " + tolerance.dump() + ", got " + actual.dump());
    }
    if (tolerance.is_array())
        return checkList(tolerance, value);
    const auto type = tolerance.value("type", std::string());
    if (type == "range")
        return checkRange(tolerance, value);
    if (type == "regex")
        return checkRegex(tolerance, value, configuration);
    if (type == "jsonpath")
        return checkJsonPath(tolerance, value, configuration);
    return { false, validateTolerance(tolerance).value_or("unsupported tolerance") };
}

} // namespace chaoslab::chaostoolkit
