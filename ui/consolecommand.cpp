#include "consolecommand.h"

#include "consoleoptions.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "probechartsdock.h"
#include "settings.h"
#include "translator.h"

#include "host/builtinengine.h"
#include "host/enginehost.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

namespace chaoslab::ui {

QString consoleHelpText()
{
    return ConsoleOptionParser::helpText();
}

int runConsole(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const auto options = ConsoleOptionParser::parse(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "chaoslab: %s\n", qPrintable(error));
        return 2;
    }
    if (options->helpRequested) {
        QTextStream(stdout) << consoleHelpText();
        return 0;
    }

    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Chaos Lab"));
    QApplication::setApplicationName(QStringLiteral("chaoslab"));
    QApplication::setApplicationVersion(QStringLiteral(CHAOSLAB_VERSION));
    installTranslations(application, options->language);

    Settings settings;
    const QUrl serverUrl = options->serverUrl.value_or(QUrl(settings.value(Settings::serverUrl)));
    settings.setValue(Settings::serverUrl, serverUrl.toString());
    toxiproxy::ToxiproxyClient client(serverUrl);
    toxiproxy::ServerMonitor monitor(&client);

    MainWindow window({ &client, &monitor, ServerKind::Toxiproxy }, &settings);
    if (options->presenter)
        window.setPresenterMode(true);
    window.show();

    // The window is drawn before the host looks for the server, so the first frame does not
    // wait for it. The monitor starts once the server is known or the built-in one runs.
    host::EngineHost engineHost;
    QObject::connect(&engineHost, &host::EngineHost::ready, &window,
        [&](host::EngineHost::Kind kind, const QString&) {
            const bool builtIn = kind == host::EngineHost::Kind::BuiltIn;
            window.connectionStatus()->setServerKind(
                builtIn ? ServerKind::BuiltInEngine : ServerKind::Toxiproxy);
            if (builtIn) {
                QString message = QCoreApplication::translate("Console",
                    "No Toxiproxy answered at %1, so Chaos Lab started its built-in "
                    "engine there, with a demo HTTP service behind the proxy demo_api.")
                                      .arg(serverUrl.toString());
                const auto* engine = engineHost.builtInEngine();
                const QString demo
                    = engine ? QString::fromStdString(engine->demoProxyAddress()) : QString();
                const bool demoMoved = !demo.isEmpty()
                    && !demo.endsWith(u':' + QString::number(host::BuiltInEngine::DemoProxyPort));
                // The bundled labs expect demo_api on its usual port and refuse to start.
                if (demoMoved)
                    message += u' '
                        + QCoreApplication::translate("Console",
                            "Port %1 was taken by another program, so demo_api listens on %2 "
                            "and the bundled labs cannot run. Stop that program, such as "
                            "another Chaos Lab window, and start Chaos Lab again.")
                              .arg(host::BuiltInEngine::DemoProxyPort)
                              .arg(demo);
                window.banner()->showMessage(
                    demoMoved ? MessageBanner::Kind::Error : MessageBanner::Kind::Info, message);
            }
            if (builtIn)
                window.probeCharts()->addDemoProbeIfUnset();
            monitor.start();
            if (!options->lab.isEmpty())
                window.startLab(options->lab);
        });
    QObject::connect(&engineHost, &host::EngineHost::failed, &window, [&](const QString& message) {
        window.banner()->showMessage(MessageBanner::Kind::Error, message);
        monitor.start();
    });
    engineHost.start(serverUrl);
    return QApplication::exec();
}

} // namespace chaoslab::ui
