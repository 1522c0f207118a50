#include "amqpframes.h"

#include <QtEndian>

namespace chaoslab::probes::amqp {

namespace {

constexpr char FrameEnd = char(0xce);
constexpr int HeaderSize = 7;

} // namespace

ReadStatus readFrame(QByteArray& buffer, quint32 maxPayload, Frame* frame)
{
    if (buffer.size() < HeaderSize)
        return ReadStatus::Incomplete;
    const auto size = qFromBigEndian<quint32>(buffer.constData() + 3);
    if (size > maxPayload)
        return ReadStatus::Invalid;
    if (buffer.size() < HeaderSize + qsizetype(size) + 1)
        return ReadStatus::Incomplete;
    if (buffer.at(HeaderSize + size) != FrameEnd)
        return ReadStatus::Invalid;
    frame->type = quint8(buffer.at(0));
    frame->channel = qFromBigEndian<quint16>(buffer.constData() + 1);
    frame->payload = buffer.mid(HeaderSize, size);
    buffer.remove(0, HeaderSize + size + 1);
    return ReadStatus::Complete;
}

QByteArray methodFrame(quint16 classId, quint16 methodId, const QByteArray& arguments)
{
    QByteArray payload;
    appendShort(payload, classId);
    appendShort(payload, methodId);
    payload += arguments;
    QByteArray out(1, char(MethodFrame));
    appendShort(out, 0);
    appendLong(out, quint32(payload.size()));
    return out + payload + FrameEnd;
}

void appendShort(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLong(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendShortString(QByteArray& out, const QByteArray& value)
{
    const QByteArray truncated = value.left(255);
    out += char(truncated.size());
    out += truncated;
}

void appendLongString(QByteArray& out, const QByteArray& value)
{
    appendLong(out, quint32(value.size()));
    out += value;
}

ArgumentReader::ArgumentReader(QByteArray bytes, qsizetype at) : m_bytes(std::move(bytes)), m_at(at)
{ }

QByteArray ArgumentReader::take(qsizetype size)
{
    if (m_failed || size < 0 || m_at + size > m_bytes.size()) {
        m_failed = true;
        return {};
    }
    QByteArray value = m_bytes.mid(m_at, size);
    m_at += size;
    return value;
}

quint8 ArgumentReader::octet()
{
    const QByteArray bytes = take(1);
    return bytes.isEmpty() ? 0 : quint8(bytes.at(0));
}

quint16 ArgumentReader::shortValue()
{
    const QByteArray bytes = take(2);
    return bytes.size() == 2 ? qFromBigEndian<quint16>(bytes.constData()) : 0;
}

quint32 ArgumentReader::longValue()
{
    const QByteArray bytes = take(4);
    return bytes.size() == 4 ? qFromBigEndian<quint32>(bytes.constData()) : 0;
}

QByteArray ArgumentReader::shortString()
{
    return take(octet());
}

QByteArray ArgumentReader::longString()
{
    return take(qsizetype(longValue()));
}

QList<QPair<QByteArray, QByteArray>> ArgumentReader::tableStrings()
{
    ArgumentReader table(longString());
    QList<QPair<QByteArray, QByteArray>> strings;
    while (!m_failed && table.m_at < table.m_bytes.size()) {
        const QByteArray name = table.shortString();
        const char type = char(table.octet());
        if (type == 'S')
            strings.append({ name, table.longString() });
        else if (!table.skipValue(type))
            break;
        if (table.failed())
            break;
    }
    return strings;
}

// Field value types as RabbitMQ encodes them.
bool ArgumentReader::skipValue(char type)
{
    switch (type) {
    case 't':
    case 'b':
    case 'B':
        take(1);
        return true;
    case 's':
    case 'u':
        take(2);
        return true;
    case 'I':
    case 'i':
    case 'f':
        take(4);
        return true;
    case 'l':
    case 'L':
    case 'd':
    case 'T':
        take(8);
        return true;
    case 'D':
        take(5);
        return true;
    case 'F':
    case 'A':
    case 'x':
    case 'S':
        longString();
        return true;
    case 'V':
        return true;
    }
    return false;
}

} // namespace chaoslab::probes::amqp
