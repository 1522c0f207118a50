#include "probeseriesset.h"

#include "theme.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>

#include <algorithm>

namespace chaoslab::ui {

namespace {

// Each column of the plot this many pixels wide keeps its lowest and highest point, so a
// line shows every spike with no more points than a pixel column can show.
constexpr int ColumnPx = 1;
constexpr qint64 BucketMs = 1000;
// The share of the probe's colour in the p95 line's colour, the rest being the chart's
// background: lighter than p50 rather than dashed, because a dashed line costs a path
// stroke. The colour is opaque, because opaque lines cost a plain fill per pixel column.
constexpr qreal P95ColorShare = 0.45;

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

    // Ends the line here, so that the next point starts a new piece rather than joining
    // this one with a straight line across the gap.
    void breakLine()
    {
        flush();
        if (!m_points.isEmpty() && !isLineBreak(m_points.constLast()))
            m_points.append(lineBreak());
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

void ProbeSeriesSet::setColor(const QColor& color, const QColor& background, qreal lineWidth)
{
    m_color = color;
    m_p95Color = blend(color, background, P95ColorShare);
    m_lineWidth = lineWidth;
    m_p50->setPen(QPen(color, lineWidth));
    m_p95->setPen(QPen(m_p95Color, lineWidth));
    m_errorRate->setPen(QPen(color, lineWidth));
}

void ProbeSeriesSet::appendLines(
    std::vector<PlotLine>& p95, std::vector<PlotLine>& p50, std::vector<PlotLine>& errors) const
{
    p95.push_back({ m_p95Points, m_p95Color, m_lineWidth });
    p50.push_back({ m_p50Points, m_color, m_lineWidth });
    errors.push_back({ m_errorPoints, m_color, m_lineWidth });
}

double ProbeSeriesSet::show(
    const ProbeHistory::Buckets& buckets, qint64 fromMs, qint64 toMs, int plotWidthPx)
{
    const qint64 newest = buckets.empty() ? 0 : buckets.back().secondMs;
    if (fromMs == m_shownFromMs && toMs == m_shownToMs && newest == m_shownNewestMs
        && plotWidthPx == m_shownWidthPx)
        return m_shownMaxMs;
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
        // A second without a successful attempt has no latency: the line breaks there
        // rather than dropping to zero or joining its neighbours across the outage.
        if (it->ok() > 0) {
            p50.add(it->secondMs, { x, it->latency.p50 });
            p95.add(it->secondMs, { x, it->latency.p95 });
            maxMs = std::max(maxMs, it->latency.p95);
        } else {
            p50.breakLine();
            p95.breakLine();
        }
    }
    m_p50Points = p50.take();
    m_p95Points = p95.take();
    m_errorPoints = errors.take();
    m_shownMaxMs = maxMs;
    return maxMs;
}

} // namespace chaoslab::ui
