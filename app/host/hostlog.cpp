#include "hostlog.h"

Q_LOGGING_CATEGORY(lcHost, "chaoslab.host", QtInfoMsg)
