// A console that is killed in the middle of a lab leaves its changes on the server. The
// next console started with the same data folder finds the rollback journal, restores
// every proxy the lab changed, removes the ones it created and reports this in the event log.
//
// The console that crashes is this test binary started again with --crash-child: it opens
// the window, starts the lab, performs the first step's actions and waits. The test kills
// it with SIGKILL once the server shows the lab's changes.
#include "../support/endedrun.h"
#include "engineprocess.h"

#include "eventlogmodel.h"
#include "lab/labplayerpanel.h"
#include "lab/labsession.h"
#include "lab/rollbackjournal.h"
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
using chaoslab::lab::LabSession;
using chaoslab::ui::ConsoleServer;
using chaoslab::ui::EventLogModel;
using chaoslab::ui::MainWindow;
using chaoslab::ui::ServerKind;
using chaoslab::ui::Settings;

namespace {

const char crashChildOption[] = "--crash-child";

// The lab creates `crash_api` and changes `user_db`, a proxy the user made before.
const char labJson[] = "{\"format\": \"chaoslab-lab/1\", \"id\": \"crash-test\","
                       " \"title\": {\"en\": \"Crash\"}, \"summary\": {\"en\": \"Crash.\"},"
                       " \"proxies\": ["
                       "  {\"name\": \"crash_api\", \"listen\": \"127.0.0.1:0\","
                       "   \"upstream\": \"127.0.0.1:9\"},"
                       "  {\"name\": \"user_db\", \"listen\": \"127.0.0.1:0\","
                       "   \"upstream\": \"127.0.0.1:9\"}],"
                       " \"steps\": [{\"id\": \"break\", \"title\": {\"en\": \"Break\"},"
                       "  \"text\": {\"en\": \"Break it.\"}, \"actions\": ["
                       "   {\"do\": \"add_toxic\", \"proxy\": \"crash_api\","
                       "    \"toxic\": {\"type\": \"latency\"}},"
                       "   {\"do\": \"add_toxic\", \"proxy\": \"user_db\","
                       "    \"toxic\": {\"type\": \"timeout\"}},"
                       "   {\"do\": \"disable_proxy\", \"proxy\": \"user_db\"}],"
                       "  \"checks\": [{\"check\": \"proxy\", \"proxy\": \"user_db\","
                       "   \"enabled\": true}]}]}";

// Both processes must resolve the same data folder, which contains the rollback journals.
void nameApplication()
{
    QApplication::setOrganizationName(QStringLiteral("Chaos Lab"));
    QApplication::setApplicationName(QStringLiteral("chaoslab"));
}

// The console that is about to crash: a window on the server at `url`, running the lab at
// `labPath` with its first step's actions performed. It never exits by itself before the
// test kills it, except after 60 s so that a failed test leaves no process behind.
int runCrashChild(const QUrl& url, const QString& labPath)
{
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(url);
    ServerMonitor monitor(&client);
    MainWindow window(ConsoleServer { &client, &monitor, ServerKind::BuiltInEngine }, &settings);
    window.show();
    monitor.start();

    bool started = false;
    bool performed = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!started && monitor.connectionState() == ServerMonitor::ConnectionState::Connected) {
            started = true;
            window.startLab(labPath);
        }
        LabSession* session = window.labPlayer()->session();
        if (!performed && session && session->state() == LabSession::State::Running) {
            performed = true;
            session->performActions();
        }
    });
    poll.start(50);
    QTimer::singleShot(60000, qApp, &QCoreApplication::quit);
    return QApplication::exec();
}

} // namespace

class TestLabCrash : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nextStartRestoresWhatACrashedLabChanged();
    void restoreGoesToJournalServer();

private:
    QList<Proxy> serverProxies();
    std::optional<Proxy> serverProxy(const QString& name);
    bool logContains(const MainWindow& window, const QString& text) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<ToxiproxyClient> m_api;
};

void TestLabCrash::init()
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

void TestLabCrash::cleanup()
{
    m_api.reset();
    m_engine.reset();
    m_home.reset();
}

QList<Proxy> TestLabCrash::serverProxies()
{
    QList<Proxy> proxies;
    bool done = false;
    m_api->listProxies(this, [&](const ApiResult&, const QList<Proxy>& list) {
        proxies = list;
        done = true;
    });
    QTest::qWaitFor([&done] { return done; }, 5000);
    return proxies;
}

std::optional<Proxy> TestLabCrash::serverProxy(const QString& name)
{
    for (const Proxy& proxy : serverProxies()) {
        if (proxy.name == name)
            return proxy;
    }
    return std::nullopt;
}

bool TestLabCrash::logContains(const MainWindow& window, const QString& text) const
{
    const EventLogModel* log = window.eventLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->entry(row).message.contains(text))
            return true;
    }
    return false;
}

void TestLabCrash::nextStartRestoresWhatACrashedLabChanged()
{
    bool created = false;
    const Proxy userProxy { QStringLiteral("user_db"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("127.0.0.1:9"), true, {} };
    m_api->createProxy(
        userProxy, this, [&](const ApiResult& result, const Proxy&) { created = result.ok(); });
    QTRY_VERIFY(created);

    const QString labPath = m_home->filePath(QStringLiteral("crash.json"));
    QFile lab(labPath);
    QVERIFY(lab.open(QIODevice::WriteOnly));
    lab.write(labJson);
    lab.close();

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        { QString::fromLatin1(crashChildOption), m_engine->url().toString(), labPath });
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

    // The lab's changes reach the server; then the console dies without a chance to undo.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            const auto api = serverProxy(QStringLiteral("crash_api"));
            const auto db = serverProxy(QStringLiteral("user_db"));
            return api && !api->toxics.isEmpty() && db && !db->enabled && !db->toxics.isEmpty();
        }(),
        20000);
    child.kill();
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const QDir journals(m_home->filePath(QStringLiteral("data/Chaos Lab/chaoslab/rollback")));
    QCOMPARE(journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 1);
    QVERIFY(serverProxy(QStringLiteral("crash_api")).has_value());

    // The next console connects and rolls the journal back without being asked.
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(m_engine->url());
    ServerMonitor monitor(&client);
    MainWindow window(ConsoleServer { &client, &monitor, ServerKind::BuiltInEngine }, &settings);
    window.show();
    monitor.start();

    QTRY_VERIFY_WITH_TIMEOUT(
        logContains(window, QStringLiteral("ended without rolling back")), 10000);
    QVERIFY(!serverProxy(QStringLiteral("crash_api")).has_value());
    const auto db = serverProxy(QStringLiteral("user_db"));
    QVERIFY(db.has_value());
    QVERIFY(db->enabled);
    QVERIFY(db->toxics.isEmpty());
    QCOMPARE(journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 0);
}

void TestLabCrash::restoreGoesToJournalServer()
{
    // A journal left by a run against another server, such as an experiment mapped to its
    // own Toxiproxy address: the proxy it created there is removed, not one on this console's.
    EngineProcess other;
    QVERIFY2(other.start(), qPrintable(other.error()));
    ToxiproxyClient otherApi(other.url());
    bool created = false;
    const Proxy proxy { QStringLiteral("elsewhere"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("127.0.0.1:9"), true, {} };
    for (ToxiproxyClient* api : { m_api.get(), &otherApi }) {
        created = false;
        api->createProxy(
            proxy, this, [&](const ApiResult& result, const Proxy&) { created = result.ok(); });
        QTRY_VERIFY(created);
    }

    const QDir folder(m_home->filePath(QStringLiteral("data/Chaos Lab/chaoslab/rollback")));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    chaoslab::lab::RollbackJournal journal(
        folder.filePath(QStringLiteral("other.json")), QStringLiteral("test run"), other.url());
    QString error;
    QVERIFY2(journal.recordCreatedProxy(QStringLiteral("elsewhere"), &error), qPrintable(error));
    QVERIFY(markWriterEnded(journal.path()));

    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(m_engine->url());
    ServerMonitor monitor(&client);
    MainWindow window(ConsoleServer { &client, &monitor, ServerKind::BuiltInEngine }, &settings);
    window.show();
    monitor.start();

    QTRY_VERIFY_WITH_TIMEOUT(
        logContains(window, QStringLiteral("ended without rolling back")), 10000);
    bool listed = false;
    QList<Proxy> onOther;
    otherApi.listProxies(this, [&](const ApiResult&, const QList<Proxy>& list) {
        onOther = list;
        listed = true;
    });
    QTRY_VERIFY(listed);
    QVERIFY(onOther.isEmpty());
    QVERIFY(serverProxy(QStringLiteral("elsewhere")).has_value());
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    nameApplication();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String(crashChildOption))
        return runCrashChild(QUrl(arguments.at(2)), arguments.at(3));
    TestLabCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_labcrash.moc"
