// The Environment table's texts in the console's language. `chaoslab env status --json`
// names each case ("reason"), and the console words it itself; a case it does not know keeps
// the command's English sentence.
#pragma once

#include "environmentstatus.h"

#include <QCoreApplication>

namespace chaoslab::ui {

class EnvironmentWording
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentWording)

public:
    // Returns what is known about the service or proxy.
    static QString detail(const EnvironmentItem& item);
    // Returns what to do about it, or an empty string when nothing is needed.
    static QString fix(const EnvironmentItem& item);

private:
    static QString serviceDetail(const EnvironmentItem& item);
    static QString proxyDetail(const EnvironmentItem& item);
    static QString installFix(const QString& command);
    // Returns whether a proxy is disabled or has other addresses than the lab's.
    static bool needsRepair(const EnvironmentItem& item);
};

} // namespace chaoslab::ui
