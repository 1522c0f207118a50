// Plays the bundled HTTP labs first-proxy, bandwidth-payload, timeout-slowclose-reset and
// slicer-limitdata against the built-in engine and its demo service over real TCP, as a
// participant who presses "Do it for me", picks the correct answers and confirms. Each step
// must complete because its checks saw the effect on the probes, and finishing must leave
// the proxy demo_api as it was before the lab.
#include "labplaythrough.h"

#include "lab/labloader.h"

#include <QTest>

using namespace chaoslab;

class TestHttpLabs : public QObject
{
    Q_OBJECT

private slots:
    void playsThrough_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("first-proxy") << QStringLiteral("first-proxy");
        QTest::newRow("bandwidth-payload") << QStringLiteral("bandwidth-payload");
        QTest::newRow("timeout-slowclose-reset") << QStringLiteral("timeout-slowclose-reset");
        QTest::newRow("slicer-limitdata") << QStringLiteral("slicer-limitdata");
    }

    void playsThrough()
    {
        QFETCH(QString, name);
        const lab::LabLoadResult loaded = lab::loadLabFile(labtest::bundledLabPath(name));
        QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
        QVERIFY(loaded.lab.steps.size() >= 4);
        QVERIFY(loaded.lab.steps.size() <= 7);

        labtest::playThroughOnFixedPorts(loaded.lab);
    }

    void textsAreTranslated_data() { playsThrough_data(); }

    // Participants read the labs in English or Indonesian, and a missing Indonesian text
    // would silently fall back to English.
    void textsAreTranslated()
    {
        QFETCH(QString, name);
        const lab::LabLoadResult loaded = lab::loadLabFile(labtest::bundledLabPath(name));
        QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
        const lab::LabDocument& lab = loaded.lab;
        QList<QPair<QString, lab::LabText>> texts { { QStringLiteral("title"), lab.title },
            { QStringLiteral("summary"), lab.summary } };
        for (const lab::LabService& service : lab.services)
            texts.append({ service.address, service.howToStart });
        for (const lab::LabStep& step : lab.steps) {
            texts.append({ step.id + QStringLiteral(" title"), step.title });
            texts.append({ step.id + QStringLiteral(" text"), step.text });
            for (const lab::LabText& hint : step.hints)
                texts.append({ step.id + QStringLiteral(" hint"), hint });
            if (!step.confirm.isEmpty())
                texts.append({ step.id + QStringLiteral(" confirm"), step.confirm });
        }
        for (const auto& [where, text] : texts)
            QVERIFY2(text.byLanguage.contains(QStringLiteral("id")), qPrintable(where));
    }

    void questionHasFeedback_data() { playsThrough_data(); }

    // Each lab asks one question, and every choice explains itself in both languages, so
    // a wrong answer teaches what the misconception was.
    void questionHasFeedback()
    {
        QFETCH(QString, name);
        const lab::LabLoadResult loaded = lab::loadLabFile(labtest::bundledLabPath(name));
        QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
        QList<lab::LabQuestion> questions;
        for (const lab::LabStep& step : loaded.lab.steps) {
            if (step.question)
                questions.append(*step.question);
        }
        QCOMPARE(questions.size(), 1);
        const lab::LabQuestion& question = questions.first();
        QVERIFY(question.prompt.byLanguage.contains(QStringLiteral("id")));
        for (const lab::LabChoice& choice : question.choices) {
            const QString label = choice.text.in(QStringLiteral("en"));
            QVERIFY2(choice.text.byLanguage.contains(QStringLiteral("id")), qPrintable(label));
            QVERIFY2(choice.feedback.byLanguage.contains(QStringLiteral("en")), qPrintable(label));
            QVERIFY2(choice.feedback.byLanguage.contains(QStringLiteral("id")), qPrintable(label));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpLabs)
#include "tst_httplabs.moc"
