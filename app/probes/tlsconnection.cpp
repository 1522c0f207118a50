#include "tlsconnection.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

TlsConnection::TlsConnection(bool insecure, QObject* parent)
    : ProbeConnection(parent)
    , m_insecure(insecure)
{ }

TlsConnection::~TlsConnection()
{
    close();
}

void TlsConnection::open(const QHostAddress& address, quint16 port, const QString& peerName)
{
    close();
    m_endpoint = u"%1 (%2)"_s.arg(peerName, address.toString());
    m_sslErrors.clear();
    m_socket = new QSslSocket(this);
    if (m_insecure)
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    connect(m_socket, &QSslSocket::connected, this, &TlsConnection::keepDescriptor);
    connect(m_socket, &QSslSocket::encrypted, this, &ProbeConnection::connected);
    connect(m_socket, &QSslSocket::readyRead, this, [this] { emit received(m_socket->readAll()); });
    connect(m_socket, &QSslSocket::errorOccurred, this, &TlsConnection::handleError);
    connect(m_socket, &QSslSocket::sslErrors, this, &TlsConnection::handleSslErrors);
    m_socket->connectToHostEncrypted(address.toString(), port, peerName);
}

void TlsConnection::write(const QByteArray& bytes)
{
    if (m_socket)
        m_socket->write(bytes);
}

void TlsConnection::close()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    m_descriptor = -1;
}

void TlsConnection::keepDescriptor()
{
    const auto descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0 && m_descriptor < 0)
        m_descriptor = ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
}

bool TlsConnection::wasReset() const
{
    tcp_info info {};
    socklen_t length = sizeof(info);
    if (m_descriptor < 0 || ::getsockopt(m_descriptor, IPPROTO_TCP, TCP_INFO, &info, &length) < 0)
        return false;
    return info.tcpi_state == TCP_CLOSE;
}

void TlsConnection::handleRemoteClose()
{
    const bool handshakeDone = m_socket->isEncrypted();
    // Bytes that came with the close are read first.
    if (m_socket->bytesAvailable() > 0)
        emit received(m_socket->readAll());
    if (!m_socket)
        return;
    if (wasReset()) {
        fail(ProbeOutcome::Reset,
            handshakeDone ? u"connection reset by %1"_s.arg(m_endpoint)
                          : u"connection reset by %1 during the TLS handshake"_s.arg(m_endpoint));
        return;
    }
    close();
    emit peerClosed();
}

void TlsConnection::handleError(QAbstractSocket::SocketError error)
{
    const auto reason = m_socket->errorString();
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        handleRemoteClose();
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(ProbeOutcome::Refused, u"connection refused by %1"_s.arg(m_endpoint));
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail(ProbeOutcome::TimedOut, u"connection to %1 timed out"_s.arg(m_endpoint));
        return;
    case QAbstractSocket::SslHandshakeFailedError:
        fail(ProbeOutcome::ProtocolError,
            u"TLS handshake with %1 failed: %2"_s.arg(
                m_endpoint, m_sslErrors.isEmpty() ? reason : m_sslErrors));
        return;
    default:
        fail(ProbeOutcome::Reset, u"connection to %1 failed: %2"_s.arg(m_endpoint, reason));
        return;
    }
}

void TlsConnection::handleSslErrors(const QList<QSslError>& errors)
{
    QStringList texts;
    for (const auto& error : errors)
        texts << error.errorString();
    m_sslErrors = texts.join(u"; ");
    if (!m_insecure)
        m_sslErrors += u" (to accept an untrusted certificate, probe with the insecure option)"_s;
}

void TlsConnection::fail(ProbeOutcome outcome, const QString& detail)
{
    close();
    emit failed(outcome, detail);
}

} // namespace chaoslab::probes
