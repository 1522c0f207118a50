// A console that is killed in the middle of a lab leaves its changes on the server. The
// next console started with the same data folder finds the rollback journal, restores
// every proxy the lab changed, removes the ones it created and reports this in the event log.
//
// The console that crashes starts the lab, performs the first step's actions and waits. The
// test kills it with SIGKILL once the server shows the lab's changes.
#include "../support/endedrun.h"
#include "../support/fetchproxy.h"
#include "crashconsole.h"
#include "engineprocess.h"

#include "lab/labplayerpanel.h"
#include "lab/labsession.h"
#include "lab/rollbackjournal.h"

#include <QFile>

#include <memory>
#include <optional>

using namespace chaoslab::toxiproxy;
using chaoslab::lab::LabSession;

namespace {

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

// The console that is about to crash, running the lab at `labPath`.
int runLabChild(const QUrl& url, const QString& labPath)
{
    bool started = false;
    bool performed = false;
    return crashtest::runCrashChild(url, [&](crashtest::Console& console) {
        if (!started && console.connected()) {
            started = true;
            console.window().startLab(labPath);
        }
        LabSession* session = console.window().labPlayer()->session();
        if (!performed && session && session->state() == LabSession::State::Running) {
            performed = true;
            session->performActions();
        }
    });
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
    std::optional<Proxy> serverProxy(const QString& name);

    std::unique_ptr<crashtest::CrashSetup> m_setup;
};

void TestLabCrash::init()
{
    m_setup = std::make_unique<crashtest::CrashSetup>();
    const auto error = m_setup->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void TestLabCrash::cleanup()
{
    m_setup.reset();
}

std::optional<Proxy> TestLabCrash::serverProxy(const QString& name)
{
    return fetchProxy(*m_setup->api, name);
}

void TestLabCrash::nextStartRestoresWhatACrashedLabChanged()
{
    QVERIFY(m_setup->createUserProxy());

    const QString labPath = m_setup->home.filePath(QStringLiteral("crash.json"));
    QFile lab(labPath);
    QVERIFY(lab.open(QIODevice::WriteOnly));
    lab.write(labJson);
    lab.close();

    QProcess child;
    QVERIFY2(crashtest::startCrashChild(child, m_setup->engine.url(), labPath),
        qPrintable(child.errorString()));

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

    QCOMPARE(m_setup->journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 1);
    QVERIFY(serverProxy(QStringLiteral("crash_api")).has_value());

    // The next console connects and rolls the journal back without being asked.
    crashtest::Console console(m_setup->engine.url());
    QTRY_VERIFY_WITH_TIMEOUT(
        console.logContains(QStringLiteral("ended without rolling back")), 10000);
    QVERIFY(!serverProxy(QStringLiteral("crash_api")).has_value());
    const auto db = serverProxy(QStringLiteral("user_db"));
    QVERIFY(db.has_value());
    QVERIFY(db->enabled);
    QVERIFY(db->toxics.isEmpty());
    QCOMPARE(m_setup->journals.entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 0);
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
    for (ToxiproxyClient* api : { m_setup->api.get(), &otherApi }) {
        created = false;
        api->createProxy(
            proxy, this, [&](const ApiResult& result, const Proxy&) { created = result.ok(); });
        QTRY_VERIFY(created);
    }

    QVERIFY(m_setup->journals.mkpath(QStringLiteral(".")));
    chaoslab::lab::RollbackJournal journal(m_setup->journals.filePath(QStringLiteral("other.json")),
        QStringLiteral("test run"), other.url());
    QString error;
    QVERIFY2(journal.recordCreatedProxy(QStringLiteral("elsewhere"), &error), qPrintable(error));
    QVERIFY(markWriterEnded(journal.path()));

    crashtest::Console console(m_setup->engine.url());
    QTRY_VERIFY_WITH_TIMEOUT(
        console.logContains(QStringLiteral("ended without rolling back")), 10000);
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
    return crashtest::crashTestMain<TestLabCrash>(argc, argv, runLabChild);
}

#include "tst_labcrash.moc"
