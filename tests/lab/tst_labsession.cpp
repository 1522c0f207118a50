// A lab played against the built-in engine over real HTTP: proxies created and removed,
// "Do it for me", checks on the server and on a live probe, questions, progress that
// survives a restart, and rollback of the lab's and the participant's changes.
#include "lab/labsession.h"

#include "builtinengine.h"
#include "clienttestsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chaoslab;
using lab::LabSession;
using toxiproxy::Proxy;
using toxiproxy::Toxic;

namespace {

constexpr int SessionDeadlineMs = 10000;

lab::LabText english(const QString& text)
{
    lab::LabText localized;
    localized.byLanguage.insert(QStringLiteral("en"), text);
    return localized;
}

lab::LabAction addLatency(const QString& proxy, qint64 ms)
{
    lab::LabAction action;
    action.kind = lab::LabAction::Kind::AddToxic;
    action.proxy = proxy;
    action.toxic = Toxic { QStringLiteral("lab_latency"), QStringLiteral("latency"),
        toxiproxy::ToxicStream::Downstream, 1.0, { { QStringLiteral("latency"), ms } } };
    return action;
}

lab::LabCheck latencyAtLeast(const QString& proxy, double ms)
{
    lab::LabCheck check;
    check.kind = lab::LabCheck::Kind::Toxic;
    check.proxy = proxy;
    check.toxicType = QStringLiteral("latency");
    check.attributes.insert(QStringLiteral("latency"), lab::LabRange { ms, std::nullopt });
    return check;
}

} // namespace

class TestLabSession : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_engine = std::make_unique<host::BuiltInEngine>();
        const auto error = m_engine->start("127.0.0.1", 0);
        QVERIFY2(!error, error ? error->c_str() : "");
        QVERIFY(!m_engine->demoServiceAddress().empty());
        const QUrl url(
            QStringLiteral("http://%1").arg(QString::fromStdString(m_engine->apiAddress())));
        m_client = std::make_unique<toxiproxy::ToxiproxyClient>(url);
        m_monitor = std::make_unique<toxiproxy::ServerMonitor>(m_client.get());
        m_monitor->start();
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
    }

    void cleanup()
    {
        m_monitor.reset();
        m_client.reset();
        m_engine.reset();
    }

    void actionsCompleteStepAndRollBack()
    {
        auto session = newSession(twoStepLab());
        QVERIFY(startSession(*session));
        QVERIFY(proxy(QStringLiteral("lab_api")).has_value());
        QVERIFY(!session->isStepComplete(0));

        QSignalSpy completed(session.get(), &LabSession::stepCompleted);
        session->performActions();
        QVERIFY(completed.wait(SessionDeadlineMs));
        QCOMPARE(completed.first().first().toInt(), 0);
        QVERIFY(session->checkResults().value(0).passed);
        QVERIFY(proxy(QStringLiteral("lab_api"))->findToxic(u"lab_latency"));

        const lab::RollbackReport report = endSession(*session, true);
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        // The lab created lab_api, so rolling back removes it again.
        QVERIFY(!proxy(QStringLiteral("lab_api")).has_value());
        QVERIFY(QDir(m_folder->filePath(QStringLiteral("rollback"))).isEmpty());
    }

    void participantChangesAreRolledBack()
    {
        lab::LabDocument lab = twoStepLab();
        lab.proxies = { { QStringLiteral("demo_api"), {}, {} } };
        lab.steps[0].actions = { addLatency(QStringLiteral("demo_api"), 300) };
        lab.steps[0].checks = { latencyAtLeast(QStringLiteral("demo_api"), 200) };
        const Proxy before = proxy(QStringLiteral("demo_api")).value();

        auto session = newSession(lab);
        QVERIFY(startSession(*session));
        // A change by hand, as from the window's sliders: it is undone too.
        QVERIFY(createToxic(QStringLiteral("demo_api"),
            Toxic { QStringLiteral("by_hand"), QStringLiteral("timeout"),
                toxiproxy::ToxicStream::Upstream, 1.0, { { QStringLiteral("timeout"), 0 } } }));
        QSignalSpy finished(session.get(), &LabSession::actionsFinished);
        session->performActions();
        QVERIFY(finished.wait(SessionDeadlineMs));

        const lab::RollbackReport report = endSession(*session, false);
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        QCOMPARE(proxy(QStringLiteral("demo_api")).value(), before);
    }

    void probeCheckFollowsInjectedLatency()
    {
        lab::LabDocument lab = twoStepLab();
        lab.proxies = { { QStringLiteral("demo_api"), {}, {} } };
        const QString listen = QString::fromStdString(m_engine->demoProxyAddress());
        lab.probes = { { QStringLiteral("api"), QStringLiteral("http://%1/health").arg(listen), 100,
            2000 } };
        lab.steps[0].actions = { addLatency(QStringLiteral("demo_api"), 300) };
        lab::LabCheck slow;
        slow.kind = lab::LabCheck::Kind::Probe;
        slow.probe = QStringLiteral("api");
        slow.metric = QStringLiteral("p50");
        slow.range.min = 250;
        slow.seconds = 2;
        lab.steps[0].checks = { slow };

        auto session = newSession(lab);
        QVERIFY(startSession(*session));
        QTest::qWait(1500);
        QVERIFY(!session->isStepComplete(0));
        QSignalSpy completed(session.get(), &LabSession::stepCompleted);
        session->performActions();
        QVERIFY2(
            completed.wait(SessionDeadlineMs), qPrintable(session->checkResults().value(0).status));
        QVERIFY(endSession(*session, false).complete());
    }

    void questionNeedsCorrectAnswer()
    {
        auto session = newSession(twoStepLab());
        QVERIFY(startSession(*session));
        session->goToStep(1);
        QCOMPARE(session->answer(1).in(QStringLiteral("en")), QStringLiteral("No."));
        QVERIFY(!session->isStepComplete(1));
        QCOMPARE(session->answer(0).in(QStringLiteral("en")), QStringLiteral("Yes."));
        QVERIFY(session->isStepComplete(1));
        QVERIFY(endSession(*session, false).complete());
    }

    void progressSurvivesRestart()
    {
        {
            auto session = newSession(twoStepLab());
            QVERIFY(startSession(*session));
            session->goToStep(1);
            session->answer(0);
            QVERIFY(endSession(*session, false).complete());
        }
        auto session = newSession(twoStepLab());
        QCOMPARE(session->currentStep(), 1);
        QVERIFY(session->isStepComplete(1));
        QVERIFY(!session->isStepComplete(0));
    }

    void journalIsWrittenBeforeChanges()
    {
        auto session = newSession(twoStepLab());
        QVERIFY(startSession(*session));
        QSignalSpy finished(session.get(), &LabSession::actionsFinished);
        session->performActions();
        QVERIFY(finished.wait(SessionDeadlineMs));
        const QString journal = session->journalPath();
        // The window is gone without rolling back, as after a crash.
        session.reset();
        QVERIFY(QFile::exists(journal));
        QString error;
        const auto left = lab::RollbackJournal::read(journal, &error);
        QVERIFY2(left, qPrintable(error));
        QCOMPARE(left->entries().size(), 1);
        QVERIFY(!left->entries().first().before.has_value());
    }

    void proxyOnOtherAddressEndsWithProblem()
    {
        // The lab expects lab_api on a fixed port, but the server has it elsewhere, as when
        // another program held the port.
        const Proxy moved { QStringLiteral("lab_api"), QStringLiteral("127.0.0.1:0"),
            QString::fromStdString(m_engine->demoServiceAddress()), true, {} };
        auto created = std::make_shared<Outcome<Proxy>>();
        m_client->createProxy(moved, this, recordInto(created));
        QVERIFY(QTest::qWaitFor([&] { return created->called; }, CallDeadlineMs));
        QVERIFY(created->result.ok());
        const QString expected = QStringLiteral("127.0.0.1:%1").arg(unusedPort());
        lab::LabDocument lab = twoStepLab();
        lab.proxies.first().listen = expected;

        auto session = newSession(lab);
        QSignalSpy problem(session.get(), &LabSession::problem);
        session->start();
        QVERIFY(problem.wait(SessionDeadlineMs));
        const QString message = problem.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("listening on ") + expected), qPrintable(message));
        QCOMPARE(session->state(), LabSession::State::Ended);
        // Nothing was changed, so the proxy is as it was.
        QVERIFY(proxy(QStringLiteral("lab_api"))->toxics.isEmpty());
    }

    void unreachableServerEndsWithProblem()
    {
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedPort())));
        auto session = newSession(twoStepLab());
        QSignalSpy problem(session.get(), &LabSession::problem);
        session->start();
        QVERIFY(problem.wait(SessionDeadlineMs));
        QCOMPARE(session->state(), LabSession::State::Ended);
    }

private:
    lab::LabDocument twoStepLab() const
    {
        lab::LabDocument lab;
        lab.id = QStringLiteral("session-test");
        lab.title = english(QStringLiteral("Session test"));
        lab.proxies = { { QStringLiteral("lab_api"), QStringLiteral("127.0.0.1:0"),
            QString::fromStdString(m_engine->demoServiceAddress()) } };
        lab::LabStep slow;
        slow.id = QStringLiteral("slow");
        slow.actions = { addLatency(QStringLiteral("lab_api"), 300) };
        slow.checks = { latencyAtLeast(QStringLiteral("lab_api"), 200) };
        lab::LabStep question;
        question.id = QStringLiteral("question");
        question.question = lab::LabQuestion { english(QStringLiteral("Slow?")),
            { { english(QStringLiteral("Yes")), true, english(QStringLiteral("Yes.")) },
                { english(QStringLiteral("No")), false, english(QStringLiteral("No.")) } } };
        lab.steps = { slow, question };
        return lab;
    }

    std::unique_ptr<LabSession> newSession(const lab::LabDocument& lab)
    {
        return std::make_unique<LabSession>(lab, m_client.get(), m_monitor.get(), m_folder->path());
    }

    bool startSession(LabSession& session)
    {
        QSignalSpy problem(&session, &LabSession::problem);
        session.start();
        const bool running = QTest::qWaitFor(
            [&] { return session.state() == LabSession::State::Running; }, SessionDeadlineMs);
        if (!problem.isEmpty())
            qWarning().noquote() << problem.first().first().toString();
        return running;
    }

    lab::RollbackReport endSession(LabSession& session, bool finished)
    {
        QSignalSpy rolledBack(&session, &LabSession::rolledBack);
        if (finished)
            session.finish();
        else
            session.abort();
        if (!rolledBack.wait(SessionDeadlineMs))
            return { {}, {}, { QStringLiteral("rollback did not finish") } };
        return rolledBack.first().first().value<lab::RollbackReport>();
    }

    std::optional<Proxy> proxy(const QString& name)
    {
        auto outcome = std::make_shared<Outcome<Proxy>>();
        m_client->getProxy(name, this, recordInto(outcome));
        if (!QTest::qWaitFor([&] { return outcome->called; }, CallDeadlineMs)
            || !outcome->result.ok())
            return std::nullopt;
        return outcome->value;
    }

    bool createToxic(const QString& proxyName, const Toxic& toxic)
    {
        auto outcome = std::make_shared<Outcome<Toxic>>();
        m_client->createToxic(proxyName, toxic, this, recordInto(outcome));
        return QTest::qWaitFor([&] { return outcome->called; }, CallDeadlineMs)
            && outcome->result.ok();
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::unique_ptr<toxiproxy::ToxiproxyClient> m_client;
    std::unique_ptr<toxiproxy::ServerMonitor> m_monitor;
};

QTEST_GUILESS_MAIN(TestLabSession)
#include "tst_labsession.moc"
