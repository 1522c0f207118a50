#include "toxic.h"

namespace chaoslab::toxiproxy {

QString streamName(ToxicStream stream)
{
    return stream == ToxicStream::Upstream ? QStringLiteral("upstream")
                                           : QStringLiteral("downstream");
}

std::optional<ToxicStream> parseStream(QStringView text)
{
    if (text.compare(u"upstream", Qt::CaseInsensitive) == 0)
        return ToxicStream::Upstream;
    if (text.compare(u"downstream", Qt::CaseInsensitive) == 0)
        return ToxicStream::Downstream;
    return std::nullopt;
}

std::optional<qint64> Toxic::attribute(QStringView attributeName) const
{
    for (const auto& attribute : attributes) {
        if (attribute.name == attributeName)
            return attribute.value;
    }
    return std::nullopt;
}

void Toxic::setAttribute(const QString& attributeName, qint64 value)
{
    for (auto& attribute : attributes) {
        if (attribute.name == attributeName) {
            attribute.value = value;
            return;
        }
    }
    attributes.append({ attributeName, value });
}

} // namespace chaoslab::toxiproxy
