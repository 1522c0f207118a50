// The values an experiment substitutes into its activities: the "configuration" object with
// `{"type": "env", "key": ...}` entries read from the environment, `--var` overrides, and the
// "secrets" scopes, also read from the environment.
//
// substitute() follows Python's string.Template.safe_substitute as chaostoolkit-lib uses it:
// `${name}` and `$name` are replaced, `$$` is a literal `$`, and unknown names stay as they
// are. A string that is exactly one `${name}` becomes the value itself, keeping its JSON type.
#pragma once

#include "experiment.h"

#include <map>
#include <optional>
#include <string>

namespace chaoslab::chaostoolkit {

class Configuration
{
public:
    // Resolves the experiment's configuration and secrets. `vars` come from `--var` and win
    // over the file. Returns the error message when an environment variable that an entry
    // names is unset and the entry has no default.
    static std::optional<std::string> load(const Experiment& experiment,
        const std::map<std::string, Json>& vars, Configuration& configuration);

    // Parses one `--var` value: "key=value" (a string), "key:int=value" or
    // "key:float=value". Returns the error message when the text has another form.
    static std::optional<std::string> parseVar(
        const std::string& text, std::map<std::string, Json>& vars);

    const Json& values() const { return m_values; }
    // A missing key returns null.
    Json value(const std::string& key) const;
    std::string stringValue(const std::string& key) const;
    // Activities such as chaostoxi's create_proxy add keys while the experiment runs.
    void set(const std::string& key, const Json& value) { m_values[key] = value; }

    // Replaces references in every string of `data`, recursively through objects and arrays.
    Json substitute(const Json& data) const;
    std::string substituteString(const std::string& text) const;

private:
    Json lookup(const std::string& name, bool& found) const;

    Json m_values = Json::object();
    // Secrets of every scope, flattened: chaostoolkit substitutes them like configuration.
    Json m_secrets = Json::object();
};

} // namespace chaoslab::chaostoolkit
