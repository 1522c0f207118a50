#include "consolelog.h"

Q_LOGGING_CATEGORY(lcConsole, "chaoslab.console", QtInfoMsg)
