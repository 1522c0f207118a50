#include "httpresponseparser.h"

#include <QRegularExpression>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

namespace {

// Longer status lines, header sections or chunk size lines are treated as garbage rather
// than buffered without end.
constexpr qint64 MaxLineBytes = 8 * 1024;
constexpr qint64 MaxHeaderBytes = 64 * 1024;

// Printable text of a few bytes, for error messages.
QString excerpt(const QByteArray& bytes)
{
    constexpr int Shown = 40;
    QString text;
    for (const char c : bytes.left(Shown))
        text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'.';
    if (bytes.size() > Shown)
        text += u"...";
    return u'"' + text + u'"';
}

bool hasToken(const QByteArray& value, const char* token)
{
    for (const auto& part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

HttpResponseParser::HttpResponseParser(bool headRequest) : m_headRequest(headRequest) { }

HttpResponseParser::State HttpResponseParser::parse(QByteArray& buffer)
{
    QByteArray line;
    while (m_step != Step::Done) {
        if (m_step == Step::Body || m_step == Step::ChunkData) {
            skipBody(buffer);
            if (m_remaining > 0 || m_closeDelimited)
                return State::Incomplete;
            m_step = m_chunked ? Step::ChunkEnd : Step::Done;
            continue;
        }
        if (!takeLine(buffer, &line))
            return m_error.isEmpty() ? State::Incomplete : State::Invalid;

        bool valid = true;
        switch (m_step) {
        case Step::StatusLine:
            valid = parseStatusLine(line);
            break;
        case Step::Headers:
            valid = line.isEmpty() ? finishHeaders() : parseHeader(line);
            break;
        case Step::ChunkSize:
            valid = parseChunkSize(line);
            break;
        case Step::ChunkEnd:
            valid = line.isEmpty();
            if (!valid)
                m_error = u"chunk data longer than its size line said, next bytes %1"_s.arg(
                    excerpt(line));
            m_step = Step::ChunkSize;
            break;
        case Step::Trailers:
            if (line.isEmpty())
                m_step = Step::Done;
            break;
        default:
            break;
        }
        if (!valid)
            return State::Invalid;
    }
    return State::Complete;
}

HttpResponseParser::State HttpResponseParser::parseClose()
{
    if (m_step == Step::Body && m_closeDelimited) {
        m_step = Step::Done;
        return State::Complete;
    }
    return m_step == Step::Done ? State::Complete : State::Incomplete;
}

bool HttpResponseParser::keepsConnection() const
{
    if (m_step != Step::Done || m_closeDelimited || m_connectionClose)
        return false;
    return m_minorVersion >= 1 || m_connectionKeepAlive;
}

bool HttpResponseParser::takeLine(QByteArray& buffer, QByteArray* line)
{
    const auto end = buffer.indexOf('\n');
    if (end < 0) {
        if (buffer.size() > MaxLineBytes)
            fail(u"line longer than %1 bytes without an end, starting %2"_s.arg(MaxLineBytes)
                     .arg(excerpt(buffer)));
        return false;
    }
    *line = buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    buffer.remove(0, end + 1);
    if (m_step == Step::Headers || m_step == Step::Trailers) {
        m_headerBytes += end + 1;
        if (m_headerBytes > MaxHeaderBytes) {
            fail(u"header section longer than %1 bytes"_s.arg(MaxHeaderBytes));
            return false;
        }
    }
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray& line)
{
    // status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ]
    static const QRegularExpression pattern(u"^HTTP/1\\.([01]) ([1-9][0-9]{2})(?: (.*))?$"_s);
    const auto match = pattern.match(QString::fromLatin1(line));
    if (!match.hasMatch()) {
        fail(u"invalid HTTP status line %1"_s.arg(excerpt(line)));
        return false;
    }
    m_minorVersion = match.capturedView(1).toInt();
    m_status = match.capturedView(2).toInt();
    m_reason = match.captured(3).toLatin1();
    m_step = Step::Headers;
    return true;
}

bool HttpResponseParser::parseHeader(const QByteArray& line)
{
    const auto colon = line.indexOf(':');
    if (colon <= 0) {
        fail(u"invalid HTTP header line %1"_s.arg(excerpt(line)));
        return false;
    }
    const auto name = line.left(colon).trimmed().toLower();
    const auto value = line.mid(colon + 1).trimmed();
    if (name == "transfer-encoding") {
        m_chunked = hasToken(value, "chunked");
    } else if (name == "content-length") {
        bool number = false;
        const auto length = value.toLongLong(&number);
        if (!number || length < 0 || (m_contentLength >= 0 && length != m_contentLength)) {
            fail(u"invalid Content-Length %1"_s.arg(excerpt(value)));
            return false;
        }
        m_contentLength = length;
    } else if (name == "connection") {
        m_connectionClose = m_connectionClose || hasToken(value, "close");
        m_connectionKeepAlive = m_connectionKeepAlive || hasToken(value, "keep-alive");
    }
    return true;
}

bool HttpResponseParser::finishHeaders()
{
    if (m_status < 200) {
        // An interim response (100 Continue, 103 Early Hints): the final one follows.
        *this = HttpResponseParser(m_headRequest);
        return true;
    }
    const bool noBody = m_headRequest || m_status == 204 || m_status == 304;
    if (noBody) {
        m_step = Step::Done;
    } else if (m_chunked) {
        m_step = Step::ChunkSize;
    } else if (m_contentLength >= 0) {
        m_remaining = m_contentLength;
        m_step = Step::Body;
    } else {
        m_closeDelimited = true;
        m_step = Step::Body;
    }
    return true;
}

bool HttpResponseParser::parseChunkSize(const QByteArray& line)
{
    // chunk-size is hexadecimal, optionally followed by ";extension".
    const auto extension = line.indexOf(';');
    const auto sizeText = (extension < 0 ? line : line.left(extension)).trimmed();
    bool number = false;
    const auto size = sizeText.toLongLong(&number, 16);
    if (!number || size < 0 || sizeText.isEmpty()) {
        fail(u"invalid chunk size line %1"_s.arg(excerpt(line)));
        return false;
    }
    m_remaining = size;
    m_step = size == 0 ? Step::Trailers : Step::ChunkData;
    return true;
}

void HttpResponseParser::skipBody(QByteArray& buffer)
{
    const qint64 wanted = m_closeDelimited ? std::numeric_limits<qint64>::max() : m_remaining;
    const auto taken = std::min<qint64>(wanted, buffer.size());
    buffer.remove(0, taken);
    m_bodyBytes += taken;
    if (!m_closeDelimited)
        m_remaining -= taken;
}

HttpResponseParser::State HttpResponseParser::fail(QString error)
{
    m_error = std::move(error);
    return State::Invalid;
}

} // namespace chaoslab::probes
