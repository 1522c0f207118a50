// A Chaos Toolkit experiment (the JSON format of chaostoolkit-lib 1.4x) as loaded by
// ExperimentLoader: the steady-state hypothesis, the method and the rollbacks, each activity
// with its provider still unsubstituted. `raw` keeps the JSON as written, because the journal
// copies activities and the experiment exactly as the file has them.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::chaostoolkit {

// Keeps the key order of the file, so that journals list keys as the experiment does.
using Json = nlohmann::ordered_json;

struct Activity
{
    Json raw;
    // "probe" or "action".
    std::string type;
    std::string name;
    // The provider object: "type" is "http", "python" or "process".
    Json provider;
    // Only steady-state probes use it; a probe in the method ignores it.
    std::optional<Json> tolerance;
    // Seconds.
    double pauseBefore = 0;
    double pauseAfter = 0;

    std::string providerType() const { return provider.value("type", std::string()); }
};

struct Hypothesis
{
    std::string title;
    std::vector<Activity> probes;
};

struct Experiment
{
    Json raw;
    std::string title;
    std::string description;
    // The "configuration" and "secrets" objects as written; Configuration resolves them.
    Json configuration = Json::object();
    Json secrets = Json::object();
    std::optional<Hypothesis> hypothesis;
    std::vector<Activity> method;
    std::vector<Activity> rollbacks;
    // runtime.rollbacks.strategy, when the experiment sets one.
    std::optional<std::string> rollbackStrategy;

    bool hasHypothesisProbes() const { return hypothesis && !hypothesis->probes.empty(); }
};

} // namespace chaoslab::chaostoolkit
