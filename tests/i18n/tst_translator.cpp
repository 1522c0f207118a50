// Language selection: the Indonesian translation reaches the console window and Qt's standard
// buttons, English keeps the source strings with proper plurals, and an unknown language
// falls back to English.
#include "mainwindow.h"
#include "settings.h"
#include "translator.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace chaoslab::ui;
using namespace chaoslab::toxiproxy;

class TestTranslator : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void indonesianTranslatesWindow();
    void englishHasPluralForms();
    void unknownLanguageFallsBackToEnglish();
};

namespace {

QStringList menuTitles(const QMainWindow& window)
{
    QStringList titles;
    for (const QAction* action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QStringList dockTitles(const QMainWindow& window)
{
    QStringList titles;
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>())
        titles.append(dock->windowTitle());
    return titles;
}

QString proxyCountText(int toxics)
{
    return QCoreApplication::translate("chaoslab::ui::ProxyListModel",
        "%1: listens on %2, forwards to %3, %4, %n toxic(s)", nullptr, toxics);
}

} // namespace

void TestTranslator::cleanup()
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
}

void TestTranslator::indonesianTranslatesWindow()
{
    QCOMPARE(installTranslations(*qApp, QStringLiteral("id")), QStringLiteral("id"));

    // The monitor is never started, so the window sends no request to this address.
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("console.ini")));
    ToxiproxyClient client(QUrl(QStringLiteral("http://127.0.0.1:9")));
    ServerMonitor monitor(&client);
    MainWindow window({ &client, &monitor, ServerKind::Toxiproxy }, &settings);

    const QStringList menus = menuTitles(window);
    QVERIFY2(menus.contains(QStringLiteral("&Berkas")), qPrintable(menus.join(u", ")));
    QVERIFY2(menus.contains(QStringLiteral("Ba&ntuan")), qPrintable(menus.join(u", ")));
    const QStringList docks = dockTitles(window);
    QVERIFY2(docks.contains(QStringLiteral("Log kejadian")), qPrintable(docks.join(u", ")));
    QCOMPARE(proxyCountText(2), QStringLiteral("%1: listen di %2, meneruskan ke %3, %4, 2 toxic"));
    QCOMPARE(QLocale().toString(2000), QStringLiteral("2.000"));
    const QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Batal"));
}

void TestTranslator::englishHasPluralForms()
{
    QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));

    QCOMPARE(proxyCountText(1), QStringLiteral("%1: listens on %2, forwards to %3, %4, 1 toxic"));
    QCOMPARE(proxyCountText(3), QStringLiteral("%1: listens on %2, forwards to %3, %4, 3 toxics"));
    QCOMPARE(
        QCoreApplication::translate("chaoslab::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslator::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(installTranslations(*qApp, QStringLiteral("fr")), QStringLiteral("en"));

    QCOMPARE(proxyCountText(1), QStringLiteral("%1: listens on %2, forwards to %3, %4, 1 toxic"));
}

QTEST_MAIN(TestTranslator)
#include "tst_translator.moc"
