#include "runcommand.h"

#include "commandline.h"
#include "signalwatcher.h"

#include "chaostoolkit/experimentloader.h"
#include "chaostoolkit/experimentrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace chaoslab::chaostoolkit;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "run";

struct RunCommandOptions
{
    QString experimentPath;
    QString journalPath;
    std::map<std::string, Json> vars;
    AddressMap addressMap;
    std::optional<RollbackStrategy> rollbackStrategy;
    bool allowProcess = false;
};

QString description()
{
    return u"Runs a Chaos Toolkit experiment (chaostoolkit-lib 1.4x JSON) without Python and\n"
           "writes a journal like `chaos run`. http and process providers and the chaostoxi\n"
           "functions for Toxiproxy run natively. When nothing answers at the Toxiproxy address\n"
           "and it is on this computer, the built-in engine starts there.\n\n"
           "Offline example with the demo service (`chaoslab demo-http --port D`):\n"
           "  chaoslab run 01.03-add-toxic-latency.json --var toxiproxy_port=P\n"
           "    --map toxiproxy=127.0.0.1\n"
           "    --map jsonplaceholder.typicode.com:80=127.0.0.1:D\n"
           "    --map https://jsonplaceholder.typicode.com=http://127.0.0.1:D"_s;
}

std::optional<RunCommandOptions> parseOptions(QCommandLineParser& parser)
{
    const QCommandLineOption journal(u"journal"_s,
        u"File to write the journal to (default journal.json)."_s, u"file"_s, u"journal.json"_s);
    const QCommandLineOption var(u"var"_s,
        u"Sets a configuration value: KEY=VALUE, KEY:int=VALUE or KEY:float=VALUE. Repeatable."_s,
        u"key=value"_s);
    const QCommandLineOption strategy(u"rollback-strategy"_s,
        u"When rollbacks play: default (not after a failure or deviation), always, never or "
        "deviated. Default: the experiment's runtime setting, else default."_s,
        u"strategy"_s);
    const QCommandLineOption map(u"map"_s,
        u"Rewrites an address: NAME=ADDRESS, NAME:PORT=ADDRESS:PORT or "
        "https://NAME=http://ADDRESS:PORT. Repeatable."_s,
        u"from=to"_s);
    const QCommandLineOption allowProcess(
        u"allow-process"_s, u"Allows process providers, which run local programs."_s);
    parser.setApplicationDescription(description());
    parser.addOptions({ journal, var, strategy, map, allowProcess });
    parser.addPositionalArgument(u"experiment"_s, u"The experiment JSON file."_s);

    if (!parseArguments(parser, commandName))
        return std::nullopt;
    if (parser.positionalArguments().size() != 1) {
        printUsageError(commandName, "expected exactly one experiment file");
        return std::nullopt;
    }

    RunCommandOptions options;
    options.experimentPath = parser.positionalArguments().first();
    options.journalPath = parser.value(journal);
    options.allowProcess = parser.isSet(allowProcess);
    for (const auto& text : parser.values(var)) {
        if (auto error = Configuration::parseVar(text.toStdString(), options.vars)) {
            printUsageError(commandName, *error);
            return std::nullopt;
        }
    }
    for (const auto& text : parser.values(map)) {
        if (auto error = options.addressMap.add(text)) {
            printUsageError(commandName, *error);
            return std::nullopt;
        }
    }
    if (parser.isSet(strategy)) {
        options.rollbackStrategy = parseRollbackStrategy(parser.value(strategy).toStdString());
        if (!options.rollbackStrategy) {
            printUsageError(commandName,
                "invalid --rollback-strategy \"" + parser.value(strategy).toStdString()
                    + "\"; use default, always, never or deviated");
            return std::nullopt;
        }
    }
    return options;
}

bool writeJournal(const QString& path, const Journal& journal)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        printError(commandName,
            "cannot write the journal to " + path.toStdString() + ": "
                + file.errorString().toStdString());
        return false;
    }
    file.write(QByteArray::fromStdString(journal.toJson().dump(2)));
    return true;
}

} // namespace

int runRunCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName);

    QCommandLineParser parser;
    auto options = parseOptions(parser);
    if (!options)
        return exitUsage;

    auto loaded = ExperimentLoader::loadFile(options->experimentPath, { options->allowProcess });
    if (!loaded.experiment) {
        printError(commandName, loaded.error);
        return exitFailure;
    }
    RunContext context;
    if (auto error
        = Configuration::load(*loaded.experiment, options->vars, context.configuration)) {
        printError(commandName, *error);
        return exitFailure;
    }
    context.addressMap = options->addressMap;
    context.log = [](LogLevel level, const std::string& message) {
        std::printf("%s\n", formatLogLine(level, message).c_str());
        std::fflush(stdout);
    };

    ExperimentRunner runner(
        std::move(*loaded.experiment), std::move(context), { options->rollbackStrategy, true });
    SignalWatcher signalWatcher({ SIGINT, SIGTERM });
    QObject::connect(
        &signalWatcher, &SignalWatcher::received, &runner, [&runner](int) { runner.interrupt(); });
    QObject::connect(
        &runner, &ExperimentRunner::finished, application.app(), [] { QCoreApplication::quit(); },
        Qt::QueuedConnection);
    runner.start();
    QCoreApplication::exec();

    if (!writeJournal(options->journalPath, runner.journal()))
        return exitFailure;
    runner.context().log(
        LogLevel::Info, "Journal written to " + options->journalPath.toStdString());
    return runner.journal().status == RunStatus::Completed && !runner.journal().deviated
        ? 0
        : exitFailure;
}

} // namespace chaoslab::cli
