#include "protocoldriver.h"

#include "probes/probeattemptrunner.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace chaoslab::probes;

ProtocolDriver::ProtocolDriver(
    std::unique_ptr<ProbeProtocol> protocol, QHostAddress localAddress, QObject* parent)
    : QObject(parent)
    , m_protocol(std::move(protocol))
    , m_localAddress(std::move(localAddress))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { finish(ProbeOutcome::TimedOut, QStringLiteral("no answer in time")); });
    connect(&m_socket, &QTcpSocket::connected, this, &ProtocolDriver::handleConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &ProtocolDriver::handleReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &ProtocolDriver::handleDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &ProtocolDriver::handleError);
}

void ProtocolDriver::start(quint16 port, int timeoutMs)
{
    m_attempt.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_clock.start();
    m_timeout.start(timeoutMs);
    if (!m_localAddress.isNull() && !m_socket.bind(m_localAddress, 0)) {
        finish(ProbeOutcome::Refused, QStringLiteral("cannot bind ") + m_localAddress.toString());
        return;
    }
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

void ProtocolDriver::handleConnected()
{
    m_attempt.connectMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (const auto step = m_protocol->connected()) {
        finish(step->outcome, step->detail);
        return;
    }
    m_socket.write(m_protocol->start());
}

void ProtocolDriver::handleReadyRead()
{
    if (m_done)
        return;
    if (m_attempt.firstByteMs < 0)
        m_attempt.firstByteMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_buffer += m_socket.readAll();
    const ProtocolStep step = m_protocol->receive(m_buffer);
    if (!step.send.isEmpty())
        m_socket.write(step.send);
    if (step.finished)
        finish(step.outcome, step.detail);
}

void ProtocolDriver::handleDisconnected()
{
    if (m_done)
        return;
    m_buffer += m_socket.readAll();
    const ProtocolStep step = m_protocol->receiveClose(m_buffer);
    finish(step.outcome, step.detail);
}

void ProtocolDriver::handleError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        return;
    finish(error == QAbstractSocket::ConnectionRefusedError ? ProbeOutcome::Refused
                                                            : ProbeOutcome::Reset,
        m_socket.errorString());
}

void ProtocolDriver::finish(ProbeOutcome outcome, const QString& detail)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_attempt.totalMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_attempt.outcome = outcome;
    m_attempt.detail = detail;
    m_socket.disconnectFromHost();
    emit finished(m_attempt);
}

ProbeAttempt driveProtocol(
    std::unique_ptr<ProbeProtocol> protocol, quint16 port, const QHostAddress& localAddress)
{
    ProtocolDriver driver(std::move(protocol), localAddress);
    QSignalSpy spy(&driver, &ProtocolDriver::finished);
    driver.start(port);
    if (spy.isEmpty() && !spy.wait(10000)) {
        ProbeAttempt attempt;
        attempt.outcome = ProbeOutcome::TimedOut;
        attempt.detail = QStringLiteral("the driver did not report");
        return attempt;
    }
    return spy.first().first().value<ProbeAttempt>();
}

ProbeAttempt runAttempt(const ProbeSpec& spec)
{
    ProbeAttemptRunner runner(spec);
    QSignalSpy spy(&runner, &ProbeAttemptRunner::finished);
    runner.start();
    if (spy.isEmpty() && !spy.wait(int(spec.timeout.count()) + 5000)) {
        ProbeAttempt attempt;
        attempt.outcome = ProbeOutcome::TimedOut;
        attempt.detail = QStringLiteral("the attempt runner did not report");
        return attempt;
    }
    return spy.first().first().value<ProbeAttempt>();
}
