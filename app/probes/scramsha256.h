// The client side of SCRAM-SHA-256 (RFC 5802 with the SHA-256 hash of RFC 7677), without
// channel binding, as PostgreSQL uses it:
//
//   client-first  n,,n=USER,r=CLIENT_NONCE
//   server-first  r=CLIENT_NONCE+SERVER_NONCE,s=SALT,i=ITERATIONS
//   client-final  c=biws,r=NONCE,p=PROOF
//   server-final  v=SERVER_SIGNATURE (or e=ERROR)
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace chaoslab::probes {

class ScramSha256Client
{
public:
    // An empty nonce is replaced by 24 random bytes in base64. The password is used as
    // UTF-8 bytes without SASLprep normalisation, which matters only for passwords with
    // characters that normalisation changes.
    ScramSha256Client(QByteArray user, QByteArray password, QByteArray nonce = {});

    QByteArray clientFirstMessage() const;
    // Returns client-final for the server's first message, or nothing and sets `error`
    // when that message is malformed or does not extend the client nonce.
    std::optional<QByteArray> clientFinalMessage(const QByteArray& serverFirst, QString* error);
    // Whether the server's final message carries the signature that only a server holding
    // the password's keys can compute.
    bool verifyServerFinal(const QByteArray& serverFinal, QString* error) const;

private:
    QByteArray clientFirstBare() const;

    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_nonce;
    QByteArray m_authMessage;
    QByteArray m_saltedPassword;
};

} // namespace chaoslab::probes
