// Helpers that run single probe attempts in tests. ProtocolDriver runs one probe protocol
// over a real TCP connection, the way ProbeAttemptRunner does, but from a chosen local
// address. Tests use it to probe MariaDB from 127.0.0.2 and 127.0.0.3, which the server
// tracks as separate client hosts.
#pragma once

#include "probes/probeattempt.h"
#include "probes/probeprotocol.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

class ProtocolDriver : public QObject
{
    Q_OBJECT

public:
    ProtocolDriver(std::unique_ptr<chaoslab::probes::ProbeProtocol> protocol,
        QHostAddress localAddress = {}, QObject* parent = nullptr);

    // Connects to 127.0.0.1:port and talks until the protocol finishes, the peer closes or
    // fails, or timeoutMs passes; then emits finished() once.
    void start(quint16 port, int timeoutMs = 5000);

signals:
    void finished(const chaoslab::probes::ProbeAttempt& attempt);

private:
    void handleConnected();
    void handleReadyRead();
    void handleDisconnected();
    void handleError(QAbstractSocket::SocketError error);
    void finish(chaoslab::probes::ProbeOutcome outcome, const QString& detail);

    std::unique_ptr<chaoslab::probes::ProbeProtocol> m_protocol;
    QHostAddress m_localAddress;
    QTcpSocket m_socket;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
    chaoslab::probes::ProbeAttempt m_attempt;
    bool m_done = false;
};

// Runs one attempt of `spec` with the application's ProbeAttemptRunner and waits for it;
// a TimedOut attempt when the runner never reports.
chaoslab::probes::ProbeAttempt runAttempt(const chaoslab::probes::ProbeSpec& spec);

// Runs one attempt with a ProtocolDriver and waits for it; a TimedOut attempt when the
// driver never reports.
chaoslab::probes::ProbeAttempt driveProtocol(
    std::unique_ptr<chaoslab::probes::ProbeProtocol> protocol, quint16 port,
    const QHostAddress& localAddress = {});
