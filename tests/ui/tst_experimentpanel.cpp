// The experiment dock with real widgets against the built-in engine and its demo HTTP
// service, started in the test process on free loopback ports. The academy's experiment 01.03
// runs with the preset maps, step by step and all at once. The other tests cover a failing
// hypothesis, a process provider without permission, an invalid map line, a load error,
// closing the window mid-run, and the rollback journal that restores what an experiment
// changed and its own rollbacks did not.
#include "confirmdialog.h"
#include "eventlogmodel.h"
#include "experiment/experimentpanel.h"
#include "experiment/experimentsettingsform.h"
#include "experiment/experimentsteplist.h"
#include "mainwindow.h"
#include "settings.h"

#include "builtinengine.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include "../support/fetchproxy.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <optional>

using namespace chaoslab;
using namespace chaoslab::ui;
using Section = ExperimentStepList::Section;
using State = ExperimentStepList::State;

namespace {

constexpr int RunDeadlineMs = 30000;
const QString fixtures = QStringLiteral(CHAOSTOOLKIT_FIXTURES);
const QString latencyExperiment
    = fixtures + QStringLiteral("/01-http-api/01.03-add-toxic-latency.json");

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QStringList statesOf(const ExperimentStepList* steps, Section section, std::size_t count)
{
    QStringList states;
    for (std::size_t i = 0; i < count; ++i)
        states.append(ExperimentStepList::stateName(steps->state(section, int(i))));
    return states;
}

QStringList journalStates(const chaostoolkit::Json& runs)
{
    QStringList states;
    for (const auto& run : runs)
        states.append(QString::fromStdString(run["status"].get<std::string>()));
    return states;
}

} // namespace

class TestExperimentPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stepByStepMatchesJournal();
    void runAllShowsCountdownAndChanges();
    void stopDuringRollbacksLetsThemFinish();
    void failingHypothesisShowsNotMet();
    void failedMethodActionKeepsCompleted();
    void processNeedsConfirmation();
    void invalidMapLineIsRejected();
    void loadErrorNamesFileAndActivity();
    void everyControlHasAccessibleName();
    void closingMidRunRollsBack();
    void closingMidRunRestoresJournal();
    void runRestoresWhatRollbacksMissed();
    void keepChangesLeavesToxic();
    void unrecordedChangeIsNotSent();

private:
    void makePanel();
    // Opens 01.03 with the academy's maps, and the proxy port 6060 moved to a free port.
    void openLatencyExperiment();
    QString writeExperiment(const QString& name, const QByteArray& json);
    bool waitRunEnded();
    // Creates `name` on the engine, listening on a free port, towards the discard port.
    bool createServerProxy(const QString& name);
    std::optional<toxiproxy::Proxy> serverProxy(const QString& name);
    // An experiment without rollbacks that adds the latency toxic "stuck" to `proxy`.
    QString writeToxicExperiment(const QString& proxy);
    QStringList rollbackJournals() const;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::unique_ptr<toxiproxy::ToxiproxyClient> m_client;
    std::unique_ptr<toxiproxy::ServerMonitor> m_monitor;
    std::unique_ptr<ExperimentPanel> m_panel;
    QList<ConfirmRequest> m_confirmations;
    bool m_acceptConfirmations = false;
};

void TestExperimentPanel::init()
{
    QStandardPaths::setTestModeEnabled(true);
    // The window's panels keep rollback journals here; one left by an earlier failed run
    // would be restored by the next window.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_settings = std::make_unique<Settings>(m_folder->filePath(QStringLiteral("console.ini")));
    m_engine = std::make_unique<host::BuiltInEngine>();
    const auto error = m_engine->start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
    QVERIFY(!m_engine->demoServiceAddress().empty());
    m_client = std::make_unique<toxiproxy::ToxiproxyClient>(
        QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(m_engine->apiAddress()))));
    m_monitor = std::make_unique<toxiproxy::ServerMonitor>(m_client.get());
    m_confirmations.clear();
    m_acceptConfirmations = false;
    ConfirmDialog::setAnswerer([this](const ConfirmRequest& request) {
        m_confirmations.append(request);
        return m_acceptConfirmations;
    });
}

void TestExperimentPanel::cleanup()
{
    ConfirmDialog::setAnswerer({});
    m_panel.reset();
    m_monitor.reset();
    m_client.reset();
    m_engine.reset();
    m_settings.reset();
}

void TestExperimentPanel::makePanel()
{
    toxiproxy::ToxiproxyClient* client = m_client.get();
    m_panel = std::make_unique<ExperimentPanel>(
        m_settings.get(), [client] { return client->baseUrl(); });
    m_panel->setDemoServiceAddress(QString::fromStdString(m_engine->demoServiceAddress()));
    m_panel->setRollbackFolder(m_folder->filePath(QStringLiteral("rollback")));
    m_panel->resize(900, 800);
    m_panel->show();
}

void TestExperimentPanel::openLatencyExperiment()
{
    QVERIFY(m_panel->openFile(latencyExperiment));
    m_panel->settingsForm()->presetButton()->click();
    QPlainTextEdit* maps = m_panel->settingsForm()->mapsEdit();
    QVERIFY2(maps->toPlainText().contains(QStringLiteral("toxiproxy=127.0.0.1")),
        qPrintable(maps->toPlainText()));
    maps->appendPlainText(QStringLiteral("toxiproxy:6060=127.0.0.1:%1").arg(freePort()));
    QVERIFY(m_panel->settingsForm()->errorLabel()->isHidden());
}

QString TestExperimentPanel::writeExperiment(const QString& name, const QByteArray& json)
{
    const QString path = m_folder->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

bool TestExperimentPanel::waitRunEnded()
{
    return QTest::qWaitFor([this] { return !m_panel->isRunning(); }, RunDeadlineMs);
}

bool TestExperimentPanel::createServerProxy(const QString& name)
{
    bool created = false;
    bool done = false;
    const toxiproxy::Proxy proxy { name, QStringLiteral("127.0.0.1:%1").arg(freePort()),
        QStringLiteral("127.0.0.1:9"), true, {} };
    m_client->createProxy(
        proxy, this, [&](const toxiproxy::ApiResult& result, const toxiproxy::Proxy&) {
            created = result.ok();
            done = true;
        });
    return QTest::qWaitFor([&done] { return done; }, 5000) && created;
}

std::optional<toxiproxy::Proxy> TestExperimentPanel::serverProxy(const QString& name)
{
    return fetchProxy(*m_client, name);
}

QString TestExperimentPanel::writeToxicExperiment(const QString& proxy)
{
    const QUrl api = m_client->baseUrl();
    const QByteArray json = QStringLiteral(
        "{\"title\": \"toxic left\", \"configuration\": {\"toxiproxy_host\": \"%1\", "
        "\"toxiproxy_port\": %2}, \"method\": [{\"type\": \"action\", \"name\": "
        "\"add-latency\", \"provider\": {\"type\": \"python\", \"module\": "
        "\"chaostoxi.toxic.actions\", \"func\": \"create_latency_toxic\", \"arguments\": "
        "{\"for_proxy\": \"%3\", \"toxic_name\": \"stuck\", \"latency\": 1000, "
        "\"jitter\": 0}}}]}")
                                .arg(api.host())
                                .arg(api.port())
                                .arg(proxy)
                                .toUtf8();
    return writeExperiment(QStringLiteral("toxic-left.json"), json);
}

QStringList TestExperimentPanel::rollbackJournals() const
{
    return QDir(m_folder->filePath(QStringLiteral("rollback")))
        .entryList({ QStringLiteral("*.json") }, QDir::Files);
}

void TestExperimentPanel::stepByStepMatchesJournal()
{
    makePanel();
    openLatencyExperiment();
    ExperimentStepList* steps = m_panel->stepList();

    m_panel->runNextStep();
    // The first Next runs the steady-state probe and stops before the first method action.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->statusText().contains(u"create-proxy"), RunDeadlineMs);
    QCOMPARE(steps->state(Section::Before, 0), State::Succeeded);
    QCOMPARE(steps->state(Section::Method, 0), State::Pending);

    int presses = 1;
    while (m_panel->isRunning()) {
        const QString before = m_panel->statusText();
        m_panel->runNextStep();
        ++presses;
        QVERIFY2(QTest::qWaitFor(
                     [&] { return !m_panel->isRunning() || m_panel->statusText() != before; },
                     RunDeadlineMs),
            qPrintable(before));
        QVERIFY(presses <= 7);
    }
    // One press for each of the 7 activities: 1 probe before, 3 in the method, 1 after and
    // 2 rollbacks.
    QCOMPARE(presses, 7);

    QVERIFY(m_panel->journal());
    const auto journal = m_panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["status"].get<std::string>()), u"completed");
    QCOMPARE(journal["deviated"].get<bool>(), false);
    QCOMPARE(statesOf(steps, Section::Method, 3), journalStates(journal["run"]));
    QCOMPARE(statesOf(steps, Section::Rollbacks, 2), journalStates(journal["rollbacks"]));
    QCOMPARE(steps->sectionResult(Section::Before), u"met");
    QCOMPARE(steps->sectionResult(Section::After), u"met");
    QVERIFY2(
        m_panel->statusText().contains(u"Status: completed"), qPrintable(m_panel->statusText()));
    QVERIFY2(m_panel->statusText().contains(u"deviated: no"), qPrintable(m_panel->statusText()));
}

void TestExperimentPanel::runAllShowsCountdownAndChanges()
{
    makePanel();
    openLatencyExperiment();
    QSignalSpy changes(m_panel.get(), &ExperimentPanel::changeMade);
    QSignalSpy events(m_panel.get(), &ExperimentPanel::experimentEvent);
    ExperimentStepList* steps = m_panel->stepList();

    m_panel->runAll();
    QVERIFY(m_panel->isRunning());
    // create-proxy pauses 1 s after its call; the running step shows the time left.
    QTRY_VERIFY_WITH_TIMEOUT(
        steps->item(Section::Method, 0)->text(ExperimentStepList::StateColumn).contains(u"s left"),
        RunDeadlineMs);
    QVERIFY(waitRunEnded());

    const auto journal = m_panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["status"].get<std::string>()), u"completed");
    QCOMPARE(statesOf(steps, Section::Before, 1), QStringList { QStringLiteral("succeeded") });
    QCOMPARE(statesOf(steps, Section::Method, 3), journalStates(journal["run"]));
    QCOMPARE(statesOf(steps, Section::Rollbacks, 2), journalStates(journal["rollbacks"]));
    // The method probe's tolerance is not checked, and a note in the dock explains that.
    QVERIFY2(m_panel->runNotes().join(u'\n').contains(u"ignores in the method"),
        qPrintable(m_panel->runNotes().join(u'\n')));

    // create-proxy, add-latency-toxic, remove-latency and delete-proxy changed the server.
    QCOMPARE(changes.size(), 4);
    QCOMPARE(changes.at(1).at(0).toString(), u"jsonplaceholder_proxy");
    QVERIFY(changes.at(1).at(1).toString().contains(u"create_latency_toxic"));
    QCOMPARE(events.size(), 2);

    // Nothing is written until the user saves the journal.
    const QString path = m_folder->filePath(QStringLiteral("saved-journal.json"));
    QVERIFY(!QFile::exists(path));
    QVERIFY(m_panel->saveJournal(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().contains("\"status\": \"completed\""));
}

void TestExperimentPanel::stopDuringRollbacksLetsThemFinish()
{
    makePanel();
    openLatencyExperiment();
    m_panel->runNextStep();
    while (!m_panel->statusText().contains(u"remove-latency")) {
        QTRY_VERIFY_WITH_TIMEOUT(
            m_panel->statusText().startsWith(u"Waiting before"), RunDeadlineMs);
        const QString before = m_panel->statusText();
        if (before.contains(u"remove-latency"))
            break;
        m_panel->runNextStep();
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->statusText() != before, RunDeadlineMs);
    }

    // Stop while the run waits before the first rollback: both rollbacks still play.
    m_panel->stop();
    QVERIFY(waitRunEnded());
    const auto journal = m_panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["status"].get<std::string>()), u"completed");
    QCOMPARE(journalStates(journal["rollbacks"]),
        QStringList({ QStringLiteral("succeeded"), QStringLiteral("succeeded") }));
}

void TestExperimentPanel::failingHypothesisShowsNotMet()
{
    const QString demo = QString::fromStdString(m_engine->demoServiceAddress());
    const QByteArray json = QStringLiteral(
        "{\"title\": \"expects 500\", \"steady-state-hypothesis\": {\"title\": \"fails\", "
        "\"probes\": [{\"type\": \"probe\", \"name\": \"wants-500\", \"tolerance\": 500, "
        "\"provider\": {\"type\": \"http\", \"url\": \"http://%1/todos/1\"}}]}, "
        "\"method\": [{\"type\": \"action\", \"name\": \"never-runs\", \"provider\": "
        "{\"type\": \"http\", \"url\": \"http://%1/todos/2\"}}], "
        "\"rollbacks\": [{\"type\": \"action\", \"name\": \"not-played\", \"provider\": "
        "{\"type\": \"http\", \"url\": \"http://%1/todos/3\"}}]}")
                                .arg(demo)
                                .toUtf8();
    makePanel();
    QVERIFY(m_panel->openFile(writeExperiment(QStringLiteral("fails.json"), json)));
    m_panel->runAll();
    QVERIFY(waitRunEnded());

    ExperimentStepList* steps = m_panel->stepList();
    QCOMPARE(steps->sectionResult(Section::Before), u"not met");
    QCOMPARE(steps->state(Section::Before, 0), State::Failed);
    QCOMPARE(steps->state(Section::Method, 0), State::Skipped);
    QCOMPARE(steps->state(Section::Rollbacks, 0), State::Skipped);
    QCOMPARE(steps->sectionResult(Section::Rollbacks), u"not played");
    QVERIFY2(m_panel->statusText().contains(u"Status: failed"), qPrintable(m_panel->statusText()));
    const QString notes = m_panel->runNotes().join(u'\n');
    QVERIFY2(notes.contains(u"Rollbacks not played") && notes.contains(u"\"default\""),
        qPrintable(notes));
    QVERIFY(steps->details(steps->item(Section::Before, 0)).contains(u"Outside the tolerance"));
}

void TestExperimentPanel::failedMethodActionKeepsCompleted()
{
    const QByteArray json
        = QStringLiteral("{\"title\": \"closed port\", \"method\": [{\"type\": \"action\", "
                         "\"name\": \"call-closed-port\", \"provider\": {\"type\": \"http\", "
                         "\"timeout\": 5, \"url\": \"http://127.0.0.1:%1/\"}}]}")
              .arg(freePort())
              .toUtf8();
    makePanel();
    QVERIFY(m_panel->openFile(writeExperiment(QStringLiteral("closed.json"), json)));
    m_panel->runAll();
    QVERIFY(waitRunEnded());

    QCOMPARE(m_panel->stepList()->state(Section::Method, 0), State::Failed);
    QVERIFY2(
        m_panel->statusText().contains(u"Status: completed"), qPrintable(m_panel->statusText()));
    const QString notes = m_panel->runNotes().join(u'\n');
    QVERIFY2(notes.contains(u"does not fail an experiment"), qPrintable(notes));
    const QString details
        = m_panel->stepList()->details(m_panel->stepList()->item(Section::Method, 0));
    QVERIFY2(details.contains(u"does not fail an experiment"), qPrintable(details));
}

void TestExperimentPanel::processNeedsConfirmation()
{
    const QByteArray json
        = "{\"title\": \"runs echo\", \"method\": [{\"type\": \"action\", \"name\": \"say\", "
          "\"provider\": {\"type\": \"process\", \"path\": \"/bin/echo\", "
          "\"arguments\": \"hello ${who}\"}}], \"configuration\": {\"who\": \"lab\"}}";
    makePanel();
    QVERIFY(m_panel->openFile(writeExperiment(QStringLiteral("echo.json"), json)));

    m_panel->runAll();
    QCOMPARE(m_confirmations.size(), 1);
    QCOMPARE(m_confirmations.first().details, u"/bin/echo hello lab");
    QTest::qWait(50);
    QVERIFY(!m_panel->isRunning());
    QVERIFY(!m_panel->journal());
    QVERIFY2(m_panel->statusText().contains(u"permission"), qPrintable(m_panel->statusText()));
    QCOMPARE(m_panel->stepList()->state(Section::Method, 0), State::Pending);

    m_acceptConfirmations = true;
    m_panel->runAll();
    QTRY_VERIFY(m_panel->journal().has_value());
    const auto journal = m_panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["run"][0]["output"]["stdout"].get<std::string>()),
        u"hello lab\n");
    QCOMPARE(m_panel->stepList()->state(Section::Method, 0), State::Succeeded);
}

void TestExperimentPanel::invalidMapLineIsRejected()
{
    makePanel();
    QVERIFY(m_panel->openFile(latencyExperiment));
    ExperimentSettingsForm* form = m_panel->settingsForm();
    form->mapsEdit()->setPlainText(QStringLiteral("toxiproxy=127.0.0.1\nnot a map"));
    QVERIFY(!form->errorLabel()->isHidden());
    QVERIFY2(form->errorLabel()->text().startsWith(u"Map line 2 \"not a map\""),
        qPrintable(form->errorLabel()->text()));
    m_panel->runAll();
    QVERIFY(!m_panel->isRunning());
    QVERIFY(m_panel->statusText().contains(u"Map line 2"));

    // The settings are kept per file and come back when the file is opened again.
    form->strategyBox()->setCurrentIndex(form->strategyBox()->findData(QStringLiteral("always")));
    emit form->strategyBox()->activated(form->strategyBox()->currentIndex());
    m_panel.reset();
    makePanel();
    QVERIFY(m_panel->openFile(latencyExperiment));
    QCOMPARE(m_panel->settingsForm()->mapsEdit()->toPlainText(), u"toxiproxy=127.0.0.1\nnot a map");
    QCOMPARE(m_panel->settingsForm()->strategyBox()->currentData().toString(), u"always");
}

void TestExperimentPanel::loadErrorNamesFileAndActivity()
{
    const QByteArray json
        = "{\"title\": \"typo\", \"method\": [{\"type\": \"action\", \"name\": \"add-latency\", "
          "\"provider\": {\"type\": \"python\", \"module\": \"chaostoxi.toxic.actions\", "
          "\"func\": \"create_latncy_toxic\", \"arguments\": {}}}]}";
    makePanel();
    QVERIFY(!m_panel->openFile(writeExperiment(QStringLiteral("typo.json"), json)));
    QString visibleText;
    for (auto* label : m_panel->findChildren<QLabel*>()) {
        if (label->isVisible())
            visibleText += label->text() + u'\n';
    }
    QVERIFY2(visibleText.contains(u"typo.json") && visibleText.contains(u"add-latency")
            && visibleText.contains(u"create_latncy_toxic"),
        qPrintable(visibleText));
}

// Screen readers announce every control the keyboard can reach by a name.
void TestExperimentPanel::everyControlHasAccessibleName()
{
    makePanel();
    QVERIFY(m_panel->openFile(latencyExperiment));
    int checked = 0;
    for (int tab = 0; tab < 3; ++tab) {
        m_panel->findChild<QTabWidget*>()->setCurrentIndex(tab);
        for (auto* widget : m_panel->findChildren<QWidget*>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus)
                || widget->objectName().startsWith(QStringLiteral("qt_")))
                continue;
            auto* accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(accessible);
            QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                widget->metaObject()->className());
            ++checked;
        }
    }
    QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
}

void TestExperimentPanel::closingMidRunRollsBack()
{
    MainWindow window(ConsoleServer { m_client.get(), m_monitor.get(), ServerKind::BuiltInEngine },
        m_settings.get());
    window.show();
    m_monitor->start();
    ExperimentPanel* panel = window.experimentPanel();
    QVERIFY(panel->openFile(latencyExperiment));
    ExperimentSettingsForm* form = panel->settingsForm();
    // The preset finds the demo service behind the engine's demo_api proxy.
    QTRY_VERIFY(m_monitor->findProxy(u"demo_api") != nullptr);
    form->presetButton()->click();
    const QString demo = QString::fromStdString(m_engine->demoServiceAddress());
    QVERIFY2(form->mapsEdit()->toPlainText().contains(u"http://" + demo),
        qPrintable(form->mapsEdit()->toPlainText()));
    form->mapsEdit()->appendPlainText(
        QStringLiteral("toxiproxy:6060=127.0.0.1:%1").arg(freePort()));
    // Under "default", chaostoolkit plays no rollbacks after an interrupt.
    form->strategyBox()->setCurrentIndex(form->strategyBox()->findData(QStringLiteral("always")));

    panel->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->findProxy(u"jsonplaceholder_proxy")
            && !m_monitor->findProxy(u"jsonplaceholder_proxy")->toxics.isEmpty(),
        RunDeadlineMs);

    window.close();
    QVERIFY(window.isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), RunDeadlineMs);
    const auto journal = panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["status"].get<std::string>()), u"interrupted");
    QCOMPARE(journalStates(journal["rollbacks"]),
        QStringList({ QStringLiteral("succeeded"), QStringLiteral("succeeded") }));
    m_monitor->refreshNow();
    QTRY_VERIFY(m_monitor->findProxy(u"jsonplaceholder_proxy") == nullptr);
}

// Under "default", chaostoolkit plays no rollbacks after an interrupt; the window still
// restores the proxy and toxic that the experiment created before it closes.
void TestExperimentPanel::closingMidRunRestoresJournal()
{
    MainWindow window(ConsoleServer { m_client.get(), m_monitor.get(), ServerKind::BuiltInEngine },
        m_settings.get());
    window.show();
    m_monitor->start();
    ExperimentPanel* panel = window.experimentPanel();
    QVERIFY(panel->openFile(latencyExperiment));
    ExperimentSettingsForm* form = panel->settingsForm();
    QTRY_VERIFY(m_monitor->findProxy(u"demo_api") != nullptr);
    form->presetButton()->click();
    form->mapsEdit()->appendPlainText(
        QStringLiteral("toxiproxy:6060=127.0.0.1:%1").arg(freePort()));
    QCOMPARE(form->strategyBox()->currentData().toString(), u"default");

    panel->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_monitor->findProxy(u"jsonplaceholder_proxy")
            && !m_monitor->findProxy(u"jsonplaceholder_proxy")->toxics.isEmpty(),
        RunDeadlineMs);

    window.close();
    QVERIFY(window.isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), RunDeadlineMs);
    const auto journal = panel->journal()->toJson();
    QCOMPARE(QString::fromStdString(journal["status"].get<std::string>()), u"interrupted");
    QVERIFY(journal["rollbacks"].empty());
    QVERIFY(!serverProxy(QStringLiteral("jsonplaceholder_proxy")).has_value());

    bool logged = false;
    const EventLogModel* log = window.eventLog();
    for (int row = 0; row < log->rowCount(); ++row)
        logged = logged || log->entry(row).message.startsWith(u"Restored after the run:");
    QVERIFY(logged);
    const QDir folder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY(folder.exists(QStringLiteral("rollback")));
    QCOMPARE(QDir(folder.filePath(QStringLiteral("rollback")))
                 .entryList({ QStringLiteral("*.json") }, QDir::Files),
        QStringList());
}

// The experiment adds a toxic to a proxy that existed before and has no rollback for it.
void TestExperimentPanel::runRestoresWhatRollbacksMissed()
{
    QVERIFY(createServerProxy(QStringLiteral("user_db")));
    makePanel();
    QVERIFY(m_panel->openFile(writeToxicExperiment(QStringLiteral("user_db"))));
    QSignalSpy notices(m_panel.get(), &ExperimentPanel::notice);
    m_panel->runAll();
    QVERIFY(waitRunEnded());

    QCOMPARE(m_panel->stepList()->state(Section::Method, 0), State::Succeeded);
    const auto proxy = serverProxy(QStringLiteral("user_db"));
    QVERIFY(proxy.has_value());
    QVERIFY(proxy->toxics.isEmpty());
    const QString notes = m_panel->runNotes().join(u'\n');
    QVERIFY2(notes.contains(u"Restored after the run: ") && notes.contains(u"stuck")
            && notes.contains(u"user_db"),
        qPrintable(notes));
    bool logged = false;
    for (const QList<QVariant>& notice : std::as_const(notices))
        logged = logged || notice.at(0).toString().startsWith(u"Restored after the run: ");
    QVERIFY(logged);
    QCOMPARE(rollbackJournals(), QStringList());
}

void TestExperimentPanel::keepChangesLeavesToxic()
{
    QVERIFY(createServerProxy(QStringLiteral("user_db")));
    makePanel();
    const QString path = writeToxicExperiment(QStringLiteral("user_db"));
    QVERIFY(m_panel->openFile(path));
    QCheckBox* keep = m_panel->settingsForm()->keepChangesBox();
    QVERIFY(!keep->isChecked());
    keep->click();
    QVERIFY(keep->isChecked());
    m_panel->runAll();
    QVERIFY(waitRunEnded());

    const auto proxy = serverProxy(QStringLiteral("user_db"));
    QVERIFY(proxy.has_value());
    QCOMPARE(proxy->toxics.size(), 1);
    QCOMPARE(proxy->toxics.first().name, u"stuck");
    const QString notes = m_panel->runNotes().join(u'\n');
    QVERIFY2(notes.contains(u"changes were kept"), qPrintable(notes));
    QVERIFY2(!notes.contains(u"Restored after the run"), qPrintable(notes));
    QCOMPARE(rollbackJournals(), QStringList());

    // The check box is saved for this file only.
    m_panel.reset();
    makePanel();
    QVERIFY(m_panel->openFile(path));
    QVERIFY(m_panel->settingsForm()->keepChangesBox()->isChecked());
    QVERIFY(m_panel->openFile(latencyExperiment));
    QVERIFY(!m_panel->settingsForm()->keepChangesBox()->isChecked());
}

// A journal folder below a regular file cannot be created, so nothing can be recorded.
void TestExperimentPanel::unrecordedChangeIsNotSent()
{
    QVERIFY(createServerProxy(QStringLiteral("user_db")));
    makePanel();
    const QString blocker = writeExperiment(QStringLiteral("not-a-folder"), "x");
    m_panel->setRollbackFolder(blocker + QStringLiteral("/rollback"));
    QVERIFY(m_panel->openFile(writeToxicExperiment(QStringLiteral("user_db"))));
    m_panel->runAll();
    QVERIFY(waitRunEnded());

    ExperimentStepList* steps = m_panel->stepList();
    QCOMPARE(steps->state(Section::Method, 0), State::Failed);
    const QString details = steps->details(steps->item(Section::Method, 0));
    QVERIFY2(details.contains(u"cannot write rollback journal"), qPrintable(details));
    const auto proxy = serverProxy(QStringLiteral("user_db"));
    QVERIFY(proxy.has_value());
    QVERIFY(proxy->toxics.isEmpty());
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (!QDir(fixtures).exists()) {
        std::printf("SKIP: %s is absent; these tests need the academy's experiment fixtures\n",
            qPrintable(fixtures));
        return 77;
    }
    TestExperimentPanel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_experimentpanel.moc"
