// The lines of one probe: p50 and p95 latency (ms) on the latency chart and error rate
// (percent) on the error chart, all in the probe's colour. Each refresh takes the buckets
// inside the visible range, reduced to one lowest and one highest point per pixel column
// of the plot, so a line never has more than two points per pixel. The chart's
// PlotLinesItem draws the points. The QLineSeries carry the names and pens and stay
// empty, because Qt Charts strokes every segment of a line as an antialiased path, which
// took 0.4 to 0.9 s for the 48 lines of bench/chart_bench.
#pragma once

#include "plotlinesitem.h"
#include "probehistory.h"

#include <QColor>
#include <QString>

class QAbstractAxis;
class QChart;
class QLineSeries;

namespace chaoslab::ui {

struct ChartAxes
{
    QChart* chart = nullptr;
    QAbstractAxis* x = nullptr;
    QAbstractAxis* y = nullptr;
};

class ProbeSeriesSet
{
public:
    ProbeSeriesSet(const QString& label, const ChartAxes& latency, const ChartAxes& errors);
    // Removes the lines from their charts.
    ~ProbeSeriesSet();

    ProbeSeriesSet(const ProbeSeriesSet&) = delete;
    ProbeSeriesSet& operator=(const ProbeSeriesSet&) = delete;

    void setLabel(const QString& label);
    // `background` is the chart's background, which the p95 colour is blended with.
    void setColor(const QColor& color, const QColor& background, qreal lineWidth);

    // Takes the buckets that overlap [fromMs, toMs], plus the one before so the lines reach
    // the left edge, with at most two points per pixel of plotWidthPx (the lowest and
    // highest of each column). Returns the highest p95 taken, in ms. Nothing is recomputed
    // when the range, the width and the newest bucket are the same as at the last call.
    double show(const ProbeHistory::Buckets& buckets, qint64 fromMs, qint64 toMs, int plotWidthPx);
    // Forgets what show() last took, so the next call recomputes.
    void invalidate() { m_shownNewestMs = -1; }
    // Appends the p95, p50 and error-rate lines to the lists of their kind.
    void appendLines(std::vector<PlotLine>& p95, std::vector<PlotLine>& p50,
        std::vector<PlotLine>& errors) const;

    QLineSeries* p50() const { return m_p50; }
    QLineSeries* p95() const { return m_p95; }
    QLineSeries* errorRate() const { return m_errorRate; }

    const QList<QPointF>& p50Points() const { return m_p50Points; }
    const QList<QPointF>& p95Points() const { return m_p95Points; }
    const QList<QPointF>& errorPoints() const { return m_errorPoints; }

private:
    ChartAxes m_latency;
    ChartAxes m_errors;
    QLineSeries* m_p50;
    QLineSeries* m_p95;
    QLineSeries* m_errorRate;
    QList<QPointF> m_p50Points;
    QList<QPointF> m_p95Points;
    QList<QPointF> m_errorPoints;
    QColor m_color;
    QColor m_p95Color;
    qreal m_lineWidth = 2;
    qint64 m_shownFromMs = -1;
    qint64 m_shownToMs = -1;
    qint64 m_shownNewestMs = -1;
    int m_shownWidthPx = -1;
    double m_shownMaxMs = 0;
};

} // namespace chaoslab::ui
