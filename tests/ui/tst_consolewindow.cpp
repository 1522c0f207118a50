// The console window against the built-in engine run as a real process: sliders create and
// update toxics, changes made through the API appear, reset clears both sides, and a lost
// server shows the banner and recovers. A second client plays toxiproxy-cli.
#include "engineprocess.h"

#include "attributecontrol.h"
#include "confirmdialog.h"
#include "eventlogmodel.h"
#include "lab/labplayerpanel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "proxyactions.h"
#include "proxydialog.h"
#include "proxylistmodel.h"
#include "proxytoxicspage.h"
#include "settings.h"
#include "toggleswitch.h"
#include "topology/topologyscene.h"
#include "toxiccontrolsview.h"
#include "toxiceditor.h"
#include "toxicsummary.h"
#include "toxictypepanel.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace chaoslab::ui;
using namespace chaoslab::toxiproxy;

class TestConsoleWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sliderCreatesThenUpdatesToxic();
    void apiChangeAppearsWithinOneSecond();
    void serverChangeWhileDraggingDoesNotClobber();
    void changeAfterReleaseShowsWithinOneSecond();
    void bothDirectionsMakesTwoToxics();
    void addAnotherCreatesNamedToxic();
    void slicerVariationStaysBelowAverage();
    void resetClearsWindowAndServer();
    void disablingProxyAsksFirst();
    void removingTimeoutAsksFirst();
    void newProxyDialogCreatesProxy();
    void lostServerShowsBannerAndRecovers();
    void everyControlHasAccessibleName();
    void presenterModeEnlargesFonts();
    void closingRollsBackRunningLab();

private:
    ApiResult waitForResult(const std::function<void(ToxiproxyClient::Done)>& call);
    void createProxy(const QString& name, bool enabled = true);
    void createToxic(const QString& proxy, const Toxic& toxic);
    std::optional<Toxic> serverToxic(const QString& proxy, const QString& name);
    QList<Proxy> serverProxies();
    void showProxy(const QString& name);
    ToxicEditor* editor(const QString& proxy, const QString& type, const QString& name = {});
    void drag(AttributeControl* control, int position, bool release = true);
    bool logContains(EventLogEntry::Severity severity, const QString& text) const;

    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ToxiproxyClient> m_client;
    std::unique_ptr<ServerMonitor> m_monitor;
    std::unique_ptr<ToxiproxyClient> m_api;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    QList<ConfirmRequest> m_confirmations;
    bool m_acceptConfirmations = true;
};

namespace {

Toxic makeToxic(
    const char* type, ToxicStream stream, QList<ToxicAttribute> attributes, double toxicity = 1.0)
{
    Toxic toxic;
    toxic.type = QString::fromLatin1(type);
    toxic.stream = stream;
    toxic.toxicity = toxicity;
    toxic.attributes = std::move(attributes);
    return toxic;
}

} // namespace

void TestConsoleWindow::init()
{
    // Lab progress and rollback journals go to a test folder, not the user's data folder.
    QStandardPaths::setTestModeEnabled(true);
    m_engine = std::make_unique<EngineProcess>();
    QVERIFY2(m_engine->start(), qPrintable(m_engine->error()));

    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("console.ini")));
    m_client = std::make_unique<ToxiproxyClient>(m_engine->url());
    m_monitor = std::make_unique<ServerMonitor>(m_client.get());
    m_monitor->setRetryDelays(std::chrono::milliseconds(100), std::chrono::milliseconds(400));
    m_api = std::make_unique<ToxiproxyClient>(m_engine->url());

    m_confirmations.clear();
    m_acceptConfirmations = true;
    ConfirmDialog::setAnswerer([this](const ConfirmRequest& request) {
        m_confirmations.append(request);
        return m_acceptConfirmations;
    });

    m_window = std::make_unique<MainWindow>(
        ConsoleServer { m_client.get(), m_monitor.get(), ServerKind::BuiltInEngine },
        m_settings.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_window->proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    m_monitor->start();
    QTRY_COMPARE(m_monitor->connectionState(), ServerMonitor::ConnectionState::Connected);
}

void TestConsoleWindow::cleanup()
{
    ConfirmDialog::setAnswerer({});
    m_modelTester.reset();
    m_window.reset();
    m_monitor.reset();
    m_client.reset();
    m_api.reset();
    m_engine.reset();
}

ApiResult TestConsoleWindow::waitForResult(const std::function<void(ToxiproxyClient::Done)>& call)
{
    std::optional<ApiResult> result;
    call([&result](const ApiResult& done) { result = done; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
        return ApiResult { ErrorKind::TimedOut, 0, QStringLiteral("no response within 5 s"), {},
            {} };
    return *result;
}

void TestConsoleWindow::createProxy(const QString& name, bool enabled)
{
    const Proxy proxy { name, QStringLiteral("127.0.0.1:0"), QStringLiteral("127.0.0.1:9"), enabled,
        {} };
    const auto result = waitForResult([&](auto done) {
        m_api->createProxy(proxy, this, [done](const ApiResult& r, const Proxy&) { done(r); });
    });
    QVERIFY2(result.ok(), qPrintable(result.message));
}

void TestConsoleWindow::createToxic(const QString& proxy, const Toxic& toxic)
{
    const auto result = waitForResult([&](auto done) {
        m_api->createToxic(
            proxy, toxic, this, [done](const ApiResult& r, const Toxic&) { done(r); });
    });
    QVERIFY2(result.ok(), qPrintable(result.message));
}

std::optional<Toxic> TestConsoleWindow::serverToxic(const QString& proxy, const QString& name)
{
    Toxic found;
    const auto result = waitForResult([&](auto done) {
        m_api->getToxic(proxy, name, this, [done, &found](const ApiResult& r, const Toxic& toxic) {
            found = toxic;
            done(r);
        });
    });
    if (!result.ok())
        return std::nullopt;
    return found;
}

QList<Proxy> TestConsoleWindow::serverProxies()
{
    QList<Proxy> proxies;
    waitForResult([&](auto done) {
        m_api->listProxies(this, [done, &proxies](const ApiResult& r, const QList<Proxy>& list) {
            proxies = list;
            done(r);
        });
    });
    return proxies;
}

void TestConsoleWindow::showProxy(const QString& name)
{
    QTRY_VERIFY(m_window->proxyModel()->rowOf(name) >= 0);
    m_window->selectProxy(name);
    QCOMPARE(m_window->selectedProxy(), name);
    QVERIFY(m_window->toxicControls()->page(name));
}

ToxicEditor* TestConsoleWindow::editor(
    const QString& proxy, const QString& type, const QString& name)
{
    auto* page = m_window->toxicControls()->page(proxy);
    return page ? page->editor(type, name.isEmpty() ? type : name) : nullptr;
}

// Drags the slider as a mouse would: press, move and, when `release` is true, release.
void TestConsoleWindow::drag(AttributeControl* control, int position, bool release)
{
    auto* slider = control->slider();
    if (!slider->isSliderDown())
        slider->setSliderDown(true);
    slider->setValue(position);
    if (release)
        slider->setSliderDown(false);
}

bool TestConsoleWindow::logContains(EventLogEntry::Severity severity, const QString& text) const
{
    const auto* log = m_window->eventLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        const auto& entry = log->entry(row);
        if (entry.severity == severity && entry.message.contains(text))
            return true;
    }
    return false;
}

void TestConsoleWindow::sliderCreatesThenUpdatesToxic()
{
    createProxy(QStringLiteral("db"));
    showProxy(QStringLiteral("db"));
    auto* latency = editor(QStringLiteral("db"), QStringLiteral("latency"));
    QVERIFY(latency);
    QVERIFY(!latency->toggle()->isChecked());

    auto* control = latency->control(QStringLiteral("latency"));
    drag(control, control->slider()->maximum() * 2 / 3);
    const qint64 first = control->value();
    QVERIFY(latency->toggle()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(
        serverToxic(QStringLiteral("db"), QStringLiteral("latency_downstream")).has_value(), 3000);
    QCOMPARE(serverToxic(QStringLiteral("db"), QStringLiteral("latency_downstream"))
                 ->attribute(QStringLiteral("latency")),
        first);

    drag(control, control->slider()->maximum() / 3);
    const qint64 second = control->value();
    QVERIFY(second != first);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverToxic(QStringLiteral("db"), QStringLiteral("latency_downstream"))
            ->attribute(QStringLiteral("latency")),
        std::optional<qint64>(second), 3000);
    QTRY_COMPARE(m_window->topology()->badges(QStringLiteral("db"), false).size(), 1);
}

void TestConsoleWindow::apiChangeAppearsWithinOneSecond()
{
    createProxy(QStringLiteral("cache"));
    createToxic(QStringLiteral("cache"),
        makeToxic("latency", ToxicStream::Downstream, { { QStringLiteral("latency"), 250 } }));
    showProxy(QStringLiteral("cache"));
    auto* latency = editor(QStringLiteral("cache"), QStringLiteral("latency"));
    QTRY_VERIFY(latency->toggle()->isChecked());
    QTRY_COMPARE(latency->control(QStringLiteral("latency"))->value(), qint64(250));

    ToxicUpdate update;
    update.attributes = { { QStringLiteral("latency"), 4000 } };
    QElapsedTimer clock;
    clock.start();
    waitForResult([&](auto done) {
        m_api->updateToxic(QStringLiteral("cache"), QStringLiteral("latency_downstream"), update,
            this, [done](const ApiResult& r, const Toxic&) { done(r); });
    });
    QTRY_COMPARE_WITH_TIMEOUT(
        latency->control(QStringLiteral("latency"))->value(), qint64(4000), 1000);
    qInfo("change shown after %lld ms", clock.elapsed());

    Toxic expected = makeToxic("latency", ToxicStream::Downstream,
        { { QStringLiteral("latency"), 4000 }, { QStringLiteral("jitter"), 0 } });
    QCOMPARE(m_window->topology()->badges(QStringLiteral("cache"), false),
        QStringList { ToxicSummary::describe(expected) });

    createToxic(QStringLiteral("cache"),
        makeToxic("bandwidth", ToxicStream::Upstream, { { QStringLiteral("rate"), 64 } }, 0.5));
    auto* bandwidth = editor(QStringLiteral("cache"), QStringLiteral("bandwidth"));
    QTRY_VERIFY_WITH_TIMEOUT(bandwidth->toggle()->isChecked(), 1000);
    QCOMPARE(bandwidth->directionBox()->currentIndex(), 1);
    QCOMPARE(bandwidth->control(QStringLiteral("rate"))->value(), qint64(64));
    QCOMPARE(bandwidth->control(QStringLiteral("toxicity"))->value(), qint64(50));
    QVERIFY(logContains(EventLogEntry::Severity::Change, QStringLiteral("bandwidth_upstream")));
}

void TestConsoleWindow::serverChangeWhileDraggingDoesNotClobber()
{
    createProxy(QStringLiteral("api"));
    showProxy(QStringLiteral("api"));
    auto* control = editor(QStringLiteral("api"), QStringLiteral("latency"))
                        ->control(QStringLiteral("latency"));

    drag(control, control->slider()->maximum() / 2, false);
    const qint64 mine = control->value();
    QTRY_COMPARE_WITH_TIMEOUT(
        serverToxic(QStringLiteral("api"), QStringLiteral("latency_downstream"))
            ->attribute(QStringLiteral("latency")),
        std::optional<qint64>(mine), 3000);

    ToxicUpdate update;
    update.attributes = { { QStringLiteral("latency"), 9000 } };
    waitForResult([&](auto done) {
        m_api->updateToxic(QStringLiteral("api"), QStringLiteral("latency_downstream"), update,
            this, [done](const ApiResult& r, const Toxic&) { done(r); });
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        logContains(EventLogEntry::Severity::Warning, QStringLiteral("9")), 2000);
    QCOMPARE(control->value(), mine);

    control->slider()->setSliderDown(false);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverToxic(QStringLiteral("api"), QStringLiteral("latency_downstream"))
            ->attribute(QStringLiteral("latency")),
        std::optional<qint64>(mine), 3000);
}

// Another client changes the toxic just after the slider was released here. The first poll
// requested after the server acknowledged the release shows the change within one second,
// and the slider never goes back to the value it had before the drag.
void TestConsoleWindow::changeAfterReleaseShowsWithinOneSecond()
{
    const QString proxy = QStringLiteral("ledger");
    const QString toxic = QStringLiteral("latency_downstream");
    createProxy(proxy);
    showProxy(proxy);
    auto* control = editor(proxy, QStringLiteral("latency"))->control(QStringLiteral("latency"));
    const qint64 before = control->value();

    drag(control, control->slider()->maximum() / 2);
    const qint64 mine = control->value();
    QVERIFY(mine != before);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverToxic(proxy, toxic)->attribute(QStringLiteral("latency")), std::optional(mine), 3000);

    const qint64 external = mine + 1234;
    ToxicUpdate update;
    update.attributes = { { QStringLiteral("latency"), external } };
    const auto result = waitForResult([&](auto done) {
        m_api->updateToxic(
            proxy, toxic, update, this, [done](const ApiResult& r, const Toxic&) { done(r); });
    });
    QVERIFY2(result.ok(), qPrintable(result.message));

    QElapsedTimer clock;
    clock.start();
    QList<qint64> shownValues;
    const bool arrived = QTest::qWaitFor(
        [&] {
            shownValues.append(control->value());
            return control->value() == external;
        },
        1000);
    QVERIFY2(arrived,
        qPrintable(QStringLiteral("latency %1 set elsewhere not shown within 1 s; still %2")
                       .arg(external)
                       .arg(control->value())));
    qInfo("change made elsewhere shown after %lld ms", clock.elapsed());
    for (const qint64 value : std::as_const(shownValues))
        QVERIFY2(value == mine || value == external, qPrintable(QString::number(value)));
    QTest::qWait(600);
    QCOMPARE(control->value(), external);
    QCOMPARE(
        serverToxic(proxy, toxic)->attribute(QStringLiteral("latency")), std::optional(external));
}

void TestConsoleWindow::bothDirectionsMakesTwoToxics()
{
    createProxy(QStringLiteral("mq"));
    showProxy(QStringLiteral("mq"));
    auto* slowClose = editor(QStringLiteral("mq"), QStringLiteral("slow_close"));
    slowClose->toggle()->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        serverToxic(QStringLiteral("mq"), QStringLiteral("slow_close_downstream")).has_value(),
        3000);

    emit slowClose->directionBox()->activated(2);
    QTRY_VERIFY_WITH_TIMEOUT(
        serverToxic(QStringLiteral("mq"), QStringLiteral("slow_close_upstream")).has_value(), 3000);
    QVERIFY(serverToxic(QStringLiteral("mq"), QStringLiteral("slow_close_downstream")).has_value());

    emit slowClose->directionBox()->activated(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        !serverToxic(QStringLiteral("mq"), QStringLiteral("slow_close_downstream")).has_value(),
        3000);
    QVERIFY(serverToxic(QStringLiteral("mq"), QStringLiteral("slow_close_upstream")).has_value());
}

void TestConsoleWindow::addAnotherCreatesNamedToxic()
{
    createProxy(QStringLiteral("web"));
    showProxy(QStringLiteral("web"));
    auto* panel
        = m_window->toxicControls()->page(QStringLiteral("web"))->panel(QStringLiteral("latency"));
    panel->addButton()->click();
    QCOMPARE(panel->editors().size(), size_t(2));
    auto* second = panel->editors().back();
    QCOMPARE(second->identity().name, QStringLiteral("latency_2"));

    auto* control = second->control(QStringLiteral("latency"));
    drag(control, control->slider()->maximum() / 4);
    QTRY_VERIFY_WITH_TIMEOUT(
        serverToxic(QStringLiteral("web"), QStringLiteral("latency_2_downstream")).has_value(),
        3000);
    QVERIFY(!serverToxic(QStringLiteral("web"), QStringLiteral("latency_downstream")).has_value());
}

void TestConsoleWindow::slicerVariationStaysBelowAverage()
{
    createProxy(QStringLiteral("slow"));
    showProxy(QStringLiteral("slow"));
    auto* slicer = editor(QStringLiteral("slow"), QStringLiteral("slicer"));
    auto* average = slicer->control(QStringLiteral("average_size"));
    auto* variation = slicer->control(QStringLiteral("size_variation"));

    average->spinBox()->setValue(10);
    QCOMPARE(variation->spinBox()->maximum(), 9);
    QVERIFY(variation->value() <= 9);
    variation->spinBox()->setValue(50);
    QCOMPARE(variation->value(), qint64(9));
    QCOMPARE(average->spinBox()->minimum(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(
        serverToxic(QStringLiteral("slow"), QStringLiteral("slicer_downstream")).has_value(), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverToxic(QStringLiteral("slow"), QStringLiteral("slicer_downstream"))
            ->attribute(QStringLiteral("size_variation")),
        std::optional<qint64>(9), 3000);
    QVERIFY(!logContains(EventLogEntry::Severity::Error, QString()));
}

void TestConsoleWindow::resetClearsWindowAndServer()
{
    createProxy(QStringLiteral("a"));
    createProxy(QStringLiteral("b"), false);
    createToxic(QStringLiteral("a"),
        makeToxic("latency", ToxicStream::Downstream, { { QStringLiteral("latency"), 100 } }));
    createToxic(QStringLiteral("a"),
        makeToxic("limit_data", ToxicStream::Upstream, { { QStringLiteral("bytes"), 1000 } }));
    showProxy(QStringLiteral("a"));
    auto* latency = editor(QStringLiteral("a"), QStringLiteral("latency"));
    QTRY_VERIFY(latency->toggle()->isChecked());
    QTRY_COMPARE(m_window->proxyModel()->index(0).data(ProxyListModel::ToxicCountRole).toInt(), 2);

    m_window->proxyActions()->resetAction()->trigger();
    // The window shows the reset at once, before the server responds.
    QVERIFY(!latency->toggle()->isChecked());
    for (int row = 0; row < m_window->proxyModel()->rowCount(); ++row) {
        const auto index = m_window->proxyModel()->index(row);
        QCOMPARE(index.data(ProxyListModel::ToxicCountRole).toInt(), 0);
        QVERIFY(index.data(ProxyListModel::EnabledRole).toBool());
    }
    QVERIFY(m_window->topology()->badges(QStringLiteral("a"), false).isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(
        logContains(EventLogEntry::Severity::Info, QStringLiteral("confirmed")), 3000);
    for (const auto& proxy : serverProxies()) {
        QVERIFY2(proxy.toxics.isEmpty(), qPrintable(proxy.name));
        QVERIFY2(proxy.enabled, qPrintable(proxy.name));
    }
    // Still clear once the settling time has passed and polls show the server's state.
    QTest::qWait(2000);
    QVERIFY(!latency->toggle()->isChecked());
    QCOMPARE(m_window->proxyModel()->proxy(QStringLiteral("a"))->toxics.size(), 0);
}

void TestConsoleWindow::disablingProxyAsksFirst()
{
    createProxy(QStringLiteral("db"));
    showProxy(QStringLiteral("db"));
    auto* enable = m_window->proxyActions()->enableAction();
    QVERIFY(enable->isChecked());

    m_acceptConfirmations = false;
    enable->trigger();
    QCOMPARE(m_confirmations.size(), 1);
    QVERIFY(m_confirmations.first().text.contains(QStringLiteral("db")));
    QTest::qWait(600);
    QVERIFY(serverProxies().first().enabled);
    QVERIFY(enable->isChecked());

    m_acceptConfirmations = true;
    enable->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!serverProxies().first().enabled, 3000);
    QTRY_VERIFY(!m_window->proxyModel()->proxy(QStringLiteral("db"))->enabled);
    QTRY_VERIFY(!enable->isChecked());
}

void TestConsoleWindow::removingTimeoutAsksFirst()
{
    createProxy(QStringLiteral("db"));
    createToxic(QStringLiteral("db"),
        makeToxic("timeout", ToxicStream::Downstream, { { QStringLiteral("timeout"), 5000 } }));
    showProxy(QStringLiteral("db"));
    auto* timeout = editor(QStringLiteral("db"), QStringLiteral("timeout"));
    QTRY_VERIFY(timeout->toggle()->isChecked());

    m_acceptConfirmations = false;
    timeout->toggle()->click();
    QCOMPARE(m_confirmations.size(), 1);
    QVERIFY(timeout->toggle()->isChecked());
    QTest::qWait(300);
    QVERIFY(serverToxic(QStringLiteral("db"), QStringLiteral("timeout_downstream")).has_value());

    m_acceptConfirmations = true;
    timeout->toggle()->click();
    QCOMPARE(m_confirmations.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        !serverToxic(QStringLiteral("db"), QStringLiteral("timeout_downstream")).has_value(), 3000);
    QVERIFY(!timeout->toggle()->isChecked());
}

void TestConsoleWindow::newProxyDialogCreatesProxy()
{
    auto* actions = m_window->proxyActions();
    actions->newAction()->trigger();
    auto* dialog = actions->openDialog();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("shop"));
    dialog->upstreamEdit()->setText(QStringLiteral("shop-db"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorText().contains(QStringLiteral("port")));

    dialog->upstreamEdit()->setText(QStringLiteral("127.0.0.1:5432"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(serverProxies().size(), qsizetype(1), 3000);
    QCOMPARE(serverProxies().first().name, QStringLiteral("shop"));
    QTRY_COMPARE(m_window->selectedProxy(), QStringLiteral("shop"));
}

void TestConsoleWindow::lostServerShowsBannerAndRecovers()
{
    createProxy(QStringLiteral("db"));
    showProxy(QStringLiteral("db"));
    QVERIFY(m_window->banner()->text().isEmpty());
    QVERIFY(m_window->connectionStatus()->statusText().contains(m_engine->url().toString()));

    m_engine->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->banner()->text().isEmpty(), 5000);
    QVERIFY(m_window->connectionStatus()->statusText().startsWith(QStringLiteral("Not connected")));
    QVERIFY(logContains(EventLogEntry::Severity::Error, QStringLiteral("lost")));
    // The window keeps working: the proxy list and the controls are still there.
    QCOMPARE(m_window->proxyModel()->rowCount(), 1);

    QVERIFY2(m_engine->start(), qPrintable(m_engine->error()));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_monitor->connectionState(), ServerMonitor::ConnectionState::Connected, 5000);
    QVERIFY(m_window->banner()->text().contains(QStringLiteral("again")));
    // The restarted engine has no proxies, and the window shows that.
    QTRY_COMPARE(m_window->proxyModel()->rowCount(), 0);
    QVERIFY(m_window->toxicControls()->page(QStringLiteral("db")) == nullptr);

    createProxy(QStringLiteral("fresh"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->proxyModel()->rowOf(QStringLiteral("fresh")) >= 0, 2000);
}

// Screen readers announce every control the keyboard can reach by a name.
void TestConsoleWindow::everyControlHasAccessibleName()
{
    createProxy(QStringLiteral("db"));
    showProxy(QStringLiteral("db"));
    int checked = 0;
    for (auto* widget : m_window->findChildren<QWidget*>()) {
        if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        // Parts of Qt's own composite widgets, such as a spin box's line edit, are named
        // through their owner.
        if (widget->objectName().startsWith(QStringLiteral("qt_")))
            continue;
        auto* accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
            qPrintable(
                QStringLiteral("%1 \"%2\" in %3 has no accessible name")
                    .arg(QString::fromLatin1(widget->metaObject()->className()),
                        widget->objectName(),
                        QString::fromLatin1(widget->parentWidget()->metaObject()->className()))));
        ++checked;
    }
    QVERIFY2(checked > 30, qPrintable(QString::number(checked)));
}

void TestConsoleWindow::presenterModeEnlargesFonts()
{
    const qreal normal = QApplication::font().pointSizeF();
    m_window->setPresenterMode(true);
    QVERIFY(QApplication::font().pointSizeF() >= normal * 1.5);
    m_window->setThemeName(Theme::Name::Dark);
    m_window->setPresenterMode(false);
    QCOMPARE(QApplication::font().pointSizeF(), normal);
    QCOMPARE(m_settings->value(Settings::presenterMode), false);
}

void TestConsoleWindow::closingRollsBackRunningLab()
{
    QTemporaryDir labs;
    QVERIFY(labs.isValid());
    const QString path = labs.filePath(QStringLiteral("close.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"chaoslab-lab/1\", \"id\": \"close-test\","
               " \"title\": {\"en\": \"Close\"}, \"summary\": {\"en\": \"Close.\"},"
               " \"proxies\": [{\"name\": \"close_api\", \"listen\": \"127.0.0.1:0\","
               " \"upstream\": \"127.0.0.1:9\"}],"
               " \"steps\": [{\"id\": \"slow\", \"title\": {\"en\": \"Slow\"},"
               " \"text\": {\"en\": \"Slow.\"}, \"actions\": [{\"do\": \"add_toxic\","
               " \"proxy\": \"close_api\", \"toxic\": {\"type\": \"latency\"}}],"
               " \"checks\": [{\"check\": \"toxic\", \"proxy\": \"close_api\","
               " \"type\": \"latency\"}]}]}");
    file.close();

    m_window->startLab(path);
    LabPlayerPanel* player = m_window->labPlayer();
    QTRY_VERIFY(player->session()
        && player->session()->state() == chaoslab::lab::LabSession::State::Running);
    player->session()->performActions();
    QTRY_VERIFY(m_monitor->findProxy(u"close_api")
        && !m_monitor->findProxy(u"close_api")->toxics.isEmpty());

    // Closing waits for the rollback, then the window goes away and so does the lab's proxy.
    m_window->close();
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 10000);
    m_monitor->refreshNow();
    QTRY_VERIFY(m_monitor->findProxy(u"close_api") == nullptr);
}

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
