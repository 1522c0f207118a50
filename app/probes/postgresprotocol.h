// PostgreSQL probe over protocol 3.0. The probe sends a StartupMessage and, with a user,
// logs in with a cleartext, MD5 or SCRAM-SHA-256 password, waits for ReadyForQuery and
// ends the session with Terminate.
//
// Without a user it stops at the server's first authentication request or error, which
// shows that the server accepts connections without attempting a login. Errors other than
// failed authorisation or a missing database ("too many clients", "the database system is
// starting up") are protocol errors with the server's text.
#pragma once

#include "probeprotocol.h"
#include "scramsha256.h"

#include <optional>

namespace chaoslab::probes {

class PostgresProtocol : public ProbeProtocol
{
public:
    // The user name sent in the StartupMessage when the spec has none.
    static constexpr char AnonymousProbeUser[] = "chaoslab_probe";

    // `scramNonce` fixes the SCRAM client nonce for replaying recorded conversations;
    // empty means random.
    explicit PostgresProtocol(const ProbeSpec& spec, QByteArray scramNonce = {});

    QByteArray start() override;
    ProtocolStep receive(QByteArray& buffer) override;

private:
    ProtocolStep handleMessage(char type, const QByteArray& body);
    ProtocolStep handleAuthentication(const QByteArray& body);
    ProtocolStep handleSasl(const QByteArray& body);
    ProtocolStep handleSaslContinue(const QByteArray& body);
    ProtocolStep handleSaslFinal(const QByteArray& body);
    ProtocolStep handleError(const QByteArray& body) const;
    bool loginRequested() const { return !m_user.isEmpty(); }

    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_database;
    QByteArray m_scramNonce;
    std::optional<ScramSha256Client> m_scram;
};

} // namespace chaoslab::probes
