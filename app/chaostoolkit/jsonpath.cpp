#include "jsonpath.h"

#include <cctype>

namespace chaoslab::chaostoolkit {

namespace {

bool isKeyChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

} // namespace

std::optional<JsonPath> JsonPath::parse(const std::string& text, std::string& error)
{
    JsonPath path;
    if (text.empty() || text[0] != '$') {
        error = "JSON path \"" + text + "\" must start with $";
        return std::nullopt;
    }
    std::size_t i = 1;
    while (i < text.size()) {
        if (text.compare(i, 2, "..") == 0) {
            error = "JSON path \"" + text
                + "\" uses recursive descent (..), which is not "
                  "supported; spell out the full path such as $.a.b[0]";
            return std::nullopt;
        }
        if (text[i] == '.') {
            ++i;
            if (i < text.size() && text[i] == '*') {
                path.m_steps.emplace_back(Wildcard {});
                ++i;
                continue;
            }
            const auto start = i;
            while (i < text.size() && isKeyChar(text[i]))
                ++i;
            if (i == start) {
                error = "JSON path \"" + text + "\" has an empty key at column "
                    + std::to_string(start + 1);
                return std::nullopt;
            }
            path.m_steps.emplace_back(text.substr(start, i - start));
            continue;
        }
        if (text[i] != '[') {
            error = "JSON path \"" + text + "\" has an unexpected '" + std::string(1, text[i])
                + "' at column " + std::to_string(i + 1);
            return std::nullopt;
        }
        const auto close = text.find(']', i);
        if (close == std::string::npos) {
            error = "JSON path \"" + text + "\" has a '[' without ']'";
            return std::nullopt;
        }
        const auto inside = text.substr(i + 1, close - i - 1);
        i = close + 1;
        if (inside == "*") {
            path.m_steps.emplace_back(Wildcard {});
        } else if (inside.size() >= 2 && (inside[0] == '\'' || inside[0] == '"')
            && inside.back() == inside[0]) {
            path.m_steps.emplace_back(inside.substr(1, inside.size() - 2));
        } else if (!inside.empty()
            && inside.find_first_not_of("0123456789-") == std::string::npos) {
            path.m_steps.emplace_back(std::stoll(inside));
        } else {
            error = "JSON path \"" + text + "\" uses [" + inside
                + "], which is not supported (filters, slices and unions); use [N], [*] or "
                  "['key']";
            return std::nullopt;
        }
    }
    return path;
}

std::vector<Json> JsonPath::match(const Json& document) const
{
    std::vector<Json> current { document };
    for (const auto& step : m_steps) {
        std::vector<Json> next;
        for (const auto& value : current) {
            if (const auto* key = std::get_if<std::string>(&step)) {
                if (value.is_object() && value.contains(*key))
                    next.push_back(value[*key]);
            } else if (const auto* index = std::get_if<long long>(&step)) {
                if (!value.is_array())
                    continue;
                const auto size = static_cast<long long>(value.size());
                const auto position = *index < 0 ? size + *index : *index;
                if (position >= 0 && position < size)
                    next.push_back(value[static_cast<std::size_t>(position)]);
            } else if (value.is_object() || value.is_array()) {
                for (const auto& item : value)
                    next.push_back(item);
            }
        }
        current = std::move(next);
    }
    return current;
}

} // namespace chaoslab::chaostoolkit
