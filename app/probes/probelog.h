// Logging category of the probes, "chaoslab.probes". Enable debug messages, one per attempt,
// with QT_LOGGING_RULES="chaoslab.probes.debug=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProbes)
