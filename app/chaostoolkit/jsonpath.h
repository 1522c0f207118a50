// The simple JSONPath forms that steady-state tolerances use: `$`, `.key`, `['key']`,
// `[N]`, `[*]` and `.*`, such as `$.a.b[0]` or `$.items[*].id`. Recursive descent (`..`),
// filters (`[?(...)]`), slices (`[1:3]`) and unions (`[0,1]`) are rejected with a message
// naming them, rather than matched differently from chaostoolkit's jsonpath2.
#pragma once

#include "experiment.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace chaoslab::chaostoolkit {

class JsonPath
{
public:
    // Returns the parsed path, or the error message in `error`.
    static std::optional<JsonPath> parse(const std::string& text, std::string& error);

    // Returns every value the path selects, in document order.
    std::vector<Json> match(const Json& document) const;

private:
    struct Wildcard
    { };
    using Step = std::variant<std::string, long long, Wildcard>;

    std::vector<Step> m_steps;
};

} // namespace chaoslab::chaostoolkit
