#include "toxiproxylog.h"

// Connection losses and recoveries are info messages; every request is a debug message.
Q_LOGGING_CATEGORY(lcToxiproxy, "chaoslab.toxiproxy", QtInfoMsg)
