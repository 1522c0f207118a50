// Benchmark of the console window against the built-in engine in this process, offscreen.
// Prints one line per figure with its target:
//   1. process start to the first painted frame of the main window (median of 5 child runs),
//   2. slider release to the toxic's new value in the engine (median and max of 20 releases),
//   3. the maximum event-loop stall while 20 proxies with 5 toxics each are polled and changed.
// Run: QT_QPA_PLATFORM=offscreen console_bench
#include "attributecontrol.h"
#include "mainwindow.h"
#include "proxylistmodel.h"
#include "proxytoxicspage.h"
#include "settings.h"
#include "toxiccontrolsview.h"
#include "toxiceditor.h"

#include "host/enginehost.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSlider>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <thread>
#include <vector>

using namespace chaoslab;
using namespace std::chrono_literals;

namespace {

constexpr int FrameRuns = 5;
constexpr int Releases = 20;
constexpr int LoadProxies = 20;
constexpr auto StallWindow = 10s;
const char* const FrameChildFlag = "--first-frame-child";

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double elapsedMs(const QElapsedTimer& clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

QUrl freeLoopbackUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
}

// Processes events until `done` returns true or `timeout` passes. It polls every 0.2 ms, so
// a value set on another thread is seen within that time.
bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        std::this_thread::sleep_for(200us);
    }
    return true;
}

// Reports the first frame of `window` as done once the paint event that began it has
// returned, so the time covers the whole first frame.
class FirstFrameProbe : public QObject
{
public:
    FirstFrameProbe(QWidget* window, std::function<void()> painted)
        : m_window(window)
        , m_painted(std::move(painted))
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!m_seen && event->type() == QEvent::Paint && widget && widget->window() == m_window) {
            m_seen = true;
            QTimer::singleShot(0, this, m_painted);
        }
        return false;
    }

private:
    QWidget* m_window;
    std::function<void()> m_painted;
    bool m_seen = false;
};

// The child of figure 1: starts as `chaoslab console` does, prints "<ms from main> <ms from
// QApplication>" at the first frame, and exits.
int runFrameChild(int argc, char** argv, const QElapsedTimer& sinceMain)
{
    QApplication application(argc, argv);
    QElapsedTimer sinceApplication;
    sinceApplication.start();
    QTemporaryDir settingsDir;
    ui::Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    const QUrl url = freeLoopbackUrl();
    toxiproxy::ToxiproxyClient client(url);
    toxiproxy::ServerMonitor monitor(&client);
    ui::MainWindow window({ &client, &monitor, ui::ServerKind::Toxiproxy }, &settings);
    FirstFrameProbe probe(&window, [&] {
        std::printf("%.1f %.1f\n", elapsedMs(sinceMain), elapsedMs(sinceApplication));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    window.show();
    host::EngineHost engineHost;
    QObject::connect(
        &engineHost, &host::EngineHost::ready, &monitor, [&monitor] { monitor.start(); });
    engineHost.start(url);
    return QApplication::exec();
}

void measureFirstFrame(const QString& program)
{
    std::vector<double> fromSpawn;
    std::vector<double> fromApplication;
    for (int run = 0; run < FrameRuns; ++run) {
        QProcess child;
        QElapsedTimer clock;
        clock.start();
        child.start(program, { QString::fromLatin1(FrameChildFlag) });
        if (!child.waitForReadyRead(10000)) {
            std::printf("first frame: child run %d printed nothing within 10 s\n", run);
            return;
        }
        fromSpawn.push_back(elapsedMs(clock));
        const auto fields = QString::fromLatin1(child.readLine()).split(QLatin1Char(' '));
        fromApplication.push_back(fields.value(1).toDouble());
        child.waitForFinished(10000);
    }
    std::printf("start to first painted frame: median %.0f ms from process spawn, %.0f ms from "
                "QApplication construction (%d runs, target <= 1000 ms)\n",
        median(fromSpawn), median(fromApplication), FrameRuns);
}

// The console of figures 2 and 3: the window against the built-in engine in this process.
struct Console
{
    QTemporaryDir settingsDir;
    ui::Settings settings { settingsDir.filePath(QStringLiteral("console.ini")) };
    QUrl url = freeLoopbackUrl();
    host::EngineHost host;
    toxiproxy::ToxiproxyClient client { url };
    toxiproxy::ServerMonitor monitor { &client };
    std::unique_ptr<ui::MainWindow> window;

    engine::Engine& engine() { return host.builtInEngine()->engine(); }
};

bool startConsole(Console& console)
{
    if (auto error = console.host.startBuiltIn(console.url)) {
        std::printf("could not start the built-in engine: %s\n", qPrintable(*error));
        return false;
    }
    console.window = std::make_unique<ui::MainWindow>(
        ui::ConsoleServer { &console.client, &console.monitor, ui::ServerKind::BuiltInEngine },
        &console.settings);
    console.window->show();
    console.monitor.start();
    return true;
}

bool createProxy(Console& console, const std::string& name)
{
    const auto created = console.engine().createProxy({ name, "127.0.0.1:0", "127.0.0.1:9", true });
    if (!created.ok())
        std::printf(
            "could not create proxy %s: %s\n", name.c_str(), created.error().message.c_str());
    return created.ok();
}

bool showProxy(Console& console, const QString& name)
{
    auto* model = console.window->proxyModel();
    if (!waitFor([&] { return model->rowOf(name) >= 0; }, 5s))
        return false;
    console.window->selectProxy(name);
    return console.window->toxicControls()->page(name) != nullptr;
}

std::int64_t engineLatency(Console& console, const std::string& proxy)
{
    const auto toxic = console.engine().toxic(proxy, "latency_downstream");
    return toxic.ok() ? toxic.value().attribute("latency") : -1;
}

// Drags the latency slider as a mouse does: press, a first move, a final move and release.
// The clock starts at the final move because the release follows it at once.
void measureSliderRelease(Console& console)
{
    const std::string proxy = "release";
    if (!createProxy(console, proxy) || !showProxy(console, QString::fromStdString(proxy)))
        return;
    auto* page = console.window->toxicControls()->page(QStringLiteral("release"));
    auto* control = page->editor(QStringLiteral("latency"), QStringLiteral("latency"))
                        ->control(QStringLiteral("latency"));
    auto* slider = control->slider();
    std::vector<double> delays;
    for (int release = 0; release <= Releases; ++release) {
        const int position = slider->maximum() * (release % 2 ? 3 : 5) / 8 + release;
        slider->setSliderDown(true);
        slider->setValue(slider->maximum() / 8 + release);
        waitFor([] { return false; }, 30ms);
        QElapsedTimer clock;
        clock.start();
        slider->setValue(position);
        slider->setSliderDown(false);
        const qint64 expected = control->value();
        if (!waitFor([&] { return engineLatency(console, proxy) == expected; }, 5s)) {
            std::printf("slider release: latency %lld not in the engine within 5 s\n", expected);
            return;
        }
        // The first release creates the toxic, so only the releases that update it count.
        if (release > 0)
            delays.push_back(elapsedMs(clock));
        waitFor([] { return false; }, 100ms);
    }
    std::printf("slider release to toxic active: median %.1f ms, max %.1f ms over %d releases "
                "(target <= 50 ms)\n",
        median(delays), *std::max_element(delays.begin(), delays.end()), Releases);
}

void addLoadToxics(Console& console, const std::string& proxy)
{
    const char* const types[] = { "latency", "bandwidth", "slow_close", "slicer", "limit_data" };
    for (const char* type : types) {
        auto toxic = engine::defaultToxic(*engine::findToxicType(type));
        toxic.name = std::string(type) + "_downstream";
        const auto& attribute = toxic.attributes.front().name;
        toxic.setAttribute(attribute, 100);
        console.engine().addToxic(proxy, toxic, { attribute });
    }
}

// Changes one latency every 100 ms on another thread, so that polls bring changes.
void changeToxics(Console& console, const std::atomic<bool>& stop)
{
    for (std::int64_t round = 0; !stop; ++round) {
        const auto proxy = "load" + std::to_string(round % LoadProxies);
        console.engine().updateToxic(
            proxy, "latency_downstream", { { { "latency", 100 + round % 900 } }, std::nullopt });
        std::this_thread::sleep_for(100ms);
    }
}

// The time between two ticks of the probe timer, on the wall clock and as CPU time of the
// GUI thread. A long wall gap with little CPU time is the scheduler running other work, not
// the window.
struct TickGap
{
    qint64 wallNs = 0;
    qint64 cpuNs = 0;
};

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

void reportStall(std::vector<TickGap> gaps)
{
    const auto byWall = [](const TickGap& a, const TickGap& b) { return a.wallNs < b.wallNs; };
    const auto byCpu = [](const TickGap& a, const TickGap& b) { return a.cpuNs < b.cpuNs; };
    const auto longest = *std::max_element(gaps.begin(), gaps.end(), byWall);
    const auto busiest = *std::max_element(gaps.begin(), gaps.end(), byCpu);
    const auto over = std::count_if(
        gaps.begin(), gaps.end(), [](const TickGap& gap) { return gap.wallNs > 16000000; });
    std::sort(gaps.begin(), gaps.end(), byWall);
    const auto p99 = gaps[gaps.size() * 99 / 100];
    std::printf("longest event-loop stall: %.1f ms (GUI thread on CPU %.1f ms of it), p99 gap "
                "%.1f ms, %lld gaps over 16 ms, most GUI CPU between two ticks %.1f ms; %zu "
                "ticks of a 1 ms timer over %lld s, %d proxies x 5 toxics, a toxic changed "
                "every 100 ms (target <= 16 ms)\n",
        longest.wallNs / 1e6, longest.cpuNs / 1e6, p99.wallNs / 1e6, static_cast<long long>(over),
        busiest.cpuNs / 1e6, gaps.size(), static_cast<long long>(StallWindow.count()), LoadProxies);
}

void measureStall(Console& console)
{
    for (int i = 0; i < LoadProxies; ++i) {
        const auto name = "load" + std::to_string(i);
        if (!createProxy(console, name))
            return;
        addLoadToxics(console, name);
    }
    if (!showProxy(console, QStringLiteral("load0")))
        return;
    waitFor([] { return false; }, 1500ms);

    std::atomic<bool> stop = false;
    std::thread changer([&] { changeToxics(console, stop); });
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QElapsedTimer clock;
    clock.start();
    std::vector<TickGap> gaps;
    TickGap last { clock.nsecsElapsed(), threadCpuNs() };
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const TickGap now { clock.nsecsElapsed(), threadCpuNs() };
        gaps.push_back({ now.wallNs - last.wallNs, now.cpuNs - last.cpuNs });
        last = now;
    });
    tick.start();
    QTimer::singleShot(StallWindow, qApp, &QCoreApplication::quit);
    QApplication::exec();
    stop = true;
    changer.join();
    reportStall(gaps);
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (argc > 1 && qstrcmp(argv[1], FrameChildFlag) == 0)
        return runFrameChild(argc, argv, sinceMain);

    QApplication application(argc, argv);
    measureFirstFrame(QCoreApplication::applicationFilePath());
    Console console;
    if (!startConsole(console))
        return 1;
    measureSliderRelease(console);
    measureStall(console);
    return 0;
}
