// Runs the academy's HTTP-API experiments unchanged and offline: the in-process demo service
// replaces jsonplaceholder.typicode.com, the runner starts the built-in engine on a free
// loopback port, and --map style entries send every name to 127.0.0.1. The journals must have
// the keys of real chaostoolkit journals and the statuses chaostoolkit gives.
#include "chaostoolkit/experimentloader.h"
#include "chaostoolkit/experimentrunner.h"

#include "demoservice.h"

#include "jsoncompare.h"
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>

#include <QTest>

#include <cstdio>

using namespace chaoslab::chaostoolkit;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString fixtures = QStringLiteral(CHAOSTOOLKIT_FIXTURES);

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

Json keysOf(const Json& object)
{
    Json keys = Json::array();
    for (const auto& [key, value] : object.items())
        keys.push_back(key);
    return keys;
}

Json fixtureJournal()
{
    QFile file(fixtures + u"/journals/mysql-02.04-journal.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    return Json::parse(file.readAll().toStdString());
}

} // namespace

class TestExperimentRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFixtureExperimentLoads();
    void httpExperiment_data();
    void httpExperiment();
    void deviationSkipsDefaultRollbacks_data();
    void deviationSkipsDefaultRollbacks();
    void interruptStopsTheMethod();

private:
    struct Run
    {
        std::unique_ptr<ExperimentRunner> runner;
        QStringList log;
    };

    std::unique_ptr<ExperimentRunner> makeRunner(
        const Experiment& experiment, std::optional<RollbackStrategy> strategy, QStringList* log);
    bool waitFinished(ExperimentRunner& runner, int timeoutMs);

    chaoslab::demo::DemoService m_demo;
};

void TestExperimentRun::initTestCase()
{
    const auto error = m_demo.listen("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
}

void TestExperimentRun::everyFixtureExperimentLoads()
{
    int count = 0;
    for (const auto* folder : { "01-http-api", "02-mysql" }) {
        const QDir dir(fixtures + u'/' + QString::fromLatin1(folder));
        for (const auto& name : dir.entryList({ u"*.json"_s }, QDir::Files)) {
            const auto result = ExperimentLoader::loadFile(dir.filePath(name));
            QVERIFY2(result.experiment, result.error.c_str());
            ++count;
        }
    }
    QCOMPARE(count, 15);
}

std::unique_ptr<ExperimentRunner> TestExperimentRun::makeRunner(
    const Experiment& experiment, std::optional<RollbackStrategy> strategy, QStringList* log)
{
    const auto apiPort = QString::number(freePort());
    const auto proxyPort = QString::number(freePort());
    const auto demoPort = QString::number(m_demo.port());
    std::map<std::string, Json> vars;
    Configuration::parseVar("toxiproxy_port=" + apiPort.toStdString(), vars);

    RunContext context;
    if (auto error = Configuration::load(experiment, vars, context.configuration))
        qWarning("%s", error->c_str());
    const QStringList maps { u"toxiproxy:6060=127.0.0.1:"_s + proxyPort, u"toxiproxy=127.0.0.1"_s,
        u"jsonplaceholder.typicode.com:80=127.0.0.1:"_s + demoPort,
        u"https://jsonplaceholder.typicode.com=http://127.0.0.1:"_s + demoPort };
    for (const auto& entry : maps) {
        if (auto error = context.addressMap.add(entry))
            qWarning("%s", error->c_str());
    }
    context.log = [log](LogLevel level, const std::string& message) {
        log->append(QString::fromStdString(formatLogLine(level, message)));
    };
    return std::make_unique<ExperimentRunner>(
        experiment, std::move(context), RunOptions { strategy, true });
}

bool TestExperimentRun::waitFinished(ExperimentRunner& runner, int timeoutMs)
{
    QSignalSpy finished(&runner, &ExperimentRunner::finished);
    runner.start();
    return finished.wait(timeoutMs);
}

void TestExperimentRun::httpExperiment_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("methodProbeSucceeds");
    QTest::addColumn<double>("minimumProbeSeconds");
    QTest::addColumn<double>("maximumProbeSeconds");
    QTest::newRow("01.02 proxy only")
        << u"01.02-add-proxy-and-hit-dummy-api.json"_s << true << 0.0 << 3.0;
    // Latency 3000 ms with jitter 2000 ms delays the response by 1 to 5 s.
    QTest::newRow("01.03 latency") << u"01.03-add-toxic-latency.json"_s << true << 0.95 << 8.0;
    QTest::newRow("01.04 bandwidth")
        << u"01.04-add-toxic-bandwidth-degradation.json"_s << true << 0.0 << 5.0;
    QTest::newRow("01.05 slow close")
        << u"01.05-add-toxic-slow-connection-close.json"_s << true << 0.0 << 5.0;
    // The timeout toxic drops the response, so the 5 s provider timeout fails the probe.
    QTest::newRow("01.06 timeout") << u"01.06-add-toxic-timeout.json"_s << false << 4.9 << 9.0;
    QTest::newRow("01.07 slicer") << u"01.07-add-toxic-slicer.json"_s << true << 0.0 << 5.0;
    QTest::newRow("01.08 limiter") << u"01.08-add-toxic-limiter.json"_s << true << 0.0 << 5.0;
}

void TestExperimentRun::httpExperiment()
{
    QFETCH(QString, file);
    QFETCH(bool, methodProbeSucceeds);
    QFETCH(double, minimumProbeSeconds);
    QFETCH(double, maximumProbeSeconds);
    const auto loaded = ExperimentLoader::loadFile(fixtures + u"/01-http-api/"_s + file);
    QVERIFY2(loaded.experiment, loaded.error.c_str());

    QStringList log;
    auto runner = makeRunner(*loaded.experiment, std::nullopt, &log);
    const bool finished = waitFinished(*runner, 30000);
    const auto journal = runner->journal().toJson();
    QVERIFY2(finished, qPrintable(log.join(u'\n')));
    QVERIFY2(log.filter(u"started Chaos Lab's built-in engine"_s).size() == 1,
        qPrintable(log.join(u'\n')));

    COMPARE_JSON(journal["status"], Json("completed"));
    COMPARE_JSON(journal["deviated"], Json(false));
    COMPARE_JSON(journal["steady_states"]["before"]["steady_state_met"], Json(true));
    COMPARE_JSON(journal["steady_states"]["after"]["steady_state_met"], Json(true));

    const auto& run = journal["run"];
    QCOMPARE(run.size(), loaded.experiment->method.size());
    COMPARE_JSON(run[0]["output"], Json(true));
    for (std::size_t i = 0; i + 1 < run.size(); ++i)
        COMPARE_JSON(run[i]["status"], Json("succeeded"));
    const auto& probe = run.back();
    COMPARE_JSON(probe["status"], Json(methodProbeSucceeds ? "succeeded" : "failed"));
    if (methodProbeSucceeds)
        COMPARE_JSON(probe["output"]["status"], Json(200));
    else
        QVERIFY2(probe["exception"].dump().find("took too long") != std::string::npos,
            probe["exception"].dump().c_str());
    const double seconds = probe["duration"].get<double>();
    QVERIFY2(seconds >= minimumProbeSeconds && seconds <= maximumProbeSeconds,
        qPrintable(QString::number(seconds)));

    const auto& rollbacks = journal["rollbacks"];
    QCOMPARE(rollbacks.size(), loaded.experiment->rollbacks.size());
    for (const auto& rollback : rollbacks)
        COMPARE_JSON(rollback["status"], Json("succeeded"));
    if (rollbacks.size() == 2)
        COMPARE_JSON(rollbacks[0]["output"], Json(true));
    COMPARE_JSON(rollbacks.back()["output"], Json());

    const Json reference = fixtureJournal();
    COMPARE_JSON(keysOf(journal), keysOf(reference));
    COMPARE_JSON(keysOf(journal["steady_states"]), keysOf(reference["steady_states"]));
    COMPARE_JSON(keysOf(journal["steady_states"]["before"]["probes"][0]),
        keysOf(reference["steady_states"]["before"]["probes"][0]));
    COMPARE_JSON(keysOf(run[0]), keysOf(reference["run"][0]));
    COMPARE_JSON(keysOf(rollbacks[0]), keysOf(reference["rollbacks"][0]));
    COMPARE_JSON(keysOf(run[0]["activity"]), keysOf(loaded.experiment->method[0].raw));
}

// The hypothesis expects no proxy named "probe_me"; the method creates one, so the steady
// state deviates after the method.
void TestExperimentRun::deviationSkipsDefaultRollbacks_data()
{
    QTest::addColumn<std::optional<RollbackStrategy>>("strategy");
    QTest::addColumn<int>("rollbacks");
    QTest::newRow("default skips rollbacks") << std::optional<RollbackStrategy>() << 0;
    QTest::newRow("deviated plays rollbacks") << std::optional(RollbackStrategy::Deviated) << 1;
}

void TestExperimentRun::deviationSkipsDefaultRollbacks()
{
    QFETCH(std::optional<RollbackStrategy>, strategy);
    QFETCH(int, rollbacks);
    const auto exists
        = "{\"type\": \"probe\", \"name\": \"no-proxy\", \"tolerance\": false, \"provider\": "
          "{\"type\": \"python\", \"module\": \"chaostoxi.proxy.probes\", \"func\": "
          "\"proxy_exist\", \"arguments\": {\"proxy_name\": \"probe_me\"}}}";
    const std::string text
        = "{\"title\": \"deviation\", \"configuration\": {\"toxiproxy_host\": \"toxiproxy\"}, "
          "\"steady-state-hypothesis\": {\"title\": \"no proxy\", \"probes\": ["
        + std::string(exists)
        + "]}, \"method\": [{\"type\": \"action\", \"name\": \"create\", \"provider\": {\"type\": "
          "\"python\", \"module\": \"chaostoxi.proxy.actions\", \"func\": \"create_proxy\", "
          "\"arguments\": { \"proxy_name\": \"probe_me\", \"upstream_host\": \"127.0.0.1\", "
          "\"upstream_port\": 9}}}], \"rollbacks\": [{\"type\": \"action\", \"name\": \"delete\", "
          "\"provider\": {\"type\": \"python\", \"module\": \"chaostoxi.proxy.actions\", \"func\": "
          "\"delete_proxy\", \"arguments\": {\"proxy_name\": \"probe_me\"}}}]}";
    const auto loaded = ExperimentLoader::parse(text, "deviation.json");
    QVERIFY2(loaded.experiment, loaded.error.c_str());

    QStringList log;
    auto runner = makeRunner(*loaded.experiment, strategy, &log);
    QVERIFY2(waitFinished(*runner, 15000), qPrintable(log.join(u'\n')));
    const auto journal = runner->journal().toJson();
    COMPARE_JSON(journal["status"], Json("failed"));
    COMPARE_JSON(journal["deviated"], Json(true));
    COMPARE_JSON(journal["steady_states"]["before"]["steady_state_met"], Json(true));
    COMPARE_JSON(journal["steady_states"]["after"]["steady_state_met"], Json(false));
    COMPARE_JSON(journal["steady_states"]["after"]["probes"][0]["tolerance_met"], Json(false));
    QCOMPARE(int(journal["rollbacks"].size()), rollbacks);
    if (rollbacks == 0)
        QVERIFY(!log.filter(u"--rollback-strategy always"_s).isEmpty());
}

void TestExperimentRun::interruptStopsTheMethod()
{
    const auto loaded
        = ExperimentLoader::loadFile(fixtures + u"/01-http-api/01.03-add-toxic-latency.json"_s);
    QVERIFY2(loaded.experiment, loaded.error.c_str());
    QStringList log;
    auto runner = makeRunner(*loaded.experiment, RollbackStrategy::Always, &log);
    QSignalSpy finished(runner.get(), &ExperimentRunner::finished);
    QSignalSpy paused(runner.get(), &ExperimentRunner::pauseStarted);
    runner->start();
    QVERIFY(paused.wait(10000));
    QCOMPARE(paused.first().at(0).toString(), u"create-proxy"_s);
    runner->interrupt();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

    const auto journal = runner->journal().toJson();
    COMPARE_JSON(journal["status"], Json("interrupted"));
    // The interrupted activity is dropped from the journal, as chaostoolkit drops it.
    QCOMPARE(journal["run"].size(), std::size_t(0));
    COMPARE_JSON(journal["steady_states"]["after"], Json());
    QCOMPARE(journal["rollbacks"].size(), std::size_t(2));
    // The proxy was created before the interrupt, so the rollback deleted it.
    COMPARE_JSON(journal["rollbacks"][1]["status"], Json("succeeded"));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (!QDir(fixtures).exists()) {
        std::printf("SKIP: %s is absent; these tests need the academy's experiment fixtures\n",
            qPrintable(fixtures));
        return 77;
    }
    TestExperimentRun test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_experimentrun.moc"
