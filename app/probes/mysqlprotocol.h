// MySQL and MariaDB probe. The server sends the first packet, its greeting. An ERR packet
// in its place ("Host ... is blocked") ends the attempt as a protocol error with the
// server's text.
//
// With a user, the probe logs in with mysql_native_password or the fast path of
// caching_sha2_password, following an authentication switch if the server requests one.
// It then sends COM_PING, expects OK, and ends the session with COM_QUIT.
//
// Without a user it still completes a login exchange, with a user name that is not expected
// to exist, and counts "Access denied" as a live server. Closing right after the greeting
// would be an aborted handshake, and servers block a client host after max_connect_errors
// of those. A rejected login does not count towards that limit (checked against MariaDB
// 10.11 with max_connect_errors=5: 50 such probes left the host unblocked).
#pragma once

#include "mysqlpackets.h"
#include "probeprotocol.h"

namespace chaoslab::probes {

class MysqlProtocol : public ProbeProtocol
{
public:
    // The user name sent when the spec has none.
    static constexpr char AnonymousProbeUser[] = "chaoslab-probe";

    explicit MysqlProtocol(const ProbeSpec& spec);

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;

private:
    enum class State { Greeting, Login, Ping };

    ProtocolStep handlePacket(const mysql::Packet& packet);
    ProtocolStep handleGreeting(const QByteArray& payload);
    ProtocolStep handleLoginReply(const QByteArray& payload);
    ProtocolStep handleAuthSwitch(const QByteArray& payload);
    ProtocolStep handleAuthMoreData(const QByteArray& payload);
    ProtocolStep handlePingReply(const QByteArray& payload);
    ProtocolStep finishLoginError(const QByteArray& payload);
    ProtocolStep finishWithoutLogin() const;
    // The scramble of the password for `plugin`, or nothing for a plugin the probe lacks.
    std::optional<QByteArray> scramble(const QString& plugin, const QByteArray& nonce) const;
    QByteArray handshakeResponse(const mysql::Greeting& greeting) const;
    bool loginRequested() const { return !m_user.isEmpty(); }

    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_database;
    State m_state = State::Greeting;
    quint8 m_sequence = 0;
    QString m_serverVersion;
};

} // namespace chaoslab::probes
