#include "httpprotocol.h"

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

namespace {

// Identifies the probe in server logs. It must not start with "Mozilla/", which Toxiproxy's
// API rejects, in case someone probes that API.
constexpr auto UserAgent = "chaoslab-probe/" CHAOSLAB_VERSION;

QByteArray hostHeader(const ProbeSpec& spec)
{
    QByteArray host = spec.host.toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (spec.port != defaultPort(spec.kind))
        host += ':' + QByteArray::number(spec.port);
    return host;
}

bool hasHeader(const ProbeSpec& spec, const char* name)
{
    for (const auto& header : spec.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString statusText(const HttpResponseParser& parser)
{
    auto text = u"HTTP %1"_s.arg(parser.status());
    if (!parser.reason().isEmpty())
        text += u' ' + QString::fromLatin1(parser.reason());
    return text;
}

} // namespace

QByteArray httpRequest(const ProbeSpec& spec)
{
    const auto path = spec.path.isEmpty() ? "/"_ba : spec.path.toUtf8();
    QByteArray request = spec.method + ' ' + path + " HTTP/1.1\r\n";
    request += "Host: " + hostHeader(spec) + "\r\n";
    if (!hasHeader(spec, "User-Agent"))
        request += "User-Agent: "_ba + UserAgent + "\r\n";
    if (!hasHeader(spec, "Accept"))
        request += "Accept: */*\r\n";
    if (!spec.user.isEmpty() && !hasHeader(spec, "Authorization")) {
        const auto credentials = (spec.user + u':' + spec.password).toUtf8();
        request += "Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    for (const auto& [name, value] : spec.headers)
        request += name + ": " + value + "\r\n";
    if (!spec.body.isEmpty() || spec.method == "POST" || spec.method == "PUT")
        request += "Content-Length: " + QByteArray::number(spec.body.size()) + "\r\n";
    if (!spec.keepAlive)
        request += "Connection: close\r\n";
    return request + "\r\n" + spec.body;
}

HttpProtocol::HttpProtocol(const ProbeSpec& spec)
    : m_request(httpRequest(spec))
    , m_expectedStatus(spec.expectedStatus)
    , m_keepAlive(spec.keepAlive)
    , m_headRequest(spec.method == "HEAD")
{ }

QByteArray HttpProtocol::start()
{
    m_parser.emplace(m_headRequest);
    m_reusable = false;
    return m_request;
}

ProtocolStep HttpProtocol::receive(QByteArray& buffer)
{
    if (!m_parser)
        return ProtocolStep::finish(ProbeOutcome::ProtocolError, u"response before request"_s);
    switch (m_parser->parse(buffer)) {
    case HttpResponseParser::State::Incomplete:
        return ProtocolStep::needMore();
    case HttpResponseParser::State::Invalid:
        return ProtocolStep::finish(ProbeOutcome::ProtocolError, m_parser->error());
    case HttpResponseParser::State::Complete:
        break;
    }
    // Bytes after a complete response were not requested; the connection is not reused.
    m_reusable = m_keepAlive && m_parser->keepsConnection() && buffer.isEmpty();
    return finishResponse();
}

ProtocolStep HttpProtocol::receiveClose(const QByteArray& buffer)
{
    if (m_parser && m_parser->parseClose() == HttpResponseParser::State::Complete)
        return finishResponse();
    if (!m_parser || !m_parser->headersDone())
        return ProbeProtocol::receiveClose(buffer);
    return ProtocolStep::finish(ProbeOutcome::ClosedAfterConnect,
        u"closed by the peer after %1 bytes of the body of %2"_s.arg(m_parser->bodyBytes())
            .arg(statusText(*m_parser)));
}

bool HttpProtocol::reusable() const
{
    return m_reusable;
}

ProtocolStep HttpProtocol::finishResponse()
{
    const int status = m_parser->status();
    const bool expected
        = m_expectedStatus ? status == m_expectedStatus : status >= 200 && status < 400;
    if (expected)
        return ProtocolStep::finish(ProbeOutcome::Ok, statusText(*m_parser));
    const auto wanted = m_expectedStatus ? QString::number(m_expectedStatus) : u"2xx or 3xx"_s;
    return ProtocolStep::finish(
        ProbeOutcome::UnexpectedStatus, u"%1, expected %2"_s.arg(statusText(*m_parser), wanted));
}

} // namespace chaoslab::probes
