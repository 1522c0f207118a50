#include "bson.h"

#include <QDateTime>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace chaoslab::probes::bson {

namespace {

enum Type : char {
    Double = 0x01,
    String = 0x02,
    Document = 0x03,
    Array = 0x04,
    Binary = 0x05,
    ObjectId = 0x07,
    Bool = 0x08,
    DateTime = 0x09,
    Null = 0x0a,
    Int32 = 0x10,
    Timestamp = 0x11,
    Int64 = 0x12,
};

// Deeper nesting than this is refused, so a hostile reply cannot exhaust the stack.
constexpr int MaxDepth = 32;

template <typename T> void appendLittleEndian(QByteArray& out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// Array elements are named "0", "1", ...; QVariantMap sorts them as text ("10" < "2").
QVariantList arrayValues(const QVariantMap& elements)
{
    QList<std::pair<int, QVariant>> indexed;
    for (auto it = elements.begin(); it != elements.end(); ++it)
        indexed.append({ it.key().toInt(), it.value() });
    std::sort(indexed.begin(), indexed.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    QVariantList values;
    for (const auto& element : indexed)
        values.append(element.second);
    return values;
}

class Reader
{
public:
    Reader(const QByteArray& bytes, QString* error) : m_bytes(bytes), m_error(error) { }

    std::optional<QVariantMap> document(int depth);

private:
    std::optional<QVariant> value(char type, int depth);
    bool fail(const QString& message);
    bool has(qsizetype size) const { return m_at + size <= m_bytes.size(); }
    template <typename T> std::optional<T> fixed();

    const QByteArray& m_bytes;
    QString* m_error;
    qsizetype m_at = 0;
};

bool Reader::fail(const QString& message)
{
    if (m_error->isEmpty())
        *m_error = message;
    return false;
}

template <typename T> std::optional<T> Reader::fixed()
{
    if (!has(sizeof(T))) {
        fail(QStringLiteral("BSON value truncated at byte %1").arg(m_at));
        return std::nullopt;
    }
    const T value = qFromLittleEndian<T>(m_bytes.constData() + m_at);
    m_at += sizeof(T);
    return value;
}

std::optional<QVariantMap> Reader::document(int depth)
{
    const qsizetype start = m_at;
    const auto size = fixed<qint32>();
    if (!size || *size < 5 || start + *size > m_bytes.size() || depth > MaxDepth) {
        fail(QStringLiteral("invalid BSON document at byte %1").arg(start));
        return std::nullopt;
    }
    const qsizetype end = start + *size - 1;
    QVariantMap map;
    while (m_at < end) {
        const char type = m_bytes.at(m_at++);
        const qsizetype nameEnd = m_bytes.indexOf('\0', m_at);
        if (nameEnd < 0 || nameEnd >= end) {
            fail(QStringLiteral("BSON element name not terminated at byte %1").arg(m_at));
            return std::nullopt;
        }
        const QString name = QString::fromUtf8(m_bytes.mid(m_at, nameEnd - m_at));
        m_at = nameEnd + 1;
        std::optional<QVariant> element = value(type, depth);
        if (!element)
            return std::nullopt;
        map.insert(name, *element);
    }
    if (m_at != end || m_bytes.at(end) != '\0') {
        fail(QStringLiteral("BSON document ending at byte %1 is malformed").arg(end));
        return std::nullopt;
    }
    m_at = end + 1;
    return map;
}

std::optional<QVariant> Reader::value(char type, int depth)
{
    switch (type) {
    case Double:
        if (const auto bits = fixed<quint64>()) {
            double number;
            std::memcpy(&number, &*bits, sizeof number);
            return QVariant(number);
        }
        return std::nullopt;
    case String: {
        const auto size = fixed<qint32>();
        if (!size || *size < 1 || !has(*size))
            break;
        const QString text = QString::fromUtf8(m_bytes.mid(m_at, *size - 1));
        m_at += *size;
        return QVariant(text);
    }
    case Document:
        if (auto map = document(depth + 1))
            return QVariant(*map);
        return std::nullopt;
    case Array:
        if (auto map = document(depth + 1))
            return QVariant(arrayValues(*map));
        return std::nullopt;
    case Binary: {
        const auto size = fixed<qint32>();
        if (!size || *size < 0 || !has(*size + 1))
            break;
        const QByteArray data = m_bytes.mid(m_at + 1, *size);
        m_at += *size + 1;
        return QVariant(data);
    }
    case ObjectId:
        if (!has(12))
            break;
        m_at += 12;
        return QVariant(m_bytes.mid(m_at - 12, 12));
    case Bool:
        if (const auto flag = fixed<quint8>())
            return QVariant(*flag != 0);
        return std::nullopt;
    case DateTime:
        if (const auto ms = fixed<qint64>())
            return QVariant(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC));
        return std::nullopt;
    case Null:
        return QVariant();
    case Int32:
        if (const auto number = fixed<qint32>())
            return QVariant(*number);
        return std::nullopt;
    case Timestamp:
    case Int64:
        if (const auto number = fixed<qint64>())
            return QVariant(*number);
        return std::nullopt;
    default:
        fail(QStringLiteral("unsupported BSON type 0x%1")
                 .arg(quint8(type), 2, 16, QLatin1Char('0')));
        return std::nullopt;
    }
    fail(QStringLiteral("BSON value truncated at byte %1").arg(m_at));
    return std::nullopt;
}

} // namespace

void DocumentWriter::appendHeader(char type, const QByteArray& name)
{
    m_elements += type;
    m_elements += name;
    m_elements += '\0';
}

void DocumentWriter::appendDouble(const QByteArray& name, double value)
{
    appendHeader(Double, name);
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendLittleEndian(m_elements, bits);
}

void DocumentWriter::appendString(const QByteArray& name, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    appendHeader(String, name);
    appendLittleEndian(m_elements, qint32(utf8.size() + 1));
    m_elements += utf8;
    m_elements += '\0';
}

void DocumentWriter::appendDocument(const QByteArray& name, const QByteArray& document)
{
    appendHeader(Document, name);
    m_elements += document;
}

void DocumentWriter::appendBool(const QByteArray& name, bool value)
{
    appendHeader(Bool, name);
    m_elements += char(value ? 1 : 0);
}

void DocumentWriter::appendInt32(const QByteArray& name, qint32 value)
{
    appendHeader(Int32, name);
    appendLittleEndian(m_elements, value);
}

void DocumentWriter::appendInt64(const QByteArray& name, qint64 value)
{
    appendHeader(Int64, name);
    appendLittleEndian(m_elements, value);
}

QByteArray DocumentWriter::document() const
{
    QByteArray out;
    appendLittleEndian(out, qint32(m_elements.size() + 5));
    return out + m_elements + '\0';
}

std::optional<QVariantMap> readDocument(const QByteArray& bytes, QString* error)
{
    error->clear();
    Reader reader(bytes, error);
    return reader.document(0);
}

} // namespace chaoslab::probes::bson
