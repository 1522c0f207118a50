// Logging category of the engine host, "chaoslab.host".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHost)
