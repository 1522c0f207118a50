// chaoslab: the console, or one of the headless subcommands.
#include "consolecommand.h"
#include "demohttpcommand.h"
#include "envcommand.h"
#include "labcommand.h"
#include "probecommand.h"
#include "runcommand.h"
#include "servecommand.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>

namespace {

struct Subcommand
{
    const char* summary;
    std::function<int(int, char**)> run;
};

const std::map<QString, Subcommand>& subcommands()
{
    static const std::map<QString, Subcommand> table = {
        { QStringLiteral("demo-http"),
            { "Run the demo HTTP service, a local stand-in for jsonplaceholder",
                chaoslab::cli::runDemoHttpCommand } },
        { QStringLiteral("env"),
            { "Start, stop or show the local lab stack (env up|down|status)",
                chaoslab::cli::runEnvCommand } },
        { QStringLiteral("lab"),
            { "Check guided lab files (lab validate FILE...)", chaoslab::cli::runLabCommand } },
        { QStringLiteral("probe"),
            { "Probe a service and print latency percentiles and errors by outcome",
                chaoslab::cli::runProbeCommand } },
        { QStringLiteral("run"),
            { "Run a Chaos Toolkit experiment headless and write its journal",
                chaoslab::cli::runRunCommand } },
        { QStringLiteral("serve"),
            { "Run the built-in engine (Toxiproxy API) without the console",
                chaoslab::cli::runServeCommand } },
    };
    return table;
}

void printUsage(FILE* stream)
{
    QTextStream out(stream);
    out << "Usage: chaoslab [CONSOLE OPTIONS]\n       chaoslab COMMAND [OPTIONS]\n\n"
        << chaoslab::ui::consoleHelpText() << "\nCommands:\n";
    for (const auto& [name, command] : subcommands())
        out << "  " << name.leftJustified(10) << ' ' << command.summary << '\n';
    out << "\nRun 'chaoslab COMMAND --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char** argv)
{
    // Without a subcommand, or with only console options, the console window opens.
    if (argc < 2)
        return chaoslab::ui::runConsole(argc, argv);
    const auto name = QString::fromLocal8Bit(argv[1]);
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(stdout);
        return 0;
    }
    if (name == u"--version") {
        std::printf("chaoslab %s\n", CHAOSLAB_VERSION);
        return 0;
    }
    const auto found = subcommands().find(name);
    // The console rejects anything that is not one of its options, such as a mistyped
    // command, before it opens a window.
    if (found == subcommands().end())
        return chaoslab::ui::runConsole(argc, argv);
    // The subcommand gets its own name as argv[0], so its parser prints "chaoslab serve".
    return found->second.run(argc - 1, argv + 1);
}
