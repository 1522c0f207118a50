// Reads a Chaos Toolkit experiment file and checks it as chaostoolkit-lib 1.4x does before a
// run: activity types, providers, pauses, tolerances of steady-state probes, and the
// arguments of chaostoxi functions. Errors name the file, the activity and the key, such as
// `exp.json: method[1] "add-latency": provider.func "create_latncy_toxic" is unknown ...`.
//
// Activities of the form {"ref": NAME} are replaced by the activity of that name. Background
// activities are rejected, and so are process providers unless allowProcess is set.
#pragma once

#include "experiment.h"

#include <QString>

#include <optional>
#include <string>

namespace chaoslab::chaostoolkit {

struct LoadOptions
{
    bool allowProcess = false;
};

struct LoadResult
{
    std::optional<Experiment> experiment;
    // Set when experiment is not.
    std::string error;
};

class ExperimentLoader
{
public:
    static LoadResult loadFile(const QString& path, const LoadOptions& options = {});
    // `source` names the text in messages, such as the file name.
    static LoadResult parse(
        const std::string& text, const std::string& source, const LoadOptions& options = {});
};

} // namespace chaoslab::chaostoolkit
