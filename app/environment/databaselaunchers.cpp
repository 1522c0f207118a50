// MariaDB and PostgreSQL from Debian's packages, with data under the lab's data folder and
// the lab's logins: user chaoslab, password chaoslab, databases orders (MariaDB) and
// chaoslab (PostgreSQL).
#include "launcher.h"

#include "blockinghttp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace chaoslab::environment {

namespace {

// MariaDB 10.11 has no caching_sha2_password plugin; mysql_native_password works with
// every MySQL and MariaDB client library.
const QString mariadbSetupSql = uR"(CREATE DATABASE IF NOT EXISTS orders;
CREATE USER IF NOT EXISTS 'chaoslab'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('chaoslab');
CREATE USER IF NOT EXISTS 'chaoslab'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('chaoslab');
GRANT ALL ON orders.* TO 'chaoslab'@'127.0.0.1';
GRANT ALL ON orders.* TO 'chaoslab'@'localhost';)"_s;

class MariadbLauncher : public ServiceLauncher
{
public:
    QString name() const override { return u"mariadb"_s; }
    const char* portName() const override { return port::mariadb; }
    QString installFix(const EnvLayout&) const override
    {
        return u"apt-get install mariadb-server"_s;
    }

    QString missingReason(const EnvLayout&) const override
    {
        if (findExecutable(u"mariadbd"_s).isEmpty())
            return u"mariadbd is not installed"_s;
        return QString();
    }

    std::optional<QString> start(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        const auto log = serviceLog(layout, name());
        const auto dataDir = layout.path(u"mariadb/data"_s);
        QStringList userArguments;
        // mariadbd exits when started as root without --user=root.
        if (context.isRoot)
            userArguments << u"--user=root"_s;

        if (!QFileInfo::exists(dataDir + u"/mysql"_s)) {
            context.print(u"mariadb: creating a database in %1"_s.arg(dataDir));
            QDir().mkpath(dataDir);
            const auto installed = runTool(
                Command { findExecutable(u"mariadb-install-db"_s),
                    QStringList { u"--no-defaults"_s, u"--datadir="_s + dataDir,
                        u"--auth-root-authentication-method=normal"_s, u"--skip-test-db"_s }
                        + userArguments },
                120s, log);
            if (!installed.ok)
                return u"mariadb-install-db failed; see %1"_s.arg(log);
        }

        return context.startRecorded(name(),
            Command { findExecutable(u"mariadbd"_s),
                QStringList { u"--no-defaults"_s, u"--datadir="_s + dataDir,
                    u"--bind-address="_s + layout.host,
                    u"--port="_s + QString::number(layout.port(port::mariadb)),
                    u"--socket="_s + socketPath(layout), u"--pid-file="_s + dataDir + u"/pid"_s,
                    u"--skip-log-bin"_s, u"--skip-name-resolve"_s,
                    u"--innodb-buffer-pool-size=64M"_s, u"--log-error="_s + log }
                    + userArguments },
            log);
    }

    std::optional<QString> awaitReady(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        if (auto error = waitUntilReady(context, name(), 60s, [&] { return answers(layout); }))
            return error;
        const auto log = serviceLog(layout, name());
        const auto setup = runTool(Command { findExecutable(u"mariadb"_s),
                                       { u"--no-defaults"_s, u"--socket="_s + socketPath(layout),
                                           u"-uroot"_s, u"-e"_s, mariadbSetupSql } },
            30s, log);
        if (!setup.ok)
            return u"creating the chaoslab login and the orders database failed: %1"_s.arg(
                setup.output.trimmed());
        return std::nullopt;
    }

private:
    static QString socketPath(const EnvLayout& layout)
    {
        return layout.path(u"mariadb/mariadb.sock"_s);
    }
};

// Returns the bin folder of the newest installed PostgreSQL server, or an empty string.
QString postgresBinDir()
{
    QDir versions(u"/usr/lib/postgresql"_s);
    auto names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(),
        [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const auto& version : names) {
        const auto bin = versions.filePath(version + u"/bin"_s);
        if (QFileInfo(bin + u"/postgres"_s).isExecutable())
            return bin;
    }
    return QString();
}

class PostgresLauncher : public ServiceLauncher
{
public:
    QString name() const override { return u"postgres"_s; }
    const char* portName() const override { return port::postgres; }
    QString installFix(const EnvLayout&) const override { return u"apt-get install postgresql"_s; }

    QString missingReason(const EnvLayout&) const override
    {
        if (postgresBinDir().isEmpty())
            return u"no PostgreSQL server under /usr/lib/postgresql/*/bin"_s;
        return QString();
    }

    std::optional<QString> start(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        const auto base = baseDir(context);
        QDir().mkpath(base);
        // The log sits next to the cluster, where the postgres user can always write.
        const QString log = base + u"/postgres.log"_s;
        QFile(log).open(QIODevice::Append);
        if (context.isRoot) {
            if (auto error = handToPostgresUser(context, { base, log }))
                return error;
        }

        const QString dataDir = base + u"/data"_s;
        if (!QFileInfo::exists(dataDir + u"/PG_VERSION"_s)) {
            context.print(u"postgres: creating a database cluster in %1"_s.arg(dataDir));
            const auto created
                = runTool(asServer(context, u"initdb"_s,
                              { u"-D"_s, dataDir, u"-U"_s, u"postgres"_s, u"--auth-local=trust"_s,
                                  u"--auth-host=scram-sha-256"_s }),
                    120s, log);
            if (!created.ok)
                return u"initdb failed; see %1"_s.arg(log);
        }

        // pg_ctl starts the postmaster in its own session and waits until it accepts
        // connections.
        const auto options = u"-c listen_addresses=%1 -p %2 -k %3"_s.arg(layout.host)
                                 .arg(layout.port(port::postgres))
                                 .arg(base);
        const auto started = runTool(asServer(context, u"pg_ctl"_s,
                                         { u"-D"_s, dataDir, u"-l"_s, log, u"-w"_s, u"-t"_s,
                                             u"60"_s, u"-o"_s, options, u"start"_s }),
            70s);
        if (!started.ok)
            return u"pg_ctl start failed: %1; see %2"_s.arg(started.output.trimmed(), log);

        QFile pidFile(dataDir + u"/postmaster.pid"_s);
        const auto pid
            = pidFile.open(QIODevice::ReadOnly) ? pidFile.readLine().trimmed().toLongLong() : 0;
        const auto record = recordExisting(name(), pid, log);
        if (!record)
            return u"PostgreSQL started but %1 names no running process; see %2"_s.arg(
                pidFile.fileName(), log);
        context.record(*record);
        return std::nullopt;
    }

    std::optional<QString> awaitReady(LaunchContext& context) override
    {
        const auto& layout = context.layout;
        if (auto error = waitUntilReady(context, name(), 30s, [&] { return answers(layout); }))
            return error;
        const auto hasRole = psql(context, u"SELECT 1 FROM pg_roles WHERE rolname = 'chaoslab'"_s);
        if (!hasRole.ok)
            return u"psql failed: %1"_s.arg(hasRole.output.trimmed());
        if (hasRole.output.trimmed().isEmpty()) {
            const auto role = psql(context, u"CREATE ROLE chaoslab LOGIN PASSWORD 'chaoslab'"_s);
            if (!role.ok)
                return u"creating the chaoslab role failed: %1"_s.arg(role.output.trimmed());
        }
        const auto hasDatabase
            = psql(context, u"SELECT 1 FROM pg_database WHERE datname = 'chaoslab'"_s);
        if (hasDatabase.ok && hasDatabase.output.trimmed().isEmpty()) {
            // CREATE DATABASE cannot run inside a transaction, so it gets its own call.
            const auto database = psql(context, u"CREATE DATABASE chaoslab OWNER chaoslab"_s);
            if (!database.ok)
                return u"creating the chaoslab database failed: %1"_s.arg(
                    database.output.trimmed());
        }
        return std::nullopt;
    }

    QStringList stop(const EnvLayout& layout, const EnvState& state) override
    {
        const auto records = state.processesOf(name());
        if (!records.empty() && isRunning(records.front())) {
            EnvState copy = state;
            LaunchContext context { layout, copy, ::geteuid() == 0, [](const QString&) {} };
            runTool(asServer(context, u"pg_ctl"_s,
                        { u"-D"_s, baseDir(context) + u"/data"_s, u"-m"_s, u"fast"_s, u"-w"_s,
                            u"-t"_s, u"30"_s, u"stop"_s }),
                40s, records.front().log);
        }
        return ServiceLauncher::stop(layout, state);
    }

private:
    // As root, PostgreSQL runs as the postgres user, which must be able to reach its folder.
    // A data folder under /root is out of its reach, so the cluster then lives under
    // /var/lib/postgresql/chaoslab-env/, in a folder named after the data folder.
    static QString baseDir(const LaunchContext& context)
    {
        if (!context.state.postgresDataDir.isEmpty())
            return context.state.postgresDataDir;
        const auto local = context.layout.path(u"postgres"_s);
        if (!context.isRoot || postgresCanReach(context.layout.dir))
            return context.state.postgresDataDir = local;
        const auto hash
            = QCryptographicHash::hash(context.layout.dir.toUtf8(), QCryptographicHash::Sha1)
                  .toHex()
                  .left(12);
        context.state.postgresDataDir
            = u"/var/lib/postgresql/chaoslab-env/"_s + QString::fromLatin1(hash);
        context.print(
            u"postgres: the postgres user cannot reach %1, so the cluster lives in %2"_s.arg(
                context.layout.dir, context.state.postgresDataDir));
        return context.state.postgresDataDir;
    }

    static bool postgresCanReach(const QString& dir)
    {
        QDir().mkpath(dir);
        return runTool(
            Command { u"runuser"_s, { u"-u"_s, u"postgres"_s, u"--"_s, u"test"_s, u"-x"_s, dir } },
            10s)
            .ok;
    }

    static std::optional<QString> handToPostgresUser(const LaunchContext&, const QStringList& paths)
    {
        const auto* user = ::getpwnam("postgres");
        if (!user)
            return u"the postgres user does not exist; reinstall the postgresql package"_s;
        for (const auto& path : paths) {
            if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0)
                return u"cannot hand %1 to the postgres user"_s.arg(path);
        }
        return std::nullopt;
    }

    static Command asServer(
        const LaunchContext& context, const QString& tool, const QStringList& arguments)
    {
        const QString program = postgresBinDir() + u'/' + tool;
        if (!context.isRoot)
            return Command { program, arguments };
        return Command { u"runuser"_s,
            QStringList { u"-u"_s, u"postgres"_s, u"--"_s, program } + arguments };
    }

    ToolResult psql(LaunchContext& context, const QString& sql)
    {
        return runTool(asServer(context, u"psql"_s,
                           { u"-h"_s, baseDir(context), u"-p"_s,
                               QString::number(context.layout.port(port::postgres)), u"-U"_s,
                               u"postgres"_s, u"-d"_s, u"postgres"_s, u"-qAt"_s, u"-c"_s, sql }),
            30s);
    }
};

} // namespace

std::unique_ptr<ServiceLauncher> makeMariadbLauncher()
{
    return std::make_unique<MariadbLauncher>();
}

std::unique_ptr<ServiceLauncher> makePostgresLauncher()
{
    return std::make_unique<PostgresLauncher>();
}

} // namespace chaoslab::environment
