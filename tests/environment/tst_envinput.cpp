// `chaoslab env` on bad input: ports files, damaged state files and data folders it cannot
// use. Each case fails with a message naming the file or value, and starts nothing.
#include "../support/envports.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runEnv(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CHAOSLAB_EXECUTABLE), QStringList { u"env"_s } + arguments);
    Run run;
    if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    else
        process.kill();
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestEnvInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void duplicatePortIsRejected();
    void brokenPortsFileNamesPosition();
    void unknownPortNameListsKnownNames();
    void damagedStateFileIsReported_data();
    void damagedStateFileIsReported();
    void unusableDataFolderStartsNothing();
    void hintsNameTheDataFolder();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QDir m_dir;
};

// Each case gets a folder of its own, so a state file from one never reaches the next.
void TestEnvInput::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_dir = QDir(m_folder->path());
}

void TestEnvInput::duplicatePortIsRejected()
{
    const auto ports = m_dir.filePath(u"ports.json"_s);
    writeFile(ports, "{\"api\": 42474, \"redis\": 42474}");
    const auto run
        = runEnv({ u"up"_s, u"--dir"_s, m_dir.filePath(u"stack"_s), u"--ports"_s, ports });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.output.contains(u"'api' and 'redis' both use port 42474"_s), qPrintable(run.output));
    QVERIFY(!QFile::exists(m_dir.filePath(u"stack/state.json"_s)));
}

void TestEnvInput::brokenPortsFileNamesPosition()
{
    const auto ports = m_dir.filePath(u"ports.json"_s);
    writeFile(ports, "{\"api\": 42474,\n");
    const auto run = runEnv({ u"status"_s, u"--dir"_s, m_dir.path(), u"--ports"_s, ports });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.output.contains(ports + u" is not valid JSON"_s), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"line 2"_s), qPrintable(run.output));
}

void TestEnvInput::unknownPortNameListsKnownNames()
{
    const auto ports = m_dir.filePath(u"ports.json"_s);
    writeFile(ports, "{\"mysql\": 3306}");
    const auto run = runEnv({ u"status"_s, u"--dir"_s, m_dir.path(), u"--ports"_s, ports });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.output.contains(u"unknown port name 'mysql'"_s), qPrintable(run.output));
    for (const auto& name : { u"mariadb"_s, u"rabbitmq_dist"_s, u"postgres_proxy"_s })
        QVERIFY2(run.output.contains(name), qPrintable(run.output));
}

void TestEnvInput::damagedStateFileIsReported_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port as text") << QByteArray("{\"ports\": {\"api\": \"x\"}}")
                                  << u"has a value of the wrong type"_s;
    QTest::newRow("processes as text")
        << QByteArray("{\"processes\": \"abc\"}") << u"has a value of the wrong type"_s;
    QTest::newRow("pid as text") << QByteArray("{\"processes\": [{\"pid\": \"7\"}]}")
                                 << u"has a value of the wrong type"_s;
    QTest::newRow("array") << QByteArray("[]") << u"is not a JSON object"_s;
}

void TestEnvInput::damagedStateFileIsReported()
{
    QFETCH(QByteArray, state);
    QFETCH(QString, expected);
    writeFile(m_dir.filePath(u"state.json"_s), state);
    for (const auto& action : { u"status"_s, u"down"_s }) {
        const auto run = runEnv({ action, u"--dir"_s, m_dir.path() });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(m_dir.filePath(u"state.json"_s) + u' ' + expected),
            qPrintable(run.output));
        QVERIFY2(run.output.contains(u"remove it if no lab stack runs"_s), qPrintable(run.output));
    }
}

void TestEnvInput::unusableDataFolderStartsNothing()
{
    const auto ports = m_dir.filePath(u"ports.json"_s);
    writeFile(ports, freeEnvPortsJson());
    const auto file = m_dir.filePath(u"a-file"_s);
    writeFile(file, "not a folder");
    const auto run = runEnv({ u"up"_s, u"--dir"_s, file, u"--ports"_s, ports });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
        run.output.contains(u"cannot create the data folder "_s + file), qPrintable(run.output));
    QVERIFY2(!run.output.contains(u"starting"_s), qPrintable(run.output));
}

void TestEnvInput::hintsNameTheDataFolder()
{
    const auto ports = m_dir.filePath(u"ports.json"_s);
    writeFile(ports, freeEnvPortsJson());
    const auto run
        = runEnv({ u"status"_s, u"--json"_s, u"--dir"_s, m_dir.path(), u"--ports"_s, ports });
    QCOMPARE(run.exitCode, 0);
    const auto status = QJsonDocument::fromJson(run.output.toUtf8()).object();
    const auto redis = status.value(u"services"_s).toArray().at(2).toObject();
    QCOMPARE(redis.value(u"name"_s).toString(), u"redis"_s);
    QCOMPARE(redis.value(u"fix"_s).toString(), u"chaoslab env up --dir "_s + m_dir.path());
}

QTEST_GUILESS_MAIN(TestEnvInput)
#include "tst_envinput.moc"
