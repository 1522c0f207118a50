// Plays the bundled lab "toxicity-flaky" through against the built-in engine and its demo
// service, and checks what the lab teaches: a reset_peer toxic with toxicity 0.3 fails about
// 30% of new connections, while a client that keeps its connection fails only until it has
// a connection that escaped the toxic.
#include "labplaythrough.h"

#include "lab/labloader.h"

#include "builtinengine.h"
#include "probes/proberunner.h"

#include <QDateTime>
#include <QTest>

using namespace chaoslab;

namespace {

constexpr qint64 SecondMs = 1000;
// The lab's probe makes 10 attempts a second; 80 of them put 0.3 within about three standard
// deviations (0.05 each) of the bounds below.
constexpr int SampleAttempts = 80;
constexpr double MinFailedShare = 0.15;
constexpr double MaxFailedShare = 0.45;
constexpr int KeepAliveAttempts = 30;
// A keep-alive client fails while each new connection is reset, with a chance of 0.3 each, so
// more failures than this in a row happen with a chance of 0.3^7, about 0.02%.
constexpr int MaxKeepAliveFailures = 6;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QUrl withPort(const QString& url, int port)
{
    QUrl rewritten(url);
    rewritten.setPort(port);
    return rewritten;
}

} // namespace

class TestToxicityLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void playsThrough();

private:
    // Checks the failed share over SampleAttempts attempts of the lab's probe.
    void checkFailedShare(const lab::LabSession& session);
    // Runs a keep-alive probe through the flaky proxy.
    void checkKeepAliveClient(const lab::LabSession& session);

    host::BuiltInEngine m_engine;
    lab::LabDocument m_lab;
};

void TestToxicityLab::initTestCase()
{
    const lab::LabLoadResult loaded
        = lab::loadLabFile(QStringLiteral(BUNDLED_LABS "/toxicity-flaky.json"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
    m_lab = loaded.lab;
    const auto error = m_engine.start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
    QVERIFY2(!m_engine.demoProxyAddress().empty(), "the demo service or its proxy did not start");

    // The engine's demo proxy is the lab's demo_api wherever it listens, so the test does not
    // depend on ports 18080 and 18081 being free.
    const QString proxyAddress = QString::fromStdString(m_engine.demoProxyAddress());
    const QString serviceAddress = QString::fromStdString(m_engine.demoServiceAddress());
    QCOMPARE(m_lab.proxies.size(), 1);
    QCOMPARE(m_lab.proxies[0].name, QStringLiteral("demo_api"));
    m_lab.proxies[0].listen = proxyAddress;
    m_lab.proxies[0].upstream = serviceAddress;
    m_lab.services[0].address = serviceAddress;
    m_lab.probes[0].url
        = withPort(m_lab.probes[0].url, proxyAddress.section(u':', -1).toInt()).toString();
}

void TestToxicityLab::checkFailedShare(const lab::LabSession& session)
{
    const qint64 from = nowMs() + SecondMs;
    const bool sampled = QTest::qWaitFor(
        [&] { return labtest::attemptsSince(session, u"api"_qs, from).attempts >= SampleAttempts; },
        labtest::StepDeadlineMs);
    const probes::ProbeSummary summary = labtest::attemptsSince(session, u"api"_qs, from);
    const QString outcomes = labtest::describeOutcomes(summary);
    qInfo("flaky: %s", qPrintable(outcomes));
    QVERIFY2(sampled, qPrintable(outcomes));
    QVERIFY2(summary.errorRate() >= MinFailedShare, qPrintable(outcomes));
    QVERIFY2(summary.errorRate() <= MaxFailedShare, qPrintable(outcomes));
    QVERIFY2(summary.outcomes[int(probes::ProbeOutcome::Reset)] == summary.errors(),
        qPrintable(outcomes));
}

void TestToxicityLab::checkKeepAliveClient(const lab::LabSession& session)
{
    probes::ProbeSpec spec = session.probe(u"api"_qs)->spec();
    spec.id = u"keep-alive"_qs;
    spec.keepAlive = true;
    probes::ProbeRunner runner(spec);
    QList<probes::ProbeOutcome> outcomes;
    connect(&runner, &probes::ProbeRunner::attemptFinished, this,
        [&outcomes](const probes::ProbeAttempt& attempt) { outcomes.append(attempt.outcome); });
    runner.start();
    QVERIFY(QTest::qWaitFor(
        [&] { return outcomes.size() >= KeepAliveAttempts; }, labtest::StepDeadlineMs));
    runner.stop();

    const qsizetype firstOk = outcomes.indexOf(probes::ProbeOutcome::Ok);
    qInfo("keep-alive: %lld failed attempts before the first success, %lld attempts",
        qlonglong(firstOk), qlonglong(outcomes.size()));
    QVERIFY2(firstOk >= 0, "no attempt of the keep-alive probe succeeded");
    QVERIFY2(firstOk <= MaxKeepAliveFailures, qPrintable(QString::number(firstOk)));
    // Once a kept connection escaped the toxic, every later attempt reuses it.
    for (qsizetype index = firstOk; index < outcomes.size(); ++index)
        QVERIFY2(outcomes[index] == probes::ProbeOutcome::Ok, qPrintable(QString::number(index)));
}

void TestToxicityLab::playsThrough()
{
    labtest::playThroughOnEngine(
        m_lab, m_engine, [this](const lab::LabStep& step, lab::LabSession& session) {
            if (step.id != u"flaky")
                return;
            checkFailedShare(session);
            if (!QTest::currentTestFailed())
                checkKeepAliveClient(session);
        });
}

QTEST_GUILESS_MAIN(TestToxicityLab)
#include "tst_toxicitylab.moc"
