// Deterministic placeholder text for the demo HTTP service. The same seed gives the same
// words on every machine and in every run, so tests and lab steps can rely on the content.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chaoslab::demo {

// Pseudo-random numbers from SplitMix64. The standard library's distributions are not used
// because their output differs between implementations.
class SeededSequence
{
public:
    explicit SeededSequence(std::uint64_t seed) : m_state(seed) { }
    // Seeds from a text key and a number, for example ("todos", 7).
    SeededSequence(std::string_view key, int id);

    std::uint64_t next();
    // A number from `low` to `high`, both included.
    int between(int low, int high);
    // True in about `percent` out of 100 calls.
    bool chance(int percent);

    template <typename T, std::size_t N> const T& pick(const T (&items)[N])
    {
        return items[next() % N];
    }

private:
    std::uint64_t m_state;
};

// From `minimum` to `maximum` lower-case lorem ipsum words separated by spaces.
std::string loremWords(SeededSequence& sequence, int minimum, int maximum);

// `lines` runs of words joined by "\n", the shape of a jsonplaceholder post or comment body.
std::string loremLines(SeededSequence& sequence, int lines);

} // namespace chaoslab::demo
