// The lab player with real widgets against the built-in engine. A lab from the user's
// folder is started, "Do it for me" completes a step and finishing rolls it back. A missing
// service is reported with how to start it, and a journal left by a crash is restored.
#include "../support/endedrun.h"
#include "lab/labplayerpanel.h"
#include "lab/labstepview.h"

#include "builtinengine.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include "lab/rollbackjournal.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chaoslab;
using ui::LabPlayerPanel;

namespace {

constexpr int DeadlineMs = 10000;

QPushButton* button(QWidget* parent, const QString& text)
{
    for (auto* candidate : parent->findChildren<QPushButton*>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

QString statusText(QWidget* panel)
{
    QStringList texts;
    for (auto* label : panel->findChildren<QLabel*>())
        texts.append(label->text());
    return texts.join(u'\n');
}

} // namespace

class TestLabPlayer : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_engine = std::make_unique<host::BuiltInEngine>();
        const auto error = m_engine->start("127.0.0.1", 0);
        QVERIFY2(!error, error ? error->c_str() : "");
        m_client = std::make_unique<toxiproxy::ToxiproxyClient>(
            QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(m_engine->apiAddress()))));
        m_monitor = std::make_unique<toxiproxy::ServerMonitor>(m_client.get());
        m_monitor->start();
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
    }

    void cleanup()
    {
        m_panel.reset();
        m_monitor.reset();
        m_client.reset();
        m_engine.reset();
    }

    void playsStepAndRollsBack()
    {
        writeLab(QString::fromStdString(m_engine->demoServiceAddress()));
        makePanel();
        QVERIFY(m_panel->selectLab(QStringLiteral("player-test")));
        m_panel->startSelectedLab();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_panel->session()
                    && m_panel->session()->state() == lab::LabSession::State::Running;
            },
            DeadlineMs));
        QVERIFY(statusText(m_panel->stepView()).contains(QStringLiteral("Slow it down")));

        QSignalSpy completed(m_panel->session(), &lab::LabSession::stepCompleted);
        button(m_panel.get(), QStringLiteral("Do it for me"))->click();
        QVERIFY(completed.wait(DeadlineMs));
        QVERIFY(statusText(m_panel->stepView()).contains(QStringLiteral("Done")));

        QSignalSpy ended(m_panel.get(), &LabPlayerPanel::sessionEnded);
        button(m_panel.get(), QStringLiteral("Finish"))->click();
        QVERIFY(ended.wait(DeadlineMs));
        QVERIFY2(
            statusText(m_panel.get()).contains(QStringLiteral("Rolled back lab \"player-test\"")),
            qPrintable(statusText(m_panel.get())));
        QVERIFY(m_monitor->findProxy(u"player_api") == nullptr || waitProxyGone());
    }

    void missingServiceShowsHowToStart()
    {
        writeLab(QStringLiteral("127.0.0.1:1"));
        makePanel();
        QVERIFY(m_panel->selectLab(QStringLiteral("player-test")));
        m_panel->startSelectedLab();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return statusText(m_panel.get()).contains(QStringLiteral("Run the demo service"));
            },
            DeadlineMs));
        QVERIFY(!m_panel->session());
    }

    void proxyElsewhereEndsLabAndFreesStart()
    {
        // player_api exists, but not on the port the lab declares.
        bool created = false;
        const toxiproxy::Proxy existing { QStringLiteral("player_api"),
            QStringLiteral("127.0.0.1:0"), QString::fromStdString(m_engine->demoServiceAddress()),
            true, {} };
        m_client->createProxy(
            existing, this, [&](const toxiproxy::ApiResult& result, const toxiproxy::Proxy&) {
                created = result.ok();
            });
        QVERIFY(QTest::qWaitFor([&] { return created; }, DeadlineMs));
        writeLab(
            QString::fromStdString(m_engine->demoServiceAddress()), QStringLiteral("127.0.0.1:1"));
        makePanel();
        QVERIFY(m_panel->selectLab(QStringLiteral("player-test")));
        QSignalSpy ended(m_panel.get(), &LabPlayerPanel::sessionEnded);
        m_panel->startSelectedLab();
        QVERIFY(ended.wait(DeadlineMs));
        QVERIFY2(
            statusText(m_panel.get())
                .contains(QStringLiteral("needs the proxy player_api listening on 127.0.0.1:1")),
            qPrintable(statusText(m_panel.get())));
        QVERIFY(!m_panel->session());
        QVERIFY(button(m_panel.get(), QStringLiteral("Start lab"))->isEnabled());
        const QDir journals(m_folder->filePath(QStringLiteral("data/rollback")));
        QVERIFY(journals.entryList({ QStringLiteral("*.json") }, QDir::Files).isEmpty());
    }

    void crashJournalIsRestoredAndReported()
    {
        writeLab(QString::fromStdString(m_engine->demoServiceAddress()));
        lab::RollbackJournal journal(
            m_folder->filePath(QStringLiteral("data/rollback/lab-crashed.json")),
            QStringLiteral("lab \"crashed\""), m_client->baseUrl());
        QString error;
        QVERIFY(journal.recordCreatedProxy(QStringLiteral("demo_api"), &error));
        QVERIFY(markWriterEnded(journal.path()));
        makePanel();
        QSignalSpy notice(m_panel.get(), &LabPlayerPanel::notice);
        m_panel->restoreLeftBehind();
        QVERIFY(notice.wait(DeadlineMs));
        QVERIFY2(notice.first().first().toString().contains(
                     QStringLiteral("ended without rolling back")),
            qPrintable(notice.first().first().toString()));
        QVERIFY(!QFile::exists(journal.path()));
    }

    void restoreLeavesRunningLabAlone()
    {
        // A console started with --lab starts the lab before it restores journals left by a
        // crash. The running lab's own journal is not one of them.
        writeLab(QString::fromStdString(m_engine->demoServiceAddress()));
        makePanel();
        QVERIFY(m_panel->selectLab(QStringLiteral("player-test")));
        m_panel->startSelectedLab();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_panel->session()
                    && m_panel->session()->state() == lab::LabSession::State::Running;
            },
            DeadlineMs));
        QSignalSpy completed(m_panel->session(), &lab::LabSession::stepCompleted);
        button(m_panel.get(), QStringLiteral("Do it for me"))->click();
        QVERIFY(completed.wait(DeadlineMs));

        QSignalSpy notice(m_panel.get(), &LabPlayerPanel::notice);
        m_panel->restoreLeftBehind();
        QTest::qWait(500);
        QVERIFY2(notice.isEmpty(), qPrintable(notice.value(0).value(0).toString()));
        m_monitor->refreshNow();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto* proxy = m_monitor->findProxy(u"player_api");
                return proxy && !proxy->toxics.isEmpty();
            },
            DeadlineMs));
        QVERIFY(m_panel->session() != nullptr);
    }

private:
    void writeLab(const QString& upstream, const QString& listen = QStringLiteral("127.0.0.1:0"))
    {
        QFile file(m_folder->filePath(QStringLiteral("labs/player-test.json")));
        QDir().mkpath(m_folder->filePath(QStringLiteral("labs")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // The lab's service and its proxy's upstream are the demo service of this engine.
        QFile lab(QStringLiteral(UI_TEST_DATA "/player-test.json"));
        QVERIFY(lab.open(QIODevice::ReadOnly));
        file.write(lab.readAll()
                       .replace("UPSTREAM", upstream.toUtf8())
                       .replace("127.0.0.1:0", listen.toUtf8()));
    }

    void makePanel()
    {
        m_panel = std::make_unique<LabPlayerPanel>(m_client.get(), m_monitor.get(),
            m_folder->filePath(QStringLiteral("data")),
            QStringList { m_folder->filePath(QStringLiteral("labs")) });
        m_panel->resize(600, 700);
        m_panel->show();
    }

    bool waitProxyGone()
    {
        m_monitor->refreshNow();
        return QTest::qWaitFor(
            [&] { return m_monitor->findProxy(u"player_api") == nullptr; }, DeadlineMs);
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::unique_ptr<toxiproxy::ToxiproxyClient> m_client;
    std::unique_ptr<toxiproxy::ServerMonitor> m_monitor;
    std::unique_ptr<LabPlayerPanel> m_panel;
};

QTEST_MAIN(TestLabPlayer)
#include "tst_labplayer.moc"
