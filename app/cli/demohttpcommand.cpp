#include "demohttpcommand.h"

#include "commandline.h"
#include "signalwatcher.h"

#include "demoroutes.h"
#include "demoservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "demo-http";

struct DemoHttpOptions
{
    std::string host;
    std::uint16_t port = 0;
};

QString description()
{
    return u"Runs Chaos Lab's demo HTTP service, a local stand-in for the placeholder API\n"
           "https://jsonplaceholder.typicode.com with the same JSON shapes: /todos, /posts,\n"
           "/comments, /albums, /users, /todos/1 and so on, and 404 with {} for unknown ids.\n"
           "It also serves GET /health, and GET /bytes/N, which returns exactly N bytes\n"
           "(at most %1) for bandwidth exercises."_s.arg(demo::MaxPayloadBytes);
}

// Returns the options, or nothing when the command should stop with a usage error.
std::optional<DemoHttpOptions> parseOptions(QCommandLineParser& parser)
{
    const QCommandLineOption host(u"host"_s,
        u"Address to listen on (default 127.0.0.1). 0.0.0.0 listens on every interface."_s,
        u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s,
        u"TCP port to listen on (default 8080); 0 picks a free port."_s, u"port"_s, u"8080"_s);
    parser.setApplicationDescription(description());
    parser.addOptions({ host, port });

    if (!parseArguments(parser, commandName))
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
    return DemoHttpOptions { parser.value(host).toStdString(), *portNumber };
}

} // namespace

int runDemoHttpCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName);

    QCommandLineParser parser;
    const auto options = parseOptions(parser);
    if (!options)
        return exitUsage;

    // Watching starts before the "listening" line, so that a signal sent as soon as that line
    // appears reaches the handler and not the default action.
    SignalWatcher signalWatcher({ SIGINT, SIGTERM });
    QObject::connect(&signalWatcher, &SignalWatcher::received, application.app(),
        [](int) { QCoreApplication::quit(); });

    demo::DemoService service;
    if (auto error = service.listen(options->host, options->port)) {
        printError(commandName, *error + listenHint(*error));
        return exitFailure;
    }
    std::printf("chaoslab demo HTTP service listening on http://%s\n", service.address().c_str());
    std::fflush(stdout);

    const int result = QCoreApplication::exec();
    service.close();
    return result;
}

} // namespace chaoslab::cli
