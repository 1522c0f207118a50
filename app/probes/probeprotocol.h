// A protocol's side of one probe attempt, separated from sockets and timers so that each
// protocol is a small state machine tested on bytes alone. The attempt runner connects,
// sends the bytes the protocol returns, feeds it what arrives, and ends the attempt when the
// protocol finishes, the peer closes or resets, or the timeout passes.
#pragma once

#include "probeoutcome.h"
#include "probespec.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace chaoslab::probes {

struct ProtocolStep
{
    bool finished = false;
    // Bytes to write now; may be set together with `finished` (for example a goodbye).
    QByteArray send;
    ProbeOutcome outcome = ProbeOutcome::Ok;
    QString detail;

    static ProtocolStep needMore(QByteArray send = {})
    {
        return { false, std::move(send), ProbeOutcome::Ok, {} };
    }
    static ProtocolStep finish(ProbeOutcome outcome, QString detail = {}, QByteArray send = {})
    {
        return { true, std::move(send), outcome, std::move(detail) };
    }
};

class ProbeProtocol
{
public:
    virtual ~ProbeProtocol() = default;

    // Bytes to write once connected; empty when the server speaks first (MySQL).
    virtual QByteArray start() = 0;
    // Receives every byte not yet consumed, removes what it has consumed, and returns whether
    // the conversation is over. Called again only after more bytes arrive.
    virtual ProtocolStep receive(QByteArray& buffer) = 0;
    // Called instead of receive() when the peer closed with FIN, with the bytes not yet
    // consumed. A protocol whose response ends at the close (an HTTP body without a length)
    // finishes here; by default the close ends the attempt as ClosedAfterConnect.
    virtual ProtocolStep receiveClose(const QByteArray& buffer)
    {
        return ProtocolStep::finish(ProbeOutcome::ClosedAfterConnect,
            buffer.isEmpty() ? QStringLiteral("closed by the peer before it answered")
                             : QStringLiteral("closed by the peer in the middle of its answer"));
    }
    // Called once connected, before start(). A returned step ends the attempt there, when
    // the connection alone is the whole conversation (tcp); start() is then not called.
    virtual std::optional<ProtocolStep> connected() { return std::nullopt; }
    // Whether the connection may carry the next attempt after an Ok finish.
    virtual bool reusable() const { return false; }
    // Starts the next attempt on a reused connection; only called when reusable().
    virtual QByteArray restart() { return start(); }
};

// The protocol for spec.kind, configured from the spec's fields.
std::unique_ptr<ProbeProtocol> makeProtocol(const ProbeSpec& spec);

} // namespace chaoslab::probes
