// A console that is killed in the middle of an experiment leaves its changes on the server,
// whatever the experiment's rollback strategy. The next console started with the same data
// folder finds the experiment's rollback journal, removes the toxic it added and the proxy it
// created, and reports this in the event log.
//
// The console that crashes is this test binary started again with --crash-child: it opens
// the window, runs an experiment that creates a proxy, adds a toxic to a proxy the user made
// before and then pauses for 60 s. The test kills it with SIGKILL once the server shows both
// changes.
#include "engineprocess.h"

#include "eventlogmodel.h"
#include "experiment/experimentpanel.h"
#include "mainwindow.h"
#include "settings.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace chaoslab::toxiproxy;
using chaoslab::ui::ConsoleServer;
using chaoslab::ui::EventLogModel;
using chaoslab::ui::MainWindow;
using chaoslab::ui::ServerKind;
using chaoslab::ui::Settings;

namespace {

const char crashChildOption[] = "--crash-child";

// The experiment for the Toxiproxy API at `url`: it creates `crash_api`, adds the toxic
// "crash_latency" to `user_db` and pauses. Its rollback would delete the toxic, but under
// the default strategy an interrupted run plays no rollbacks, and a killed one plays none.
QByteArray experimentJson(const QUrl& url)
{
    return QStringLiteral(
        "{\"title\": \"Crash\", \"configuration\": {\"toxiproxy_host\": \"%1\", "
        "\"toxiproxy_port\": %2}, \"method\": ["
        " {\"type\": \"action\", \"name\": \"create-proxy\", \"provider\": {\"type\": "
        "  \"python\", \"module\": \"chaostoxi.proxy.actions\", \"func\": \"create_proxy\", "
        "  \"arguments\": {\"proxy_name\": \"crash_api\", \"listen_host\": \"127.0.0.1\", "
        "  \"listen_port\": 0, \"upstream_host\": \"127.0.0.1\", \"upstream_port\": 9}}},"
        " {\"type\": \"action\", \"name\": \"add-latency\", \"provider\": {\"type\": "
        "  \"python\", \"module\": \"chaostoxi.toxic.actions\", \"func\": "
        "  \"create_latency_toxic\", \"arguments\": {\"for_proxy\": \"user_db\", "
        "  \"toxic_name\": \"crash_latency\", \"latency\": 1000, \"jitter\": 0}}, "
        "  \"pauses\": {\"after\": 60}}],"
        " \"rollbacks\": [{\"type\": \"action\", \"name\": \"remove-latency\", \"provider\": "
        "  {\"type\": \"python\", \"module\": \"chaostoxi.toxic.actions\", \"func\": "
        "  \"delete_toxic\", \"arguments\": {\"for_proxy\": \"user_db\", \"toxic_name\": "
        "  \"crash_latency\"}}}]}")
        .arg(url.host())
        .arg(url.port())
        .toUtf8();
}

// Both processes must resolve the same data folder, which contains the rollback journals.
void nameApplication()
{
    QApplication::setOrganizationName(QStringLiteral("Chaos Lab"));
    QApplication::setApplicationName(QStringLiteral("chaoslab"));
}

// The console that is about to crash: a window on the server at `url`, running the
// experiment at `experimentPath`. It never exits by itself before the test kills it, except
// after 60 s so that a failed test leaves no process behind.
int runCrashChild(const QUrl& url, const QString& experimentPath)
{
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(url);
    ServerMonitor monitor(&client);
    MainWindow window(ConsoleServer { &client, &monitor, ServerKind::BuiltInEngine }, &settings);
    window.show();
    monitor.start();

    bool started = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (started || monitor.connectionState() != ServerMonitor::ConnectionState::Connected)
            return;
        started = true;
        if (window.experimentPanel()->openFile(experimentPath))
            window.experimentPanel()->runAll();
    });
    poll.start(50);
    QTimer::singleShot(60000, qApp, &QCoreApplication::quit);
    return QApplication::exec();
}

} // namespace

class TestExperimentCrash : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nextStartRestoresWhatACrashedExperimentChanged();

private:
    std::optional<Proxy> serverProxy(const QString& name);
    bool logContains(const MainWindow& window, const QString& text) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<ToxiproxyClient> m_api;
};

void TestExperimentCrash::init()
{
    // The journals go to $XDG_DATA_HOME/Chaos Lab/chaoslab/rollback in both processes.
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home->filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home->filePath(QStringLiteral("config"))));

    m_engine = std::make_unique<EngineProcess>();
    QVERIFY2(m_engine->start(), qPrintable(m_engine->error()));
    m_api = std::make_unique<ToxiproxyClient>(m_engine->url());
}

void TestExperimentCrash::cleanup()
{
    m_api.reset();
    m_engine.reset();
    m_home.reset();
}

std::optional<Proxy> TestExperimentCrash::serverProxy(const QString& name)
{
    std::optional<Proxy> found;
    bool done = false;
    m_api->getProxy(name, this, [&](const ApiResult& result, const Proxy& proxy) {
        if (result.ok())
            found = proxy;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        qWarning("GET /proxies/%s timed out", qPrintable(name));
    return found;
}

bool TestExperimentCrash::logContains(const MainWindow& window, const QString& text) const
{
    const EventLogModel* log = window.eventLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->entry(row).message.contains(text))
            return true;
    }
    return false;
}

void TestExperimentCrash::nextStartRestoresWhatACrashedExperimentChanged()
{
    bool created = false;
    const Proxy userProxy { QStringLiteral("user_db"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("127.0.0.1:9"), true, {} };
    m_api->createProxy(
        userProxy, this, [&](const ApiResult& result, const Proxy&) { created = result.ok(); });
    QTRY_VERIFY(created);

    const QString experimentPath = m_home->filePath(QStringLiteral("crash-experiment.json"));
    QFile experiment(experimentPath);
    QVERIFY(experiment.open(QIODevice::WriteOnly));
    experiment.write(experimentJson(m_engine->url()));
    experiment.close();

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        { QString::fromLatin1(crashChildOption), m_engine->url().toString(), experimentPath });
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

    // The experiment's changes reach the server; then the console dies during the pause.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            const auto db = serverProxy(QStringLiteral("user_db"));
            return db && db->findToxic(u"crash_latency")
                && serverProxy(QStringLiteral("crash_api")).has_value();
        }(),
        20000);
    child.kill();
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const QDir journals(m_home->filePath(QStringLiteral("data/Chaos Lab/chaoslab/rollback")));
    QCOMPARE(journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 1);

    // The next console connects and rolls the journal back without being asked.
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(m_engine->url());
    ServerMonitor monitor(&client);
    MainWindow window(ConsoleServer { &client, &monitor, ServerKind::BuiltInEngine }, &settings);
    window.show();
    monitor.start();

    QTRY_VERIFY_WITH_TIMEOUT(
        logContains(window,
            QStringLiteral("The last run of experiment \"Crash\" ended without "
                           "rolling back")),
        10000);
    QVERIFY(logContains(window, QStringLiteral("crash_latency")));
    QVERIFY(!serverProxy(QStringLiteral("crash_api")).has_value());
    const auto db = serverProxy(QStringLiteral("user_db"));
    QVERIFY(db.has_value());
    QVERIFY(db->toxics.isEmpty());
    QCOMPARE(journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 0);
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    nameApplication();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String(crashChildOption))
        return runCrashChild(QUrl(arguments.at(2)), arguments.at(3));
    TestExperimentCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_experimentcrash.moc"
