#include "labplaythrough.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace chaoslab::labtest {

using lab::LabSession;

namespace {

// Performs the step's actions, answers its question and confirms it, as the participant
// would, then waits until its checks pass.
void completeStep(LabSession& session, int index)
{
    const lab::LabStep& step = session.lab().steps[index];
    session.goToStep(index);
    if (!step.actions.isEmpty()) {
        QSignalSpy finished(&session, &LabSession::actionsFinished);
        session.performActions();
        QVERIFY2(finished.wait(StepDeadlineMs), qPrintable(step.id + u": actions timed out"));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(step.id + u": an action failed"));
    }
    if (step.question) {
        for (int choice = 0; choice < step.question->choices.size(); ++choice) {
            if (step.question->choices[choice].correct)
                session.answer(choice);
        }
    }
    if (!step.confirm.isEmpty())
        session.confirmStep();
    const bool complete
        = QTest::qWaitFor([&] { return session.isStepComplete(index); }, StepDeadlineMs);
    QStringList checks;
    for (const lab::CheckResult& result : session.checkResults())
        checks.append(result.status);
    QVERIFY2(complete, qPrintable(step.id + u": " + checks.join(u"; ")));
}

} // namespace

QString bundledLabPath(const QString& name)
{
    return QStringLiteral(BUNDLED_LABS "/%1.json").arg(name);
}

void playThrough(const lab::LabDocument& lab, toxiproxy::ToxiproxyClient* client,
    toxiproxy::ServerMonitor* monitor, const QString& dataFolder,
    const StepCompleted& stepCompleted)
{
    LabSession session(lab, client, monitor, dataFolder);
    QSignalSpy problems(&session, &LabSession::problem);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), LabSession::State::Running, 5000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));

    for (int index = 0; index < lab.steps.size(); ++index) {
        completeStep(session, index);
        if (QTest::currentTestFailed())
            break;
        if (stepCompleted)
            stepCompleted(lab.steps[index], session);
        if (QTest::currentTestFailed())
            break;
    }

    // Finishing rolls back also after a failed step, so the next lab starts clean. After a
    // failed check QSignalSpy::wait returns at once, so qWaitFor runs the event loop here.
    QSignalSpy rolledBack(&session, &LabSession::rolledBack);
    session.finish();
    QVERIFY(QTest::qWaitFor([&] { return !rolledBack.isEmpty(); }, StepDeadlineMs));
    const auto report = rolledBack.first().first().value<lab::RollbackReport>();
    QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
}

void playThroughOnEngine(const lab::LabDocument& lab, const host::BuiltInEngine& engine,
    const StepCompleted& stepCompleted)
{
    toxiproxy::ToxiproxyClient client(
        QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(engine.apiAddress()))));
    toxiproxy::ServerMonitor monitor(&client);
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.findProxy(u"demo_api") != nullptr, 5000);
    const toxiproxy::Proxy before = *monitor.findProxy(u"demo_api");
    QVERIFY(before.toxics.isEmpty());
    QTemporaryDir data;
    QVERIFY(data.isValid());

    playThrough(lab, &client, &monitor, data.path(), stepCompleted);
    if (QTest::currentTestFailed())
        return;

    monitor.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(*monitor.findProxy(u"demo_api") == before, 5000);
}

void playThroughOnFixedPorts(const lab::LabDocument& lab)
{
    host::BuiltInEngine engine;
    const auto error = engine.start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
    if (engine.demoProxyAddress() != "127.0.0.1:18080"
        || engine.demoServiceAddress() != "127.0.0.1:18081")
        QSKIP("ports 18080 and 18081 are taken by another program, so the demo service "
              "could not listen where the bundled labs expect it");
    playThroughOnEngine(lab, engine);
}

probes::ProbeSummary attemptsSince(const LabSession& session, const QString& probe, qint64 fromMs)
{
    const probes::ProbeRunner* runner = session.probe(probe);
    if (!runner)
        return {};
    return runner->statistics().summary(fromMs, std::numeric_limits<qint64>::max());
}

QString describeOutcomes(const probes::ProbeSummary& summary)
{
    QStringList counts;
    for (int index = 0; index < probes::ProbeOutcomeCount; ++index) {
        if (summary.outcomes[index] > 0) {
            counts.append(QStringLiteral("%1 %2")
                              .arg(probes::outcomeName(probes::AllProbeOutcomes[index]))
                              .arg(summary.outcomes[index]));
        }
    }
    return counts.isEmpty() ? QStringLiteral("no attempts") : counts.join(u", ");
}

} // namespace chaoslab::labtest
