// Incremental parser of HTTP/1.1 requests (RFC 9112): request line, header section, and a
// body framed by Content-Length or chunked transfer coding. It enforces size limits while
// bytes arrive, so a client can never make the server buffer more than the limits allow.
#pragma once

#include "httpmessage.h"

#include <cstddef>
#include <string>

namespace chaoslab::net {

struct HttpLimits
{
    // Request line plus header fields (and chunked trailer fields), in bytes.
    std::size_t maxHeaderBytes = 32 * 1024;
    // Decoded body, in bytes; larger bodies get 413.
    std::size_t maxBodyBytes = 1024 * 1024;
};

struct HttpParseError
{
    int status = 400;
    std::string message;
};

class HttpRequestParser
{
public:
    enum class Result { NeedMore, Complete, Failed };

    explicit HttpRequestParser(HttpLimits limits = {});

    // Consumes bytes from the front of `buffer`. Complete: takeRequest() returns the request
    // and the rest of `buffer` belongs to the next one. Failed: error() returns the reason, and the
    // connection cannot be used any more because the framing is lost.
    Result parse(std::string& buffer);

    HttpRequest takeRequest();
    const HttpParseError& error() const { return m_error; }

    // True once the header section of a request that announced "Expect: 100-continue" has
    // been parsed and its body is still to come.
    bool expectsContinue() const;
    // True once any byte of the current request has arrived.
    bool started() const { return m_state != State::RequestLine || m_startedLine; }

private:
    enum class State { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Done };

    enum class Step { Continue, NeedMore, Complete, Failed };

    Step parseLineState(const std::string& buffer, std::size_t& offset);
    Step parseBodyBytes(const std::string& buffer, std::size_t& offset);
    Step handleRequestLine(const std::string& line);
    Step handleHeaderLine(const std::string& line);
    Step handleChunkSize(const std::string& line);
    Step finishHeaders();
    Step fail(int status, std::string message);

    HttpLimits m_limits;
    State m_state = State::RequestLine;
    HttpRequest m_request;
    HttpParseError m_error;
    std::size_t m_headerBytes = 0;
    std::size_t m_remaining = 0;
    bool m_startedLine = false;
};

} // namespace chaoslab::net
