// The part of BSON (bsonspec.org) that the MongoDB probe needs: a writer for commands and
// a reader that turns a document into Qt values.
//
//   document:  int32 total size | elements | 0x00
//   element:   type byte | name (C string) | value
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace chaoslab::probes::bson {

class DocumentWriter
{
public:
    void appendDouble(const QByteArray& name, double value);
    void appendString(const QByteArray& name, const QString& value);
    void appendDocument(const QByteArray& name, const QByteArray& document);
    void appendBool(const QByteArray& name, bool value);
    void appendInt32(const QByteArray& name, qint32 value);
    void appendInt64(const QByteArray& name, qint64 value);
    // The finished document.
    QByteArray document() const;

private:
    void appendHeader(char type, const QByteArray& name);

    QByteArray m_elements;
};

// Reads one document from the start of `bytes`. Values become double, QString,
// QVariantMap (documents), QVariantList (arrays), bool, int, qint64, QDateTime (UTC
// datetime), QByteArray (ObjectId, binary data) or a null QVariant. Returns nothing and
// sets `error` for a truncated document or a type outside that list.
std::optional<QVariantMap> readDocument(const QByteArray& bytes, QString* error);

} // namespace chaoslab::probes::bson
