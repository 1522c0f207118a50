#include "socketconnection.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

namespace {

constexpr qsizetype ReadChunkBytes = 64 * 1024;

socklen_t toSockaddr(const QHostAddress& address, quint16 port, sockaddr_storage* storage)
{
    std::memset(storage, 0, sizeof(*storage));
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* ipv6 = reinterpret_cast<sockaddr_in6*>(storage);
        ipv6->sin6_family = AF_INET6;
        ipv6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&ipv6->sin6_addr, &bytes, sizeof(bytes));
        return sizeof(sockaddr_in6);
    }
    auto* ipv4 = reinterpret_cast<sockaddr_in*>(storage);
    ipv4->sin_family = AF_INET;
    ipv4->sin_port = htons(port);
    ipv4->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof(sockaddr_in);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The outcome of a failed connect(): a kernel timeout is TimedOut, and any other failure
// to reach the address counts as Refused.
ProbeOutcome connectOutcome(int error)
{
    return error == ETIMEDOUT ? ProbeOutcome::TimedOut : ProbeOutcome::Refused;
}

} // namespace

SocketConnection::SocketConnection(QObject* parent) : ProbeConnection(parent) { }

SocketConnection::~SocketConnection()
{
    close();
}

void SocketConnection::open(const QHostAddress& address, quint16 port, const QString&)
{
    close();
    m_endpoint = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u"[%1]:%2"_s.arg(address.toString()).arg(port)
        : u"%1:%2"_s.arg(address.toString()).arg(port);
    sockaddr_storage storage;
    const socklen_t length = toSockaddr(address, port, &storage);
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        failLater(ProbeOutcome::Refused, errno);
        return;
    }
    const int on = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));

    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_readNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SocketConnection::handleReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SocketConnection::handleWritable);

    // A connect() that completes or fails at once still reports through the write notifier,
    // which fires as soon as the socket's state is known.
    m_connecting = true;
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&storage), length) < 0
        && errno != EINPROGRESS) {
        failLater(connectOutcome(errno), errno);
    }
}

void SocketConnection::write(const QByteArray& bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    m_pending += bytes;
    flush();
}

void SocketConnection::close()
{
    for (auto* notifier : { m_readNotifier, m_writeNotifier }) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_connecting = false;
    m_pending.clear();
    ++m_generation;
}

void SocketConnection::handleWritable()
{
    if (m_connecting)
        finishConnect();
    else
        flush();
}

void SocketConnection::finishConnect()
{
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        error = errno;
    if (error != 0) {
        fail(connectOutcome(error),
            error == ECONNREFUSED
                ? u"connection refused by %1"_s.arg(m_endpoint)
                : u"cannot connect to %1: %2"_s.arg(m_endpoint, errnoText(error)));
        return;
    }
    m_connecting = false;
    m_writeNotifier->setEnabled(false);
    m_readNotifier->setEnabled(true);
    emit connected();
}

void SocketConnection::flush()
{
    while (!m_pending.isEmpty()) {
        const auto sent
            = ::send(m_fd, m_pending.constData(), size_t(m_pending.size()), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (sent < 0) {
            // EPIPE follows an RST that an earlier send already reported as ECONNRESET.
            const int error = errno;
            fail(ProbeOutcome::Reset,
                u"connection reset by %1 while sending (%2)"_s.arg(m_endpoint, errnoText(error)));
            return;
        }
        m_pending.remove(0, sent);
    }
    m_writeNotifier->setEnabled(!m_pending.isEmpty());
}

void SocketConnection::handleReadable()
{
    QByteArray bytes;
    bool closed = false;
    int error = 0;
    for (;;) {
        const auto offset = bytes.size();
        bytes.resize(offset + ReadChunkBytes);
        const auto count = ::recv(m_fd, bytes.data() + offset, size_t(ReadChunkBytes), 0);
        bytes.resize(offset + std::max<qsizetype>(count, 0));
        if (count > 0)
            continue;
        if (count == 0)
            closed = true;
        else if (errno == EINTR)
            continue;
        else if (errno != EAGAIN && errno != EWOULDBLOCK)
            error = errno;
        break;
    }
    if (!bytes.isEmpty()) {
        emit received(bytes);
        if (m_fd < 0)
            return;
    }
    if (closed) {
        close();
        emit peerClosed();
    } else if (error == ECONNRESET) {
        fail(ProbeOutcome::Reset, u"connection reset by %1"_s.arg(m_endpoint));
    } else if (error != 0) {
        fail(ProbeOutcome::Reset, u"connection to %1 lost: %2"_s.arg(m_endpoint, errnoText(error)));
    }
}

void SocketConnection::failLater(ProbeOutcome outcome, int error)
{
    const auto detail = error == ECONNREFUSED
        ? u"connection refused by %1"_s.arg(m_endpoint)
        : u"cannot connect to %1: %2"_s.arg(m_endpoint, errnoText(error));
    close();
    // A close() or open() before the report arrives changes the generation and drops it.
    const auto generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, outcome, detail, generation] {
            if (generation == m_generation)
                emit failed(outcome, detail);
        },
        Qt::QueuedConnection);
}

void SocketConnection::fail(ProbeOutcome outcome, const QString& detail)
{
    close();
    emit failed(outcome, detail);
}

} // namespace chaoslab::probes
