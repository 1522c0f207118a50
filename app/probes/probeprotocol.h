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
    // Whether the connection may carry the next attempt after an Ok finish.
    virtual bool reusable() const { return false; }
    // Starts the next attempt on a reused connection; only called when reusable().
    virtual QByteArray restart() { return start(); }
};

// The protocol for spec.kind, configured from the spec's fields.
std::unique_ptr<ProbeProtocol> makeProtocol(const ProbeSpec& spec);

} // namespace chaoslab::probes
