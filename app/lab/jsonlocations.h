// Line and column of every value and member name in a JSON text, by JSON Pointer
// (RFC 6901), so that errors found after parsing can point at the text that caused them.
//
//     const auto locations = JsonLocations::index(text);
//     const TextPosition at = locations.value("/steps/2/checks/0/metric");
#pragma once

#include <QByteArrayView>

#include <string>
#include <unordered_map>

namespace chaoslab::lab {

// 1-based line and column; the column counts characters, not bytes.
struct TextPosition
{
    int line = 1;
    int column = 1;
};

// Returns the position of byte `offset` in UTF-8 `text`.
TextPosition positionOfOffset(QByteArrayView text, qsizetype offset);

class JsonLocations
{
public:
    // Indexes `text`, which must already have parsed as JSON: the scan does not report
    // syntax errors, and stops at the first one.
    static JsonLocations index(QByteArrayView text);

    // Returns where the value at `pointer` starts, or the nearest indexed parent's position
    // when `pointer` names a value that is absent.
    TextPosition value(const std::string& pointer) const;
    // Returns where the member name of `pointer` starts (for unknown or misplaced keys), or
    // the value's position when `pointer` is not an object member.
    TextPosition key(const std::string& pointer) const;

private:
    friend class JsonScanner;
    std::unordered_map<std::string, TextPosition> m_values;
    std::unordered_map<std::string, TextPosition> m_keys;
};

// Escapes one member name or index as a JSON Pointer token ("~" as "~0", "/" as "~1").
std::string pointerToken(const std::string& name);

} // namespace chaoslab::lab
