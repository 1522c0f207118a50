// `chaoslab probe` as a process, against the demo HTTP service in this process: the JSON
// summary's keys and counts, the text lines, a stop on SIGINT, and usage errors.
#include "demoservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

class TestProbeCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonSummaryCountsAttempts();
    void refusedAttemptsCountAsErrors();
    void textOutputHasSecondLinesAndSummary();
    void textOutputKeepsEscapedUrl();
    void sigintPrintsSummary();
    void invalidArgumentsExitWithUsageError_data();
    void invalidArgumentsExitWithUsageError();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray output;
        QString errors;
    };

    static Run runProbe(const QStringList& arguments);
    QString healthUrl() const;

    chaoslab::demo::DemoService m_service;
};

namespace {

const QStringList ErrorOutcomes { u"refused"_s, u"closed"_s, u"reset"_s, u"timed_out"_s,
    u"protocol_error"_s, u"auth_failed"_s, u"unexpected_status"_s };

QJsonObject parseObject(const QByteArray& output)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(output, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s: %s", qPrintable(error.errorString()), output.constData());
    return document.object();
}

} // namespace

void TestProbeCommand::initTestCase()
{
    const auto error = m_service.listen("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
}

TestProbeCommand::Run TestProbeCommand::runProbe(const QStringList& arguments)
{
    QProcess process;
    process.start(u"" CHAOSLAB_EXECUTABLE ""_s, QStringList { u"probe"_s } + arguments);
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitCode(), process.readAllStandardOutput(),
        QString::fromLocal8Bit(process.readAllStandardError()) };
}

QString TestProbeCommand::healthUrl() const
{
    return u"http://127.0.0.1:%1/health"_s.arg(m_service.port());
}

void TestProbeCommand::jsonSummaryCountsAttempts()
{
    const auto run = runProbe(
        { healthUrl(), u"--duration"_s, u"2"_s, u"--interval"_s, u"200"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    // Exactly one JSON object and nothing else.
    QCOMPARE(run.output.count('\n'), 1);
    const auto json = parseObject(run.output);
    QCOMPARE(json.keys(),
        (QStringList { u"attempts"_s, u"duration_s"_s, u"error_rate"_s, u"errors"_s,
            u"latency_ms"_s, u"ok"_s, u"url"_s }));
    QCOMPARE(json[u"url"].toString(), healthUrl());

    // Attempts start at 0, 200, ... 1800 ms, and one at 2000 ms may be cut short.
    const int attempts = json[u"attempts"].toInt();
    QVERIFY2(attempts >= 8 && attempts <= 11, run.output.constData());
    QCOMPARE(json[u"ok"].toInt(), attempts);
    QCOMPARE(json[u"error_rate"].toDouble(), 0.0);
    const auto errors = json[u"errors"].toObject();
    QCOMPARE(errors.keys().size(), ErrorOutcomes.size());
    for (const auto& outcome : ErrorOutcomes)
        QCOMPARE(errors[outcome].toInt(-1), 0);

    const auto latency = json[u"latency_ms"].toObject();
    for (const auto* key : { "p50", "p95", "p99", "max" })
        QVERIFY2(latency[QLatin1StringView(key)].toDouble() > 0, key);
    QVERIFY(latency[u"p50"].toDouble() <= latency[u"max"].toDouble());
    const double seconds = json[u"duration_s"].toDouble();
    QVERIFY2(seconds >= 2 && seconds < 4, run.output.constData());
}

void TestProbeCommand::refusedAttemptsCountAsErrors()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    const auto run = runProbe({ u"tcp://127.0.0.1:%1"_s.arg(port), u"--duration"_s, u"1"_s,
        u"--interval"_s, u"250"_s, u"--json"_s });
    QCOMPARE(run.exitCode, 0);
    const auto json = parseObject(run.output);
    const int attempts = json[u"attempts"].toInt();
    QVERIFY2(attempts >= 3, run.output.constData());
    QCOMPARE(json[u"ok"].toInt(), 0);
    QCOMPARE(json[u"errors"].toObject()[u"refused"].toInt(), attempts);
    QCOMPARE(json[u"error_rate"].toDouble(), 1.0);
    QCOMPARE(json[u"latency_ms"].toObject()[u"p50"].toDouble(), 0.0);
}

void TestProbeCommand::textOutputHasSecondLinesAndSummary()
{
    const auto run
        = runProbe({ healthUrl(), u"--duration"_s, u"2.5"_s, u"--interval"_s, u"100"_s });
    QCOMPARE(run.exitCode, 0);
    const auto lines = QString::fromLocal8Bit(run.output).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, run.output.constData());
    QVERIFY2(lines.first().startsWith(u"probing " + healthUrl()), run.output.constData());
    QVERIFY2(lines[1].contains(u"attempts ") && lines[1].contains(u" ms"), run.output.constData());
    const auto summary = lines.indexOf(QRegularExpression(u"--- .*"_s));
    QVERIFY2(summary > 1, run.output.constData());
    QVERIFY2(lines[summary].contains(u"0 errors (0.0%)"), run.output.constData());
    QVERIFY2(lines[summary + 1].contains(u"latency ms  p50 "), run.output.constData());
}

void TestProbeCommand::textOutputKeepsEscapedUrl()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    // "%2F" is the default virtual host "/", escaped as AMQP URLs require.
    const QString url = u"amqp://guest:guest@127.0.0.1:%1/%2F"_s.arg(port);
    const auto run = runProbe({ url, u"--duration"_s, u"1"_s, u"--interval"_s, u"250"_s });
    QCOMPARE(run.exitCode, 0);
    const auto lines = QString::fromLocal8Bit(run.output).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.first().startsWith(u"probing amqp://"), run.output.constData());
    QVERIFY2(lines.first().contains(u"/%2F every 250 ms"), run.output.constData());
    const auto summary = lines.indexOf(QRegularExpression(u"--- .*"_s));
    QVERIFY2(summary > 0, run.output.constData());
    QVERIFY2(lines[summary].contains(u"/%2F: "), run.output.constData());
}

void TestProbeCommand::sigintPrintsSummary()
{
    QProcess process;
    process.start(
        u"" CHAOSLAB_EXECUTABLE ""_s, { u"probe"_s, healthUrl(), u"--interval"_s, u"100"_s });
    QVERIFY(process.waitForStarted());
    // The "probing" line, then the line of the first second.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAll()).count('\n') >= 2, 5000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    output += process.readAll();
    const QByteArray summary = "\n--- " + healthUrl().toUtf8() + ": ";
    QVERIFY2(output.contains(summary), output.constData());
}

void TestProbeCommand::invalidArgumentsExitWithUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option")
        << QStringList { u"tcp://127.0.0.1:9"_s, u"--bogus"_s } << u"bogus"_s;
    QTest::newRow("interval not a number") << QStringList { u"tcp://127.0.0.1:9"_s, u"--interval"_s,
        u"fast"_s } << u"invalid --interval \"fast\""_s;
    QTest::newRow("zero timeout") << QStringList { u"tcp://127.0.0.1:9"_s, u"--timeout"_s, u"0"_s }
                                  << u"invalid --timeout \"0\""_s;
    QTest::newRow("negative duration") << QStringList { u"tcp://127.0.0.1:9"_s, u"--duration"_s,
        u"-1"_s } << u"invalid --duration \"-1\""_s;
    QTest::newRow("missing URL") << QStringList {} << u"missing URL"_s;
    QTest::newRow("port out of range")
        << QStringList { u"tcp://127.0.0.1:99999"_s } << u"port 99999 in"_s;
    QTest::newRow("no scheme") << QStringList { u"127.0.0.1:80"_s } << u"has no scheme"_s;
    QTest::newRow("unknown scheme")
        << QStringList { u"ftp://127.0.0.1/"_s } << u"unknown scheme ftp"_s;
}

void TestProbeCommand::invalidArgumentsExitWithUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto run = runProbe(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(message), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(u"chaoslab probe --help"), qPrintable(run.errors));
    QVERIFY(run.output.isEmpty());
}

QTEST_GUILESS_MAIN(TestProbeCommand)
#include "tst_probecommand.moc"
