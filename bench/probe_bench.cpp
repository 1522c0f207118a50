// Benchmark of the probes, against the built-in engine and the demo HTTP service in this
// process. Prints one line per figure:
//   1. HTTP probe p50 through a proxy with a downstream latency toxic of 0, 50, 200 and
//      1000 ms, and its difference from the injected latency (target: within 1 ms),
//   2. CPU time of the probing thread and of the whole process while an HTTP and a TCP probe
//      each run 100 attempts a second for 10 s, per second of run time (getrusage).
// The engine and the demo service run on their own threads, so the thread figure is the
// probes' own cost and the process figure adds the servers'.
// Run: probe_bench
#include "builtinengine.h"

#include "probes/probeattemptrunner.h"
#include "probes/proberunner.h"
#include "probes/probestatistics.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <sys/resource.h>

using namespace chaoslab;
using namespace chaoslab::probes;
using namespace std::chrono_literals;

namespace {

constexpr auto LoadDuration = 10s;
constexpr auto LoadInterval = 10ms;

ProbeSpec httpSpec(const std::string& address, const char* path)
{
    const auto url = QStringLiteral("http://%1%2")
                         .arg(QString::fromStdString(address), QString::fromLatin1(path));
    return ProbeSpec::fromUrl(QUrl(url), nullptr).value_or(ProbeSpec {});
}

// Runs `count` attempts one after another and returns their sorted total times, Ok only.
std::vector<float> sequentialTotals(const ProbeSpec& spec, int count)
{
    ProbeAttemptRunner runner(spec);
    std::vector<float> totals;
    QEventLoop loop;
    int started = 0;
    QObject::connect(
        &runner, &ProbeAttemptRunner::finished, &loop, [&](const ProbeAttempt& attempt) {
            if (attempt.ok())
                totals.push_back(float(attempt.totalMs));
            else
                std::fprintf(stderr, "attempt failed: %s\n", qPrintable(attempt.detail));
            if (++started < count)
                QTimer::singleShot(0, &runner, [&runner] { runner.start(); });
            else
                loop.quit();
        });
    runner.start();
    loop.exec();
    std::sort(totals.begin(), totals.end());
    return totals;
}

void setLatency(engine::Engine& engine, const std::string& proxy, std::int64_t latency)
{
    engine.removeToxic(proxy, "latency_downstream");
    if (latency == 0)
        return;
    auto toxic = engine::defaultToxic(*engine::findToxicType("latency"));
    toxic.name = "latency_downstream";
    toxic.setAttribute("latency", latency);
    engine.addToxic(proxy, toxic, { "latency" });
}

void measureInjectedLatency(host::BuiltInEngine& builtIn)
{
    const std::string proxy = "bench_probe";
    const auto created = builtIn.engine().createProxy(
        { proxy, "127.0.0.1:0", builtIn.demoServiceAddress(), true });
    if (!created.ok()) {
        std::fprintf(stderr, "cannot create proxy: %s\n", created.error().message.c_str());
        return;
    }
    const auto spec = httpSpec(created.value().listen, "/todos/1");
    for (const std::int64_t latency : { 0, 50, 200, 1000 }) {
        setLatency(builtIn.engine(), proxy, latency);
        const int count = latency >= 1000 ? 10 : 30;
        const auto totals = sequentialTotals(spec, count);
        const double p50 = percentileOfSorted(totals, 0.5);
        std::printf(
            "http probe through proxy, latency %4lld ms: p50 %8.2f ms, min %8.2f ms, "
            "max %8.2f ms, p50 - injected %+.2f ms over %zu attempts (target within 1 ms)\n",
            static_cast<long long>(latency), p50, totals.empty() ? 0.0 : totals.front(),
            totals.empty() ? 0.0 : totals.back(), p50 - double(latency), totals.size());
    }
    builtIn.engine().removeProxy(proxy);
}

double cpuSeconds(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    const auto seconds = [](const timeval& time) { return time.tv_sec + time.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void measureCpu(const char* name, ProbeSpec spec)
{
    spec.interval = LoadInterval;
    ProbeRunner runner(spec);
    QEventLoop loop;
    QTimer::singleShot(LoadDuration, &loop, &QEventLoop::quit);
    const double threadBefore = cpuSeconds(RUSAGE_THREAD);
    const double processBefore = cpuSeconds(RUSAGE_SELF);
    runner.start();
    loop.exec();
    runner.stop();
    const double threadCpu = cpuSeconds(RUSAGE_THREAD) - threadBefore;
    const double processCpu = cpuSeconds(RUSAGE_SELF) - processBefore;
    const double seconds = std::chrono::duration<double>(LoadDuration).count();
    const auto summary = runner.statistics().summary();
    std::printf("%s probe at 100 attempts/s for %.0f s: %d attempts, %d ok, p50 %.2f ms; CPU "
                "per second of run: probing thread %.1f ms (%.1f%% of a core), whole process "
                "%.1f ms\n",
        name, seconds, summary.attempts, summary.ok(), summary.latency.p50,
        threadCpu / seconds * 1000, threadCpu / seconds * 100, processCpu / seconds * 1000);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    host::BuiltInEngine builtIn;
    if (const auto error = builtIn.start("127.0.0.1", 0)) {
        std::fprintf(stderr, "cannot start the built-in engine: %s\n", error->c_str());
        return 1;
    }
    measureInjectedLatency(builtIn);

    measureCpu("http", httpSpec(builtIn.demoServiceAddress(), "/health"));
    const auto tcpUrl
        = QStringLiteral("tcp://%1").arg(QString::fromStdString(builtIn.demoServiceAddress()));
    measureCpu("tcp", ProbeSpec::fromUrl(QUrl(tcpUrl), nullptr).value_or(ProbeSpec {}));
    return 0;
}
