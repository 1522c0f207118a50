// `chaoslab demo-http` as a real process: help, argument and listen errors, serving, and
// stopping on SIGTERM and SIGINT.
#include "httptestclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

class TestDemoHttpCommand : public QObject
{
    Q_OBJECT

private slots:
    void helpDescribesOptions();
    void invalidPortIsUsageError();
    void unexpectedArgumentIsUsageError();
    void portInUseFails();
    void unusableHostFails();
    void servesUntilSignal_data();
    void servesUntilSignal();
};

namespace {

constexpr int processTimeoutMs = 10000;

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `chaoslab demo-http ARGUMENTS` to its end.
Finished runCommand(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CHAOSLAB_EXECUTABLE),
        QStringList { QStringLiteral("demo-http") } + arguments);
    Finished finished;
    if (!process.waitForFinished(processTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        finished.err = QStringLiteral("did not finish within %1 ms").arg(processTimeoutMs);
        return finished;
    }
    finished.exitCode = process.exitCode();
    finished.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    finished.err = QString::fromLocal8Bit(process.readAllStandardError());
    return finished;
}

} // namespace

void TestDemoHttpCommand::helpDescribesOptions()
{
    const auto result = runCommand({ QStringLiteral("--help") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(u"--port"), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"--host"), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"default 8080"), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"/bytes/N"), qPrintable(result.out));
}

void TestDemoHttpCommand::invalidPortIsUsageError()
{
    const auto result = runCommand({ QStringLiteral("--port"), QStringLiteral("70000") });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"invalid port \"70000\""), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestDemoHttpCommand::unexpectedArgumentIsUsageError()
{
    const auto result = runCommand({ QStringLiteral("now") });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"unexpected argument 'now'"), qPrintable(result.err));
}

void TestDemoHttpCommand::portInUseFails()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const auto result
        = runCommand({ QStringLiteral("--port"), QString::number(holder.serverPort()) });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"in use"), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"--port"), qPrintable(result.err));
}

void TestDemoHttpCommand::unusableHostFails()
{
    // A documentation address that no interface here has: binding fails at once, and no
    // packet is sent.
    const auto result = runCommand({ QStringLiteral("--host"), QStringLiteral("192.0.2.1"),
        QStringLiteral("--port"), QStringLiteral("0") });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"192.0.2.1"), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"--host"), qPrintable(result.err));
}

void TestDemoHttpCommand::servesUntilSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
}

void TestDemoHttpCommand::servesUntilSignal()
{
    QFETCH(int, signalNumber);

    QProcess process;
    process.start(QStringLiteral(CHAOSLAB_EXECUTABLE),
        { QStringLiteral("demo-http"), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(process.waitForStarted(processTimeoutMs));
    QByteArray output;
    const QRegularExpression listening(
        QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)\n"));
    QRegularExpressionMatch match;
    while (!(match = listening.match(QString::fromLocal8Bit(output))).hasMatch()) {
        QVERIFY2(process.waitForReadyRead(processTimeoutMs),
            qPrintable(QString::fromLocal8Bit(output + process.readAllStandardError())));
        output += process.readAllStandardOutput();
    }

    HttpTestClient client;
    QVERIFY(client.connectTo(quint16(match.captured(1).toUInt())));
    const auto health = client.request("GET", "/health");
    QVERIFY(health);
    QCOMPARE(health->status, 200);

    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(processTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestDemoHttpCommand)

#include "tst_demohttpcommand.moc"
