#include "experimentloader.h"

#include "chaostoxisignatures.h"
#include "tolerance.h"

#include <QFile>

#include <map>

namespace chaoslab::chaostoolkit {

namespace {

// A validation error; the loader prefixes the source name.
struct Invalid
{
    std::string message;
};

std::string lineAndColumn(const std::string& text, std::size_t offset)
{
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string describe(const std::string& where, const Json& activity)
{
    const auto name = activity.is_object() ? activity.value("name", std::string()) : std::string();
    return name.empty() ? where : where + " \"" + name + "\"";
}

double pauseSeconds(const Json& pauses, const char* key, const std::string& where)
{
    if (!pauses.contains(key) || pauses[key].is_null())
        return 0;
    if (!pauses[key].is_number())
        throw Invalid { where + ": pauses." + key + " must be a number of seconds" };
    return pauses[key].get<double>();
}

void validatePython(const Json& provider, const std::string& where)
{
    const auto module = provider.value("module", std::string());
    const auto func = provider.value("func", std::string());
    if (module.empty() || func.empty())
        throw Invalid { where + ": a python provider needs \"module\" and \"func\"" };
    // Other modules are not known here; running them fails with a clear message instead.
    if (!isChaostoxiModule(module))
        return;
    const Json arguments = provider.contains("arguments") ? provider["arguments"] : Json();
    if (auto error = validateChaostoxiCall(module, func, arguments))
        throw Invalid { where + ": " + *error };
}

void validateProvider(const Json& provider, const std::string& where, const LoadOptions& options)
{
    if (!provider.is_object())
        throw Invalid { where + ": an activity requires a \"provider\" object" };
    const auto type = provider.value("type", std::string());
    if (type == "http") {
        if (provider.value("url", std::string()).empty())
            throw Invalid { where + ": an http provider needs a \"url\"" };
        if (provider.contains("headers") && !provider["headers"].is_object())
            throw Invalid { where + ": provider.headers must be an object of names to values" };
    } else if (type == "python") {
        validatePython(provider, where);
    } else if (type == "process") {
        if (provider.value("path", std::string()).empty())
            throw Invalid { where + ": a process provider needs a \"path\"" };
        if (!options.allowProcess)
            throw Invalid { where + ": runs the local program \""
                + provider.value("path", std::string())
                + "\"; rerun with --allow-process to allow process providers" };
    } else {
        throw Invalid { where + ": provider.type \"" + type
            + "\" is unknown; use http, python or process" };
    }
}

Activity parseActivity(const Json& json, const std::string& where, const LoadOptions& options)
{
    if (!json.is_object() || json.empty())
        throw Invalid { where + ": an activity must be a non-empty object" };
    Activity activity;
    activity.raw = json;
    activity.type = json.value("type", std::string());
    activity.name = json.value("name", std::string());
    if (activity.type != "probe" && activity.type != "action")
        throw Invalid { where + ": type \"" + activity.type + "\" is not probe or action" };
    if (activity.name.empty())
        throw Invalid { where + ": an activity must have a name" };
    if (json.contains("background") && !json["background"].is_boolean())
        throw Invalid { where + ": background must be true or false" };
    if (json.value("background", false))
        throw Invalid { where
            + ": background activities are not supported; remove "
              "\"background\" to run the activity in sequence" };
    if (json.contains("pauses")) {
        const auto& pauses = json["pauses"];
        activity.pauseBefore = pauseSeconds(pauses, "before", where);
        activity.pauseAfter = pauseSeconds(pauses, "after", where);
    }
    activity.provider = json.contains("provider") ? json["provider"] : Json();
    validateProvider(activity.provider, where, options);
    if (json.contains("tolerance"))
        activity.tolerance = json["tolerance"];
    return activity;
}

class Parser
{
public:
    Parser(const Json& root, const LoadOptions& options) : m_root(root), m_options(options)
    {
        collectNames();
    }

    Experiment parse();

private:
    void collectNames();
    Activity activityAt(const Json& json, const std::string& where);
    std::vector<Activity> list(const char* key);

    const Json& m_root;
    const LoadOptions& m_options;
    std::map<std::string, Json> m_byName;
};

void Parser::collectNames()
{
    const auto add = [this](const Json& list) {
        if (!list.is_array())
            return;
        for (const auto& item : list) {
            if (item.is_object() && item.contains("name") && !item.contains("ref"))
                m_byName.emplace(item.value("name", std::string()), item);
        }
    };
    if (m_root.contains("steady-state-hypothesis") && m_root["steady-state-hypothesis"].is_object())
        add(m_root["steady-state-hypothesis"].value("probes", Json::array()));
    add(m_root.value("method", Json::array()));
    add(m_root.value("rollbacks", Json::array()));
}

Activity Parser::activityAt(const Json& json, const std::string& where)
{
    if (json.is_object() && json.contains("ref")) {
        const auto& ref = json["ref"];
        if (!ref.is_string() || ref.get<std::string>().empty())
            throw Invalid { where + ": \"ref\" must be the non-empty name of an activity" };
        const auto found = m_byName.find(ref.get<std::string>());
        if (found == m_byName.end())
            throw Invalid { where + ": no activity is named \"" + ref.get<std::string>()
                + "\" for this ref" };
        return parseActivity(found->second, where + " (ref)", m_options);
    }
    return parseActivity(json, describe(where, json), m_options);
}

std::vector<Activity> Parser::list(const char* key)
{
    std::vector<Activity> activities;
    if (!m_root.contains(key) || m_root[key].is_null())
        return activities;
    if (!m_root[key].is_array())
        throw Invalid { std::string(key) + " must be a list of activities" };
    std::size_t index = 0;
    for (const auto& json : m_root[key])
        activities.push_back(
            activityAt(json, std::string(key) + "[" + std::to_string(index++) + "]"));
    return activities;
}

Experiment Parser::parse()
{
    if (!m_root.is_object())
        throw Invalid { "an experiment must be a JSON object" };
    Experiment experiment;
    experiment.raw = m_root;
    experiment.title = m_root.value("title", std::string());
    if (experiment.title.empty())
        throw Invalid { "the experiment needs a \"title\"" };
    experiment.description = m_root.value("description", std::string());
    for (const char* key : { "configuration", "secrets" }) {
        if (m_root.contains(key) && !m_root[key].is_object())
            throw Invalid { std::string(key) + " must be an object" };
    }
    experiment.configuration = m_root.value("configuration", Json::object());
    experiment.secrets = m_root.value("secrets", Json::object());

    if (m_root.contains("steady-state-hypothesis")
        && !m_root["steady-state-hypothesis"].is_null()) {
        const auto& json = m_root["steady-state-hypothesis"];
        Hypothesis hypothesis;
        hypothesis.title = json.is_object() ? json.value("title", std::string()) : std::string();
        if (hypothesis.title.empty())
            throw Invalid { "steady-state-hypothesis needs a \"title\"" };
        const auto probes = json.value("probes", Json::array());
        for (std::size_t i = 0; i < probes.size(); ++i) {
            const auto where = "steady-state-hypothesis.probes[" + std::to_string(i) + "]";
            auto probe = activityAt(probes[i], where);
            if (!probe.tolerance)
                throw Invalid { describe(where, probes[i])
                    + ": a steady-state probe needs a \"tolerance\"" };
            if (auto error = validateTolerance(*probe.tolerance))
                throw Invalid { describe(where, probes[i]) + ": " + *error };
            hypothesis.probes.push_back(std::move(probe));
        }
        experiment.hypothesis = std::move(hypothesis);
    }
    if (!m_root.contains("method") || !m_root["method"].is_array())
        throw Invalid { "the experiment needs a \"method\" list (it may be empty)" };
    experiment.method = list("method");
    experiment.rollbacks = list("rollbacks");

    const auto strategy = m_root.value(Json::json_pointer("/runtime/rollbacks/strategy"), Json());
    if (strategy.is_string())
        experiment.rollbackStrategy = strategy.get<std::string>();
    return experiment;
}

} // namespace

LoadResult ExperimentLoader::parse(
    const std::string& text, const std::string& source, const LoadOptions& options)
{
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::parse_error& error) {
        const std::string what = error.what();
        const auto detail
            = what.substr(what.find(':') == std::string::npos ? 0 : what.rfind(": ") + 2);
        return { std::nullopt,
            source + ":" + lineAndColumn(text, error.byte == 0 ? 0 : error.byte - 1)
                + ": invalid JSON: " + detail };
    }
    try {
        return { Parser(root, options).parse(), {} };
    } catch (const Invalid& invalid) {
        return { std::nullopt, source + ": " + invalid.message };
    } catch (const Json::exception& error) {
        return { std::nullopt, source + ": " + error.what() };
    }
}

LoadResult ExperimentLoader::loadFile(const QString& path, const LoadOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { std::nullopt,
            "cannot read experiment " + path.toStdString() + ": "
                + file.errorString().toStdString() };
    return parse(file.readAll().toStdString(), path.toStdString(), options);
}

} // namespace chaoslab::chaostoolkit
