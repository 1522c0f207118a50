// Steady-state tolerances as chaostoolkit-lib 1.4x checks them:
//
//   200                 int: equal to the value, or to its "status" for an HTTP output
//   true, "text"        bool and string: equal to the value
//   [200, 201, 204]     list: membership of "status" for an HTTP output; otherwise a list of
//                       two items is an inclusive range [low, high] and longer lists are
//                       membership
//   {"type": "range", "range": [low, high], "target": KEY}
//   {"type": "regex", "pattern": RE, "target": KEY}        search anywhere in the text
//   {"type": "jsonpath", "path": P, "target": KEY, "count": N, "expect": V}
//
// Floats and null are invalid tolerances in chaostoolkit, and so are they here. A
// {"type": "probe"} tolerance calls a Python function and is rejected as not supported.
#pragma once

#include "experiment.h"

#include <optional>
#include <string>

namespace chaoslab::chaostoolkit {

class Configuration;

// Returns what is wrong with the tolerance, or nothing when it is valid.
std::optional<std::string> validateTolerance(const Json& tolerance);

struct ToleranceCheck
{
    bool met = false;
    // The reason the tolerance was not met, for the log. Empty when met.
    std::string detail;
};

// `configuration` substitutes the regex pattern and the JSON path, as chaostoolkit does.
ToleranceCheck checkTolerance(
    const Json& tolerance, const Json& value, const Configuration& configuration);

} // namespace chaoslab::chaostoolkit
