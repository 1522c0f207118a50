#include "probeseriesset.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>

#include <algorithm>

namespace chaoslab::ui {

namespace {

// Each column of the plot this many pixels wide keeps its lowest and highest point, so a
// line contains about one point per pixel and still shows every spike.
constexpr int ColumnPx = 2;
constexpr qint64 BucketMs = 1000;
// Appending calls recompute a line's geometry once per point, so more new points than this
// are cheaper to set in one replace().
constexpr qsizetype MaxAppendedPoints = 4;

// The time width of one column, or 0 when the buckets are sparser than the columns and
// every bucket is kept.
qint64 columnWidthMs(qint64 fromMs, qint64 toMs, int plotWidthPx)
{
    if (plotWidthPx < ColumnPx)
        return 0;
    const qint64 columnMs = (toMs - fromMs) * ColumnPx / plotWidthPx;
    return columnMs > BucketMs ? columnMs : 0;
}

// Collects a line's points in time order. Columns start at multiples of the column width
// since the epoch, so a column keeps its points while the window slides.
class ColumnReducer
{
public:
    explicit ColumnReducer(qint64 columnMs) : m_columnMs(columnMs) { }

    void add(qint64 ms, QPointF point)
    {
        if (m_columnMs == 0) {
            m_points.append(point);
            return;
        }
        const qint64 column = ms / m_columnMs;
        if (m_count > 0 && column != m_column)
            flush();
        m_column = column;
        if (m_count++ == 0) {
            m_low = m_high = point;
            return;
        }
        if (point.y() < m_low.y())
            m_low = point;
        if (point.y() > m_high.y())
            m_high = point;
    }

    QList<QPointF> take()
    {
        flush();
        return std::move(m_points);
    }

private:
    void flush()
    {
        if (m_count == 0)
            return;
        m_count = 0;
        if (m_low == m_high) {
            m_points.append(m_low);
            return;
        }
        const bool lowFirst = m_low.x() < m_high.x();
        m_points.append(lowFirst ? m_low : m_high);
        m_points.append(lowFirst ? m_high : m_low);
    }

    qint64 m_columnMs;
    qint64 m_column = 0;
    int m_count = 0;
    QPointF m_low;
    QPointF m_high;
    QList<QPointF> m_points;
};

// Appends when the line already contains the start of `points`, otherwise replaces them all.
void setPoints(QLineSeries* series, const QList<QPointF>& points, bool sameRange)
{
    const QList<QPointF> shown = series->points();
    const qsizetype added = points.size() - shown.size();
    if (sameRange && added >= 0 && added <= MaxAppendedPoints
        && std::equal(shown.begin(), shown.end(), points.begin())) {
        if (added > 0)
            series->append(points.mid(shown.size()));
        return;
    }
    series->replace(points);
}

QLineSeries* addSeries(const ChartAxes& axes)
{
    auto* series = new QLineSeries;
    axes.chart->addSeries(series);
    series->attachAxis(axes.x);
    series->attachAxis(axes.y);
    return series;
}

} // namespace

ProbeSeriesSet::ProbeSeriesSet(
    const QString& label, const ChartAxes& latency, const ChartAxes& errors)
    : m_latency(latency)
    , m_errors(errors)
    , m_p50(addSeries(latency))
    , m_p95(addSeries(latency))
    , m_errorRate(addSeries(errors))
{
    setLabel(label);
}

ProbeSeriesSet::~ProbeSeriesSet()
{
    for (auto [chart, series] : { std::pair { m_latency.chart, m_p50 },
             std::pair { m_latency.chart, m_p95 }, std::pair { m_errors.chart, m_errorRate } }) {
        chart->removeSeries(series);
        delete series;
    }
}

void ProbeSeriesSet::setLabel(const QString& label)
{
    m_p50->setName(label + QStringLiteral(" p50"));
    m_p95->setName(label + QStringLiteral(" p95"));
    m_errorRate->setName(label);
}

void ProbeSeriesSet::setColor(const QColor& color, qreal lineWidth)
{
    m_p50->setPen(QPen(color, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    // A lighter solid line rather than a dashed one: in chart_bench a full render of 48
    // antialiased lines of 1,800 points took 3.1 s with dashed p95 lines, 0.55 s without.
    QColor light = color;
    light.setAlphaF(0.45f);
    m_p95->setPen(QPen(light, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_errorRate->setPen(QPen(color, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}

double ProbeSeriesSet::show(
    const ProbeHistory::Buckets& buckets, qint64 fromMs, qint64 toMs, int plotWidthPx)
{
    const qint64 newest = buckets.empty() ? 0 : buckets.back().secondMs;
    if (fromMs == m_shownFromMs && toMs == m_shownToMs && newest == m_shownNewestMs
        && plotWidthPx == m_shownWidthPx)
        return m_shownMaxMs;
    const bool sameRange
        = fromMs == m_shownFromMs && toMs == m_shownToMs && plotWidthPx == m_shownWidthPx;
    m_shownFromMs = fromMs;
    m_shownToMs = toMs;
    m_shownNewestMs = newest;
    m_shownWidthPx = plotWidthPx;

    auto first = std::lower_bound(buckets.begin(), buckets.end(), fromMs,
        [](const probes::ProbeBucket& bucket, qint64 ms) { return bucket.secondMs < ms; });
    if (first != buckets.begin())
        --first;
    const qint64 columnMs = columnWidthMs(fromMs, toMs, plotWidthPx);
    ColumnReducer p50(columnMs);
    ColumnReducer p95(columnMs);
    ColumnReducer errors(columnMs);
    double maxMs = 0;
    for (auto it = first; it != buckets.end(); ++it) {
        if (it->secondMs > toMs)
            break;
        // A second in which no attempt ended has no figures; the lines skip it.
        if (it->attempts == 0)
            continue;
        const auto x = double(it->secondMs);
        errors.add(it->secondMs, { x, it->errorRate() * 100.0 });
        // A second without a successful attempt has no latency; the line skips it rather
        // than dropping to zero.
        if (it->ok() > 0) {
            p50.add(it->secondMs, { x, it->latency.p50 });
            p95.add(it->secondMs, { x, it->latency.p95 });
            maxMs = std::max(maxMs, it->latency.p95);
        }
    }
    setPoints(m_p50, p50.take(), sameRange);
    setPoints(m_p95, p95.take(), sameRange);
    setPoints(m_errorRate, errors.take(), sameRange);
    m_shownMaxMs = maxMs;
    return maxMs;
}

} // namespace chaoslab::ui
