#include "probeattemptrunner.h"

#include "probelog.h"
#include "socketconnection.h"
#include "tlsconnection.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

namespace {

QHostAddress preferredAddress(const QList<QHostAddress>& addresses)
{
    for (const auto& address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return addresses.value(0);
}

} // namespace

ProbeAttemptRunner::ProbeAttemptRunner(ProbeSpec spec, QObject* parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, &ProbeAttemptRunner::handleTimeout);
}

ProbeAttemptRunner::~ProbeAttemptRunner()
{
    abort();
}

void ProbeAttemptRunner::start()
{
    if (m_busy)
        return;
    m_busy = true;
    m_buffer.clear();
    m_attempt = ProbeAttempt {};
    m_attempt.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_clock.start();
    m_timeout.start(m_spec.timeout);

    m_reused = m_connection != nullptr;
    if (!m_reused) {
        connectToHost();
        return;
    }
    m_attempt.connectMs = 0;
    m_connected = true;
    m_connection->write(m_protocol->restart());
}

void ProbeAttemptRunner::abort()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    m_timeout.stop();
    m_busy = false;
    dropConnection();
}

void ProbeAttemptRunner::connectToHost()
{
    m_connected = false;
    const QHostAddress numeric(m_spec.host);
    if (!numeric.isNull()) {
        openConnection(numeric);
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_spec.host, this, &ProbeAttemptRunner::handleLookup);
}

void ProbeAttemptRunner::handleLookup(const QHostInfo& info)
{
    if (!m_busy || info.lookupId() != m_lookupId)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        // No outcome names a failed lookup; like a refused connection, nothing was reached.
        finish(ProbeOutcome::Refused,
            u"cannot resolve host %1: %2"_s.arg(m_spec.host, info.errorString()));
        return;
    }
    openConnection(preferredAddress(info.addresses()));
}

void ProbeAttemptRunner::openConnection(const QHostAddress& address)
{
    dropConnection();
    if (m_spec.kind == ProbeKind::Https)
        m_connection = new TlsConnection(m_spec.insecure, this);
    else
        m_connection = new SocketConnection(this);
    m_protocol = makeProtocol(m_spec);
    connect(m_connection, &ProbeConnection::connected, this, &ProbeAttemptRunner::handleConnected);
    connect(m_connection, &ProbeConnection::received, this, &ProbeAttemptRunner::handleReceived);
    connect(
        m_connection, &ProbeConnection::peerClosed, this, &ProbeAttemptRunner::handlePeerClosed);
    connect(m_connection, &ProbeConnection::failed, this, &ProbeAttemptRunner::handleFailure);
    m_connection->open(address, m_spec.port, m_spec.host);
}

void ProbeAttemptRunner::handleConnected()
{
    m_connected = true;
    m_attempt.connectMs = elapsedMs();
    if (const auto step = m_protocol->connected()) {
        apply(*step);
        return;
    }
    m_connection->write(m_protocol->start());
}

void ProbeAttemptRunner::handleReceived(const QByteArray& bytes)
{
    if (!m_busy) {
        // A kept connection has nothing to say between attempts; bytes mean it is unusable.
        qCDebug(lcProbes) << "dropping kept connection after unrequested bytes" << m_spec.host
                          << m_spec.port << bytes.size();
        dropConnection();
        return;
    }
    if (m_attempt.firstByteMs < 0)
        m_attempt.firstByteMs = elapsedMs();
    m_buffer += bytes;
    apply(m_protocol->receive(m_buffer));
}

void ProbeAttemptRunner::handlePeerClosed()
{
    if (!m_busy) {
        dropConnection();
        return;
    }
    if (retryOnNewConnection())
        return;
    const auto step = m_protocol->receiveClose(m_buffer);
    dropConnection();
    if (step.finished)
        finish(step.outcome, step.detail);
    else
        finish(ProbeOutcome::ClosedAfterConnect, u"closed by the peer before it answered"_s);
}

void ProbeAttemptRunner::handleFailure(ProbeOutcome outcome, const QString& detail)
{
    if (!m_busy) {
        dropConnection();
        return;
    }
    if (outcome == ProbeOutcome::Reset && retryOnNewConnection())
        return;
    dropConnection();
    finish(outcome, detail);
}

void ProbeAttemptRunner::handleTimeout()
{
    if (!m_busy)
        return;
    const auto limit = m_spec.timeout.count();
    const auto detail = m_connected
        ? u"no complete answer within %1 ms (%2 bytes received)"_s.arg(limit).arg(m_buffer.size())
        : u"no connection to %1:%2 within %3 ms"_s.arg(m_spec.host).arg(m_spec.port).arg(limit);
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    dropConnection();
    finish(ProbeOutcome::TimedOut, detail);
}

bool ProbeAttemptRunner::retryOnNewConnection()
{
    if (!m_reused || m_attempt.firstByteMs >= 0)
        return false;
    qCDebug(lcProbes) << "kept connection closed by the peer, reconnecting" << m_spec.host
                      << m_spec.port;
    m_reused = false;
    m_attempt.connectMs = -1;
    dropConnection();
    connectToHost();
    return true;
}

void ProbeAttemptRunner::apply(const ProtocolStep& step)
{
    if (!step.send.isEmpty())
        m_connection->write(step.send);
    if (!step.finished)
        return;
    const bool keep
        = step.outcome == ProbeOutcome::Ok && m_spec.keepAlive && m_protocol->reusable();
    if (!keep)
        dropConnection();
    finish(step.outcome, step.detail);
}

void ProbeAttemptRunner::finish(ProbeOutcome outcome, const QString& detail)
{
    m_timeout.stop();
    m_busy = false;
    m_attempt.totalMs = elapsedMs();
    m_attempt.outcome = outcome;
    m_attempt.detail = detail;
    qCDebug(lcProbes).nospace().noquote()
        << m_spec.host << ':' << m_spec.port << ' ' << outcomeName(outcome) << ' '
        << m_attempt.totalMs << " ms " << detail;
    emit finished(m_attempt);
}

void ProbeAttemptRunner::dropConnection()
{
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    m_connection->close();
    m_connection->deleteLater();
    m_connection = nullptr;
}

double ProbeAttemptRunner::elapsedMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

} // namespace chaoslab::probes
