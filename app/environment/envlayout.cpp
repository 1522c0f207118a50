#include "envlayout.h"

#include <QFile>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::environment {

PortMap defaultPorts()
{
    return {
        { port::api, 8474 },
        { port::mariadb, 16306 },
        { port::rabbitmq, 16672 },
        { port::rabbitmqDist, 16673 },
        { port::epmd, 16369 },
        { port::redis, 16379 },
        { port::postgres, 16432 },
        { port::mongodb, 27017 },
        { port::demoHttp, 18081 },
        { port::orderApi, 8081 },
        { port::notifier, 8082 },
        { port::mysqlProxy, 6061 },
        { port::rabbitmqProxy, 6062 },
        { port::mongoProxy, 6063 },
        { port::redisProxy, 6064 },
        { port::postgresProxy, 6065 },
        { port::demoApi, 18080 },
    };
}

QString EnvLayout::address(const char* name) const
{
    return host + u':' + QString::number(port(name));
}

QString EnvLayout::apiUrl() const
{
    return u"http://"_s + address(port::api);
}

QString EnvLayout::logPath(const QString& service) const
{
    return path(u"logs/"_s + service + u".log"_s);
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/env"_s;
}

std::optional<QString> readPortsFile(const QString& file, PortMap& ports)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return u"cannot read ports file %1: %2"_s.arg(file, input.errorString());
    const auto json = nlohmann::json::parse(input.readAll().toStdString(), nullptr, false);
    if (!json.is_object())
        return u"ports file %1 is not a JSON object of port names to numbers"_s.arg(file);

    for (const auto& [name, value] : json.items()) {
        const auto found = ports.find(name);
        if (found == ports.end())
            return u"ports file %1: unknown port name '%2'; known names are those of "
                   "`chaoslab env status --json`'s addresses, e.g. mariadb, mysql_proxy, api"_s.arg(
                       file, QString::fromStdString(name));
        if (!value.is_number_unsigned() || value.get<unsigned>() < 1
            || value.get<unsigned>() > 65535)
            return u"ports file %1: '%2' must be a port number from 1 to 65535"_s.arg(
                file, QString::fromStdString(name));
        found->second = static_cast<std::uint16_t>(value.get<unsigned>());
    }
    return std::nullopt;
}

} // namespace chaoslab::environment
