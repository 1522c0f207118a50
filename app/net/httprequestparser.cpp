#include "httprequestparser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

namespace chaoslab::net {

namespace {

// Maximum length of a chunk-size line, chunk extensions included.
constexpr std::size_t maxChunkLineBytes = 1024;

enum class LineResult { Line, NeedMore, TooLong };

// Takes one line ending in LF (an optional CR before it is dropped) starting at `offset`.
LineResult takeLine(
    const std::string& buffer, std::size_t& offset, std::string& line, std::size_t limit)
{
    const auto end = buffer.find('\n', offset);
    if (end == std::string::npos)
        return buffer.size() - offset > limit ? LineResult::TooLong : LineResult::NeedMore;
    if (end - offset + 1 > limit)
        return LineResult::TooLong;
    line.assign(buffer, offset, end - offset);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    offset = end + 1;
    return LineResult::Line;
}

bool isTokenChar(unsigned char c)
{
    static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return std::isalnum(c) || extra.find(static_cast<char>(c)) != std::string_view::npos;
}

bool isToken(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return isTokenChar(static_cast<unsigned char>(c));
    });
}

// Field values may hold visible characters, spaces, tabs and obs-text, but no other controls.
bool isFieldValue(std::string_view text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7f;
    });
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0 || (high == 0 && low == 0))
            return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

// Returns the path and query of an origin-form ("/a?b") or absolute-form
// ("http://host/a?b") request target.
std::optional<std::pair<std::string_view, std::string_view>> splitTarget(std::string_view target)
{
    if (target == "*")
        return std::pair { target, std::string_view {} };
    const auto scheme = target.find("://");
    if (target.front() != '/' && scheme != std::string_view::npos) {
        const auto slash = target.find('/', scheme + 3);
        target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
    if (target.front() != '/')
        return std::nullopt;
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return std::pair { target, std::string_view {} };
    return std::pair { target.substr(0, question), target.substr(question + 1) };
}

} // namespace

HttpRequestParser::HttpRequestParser(HttpLimits limits) : m_limits(limits) { }

HttpRequestParser::Result HttpRequestParser::parse(std::string& buffer)
{
    if (m_state == State::RequestLine && !buffer.empty())
        m_startedLine = true;
    std::size_t offset = 0;
    Step step = Step::Continue;
    while (step == Step::Continue) {
        if (m_state == State::Done)
            step = Step::Complete;
        else if (m_state == State::Body || m_state == State::ChunkData)
            step = parseBodyBytes(buffer, offset);
        else
            step = parseLineState(buffer, offset);
    }
    buffer.erase(0, offset);
    if (step == Step::Failed)
        return Result::Failed;
    return step == Step::Complete ? Result::Complete : Result::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::parseLineState(
    const std::string& buffer, std::size_t& offset)
{
    const bool inHeaderSection = m_state != State::ChunkSize && m_state != State::ChunkEnd;
    const auto limit
        = inHeaderSection ? m_limits.maxHeaderBytes - m_headerBytes : maxChunkLineBytes;
    std::string line;
    const auto start = offset;
    const auto lineResult = takeLine(buffer, offset, line, limit);
    if (lineResult == LineResult::NeedMore)
        return Step::NeedMore;
    if (lineResult == LineResult::TooLong) {
        if (inHeaderSection) {
            return fail(431,
                "request header section exceeds " + std::to_string(m_limits.maxHeaderBytes)
                    + " bytes");
        }
        return fail(400, "malformed chunked body: chunk size line too long");
    }
    if (inHeaderSection)
        m_headerBytes += offset - start;
    if (line.find('\r') != std::string::npos)
        return fail(400, "malformed request: bare CR in a line");

    switch (m_state) {
    case State::RequestLine:
        // A server should ignore empty lines before the request line (RFC 9112 section 2.2).
        return line.empty() ? Step::Continue : handleRequestLine(line);
    case State::Headers:
    case State::Trailers:
        return handleHeaderLine(line);
    case State::ChunkSize:
        return handleChunkSize(line);
    case State::ChunkEnd:
        if (!line.empty())
            return fail(400, "malformed chunked body: missing CRLF after chunk data");
        m_state = State::ChunkSize;
        return Step::Continue;
    default:
        return Step::Continue;
    }
}

HttpRequestParser::Step HttpRequestParser::parseBodyBytes(
    const std::string& buffer, std::size_t& offset)
{
    const auto available = std::min(m_remaining, buffer.size() - offset);
    m_request.body.append(buffer, offset, available);
    offset += available;
    m_remaining -= available;
    if (m_remaining > 0)
        return Step::NeedMore;
    m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
    return Step::Continue;
}

HttpRequestParser::Step HttpRequestParser::handleRequestLine(const std::string& line)
{
    const auto firstSpace = line.find(' ');
    const auto lastSpace = line.rfind(' ');
    if (firstSpace == std::string::npos || firstSpace == lastSpace)
        return fail(400, "malformed request line, expected METHOD TARGET HTTP/1.1");

    m_request.method = line.substr(0, firstSpace);
    m_request.target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const auto version = std::string_view(line).substr(lastSpace + 1);
    if (!isToken(m_request.method))
        return fail(400, "malformed request line: invalid method \"" + m_request.method + "\"");
    if (version == "HTTP/1.1" || version == "HTTP/1.0")
        m_request.minorVersion = version.back() - '0';
    else if (version.size() == 8 && version.substr(0, 5) == "HTTP/")
        return fail(
            505, "HTTP version " + std::string(version) + " is not supported, use HTTP/1.1");
    else
        return fail(400, "malformed request line: invalid HTTP version");

    const auto target = std::string_view(m_request.target);
    const auto parts = target.empty() || !isFieldValue(target) || target.find(' ') != target.npos
        ? std::nullopt
        : splitTarget(target);
    const auto path = parts ? percentDecode(parts->first) : std::nullopt;
    if (!path)
        return fail(400, "malformed request line: invalid target \"" + m_request.target + "\"");
    m_request.path = *path;
    m_request.query = std::string(parts->second);
    m_state = State::Headers;
    return Step::Continue;
}

HttpRequestParser::Step HttpRequestParser::handleHeaderLine(const std::string& line)
{
    if (line.empty() && m_state == State::Headers)
        return finishHeaders();
    if (line.empty()) {
        m_state = State::Done;
        return Step::Continue;
    }
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, "malformed header: folded header lines are not allowed");
    const auto colon = line.find(':');
    const auto name = std::string_view(line).substr(0, colon);
    if (colon == std::string::npos || !isToken(name))
        return fail(400, "malformed header line \"" + line.substr(0, 64) + "\"");
    const auto value = trimmed(std::string_view(line).substr(colon + 1));
    if (!isFieldValue(value))
        return fail(400, "malformed header " + std::string(name) + ": control character in value");
    if (m_state == State::Headers)
        m_request.headers.push_back({ std::string(name), std::string(value) });
    return Step::Continue;
}

HttpRequestParser::Step HttpRequestParser::finishHeaders()
{
    std::vector<std::string_view> hosts, lengths, codings;
    for (const auto& header : m_request.headers) {
        if (equalsIgnoringCase(header.name, "Host"))
            hosts.push_back(header.value);
        else if (equalsIgnoringCase(header.name, "Content-Length"))
            lengths.push_back(header.value);
        else if (equalsIgnoringCase(header.name, "Transfer-Encoding"))
            codings.push_back(header.value);
    }
    if (m_request.minorVersion == 1 && hosts.size() != 1)
        return fail(400, hosts.empty() ? "missing Host header" : "more than one Host header");
    if (!codings.empty() && !lengths.empty())
        return fail(400, "request has both Transfer-Encoding and Content-Length");

    if (!codings.empty()) {
        if (codings.size() != 1 || !equalsIgnoringCase(trimmed(codings.front()), "chunked")) {
            return fail(501,
                "unsupported Transfer-Encoding \"" + std::string(codings.front())
                    + "\", only chunked is supported");
        }
        m_state = State::ChunkSize;
        return Step::Continue;
    }
    if (lengths.empty()) {
        m_state = State::Done;
        return Step::Continue;
    }

    std::uint64_t length = 0;
    for (auto text : lengths) {
        std::uint64_t value = 0;
        const auto* end = text.data() + text.size();
        const auto [last, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || error != std::errc() || last != end || (length && value != length))
            return fail(400, "invalid Content-Length \"" + std::string(text) + "\"");
        length = value;
    }
    if (length > m_limits.maxBodyBytes) {
        return fail(413,
            "request body of " + std::to_string(length) + " bytes exceeds the limit of "
                + std::to_string(m_limits.maxBodyBytes) + " bytes");
    }
    m_remaining = length;
    m_state = length == 0 ? State::Done : State::Body;
    return Step::Continue;
}

HttpRequestParser::Step HttpRequestParser::handleChunkSize(const std::string& line)
{
    // Chunk extensions after ';' carry nothing this server uses.
    const auto sizeText = trimmed(std::string_view(line).substr(0, line.find(';')));
    std::uint64_t size = 0;
    const auto* end = sizeText.data() + sizeText.size();
    const auto [last, error] = std::from_chars(sizeText.data(), end, size, 16);
    if (sizeText.empty() || error != std::errc() || last != end)
        return fail(
            400, "malformed chunked body: invalid chunk size \"" + line.substr(0, 32) + "\"");
    if (size == 0) {
        m_state = State::Trailers;
        return Step::Continue;
    }
    if (size > m_limits.maxBodyBytes - m_request.body.size()) {
        return fail(413,
            "chunked request body exceeds the limit of " + std::to_string(m_limits.maxBodyBytes)
                + " bytes");
    }
    m_remaining = size;
    m_state = State::ChunkData;
    return Step::Continue;
}

HttpRequestParser::Step HttpRequestParser::fail(int status, std::string message)
{
    m_error = { status, std::move(message) };
    return Step::Failed;
}

HttpRequest HttpRequestParser::takeRequest()
{
    auto request = std::move(m_request);
    m_request = {};
    m_state = State::RequestLine;
    m_headerBytes = 0;
    m_remaining = 0;
    m_startedLine = false;
    return request;
}

bool HttpRequestParser::expectsContinue() const
{
    const bool bodyPending
        = (m_state == State::Body || m_state == State::ChunkSize) && m_request.body.empty();
    return bodyPending && m_request.minorVersion == 1
        && equalsIgnoringCase(m_request.header("Expect"), "100-continue");
}

} // namespace chaoslab::net
