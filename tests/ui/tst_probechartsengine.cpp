// The probe charts in the console window against the built-in engine in this process. The
// default probe on demo_api produces buckets. A latency toxic added through the API, as
// toxiproxy-cli would add it, puts a marker on the chart and raises the probe's latency. A
// proxy added through the API is logged but puts no marker on the chart.
#include "charts/probechartpage.h"
#include "eventlogmodel.h"
#include "mainwindow.h"
#include "probeboard.h"
#include "probechartsdock.h"
#include "settings.h"

#include "enginehost.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace chaoslab::ui;
using namespace chaoslab::toxiproxy;

class TestProbeChartsEngine : public QObject
{
    Q_OBJECT

private slots:
    void demoProbeChartsLatencyAndMarker();
    void proxyAddedThroughApiAddsNoMarker();
};

namespace {

constexpr int TimeoutMs = 10'000;

quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// The console window on a built-in engine that this process starts on a free port.
struct EngineWindow
{
    EngineWindow()
        : url(QStringLiteral("http://127.0.0.1:%1").arg(unusedPort()))
        , failure(host.startBuiltIn(url))
        , settings(dir.filePath(QStringLiteral("console.ini")))
        , client(url)
        , monitor(&client)
        , window({ &client, &monitor, ServerKind::BuiltInEngine }, &settings)
    { }

    const QUrl url;
    chaoslab::host::EngineHost host;
    // Why the engine did not start, or nothing.
    const std::optional<QString> failure;
    QTemporaryDir dir;
    Settings settings;
    ToxiproxyClient client;
    ServerMonitor monitor;
    MainWindow window;
};

} // namespace

void TestProbeChartsEngine::demoProbeChartsLatencyAndMarker()
{
    EngineWindow engine;
    QVERIFY2(!engine.failure, qPrintable(engine.failure.value_or(QString())));
    const QUrl& url = engine.url;
    ServerMonitor& monitor = engine.monitor;
    MainWindow& window = engine.window;
    window.show();
    monitor.start();
    window.probeCharts()->addDemoProbeIfUnset();

    auto* page = window.probeCharts()->page();
    const QString id = QStringLiteral("demo_api");
    const auto buckets = [page, &id] { return page->history().buckets(id); };
    QTRY_VERIFY_WITH_TIMEOUT(buckets().size() >= 2, TimeoutMs);
    QVERIFY(window.probeCharts()
                ->board()
                ->data(window.probeCharts()->board()->index(0), ProbeBoard::RunningRole)
                .toBool());
    QCOMPARE(buckets().back().errors(), 0);
    QVERIFY2(buckets().back().latency.p50 < 100,
        qPrintable(QString::number(buckets().back().latency.p50)));

    Toxic toxic;
    toxic.type = QStringLiteral("latency");
    toxic.attributes = { { QStringLiteral("latency"), 300 }, { QStringLiteral("jitter"), 0 } };
    ToxiproxyClient api(url);
    std::optional<ApiResult> created;
    api.createToxic(id, toxic, this, [&created](const ApiResult& r, const Toxic&) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), TimeoutMs);
    QVERIFY2(created->ok(), qPrintable(created->message));

    const auto markedLatency = [page] {
        for (const auto& marker : page->markers()) {
            if (marker.label.contains(QStringLiteral("latency_downstream")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(markedLatency(), TimeoutMs);
    // The probe crosses the proxy downstream once per attempt.
    QTRY_VERIFY_WITH_TIMEOUT(buckets().back().latency.p50 >= 300, TimeoutMs);
    page->refreshNow();
    QVERIFY(!page->markerItems().isEmpty());
}

void TestProbeChartsEngine::proxyAddedThroughApiAddsNoMarker()
{
    EngineWindow engine;
    QVERIFY2(!engine.failure, qPrintable(engine.failure.value_or(QString())));
    const QUrl& url = engine.url;
    ServerMonitor& monitor = engine.monitor;
    MainWindow& window = engine.window;
    monitor.start();
    auto* log = window.eventLog();
    const auto logged = [log](const QString& proxy) {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->entry(row).proxy == proxy)
                return true;
        }
        return false;
    };
    // The first poll lists the proxies that exist; later polls log the ones added.
    QTRY_VERIFY_WITH_TIMEOUT(!monitor.proxies().isEmpty(), TimeoutMs);

    Proxy proxy;
    proxy.name = QStringLiteral("orders_api");
    proxy.listen = QStringLiteral("127.0.0.1:%1").arg(unusedPort());
    proxy.upstream = QStringLiteral("127.0.0.1:%1").arg(unusedPort());
    ToxiproxyClient api(url);
    std::optional<ApiResult> created;
    api.createProxy(proxy, this, [&created](const ApiResult& r, const Proxy&) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), TimeoutMs);
    QVERIFY2(created->ok(), qPrintable(created->message));

    QTRY_VERIFY_WITH_TIMEOUT(logged(proxy.name), TimeoutMs);
    for (const auto& marker : window.probeCharts()->page()->markers())
        QVERIFY2(!marker.label.contains(proxy.name), qPrintable(marker.label));
}

QTEST_MAIN(TestProbeChartsEngine)
#include "tst_probechartsengine.moc"
