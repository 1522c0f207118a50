#include "servecommand.h"

#include "commandline.h"
#include "signalwatcher.h"

#include "engine.h"
#include "enginelog.h"
#include "httpserver.h"
#include "proxyconfigfile.h"
#include "toxiproxyapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "serve";

struct ServeOptions
{
    std::string host;
    std::uint16_t port = 0;
    std::string configPath;
};

// Returns the options, or nothing with `exitCode` set when the command should stop here.
std::optional<ServeOptions> parseOptions(QCommandLineParser& parser, int& exitCode)
{
    const QCommandLineOption host(u"host"_s,
        u"Address the API listens on (default 127.0.0.1). 0.0.0.0 listens on every interface."_s,
        u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s,
        u"TCP port the API listens on (default 8474); 0 picks a free port."_s, u"port"_s,
        u"8474"_s);
    const QCommandLineOption config(u"config"_s,
        u"JSON file with an array of proxies to create at start, as for POST /populate."_s,
        u"file"_s);
    parser.setApplicationDescription(
        u"Runs Chaos Lab's built-in engine without the console. It serves the Toxiproxy 2.12 "
        "HTTP API, so toxiproxy-cli and Toxiproxy clients can drive it. Single-dash options "
        "(-port 8474) work as with toxiproxy-server."_s);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({ host, port, config });

    exitCode = exitUsage;
    if (!parseArguments(parser, commandName, VersionOption::With))
        return std::nullopt;
    if (!parser.positionalArguments().isEmpty()) {
        printUsageError(commandName,
            "unexpected argument '" + parser.positionalArguments().first().toStdString() + "'");
        return std::nullopt;
    }

    const auto portText = parser.value(port);
    const auto portNumber = parsePort(portText);
    if (!portNumber) {
        printUsageError(commandName, invalidPortMessage(portText));
        return std::nullopt;
    }
    return ServeOptions { parser.value(host).toStdString(), *portNumber,
        parser.value(config).toStdString() };
}

// Runs the engine and its API until SIGINT or SIGTERM. Returns the exit code.
int serve(const ServeOptions& options, const std::vector<engine::PopulateEntry>& proxies)
{
    // Watching starts before the "listening" line, so that a signal sent as soon as that line
    // appears reaches the handler and not the default action, which would kill the process.
    SignalWatcher signalWatcher({ SIGINT, SIGTERM });
    QObject::connect(&signalWatcher, &SignalWatcher::received, qApp, [](int signalNumber) {
        qCInfo(lcEngine, "stopping on signal %d", signalNumber);
        QCoreApplication::quit();
    });

    engine::Engine engine;
    engine::ToxiproxyApi api(engine);
    net::HttpServer server([&api](const net::HttpRequest& request) { return api.handle(request); });
    if (auto error = server.listen(options.host, options.port)) {
        printError(commandName, *error + listenHint(*error));
        return exitFailure;
    }
    if (!proxies.empty()) {
        const auto populated = engine.populate(proxies);
        if (populated.error) {
            printError(
                commandName, "config " + options.configPath + ": " + populated.error->message);
            return exitFailure;
        }
        qCInfo(lcEngine, "config loaded file=%s proxies=%zu", options.configPath.c_str(),
            populated.proxies.size());
    }

    std::printf("chaoslab engine listening on http://%s (Toxiproxy API 2.12.0)\n",
        server.address().c_str());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int runServeCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAOSLAB_VERSION));

    QCommandLineParser parser;
    int exitCode = 0;
    const auto options = parseOptions(parser, exitCode);
    if (!options)
        return exitCode;

    std::vector<engine::PopulateEntry> proxies;
    if (!options->configPath.empty()) {
        auto loaded = engine::loadProxyConfigFile(options->configPath);
        if (!loaded.ok()) {
            printError(commandName, loaded.error().message);
            return exitFailure;
        }
        proxies = std::move(loaded.value());
    }

    const int result = serve(*options, proxies);
    qCInfo(lcEngine, "engine stopped exit_code=%d", result);
    return result;
}

} // namespace chaoslab::cli
