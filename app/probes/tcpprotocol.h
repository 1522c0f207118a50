// The tcp probe: an attempt is Ok once the TCP handshake completes, and the connection is
// closed at once. It measures whether something accepts connections and how fast; behind a
// Toxiproxy proxy the proxy itself accepts, so a tcp probe does not see a dead upstream.
#pragma once

#include "probeprotocol.h"

namespace chaoslab::probes {

class TcpProtocol : public ProbeProtocol
{
public:
    QByteArray start() override { return {}; }
    std::optional<ProtocolStep> connected() override
    {
        return ProtocolStep::finish(ProbeOutcome::Ok, QStringLiteral("connected"));
    }
    // Not called, because the attempt ends on connect.
    ProtocolStep receive(QByteArray& buffer) override
    {
        buffer.clear();
        return ProtocolStep::finish(ProbeOutcome::Ok);
    }
};

} // namespace chaoslab::probes
