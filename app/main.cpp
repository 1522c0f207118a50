// chaoslab: the console, or one of the headless subcommands.
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
    static const std::map<QString, Subcommand> table = {};
    return table;
}

void printUsage(FILE* stream)
{
    QTextStream out(stream);
    out << "Usage: chaoslab COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto& [name, command] : subcommands())
        out << "  " << name.leftJustified(10) << ' ' << command.summary << '\n';
    out << "\nRun 'chaoslab COMMAND --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        printUsage(stderr);
        return 2;
    }
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
    if (found == subcommands().end()) {
        std::fprintf(stderr, "chaoslab: unknown command '%s'\n", argv[1]);
        printUsage(stderr);
        return 2;
    }
    // The subcommand sees its own name as argv[0], so its parser prints "chaoslab serve".
    return found->second.run(argc - 1, argv + 1);
}
