// Logging categories of the built-in engine. Enable with, for example,
// QT_LOGGING_RULES="chaoslab.engine.*=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcEngineApi)
Q_DECLARE_LOGGING_CATEGORY(lcEngineLink)
