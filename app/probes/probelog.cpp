#include "probelog.h"

// Starts and stops of a probe are info messages; every attempt and skipped tick is a debug
// message.
Q_LOGGING_CATEGORY(lcProbes, "chaoslab.probes", QtInfoMsg)
