#include "loremtext.h"

namespace chaoslab::demo {

namespace {

// The distinct words of the classic "Lorem ipsum" filler paragraph.
constexpr std::string_view words[] = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
    "adipiscing", "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et",
    "dolore", "magna", "aliqua", "enim", "ad", "minim", "veniam", "quis", "nostrud", "exercitation",
    "ullamco", "laboris", "nisi", "aliquip", "ex", "ea", "commodo", "consequat", "duis", "aute",
    "irure", "in", "reprehenderit", "voluptate", "velit", "esse", "cillum", "fugiat", "nulla",
    "pariatur", "excepteur", "sint", "occaecat", "cupidatat", "non", "proident", "sunt", "culpa",
    "qui", "officia", "deserunt", "mollit", "anim", "id", "est", "laborum" };

// FNV-1a, to turn a text key into a seed.
std::uint64_t hashText(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3;
    }
    return hash;
}

} // namespace

SeededSequence::SeededSequence(std::string_view key, int id)
    : m_state(hashText(key) ^ static_cast<std::uint64_t>(id))
{ }

std::uint64_t SeededSequence::next()
{
    m_state += 0x9e3779b97f4a7c15;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

int SeededSequence::between(int low, int high)
{
    const auto span = static_cast<std::uint64_t>(high - low + 1);
    return low + static_cast<int>(next() % span);
}

bool SeededSequence::chance(int percent)
{
    return between(1, 100) <= percent;
}

std::string loremWords(SeededSequence& sequence, int minimum, int maximum)
{
    const int count = sequence.between(minimum, maximum);
    std::string text;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ' ';
        text += sequence.pick(words);
    }
    return text;
}

std::string loremLines(SeededSequence& sequence, int lines)
{
    std::string text;
    for (int i = 0; i < lines; ++i) {
        if (i > 0)
            text += '\n';
        text += loremWords(sequence, 6, 12);
    }
    return text;
}

} // namespace chaoslab::demo
