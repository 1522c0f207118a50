// The services.env file that tests/services/services.sh writes for the tests of real
// servers: one KEY=VALUE line per setting, such as MARIADB_PORT=16306 or REDIS_USER=...
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace servicestest {

using ServiceEnvironment = QHash<QString, QString>;

// Reads the KEY=VALUE lines of `path`, with the values trimmed. Returns nothing when `path`
// is empty or cannot be read.
std::optional<ServiceEnvironment> readServicesFile(const QString& path);

// Returns the services of `required` (upper case, such as "MARIADB") that have no NAME_PORT
// line in `environment`, in lower case for messages.
QStringList missingServices(const ServiceEnvironment& environment, const QStringList& required);

} // namespace servicestest
