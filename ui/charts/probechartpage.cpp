#include "probechartpage.h"

#include "chartcsv.h"
#include "chartlook.h"
#include "chartmarkeritem.h"
#include "messagebanner.h"
#include "plotlinesitem.h"
#include "probelegend.h"
#include "probeseriesset.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace chaoslab::ui {

namespace {

constexpr int WindowChoices[] = { 1, 5, 15, 60 };
constexpr qint64 SecondMs = 1000;

// The smallest of 1, 2 and 5 times a power of ten that is at least `value`.
double niceStep(double value)
{
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double factor : { 1.0, 2.0, 5.0 }) {
        if (factor * power >= value)
            return factor * power;
    }
    return 10.0 * power;
}

QChartView* makeView(QChart* chart, QWidget* parent)
{
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 4, 12, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    // No antialiasing: PlotLinesItem antialiases the data lines itself, the grid and axis
    // lines are straight, and smoothing them cost 0.6 ms of each redraw in chart_bench.
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing, false);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumHeight(120);
    return view;
}

} // namespace

ProbeChartPage::ProbeChartPage(QWidget* parent)
    : QWidget(parent)
    , m_look(std::make_unique<ChartLook>())
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ProbeChartPage::refresh);

    buildActions();
    m_banner = new MessageBanner(this);
    m_banner->hide();
    auto* controls = buildControls();
    buildCharts();

    m_empty = new QLabel(tr("No probes yet. Add one with Probes… to see latency and errors "
                            "through a proxy."),
        this);
    m_empty->setProperty("role", QStringLiteral("muted"));
    m_empty->setWordWrap(true);

    m_scrollBar = new QScrollBar(Qt::Horizontal, this);
    m_scrollBar->setAccessibleName(tr("Chart history"));
    m_scrollBar->setAccessibleDescription(
        tr("Scrolls the charts back over the last two hours; the right end follows live data"));
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &ProbeChartPage::handleScrolled);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(controls);
    layout->addWidget(m_banner);
    layout->addWidget(m_empty);
    layout->addWidget(m_legend);
    layout->addWidget(m_latencyView, 3);
    layout->addWidget(m_errorView, 2);
    layout->addWidget(m_scrollBar);

    setLook(Theme::make(Theme::Name::Light, false), QApplication::font());
    setWindowMinutes(5);
}

ProbeChartPage::~ProbeChartPage() = default;

void ProbeChartPage::buildActions()
{
    m_pause = new QAction(tr("Pa&use"), this);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freezes the charts; probes keep recording and Live catches up"));
    connect(m_pause, &QAction::toggled, this, &ProbeChartPage::setPaused);

    m_exportPng = new QAction(tr("Export chart as &PNG…"), this);
    m_exportPng->setToolTip(tr("Saves an image of the charts as they are shown"));
    connect(m_exportPng, &QAction::triggered, this, [this] { chooseExportPath(true); });

    m_exportCsv = new QAction(tr("Export probe data as &CSV…"), this);
    m_exportCsv->setToolTip(tr("Saves one row per probe and second of the last two hours"));
    connect(m_exportCsv, &QAction::triggered, this, [this] { chooseExportPath(false); });
}

QWidget* ProbeChartPage::buildControls()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* probes = new QToolButton(bar);
    probes->setText(tr("P&robes…"));
    probes->setToolTip(tr("Adds, edits or removes the probes shown here"));
    probes->setAccessibleName(tr("Manage probes"));
    connect(probes, &QToolButton::clicked, this, &ProbeChartPage::manageProbesRequested);

    m_window = new QComboBox(bar);
    for (const int minutes : WindowChoices)
        m_window->addItem(tr("%n minute(s)", nullptr, minutes), minutes);
    m_window->setCurrentIndex(1);
    m_window->setAccessibleName(tr("Time window"));
    auto* windowLabel = new QLabel(tr("&Window:"), bar);
    windowLabel->setBuddy(m_window);
    connect(m_window, &QComboBox::currentIndexChanged, this,
        [this] { setWindowMinutes(m_window->currentData().toInt()); });

    layout->addWidget(probes);
    layout->addSpacing(12);
    layout->addWidget(windowLabel);
    layout->addWidget(m_window);
    auto* pause = new QToolButton(bar);
    pause->setDefaultAction(m_pause);
    pause->setAccessibleName(m_pause->text().remove(u'&'));
    layout->addWidget(pause);
    // One menu for both exports keeps the row narrow enough for presenter fonts on a
    // 1600-pixel-wide screen.
    auto* exports = new QToolButton(bar);
    exports->setText(tr("E&xport"));
    exports->setToolTip(tr("Saves the charts as an image or the probe data as CSV"));
    exports->setAccessibleName(tr("Export"));
    exports->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exports);
    menu->addActions({ m_exportPng, m_exportCsv });
    exports->setMenu(menu);
    layout->addWidget(exports);
    m_status = new QLabel(bar);
    m_status->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(m_status, 1, Qt::AlignRight);
    return bar;
}

void ProbeChartPage::buildCharts()
{
    m_latencyChart = new QChart;
    m_errorChart = new QChart;
    m_latencyTime = new QDateTimeAxis;
    m_errorTime = new QDateTimeAxis;
    m_latencyAxis = new QValueAxis;
    m_errorAxis = new QValueAxis;

    m_latencyAxis->setTitleText(tr("Latency (ms)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_latencyAxis->setTickType(QValueAxis::TicksDynamic);
    m_latencyAxis->setTickAnchor(0);
    m_errorAxis->setTitleText(tr("Errors (%)"));
    m_errorAxis->setRange(0, 100);
    m_errorAxis->setTickCount(3);
    m_errorAxis->setLabelFormat(QStringLiteral("%.0f"));
    // The time labels appear once, under the error chart, which shares the range.
    m_latencyTime->setLabelsVisible(false);
    m_latencyTime->setTitleVisible(false);

    m_latencyChart->addAxis(m_latencyTime, Qt::AlignBottom);
    m_latencyChart->addAxis(m_latencyAxis, Qt::AlignLeft);
    m_errorChart->addAxis(m_errorTime, Qt::AlignBottom);
    m_errorChart->addAxis(m_errorAxis, Qt::AlignLeft);
    // ProbeLegend replaces Qt Charts' legend, which cuts long labels to fit one row.
    m_latencyChart->legend()->hide();
    m_errorChart->legend()->hide();
    m_legend = new ProbeLegend(this);
    m_latencyLines = new PlotLinesItem(m_latencyChart);
    m_errorLines = new PlotLinesItem(m_errorChart);

    m_latencyView = makeView(m_latencyChart, this);
    m_errorView = makeView(m_errorChart, this);
    m_latencyView->setAccessibleName(tr("Latency chart"));
    m_latencyView->setAccessibleDescription(
        tr("p50 (solid) and p95 (light) latency of each probe in milliseconds, with a marker "
           "at every change"));
    m_errorView->setAccessibleName(tr("Error rate chart"));
    m_errorView->setAccessibleDescription(tr("Share of failed attempts of each probe, percent"));
    // The viewport takes the keyboard focus, so screen readers announce it by the view's name.
    for (auto* view : { m_latencyView, m_errorView })
        view->viewport()->setAccessibleName(view->accessibleName());

    m_latencyMarkers = std::make_unique<ChartMarkerLayer>(m_latencyChart, true);
    m_errorMarkers = std::make_unique<ChartMarkerLayer>(m_errorChart, false);
    for (auto* chart : { m_latencyChart, m_errorChart }) {
        connect(chart, &QChart::plotAreaChanged, this, [this] {
            alignPlotAreas();
            m_latencyLines->updateGeometry();
            m_errorLines->updateGeometry();
            updateMarkers();
            // The lines are reduced to the plot's width, so a new width needs new points.
            if (plotWidthPx() != m_shownWidthPx)
                scheduleRefresh();
        });
    }
}

void ProbeChartPage::addProbe(const QString& id, const QString& label)
{
    if (m_series.contains(id)) {
        setProbeLabel(id, label);
        return;
    }
    m_order.append(id);
    m_labels[id] = label;
    m_series[id] = std::make_unique<ProbeSeriesSet>(label,
        ChartAxes { m_latencyChart, m_latencyTime, m_latencyAxis },
        ChartAxes { m_errorChart, m_errorTime, m_errorAxis });
    applyLookToProbes();
    scheduleRefresh();
}

void ProbeChartPage::setProbeLabel(const QString& id, const QString& label)
{
    const auto it = m_series.find(id);
    if (it == m_series.end())
        return;
    m_labels[id] = label;
    it->second->setLabel(label);
    updateLegend();
}

void ProbeChartPage::removeProbe(const QString& id)
{
    if (m_series.erase(id) == 0)
        return;
    m_labels.erase(id);
    m_order.removeAll(id);
    m_history.remove(id);
    applyLookToProbes();
    scheduleRefresh();
}

QStringList ProbeChartPage::probes() const
{
    return m_order;
}

QString ProbeChartPage::probeLabel(const QString& id) const
{
    const auto it = m_labels.find(id);
    return it == m_labels.end() ? id : it->second;
}

void ProbeChartPage::addBucket(const QString& id, const probes::ProbeBucket& bucket)
{
    if (!m_series.contains(id))
        return;
    m_history.add(id, bucket);
    scheduleRefresh();
}

void ProbeChartPage::addMarker(const QDateTime& time, const QString& label)
{
    const ChartMarker marker { time.toMSecsSinceEpoch(), label };
    const auto later = std::upper_bound(m_markers.begin(), m_markers.end(), marker.timeMs,
        [](qint64 ms, const ChartMarker& m) { return ms < m.timeMs; });
    m_markers.insert(later, marker);
    const qint64 oldest = m_markers.back().timeMs - m_history.spanMs();
    while (int(m_markers.size()) > MaxMarkers || m_markers.front().timeMs < oldest)
        m_markers.pop_front();
    scheduleRefresh();
}

void ProbeChartPage::updateLastMarker(const QDateTime& time, const QString& label)
{
    if (m_markers.empty()) {
        addMarker(time, label);
        return;
    }
    m_markers.pop_back();
    addMarker(time, label);
}

void ProbeChartPage::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(minutes);
    if (index < 0)
        return;
    const bool changed = minutes != windowMinutes();
    m_viewport.setWindowMs(minutes * ChartViewport::MinuteMs);
    const QSignalBlocker block(m_window);
    m_window->setCurrentIndex(index);
    m_latencyTime->setFormat(minutes >= 60 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    m_errorTime->setFormat(m_latencyTime->format());
    refresh();
    if (changed)
        emit windowMinutesChanged(minutes);
}

int ProbeChartPage::windowMinutes() const
{
    return int(m_viewport.windowMs() / ChartViewport::MinuteMs);
}

void ProbeChartPage::setPaused(bool paused)
{
    m_viewport.setPaused(paused);
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(paused);
    refresh();
}

void ProbeChartPage::scrollTo(const QDateTime& end)
{
    m_viewport.scrollTo(end.toMSecsSinceEpoch());
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(m_viewport.isPaused());
    refresh();
}

QDateTime ProbeChartPage::visibleStart() const
{
    return QDateTime::fromMSecsSinceEpoch(m_viewport.startMs());
}

QDateTime ProbeChartPage::visibleEnd() const
{
    return QDateTime::fromMSecsSinceEpoch(m_viewport.endMs());
}

void ProbeChartPage::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ProbeChartPage::refreshNow()
{
    m_refreshTimer.stop();
    refresh();
}

void ProbeChartPage::refresh()
{
    m_refreshTimer.stop();
    qint64 end = m_history.newestMs();
    if (!m_markers.empty())
        end = std::max(end, m_markers.back().timeMs);
    if (end == 0)
        end = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = m_history.isEmpty() ? end : m_history.oldestMs();
    m_viewport.setDataRange(std::min(start, end), end);

    const qint64 from = m_viewport.startMs();
    const qint64 to = m_viewport.endMs();
    // Each range change recomputes the geometry of every line on the chart.
    for (auto* axis : { m_latencyTime, m_errorTime }) {
        if (axis->min().toMSecsSinceEpoch() != from || axis->max().toMSecsSinceEpoch() != to)
            axis->setRange(
                QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    }
    m_shownWidthPx = plotWidthPx();
    double maxMs = 0;
    for (const auto& [id, series] : m_series)
        maxMs = std::max(maxMs, series->show(m_history.buckets(id), from, to, m_shownWidthPx));
    updateLatencyAxis(maxMs);
    updateLines();
    updateMarkers();
    updateScrollBar();
    updateStatus();
    m_empty->setVisible(m_series.empty());
}

void ProbeChartPage::updateLatencyAxis(double maxMs)
{
    // Room above the highest p95, with 4 to 6 round ticks and at least 10 ms.
    const double step = niceStep(std::max(maxMs * 1.1, 10.0) / 4.0);
    const double top = step * std::max(1.0, std::ceil(maxMs * 1.1 / step));
    const double max = std::max(top, 4 * step);
    if (m_latencyAxis->tickInterval() != step)
        m_latencyAxis->setTickInterval(step);
    if (m_latencyAxis->min() != 0 || m_latencyAxis->max() != max)
        m_latencyAxis->setRange(0, max);
}

void ProbeChartPage::updateLines()
{
    // Every p95 line first, so that the p50 lines are drawn over them.
    std::vector<PlotLine> latency;
    std::vector<PlotLine> p50;
    std::vector<PlotLine> errors;
    for (const QString& id : m_order)
        m_series.at(id)->appendLines(latency, p50, errors);
    latency.insert(latency.end(), p50.begin(), p50.end());
    m_latencyLines->setLines(std::move(latency));
    m_errorLines->setLines(std::move(errors));
    const auto from = double(m_viewport.startMs());
    const auto to = double(m_viewport.endMs());
    m_latencyLines->setRange(QRectF(QPointF(from, 0), QPointF(to, m_latencyAxis->max())));
    m_errorLines->setRange(QRectF(QPointF(from, 0), QPointF(to, m_errorAxis->max())));
}

void ProbeChartPage::updateLegend()
{
    QList<ProbeLegend::Entry> entries;
    for (int i = 0; i < m_order.size(); ++i)
        entries.append({ probeLabel(m_order.at(i)), m_look->probeColor(i) });
    m_legend->setEntries(entries);
    m_legend->setVisible(!entries.isEmpty());
}

int ProbeChartPage::plotWidthPx() const
{
    return int(m_latencyChart->plotArea().width());
}

void ProbeChartPage::updateMarkers()
{
    const qint64 from = m_viewport.startMs();
    const qint64 to = m_viewport.endMs();
    m_latencyMarkers->update(m_markers, from, to);
    m_errorMarkers->update(m_markers, from, to);
}

void ProbeChartPage::updateScrollBar()
{
    const QSignalBlocker block(m_scrollBar);
    m_scrollOriginMs = m_viewport.earliestEndMs();
    const auto seconds = [this](qint64 ms) { return int((ms - m_scrollOriginMs) / SecondMs); };
    m_scrollBar->setRange(0, seconds(m_viewport.latestEndMs()));
    m_scrollBar->setPageStep(int(m_viewport.windowMs() / SecondMs));
    m_scrollBar->setSingleStep(std::max(1, int(m_viewport.windowMs() / SecondMs / 10)));
    m_scrollBar->setValue(seconds(m_viewport.endMs()));
}

void ProbeChartPage::handleScrolled(int value)
{
    const qint64 end = value >= m_scrollBar->maximum()
        ? m_viewport.latestEndMs()
        : m_scrollOriginMs + qint64(value) * SecondMs;
    scrollTo(QDateTime::fromMSecsSinceEpoch(end));
}

void ProbeChartPage::updateStatus()
{
    if (!m_viewport.isPaused()) {
        m_status->setText(tr("Live"));
        return;
    }
    m_status->setText(tr("Paused at %1; probes keep recording")
                          .arg(visibleEnd().toString(QStringLiteral("HH:mm:ss"))));
}

// Keeps the two plot areas the same width and position, so a time on one chart is right
// above the same time on the other whatever the widths of their axis labels.
void ProbeChartPage::alignPlotAreas()
{
    const QMargins base(6, 4, 12, 4);
    // The space each chart needs beside its plot area for labels, without the margins.
    const auto insets = [](QChart* chart) {
        const QRectF plot = chart->plotArea();
        const QMargins margins = chart->margins();
        return std::pair { plot.left() - margins.left(),
            chart->size().width() - plot.right() - margins.right() };
    };
    const auto [latencyLeft, latencyRight] = insets(m_latencyChart);
    const auto [errorLeft, errorRight] = insets(m_errorChart);
    const qreal left = std::max(latencyLeft, errorLeft);
    const qreal right = std::max(latencyRight, errorRight);
    for (auto [chart, ownLeft, ownRight] :
        { std::tuple { m_latencyChart, latencyLeft, latencyRight },
            std::tuple { m_errorChart, errorLeft, errorRight } }) {
        QMargins margins = base;
        margins.setLeft(base.left() + qRound(left - ownLeft));
        margins.setRight(base.right() + qRound(right - ownRight));
        if (chart->margins() != margins)
            chart->setMargins(margins);
    }
}

void ProbeChartPage::setLook(const Theme& theme, const QFont& font)
{
    *m_look = ChartLook::fromTheme(theme, font);
    for (auto* chart : { m_latencyChart, m_errorChart })
        m_look->apply(chart);
    m_latencyMarkers->setLook(*m_look);
    m_errorMarkers->setLook(*m_look);
    m_legend->setLook(*m_look);
    applyLookToProbes();
    updateMarkers();
}

void ProbeChartPage::applyLookToProbes()
{
    for (int i = 0; i < m_order.size(); ++i)
        m_series.at(m_order.at(i))
            ->setColor(m_look->probeColor(i), m_look->colors.base, m_look->lineWidth);
    updateLegend();
    updateLines();
}

QList<ChartMarkerItem*> ProbeChartPage::markerItems() const
{
    return m_latencyMarkers->visibleItems();
}

} // namespace chaoslab::ui
