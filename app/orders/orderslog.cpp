#include "orderslog.h"

Q_LOGGING_CATEGORY(lcOrders, "chaoslab.orders", QtInfoMsg)
