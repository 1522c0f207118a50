// Loading lab files: a valid lab becomes a typed document, and every mistake is reported
// with the line and column a person editing the file needs.
#include "lab/labloader.h"

#include <QFile>
#include <QTest>

using namespace chaoslab::lab;

namespace {

// Reads the valid lab that every case starts from and changes.
QByteArray validLabText()
{
    QFile file(QStringLiteral(LAB_TEST_DATA "/valid-lab.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
    return file.readAll();
}

QByteArray replaced(const QByteArray& text, const QByteArray& from, const QByteArray& to)
{
    QByteArray copy = text;
    return copy.replace(from, to);
}

} // namespace

class TestLabLoader : public QObject
{
    Q_OBJECT

private slots:
    void validLabLoads()
    {
        const LabLoadResult result = loadLab(validLabText());
        for (const JsonIssue& issue : result.issues)
            qWarning().noquote() << formatIssue(QStringLiteral("lab"), issue);
        QVERIFY(result.ok());
        const LabDocument& lab = result.lab;
        QCOMPARE(lab.id, QStringLiteral("latency-basics"));
        QCOMPARE(lab.title.in(QStringLiteral("id")), QStringLiteral("Dasar latensi"));
        QCOMPARE(lab.steps.size(), 3);
        QCOMPARE(lab.probes.value(0).intervalMs, 250);
        QCOMPARE(lab.services.value(0).address, QStringLiteral("127.0.0.1:18081"));
        QVERIFY(lab.resetAll);

        const LabStep& first = lab.steps[0];
        QCOMPARE(first.actions.size(), 5);
        const LabAction& add = first.actions[0];
        QCOMPARE(add.kind, LabAction::Kind::AddToxic);
        QCOMPARE(add.toxic.type, QStringLiteral("latency"));
        QCOMPARE(add.toxic.attribute(u"latency"), 300);
        QCOMPARE(add.toxic.attribute(u"jitter"), 50);
        QCOMPARE(add.toxic.toxicity, 0.5);
        QCOMPARE(first.actions[1].kind, LabAction::Kind::UpdateToxic);
        QCOMPARE(first.actions[1].toxic.name, QStringLiteral("latency_downstream"));
        QCOMPARE(first.actions[4].kind, LabAction::Kind::Reset);

        QCOMPARE(first.checks.size(), 3);
        QVERIFY(first.checks[0].attributes.value(QStringLiteral("latency")).contains(300));
        QVERIFY(!first.checks[0].attributes.value(QStringLiteral("latency")).contains(1001));
        QCOMPARE(first.checks[2].metric, QStringLiteral("p95"));
        QCOMPARE(first.checks[2].seconds, 5);
        QCOMPARE(first.hints.size(), 1);

        QVERIFY(lab.steps[1].question.has_value());
        QCOMPARE(lab.steps[1].question->choices.size(), 2);
        QCOMPARE(lab.steps[2].confirm.in(QStringLiteral("en")), QStringLiteral("I am done"));
    }

    void missingTranslationFallsBackToEnglish()
    {
        const LabLoadResult result = loadLab(validLabText());
        QCOMPARE(result.lab.steps[0].title.in(QStringLiteral("id")), QStringLiteral("Add latency"));
    }

    void syntaxErrorHasPosition()
    {
        // The comma after "id" is missing, so the parser stops at "title" on line 4.
        const QByteArray broken
            = replaced(validLabText(), "\"latency-basics\",\n", "\"latency-basics\"\n");
        const LabLoadResult result = loadLab(broken);
        QCOMPARE(result.issues.size(), 1);
        QCOMPARE(result.issues[0].position.line, 4);
        QVERIFY2(result.issues[0].message.startsWith(QStringLiteral("invalid JSON: ")),
            qPrintable(result.issues[0].message));
    }

    void unknownKeyPointsAtItsName()
    {
        const QByteArray misspelt = replaced(validLabText(), "\"minutes\": 15", "\"minuets\": 15");
        const LabLoadResult result = loadLab(misspelt);
        QCOMPARE(result.issues.size(), 1);
        QCOMPARE(result.issues[0].position.line, 7);
        QCOMPARE(result.issues[0].position.column, 3);
        QVERIFY(result.issues[0].message.contains(QStringLiteral("unknown key \"minuets\"")));
    }

    void unknownToxicTypeListsTheTypes()
    {
        const LabLoadResult result = loadLab(
            replaced(validLabText(), "{ \"type\": \"latency\"", "{ \"type\": \"latncy\""));
        QCOMPARE(result.issues.size(), 1);
        QCOMPARE(result.issues[0].position.line, 21);
        QCOMPARE(result.issues[0].position.column, 30);
        QVERIFY(result.issues[0].message.contains(QStringLiteral("unknown toxic type \"latncy\"")));
        QVERIFY(result.issues[0].message.contains(QStringLiteral("slow_close")));
    }

    void badValuesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("attribute of another type")
            << QByteArray("\"jitter\": 50") << QByteArray("\"rate\": 50")
            << QStringLiteral("latency has no attribute \"rate\"");
        QTest::newRow("negative attribute")
            << QByteArray("\"jitter\": 50") << QByteArray("\"jitter\": -5")
            << QStringLiteral("\"jitter\" must be a whole number from 0");
        QTest::newRow("toxicity above one")
            << QByteArray("\"toxicity\": 0.5") << QByteArray("\"toxicity\": 1.5")
            << QStringLiteral("toxicity 1.5 is outside 0 to 1");
        QTest::newRow("undeclared proxy")
            << QByteArray("{ \"do\": \"disable_proxy\", \"proxy\": \"demo_api\" }")
            << QByteArray("{ \"do\": \"disable_proxy\", \"proxy\": \"mysql\" }")
            << QStringLiteral("unknown proxy \"mysql\"; declare it under \"proxies\"");
        QTest::newRow("undeclared probe")
            << QByteArray("\"probe\": \"api\"") << QByteArray("\"probe\": \"web\"")
            << QStringLiteral("unknown probe \"web\"");
        QTest::newRow("unknown metric")
            << QByteArray("\"metric\": \"p95\"") << QByteArray("\"metric\": \"p90\"")
            << QStringLiteral("unknown metric \"p90\"");
        QTest::newRow("range upside down") << QByteArray("\"min\": 200, \"max\": 1000")
                                           << QByteArray("\"min\": 2000, \"max\": 1000")
                                           << QStringLiteral("\"min\" 2000 is above \"max\" 1000");
        QTest::newRow("address without port")
            << QByteArray("\"listen\": \"127.0.0.1:18080\"")
            << QByteArray("\"listen\": \"127.0.0.1\"")
            << QStringLiteral("\"127.0.0.1\" is not a host:port address");
        QTest::newRow("probe url with unknown scheme")
            << QByteArray("http://127.0.0.1:18080/health") << QByteArray("ftp://127.0.0.1:21/")
            << QStringLiteral("ftp");
        QTest::newRow("no correct choice")
            << QByteArray("\"correct\": true") << QByteArray("\"correct\": false")
            << QStringLiteral("one of them \"correct\": true");
        QTest::newRow("text without English")
            << QByteArray("{ \"en\": \"Latency basics\", \"id\": \"Dasar latensi\" }")
            << QByteArray("{ \"id\": \"Dasar latensi\" }")
            << QStringLiteral("\"title\" needs an English text under \"en\"");
        QTest::newRow("step that cannot complete")
            << QByteArray(
                   ",\n      \"confirm\": { \"en\": \"I am done\", \"id\": \"Saya selesai\" }")
            << QByteArray("") << QStringLiteral("step \"done\" has no way to complete");
        QTest::newRow("unsupported format")
            << QByteArray("chaoslab-lab/1") << QByteArray("chaoslab-lab/9")
            << QStringLiteral("unsupported format \"chaoslab-lab/9\"");
    }

    void badValuesAreRejected()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, message);
        const QByteArray text = validLabText();
        QVERIFY2(text.contains(from), from.constData());
        const LabLoadResult result = loadLab(replaced(text, from, to));
        QVERIFY(!result.ok());
        QStringList messages;
        for (const JsonIssue& issue : result.issues)
            messages.append(issue.message);
        QVERIFY2(messages.join(u'\n').contains(message), qPrintable(messages.join(u'\n')));
    }

    void everyIssueIsReportedAtOnce()
    {
        QByteArray text = replaced(validLabText(), "\"minutes\": 15", "\"minuets\": 15");
        text = replaced(text, "\"metric\": \"p95\"", "\"metric\": \"p90\"");
        text = replaced(text, "\"level\": \"beginner\"", "\"level\": \"expert\"");
        const LabLoadResult result = loadLab(text);
        QCOMPARE(result.issues.size(), 3);
        // Sorted by position, as a compiler lists errors.
        QVERIFY(result.issues[0].position.line < result.issues[1].position.line);
        QVERIFY(result.issues[1].position.line < result.issues[2].position.line);
    }

    void columnsCountCharactersNotBytes()
    {
        // "é" is two bytes in UTF-8 but one column.
        const QByteArray text = "{ \"title\": { \"en\": \"Caf\xC3\xA9\" }, \"bad\": 1 }";
        const JsonLocations locations = JsonLocations::index(text);
        QCOMPARE(locations.key("/bad").column, 30);
        QCOMPARE(locations.value("/bad").column, 37);
        QCOMPARE(locations.value("/title/en").column, 20);
    }

    void issueFormatIsFileLineColumn()
    {
        const JsonIssue issue { { 12, 18 }, QStringLiteral("unknown key \"x\"") };
        QCOMPARE(formatIssue(QStringLiteral("labs/a.json"), issue),
            QStringLiteral("labs/a.json:12:18: unknown key \"x\""));
    }

    void unreadableFileIsOneIssue()
    {
        const LabLoadResult result = loadLabFile(QStringLiteral("/nonexistent/lab.json"));
        QCOMPARE(result.issues.size(), 1);
        QVERIFY(result.issues[0].message.startsWith(QStringLiteral("cannot read the file")));
    }
};

QTEST_GUILESS_MAIN(TestLabLoader)
#include "tst_labloader.moc"
