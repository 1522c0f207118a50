// One-line descriptions of an experiment's activities for the console's step list, such as
// `chaostoxi create_latency_toxic(for_proxy=mysql_proxy, latency=3000)` or
// `GET http://order-api:8081/health`. They show the activity as the file writes it, before
// configuration values and address maps apply.
#pragma once

#include "chaostoolkit/experiment.h"

#include <QString>
#include <QStringList>

namespace chaoslab::chaostoolkit {
class Configuration;
}

namespace chaoslab::ui {

QString providerSummary(const chaostoolkit::Activity& activity);
// The tolerance as JSON, or empty when the activity has none.
QString toleranceSummary(const chaostoolkit::Activity& activity);
// "1 s before, 2 s after", or empty without pauses.
QString pausesSummary(const chaostoolkit::Activity& activity);

// The command lines of every process provider, with configuration values substituted as the
// run substitutes them, quoted as a shell would need them.
QStringList processCommands(
    const chaostoolkit::Experiment& experiment, const chaostoolkit::Configuration& configuration);
bool hasProcessProvider(const chaostoolkit::Experiment& experiment);

// The proxy that a chaostoxi action changes ("for_proxy" or "proxy_name"), or empty.
QString changedProxy(const chaostoolkit::Activity& activity);

} // namespace chaoslab::ui
