// ServerMonitor against the built-in engine, run as `chaoslab serve`: changes made by
// another client, loss when the process is killed and recovery when it restarts, and the
// polling rules against scripted loopback servers.
#include "clienttestsupport.h"
#include "engineprocess.h"
#include "scriptedhttpserver.h"
#include "toxiproxy/servermonitor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace chaoslab::toxiproxy;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using ConnectionState = ServerMonitor::ConnectionState;

class TestServerMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectsAndReportsVersion();
    void reportsChangesByAnotherClient();
    void reportsLossAndRecovery();
    void refreshNowPollsAtOnce();
    void snapshotTimeFollowsAcknowledgement();
    void stopForgetsConnection();
    void baseUrlChangeStartsOver();
    void pollsNeverOverlap();
    void retriesWithBackoff();

private:
    void startEngine();
    void waitUntilConnected(ServerMonitor& monitor);

    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<ToxiproxyClient> m_client;
    // A second client, as toxiproxy-cli or a lab would be.
    std::unique_ptr<ToxiproxyClient> m_other;
    QString m_upstream;
};

namespace {

// The monitor polls every 500 ms, so a change must appear within a second.
constexpr qint64 ChangeDeadlineMs = 1000;

} // namespace

void TestServerMonitor::init()
{
    m_upstream = u"127.0.0.1:%1"_s.arg(unusedPort());
}

void TestServerMonitor::cleanup()
{
    m_other.reset();
    m_client.reset();
    m_engine.reset();
}

void TestServerMonitor::startEngine()
{
    m_engine = std::make_unique<EngineProcess>(unusedPort());
    m_engine->start();
    QTRY_VERIFY2_WITH_TIMEOUT(m_engine->isReady(), qPrintable(m_engine->diagnostics()), 10000);
    m_client = std::make_unique<ToxiproxyClient>(m_engine->url());
    m_other = std::make_unique<ToxiproxyClient>(m_engine->url());
}

void TestServerMonitor::waitUntilConnected(ServerMonitor& monitor)
{
    QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState(), ConnectionState::Connected, 5000);
}

void TestServerMonitor::connectsAndReportsVersion()
{
    startEngine();
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"early"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);

    ServerMonitor monitor(m_client.get());
    QSignalSpy states(&monitor, &ServerMonitor::connectionStateChanged);
    QSignalSpy versions(&monitor, &ServerMonitor::serverVersionChanged);
    QSignalSpy added(&monitor, &ServerMonitor::proxyAdded);
    monitor.start();
    waitUntilConnected(monitor);

    QCOMPARE(states.size(), 1);
    QCOMPARE(states[0][0].value<ConnectionState>(), ConnectionState::Connected);
    QVERIFY(states[0][1].toString().isEmpty());
    QCOMPARE(versions.size(), 1);
    QVERIFY(!monitor.serverVersion().isEmpty());
    QCOMPARE(versions[0][0].toString(), monitor.serverVersion());
    QCOMPARE(added.size(), 1);
    QCOMPARE(added[0][0].value<Proxy>().name, u"early");
    QVERIFY(monitor.findProxy(u"early"));
}

void TestServerMonitor::reportsChangesByAnotherClient()
{
    startEngine();
    ServerMonitor monitor(m_client.get());
    monitor.start();
    waitUntilConnected(monitor);
    QSignalSpy proxyAdded(&monitor, &ServerMonitor::proxyAdded);
    QSignalSpy proxyChanged(&monitor, &ServerMonitor::proxyChanged);
    QSignalSpy proxyRemoved(&monitor, &ServerMonitor::proxyRemoved);
    QSignalSpy toxicAdded(&monitor, &ServerMonitor::toxicAdded);
    QSignalSpy toxicChanged(&monitor, &ServerMonitor::toxicChanged);
    QSignalSpy toxicRemoved(&monitor, &ServerMonitor::toxicRemoved);
    QElapsedTimer sinceChange;

    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"cache"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    sinceChange.start();
    QTRY_COMPARE_WITH_TIMEOUT(proxyAdded.size(), 1, 5000);
    QVERIFY2(sinceChange.elapsed() <= ChangeDeadlineMs,
        qPrintable(QString::number(sinceChange.elapsed())));
    QCOMPARE(proxyAdded[0][0].value<Proxy>(), proxy->value);

    Toxic latency;
    latency.type = u"latency"_s;
    latency.setAttribute(u"latency"_s, 100);
    auto toxic = std::make_shared<Outcome<Toxic>>();
    m_other->createToxic(u"cache"_s, latency, this, recordInto(toxic));
    AWAIT_SUCCESS(toxic);
    sinceChange.start();
    QTRY_COMPARE_WITH_TIMEOUT(toxicAdded.size(), 1, 5000);
    QVERIFY2(sinceChange.elapsed() <= ChangeDeadlineMs,
        qPrintable(QString::number(sinceChange.elapsed())));
    QCOMPARE(toxicAdded[0][0].toString(), u"cache");
    QCOMPARE(toxicAdded[0][1].value<Toxic>(), toxic->value);
    QCOMPARE(monitor.findProxy(u"cache")->toxics.size(), 1);
    QCOMPARE(proxyChanged.size(), 0);

    ToxicUpdate update;
    update.attributes.append({ u"latency"_s, 300 });
    auto updated = std::make_shared<Outcome<Toxic>>();
    m_other->updateToxic(u"cache"_s, toxic->value.name, update, this, recordInto(updated));
    AWAIT_SUCCESS(updated);
    QTRY_COMPARE_WITH_TIMEOUT(toxicChanged.size(), 1, 5000);
    QCOMPARE(toxicChanged[0][1].value<Toxic>().attribute(u"latency"), 300);

    auto disabled = std::make_shared<Outcome<Proxy>>();
    m_other->setProxyEnabled(u"cache"_s, false, this, recordInto(disabled));
    AWAIT_SUCCESS(disabled);
    QTRY_COMPARE_WITH_TIMEOUT(proxyChanged.size(), 1, 5000);
    QCOMPARE(proxyChanged[0][0].value<Proxy>().enabled, false);

    auto toxicDeleted = std::make_shared<DoneOutcome>();
    m_other->deleteToxic(u"cache"_s, toxic->value.name, this, recordInto(toxicDeleted));
    AWAIT_SUCCESS(toxicDeleted);
    QTRY_COMPARE_WITH_TIMEOUT(toxicRemoved.size(), 1, 5000);
    QCOMPARE(toxicRemoved[0][1].toString(), toxic->value.name);

    auto proxyDeleted = std::make_shared<DoneOutcome>();
    m_other->deleteProxy(u"cache"_s, this, recordInto(proxyDeleted));
    AWAIT_SUCCESS(proxyDeleted);
    QTRY_COMPARE_WITH_TIMEOUT(proxyRemoved.size(), 1, 5000);
    QCOMPARE(proxyRemoved[0][0].toString(), u"cache");
    QVERIFY(monitor.proxies().isEmpty());
}

void TestServerMonitor::reportsLossAndRecovery()
{
    startEngine();
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"lost"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    ServerMonitor monitor(m_client.get());
    monitor.setRetryDelays(100ms, 400ms);
    monitor.start();
    waitUntilConnected(monitor);
    QSignalSpy states(&monitor, &ServerMonitor::connectionStateChanged);
    QSignalSpy removed(&monitor, &ServerMonitor::proxyRemoved);

    m_engine->kill();
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->hasExited(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState(), ConnectionState::Lost, 5000);
    QCOMPARE(states[0][0].value<ConnectionState>(), ConnectionState::Lost);
    QVERIFY(!states[0][1].toString().isEmpty());
    QCOMPARE(monitor.lastError(), states[0][1].toString());
    // The last known proxies stay until the server responds again.
    QVERIFY(monitor.findProxy(u"lost"));
    QCOMPARE(removed.size(), 0);

    m_engine->start();
    QTRY_VERIFY2_WITH_TIMEOUT(m_engine->isReady(), qPrintable(m_engine->diagnostics()), 10000);
    waitUntilConnected(monitor);
    QCOMPARE(states.last()[0].value<ConnectionState>(), ConnectionState::Connected);
    QVERIFY(monitor.lastError().isEmpty());
    // The restarted engine starts empty, so the proxy it lost is reported as removed.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed[0][0].toString(), u"lost");
}

void TestServerMonitor::refreshNowPollsAtOnce()
{
    startEngine();
    ServerMonitor monitor(m_client.get());
    monitor.setInterval(60s);
    monitor.start();
    waitUntilConnected(monitor);
    QSignalSpy added(&monitor, &ServerMonitor::proxyAdded);

    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"now"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    monitor.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 5000);
}

// A snapshot requested after a change was acknowledged shows that change, so its request
// time must lie between the acknowledgement and the signal that reports the change.
void TestServerMonitor::snapshotTimeFollowsAcknowledgement()
{
    startEngine();
    ServerMonitor monitor(m_client.get());
    monitor.setInterval(60s);
    monitor.start();
    waitUntilConnected(monitor);
    const auto connectedSnapshot = monitor.snapshotRequestedAt();
    std::optional<std::chrono::steady_clock::time_point> reportedSnapshot;
    connect(&monitor, &ServerMonitor::proxyAdded, this,
        [&] { reportedSnapshot = monitor.snapshotRequestedAt(); });

    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"stamped"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    const auto acknowledged = std::chrono::steady_clock::now();
    monitor.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(reportedSnapshot.has_value(), 5000);
    QVERIFY(connectedSnapshot < acknowledged);
    QVERIFY(*reportedSnapshot > acknowledged);
    QCOMPARE(monitor.snapshotRequestedAt(), *reportedSnapshot);
}

void TestServerMonitor::stopForgetsConnection()
{
    startEngine();
    ServerMonitor monitor(m_client.get());
    monitor.start();
    waitUntilConnected(monitor);
    QSignalSpy states(&monitor, &ServerMonitor::connectionStateChanged);

    monitor.stop();
    QVERIFY(!monitor.isRunning());
    QCOMPARE(monitor.connectionState(), ConnectionState::Unknown);
    QCOMPARE(states.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->pendingCount(), 0, 5000);
}

void TestServerMonitor::baseUrlChangeStartsOver()
{
    startEngine();
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_other->createProxy(
        { u"old"_s, u"127.0.0.1:0"_s, m_upstream, true, {} }, this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    ServerMonitor monitor(m_client.get());
    monitor.start();
    waitUntilConnected(monitor);
    QSignalSpy removed(&monitor, &ServerMonitor::proxyRemoved);
    QSignalSpy states(&monitor, &ServerMonitor::connectionStateChanged);

    const QUrl nowhere(u"http://127.0.0.1:%1"_s.arg(unusedPort()));
    m_client->setBaseUrl(nowhere);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed[0][0].toString(), u"old");
    QCOMPARE(states[0][0].value<ConnectionState>(), ConnectionState::Unknown);
    QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState(), ConnectionState::Lost, 5000);
    QVERIFY2(monitor.lastError().contains(nowhere.toString()), qPrintable(monitor.lastError()));

    m_client->setBaseUrl(m_engine->url());
    waitUntilConnected(monitor);
    QVERIFY(monitor.findProxy(u"old"));
}

void TestServerMonitor::pollsNeverOverlap()
{
    ScriptedHttpServer silent;
    QVERIFY(silent.listen());
    ToxiproxyClient client(silent.url());
    client.setDefaultTimeout(300ms);
    ServerMonitor monitor(&client);
    monitor.setInterval(10ms);
    monitor.setRetryDelays(10ms, 10ms);
    QElapsedTimer elapsed;
    elapsed.start();
    monitor.start();

    QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState(), ConnectionState::Lost, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(silent.requestHeads().size() >= 3, 5000);
    // Each poll waits for its 300 ms timeout before the next one starts.
    QVERIFY2(elapsed.elapsed() >= 2 * 285, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(client.pendingCount() <= 1);
}

void TestServerMonitor::retriesWithBackoff()
{
    ScriptedHttpServer unavailable;
    QVERIFY(unavailable.listen());
    unavailable.setResponse(ScriptedHttpServer::response(
        503, "Service Unavailable", "text/html", "<html><body>maintenance</body></html>"));
    ToxiproxyClient client(unavailable.url());
    ServerMonitor monitor(&client);
    monitor.setRetryDelays(50ms, 400ms);
    QSignalSpy states(&monitor, &ServerMonitor::connectionStateChanged);
    QElapsedTimer elapsed;
    elapsed.start();
    monitor.start();

    // Retries after 50, 100, 200 and 400 ms: the fifth poll starts no sooner than 750 ms.
    QTRY_VERIFY_WITH_TIMEOUT(unavailable.requestHeads().size() >= 5, 5000);
    QVERIFY2(elapsed.elapsed() >= 700, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(monitor.connectionState(), ConnectionState::Lost);
    QVERIFY2(monitor.lastError().contains(u"503"), qPrintable(monitor.lastError()));
    // The same failure again does not repeat the signal.
    QCOMPARE(states.size(), 1);
}

QTEST_GUILESS_MAIN(TestServerMonitor)
#include "tst_servermonitor.moc"
