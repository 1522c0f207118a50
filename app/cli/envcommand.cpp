#include "envcommand.h"

#include "commandline.h"

#include "environment.h"
#include "envstatus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "env";

struct EnvOptions
{
    QString action;
    environment::EnvLayout layout;
    bool json = false;
    bool purge = false;
    bool portsExplicit = false;
};

QString description()
{
    return u"Runs the lab stack on this computer without Docker.\n\n"
           "  up      start MariaDB, RabbitMQ, Redis and PostgreSQL (Debian packages), the\n"
           "          built-in engine with the lab's proxies, the demo HTTP service, the order\n"
           "          API and the notifier\n"
           "  down    stop what up started (the data stays unless --purge)\n"
           "  status  show each service and proxy with its state\n\n"
           "Ports: API 8474; proxies mysql_proxy 6061, rabbitmq_proxy 6062, mongo_proxy 6063,\n"
           "redis_proxy 6064, postgres_proxy 6065, demo_api 18080; services MariaDB 16306,\n"
           "RabbitMQ 16672, Redis 16379, PostgreSQL 16432, demo HTTP 18081, order API 8081,\n"
           "notifier 8082. A --ports file (a JSON object such as {\"api\": 18474,\n"
           "\"mariadb\": 26306}) changes any of them; see docs/environment.md for every name."_s;
}

std::optional<EnvOptions> parseOptions(QCommandLineParser& parser)
{
    const QCommandLineOption dir(u"dir"_s,
        u"Data folder of the stack (default %1)."_s.arg(environment::defaultDataDir()), u"folder"_s,
        environment::defaultDataDir());
    const QCommandLineOption ports(u"ports"_s,
        u"JSON file mapping port names to port numbers, overriding the defaults."_s, u"file"_s);
    const QCommandLineOption json(u"json"_s, u"status: print one JSON object."_s);
    const QCommandLineOption purge(u"purge"_s, u"down: also delete the data folder's contents."_s);
    parser.setApplicationDescription(description());
    parser.addPositionalArgument(u"action"_s, u"up, down or status"_s);
    parser.addOptions({ dir, ports, json, purge });

    if (!parseArguments(parser, commandName))
        return std::nullopt;
    const auto positional = parser.positionalArguments();
    if (positional.size() != 1
        || !QStringList { u"up"_s, u"down"_s, u"status"_s }.contains(positional.first())) {
        const std::string actionsGiven = positional.isEmpty()
            ? std::string("none")
            : "'" + positional.join(u' ').toStdString() + "'";
        printUsageError(
            commandName, "expected exactly one action, up, down or status, not " + actionsGiven);
        return std::nullopt;
    }

    EnvOptions options;
    options.action = positional.first();
    options.layout.dir = QDir(parser.value(dir)).absolutePath();
    options.layout.binDir = QCoreApplication::applicationDirPath();
    options.json = parser.isSet(json);
    options.purge = parser.isSet(purge);
    if (parser.isSet(ports)) {
        options.portsExplicit = true;
        if (auto error = environment::readPortsFile(parser.value(ports), options.layout.ports)) {
            printUsageError(commandName, error->toStdString());
            return std::nullopt;
        }
    }
    return options;
}

void printLine(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int showStatus(environment::Environment& environment, bool json)
{
    if (!environment.loadExistingState())
        return exitFailure;
    const auto status = environment::collectStatus(environment.layout(), environment.state());
    if (json)
        std::printf("%s\n", environment::statusJson(status).c_str());
    else
        std::printf("%s", qPrintable(environment::statusTable(status)));
    return 0;
}

} // namespace

int runEnvCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName, u"chaoslab"_s);

    QCommandLineParser parser;
    const auto options = parseOptions(parser);
    if (!options)
        return exitUsage;

    environment::Environment environment(options->layout, printLine, options->portsExplicit);
    if (options->action == u"up")
        return environment.up();
    if (options->action == u"down")
        return environment.down(options->purge);
    return showStatus(environment, options->json);
}

} // namespace chaoslab::cli
