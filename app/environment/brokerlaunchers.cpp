// RabbitMQ and Redis from Debian's packages, and MongoDB, which Debian 12 does not package.
#include "launcher.h"

#include "blockinghttp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace chaoslab::environment {

namespace {

const QString rabbitmqBin = u"/usr/lib/rabbitmq/bin"_s;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(content) == content.size();
}

// The broker runs from /usr/lib/rabbitmq/bin (the /usr/sbin wrapper switches to the
// rabbitmq user) with every path under the data folder, its own Erlang port mapper (epmd)
// on the lab's epmd port, and Erlang distribution bound to loopback.
class RabbitmqLauncher : public ServiceLauncher
{
public:
    QString name() const override { return u"rabbitmq"_s; }
    const char* portName() const override { return port::rabbitmq; }
    QString installFix(const EnvLayout&) const override
    {
        return u"apt-get install rabbitmq-server"_s;
    }

    QString missingReason(const EnvLayout&) const override
    {
        if (!QFileInfo(rabbitmqBin + u"/rabbitmq-server"_s).isExecutable())
            return rabbitmqBin + u"/rabbitmq-server is not installed"_s;
        return QString();
    }

    std::optional<QString> start(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        const auto base = layout.path(u"rabbitmq"_s);
        for (const auto* sub : { "home", "mnesia", "log" })
            QDir().mkpath(base + u'/' + QLatin1StringView(sub));
        // The default user is created only when the broker first starts with an empty
        // database; later starts keep the users they find.
        const bool written = writeFile(base + u"/rabbitmq-env.conf"_s, {})
            && writeFile(base + u"/enabled_plugins"_s, "[].\n")
            && writeFile(base + u"/rabbitmq.conf"_s,
                "loopback_users = none\ndefault_user = chaoslab\ndefault_pass = chaoslab\n"
                "default_vhost = /\n");
        if (!written)
            return u"cannot write the RabbitMQ configuration in %1"_s.arg(base);

        const auto log = serviceLog(layout, name());
        const auto epmdError = context.startRecorded(name(),
            Command { findExecutable(u"epmd"_s),
                { u"-address"_s, layout.host, u"-port"_s,
                    QString::number(layout.port(port::epmd)) },
                environment(layout) },
            log);
        if (epmdError)
            return epmdError;
        return context.startRecorded(
            name(), Command { rabbitmqBin + u"/rabbitmq-server"_s, {}, environment(layout) }, log);
    }

    std::optional<QString> awaitReady(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        // The broker takes 5-8 s to start on an idle machine and up to a minute on a busy one.
        if (auto error = waitUntilReady(context, name(), 120s, [&] { return answers(layout); }))
            return error;
        const auto log = serviceLog(layout, name());
        const auto started = runTool(Command { rabbitmqBin + u"/rabbitmqctl"_s,
                                         { u"-q"_s, u"await_startup"_s }, environment(layout) },
            60s, log);
        if (!started.ok)
            return u"rabbitmqctl await_startup failed; see %1"_s.arg(log);

        // rabbitmq-server is a script running the Erlang VM as its child; the VM's PID is
        // the one to stop.
        QFile pidFile(layout.path(u"rabbitmq/rabbitmq.pid"_s));
        if (pidFile.open(QIODevice::ReadOnly)) {
            if (auto vm = recordExisting(name(), pidFile.readAll().trimmed().toLongLong(), log))
                context.record(*vm);
        }
        return std::nullopt;
    }

private:
    static QProcessEnvironment environment(const EnvLayout& layout)
    {
        const auto base = layout.path(u"rabbitmq"_s);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, base + u"/home"_s);
        environment.insert(u"RABBITMQ_CONF_ENV_FILE"_s, base + u"/rabbitmq-env.conf"_s);
        environment.insert(u"RABBITMQ_CONFIG_FILE"_s, base + u"/rabbitmq.conf"_s);
        environment.insert(u"RABBITMQ_ENABLED_PLUGINS_FILE"_s, base + u"/enabled_plugins"_s);
        // The node name names the database folder, so it must stay the same between starts.
        environment.insert(
            u"RABBITMQ_NODENAME"_s, u"chaoslab-%1@localhost"_s.arg(layout.port(port::rabbitmq)));
        environment.insert(u"RABBITMQ_NODE_IP_ADDRESS"_s, layout.host);
        environment.insert(u"RABBITMQ_NODE_PORT"_s, QString::number(layout.port(port::rabbitmq)));
        environment.insert(
            u"RABBITMQ_DIST_PORT"_s, QString::number(layout.port(port::rabbitmqDist)));
        environment.insert(u"RABBITMQ_MNESIA_BASE"_s, base + u"/mnesia"_s);
        environment.insert(u"RABBITMQ_LOG_BASE"_s, base + u"/log"_s);
        environment.insert(u"RABBITMQ_PID_FILE"_s, base + u"/rabbitmq.pid"_s);
        environment.insert(u"ERL_EPMD_ADDRESS"_s, layout.host);
        environment.insert(u"ERL_EPMD_PORT"_s, QString::number(layout.port(port::epmd)));
        environment.insert(u"RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"_s,
            u"-kernel inet_dist_use_interface {127,0,0,1}"_s);
        return environment;
    }
};

class RedisLauncher : public ServiceLauncher
{
public:
    QString name() const override { return u"redis"_s; }
    const char* portName() const override { return port::redis; }
    QString installFix(const EnvLayout&) const override
    {
        return u"apt-get install redis-server"_s;
    }

    QString missingReason(const EnvLayout&) const override
    {
        if (findExecutable(u"redis-server"_s).isEmpty())
            return u"redis-server is not installed"_s;
        return QString();
    }

    std::optional<QString> start(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        const auto dataDir = layout.path(u"redis"_s);
        QDir().mkpath(dataDir);
        return context.startRecorded(name(),
            Command { findExecutable(u"redis-server"_s),
                { u"--bind"_s, layout.host, u"--port"_s, QString::number(layout.port(port::redis)),
                    u"--dir"_s, dataDir, u"--daemonize"_s, u"no"_s, u"--save"_s, u"60 1"_s,
                    u"--appendonly"_s, u"no"_s } },
            serviceLog(layout, name()));
    }

    std::optional<QString> awaitReady(LaunchContext& context) override
    {
        return waitUntilReady(context, name(), 20s, [&] { return answers(context.layout); });
    }

    bool answers(const EnvLayout& layout) const override
    {
        return tcpExchange(layout.host, layout.port(port::redis), "PING\r\n").startsWith("+PONG");
    }
};

// Debian 12 packages no MongoDB server, so the lab never starts one; mongo_proxy forwards to
// the MongoDB port, where a server run with Docker may listen.
class MongodbLauncher : public ServiceLauncher
{
public:
    QString name() const override { return u"mongodb"_s; }
    const char* portName() const override { return port::mongodb; }

    QString installFix(const EnvLayout& layout) const override
    {
        return u"run one with Docker: "_s + installCommand(layout);
    }

    QString installCommand(const EnvLayout& layout) const override
    {
        return u"docker run -d --name chaoslab-mongo -p %1:%2:27017 mongo:6.0"_s.arg(
            layout.host, QString::number(layout.port(port::mongodb)));
    }

    QString missingReason(const EnvLayout&) const override
    {
        return u"no MongoDB server is packaged for Debian 12"_s;
    }

    std::optional<QString> start(LaunchContext&) override { return std::nullopt; }
    std::optional<QString> awaitReady(LaunchContext&) override { return std::nullopt; }
};

} // namespace

std::unique_ptr<ServiceLauncher> makeMariadbLauncher();
std::unique_ptr<ServiceLauncher> makePostgresLauncher();

LauncherList serviceLaunchers()
{
    // RabbitMQ starts first because it takes longest; the others start while it boots.
    LauncherList launchers;
    launchers.push_back(std::make_unique<RabbitmqLauncher>());
    launchers.push_back(makeMariadbLauncher());
    launchers.push_back(std::make_unique<RedisLauncher>());
    launchers.push_back(makePostgresLauncher());
    launchers.push_back(std::make_unique<MongodbLauncher>());
    return launchers;
}

} // namespace chaoslab::environment
