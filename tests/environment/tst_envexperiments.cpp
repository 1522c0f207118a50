// The academy's MySQL experiments (02.x), run headless with `chaoslab run` against the local
// lab stack from `chaoslab env up`, compared with the journals of the academy's own runs
// against its Docker stack.
#include "envstackclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString fixtures = QStringLiteral(CHAOSLAB_SHARED_DIR) + u"/fixtures/chaostoolkit"_s;

std::optional<EnvStackClient>& stack()
{
    static std::optional<EnvStackClient> client;
    return client;
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString dump(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject runExperiment(const QString& file, const QTemporaryDir& folder, QString& diagnostics)
{
    const auto journal = folder.filePath(QFileInfo(file).baseName() + u".journal.json"_s);
    const auto result
        = stack()->run({ u"run"_s, fixtures + u"/02-mysql/"_s + file, u"--journal"_s, journal,
                           u"--var"_s, u"toxiproxy_port:int=%1"_s.arg(stack()->port(u"api"_s)),
                           u"--map"_s, u"toxiproxy=127.0.0.1"_s, u"--map"_s,
                           u"order-api:8081="_s + stack()->address(u"order_api"_s), u"--map"_s,
                           u"notifier:8082="_s + stack()->address(u"notifier"_s) },
            120000);
    diagnostics = result.diagnostics;
    return readJson(journal);
}

// The create-order call is the method's second activity in every 02.x experiment.
QJsonObject createOrderRun(const QJsonObject& journal)
{
    return journal.value(u"run"_s).toArray().at(1).toObject();
}

int httpStatus(const QJsonObject& run)
{
    return run.value(u"output"_s).toObject().value(u"status"_s).toInt();
}

} // namespace

class TestEnvExperiments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void journalMatchesAcademyRun_data();
    void journalMatchesAcademyRun();
    void otherExperimentCompletes_data();
    void otherExperimentCompletes();

private:
    QTemporaryDir m_journals;
};

void TestEnvExperiments::initTestCase()
{
    QVERIFY(m_journals.isValid());
}

void TestEnvExperiments::journalMatchesAcademyRun_data()
{
    QTest::addColumn<QString>("experiment");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<double>("minSeconds");
    QTest::addColumn<double>("maxSeconds");
    // Latency 3000 ms with 2000 ms jitter delays each MySQL reply by at least 1 s.
    QTest::newRow("02.02 latency")
        << u"02.02-add-mysql-toxic-latency.json"_s << u"mysql-02.02-journal.json"_s << 1.0 << 12.0;
    // The timeout toxic closes the connection after 5000 ms, so the insert fails then.
    QTest::newRow("02.04 timeout")
        << u"02.04-add-mysql-toxic-timeout.json"_s << u"mysql-02.04-journal.json"_s << 4.9 << 10.0;
    QTest::newRow("02.06 slicer") << u"02.06-add-mysql-toxic-slicer.json"_s
                                  << u"mysql-02.06-journal.json"_s << 0.0 << 3.0;
}

void TestEnvExperiments::journalMatchesAcademyRun()
{
    QFETCH(QString, experiment);
    QFETCH(QString, reference);
    QFETCH(double, minSeconds);
    QFETCH(double, maxSeconds);
    const auto expected = readJson(fixtures + u"/journals/"_s + reference);
    QVERIFY2(!expected.isEmpty(), qPrintable(reference));

    QString diagnostics;
    const auto journal = runExperiment(experiment, m_journals, diagnostics);
    QVERIFY2(!journal.isEmpty(), qPrintable(diagnostics));
    QCOMPARE(journal.value(u"status"_s), expected.value(u"status"_s));
    QCOMPARE(journal.value(u"deviated"_s), expected.value(u"deviated"_s));
    for (const auto& phase : { u"before"_s, u"after"_s }) {
        const auto met = [&](const QJsonObject& object) {
            return object.value(u"steady_states"_s)[phase][u"steady_state_met"_s];
        };
        QVERIFY2(met(journal) == met(expected), qPrintable(phase + u": "_s + diagnostics));
    }

    const auto runs = journal.value(u"run"_s).toArray();
    const auto expectedRuns = expected.value(u"run"_s).toArray();
    QCOMPARE(runs.size(), expectedRuns.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QVERIFY2(runs[i][u"status"_s] == expectedRuns[i][u"status"_s], qPrintable(dump(runs[i])));
    }
    const auto rollbacks = journal.value(u"rollbacks"_s).toArray();
    QCOMPARE(rollbacks.size(), expected.value(u"rollbacks"_s).toArray().size());

    const auto order = createOrderRun(journal);
    qInfo("create-order: HTTP %d in %.2f s", httpStatus(order),
        order.value(u"duration"_s).toDouble());
    QCOMPARE(httpStatus(order), httpStatus(createOrderRun(expected)));
    const auto seconds = order.value(u"duration"_s).toDouble();
    QVERIFY2(seconds >= minSeconds, qPrintable(dump(order)));
    QVERIFY2(seconds <= maxSeconds, qPrintable(dump(order)));
}

void TestEnvExperiments::otherExperimentCompletes_data()
{
    QTest::addColumn<QString>("experiment");
    QTest::addColumn<int>("orderStatus");
    // 02.01 has only the steady-state probes: both services answer 200.
    QTest::newRow("02.01 toxiproxy") << u"02.01-add-toxiproxy.json"_s << 0;
    // 1 KB/s toward the order API still carries MySQL's short OK packets within the 20 s.
    QTest::newRow("02.03 bandwidth")
        << u"02.03-add-mysql-toxic-bandwidth-degradation.json"_s << 201;
    // slow_close delays only the close of a connection, which an insert does not wait for.
    QTest::newRow("02.05 slow close") << u"02.05-add-mysql-toxic-slow-close.json"_s << 201;
    // The limiter closes a connection after 1024 bytes toward the order API; one insert on
    // the open connection stays below that.
    QTest::newRow("02.07 limiter") << u"02.07-add-mysql-toxic-limiter.json"_s << 201;
}

void TestEnvExperiments::otherExperimentCompletes()
{
    QFETCH(QString, experiment);
    QFETCH(int, orderStatus);
    QString diagnostics;
    const auto journal = runExperiment(experiment, m_journals, diagnostics);
    QVERIFY2(!journal.isEmpty(), qPrintable(diagnostics));
    QVERIFY2(journal.value(u"status"_s).toString() == u"completed"_s, qPrintable(diagnostics));
    QCOMPARE(journal.value(u"deviated"_s).toBool(), false);
    for (const auto& run : journal.value(u"run"_s).toArray())
        QVERIFY2(run[u"status"_s].toString() == u"succeeded"_s, qPrintable(dump(run)));
    if (orderStatus == 0)
        return;
    const auto order = createOrderRun(journal);
    qInfo("create-order: HTTP %d in %.2f s", httpStatus(order),
        order.value(u"duration"_s).toDouble());
    QCOMPARE(httpStatus(order), orderStatus);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (!QDir(fixtures).exists()) {
        std::printf("SKIP: %s is absent; these tests need the academy's experiments\n",
            qPrintable(fixtures));
        return 77;
    }
    const auto binDir = QFileInfo(QStringLiteral(CHAOSLAB_EXECUTABLE)).absolutePath();
    for (const auto& program : { u"chaoslab-order-api"_s, u"chaoslab-notifier"_s }) {
        if (!QFileInfo(binDir + u'/' + program).isExecutable()) {
            std::printf("SKIP: %s/%s is not built; the experiments need the order system\n",
                qPrintable(binDir), qPrintable(program));
            return 77;
        }
    }
    QString error;
    stack() = EnvStackClient::open(qEnvironmentVariable("CHAOSLAB_ENV_DIR"), error);
    if (!stack()) {
        std::printf("SKIP: %s\n", qPrintable(error));
        return 77;
    }
    TestEnvExperiments test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_envexperiments.moc"
