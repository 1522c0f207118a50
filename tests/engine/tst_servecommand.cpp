// `chaoslab serve` as a process: its options, its errors and a clean stop on SIGTERM.
#include "httptestclient.h"
#include "tcplistener.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

class TestServeCommand : public QObject
{
    Q_OBJECT

private slots:
    void helpListsOptions();
    void unknownOptionFails();
    void invalidPortFails_data();
    void invalidPortFails();
    void missingConfigFileFails();
    void configSyntaxErrorNamesLineAndColumn();
    void apiPortInUseFails();
    void configProxyPortInUseFails();
    void servesConfigProxiesAndStopsOnSigterm();
    void sigtermRightAfterListeningStopsCleanly();

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
        QString errors;
    };

    Run runServe(const QStringList& arguments);
    QString writeFile(const QByteArray& text);

    QTemporaryDir m_dir;
};

TestServeCommand::Run TestServeCommand::runServe(const QStringList& arguments)
{
    QProcess process;
    process.start(
        QStringLiteral(CHAOSLAB_BINARY), QStringList { QStringLiteral("serve") } + arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitCode(), QString::fromLocal8Bit(process.readAllStandardOutput()),
        QString::fromLocal8Bit(process.readAllStandardError()) };
}

QString TestServeCommand::writeFile(const QByteArray& text)
{
    static int count = 0;
    const auto path = m_dir.filePath(QStringLiteral("config%1.json").arg(++count));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

void TestServeCommand::helpListsOptions()
{
    const auto run = runServe({ QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    for (const auto option : { u"--host", u"--port", u"--config" })
        QVERIFY2(run.output.contains(option), qPrintable(run.output));
}

void TestServeCommand::unknownOptionFails()
{
    const auto run = runServe({ QStringLiteral("-bogus") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(u"bogus"), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(u"--help"), qPrintable(run.errors));
}

void TestServeCommand::invalidPortFails_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("not a number") << QStringLiteral("abc");
    QTest::newRow("above 65535") << QStringLiteral("70000");
    QTest::newRow("negative") << QStringLiteral("-1");
}

void TestServeCommand::invalidPortFails()
{
    QFETCH(QString, port);
    const auto run = runServe({ QStringLiteral("-port"), port });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(u"invalid port \"" + port + u'"'), qPrintable(run.errors));
}

void TestServeCommand::missingConfigFileFails()
{
    const auto run
        = runServe({ QStringLiteral("--config"), QStringLiteral("/nonexistent/p.json") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errors.contains(u"/nonexistent/p.json"), qPrintable(run.errors));
}

void TestServeCommand::configSyntaxErrorNamesLineAndColumn()
{
    const auto path = writeFile("[\n  {\"name\": \"db\" \"upstream\": \"127.0.0.1:9\"}\n]\n");
    const auto run = runServe({ QStringLiteral("-config"), path });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errors.contains(path + u":2:"), qPrintable(run.errors));
}

void TestServeCommand::apiPortInUseFails()
{
    const auto busy = chaoslab::net::listenTcp("127.0.0.1", 0);
    QVERIFY(busy.listener);
    const auto port = QString::number(busy.listener->port);
    const auto run = runServe({ QStringLiteral("-port"), port });
    ::close(busy.listener->fd);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errors.contains(port), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(u"in use"), qPrintable(run.errors));
}

void TestServeCommand::configProxyPortInUseFails()
{
    const auto busy = chaoslab::net::listenTcp("127.0.0.1", 0);
    QVERIFY(busy.listener);
    const auto path = writeFile(R"([{"name": "db", "listen": ")"
        + QByteArray::fromStdString(busy.listener->address) + R"(", "upstream": "127.0.0.1:9"}])");
    const auto run = runServe(
        { QStringLiteral("-port"), QStringLiteral("0"), QStringLiteral("-config"), path });
    ::close(busy.listener->fd);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errors.contains(u"proxy db"), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(u"in use"), qPrintable(run.errors));
}

void TestServeCommand::servesConfigProxiesAndStopsOnSigterm()
{
    const auto path
        = writeFile(R"([{"name": "db", "listen": "127.0.0.1:0", "upstream": "127.0.0.1:9"}])");
    QProcess process;
    process.start(QStringLiteral(CHAOSLAB_BINARY),
        { QStringLiteral("serve"), QStringLiteral("-host"), QStringLiteral("127.0.0.1"),
            QStringLiteral("-port"), QStringLiteral("0"), QStringLiteral("-config"), path });
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const auto line = QString::fromLocal8Bit(process.readLine());
    const QRegularExpression pattern(QStringLiteral(
        R"(^chaoslab engine listening on http://127\.0\.0\.1:(\d+) \(Toxiproxy API 2\.12\.0\)$)"));
    const auto match = pattern.match(line.trimmed());
    QVERIFY2(match.hasMatch(), qPrintable(line));

    HttpTestClient client;
    QVERIFY(client.connectTo(match.captured(1).toUShort()));
    const auto response = client.request("GET", "/proxies/db");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.contains("\"enabled\":true"));

    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

// The signal goes out the moment the "listening" line can be read, 20 times, because a handler
// installed only after that line leaves a short window in which SIGTERM kills the process.
void TestServeCommand::sigtermRightAfterListeningStopsCleanly()
{
    for (int run = 0; run < 20; ++run) {
        const auto context = QStringLiteral("run %1").arg(run);
        QProcess process;
        process.start(QStringLiteral(CHAOSLAB_BINARY),
            { QStringLiteral("serve"), QStringLiteral("-port"), QStringLiteral("0") });
        QVERIFY2(process.waitForStarted(), qPrintable(context));
        while (!process.canReadLine() && process.waitForReadyRead(10000)) { }
        QVERIFY2(process.canReadLine(), qPrintable(context));
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);

        QVERIFY2(process.waitForFinished(5000), qPrintable(context));
        QVERIFY2(
            process.readLine().startsWith("chaoslab engine listening on"), qPrintable(context));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, qPrintable(context));
        QVERIFY2(process.exitCode() == 0, qPrintable(context));
    }
}

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
