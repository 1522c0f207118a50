// The probe chart page fed with buckets directly. It draws lines and labelled markers. The
// window selector, pause and scroll bar move the visible range. CSV and PNG exports write
// files or name the path and reason. History and markers stay bounded, and changes in the
// event log become markers.
#include "charts/chartcsv.h"
#include "charts/chartmarkeritem.h"
#include "charts/columnraster.h"
#include "charts/eventmarkerfeed.h"
#include "charts/plotlinesitem.h"
#include "charts/probechartpage.h"
#include "charts/probehistory.h"
#include "charts/probelegend.h"
#include "eventlogmodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace chaoslab::ui;
using chaoslab::probes::ProbeBucket;
using chaoslab::probes::ProbeOutcome;

class TestProbeCharts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rendersLinesAndMarkers();
    void windowSelectorSetsVisibleRange();
    void pauseFreezesViewWhileRecording();
    void scrollBarMovesBackAndResumes();
    void csvExportWritesHeaderAndRows();
    void csvExportNamesPathOnFailure();
    void pngExportWritesImage();
    void historyDropsOldSeconds();
    void markersAreBounded();
    void crowdedMarkerLabelsNeverOverlap();
    void changeEntriesBecomeMarkers();
    void draggedControlMovesItsMarker();
    void legendKeepsLongLabelsReadable();
    void columnRasterCoversPenWidth();
    void latencyLineBreaksAtOutage();

private:
    // Feeds `seconds` buckets to each of probes "a" and "b", ending at m_endMs.
    void feed(int seconds);

    std::unique_ptr<ProbeChartPage> m_page;
    qint64 m_endMs = 0;
};

namespace {

ProbeBucket bucket(qint64 secondMs, double p50, int attempts, int errors)
{
    ProbeBucket bucket;
    bucket.secondMs = secondMs;
    bucket.attempts = attempts;
    bucket.outcomes[size_t(ProbeOutcome::Ok)] = attempts - errors;
    bucket.outcomes[size_t(ProbeOutcome::TimedOut)] = errors;
    bucket.latency = { p50, p50 * 1.5, p50 * 1.8, p50 * 2 };
    return bucket;
}

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms);
}

// Whether a pixel of `area` in `image` has `colour`, within a small difference per channel.
bool containsColour(const QImage& image, const QRect& area, const QColor& colour)
{
    const QRect bounds = area.intersected(image.rect());
    for (int y = bounds.top(); y <= bounds.bottom(); ++y) {
        for (int x = bounds.left(); x <= bounds.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) <= 8
                && std::abs(pixel.green() - colour.green()) <= 8
                && std::abs(pixel.blue() - colour.blue()) <= 8)
                return true;
        }
    }
    return false;
}

} // namespace

void TestProbeCharts::init()
{
    m_page = std::make_unique<ProbeChartPage>();
    m_page->resize(1100, 640);
    m_page->addProbe(QStringLiteral("a"), QStringLiteral("orders"));
    m_page->addProbe(QStringLiteral("b"), QStringLiteral("users"));
    // Whole seconds, as the runner's buckets are.
    m_endMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
}

void TestProbeCharts::cleanup()
{
    m_page.reset();
}

void TestProbeCharts::feed(int seconds)
{
    for (int i = seconds; i > 0; --i) {
        const qint64 second = m_endMs - i * 1000;
        m_page->addBucket(QStringLiteral("a"), bucket(second, 20 + (i % 10) * 8, 2, i % 7 == 0));
        m_page->addBucket(QStringLiteral("b"), bucket(second, 120 + (i % 5) * 20, 2, 0));
    }
    m_page->refreshNow();
}

void TestProbeCharts::rendersLinesAndMarkers()
{
    feed(60);
    m_page->addMarker(at(m_endMs - 45'000), QStringLiteral("latency 100 ms"));
    m_page->addMarker(at(m_endMs - 30'000), QStringLiteral("reset_peer added"));
    m_page->addMarker(at(m_endMs - 10'000), QStringLiteral("Reset"));
    m_page->setWindowMinutes(1);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->refreshNow();

    const QImage image = m_page->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));

    const auto latency = m_page->latencyChart()->series();
    QCOMPARE(latency.size(), 4);
    QStringList names;
    for (auto* series : latency)
        names.append(series->name());
    QCOMPARE(names,
        QStringList({ QStringLiteral("orders p50"), QStringLiteral("orders p95"),
            QStringLiteral("users p50"), QStringLiteral("users p95") }));
    QCOMPARE(m_page->errorChart()->series().size(), 2);
    // The p95 lines of both probes come first, so that the p50 lines are drawn over them.
    const auto& lines = m_page->latencyLines()->lines();
    QCOMPARE(lines.size(), size_t(4));
    const PlotLine& p95 = lines.at(0);
    const PlotLine& p50 = lines.at(2);
    QVERIFY(p50.points.size() >= 60);
    QCOMPARE(p95.points.size(), p50.points.size());
    // p95 is the probe's colour, lighter on the light theme's white background.
    QVERIFY(p95.color.lightness() > p50.color.lightness());
    QCOMPARE(m_page->errorLines()->lines().size(), size_t(2));
    QVERIFY(containsColour(image, m_page->latencyView()->geometry(), p50.color));
    QVERIFY(containsColour(image, m_page->latencyView()->geometry(), p95.color));

    const auto markers = m_page->markerItems();
    QCOMPARE(markers.size(), 3);
    QCOMPARE(markers.at(0)->label(), QStringLiteral("latency 100 ms"));
    QCOMPARE(markers.at(1)->label(), QStringLiteral("reset_peer added"));
    QCOMPARE(markers.at(2)->label(), QStringLiteral("Reset"));
    QVERIFY(markers.at(0)->isVisible());
    const QRectF plot = m_page->latencyChart()->plotArea();
    QVERIFY(plot.contains(QPointF(markers.at(1)->pos().x(), plot.center().y())));
}

void TestProbeCharts::windowSelectorSetsVisibleRange()
{
    feed(20 * 60);
    m_page->setWindowMinutes(1);
    QCOMPARE(m_page->visibleEnd(), at(m_endMs));
    QCOMPARE(m_page->visibleStart(), at(m_endMs - 60'000));

    m_page->windowSelector()->setCurrentIndex(m_page->windowSelector()->findData(15));
    QCOMPARE(m_page->windowMinutes(), 15);
    QCOMPARE(m_page->visibleStart(), at(m_endMs - 15 * 60'000));
    QCOMPARE(m_page->visibleEnd(), at(m_endMs));

    // The lines hold the visible window, not the whole history.
    const auto& p50 = m_page->latencyLines()->lines().front().points;
    QVERIFY2(p50.size() <= 15 * 60 + 2, qPrintable(QString::number(p50.size())));
    QVERIFY(p50.size() >= 15 * 60 - 2);
}

void TestProbeCharts::pauseFreezesViewWhileRecording()
{
    feed(120);
    m_page->setWindowMinutes(1);
    m_page->setPaused(true);
    const QDateTime frozenEnd = m_page->visibleEnd();
    const qsizetype before = m_page->history().size();

    m_endMs += 30'000;
    feed(30);
    QCOMPARE(m_page->visibleEnd(), frozenEnd);
    QCOMPARE(m_page->history().size(), before + 60);
    QVERIFY(m_page->isPaused());

    m_page->setPaused(false);
    QCOMPARE(m_page->visibleEnd(), at(m_endMs));
}

void TestProbeCharts::scrollBarMovesBackAndResumes()
{
    feed(10 * 60);
    m_page->setWindowMinutes(1);
    auto* bar = m_page->scrollBar();
    QCOMPARE(bar->value(), bar->maximum());

    bar->setValue(0);
    QVERIFY(m_page->isPaused());
    QCOMPARE(m_page->visibleStart(), at(m_endMs - 10 * 60'000));

    bar->setValue(bar->maximum());
    QVERIFY(!m_page->isPaused());
    QCOMPARE(m_page->visibleEnd(), at(m_endMs));
}

void TestProbeCharts::csvExportWritesHeaderAndRows()
{
    feed(3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("probes.csv"));
    QString error;
    QVERIFY2(m_page->exportCsv(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 6);
    QCOMPARE(lines.at(0),
        QStringLiteral("time,probe,attempts,ok,errors,error_rate,p50,p95,p99,max,refused,closed,"
                       "reset,timed_out,protocol_error,auth_failed,unexpected_status"));
    const QString firstTime
        = QDateTime::fromMSecsSinceEpoch(m_endMs - 3000, Qt::UTC).toString(Qt::ISODate);
    QVERIFY(firstTime.endsWith(u'Z'));
    // i = 3: probe a has p50 20 + 3 * 8 = 44 ms and no error; probe b has p50 180 ms.
    QCOMPARE(lines.at(1),
        firstTime
            + QStringLiteral(",orders,2,2,0,0.0000,44.000,66.000,79.200,88.000,0,0,0,0,0,0,0"));
    QVERIFY(lines.at(2).startsWith(firstTime + QStringLiteral(",users,2,2,0,")));
    QVERIFY(lines.at(6).contains(QStringLiteral(",users,")));
}

void TestProbeCharts::csvExportNamesPathOnFailure()
{
    feed(2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/folder/probes.csv"));
    QString error;
    QVERIFY(!m_page->exportCsv(path, &error));
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("probes.csv")), qPrintable(error));
}

void TestProbeCharts::pngExportWritesImage()
{
    feed(60);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(m_page->exportPng(path, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 500);

    QVERIFY(!m_page->exportPng(dir.filePath(QStringLiteral("no/such/chart.png")), &error));
    QVERIFY2(error.contains(QStringLiteral("chart.png")), qPrintable(error));
}

void TestProbeCharts::historyDropsOldSeconds()
{
    ProbeHistory history;
    const qint64 start = 1'700'000'000'000;
    for (int i = 0; i < 3 * 3600; ++i)
        history.add(QStringLiteral("a"), bucket(start + i * 1000, 10, 1, 0));
    QCOMPARE(history.size(), qsizetype(2 * 3600));
    QCOMPARE(history.oldestMs(), start + 3600 * 1000);
    QCOMPARE(history.newestMs(), start + 3 * 3600 * 1000);
    QVERIFY(history.buckets(QStringLiteral("a")).front().okLatencies.empty());
}

void TestProbeCharts::markersAreBounded()
{
    for (int i = 0; i < ProbeChartPage::MaxMarkers + 100; ++i)
        m_page->addMarker(at(m_endMs + i), QStringLiteral("step %1").arg(i));
    QCOMPARE(int(m_page->markers().size()), ProbeChartPage::MaxMarkers);
    QCOMPARE(m_page->markers().front().label, QStringLiteral("step 100"));
}

void TestProbeCharts::crowdedMarkerLabelsNeverOverlap()
{
    feed(60);
    // Ten changes within two seconds, as a lab step or a slider drag makes them.
    for (int i = 0; i < 10; ++i)
        m_page->addMarker(at(m_endMs - 30'000 + i * 200), QStringLiteral("toxic change %1").arg(i));
    m_page->setWindowMinutes(1);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->refreshNow();

    const auto markers = m_page->markerItems();
    QCOMPARE(markers.size(), 10);
    QList<QRectF> boxes;
    for (const auto* marker : markers) {
        QVERIFY(marker->isVisible());
        if (!marker->shownLabelRect().isEmpty())
            boxes.append(marker->shownLabelRect());
    }
    // The first labels get a row each; the others keep their line and their tooltip.
    QVERIFY2(boxes.size() >= 2 && boxes.size() < 10, qPrintable(QString::number(boxes.size())));
    QVERIFY(!markers.at(0)->shownLabelRect().isEmpty());
    QVERIFY(markers.at(9)->shownLabelRect().isEmpty());
    QVERIFY(markers.at(9)->toolTip().contains(QStringLiteral("toxic change 9")));
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        for (qsizetype j = i + 1; j < boxes.size(); ++j)
            QVERIFY2(!boxes.at(i).intersects(boxes.at(j)),
                qPrintable(QStringLiteral("%1 %2").arg(i).arg(j)));
    }
}

void TestProbeCharts::changeEntriesBecomeMarkers()
{
    EventLogModel log;
    EventMarkerFeed feed(&log, m_page.get());
    const QDateTime now = QDateTime::currentDateTime();
    const auto entry = [&](EventLogEntry::Severity severity, EventLogEntry::Origin origin,
                           const char* proxy, const char* message, int afterMs) {
        EventLogEntry e;
        e.time = now.addMSecs(afterMs);
        e.severity = severity;
        e.origin = origin;
        e.proxy = QString::fromUtf8(proxy);
        e.message = QString::fromUtf8(message);
        log.append(e);
    };
    using S = EventLogEntry::Severity;
    using O = EventLogEntry::Origin;

    entry(S::Info, O::Server, "", "Connected to the server", 0);
    QCOMPARE(m_page->markers().size(), size_t(0));
    // The server monitor logs a new proxy as information.
    entry(S::Info, O::Server, "api", "Proxy added: listens on 127.0.0.1:6064", 0);
    QCOMPARE(m_page->markers().size(), size_t(0));

    entry(S::Change, O::Console, "api", "Switched latency_downstream on", 0);
    QCOMPARE(m_page->markers().size(), size_t(1));
    QCOMPARE(m_page->markers().back().label, QStringLiteral("api: Switched latency_downstream on"));

    // The server monitor's report of the same change adds nothing.
    entry(S::Change, O::Server, "api", "Toxic latency_downstream added", 600);
    QCOMPARE(m_page->markers().size(), size_t(1));

    // A change of another proxy, and a later change of the same one, add markers.
    entry(S::Change, O::Server, "db", "Toxic timeout_upstream added", 700);
    QCOMPARE(m_page->markers().size(), size_t(2));
    entry(S::Change, O::Console, "api", "Removed latency_downstream", 9000);
    QCOMPARE(m_page->markers().size(), size_t(3));
    QCOMPARE(m_page->markers().back().label, QStringLiteral("api: Removed latency_downstream"));
}

void TestProbeCharts::draggedControlMovesItsMarker()
{
    EventLogModel log;
    EventMarkerFeed feed(&log, m_page.get());
    EventLogEntry entry;
    entry.time = QDateTime::currentDateTime();
    entry.severity = EventLogEntry::Severity::Change;
    entry.proxy = QStringLiteral("api");
    entry.subject = QStringLiteral("toxic:latency");
    entry.message = QStringLiteral("latency 100 ms");
    log.append(entry);
    entry.time = entry.time.addMSecs(500);
    entry.message = QStringLiteral("latency 400 ms");
    log.append(entry);

    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(m_page->markers().size(), size_t(1));
    QCOMPARE(m_page->markers().back().label, QStringLiteral("api: latency 400 ms"));
    QCOMPARE(m_page->markers().back().timeMs, entry.time.toMSecsSinceEpoch());
}

void TestProbeCharts::legendKeepsLongLabelsReadable()
{
    const QString longLabel = QStringLiteral(
        "postgres_proxy postgres://chaoslab@127.0.0.1:6065/chaoslab select 1 every 500 ms");
    for (int i = 0; i < 6; ++i)
        m_page->addProbe(QStringLiteral("long%1").arg(i), longLabel + QString::number(i));
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    auto* legend = m_page->legend();

    QCOMPARE(legend->shownLabel(0), QStringLiteral("orders"));
    const QString shown = legend->shownLabel(2);
    QVERIFY2(shown.size() < longLabel.size(), qPrintable(shown));
    // Elided in the middle: the start and the end that tell probes apart stay.
    QVERIFY2(shown.startsWith(QStringLiteral("postgres_proxy")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral("500 ms0")), qPrintable(shown));
    QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown));

    // Eight entries do not fit one row, so the legend wraps instead of cutting them.
    const int oneRow = legend->heightForWidth(100'000);
    QVERIFY(legend->height() > oneRow);
    QVERIFY(legend->geometry().bottom() < m_page->latencyView()->geometry().top());
}

void TestProbeCharts::columnRasterCoversPenWidth()
{
    const QColor blue(0, 0, 255);
    ColumnRaster raster(QSize(20, 12));
    // A flat line 2 px wide centred on y = 5 covers rows 4 and 5 whole.
    const QPointF flat[] = { { 2, 5 }, { 15, 5 } };
    raster.drawPolyline(flat, blue, 2);
    // Centred on y = 9.5 it covers row 9 whole and half of rows 8 and 10.
    const QPointF between[] = { { 2, 9.5 }, { 15, 9.5 } };
    raster.drawPolyline(between, blue, 2);
    // A line that leaves the raster is clipped.
    const QPointF outside[] = { { 18.5, -40 }, { 19.5, 60 } };
    raster.drawPolyline(outside, QColor(255, 0, 0, 128), 2);
    QImage image(20, 12, QImage::Format_ARGB32_Premultiplied);
    raster.copyTo(&image);

    const int column = 17;
    QCOMPARE(image.pixelColor(8, 3).alpha(), 0);
    QCOMPARE(image.pixelColor(8, 4), blue);
    QCOMPARE(image.pixelColor(8, 5), blue);
    QCOMPARE(image.pixelColor(8, 6).alpha(), 0);
    QCOMPARE(image.pixelColor(8, 9), blue);
    QVERIFY2(std::abs(image.pixelColor(8, 8).alpha() - 128) <= 2,
        qPrintable(QString::number(image.pixelColor(8, 8).alpha())));
    QVERIFY2(std::abs(image.pixelColor(8, 10).alpha() - 128) <= 2,
        qPrintable(QString::number(image.pixelColor(8, 10).alpha())));
    // Columns the blue lines do not reach stay transparent.
    QCOMPARE(image.pixelColor(column, 5).alpha(), 0);
    QCOMPARE(image.pixelColor(0, 9).alpha(), 0);
    QVERIFY(image.pixelColor(19, 0).alpha() > 0);
    QVERIFY(image.pixelColor(19, 11).alpha() > 0);

    // Drawing again after clear() starts from a transparent raster.
    raster.clear(QSize(20, 12));
    raster.copyTo(&image);
    QCOMPARE(image.pixelColor(8, 4).alpha(), 0);
}

void TestProbeCharts::latencyLineBreaksAtOutage()
{
    // Probe "a" succeeds for 30 s, fails every attempt for 10 s, then succeeds again.
    const qint64 outageStart = m_endMs - 30'000;
    const qint64 outageEnd = m_endMs - 20'000;
    for (qint64 second = m_endMs - 60'000; second < m_endMs; second += 1000) {
        const bool down = second >= outageStart && second < outageEnd;
        m_page->addBucket(QStringLiteral("a"), bucket(second, 40, 2, down ? 2 : 0));
        m_page->addBucket(QStringLiteral("b"), bucket(second, 120, 2, 0));
    }
    m_page->setWindowMinutes(1);
    m_page->refreshNow();

    // p50 and p95 of "a" break once each; the lines of "b" do not break.
    int broken = 0;
    for (const PlotLine& line : m_page->latencyLines()->lines()) {
        const auto breakAt = std::find_if(line.points.begin(), line.points.end(),
            [](const QPointF& point) { return isLineBreak(point); });
        if (breakAt == line.points.end())
            continue;
        ++broken;
        QVERIFY(breakAt != line.points.begin());
        QVERIFY(std::next(breakAt) != line.points.end());
        QCOMPARE(std::prev(breakAt)->x(), double(outageStart - 1000));
        QCOMPARE(std::next(breakAt)->x(), double(outageEnd));
        QCOMPARE(std::count_if(line.points.begin(), line.points.end(),
                     [](const QPointF& point) { return isLineBreak(point); }),
            1);
    }
    QCOMPARE(broken, 2);
}

QTEST_MAIN(TestProbeCharts)
#include "tst_probecharts.moc"
