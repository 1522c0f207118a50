// The probe editor and probe list. Invalid values are rejected with a message naming the
// field, and specs survive a round trip through the settings. The demo probe is added only
// when no probe list was ever saved. Probes through a proxy follow its address.
#include "eventlogmodel.h"
#include "probeboard.h"
#include "probechartsdock.h"
#include "probedialog.h"
#include "probeformvalidator.h"
#include "probespecjson.h"
#include "proxylistmodel.h"
#include "settings.h"

#include "probes/proberunner.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace chaoslab::ui;
using chaoslab::probes::ProbeKind;
using chaoslab::probes::ProbeSpec;

Q_DECLARE_METATYPE(ProbeSpec)

class TestProbeEditor : public QObject
{
    Q_OBJECT

private slots:
    void validatorRejectsInvalidSpec_data();
    void validatorRejectsInvalidSpec();
    void validatorAcceptsValidSpecs();
    void dialogShowsErrorAndStaysOpen();
    void dialogRejectsMalformedHeader();
    void dialogReturnsEnteredSpec();
    void specRoundTripsThroughSettings();
    void demoProbeOnlyWithoutSavedList();
    void probeFollowsProxyAddress();

private:
    QTemporaryDir m_dir;
};

namespace {

ProbeSpec httpSpec()
{
    ProbeSpec spec;
    spec.id = QStringLiteral("orders");
    spec.label = QStringLiteral("orders");
    spec.kind = ProbeKind::Http;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = 8080;
    spec.path = QStringLiteral("/health");
    return spec;
}

chaoslab::toxiproxy::Proxy proxy(const char* name, const char* listen)
{
    return { QString::fromUtf8(name), QString::fromUtf8(listen), QStringLiteral("127.0.0.1:9"),
        true, {} };
}

} // namespace

void TestProbeEditor::validatorRejectsInvalidSpec_data()
{
    QTest::addColumn<ProbeSpec>("spec");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("mentions");
    using F = ProbeFormError::Field;
    const auto with = [](auto change) {
        ProbeSpec spec = httpSpec();
        change(spec);
        return spec;
    };

    QTest::newRow("empty name") << with([](ProbeSpec& s) { s.label = QStringLiteral(" "); })
                                << int(F::Label) << "Name";
    QTest::newRow("name of another probe")
        << with([](ProbeSpec& s) { s.label = QStringLiteral("Users"); }) << int(F::Label)
        << "already used";
    QTest::newRow("empty host") << with([](ProbeSpec& s) { s.host.clear(); }) << int(F::Host)
                                << "Host";
    QTest::newRow("host with a scheme")
        << with([](ProbeSpec& s) { s.host = QStringLiteral("http://x"); }) << int(F::Host)
        << "http://x";
    QTest::newRow("port zero") << with([](ProbeSpec& s) { s.port = 0; }) << int(F::Port) << "Port";
    QTest::newRow("method with a space")
        << with([](ProbeSpec& s) { s.method = "GE T"; }) << int(F::Method) << "GE T";
    QTest::newRow("path without slash")
        << with([](ProbeSpec& s) { s.path = QStringLiteral("health"); }) << int(F::Path) << "Path";
    QTest::newRow("header name with a space") << with([](ProbeSpec& s) {
        s.headers = { { "X Y", "1" } };
    }) << int(F::Headers) << "X Y";
    QTest::newRow("expected status 700")
        << with([](ProbeSpec& s) { s.expectedStatus = 700; }) << int(F::ExpectedStatus) << "700";
    QTest::newRow("interval 10 ms")
        << with([](ProbeSpec& s) { s.interval = std::chrono::milliseconds(10); })
        << int(F::Interval) << "Interval";
    QTest::newRow("timeout 0 ms") << with([](ProbeSpec& s) {
        s.timeout = std::chrono::milliseconds(0);
    }) << int(F::Timeout) << "Timeout";
    QTest::newRow("concurrency 0")
        << with([](ProbeSpec& s) { s.concurrency = 0; }) << int(F::Concurrency) << "Concurrency";
    QTest::newRow("mysql password without user") << with([](ProbeSpec& s) {
        s.kind = ProbeKind::Mysql;
        s.password = QStringLiteral("secret");
    }) << int(F::User) << "User";
}

void TestProbeEditor::validatorRejectsInvalidSpec()
{
    QFETCH(ProbeSpec, spec);
    QFETCH(int, field);
    QFETCH(QString, mentions);
    const ProbeFormValidator validator({ QStringLiteral("users") });
    const auto error = validator.validate(spec);
    QVERIFY(error);
    QCOMPARE(int(error->field), field);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
}

void TestProbeEditor::validatorAcceptsValidSpecs()
{
    const ProbeFormValidator validator({ QStringLiteral("users") });
    QVERIFY(!validator.validate(httpSpec()));
    ProbeSpec throughProxy = httpSpec();
    throughProxy.proxy = QStringLiteral("demo_api");
    throughProxy.port = 0;
    QVERIFY(!validator.validate(throughProxy));
    ProbeSpec redis = httpSpec();
    redis.kind = ProbeKind::Redis;
    redis.path = QStringLiteral("not checked for redis");
    QVERIFY(!validator.validate(redis));
}

void TestProbeEditor::dialogShowsErrorAndStaysOpen()
{
    ProbeDialog dialog(httpSpec(), {}, { QStringLiteral("users") });
    dialog.show();
    dialog.portBox()->setValue(0);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("Port")), qPrintable(dialog.errorText()));
    // Spin boxes cannot hold values out of range at all.
    dialog.intervalBox()->setValue(1);
    QCOMPARE(dialog.intervalBox()->value(), ProbeFormValidator::MinIntervalMs);
}

void TestProbeEditor::dialogRejectsMalformedHeader()
{
    ProbeDialog dialog(httpSpec(), {}, {});
    dialog.show();
    dialog.headersEdit()->setPlainText(QStringLiteral("Accept: */*\nno colon here"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("line 2")), qPrintable(dialog.errorText()));
}

void TestProbeEditor::dialogReturnsEnteredSpec()
{
    const QMap<QString, QString> proxies { { QStringLiteral("demo_api"),
        QStringLiteral("127.0.0.1:18080") } };
    ProbeDialog dialog(httpSpec(), proxies, {});
    dialog.show();
    dialog.labelEdit()->setText(QStringLiteral("demo"));
    dialog.targetBox()->setCurrentIndex(dialog.targetBox()->findData(QStringLiteral("demo_api")));
    QCOMPARE(dialog.portBox()->value(), 18080);
    QVERIFY(!dialog.hostEdit()->isEnabled());
    dialog.headersEdit()->setPlainText(QStringLiteral("Accept: application/json"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const ProbeSpec spec = dialog.spec();
    QCOMPARE(spec.id, QStringLiteral("orders"));
    QCOMPARE(spec.label, QStringLiteral("demo"));
    QCOMPARE(spec.proxy, QStringLiteral("demo_api"));
    QCOMPARE(spec.headers.size(), 1);
    QCOMPARE(spec.headers.first().second, QByteArray("application/json"));
    QCOMPARE(spec.interval, std::chrono::milliseconds(500));
    QCOMPARE(spec.timeout, std::chrono::milliseconds(2000));
}

void TestProbeEditor::specRoundTripsThroughSettings()
{
    ProbeSpec http = httpSpec();
    http.method = "POST";
    http.headers = { { "Content-Type", "application/json" } };
    http.body = "{\"a\":1}";
    http.expectedStatus = 201;
    http.interval = std::chrono::milliseconds(250);
    http.keepAlive = true;
    ProbeSpec mysql;
    mysql.id = QStringLiteral("db");
    mysql.label = QStringLiteral("db");
    mysql.kind = ProbeKind::Mysql;
    mysql.proxy = QStringLiteral("missing_proxy");
    mysql.user = QStringLiteral("lab");
    mysql.password = QStringLiteral("secret");
    mysql.database = QStringLiteral("shop");

    const QString file = m_dir.filePath(QStringLiteral("roundtrip.ini"));
    ProxyListModel proxies;
    EventLogModel log;
    {
        Settings settings(file);
        ProbeChartsDock dock(&proxies, &log, &settings);
        dock.board()->addProbe(http);
        dock.board()->addProbe(mysql);
    }
    Settings settings(file);
    ProbeChartsDock dock(&proxies, &log, &settings);
    const auto specs = dock.board()->specs();
    QCOMPARE(specs.size(), 2);
    QVERIFY(specs.at(0) == http);
    QVERIFY(specs.at(1) == mysql);
    // The proxy is not on the server, so that probe waits.
    QVERIFY(!dock.board()->runner(QStringLiteral("db"))->isRunning());
    QVERIFY(dock.board()->runner(QStringLiteral("orders"))->isRunning());
}

void TestProbeEditor::demoProbeOnlyWithoutSavedList()
{
    ProxyListModel proxies;
    EventLogModel log;
    Settings fresh(m_dir.filePath(QStringLiteral("fresh.ini")));
    ProbeChartsDock dock(&proxies, &log, &fresh);
    dock.addDemoProbeIfUnset();
    QCOMPARE(dock.board()->rowCount(), 1);
    const auto* demo = dock.board()->spec(QStringLiteral("demo_api"));
    QVERIFY(demo);
    QCOMPARE(demo->kind, ProbeKind::Http);
    QCOMPARE(demo->proxy, QStringLiteral("demo_api"));
    QCOMPARE(demo->path, QStringLiteral("/health"));

    dock.board()->clear();
    QCOMPARE(fresh.value(Settings::probes), QStringLiteral("[]"));
    Settings emptied(m_dir.filePath(QStringLiteral("fresh.ini")));
    ProbeChartsDock again(&proxies, &log, &emptied);
    again.addDemoProbeIfUnset();
    QCOMPARE(again.board()->rowCount(), 0);
}

void TestProbeEditor::probeFollowsProxyAddress()
{
    ProxyListModel proxies;
    ProbeBoard board;
    QAbstractItemModelTester tester(&board, QAbstractItemModelTester::FailureReportingMode::QtTest);
    board.setProxyModel(&proxies);
    ProbeSpec spec = httpSpec();
    spec.proxy = QStringLiteral("api");
    spec.port = 0;
    spec.host.clear();
    const QString id = board.addProbe(spec);
    QVERIFY(!board.runner(id)->isRunning());

    proxies.setProxies({ proxy("api", "127.0.0.1:18080") });
    QCOMPARE(board.runner(id)->spec().port, quint16(18080));
    QCOMPARE(board.runner(id)->spec().host, QStringLiteral("127.0.0.1"));
    QVERIFY(board.runner(id)->isRunning());

    proxies.setProxies({ proxy("api", "0.0.0.0:18081") });
    QCOMPARE(board.runner(id)->spec().port, quint16(18081));
    QCOMPARE(board.runner(id)->spec().host, QStringLiteral("127.0.0.1"));
    // The saved spec keeps only the proxy name.
    QCOMPARE(board.spec(id)->port, quint16(0));
}

QTEST_MAIN(TestProbeEditor)
#include "tst_probeeditor.moc"
