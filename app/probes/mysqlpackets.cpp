#include "mysqlpackets.h"

#include <QCryptographicHash>

#include <algorithm>

namespace chaoslab::probes::mysql {

namespace {

constexpr int NonceSize = 20;
constexpr quint8 ProtocolVersion10 = 10;

quint32 littleEndian(const QByteArray& bytes, qsizetype at, int size)
{
    quint32 value = 0;
    for (int i = size - 1; i >= 0; --i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

QByteArray hash(QCryptographicHash::Algorithm algorithm, const QByteArray& data)
{
    return QCryptographicHash::hash(data, algorithm);
}

QByteArray exclusiveOr(const QByteArray& a, const QByteArray& b)
{
    QByteArray out(a.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < a.size(); ++i)
        out[i] = char(a.at(i) ^ b.at(i));
    return out;
}

// Reads a NUL-terminated string at `at` and moves `at` past the NUL.
std::optional<QByteArray> readCString(const QByteArray& bytes, qsizetype& at)
{
    const qsizetype end = bytes.indexOf('\0', at);
    if (end < 0)
        return std::nullopt;
    QByteArray value = bytes.mid(at, end - at);
    at = end + 1;
    return value;
}

} // namespace

ReadStatus readPacket(QByteArray& buffer, qsizetype maxPayload, Packet* packet)
{
    if (buffer.size() < 4)
        return ReadStatus::Incomplete;
    const qsizetype length = littleEndian(buffer, 0, 3);
    if (length > maxPayload)
        return ReadStatus::TooLarge;
    if (buffer.size() < 4 + length)
        return ReadStatus::Incomplete;
    packet->sequence = quint8(buffer.at(3));
    packet->payload = buffer.mid(4, length);
    buffer.remove(0, 4 + length);
    return ReadStatus::Complete;
}

QByteArray writePacket(quint8 sequence, const QByteArray& payload)
{
    const auto length = quint32(payload.size());
    QByteArray out;
    out += char(length & 0xff);
    out += char((length >> 8) & 0xff);
    out += char((length >> 16) & 0xff);
    out += char(sequence);
    return out + payload;
}

// HandshakeV10: version byte, server version, connection id (4), nonce part 1 (8), filler,
// capabilities low (2), character set, status (2), capabilities high (2), nonce length,
// 10 reserved bytes, nonce part 2 (at least 13 bytes, NUL-terminated), plugin name.
std::optional<Greeting> parseGreeting(const QByteArray& payload, QString* error)
{
    if (payload.isEmpty() || quint8(payload.at(0)) != ProtocolVersion10) {
        *error = payload.isEmpty()
            ? QStringLiteral("empty server greeting")
            : QStringLiteral("unsupported protocol version %1 in the server greeting")
                  .arg(quint8(payload.at(0)));
        return std::nullopt;
    }
    qsizetype at = 1;
    const auto version = readCString(payload, at);
    if (!version || payload.size() < at + 4 + 8 + 1 + 2) {
        *error = QStringLiteral("truncated server greeting");
        return std::nullopt;
    }
    Greeting greeting;
    greeting.serverVersion = QString::fromUtf8(*version);
    at += 4;
    greeting.nonce = payload.mid(at, 8);
    at += 8 + 1;
    greeting.capabilities = littleEndian(payload, at, 2);
    at += 2;
    if (payload.size() >= at + 1 + 2 + 2 + 1 + 10) {
        at += 1 + 2;
        greeting.capabilities |= littleEndian(payload, at, 2) << 16;
        at += 2;
        const int nonceLength = quint8(payload.at(at));
        at += 1 + 10;
        const int partTwo = std::max(13, nonceLength - 8);
        greeting.nonce += payload.mid(at, partTwo - 1);
        at += partTwo;
        if (greeting.capabilities & ClientPluginAuth) {
            const auto plugin = readCString(payload, at);
            greeting.authPlugin = QString::fromUtf8(plugin.value_or(payload.mid(at)));
        }
    }
    if (greeting.nonce.size() < NonceSize) {
        *error = QStringLiteral("server greeting carries a nonce of %1 bytes; expected %2")
                     .arg(greeting.nonce.size())
                     .arg(NonceSize);
        return std::nullopt;
    }
    greeting.nonce.truncate(NonceSize);
    return greeting;
}

quint16 errorCode(const QByteArray& payload)
{
    return payload.size() >= 3 ? quint16(littleEndian(payload, 1, 2)) : 0;
}

QString errorText(const QByteArray& payload)
{
    QByteArray message = payload.mid(3);
    QString state;
    if (message.startsWith('#') && message.size() >= 6) {
        state = QStringLiteral(" (%1)").arg(QString::fromLatin1(message.mid(1, 5)));
        message.remove(0, 6);
    }
    return QStringLiteral("ERR %1%2 %3")
        .arg(errorCode(payload))
        .arg(state, QString::fromUtf8(message));
}

QByteArray nativePasswordScramble(const QByteArray& password, const QByteArray& nonce)
{
    if (password.isEmpty())
        return {};
    const auto sha1 = QCryptographicHash::Sha1;
    const QByteArray stage1 = hash(sha1, password);
    const QByteArray stage2 = hash(sha1, stage1);
    return exclusiveOr(stage1, hash(sha1, nonce + stage2));
}

QByteArray cachingSha2Scramble(const QByteArray& password, const QByteArray& nonce)
{
    if (password.isEmpty())
        return {};
    const auto sha256 = QCryptographicHash::Sha256;
    const QByteArray stage1 = hash(sha256, password);
    const QByteArray stage2 = hash(sha256, stage1);
    return exclusiveOr(stage1, hash(sha256, stage2 + nonce));
}

} // namespace chaoslab::probes::mysql
