#include "consolecommand.h"

#include "mainwindow.h"
#include "settings.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace chaoslab::ui {

namespace {

class ConsoleText
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleCommand)

public:
    static QString help()
    {
        return tr("Console options:\n"
                  "  --toxiproxy URL   Toxiproxy API to control (default http://127.0.0.1:8474)\n"
                  "  --presenter       start in presenter mode: large fonts, high contrast\n"
                  "  --lang en|id      language of the window\n");
    }
};

const QString defaultUrl = QStringLiteral("http://127.0.0.1:8474");

} // namespace

QString consoleHelpText()
{
    return ConsoleText::help();
}

std::optional<ConsoleOptions> parseConsoleOptions(
    const QStringList& arguments, QString* error, bool* helpRequested)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption toxiproxy(QStringLiteral("toxiproxy"),
        QStringLiteral("Toxiproxy API URL"), QStringLiteral("URL"), defaultUrl);
    const QCommandLineOption presenter(
        QStringLiteral("presenter"), QStringLiteral("Presenter mode"));
    const QCommandLineOption language(
        QStringLiteral("lang"), QStringLiteral("Language"), QStringLiteral("LANG"));
    const QCommandLineOption help(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Help"));
    parser.addOptions({ toxiproxy, presenter, language, help });

    if (!parser.parse(QStringList { QStringLiteral("chaoslab") } + arguments)) {
        *error = parser.errorText() + QStringLiteral(" Run 'chaoslab --help' for the options.");
        return std::nullopt;
    }
    if (helpRequested)
        *helpRequested = parser.isSet(help);
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unknown command '%1'; run 'chaoslab --help' for the commands.")
                     .arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ConsoleOptions options;
    options.serverUrl = QUrl(parser.value(toxiproxy), QUrl::StrictMode);
    const auto scheme = options.serverUrl.scheme();
    if (!options.serverUrl.isValid() || (scheme != u"http" && scheme != u"https")
        || options.serverUrl.host().isEmpty()) {
        *error = QStringLiteral("invalid --toxiproxy URL '%1': expected http://HOST:PORT, for "
                                "example %2.")
                     .arg(parser.value(toxiproxy), defaultUrl);
        return std::nullopt;
    }
    options.presenter = parser.isSet(presenter);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != u"en" && options.language != u"id") {
        *error = QStringLiteral("invalid --lang '%1': expected en or id.").arg(options.language);
        return std::nullopt;
    }
    return options;
}

int runConsole(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    bool helpRequested = false;
    const auto options = parseConsoleOptions(arguments, &error, &helpRequested);
    if (!options) {
        std::fprintf(stderr, "chaoslab: %s\n", qPrintable(error));
        return 2;
    }
    if (helpRequested) {
        QTextStream(stdout) << consoleHelpText();
        return 0;
    }

    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Chaos Lab"));
    QApplication::setApplicationName(QStringLiteral("chaoslab"));
    QApplication::setApplicationVersion(QStringLiteral(CHAOSLAB_VERSION));
    // TODO: install the QTranslator for options->language once the translations ship.

    Settings settings;
    settings.setValue(Settings::serverUrl, options->serverUrl.toString());
    toxiproxy::ToxiproxyClient client(options->serverUrl);
    toxiproxy::ServerMonitor monitor(&client);

    MainWindow window({ &client, &monitor, ServerKind::Toxiproxy }, &settings);
    if (options->presenter)
        window.setPresenterMode(true);
    window.show();
    monitor.start();
    return QApplication::exec();
}

} // namespace chaoslab::ui
