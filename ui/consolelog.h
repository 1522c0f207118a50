// Logging category of the console window, "chaoslab.console". Errors and warnings shown in
// the event log are also logged here, so they reach stderr and any log collector.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConsole)
