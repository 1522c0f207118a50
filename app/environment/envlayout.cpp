#include "envlayout.h"

#include <QFile>
#include <QStandardPaths>
#include <QStringList>

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

namespace {

// Returns an error naming two services that would listen on the same port, or nothing.
std::optional<QString> duplicatePort(const QString& file, const PortMap& ports)
{
    std::map<std::uint16_t, std::string> owners;
    for (const auto& [name, port] : ports) {
        const auto [owner, inserted] = owners.emplace(port, name);
        if (!inserted) {
            return u"ports file %1: '%2' and '%3' both use port %4; give each a port of its "
                   "own"_s
                       .arg(file, QString::fromStdString(owner->second),
                           QString::fromStdString(name))
                       .arg(port);
        }
    }
    return std::nullopt;
}

} // namespace

QString EnvLayout::command(const QString& action) const
{
    QString line = u"chaoslab env "_s + action;
    if (dir != defaultDataDir())
        line += u" --dir "_s + (dir.contains(u' ') ? u'"' + dir + u'"' : dir);
    return line;
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
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(input.readAll().toStdString());
    } catch (const nlohmann::json::parse_error& error) {
        return u"ports file %1 is not valid JSON: %2"_s.arg(file, QString::fromUtf8(error.what()));
    }
    if (!json.is_object())
        return u"ports file %1 is not a JSON object of port names to numbers"_s.arg(file);

    for (const auto& [name, value] : json.items()) {
        const auto found = ports.find(name);
        if (found == ports.end()) {
            QStringList known;
            for (const auto& [knownName, port] : ports)
                known.append(QString::fromStdString(knownName));
            return u"ports file %1: unknown port name '%2'; known names: %3"_s.arg(
                file, QString::fromStdString(name), known.join(u", "_s));
        }
        if (!value.is_number_unsigned() || value.get<unsigned>() < 1
            || value.get<unsigned>() > 65535)
            return u"ports file %1: '%2' must be a port number from 1 to 65535"_s.arg(
                file, QString::fromStdString(name));
        found->second = static_cast<std::uint16_t>(value.get<unsigned>());
    }
    return duplicatePort(file, ports);
}

} // namespace chaoslab::environment
