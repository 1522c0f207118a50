// The Environment panel reads `chaoslab env status --json` from the real chaoslab program
// and reports what went wrong when a command cannot run, fails or hangs.
#include "environment/envcommand.h"
#include "environment/environmentmodel.h"
#include "environment/environmentpanel.h"
#include "environment/environmentstatus.h"
#include "translator.h"

#include "../support/envports.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>

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

// The same stack as `chaoslab env status --json` prints it with the cases named: a proxy
// that `env up` changed on a server it did not start, and services in three states.
const QByteArray wordedStatusJson
    = "{\"dir\": \"/tmp/env\", \"api\": \"http://127.0.0.1:8474\", \"engine\": \"external\","
      " \"services\": ["
      "  {\"name\": \"redis\", \"address\": \"127.0.0.1:16379\", \"state\": \"running\","
      "   \"pid\": 77, \"reason\": \"running\", \"log\": \"/tmp/env/logs/redis.log\"},"
      "  {\"name\": \"mariadb\", \"address\": \"127.0.0.1:16306\", \"state\": \"failed\","
      "   \"pid\": 0, \"reason\": \"up_failed\", \"detail\": \"port 16306 is taken\"},"
      "  {\"name\": \"postgres\", \"address\": \"127.0.0.1:16432\", \"state\": \"missing\","
      "   \"pid\": 0, \"reason\": \"missing\", \"command\": \"apt-get install postgresql\"}],"
      " \"proxies\": ["
      "  {\"name\": \"redis_proxy\", \"listen\": \"127.0.0.1:6064\","
      "   \"upstream\": \"127.0.0.1:16379\", \"state\": \"external\", \"reason\": \"present\","
      "   \"enabled\": true, \"actual_listen\": \"127.0.0.1:6064\","
      "   \"actual_upstream\": \"127.0.0.1:16379\", \"upstream_accepts\": false, \"toxics\": 2,"
      "   \"restore\": {\"listen\": \"127.0.0.1:7000\", \"upstream\": \"127.0.0.1:9\","
      "   \"enabled\": false}}]}";

// Returns the detail column of each row.
QStringList detailColumn(const EnvironmentModel& model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, EnvironmentModel::DetailColumn).data().toString();
    return texts;
}

// A panel on a data folder where nothing was ever started. Without `freePorts` the stack has
// its default API address, 127.0.0.1:8474; with it every port is a free one, so that servers
// that other tests run on default ports cannot change the status.
struct EmptyFolderPanel
{
    QTemporaryDir folder;
    EnvironmentPanel panel { QStringLiteral(CHAOSLAB_BINARY) };

    explicit EmptyFolderPanel(const QUrl& consoleServer = {}, bool freePorts = false)
    {
        QStringList arguments { QStringLiteral("--dir"), folder.path() };
        if (freePorts) {
            QFile ports(folder.filePath(QStringLiteral("ports.json")));
            if (ports.open(QIODevice::WriteOnly))
                ports.write(freeEnvPortsJson());
            arguments << QStringLiteral("--ports") << ports.fileName();
        }
        panel.setExtraArguments(arguments);
        panel.setConsoleServer(consoleServer);
        panel.show();
    }
};

void removeTranslations()
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
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
    void modelWordsEachNamedCase();
    void realStatusIsWordedInIndonesian();
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
    // Every service of the stack is listed and none of them is running from here.
    EmptyFolderPanel fixture { QUrl(), true };
    QVERIFY(fixture.folder.isValid());
    const EnvironmentPanel& panel = fixture.panel;
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
    QVERIFY(shownText(summary).contains(fixture.folder.path()));
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
    EmptyFolderPanel fixture { QUrl(consoleServer) };
    QVERIFY(fixture.folder.isValid());
    const auto* summary = fixture.panel.findChild<QLabel*>();
    QTRY_VERIFY_WITH_TIMEOUT(shownText(summary).contains(fixture.folder.path()), 20000);
    const auto advice
        = QStringLiteral("start the console with:\nchaoslab --toxiproxy http://127.0.0.1:8474");
    QCOMPARE(shownText(summary).contains(advice), warned);
    if (warned)
        QVERIFY2(shownText(summary).contains(consoleServer), qPrintable(shownText(summary)));
}

void TestEnvironmentPanel::modelWordsEachNamedCase()
{
    QString error;
    const auto status = EnvironmentStatus::fromJson(wordedStatusJson, &error);
    QVERIFY2(status, qPrintable(error));
    EnvironmentModel model;
    model.setStatus(*status);
    const QStringList details = detailColumn(model);
    QCOMPARE(details.size(), 4);
    QCOMPARE(details.at(0), QStringLiteral("Log: redis.log"));
    QVERIFY(model.index(0, EnvironmentModel::DetailColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("/tmp/env/logs/redis.log")));
    QCOMPARE(details.at(1), QStringLiteral("Fix the cause, then press Start local stack"));
    // The reason from `env up` is only in English, in the tooltip.
    QVERIFY(model.index(1, EnvironmentModel::DetailColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("port 16306 is taken")));
    QCOMPARE(details.at(2), QStringLiteral("Install it: apt-get install postgresql"));
    QCOMPARE(details.at(3),
        QStringLiteral("enabled; 2 toxic(s) active; nothing accepts connections at the upstream "
                       "127.0.0.1:16379; "
                       "changed by chaoslab env up; env down sets it back to listen "
                       "127.0.0.1:7000, upstream 127.0.0.1:9, disabled"));
}

void TestEnvironmentPanel::realStatusIsWordedInIndonesian()
{
    // The translator must be gone before the next test, whatever this one's outcome.
    const auto cleanup = qScopeGuard(removeTranslations);
    QCOMPARE(installTranslations(*qApp, QStringLiteral("id")), QStringLiteral("id"));
    EmptyFolderPanel fixture { QUrl(), true };
    QVERIFY(fixture.folder.isValid());
    const EnvironmentPanel& panel = fixture.panel;
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() > 0, 20000);

    QStringList names;
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        names << panel.model()->item(row).name;
    const QStringList details = detailColumn(*panel.model());
    QCOMPARE(details.at(names.indexOf(QStringLiteral("redis"))),
        QStringLiteral("Tekan Jalankan stack lokal"));
    QVERIFY2(details.at(names.indexOf(QStringLiteral("mongodb")))
                 .startsWith(QStringLiteral("Jalankan dengan Docker: docker run")),
        qPrintable(details.join(u'\n')));
    for (const QString& detail : details)
        QVERIFY2(!detail.contains(QStringLiteral("answers")), qPrintable(detail));
}

QTEST_MAIN(TestEnvironmentPanel)
#include "tst_environmentpanel.moc"
