// MongoDB probe: one `hello` command in an OP_MSG, the handshake every driver starts with.
// It needs no login. A reply with ok: 1 means the server is up; anything else is a
// protocol error with the server's errmsg.
//
//   header:  messageLength | requestID | responseTo | opCode 2013   (int32 each, little-endian)
//   body:    flagBits (uint32) | section kind 0 | BSON document
#pragma once

#include "probeprotocol.h"

namespace chaoslab::probes {

class MongodbProtocol : public ProbeProtocol
{
public:
    static constexpr qint32 OpMsg = 2013;

    explicit MongodbProtocol(const ProbeSpec& spec);

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;
    // A connection that replied to `hello` carries the next one.
    bool reusable() const override { return true; }

    // The request ID of the last `hello` sent; the reply's responseTo must equal it.
    qint32 requestId() const { return m_requestId; }

private:
    ProtocolStep handleReply(const QByteArray& message) const;

    qint32 m_requestId = 0;
};

} // namespace chaoslab::probes
