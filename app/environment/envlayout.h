// Layout of the local lab stack: its data folder, the engine's API address, every port, and
// the folder containing the chaoslab executables.
#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace chaoslab::environment {

// Port names, as used in a --ports file and in the state file.
namespace port {
inline constexpr const char* api = "api";
inline constexpr const char* mariadb = "mariadb";
inline constexpr const char* rabbitmq = "rabbitmq";
inline constexpr const char* rabbitmqDist = "rabbitmq_dist";
inline constexpr const char* epmd = "epmd";
inline constexpr const char* redis = "redis";
inline constexpr const char* postgres = "postgres";
inline constexpr const char* mongodb = "mongodb";
inline constexpr const char* demoHttp = "demo_http";
inline constexpr const char* orderApi = "order_api";
inline constexpr const char* notifier = "notifier";
inline constexpr const char* mysqlProxy = "mysql_proxy";
inline constexpr const char* rabbitmqProxy = "rabbitmq_proxy";
inline constexpr const char* mongoProxy = "mongo_proxy";
inline constexpr const char* redisProxy = "redis_proxy";
inline constexpr const char* postgresProxy = "postgres_proxy";
inline constexpr const char* demoApi = "demo_api";
} // namespace port

using PortMap = std::map<std::string, std::uint16_t>;

// Returns the lab's port plan: API 8474, proxies 6061-6065 and 18080, services on
// 16306/16672/16379/16432, demo HTTP 18081, order API 8081, notifier 8082.
PortMap defaultPorts();

struct EnvLayout
{
    QString dir;
    QString host = QStringLiteral("127.0.0.1");
    PortMap ports = defaultPorts();
    // The folder of the running chaoslab, where chaoslab-order-api and chaoslab-notifier are
    // looked up.
    QString binDir;

    std::uint16_t port(const char* name) const { return ports.at(name); }
    QString address(const char* name) const;
    QString apiUrl() const;
    QString path(const QString& relative) const { return dir + u'/' + relative; }
    QString logPath(const QString& service) const;
    // The command line of `chaoslab env ACTION` for this stack, with --dir when the folder is
    // not the default, so that a hint can be run as printed.
    QString command(const QString& action) const;
};

// Returns the default data folder: the application data location + "/env".
QString defaultDataDir();

// Reads a JSON object of port names to numbers over `ports`. Returns an error message naming
// the file and the offending key, or nothing.
std::optional<QString> readPortsFile(const QString& file, PortMap& ports);

} // namespace chaoslab::environment
