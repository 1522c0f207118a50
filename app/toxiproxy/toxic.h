// A toxic as the Toxiproxy HTTP API describes it, and the fields a toxic update may change.
//
// Every toxic attribute in Toxiproxy 2.12 is an integer (milliseconds, bytes, KB/s or
// microseconds, depending on the type), so attributes are an ordered list of named
// integers, kept in the order the server wrote them.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace chaoslab::toxiproxy {

// The direction a toxic acts on: upstream is client to server, downstream is server to
// client.
enum class ToxicStream { Upstream, Downstream };

// Returns "upstream" or "downstream".
QString streamName(ToxicStream stream);

// Parses a stream name without regard to case, as Toxiproxy does ("UPSTREAM" is valid).
std::optional<ToxicStream> parseStream(QStringView text);

struct ToxicAttribute
{
    QString name;
    qint64 value = 0;

    bool operator==(const ToxicAttribute&) const = default;
};

struct Toxic
{
    // Empty in a create request when the server should name the toxic "<type>_<stream>".
    QString name;
    QString type;
    ToxicStream stream = ToxicStream::Downstream;
    // Probability that the toxic applies to a connection, rolled per connection.
    double toxicity = 1.0;
    QList<ToxicAttribute> attributes;

    std::optional<qint64> attribute(QStringView attributeName) const;
    // Replaces the value of an existing attribute, or appends a new one.
    void setAttribute(const QString& attributeName, qint64 value);

    bool operator==(const Toxic&) const = default;
};

// A partial update of a toxic: only the toxicity, if set, and the listed attributes change.
// Toxiproxy ignores changes to a toxic's name, type and stream.
struct ToxicUpdate
{
    std::optional<double> toxicity;
    QList<ToxicAttribute> attributes;
};

} // namespace chaoslab::toxiproxy
