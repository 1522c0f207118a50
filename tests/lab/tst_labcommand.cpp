// `chaoslab lab validate` as a real process: valid files, problems as FILE:LINE:COLUMN,
// folders, and usage errors.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int processTimeoutMs = 10000;

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `chaoslab lab ARGUMENTS` to its end.
Finished runLab(const QStringList& arguments)
{
    QProcess process;
    process.start(
        QStringLiteral(CHAOSLAB_EXECUTABLE), QStringList { QStringLiteral("lab") } + arguments);
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

QString validLabPath()
{
    return QStringLiteral(LAB_TEST_DATA "/valid-lab.json");
}

// Writes the valid lab with one change into `folder` and returns its path.
QString writeBrokenLab(const QTemporaryDir& folder, const QString& name)
{
    QFile valid(validLabPath());
    if (!valid.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = valid.readAll().replace("\"minutes\": 15", "\"minuets\": 15");
    const QString path = folder.filePath(name);
    QFile broken(path);
    if (!broken.open(QIODevice::WriteOnly) || broken.write(text) != text.size())
        return {};
    return path;
}

} // namespace

class TestLabCommand : public QObject
{
    Q_OBJECT

private slots:
    void validFilePasses()
    {
        const Finished result = runLab({ QStringLiteral("validate"), validLabPath() });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("valid, lab \"latency-basics\" with 3 steps")),
            qPrintable(result.out));
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    }

    void invalidFileGivesPosition()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = writeBrokenLab(folder, QStringLiteral("broken.json"));
        QVERIFY(!path.isEmpty());

        const Finished result = runLab({ QStringLiteral("validate"), validLabPath(), path });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(path + QStringLiteral(":7:3: unknown key \"minuets\"")),
            qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("1 of 2 lab files are invalid")),
            qPrintable(result.err));
        // The valid file is still reported as valid.
        QVERIFY(result.out.contains(validLabPath() + QStringLiteral(": valid")));
    }

    void folderChecksEveryJsonFile()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QVERIFY(!writeBrokenLab(folder, QStringLiteral("a.json")).isEmpty());
        QVERIFY(QFile::copy(validLabPath(), folder.filePath(QStringLiteral("b.json"))));
        QVERIFY(QFile::copy(validLabPath(), folder.filePath(QStringLiteral("notes.txt"))));
        // A schema kept next to the labs is skipped, not reported as an invalid lab.
        QVERIFY(QFile::copy(validLabPath(), folder.filePath(QStringLiteral("lab.schema.json"))));

        const Finished result = runLab({ QStringLiteral("validate"), folder.path() });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("a.json:7:3:")));
        QVERIFY(result.out.contains(QStringLiteral("b.json: valid")));
        QVERIFY(!result.out.contains(QStringLiteral("notes.txt")));
        QVERIFY(!result.out.contains(QStringLiteral("lab.schema.json")));
        QVERIFY(!result.err.contains(QStringLiteral("lab.schema.json")));
    }

    void missingFileIsReported()
    {
        const Finished result
            = runLab({ QStringLiteral("validate"), QStringLiteral("/nonexistent/lab.json") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(
            result.err.contains(QStringLiteral("/nonexistent/lab.json:1:1: cannot read the file")),
            qPrintable(result.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList {} << QStringLiteral("missing action");
        QTest::newRow("unknown action")
            << QStringList { QStringLiteral("check") } << QStringLiteral("unknown action 'check'");
        QTest::newRow("no files") << QStringList { QStringLiteral("validate") }
                                  << QStringLiteral("no lab files given");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Finished result = runLab(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestLabCommand)
#include "tst_labcommand.moc"
