// Redis probe: optional AUTH, optional SELECT of the spec's database number, then PING,
// whose reply must be +PONG. The commands go out in one write, so an attempt costs one
// round trip with or without a login.
#pragma once

#include "probeprotocol.h"

namespace chaoslab::probes {

class RedisProtocol : public ProbeProtocol
{
public:
    explicit RedisProtocol(const ProbeSpec& spec);

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;
    // A connection that returned PONG carries the next PING.
    bool reusable() const override { return true; }
    QByteArray restart() override;

private:
    ProtocolStep handleReply(const QByteArray& command, const QByteArray& line) const;

    QString m_user;
    QString m_password;
    QString m_database;
    // The names of the commands sent whose replies have not arrived, oldest first.
    QList<QByteArray> m_pending;
};

} // namespace chaoslab::probes
