// Runs probe attempts one at a time over a real connection, asynchronously on the caller's
// event loop: it resolves the host, connects, lets the protocol talk, and reports each
// attempt with its timings and outcome.
//
//   resolve --> connect --> protocol: start(), receive()... --> finished(attempt)
//      \____________________ spec.timeout: TimedOut _______________/
//
// Numeric hosts are used as they are; names are looked up with QHostInfo, which does not
// block, and the first IPv4 address is preferred, because lab services usually listen on
// 127.0.0.1 only. Times are measured on a monotonic clock from the call to start().
//
// With spec.keepAlive, a connection whose protocol allows it stays open after an Ok
// attempt and carries the next one; its connectMs is then 0. If the peer closes a kept
// connection before answering, the attempt retries once on a new connection, as HTTP
// clients do, because the server may have closed an idle connection just as it was reused.
#pragma once

#include "probeattempt.h"
#include "probeprotocol.h"
#include "probespec.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QHostInfo;
class QHostAddress;

namespace chaoslab::probes {

class ProbeConnection;

class ProbeAttemptRunner : public QObject
{
    Q_OBJECT

public:
    explicit ProbeAttemptRunner(ProbeSpec spec, QObject* parent = nullptr);
    ~ProbeAttemptRunner() override;

    const ProbeSpec& spec() const { return m_spec; }

    // Starts an attempt; does nothing while one runs.
    void start();
    // Ends the running attempt without reporting it and closes the connection.
    void abort();
    bool isBusy() const { return m_busy; }
    // Whether a connection kept from an earlier attempt waits for the next one.
    bool hasIdleConnection() const { return !m_busy && m_connection; }

signals:
    void finished(const chaoslab::probes::ProbeAttempt& attempt);

private:
    void connectToHost();
    void handleLookup(const QHostInfo& info);
    void openConnection(const QHostAddress& address);
    void handleConnected();
    void handleReceived(const QByteArray& bytes);
    void handlePeerClosed();
    void handleFailure(ProbeOutcome outcome, const QString& detail);
    void handleTimeout();
    bool retryOnNewConnection();
    void apply(const ProtocolStep& step);
    void finish(ProbeOutcome outcome, const QString& detail);
    void dropConnection();
    double elapsedMs() const;

    ProbeSpec m_spec;
    std::unique_ptr<ProbeProtocol> m_protocol;
    ProbeConnection* m_connection = nullptr;
    QByteArray m_buffer;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    ProbeAttempt m_attempt;
    bool m_busy = false;
    bool m_connected = false;
    bool m_reused = false;
    int m_lookupId = -1;
};

} // namespace chaoslab::probes
