// A console that is killed in the middle of an experiment leaves its changes on the server,
// whatever the experiment's rollback strategy. The next console started with the same data
// folder finds the experiment's rollback journal, removes the toxic it added and the proxy it
// created, and reports this in the event log.
//
// The console that crashes runs an experiment that creates a proxy, adds a toxic to a proxy
// the user made before and then pauses for 60 s. The test kills it with SIGKILL once the
// server shows both changes.
#include "../support/fetchproxy.h"
#include "crashconsole.h"
#include "engineprocess.h"

#include "experiment/experimentpanel.h"

#include <QFile>

#include <memory>
#include <optional>

using namespace chaoslab::toxiproxy;

namespace {

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

// The console that is about to crash, running the experiment at `experimentPath`.
int runExperimentChild(const QUrl& url, const QString& experimentPath)
{
    bool started = false;
    return crashtest::runCrashChild(url, [&](crashtest::Console& console) {
        if (started || !console.connected())
            return;
        started = true;
        if (console.window().experimentPanel()->openFile(experimentPath))
            console.window().experimentPanel()->runAll();
    });
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

    std::unique_ptr<crashtest::CrashSetup> m_setup;
};

void TestExperimentCrash::init()
{
    m_setup = std::make_unique<crashtest::CrashSetup>();
    const auto error = m_setup->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void TestExperimentCrash::cleanup()
{
    m_setup.reset();
}

std::optional<Proxy> TestExperimentCrash::serverProxy(const QString& name)
{
    return fetchProxy(*m_setup->api, name);
}

void TestExperimentCrash::nextStartRestoresWhatACrashedExperimentChanged()
{
    QVERIFY(m_setup->createUserProxy());

    const QString experimentPath = m_setup->home.filePath(QStringLiteral("crash-experiment.json"));
    QFile experiment(experimentPath);
    QVERIFY(experiment.open(QIODevice::WriteOnly));
    experiment.write(experimentJson(m_setup->engine.url()));
    experiment.close();

    QProcess child;
    QVERIFY2(crashtest::startCrashChild(child, m_setup->engine.url(), experimentPath),
        qPrintable(child.errorString()));

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

    QCOMPARE(m_setup->journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 1);

    // The next console connects and rolls the journal back without being asked.
    crashtest::Console console(m_setup->engine.url());
    QTRY_VERIFY_WITH_TIMEOUT(
        console.logContains(
            QStringLiteral("The last run of experiment \"Crash\" ended without rolling back")),
        10000);
    QVERIFY(console.logContains(QStringLiteral("crash_latency")));
    QVERIFY(!serverProxy(QStringLiteral("crash_api")).has_value());
    const auto db = serverProxy(QStringLiteral("user_db"));
    QVERIFY(db.has_value());
    QVERIFY(db->toxics.isEmpty());
    QCOMPARE(m_setup->journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 0);
}

int main(int argc, char** argv)
{
    return crashtest::crashTestMain<TestExperimentCrash>(argc, argv, runExperimentChild);
}

#include "tst_experimentcrash.moc"
