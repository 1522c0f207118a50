#include "servicesenv.h"

#include <QFile>

namespace servicestest {

std::optional<ServiceEnvironment> readServicesFile(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    ServiceEnvironment environment;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0) {
            environment.insert(QString::fromUtf8(line.left(equals)),
                QString::fromUtf8(line.mid(equals + 1).trimmed()));
        }
    }
    return environment;
}

QStringList missingServices(const ServiceEnvironment& environment, const QStringList& required)
{
    QStringList missing;
    for (const QString& service : required) {
        if (!environment.contains(service + QStringLiteral("_PORT")))
            missing.append(service.toLower());
    }
    return missing;
}

} // namespace servicestest
