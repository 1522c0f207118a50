// A plain TCP connection on a non-blocking POSIX socket watched by QSocketNotifier.
//
// QTcpSocket reports a peer's FIN and a peer's RST alike as RemoteHostClosedError. Reading
// the socket directly distinguishes them: recv() returning 0 is a FIN (peerClosed), errno
// ECONNRESET is an RST (failed with Reset), and a failed connect() gives its errno
// (ECONNREFUSED: Refused).
#pragma once

#include "probeconnection.h"

class QSocketNotifier;

namespace chaoslab::probes {

class SocketConnection : public ProbeConnection
{
    Q_OBJECT

public:
    explicit SocketConnection(QObject* parent = nullptr);
    ~SocketConnection() override;

    void open(const QHostAddress& address, quint16 port, const QString& peerName) override;
    void write(const QByteArray& bytes) override;
    void close() override;

private:
    void handleWritable();
    void handleReadable();
    void finishConnect();
    void flush();
    // Reports a failure from errno `error` through the event loop, then closes.
    void failLater(ProbeOutcome outcome, int error);
    void fail(ProbeOutcome outcome, const QString& detail);

    int m_fd = -1;
    // Counts close() calls, so that a queued failure report of an earlier socket is dropped.
    quint64 m_generation = 0;
    bool m_connecting = false;
    QString m_endpoint;
    QByteArray m_pending;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
};

} // namespace chaoslab::probes
