#include "chartcsv.h"

#include "probes/probeoutcome.h"

#include <QDateTime>
#include <QIODevice>

#include <algorithm>
#include <vector>

namespace chaoslab::ui {

namespace {

using probes::ProbeBucket;

// Quotes a field that contains a separator, a quote or a line break (RFC 4180).
QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString milliseconds(double value)
{
    return QString::number(value, 'f', 3);
}

QString csvRow(const QString& probe, const ProbeBucket& bucket)
{
    QStringList fields {
        QDateTime::fromMSecsSinceEpoch(bucket.secondMs, Qt::UTC).toString(Qt::ISODate),
        csvField(probe),
        QString::number(bucket.attempts),
        QString::number(bucket.ok()),
        QString::number(bucket.errors()),
        QString::number(bucket.errorRate(), 'f', 4),
        milliseconds(bucket.latency.p50),
        milliseconds(bucket.latency.p95),
        milliseconds(bucket.latency.p99),
        milliseconds(bucket.latency.max),
    };
    for (int i = 1; i < probes::ProbeOutcomeCount; ++i)
        fields.append(QString::number(bucket.outcomes[size_t(i)]));
    return fields.join(u',') + u'\n';
}

} // namespace

QStringList probeCsvColumns()
{
    QStringList columns { QStringLiteral("time"), QStringLiteral("probe"),
        QStringLiteral("attempts"), QStringLiteral("ok"), QStringLiteral("errors"),
        QStringLiteral("error_rate"), QStringLiteral("p50"), QStringLiteral("p95"),
        QStringLiteral("p99"), QStringLiteral("max") };
    for (int i = 1; i < probes::ProbeOutcomeCount; ++i)
        columns.append(probes::outcomeName(probes::AllProbeOutcomes[size_t(i)]));
    return columns;
}

bool writeProbeCsv(QIODevice& device, const ProbeHistory& history,
    const std::function<QString(const QString&)>& labelOf)
{
    struct Row
    {
        qint64 secondMs;
        int probe;
        const ProbeBucket* bucket;
    };
    const QStringList ids = history.probes();
    std::vector<Row> rows;
    rows.reserve(size_t(history.size()));
    for (int probe = 0; probe < ids.size(); ++probe) {
        for (const auto& bucket : history.buckets(ids.at(probe)))
            rows.push_back({ bucket.secondMs, probe, &bucket });
    }
    std::stable_sort(rows.begin(), rows.end(),
        [](const Row& a, const Row& b) { return a.secondMs < b.secondMs; });

    QStringList labels;
    for (const QString& id : ids)
        labels.append(labelOf(id));
    if (device.write(probeCsvColumns().join(u',').toUtf8() + '\n') < 0)
        return false;
    for (const Row& row : rows) {
        if (device.write(csvRow(labels.at(row.probe), *row.bucket).toUtf8()) < 0)
            return false;
    }
    return true;
}

} // namespace chaoslab::ui
