// AMQP 0-9-1 framing and the argument types the AMQP probe needs.
//
//   frame:  type (1) | channel (2) | size (4) | payload (size) | 0xCE
//   method payload:  class id (2) | method id (2) | arguments
//
// Integers are big-endian; a short string has a 1-byte length, a long string and a field
// table a 4-byte length.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace chaoslab::probes::amqp {

enum FrameType : quint8 { MethodFrame = 1, HeartbeatFrame = 8 };

struct Frame
{
    quint8 type = 0;
    quint16 channel = 0;
    QByteArray payload;
};

enum class ReadStatus { Complete, Incomplete, Invalid };

// Takes one frame off the front of `buffer`. Invalid: a frame longer than maxPayload or
// without the 0xCE end marker.
ReadStatus readFrame(QByteArray& buffer, quint32 maxPayload, Frame* frame);
QByteArray methodFrame(quint16 classId, quint16 methodId, const QByteArray& arguments);

void appendShort(QByteArray& out, quint16 value);
void appendLong(QByteArray& out, quint32 value);
void appendShortString(QByteArray& out, const QByteArray& value);
void appendLongString(QByteArray& out, const QByteArray& value);

// Reads arguments in order; any read past the end sets failed() and returns zero values.
class ArgumentReader
{
public:
    explicit ArgumentReader(QByteArray bytes, qsizetype at = 0);

    quint8 octet();
    quint16 shortValue();
    quint32 longValue();
    QByteArray shortString();
    QByteArray longString();
    // The long-string entries of a field table, such as "product" and "version" of the
    // server properties. Other values are skipped; reading stops at a type the reader does
    // not know, without failing.
    QList<QPair<QByteArray, QByteArray>> tableStrings();
    bool failed() const { return m_failed; }

private:
    QByteArray take(qsizetype size);
    bool skipValue(char type);

    QByteArray m_bytes;
    qsizetype m_at;
    bool m_failed = false;
};

} // namespace chaoslab::probes::amqp
