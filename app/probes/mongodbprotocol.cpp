#include "mongodbprotocol.h"

#include "bson.h"

#include <QtEndian>

namespace chaoslab::probes {

namespace {

constexpr int HeaderSize = 16;
// Replies to `hello` are under 1 KiB; 16 MiB is MongoDB's maximum document size.
constexpr qint32 MaxMessage = 16 * 1024 * 1024;
// OP_MSG flag: a CRC-32C checksum follows the sections.
constexpr quint32 ChecksumPresent = 0x1;
constexpr char BodySection = 0;

qint32 readInt32(const QByteArray& bytes, qsizetype at)
{
    return qFromLittleEndian<qint32>(bytes.constData() + at);
}

void appendInt32(QByteArray& out, qint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

ProtocolStep protocolError(const QString& detail)
{
    return ProtocolStep::finish(ProbeOutcome::ProtocolError, detail);
}

// "ok" is a double in current servers; older ones and proxies may send an int or a bool.
bool isOk(const QVariant& ok)
{
    return ok.isValid() && ok.toDouble() == 1.0;
}

} // namespace

MongodbProtocol::MongodbProtocol(const ProbeSpec&) { }

QByteArray MongodbProtocol::start()
{
    bson::DocumentWriter command;
    command.appendInt32("hello", 1);
    command.appendString("$db", QStringLiteral("admin"));

    QByteArray body;
    appendInt32(body, 0);
    body += BodySection;
    body += command.document();

    ++m_requestId;
    QByteArray message;
    appendInt32(message, qint32(HeaderSize + body.size()));
    appendInt32(message, m_requestId);
    appendInt32(message, 0);
    appendInt32(message, OpMsg);
    return message + body;
}

ProtocolStep MongodbProtocol::receive(QByteArray& buffer)
{
    if (buffer.size() < 4)
        return ProtocolStep::needMore();
    const qint32 length = readInt32(buffer, 0);
    if (length < HeaderSize + 5 || length > MaxMessage)
        return protocolError(QStringLiteral("message with invalid length %1; is this a "
                                            "MongoDB server?")
                                 .arg(length));
    if (buffer.size() < length)
        return ProtocolStep::needMore();
    const QByteArray message = buffer.left(length);
    buffer.remove(0, length);
    return handleReply(message);
}

ProtocolStep MongodbProtocol::handleReply(const QByteArray& message) const
{
    const qint32 responseTo = readInt32(message, 8);
    const qint32 opCode = readInt32(message, 12);
    if (opCode != OpMsg)
        return protocolError(QStringLiteral("reply with opcode %1; expected OP_MSG (%2), "
                                            "which MongoDB 3.6 and later send")
                                 .arg(opCode)
                                 .arg(OpMsg));
    if (responseTo != m_requestId)
        return protocolError(
            QStringLiteral("reply to request %1; expected %2").arg(responseTo).arg(m_requestId));
    const auto flags = quint32(readInt32(message, HeaderSize));
    const qsizetype sectionsEnd = message.size() - ((flags & ChecksumPresent) ? 4 : 0);
    if (message.at(HeaderSize + 4) != BodySection)
        return protocolError(QStringLiteral("reply without a body section"));
    QString error;
    const auto reply
        = bson::readDocument(message.mid(HeaderSize + 5, sectionsEnd - HeaderSize - 5), &error);
    if (!reply)
        return protocolError(error);
    if (!isOk(reply->value(QStringLiteral("ok"))))
        return protocolError(QStringLiteral("hello failed: %1 (code %2)")
                                 .arg(reply->value(QStringLiteral("errmsg")).toString(),
                                     reply->value(QStringLiteral("code")).toString()));
    const bool writable = reply->value(QStringLiteral("isWritablePrimary")).toBool();
    return ProtocolStep::finish(ProbeOutcome::Ok,
        QStringLiteral("%1, wire version %2")
            .arg(writable ? QStringLiteral("writable primary") : QStringLiteral("not primary"))
            .arg(reply->value(QStringLiteral("maxWireVersion")).toInt()));
}

} // namespace chaoslab::probes
