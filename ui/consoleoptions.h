// The console's command line:
// `chaoslab [--toxiproxy URL] [--presenter] [--lang en|id] [--lab ID|FILE]`.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace chaoslab::ui {

struct ConsoleOptions
{
    // Set when --toxiproxy was given; otherwise the console uses the last server URL.
    std::optional<QUrl> serverUrl;
    bool presenter = false;
    // "en" or "id"; empty means the system language.
    QString language;
    // A lab id or lab file to start once the server responds; empty for none.
    QString lab;
    bool helpRequested = false;
};

class ConsoleOptionParser
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptionParser)

public:
    static QString defaultServerUrl() { return QStringLiteral("http://127.0.0.1:8474"); }

    // Parses the arguments after the program name. Returns nothing and sets `error` to a
    // message naming the invalid argument when one is invalid.
    static std::optional<ConsoleOptions> parse(const QStringList& arguments, QString* error);
    // Returns the option summary for `chaoslab --help`.
    static QString helpText();
};

} // namespace chaoslab::ui
