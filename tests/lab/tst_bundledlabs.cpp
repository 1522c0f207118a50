// Plays each bundled lab through against the built-in engine and its demo service, as a
// participant pressing "Do it for me", choosing the correct answers and confirming: every step must
// complete with its checks passing, and finishing must leave the server as it was.
#include "lab/labloader.h"
#include "lab/labsession.h"

#include "builtinengine.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chaoslab;
using lab::LabSession;

namespace {

// Probe checks need a few seconds of samples each.
constexpr int StepDeadlineMs = 20000;

QString labPath(const QString& name)
{
    return QStringLiteral(BUNDLED_LABS "/%1.json").arg(name);
}

} // namespace

class TestBundledLabs : public QObject
{
    Q_OBJECT

private slots:
    void playsThrough_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("latency-jitter") << QStringLiteral("latency-jitter");
    }

    void playsThrough()
    {
        QFETCH(QString, name);
        const lab::LabLoadResult loaded = lab::loadLabFile(labPath(name));
        QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));

        host::BuiltInEngine engine;
        const auto error = engine.start("127.0.0.1", 0);
        QVERIFY2(!error, error ? error->c_str() : "");
        // The bundled labs name the demo service and its proxy by their fixed ports.
        if (engine.demoProxyAddress() != "127.0.0.1:18080"
            || engine.demoServiceAddress() != "127.0.0.1:18081")
            QSKIP("ports 18080 and 18081 are taken by another program, so the demo service "
                  "could not listen where the bundled labs expect it");

        toxiproxy::ToxiproxyClient client(
            QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(engine.apiAddress()))));
        toxiproxy::ServerMonitor monitor(&client);
        monitor.start();
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(monitor.findProxy(u"demo_api") != nullptr, 5000);
        const toxiproxy::Proxy before = *monitor.findProxy(u"demo_api");

        LabSession session(loaded.lab, &client, &monitor, data.path());
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), LabSession::State::Running, 5000);
        for (int index = 0; index < loaded.lab.steps.size(); ++index) {
            session.goToStep(index);
            const lab::LabStep& step = loaded.lab.steps[index];
            if (!step.actions.isEmpty()) {
                QSignalSpy finished(&session, &LabSession::actionsFinished);
                session.performActions();
                QVERIFY(finished.wait(StepDeadlineMs));
                QVERIFY2(finished.first().at(1).toBool(), qPrintable(step.id));
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
            QVERIFY2(complete, qPrintable(step.id + QStringLiteral(": ") + checks.join(u"; ")));
        }

        QSignalSpy rolledBack(&session, &LabSession::rolledBack);
        session.finish();
        QVERIFY(rolledBack.wait(StepDeadlineMs));
        const auto report = rolledBack.first().first().value<lab::RollbackReport>();
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        monitor.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(*monitor.findProxy(u"demo_api") == before, 5000);
    }
};

QTEST_GUILESS_MAIN(TestBundledLabs)
#include "tst_bundledlabs.moc"
