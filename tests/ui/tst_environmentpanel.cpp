// The Environment panel reads `chaoslab env status --json` from the real chaoslab program
// and reports what went wrong when a command cannot run, fails or hangs.
#include "environment/envcommand.h"
#include "environment/environmentmodel.h"
#include "environment/environmentpanel.h"
#include "environment/environmentstatus.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace chaoslab::ui;
using namespace std::chrono_literals;

namespace {

const QByteArray statusJson = "{\"dir\": \"/tmp/env\", \"api\": \"http://127.0.0.1:8474\","
                              " \"engine\": \"external\","
                              " \"services\": ["
                              "  {\"name\": \"mariadb\", \"address\": \"127.0.0.1:16306\","
                              "   \"state\": \"running\", \"pid\": 4242, \"detail\": \"\","
                              "   \"fix\": \"\"},"
                              "  {\"name\": \"mongodb\", \"address\": \"127.0.0.1:27017\","
                              "   \"state\": \"missing\", \"pid\": 0,"
                              "   \"detail\": \"MongoDB is not packaged in Debian\","
                              "   \"fix\": \"Run one with Docker\"}],"
                              " \"proxies\": ["
                              "  {\"name\": \"mysql_proxy\", \"listen\": \"127.0.0.1:6061\","
                              "   \"upstream\": \"127.0.0.1:16306\", \"state\": \"running\","
                              "   \"detail\": \"\"}]}";

// Returns the text a rich-text label shows.
QString shownText(const QLabel* label)
{
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

} // namespace

class TestEnvironmentPanel : public QObject
{
    Q_OBJECT

private slots:
    void statusListsServicesThenProxies();
    void damagedStatusNamesTheProblem();
    void modelShowsWhatToDoForMissingService();
    void missingProgramIsReported();
    void failingCommandReportsExitCodeAndReason();
    void hangingCommandIsStoppedAtItsDeadline();
    void panelShowsRealStatusOfAnEmptyFolder();
    void summaryNamesOtherConsoleServer_data();
    void summaryNamesOtherConsoleServer();
};

void TestEnvironmentPanel::statusListsServicesThenProxies()
{
    QString error;
    const auto status = EnvironmentStatus::fromJson(statusJson, &error);
    QVERIFY2(status, qPrintable(error));
    QCOMPARE(status->apiUrl, QStringLiteral("http://127.0.0.1:8474"));
    QCOMPARE(status->engine, QStringLiteral("external"));
    QCOMPARE(status->items.size(), 3);
    QCOMPARE(status->items.at(0).name, QStringLiteral("mariadb"));
    QCOMPARE(status->items.at(0).pid, 4242);
    QCOMPARE(status->items.at(1).state, EnvironmentItem::State::Missing);
    const EnvironmentItem& proxy = status->items.at(2);
    QCOMPARE(proxy.kind, EnvironmentItem::Kind::Proxy);
    QCOMPARE(proxy.address, QStringLiteral("127.0.0.1:6061"));
    QCOMPARE(proxy.upstream, QStringLiteral("127.0.0.1:16306"));
    QVERIFY(status->anyStartedHere());
}

void TestEnvironmentPanel::damagedStatusNamesTheProblem()
{
    QString error;
    QVERIFY(!EnvironmentStatus::fromJson("{\"dir\": ", &error));
    QVERIFY2(error.contains(QStringLiteral("offset")), qPrintable(error));
    QVERIFY(!EnvironmentStatus::fromJson("{\"dir\": \"/tmp\"}", &error));
    QVERIFY2(error.contains(QStringLiteral("services")), qPrintable(error));
}

void TestEnvironmentPanel::modelShowsWhatToDoForMissingService()
{
    QString error;
    EnvironmentModel model;
    model.setStatus(*EnvironmentStatus::fromJson(statusJson, &error));
    QCOMPARE(model.rowCount(), 3);
    const auto text
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, EnvironmentModel::StateColumn), QStringLiteral("Running, PID 4242"));
    QCOMPARE(text(1, EnvironmentModel::StateColumn), QStringLiteral("Not installed"));
    QCOMPARE(text(1, EnvironmentModel::DetailColumn), QStringLiteral("Run one with Docker"));
    QVERIFY(model.index(1, EnvironmentModel::DetailColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not packaged")));
    QCOMPARE(text(2, EnvironmentModel::NameColumn), QStringLiteral("Proxy mysql_proxy"));
    QCOMPARE(text(2, EnvironmentModel::AddressColumn), QStringLiteral("127.0.0.1:6061"));
    QCOMPARE(text(2, EnvironmentModel::DetailColumn), QStringLiteral("To 127.0.0.1:16306"));
}

void TestEnvironmentPanel::missingProgramIsReported()
{
    EnvCommand command(QStringLiteral("/nonexistent/chaoslab"), { QStringLiteral("env") });
    QSignalSpy finished(&command, &EnvCommand::finished);
    QVERIFY(command.run(QStringLiteral("status"), {}, 5s));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    const QString message = finished.at(0).at(3).toString();
    QVERIFY2(
        message.contains(QStringLiteral("/nonexistent/chaoslab env status")), qPrintable(message));
}

void TestEnvironmentPanel::failingCommandReportsExitCodeAndReason()
{
    EnvCommand command(QStringLiteral(CHAOSLAB_BINARY), { QStringLiteral("env") });
    QSignalSpy finished(&command, &EnvCommand::finished);
    QVERIFY(command.run(QStringLiteral("no-such-subcommand"), {}, 20s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    const QString message = finished.at(0).at(3).toString();
    QVERIFY2(message.contains(QStringLiteral("exit code")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no-such-subcommand")), qPrintable(message));
}

void TestEnvironmentPanel::hangingCommandIsStoppedAtItsDeadline()
{
    EnvCommand command(QStringLiteral("/bin/sleep"), {});
    QSignalSpy finished(&command, &EnvCommand::finished);
    QVERIFY(command.run(QStringLiteral("30"), {}, 200ms));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QVERIFY(finished.at(0).at(3).toString().contains(QStringLiteral("did not finish in time")));
    QTRY_VERIFY(!command.isRunning());
}

void TestEnvironmentPanel::panelShowsRealStatusOfAnEmptyFolder()
{
    // A folder where nothing was ever started: every service of the stack is listed and
    // none of them is running from here.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    EnvironmentPanel panel(QStringLiteral(CHAOSLAB_BINARY));
    panel.setExtraArguments({ QStringLiteral("--dir"), folder.path() });
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() > 0, 20000);
    QStringList names;
    for (int row = 0; row < panel.model()->rowCount(); ++row) {
        const EnvironmentItem& item = panel.model()->item(row);
        names.append(item.name);
        if (item.kind == EnvironmentItem::Kind::Service)
            QVERIFY2(item.state != EnvironmentItem::State::Running, qPrintable(item.name));
    }
    for (const char* name : { "mysql_proxy", "rabbitmq_proxy", "mongo_proxy" })
        QVERIFY2(names.contains(QString::fromLatin1(name)), qPrintable(names.join(u", ")));
    const auto* summary = panel.findChild<QLabel*>();
    QVERIFY(shownText(summary).contains(folder.path()));
}

void TestEnvironmentPanel::summaryNamesOtherConsoleServer_data()
{
    QTest::addColumn<QString>("consoleServer");
    QTest::addColumn<bool>("warned");
    QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:47474") << true;
    QTest::newRow("other host") << QStringLiteral("http://192.0.2.1:8474") << true;
    QTest::newRow("same server") << QStringLiteral("http://127.0.0.1:8474") << false;
    QTest::newRow("localhost") << QStringLiteral("http://localhost:8474") << false;
}

void TestEnvironmentPanel::summaryNamesOtherConsoleServer()
{
    QFETCH(QString, consoleServer);
    QFETCH(bool, warned);
    // An empty folder has the stack's default API address, 127.0.0.1:8474.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    EnvironmentPanel panel(QStringLiteral(CHAOSLAB_BINARY));
    panel.setExtraArguments({ QStringLiteral("--dir"), folder.path() });
    panel.setConsoleServer(QUrl(consoleServer));
    panel.show();
    const auto* summary = panel.findChild<QLabel*>();
    QTRY_VERIFY_WITH_TIMEOUT(shownText(summary).contains(folder.path()), 20000);
    const auto advice
        = QStringLiteral("start the console with:\nchaoslab --toxiproxy http://127.0.0.1:8474");
    QCOMPARE(shownText(summary).contains(advice), warned);
    if (warned)
        QVERIFY2(shownText(summary).contains(consoleServer), qPrintable(shownText(summary)));
}

QTEST_MAIN(TestEnvironmentPanel)
#include "tst_environmentpanel.moc"
