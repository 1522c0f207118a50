// An incremental parser of one HTTP/1.x response, fed bytes as they arrive. It reads the
// status line and headers, then skips the body framed by chunked transfer coding, by
// Content-Length, or by the end of the connection (RFC 9112 section 6.3). Body bytes are
// counted and dropped, so a large body costs no memory.
#pragma once

#include <QByteArray>
#include <QString>

namespace chaoslab::probes {

class HttpResponseParser
{
public:
    enum class State { Incomplete, Complete, Invalid };

    // `headRequest`: the response to HEAD has no body whatever its headers say.
    explicit HttpResponseParser(bool headRequest = false);

    // Consumes bytes from the front of `buffer`. Interim 1xx responses are skipped.
    State parse(QByteArray& buffer);
    // Ends a body delimited by the connection's end; any other unfinished response stays
    // Incomplete.
    State parseClose();

    // Why the response is Invalid, naming the offending bytes.
    const QString& error() const { return m_error; }
    int status() const { return m_status; }
    const QByteArray& reason() const { return m_reason; }
    // Whether the response leaves the connection open for another request.
    bool keepsConnection() const;
    bool headersDone() const { return m_step > Step::Headers; }
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    enum class Step { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Done };

    bool takeLine(QByteArray& buffer, QByteArray* line);
    bool parseStatusLine(const QByteArray& line);
    bool parseHeader(const QByteArray& line);
    bool finishHeaders();
    bool parseChunkSize(const QByteArray& line);
    void skipBody(QByteArray& buffer);
    State fail(QString error);

    bool m_headRequest;
    Step m_step = Step::StatusLine;
    QString m_error;
    int m_status = 0;
    QByteArray m_reason;
    int m_minorVersion = 1;
    bool m_chunked = false;
    bool m_closeDelimited = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    qint64 m_contentLength = -1;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_headerBytes = 0;
};

} // namespace chaoslab::probes
