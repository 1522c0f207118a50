#include "httpconnection.h"

#include <QTcpSocket>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcHttp, "chaoslab.net.http", QtInfoMsg)

namespace chaoslab::net {

namespace {

// Qt stops reading from the socket while this many bytes wait unread in its buffer.
constexpr qint64 readBufferBytes = 64 * 1024;
// Requests are not processed while this many response bytes wait to be sent, so a client
// that pipelines requests but never reads cannot make the server buffer without bound.
constexpr qint64 writeHighWater = 1024 * 1024;
// The kernel reports no event when its send queue empties, so the connection polls it.
constexpr std::chrono::milliseconds deliveryPollInterval { 50 };

// Returns the bytes in the socket's kernel send queue that the peer has not acknowledged
// yet, sent or not, or 0 when the kernel cannot tell.
qint64 unacknowledgedBytes(qintptr fd)
{
    int bytes = 0;
    if (::ioctl(static_cast<int>(fd), SIOCOUTQ, &bytes) != 0)
        return 0;
    return bytes;
}

std::string escapeJson(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string jsonErrorBody(int status, const std::string& message)
{
    return "{\"error\":\"" + escapeJson(message) + "\",\"status\":" + std::to_string(status)
        + "}\n";
}

HttpConnection::HttpConnection(
    QTcpSocket* socket, const HttpServerConfig& config, HttpHandler handler, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_config(config)
    , m_handler(std::move(handler))
    , m_parser(config.limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(readBufferBytes);
    m_deadline.setSingleShot(true);
    m_deliveryPoll.setSingleShot(true);
    m_deliveryPoll.setInterval(deliveryPollInterval);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readFromSocket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::handleBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::handleDeadline);
    connect(&m_deliveryPoll, &QTimer::timeout, this, &HttpConnection::checkDelivery);
    setWait(Wait::FirstRequest);
}

void HttpConnection::setWait(Wait wait)
{
    m_wait = wait;
    switch (wait) {
    case Wait::FirstRequest:
    case Wait::Request:
        m_deadline.start(m_config.requestTimeout);
        break;
    case Wait::Write:
        m_deadline.start(m_config.writeStallTimeout);
        break;
    case Wait::Idle:
        m_deadline.start(m_config.idleTimeout);
        break;
    case Wait::Linger:
        m_deadline.start(m_config.lingerTimeout);
        break;
    }
}

void HttpConnection::readFromSocket()
{
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    if (m_socket->bytesToWrite() >= writeHighWater)
        return;
    const auto data = m_socket->readAll();
    m_buffer.append(data.constData(), static_cast<std::size_t>(data.size()));
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_closing && m_socket->bytesToWrite() < writeHighWater) {
        const auto result = m_parser.parse(m_buffer);
        if (result == HttpRequestParser::Result::Failed) {
            rejectRequest(m_parser.error().status, m_parser.error().message);
            return;
        }
        if (result == HttpRequestParser::Result::NeedMore) {
            // The request timer starts with the request's first byte and is not restarted
            // by later bytes, so trickling a request slowly does not keep it alive.
            if (m_parser.started() && m_wait == Wait::Idle)
                setWait(Wait::Request);
            if (m_parser.expectsContinue() && !m_continueSent) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continueSent = true;
            }
            return;
        }
        m_continueSent = false;
        callHandler(m_parser.takeRequest());
    }
}

void HttpConnection::callHandler(const HttpRequest& request)
{
    auto withPeer = request;
    withPeer.peer = m_socket->peerAddress().toString().toStdString() + ":"
        + std::to_string(m_socket->peerPort());
    HttpResponse response;
    try {
        response = m_handler(withPeer);
    } catch (const std::exception& error) {
        qCWarning(lcHttp, "handler failed method=%s path=%s error=%s", request.method.c_str(),
            request.path.c_str(), error.what());
        response = HttpResponse::json(
            500, jsonErrorBody(500, std::string("internal error: ") + error.what()));
    }
    writeResponse(response, &withPeer);
}

void HttpConnection::writeResponse(const HttpResponse& response, const HttpRequest* request)
{
    const bool keepAlive = request && request->keepAlive();
    auto sent = response;
    if (keepAlive && request->minorVersion == 0)
        sent.setHeader("Connection", "keep-alive");
    const bool head = request && request->method == "HEAD";
    const auto bytes = serializeResponse(sent, head, keepAlive);
    m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
    if (!keepAlive) {
        m_closing = true;
        m_buffer.clear();
    }
    setWait(Wait::Write);
}

void HttpConnection::rejectRequest(int status, const std::string& message)
{
    qCInfo(lcHttp, "rejected request peer=%s:%u status=%d error=%s",
        qPrintable(m_socket->peerAddress().toString()), m_socket->peerPort(), status,
        message.c_str());
    writeResponse(HttpResponse::json(status, jsonErrorBody(status, message)), nullptr);
}

void HttpConnection::handleBytesWritten()
{
    if (m_wait == Wait::Write)
        m_deadline.start(m_config.writeStallTimeout);
    // Reading resumes below the high-water mark, and may write further responses.
    if (!m_closing && m_socket->bytesToWrite() < writeHighWater)
        readFromSocket();
    if (m_wait != Wait::Write || m_socket->bytesToWrite() > 0)
        return;
    if (m_closing) {
        // Closing only the sending side lets the client read the last response even while
        // it is still sending a body that this server will not read. A full close would make
        // the kernel respond to that unread data with a reset, which can discard the response.
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
        m_socket->readAll();
    }
    checkDelivery();
}

// Runs once Qt's write buffer is empty. The responses count as written only when the client's
// kernel has acknowledged every byte, because until then a slow client is still receiving.
void HttpConnection::checkDelivery()
{
    if (m_finished || m_wait != Wait::Write || m_socket->bytesToWrite() > 0)
        return;
    const auto unacknowledged = unacknowledgedBytes(m_socket->socketDescriptor());
    if (unacknowledged == 0) {
        finishWriting();
        return;
    }
    if (unacknowledged < m_unacknowledged)
        m_deadline.start(m_config.writeStallTimeout);
    m_unacknowledged = unacknowledged;
    m_deliveryPoll.start();
}

void HttpConnection::finishWriting()
{
    if (m_closing)
        setWait(Wait::Linger);
    else if (m_parser.started() || !m_buffer.empty())
        setWait(Wait::Request);
    else
        setWait(Wait::Idle);
}

void HttpConnection::handleDeadline()
{
    switch (m_wait) {
    case Wait::Write:
        resetStalledConnection();
        return;
    case Wait::Linger:
        m_socket->abort();
        finish();
        return;
    case Wait::FirstRequest:
    case Wait::Request:
    case Wait::Idle:
        break;
    }
    if (m_parser.started() || !m_buffer.empty()) {
        rejectRequest(408,
            "request not received within " + std::to_string(m_config.requestTimeout.count())
                + " ms");
        return;
    }
    m_socket->abort();
    finish();
}

void HttpConnection::resetStalledConnection()
{
    qCInfo(lcHttp,
        "response write stalled, resetting connection peer=%s:%u "
        "stall_timeout_ms=%lld pending_bytes=%lld",
        qPrintable(m_socket->peerAddress().toString()), m_socket->peerPort(),
        static_cast<long long>(m_config.writeStallTimeout.count()),
        static_cast<long long>(
            m_socket->bytesToWrite() + unacknowledgedBytes(m_socket->socketDescriptor())));
    // A zero linger time makes close() send a reset and drop the kernel's send queue at once,
    // instead of keeping it for a client that has stopped reading.
    const linger reset { 1, 0 };
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset,
        sizeof reset);
    m_socket->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_deliveryPoll.stop();
    emit finished();
}

} // namespace chaoslab::net
