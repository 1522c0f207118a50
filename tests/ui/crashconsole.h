// Shared parts of the tests that kill a console in the middle of a lab or an experiment and
// check that the next console restores what it changed. The console that crashes is the
// test binary itself, started again as `TEST --crash-child URL FILE`.
#pragma once

#include "engineprocess.h"
#include "mainwindow.h"
#include "settings.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace crashtest {

inline constexpr char childOption[] = "--crash-child";

// A console window on the server at `url` with throwaway settings, shown and polling.
class Console
{
public:
    explicit Console(const QUrl& url);

    chaoslab::ui::MainWindow& window() { return m_window; }
    const chaoslab::toxiproxy::ServerMonitor& monitor() const { return m_monitor; }
    bool connected() const;
    // Returns whether an entry of the window's event log contains `text`.
    bool logContains(const QString& text) const;

private:
    QTemporaryDir m_settingsDir;
    chaoslab::ui::Settings m_settings;
    chaoslab::toxiproxy::ToxiproxyClient m_client;
    chaoslab::toxiproxy::ServerMonitor m_monitor;
    chaoslab::ui::MainWindow m_window;
};

// What one crash test runs against: a data folder shared with the child console, the
// engine as a process of its own, and a client for its API.
struct CrashSetup
{
    QTemporaryDir home;
    QDir journals;
    EngineProcess engine;
    std::unique_ptr<chaoslab::toxiproxy::ToxiproxyClient> api;

    // Points XDG_DATA_HOME and XDG_CONFIG_HOME into the folder and starts the engine.
    // Returns what failed, or nothing.
    std::optional<QString> start();
    // Creates the user's own proxy user_db, which the crashed run changes. Returns whether
    // the server created it.
    bool createUserProxy();
};

// Starts this test binary as the console that is about to crash.
bool startCrashChild(QProcess& child, const QUrl& url, const QString& file);

// The child's whole run: a console on `url` that calls `step` every 50 ms until the test
// kills it. It quits by itself after 60 s, so that a failed test leaves no process behind.
int runCrashChild(const QUrl& url, const std::function<void(Console&)>& step);

// Names the application as the console does, so both processes find the same data folder.
void nameApplication();

// The test's main(): the child's run when started with --crash-child, the tests otherwise.
template <typename Test>
int crashTestMain(int argc, char** argv, int (*child)(const QUrl& url, const QString& file))
{
    QApplication application(argc, argv);
    nameApplication();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String(childOption))
        return child(QUrl(arguments.at(2)), arguments.at(3));
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace crashtest
