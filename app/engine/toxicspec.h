// Toxic values as the Toxiproxy API exchanges them, and the table of toxic types.
//
// Every toxic attribute in Toxiproxy 2.12 is an integer, so a toxic is its name, type,
// stream, toxicity and an ordered list of named integers. The type table gives each type's
// attribute names in the order Toxiproxy writes them, and the checks that reject values
// which crash or stall Toxiproxy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chaoslab::engine {

enum class Stream { Upstream, Downstream };

// Returns "upstream" or "downstream".
std::string_view streamName(Stream stream);

struct ToxicAttribute
{
    std::string name;
    std::int64_t value = 0;
};

struct ToxicSpec
{
    std::string name;
    std::string type;
    Stream stream = Stream::Downstream;
    // As the client wrote it ("UPSTREAM" is accepted and echoed back by Toxiproxy).
    std::string streamText = "downstream";
    double toxicity = 1.0;
    std::vector<ToxicAttribute> attributes;

    std::int64_t attribute(std::string_view key) const;
    void setAttribute(std::string_view key, std::int64_t value);
};

struct ToxicType
{
    std::string_view name;
    std::vector<std::string_view> attributes;
};

// The seven toxic types the engine runs, in the order the console lists them.
const std::vector<ToxicType>& toxicTypes();

// Returns the type named `name`, or nullptr for an unknown type (including "noop").
const ToxicType* findToxicType(std::string_view name);

// Returns a spec of `type` with every attribute at Toxiproxy's default of 0, stream
// downstream and toxicity 1. `type` must be a known type.
ToxicSpec defaultToxic(const ToxicType& type);

// Returns a message naming the invalid value and the accepted range, or nothing when
// every value is one the data plane can run. `givenAttributes` names the attributes the
// request set. Toxiproxy 2.12 returns 200 for a slicer created with no attributes
// (average_size 0), so the slicer size rules apply only when a request sets a size. The
// data plane passes chunks unsliced while average_size is 0.
std::optional<std::string> validateToxic(
    const ToxicSpec& toxic, const std::vector<std::string>& givenAttributes);

} // namespace chaoslab::engine
