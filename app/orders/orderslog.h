// Logging category of the order API and the notifier. Messages go to stderr, one line each.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOrders)
