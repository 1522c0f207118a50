// MySQL client/server protocol pieces used by the MySQL probe: packet framing, the server
// greeting (HandshakeV10), ERR packets and the password scrambles of the
// mysql_native_password and caching_sha2_password plugins. MariaDB speaks the same protocol.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace chaoslab::probes::mysql {

// Capability flags of the handshake.
enum Capability : quint32 {
    ClientLongPassword = 0x1,
    ClientConnectWithDb = 0x8,
    ClientProtocol41 = 0x200,
    ClientTransactions = 0x2000,
    ClientSecureConnection = 0x8000,
    ClientPluginAuth = 0x80000,
};

inline constexpr char NativePassword[] = "mysql_native_password";
inline constexpr char CachingSha2Password[] = "caching_sha2_password";

struct Packet
{
    quint8 sequence = 0;
    QByteArray payload;
};

enum class ReadStatus { Complete, Incomplete, TooLarge };

// Takes one packet off the front of `buffer` when it is complete. Payloads over maxPayload
// bytes are refused, so that a peer that is not a MySQL server cannot make the probe buffer
// without end.
ReadStatus readPacket(QByteArray& buffer, qsizetype maxPayload, Packet* packet);
QByteArray writePacket(quint8 sequence, const QByteArray& payload);

struct Greeting
{
    QString serverVersion;
    quint32 capabilities = 0;
    // The 20-byte nonce the password scramble is computed with.
    QByteArray nonce;
    QString authPlugin;
};

// Parses a protocol 10 greeting; returns nothing and sets `error` when it is not one.
std::optional<Greeting> parseGreeting(const QByteArray& payload, QString* error);

// "ERR 1045 (28000) Access denied for user ...". An ERR packet sent as the greeting has no
// SQL state, because the client's capabilities are not known yet.
QString errorText(const QByteArray& payload);
quint16 errorCode(const QByteArray& payload);

// SHA1(password) XOR SHA1(nonce + SHA1(SHA1(password))); empty for an empty password.
QByteArray nativePasswordScramble(const QByteArray& password, const QByteArray& nonce);
// SHA256(password) XOR SHA256(SHA256(SHA256(password)) + nonce); empty for an empty password.
QByteArray cachingSha2Scramble(const QByteArray& password, const QByteArray& nonce);

} // namespace chaoslab::probes::mysql
