// Benchmark of the probe chart page, offscreen. Prints one line per figure with its target:
//   1. The redraw of the page with 16 probes (p50, p95 and error lines each, so 48 lines)
//      over 30 minutes of 1 Hz buckets in a 60-minute window. 60 times, one new second of
//      buckets is added for every probe and three steps are timed: the data refresh, then
//      grab(), which renders the whole page with the new lines into a pixmap, and then
//      repaint() of the shown page.
//   2. resident memory while 4 probes feed 3 simulated hours of buckets (each with 2 Ok
//      latencies, as a 500 ms probe has) and a marker every 5 minutes, printed every 15
//      simulated minutes; it should stop growing once two hours of history are stored.
// Run: QT_QPA_PLATFORM=offscreen chart_bench
#include "charts/probechartpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace chaoslab;

namespace {

constexpr int RepaintProbes = 16;
constexpr int RepaintSeconds = 30 * 60;
constexpr int Repaints = 60;
constexpr int MemoryProbes = 4;
constexpr int MemorySeconds = 3 * 60 * 60;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double elapsedMs(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread, in ms: unlike the wall time, it leaves out the time
// other processes had the CPU, which on a loaded machine is most of it.
double threadCpuMs()
{
    timespec time {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) * 1e3 + double(time.tv_nsec) / 1e6;
}

// VmRSS from /proc/self/status, in MiB.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

probes::ProbeBucket bucket(qint64 secondMs, int probe, int second)
{
    probes::ProbeBucket bucket;
    bucket.secondMs = secondMs;
    bucket.attempts = 2;
    const auto base = float(20 + probe * 7 + (second * 13 + probe * 5) % 40);
    bucket.okLatencies = { base, base * 1.3f };
    const bool failed = (second + probe) % 97 == 0;
    bucket.outcomes[0] = failed ? 1 : 2;
    bucket.outcomes[size_t(probes::ProbeOutcome::TimedOut)] = failed ? 1 : 0;
    bucket.latency = probes::latencyFigures(bucket.okLatencies);
    return bucket;
}

QString probeId(int probe)
{
    return QStringLiteral("probe-%1").arg(probe);
}

void measureRepaint()
{
    ui::ProbeChartPage page;
    page.resize(1600, 900);
    page.setWindowMinutes(60);
    for (int p = 0; p < RepaintProbes; ++p)
        page.addProbe(probeId(p), probeId(p));
    const qint64 start = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - RepaintSeconds * 1000;
    for (int s = 0; s < RepaintSeconds; ++s) {
        for (int p = 0; p < RepaintProbes; ++p)
            page.addBucket(probeId(p), bucket(start + s * 1000, p, s));
    }
    for (int m = 1; m <= 6; ++m)
        page.addMarker(QDateTime::fromMSecsSinceEpoch(start + m * 250'000), QStringLiteral("step"));
    page.show();
    // The offscreen platform paints only exposed windows, which needs the event loop once.
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents();
    page.refreshNow();
    page.repaint();

    std::vector<double> repaints;
    std::vector<double> refreshes;
    std::vector<double> grabs;
    std::vector<double> grabCpu;
    for (int i = 0; i < Repaints; ++i) {
        const int s = RepaintSeconds + i;
        for (int p = 0; p < RepaintProbes; ++p)
            page.addBucket(probeId(p), bucket(start + s * 1000, p, s));
        QElapsedTimer clock;
        clock.start();
        page.refreshNow();
        refreshes.push_back(elapsedMs(clock));
        // grab() first, so that it draws the new lines; repaint() then finds them drawn.
        clock.restart();
        const double cpuBefore = threadCpuMs();
        const QPixmap frame = page.grab();
        grabs.push_back(elapsedMs(clock));
        grabCpu.push_back(threadCpuMs() - cpuBefore);
        clock.restart();
        page.repaint();
        repaints.push_back(elapsedMs(clock));
    }
    const auto maxOf
        = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("redraw, %d probes (%d lines) x %d min at 1 Hz, 1600x900: grab() of the page "
                "with new lines: median %.2f ms, max %.2f ms (target <= 8 ms), CPU time median "
                "%.2f ms; repaint() after it: median %.2f ms, max %.2f ms; data refresh before it "
                "(points and axes): median %.2f ms, max %.2f ms\n",
        RepaintProbes, RepaintProbes * 3, RepaintSeconds / 60, median(grabs), maxOf(grabs),
        median(grabCpu), median(repaints), maxOf(repaints), median(refreshes), maxOf(refreshes));
}

void measureMemory()
{
    ui::ProbeChartPage page;
    page.resize(1600, 900);
    page.setWindowMinutes(5);
    for (int p = 0; p < MemoryProbes; ++p)
        page.addProbe(probeId(p), probeId(p));
    page.show();
    const qint64 start = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - MemorySeconds * 1000;
    std::printf("RSS, %d probes, simulated time: start %.1f MiB\n", MemoryProbes, residentMiB());
    for (int s = 1; s <= MemorySeconds; ++s) {
        for (int p = 0; p < MemoryProbes; ++p)
            page.addBucket(probeId(p), bucket(start + s * 1000, p, s));
        if (s % 300 == 0)
            page.addMarker(
                QDateTime::fromMSecsSinceEpoch(start + s * 1000), QStringLiteral("step"));
        // The window refreshes at most every 200 ms; every 10 simulated seconds keeps the
        // run short and still redraws the lines and markers.
        if (s % 10 == 0) {
            page.refreshNow();
            page.repaint();
        }
        if (s % (15 * 60) == 0)
            std::printf("RSS at %3d min: %.1f MiB, %lld buckets stored, %zu markers\n", s / 60,
                residentMiB(), qlonglong(page.history().size()), page.markers().size());
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    measureRepaint();
    measureMemory();
    return 0;
}
