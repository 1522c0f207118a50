// The console entry point: `chaoslab [--toxiproxy URL] [--presenter] [--lang en|id]`
// opens the window on the given Toxiproxy API.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace chaoslab::ui {

struct ConsoleOptions
{
    QUrl serverUrl;
    bool presenter = false;
    // "en" or "id"; empty means the system language.
    QString language;
};

// Parses the console's arguments (without the program name). Returns nothing and sets
// `error` when an argument is invalid; sets `helpRequested` for --help.
std::optional<ConsoleOptions> parseConsoleOptions(
    const QStringList& arguments, QString* error, bool* helpRequested = nullptr);

// Returns the console's option summary for `chaoslab --help`.
QString consoleHelpText();

// Opens the window and runs the event loop; returns the exit code.
int runConsole(int argc, char** argv);

} // namespace chaoslab::ui
