#include "toxicspec.h"

#include <algorithm>

namespace chaoslab::engine {

std::string_view streamName(Stream stream)
{
    return stream == Stream::Upstream ? "upstream" : "downstream";
}

std::int64_t ToxicSpec::attribute(std::string_view key) const
{
    auto found = std::find_if(attributes.begin(), attributes.end(),
        [key](const ToxicAttribute& attribute) { return attribute.name == key; });
    return found == attributes.end() ? 0 : found->value;
}

void ToxicSpec::setAttribute(std::string_view key, std::int64_t value)
{
    for (auto& attribute : attributes) {
        if (attribute.name == key) {
            attribute.value = value;
            return;
        }
    }
    attributes.push_back({ std::string(key), value });
}

const std::vector<ToxicType>& toxicTypes()
{
    // Attribute order follows the JSON Toxiproxy 2.12 writes for each type.
    static const std::vector<ToxicType> types = {
        { "latency", { "latency", "jitter" } },
        { "bandwidth", { "rate" } },
        { "slow_close", { "delay" } },
        { "timeout", { "timeout" } },
        { "reset_peer", { "timeout" } },
        { "slicer", { "average_size", "size_variation", "delay" } },
        { "limit_data", { "bytes" } },
    };
    return types;
}

const ToxicType* findToxicType(std::string_view name)
{
    for (const auto& type : toxicTypes()) {
        if (type.name == name)
            return &type;
    }
    return nullptr;
}

ToxicSpec defaultToxic(const ToxicType& type)
{
    ToxicSpec toxic;
    toxic.type = std::string(type.name);
    for (auto attribute : type.attributes)
        toxic.attributes.push_back({ std::string(attribute), 0 });
    return toxic;
}

std::optional<std::string> validateToxic(
    const ToxicSpec& toxic, const std::vector<std::string>& givenAttributes)
{
    if (!(toxic.toxicity >= 0.0 && toxic.toxicity <= 1.0)) {
        return "invalid toxicity " + std::to_string(toxic.toxicity)
            + ": expected a number from 0 to 1";
    }
    for (const auto& attribute : toxic.attributes) {
        if (attribute.value < 0) {
            return "invalid " + toxic.type + " attribute " + attribute.name + " = "
                + std::to_string(attribute.value) + ": expected 0 or more";
        }
    }
    const auto given = [&givenAttributes](std::string_view name) {
        return std::find(givenAttributes.begin(), givenAttributes.end(), name)
            != givenAttributes.end();
    };
    if (toxic.type == "slicer" && (given("average_size") || given("size_variation"))) {
        // Toxiproxy 2.12 spins forever on average_size 0 and panics when the variation
        // reaches the average size.
        const auto average = toxic.attribute("average_size");
        const auto variation = toxic.attribute("size_variation");
        if (average <= 0) {
            return "invalid slicer attribute average_size = " + std::to_string(average)
                + ": expected 1 or more bytes";
        }
        if (variation >= average) {
            return "invalid slicer attribute size_variation = " + std::to_string(variation)
                + ": expected less than average_size (" + std::to_string(average) + ")";
        }
    }
    return std::nullopt;
}

} // namespace chaoslab::engine
