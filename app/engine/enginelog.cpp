#include "enginelog.h"

// Proxy starts and stops, toxic changes and errors are logged at info level and up, so
// they are shown by default. Per-connection events are debug messages.
Q_LOGGING_CATEGORY(lcEngine, "chaoslab.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngineApi, "chaoslab.engine.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngineLink, "chaoslab.engine.link", QtWarningMsg)
