#include "toxicsummary.h"

#include <QLocale>

namespace chaoslab::ui {

namespace {

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

QString ToxicSummary::formatValue(qint64 value, const QString& unit)
{
    return tr("%1 %2").arg(number(value), unit);
}

QString ToxicSummary::describeValues(const toxiproxy::Toxic& toxic)
{
    const auto value = [&toxic](const char* name) {
        return toxic.attribute(QString::fromLatin1(name)).value_or(0);
    };
    const QString& type = toxic.type;
    if (type == u"latency") {
        if (value("jitter") > 0) {
            return tr("latency %1 ± %2 ms").arg(number(value("latency")), number(value("jitter")));
        }
        return tr("latency %1 ms").arg(number(value("latency")));
    }
    if (type == u"bandwidth")
        return tr("bandwidth %1 KB/s").arg(number(value("rate")));
    if (type == u"slow_close")
        return tr("slow close %1 ms").arg(number(value("delay")));
    if (type == u"timeout") {
        if (value("timeout") == 0)
            return tr("timeout: drop, never close");
        return tr("timeout %1 ms").arg(number(value("timeout")));
    }
    if (type == u"reset_peer")
        return tr("reset peer after %1 ms").arg(number(value("timeout")));
    if (type == u"slicer") {
        return tr("slicer %1 ± %2 bytes, %3 µs")
            .arg(number(value("average_size")), number(value("size_variation")),
                number(value("delay")));
    }
    if (type == u"limit_data")
        return tr("limit %1 bytes").arg(number(value("bytes")));
    return type;
}

QString ToxicSummary::describe(const toxiproxy::Toxic& toxic)
{
    const QString values = describeValues(toxic);
    if (toxic.toxicity >= 1.0)
        return values;
    const auto percent = qRound(toxic.toxicity * 100);
    return tr("%1 · %2%").arg(values, QString::number(percent));
}

} // namespace chaoslab::ui
