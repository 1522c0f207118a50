// The live probe charts: latency (p50 and p95 per probe, ms) above error rate (percent per
// probe), on one time axis, with a labelled marker at every change.
//
//   page.addProbe(QStringLiteral("api"), QStringLiteral("demo_api"));
//   connect(runner, &ProbeRunner::bucketClosed, &page,
//       [&](const ProbeBucket& b) { page.addBucket(QStringLiteral("api"), b); });
//   page.addMarker(QDateTime::currentDateTime(), tr("Step 2: latency 500 ms"));
//
// The view shows a window of 1, 5, 15 or 60 minutes that follows the newest data. Pause
// freezes it while data keeps being recorded; the scroll bar moves it back over the stored
// history (two hours). Memory is bounded: the history drops seconds older than two hours,
// the lines hold only the visible window and at most MaxMarkers markers are kept. Data is
// drawn by one refresh at most every RefreshDelayMs, so many probes cost one redraw. Qt
// Charts draws the axes, grid and theme; a PlotLinesItem per chart draws the data lines
// and a ProbeLegend above the charts names the probes.
#pragma once

#include "chartmarkerlayer.h"
#include "chartviewport.h"
#include "probehistory.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QScrollBar;
class QToolButton;
class QValueAxis;

namespace chaoslab::ui {

class ChartMarkerItem;
class MessageBanner;
class PlotLinesItem;
class ProbeLegend;
class ProbeSeriesSet;
class Theme;
struct ChartLook;

class ProbeChartPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxMarkers = 500;
    static constexpr int RefreshDelayMs = 200;

    explicit ProbeChartPage(QWidget* parent = nullptr);
    ~ProbeChartPage() override;

    void addProbe(const QString& id, const QString& label);
    void setProbeLabel(const QString& id, const QString& label);
    // Removes the probe's lines and its history.
    void removeProbe(const QString& id);
    QStringList probes() const;
    QString probeLabel(const QString& id) const;
    void addBucket(const QString& id, const probes::ProbeBucket& bucket);

    // Adds a labelled vertical marker, for example for a lab step.
    void addMarker(const QDateTime& time, const QString& label);
    // Moves the newest marker and replaces its label, when the change it marks was updated.
    void updateLastMarker(const QDateTime& time, const QString& label);
    const std::deque<ChartMarker>& markers() const { return m_markers; }

    // 1, 5, 15 or 60.
    void setWindowMinutes(int minutes);
    int windowMinutes() const;
    void setPaused(bool paused);
    bool isPaused() const { return m_viewport.isPaused(); }
    // Moves the view to end at `end`, within the history; anywhere but the newest data
    // pauses the view.
    void scrollTo(const QDateTime& end);
    QDateTime visibleStart() const;
    QDateTime visibleEnd() const;

    void setLook(const Theme& theme, const QFont& font);

    // Write the charts as a PNG image or the history as CSV. On failure they return false
    // and set `error` to a message with the path and the reason.
    bool exportPng(const QString& path, QString* error);
    bool exportCsv(const QString& path, QString* error);

    // Draws pending data at once instead of at the next refresh.
    void refreshNow();

    QAction* exportPngAction() const { return m_exportPng; }
    QAction* exportCsvAction() const { return m_exportCsv; }
    QAction* pauseAction() const { return m_pause; }
    QChart* latencyChart() const { return m_latencyChart; }
    QChart* errorChart() const { return m_errorChart; }
    QChartView* latencyView() const { return m_latencyView; }
    const PlotLinesItem* latencyLines() const { return m_latencyLines; }
    const PlotLinesItem* errorLines() const { return m_errorLines; }
    ProbeLegend* legend() const { return m_legend; }
    QComboBox* windowSelector() const { return m_window; }
    QScrollBar* scrollBar() const { return m_scrollBar; }
    MessageBanner* banner() const { return m_banner; }
    const ProbeHistory& history() const { return m_history; }
    // The marker items shown on the latency chart, which carries the labels.
    QList<ChartMarkerItem*> markerItems() const;

signals:
    // The "Probes…" button was pressed.
    void manageProbesRequested();
    void windowMinutesChanged(int minutes);

private:
    void buildActions();
    QWidget* buildControls();
    void buildCharts();
    void scheduleRefresh();
    void refresh();
    void updateLatencyAxis(double maxMs);
    void updateLines();
    void updateLegend();
    int plotWidthPx() const;
    void updateMarkers();
    void updateScrollBar();
    void updateStatus();
    void alignPlotAreas();
    void handleScrolled(int value);
    void chooseExportPath(bool png);
    void applyLookToProbes();

    ProbeHistory m_history;
    ChartViewport m_viewport;
    std::deque<ChartMarker> m_markers;
    std::map<QString, std::unique_ptr<ProbeSeriesSet>> m_series;
    std::map<QString, QString> m_labels;
    QStringList m_order;
    std::unique_ptr<ChartLook> m_look;
    QTimer m_refreshTimer;
    // Scroll bar positions are seconds after this time.
    qint64 m_scrollOriginMs = 0;
    // The plot width the lines were last reduced to.
    int m_shownWidthPx = -1;

    QAction* m_exportPng = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_pause = nullptr;
    QComboBox* m_window = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;
    MessageBanner* m_banner = nullptr;
    QChart* m_latencyChart = nullptr;
    QChart* m_errorChart = nullptr;
    QChartView* m_latencyView = nullptr;
    QChartView* m_errorView = nullptr;
    QDateTimeAxis* m_latencyTime = nullptr;
    QDateTimeAxis* m_errorTime = nullptr;
    QValueAxis* m_latencyAxis = nullptr;
    QValueAxis* m_errorAxis = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    ProbeLegend* m_legend = nullptr;
    PlotLinesItem* m_latencyLines = nullptr;
    PlotLinesItem* m_errorLines = nullptr;
    std::unique_ptr<ChartMarkerLayer> m_latencyMarkers;
    std::unique_ptr<ChartMarkerLayer> m_errorMarkers;
};

} // namespace chaoslab::ui
