// One-line descriptions of a toxic's main values, for the topology badges and the event
// log: "latency 300 ± 50 ms", "bandwidth 100 KB/s", "timeout 2000 ms · 50%".
#pragma once

#include "toxiproxy/toxic.h"

#include <QCoreApplication>
#include <QString>

namespace chaoslab::ui {

class ToxicSummary
{
    Q_DECLARE_TR_FUNCTIONS(ToxicSummary)

public:
    // Returns the type and main values, with the toxicity in percent when it is below 1.
    static QString describe(const toxiproxy::Toxic& toxic);
    // Returns "value unit" with digit grouping, such as "1,000 ms".
    static QString formatValue(qint64 value, const QString& unit);

private:
    static QString describeValues(const toxiproxy::Toxic& toxic);
};

} // namespace chaoslab::ui
