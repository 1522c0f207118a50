#include "consoleoptions.h"

#include <QCommandLineParser>

namespace chaoslab::ui {

QString ConsoleOptionParser::helpText()
{
    return tr("Console options:\n"
              "  --toxiproxy URL   Toxiproxy API to control (default: the last one used, first\n"
              "                    %1)\n"
              "  --presenter       start in presenter mode: large fonts, high contrast\n"
              "  --lang en|id      language of the window (default: the system's)\n"
              "  --lab ID|FILE     start a bundled lab, or a lab file, once the server answers\n")
        .arg(defaultServerUrl());
}

std::optional<ConsoleOptions> ConsoleOptionParser::parse(
    const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    // Accepts -toxiproxy as well as --toxiproxy, like the toxiproxy-server flags.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption toxiproxy(
        QStringLiteral("toxiproxy"), QString(), QStringLiteral("URL"));
    const QCommandLineOption presenter(QStringLiteral("presenter"), QString());
    const QCommandLineOption language(QStringLiteral("lang"), QString(), QStringLiteral("LANG"));
    const QCommandLineOption lab(QStringLiteral("lab"), QString(), QStringLiteral("LAB"));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QString());
    parser.addOptions({ toxiproxy, presenter, language, lab, help });

    if (!parser.parse(QStringList { QStringLiteral("chaoslab") } + arguments)) {
        *error = tr("%1 Run 'chaoslab --help' for the options.").arg(parser.errorText());
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unknown command '%1'. Run 'chaoslab --help' for the commands.")
                     .arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ConsoleOptions options;
    options.helpRequested = parser.isSet(help);
    options.presenter = parser.isSet(presenter);
    if (parser.isSet(toxiproxy)) {
        const QUrl url(parser.value(toxiproxy), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
            || url.host().isEmpty()) {
            *error = tr("invalid --toxiproxy URL '%1': expected http://HOST:PORT, for example %2.")
                         .arg(parser.value(toxiproxy), defaultServerUrl());
            return std::nullopt;
        }
        options.serverUrl = url;
    }
    options.lab = parser.value(lab);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != u"en" && options.language != u"id") {
        *error = tr("invalid --lang '%1': expected en or id.").arg(options.language);
        return std::nullopt;
    }
    return options;
}

} // namespace chaoslab::ui
