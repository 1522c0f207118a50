// The lines of one probe: p50 and p95 latency (ms) on the latency chart and error rate
// (percent) on the error chart, all in the probe's colour. Each refresh replaces the
// points of a line in one call with the buckets inside the visible range, reduced to the
// plot's pixel width, so a line never contains more than one window of points and a redraw
// costs one geometry update.
#pragma once

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
    void setColor(const QColor& color, qreal lineWidth);

    // Shows the buckets that overlap [fromMs, toMs], plus the one before so the lines reach
    // the left edge, with at most about one point per pixel of plotWidthPx (the lowest and
    // highest of each two-pixel column). Returns the highest p95 shown, in ms. Nothing is
    // redrawn when the range, the width and the newest bucket are the same as at the last
    // call. New buckets in an unchanged range are appended.
    double show(const ProbeHistory::Buckets& buckets, qint64 fromMs, qint64 toMs, int plotWidthPx);
    // Forgets what show() last drew, so the next call redraws.
    void invalidate() { m_shownNewestMs = -1; }

    QLineSeries* p50() const { return m_p50; }
    QLineSeries* p95() const { return m_p95; }
    QLineSeries* errorRate() const { return m_errorRate; }

private:
    ChartAxes m_latency;
    ChartAxes m_errors;
    QLineSeries* m_p50;
    QLineSeries* m_p95;
    QLineSeries* m_errorRate;
    qint64 m_shownFromMs = -1;
    qint64 m_shownToMs = -1;
    qint64 m_shownNewestMs = -1;
    int m_shownWidthPx = -1;
    double m_shownMaxMs = 0;
};

} // namespace chaoslab::ui
