// Logging category of the Toxiproxy client and the server monitor. Enable debug messages
// with QT_LOGGING_RULES="chaoslab.toxiproxy.debug=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcToxiproxy)
