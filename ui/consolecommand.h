// The console entry point: parses the console options, then opens the window on the
// chosen Toxiproxy API and runs the event loop.
#pragma once

#include <QString>

namespace chaoslab::ui {

// Returns the exit code: 0, or 2 for invalid arguments.
int runConsole(int argc, char** argv);

// Returns the console's option summary for `chaoslab --help`.
QString consoleHelpText();

} // namespace chaoslab::ui
