#include "jsonlocations.h"

namespace chaoslab::lab {

TextPosition positionOfOffset(QByteArrayView text, qsizetype offset)
{
    TextPosition position;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            // Continuation bytes of a UTF-8 sequence do not start a new character.
            ++position.column;
        }
    }
    return position;
}

std::string pointerToken(const std::string& name)
{
    std::string token;
    token.reserve(name.size());
    for (const char c : name) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

// A recursive scan that mirrors the JSON grammar and records positions as it goes. The
// text has already parsed, so it only needs to find where each value begins and ends.
class JsonScanner
{
public:
    JsonScanner(QByteArrayView text, JsonLocations& locations)
        : m_text(text)
        , m_locations(locations)
    { }

    void scanValue(const std::string& pointer)
    {
        skipSpace();
        if (atEnd())
            return;
        m_locations.m_values.emplace(pointer, here());
        switch (m_text[m_offset]) {
        case '{':
            return scanObject(pointer);
        case '[':
            return scanArray(pointer);
        case '"':
            return void(readString());
        default:
            return scanScalar();
        }
    }

private:
    bool atEnd() const { return m_offset >= m_text.size(); }

    TextPosition here()
    {
        // Positions are found in increasing offsets, so counting resumes from the last one.
        const TextPosition step = positionOfOffset(m_text.sliced(m_counted), m_offset - m_counted);
        if (step.line > 1) {
            m_position.line += step.line - 1;
            m_position.column = step.column;
        } else {
            m_position.column += step.column - 1;
        }
        m_counted = m_offset;
        return m_position;
    }

    void skipSpace()
    {
        while (!atEnd()
            && (m_text[m_offset] == ' ' || m_text[m_offset] == '\n' || m_text[m_offset] == '\r'
                || m_text[m_offset] == '\t'))
            ++m_offset;
    }

    bool consume(char expected)
    {
        skipSpace();
        if (atEnd() || m_text[m_offset] != expected)
            return false;
        ++m_offset;
        return true;
    }

    // Returns the raw text between the quotes. Escapes other than \", \\ and \/ are kept
    // as written, because the member names a lab uses contain no other escapes.
    std::string readString()
    {
        std::string raw;
        ++m_offset;
        while (!atEnd() && m_text[m_offset] != '"') {
            if (m_text[m_offset] == '\\' && m_offset + 1 < m_text.size()) {
                const char escaped = m_text[m_offset + 1];
                raw += (escaped == '"' || escaped == '\\' || escaped == '/')
                    ? std::string(1, escaped)
                    : std::string { '\\', escaped };
                m_offset += 2;
                continue;
            }
            raw += m_text[m_offset++];
        }
        ++m_offset;
        return raw;
    }

    void scanScalar()
    {
        while (!atEnd()) {
            const char c = m_text[m_offset];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
                return;
            ++m_offset;
        }
    }

    void scanObject(const std::string& pointer)
    {
        ++m_offset;
        if (consume('}'))
            return;
        do {
            skipSpace();
            if (atEnd() || m_text[m_offset] != '"')
                return;
            const TextPosition keyPosition = here();
            const std::string member = pointer + '/' + pointerToken(readString());
            m_locations.m_keys.emplace(member, keyPosition);
            if (!consume(':'))
                return;
            scanValue(member);
        } while (consume(','));
        consume('}');
    }

    void scanArray(const std::string& pointer)
    {
        ++m_offset;
        if (consume(']'))
            return;
        int index = 0;
        do {
            scanValue(pointer + '/' + std::to_string(index++));
        } while (consume(','));
        consume(']');
    }

    QByteArrayView m_text;
    JsonLocations& m_locations;
    qsizetype m_offset = 0;
    qsizetype m_counted = 0;
    TextPosition m_position;
};

JsonLocations JsonLocations::index(QByteArrayView text)
{
    JsonLocations locations;
    JsonScanner(text, locations).scanValue({});
    return locations;
}

TextPosition JsonLocations::value(const std::string& pointer) const
{
    std::string path = pointer;
    while (true) {
        if (const auto found = m_values.find(path); found != m_values.end())
            return found->second;
        const auto slash = path.rfind('/');
        if (slash == std::string::npos)
            return {};
        path.resize(slash);
    }
}

TextPosition JsonLocations::key(const std::string& pointer) const
{
    if (const auto found = m_keys.find(pointer); found != m_keys.end())
        return found->second;
    return value(pointer);
}

} // namespace chaoslab::lab
