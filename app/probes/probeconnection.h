// One client connection of a probe attempt, as the attempt runner uses it: connect, write,
// receive, and how the connection ended. The plain TCP and the TLS connection implement it.
//
// A connection reports each event once, from the event loop and never from inside one of
// its own calls, so that a handler may close it. After close() it emits nothing.
#pragma once

#include "probeoutcome.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

namespace chaoslab::probes {

class ProbeConnection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts connecting to address:port. `peerName` is the host name a TLS certificate must
    // be valid for.
    virtual void open(const QHostAddress& address, quint16 port, const QString& peerName) = 0;
    // Queues bytes to send; call only after connected().
    virtual void write(const QByteArray& bytes) = 0;
    // Closes the connection with FIN; queued bytes not yet sent may be dropped.
    virtual void close() = 0;

signals:
    // The connection is ready for bytes (for TLS, the handshake is done).
    void connected();
    void received(const QByteArray& bytes);
    // The peer closed its side with FIN, after every byte it sent was received.
    void peerClosed();
    // The connection could not be made or was lost: Refused, Reset, TimedOut or, for a
    // failed TLS handshake, ProtocolError. `detail` names the address and the reason.
    void failed(chaoslab::probes::ProbeOutcome outcome, const QString& detail);
};

} // namespace chaoslab::probes
