// The console's command line: accepted options and the messages for invalid ones.
#include "consoleoptions.h"

#include <QTest>

using chaoslab::ui::ConsoleOptionParser;

class TestConsoleOptions : public QObject
{
    Q_OBJECT

private slots:
    void noArgumentsUseDefaults();
    void acceptsAllOptions();
    void acceptsSingleDashForm();
    void rejectsInvalidArguments_data();
    void rejectsInvalidArguments();
};

void TestConsoleOptions::noArgumentsUseDefaults()
{
    QString error;
    const auto options = ConsoleOptionParser::parse({}, &error);
    QVERIFY2(options, qPrintable(error));
    QVERIFY(!options->serverUrl);
    QVERIFY(!options->presenter);
    QVERIFY(options->language.isEmpty());
    QVERIFY(!options->helpRequested);
}

void TestConsoleOptions::acceptsAllOptions()
{
    QString error;
    const auto options = ConsoleOptionParser::parse(
        { QStringLiteral("--toxiproxy"), QStringLiteral("http://127.0.0.1:9474"),
            QStringLiteral("--presenter"), QStringLiteral("--lang"), QStringLiteral("id") },
        &error);
    QVERIFY2(options, qPrintable(error));
    QVERIFY(options->serverUrl);
    QCOMPARE(*options->serverUrl, QUrl(QStringLiteral("http://127.0.0.1:9474")));
    QVERIFY(options->presenter);
    QCOMPARE(options->language, QStringLiteral("id"));
}

void TestConsoleOptions::acceptsSingleDashForm()
{
    QString error;
    const auto options = ConsoleOptionParser::parse(
        { QStringLiteral("-toxiproxy=http://localhost:8474"), QStringLiteral("-presenter") },
        &error);
    QVERIFY2(options, qPrintable(error));
    QVERIFY(options->serverUrl);
    QCOMPARE(options->serverUrl->port(), 8474);
    QVERIFY(options->presenter);
}

void TestConsoleOptions::rejectsInvalidArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option") << QStringList { QStringLiteral("--colour") } << "colour";
    QTest::newRow("unknown command") << QStringList { QStringLiteral("serv") } << "serv";
    QTest::newRow("URL without scheme")
        << QStringList { QStringLiteral("--toxiproxy"), QStringLiteral("127.0.0.1:8474") }
        << "127.0.0.1:8474";
    QTest::newRow("URL with another scheme")
        << QStringList { QStringLiteral("--toxiproxy"), QStringLiteral("tcp://127.0.0.1:8474") }
        << "http://HOST:PORT";
    QTest::newRow("missing URL") << QStringList { QStringLiteral("--toxiproxy") } << "toxiproxy";
    QTest::newRow("unknown language")
        << QStringList { QStringLiteral("--lang"), QStringLiteral("fr") } << "fr";
}

void TestConsoleOptions::rejectsInvalidArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!ConsoleOptionParser::parse(arguments, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_consoleoptions.moc"
