#include "probecommand.h"

#include "commandline.h"
#include "probereport.h"
#include "signalwatcher.h"

#include "probes/proberunner.h"
#include "probes/probespec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using chaoslab::probes::ProbeSpec;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "probe";
constexpr int MaxMilliseconds = 3'600'000;

struct ProbeOptions
{
    ProbeSpec spec;
    // Zero: until SIGINT or SIGTERM.
    double durationSeconds = 0;
    bool json = false;
};

QString description()
{
    return u"Probes a service through a real connection every interval and prints latency "
           "percentiles of the successful attempts and errors by outcome: a line per second, "
           "and a summary at the end. URL is one of tcp://HOST:PORT, http(s)://HOST[:PORT]/PATH, "
           "redis://, mysql://, postgres://, amqp:// or mongodb://HOST[:PORT]. Outcomes: ok, "
           "refused, closed, reset, timed_out, protocol_error, auth_failed, unexpected_status. "
           "Attempts still running at the end are not counted."_s;
}

std::optional<int> parseMilliseconds(const QString& name, const QString& text)
{
    bool valid = false;
    const int value = text.toInt(&valid);
    if (valid && value >= 1 && value <= MaxMilliseconds)
        return value;
    printUsageError(commandName,
        u"invalid --%1 \"%2\": expected milliseconds from 1 to %3"_s.arg(name, text)
            .arg(MaxMilliseconds)
            .toStdString());
    return std::nullopt;
}

std::optional<double> parseSeconds(const QString& text)
{
    bool valid = false;
    const double value = text.toDouble(&valid);
    if (valid && value > 0 && value <= MaxMilliseconds / 1000.0)
        return value;
    printUsageError(commandName,
        u"invalid --duration \"%1\": expected seconds above 0, at most %2"_s.arg(text)
            .arg(MaxMilliseconds / 1000)
            .toStdString());
    return std::nullopt;
}

std::optional<ProbeSpec> parseUrl(const QString& text)
{
    if (!text.contains(u"://")) {
        printUsageError(commandName,
            u"URL \"%1\" has no scheme: write it as tcp://HOST:PORT or http://HOST[:PORT]/PATH"_s
                .arg(text)
                .toStdString());
        return std::nullopt;
    }
    QString error;
    auto spec = ProbeSpec::fromUrl(QUrl(text), &error);
    if (!spec)
        printUsageError(commandName, error.toStdString());
    return spec;
}

// Returns the options, or nothing when the command should stop with a usage error.
std::optional<ProbeOptions> parseOptions(QCommandLineParser& parser)
{
    const QCommandLineOption interval(u"interval"_s,
        u"Time between the starts of two attempts, in milliseconds (default 500)."_s, u"ms"_s,
        u"500"_s);
    const QCommandLineOption timeout(u"timeout"_s,
        u"Time an attempt may take to connect and get a complete answer, in milliseconds "
        "(default 2000)."_s,
        u"ms"_s, u"2000"_s);
    const QCommandLineOption duration(u"duration"_s,
        u"Stop after this many seconds (default: run until Ctrl-C)."_s, u"seconds"_s);
    const QCommandLineOption json(
        u"json"_s, u"Print only one JSON object with the summary, at the end."_s);
    const QCommandLineOption keepAlive(u"keep-alive"_s,
        u"Reuse one connection between attempts where the protocol allows it (http, https)."_s);
    const QCommandLineOption insecure(
        u"insecure"_s, u"https: accept any certificate, such as a self-signed one."_s);
    parser.setApplicationDescription(description());
    parser.addOptions({ interval, timeout, duration, json, keepAlive, insecure });
    parser.addPositionalArgument(u"URL"_s, u"The service to probe."_s);

    if (!parseArguments(parser, commandName))
        return std::nullopt;
    const auto arguments = parser.positionalArguments();
    if (arguments.size() != 1) {
        printUsageError(commandName,
            arguments.isEmpty() ? "missing URL"
                                : "unexpected argument '" + arguments[1].toStdString() + "'");
        return std::nullopt;
    }

    ProbeOptions options;
    auto spec = parseUrl(arguments[0]);
    if (!spec)
        return std::nullopt;
    const auto intervalMs = parseMilliseconds(u"interval"_s, parser.value(interval));
    if (!intervalMs)
        return std::nullopt;
    const auto timeoutMs = parseMilliseconds(u"timeout"_s, parser.value(timeout));
    if (!timeoutMs)
        return std::nullopt;
    if (parser.isSet(duration)) {
        const auto seconds = parseSeconds(parser.value(duration));
        if (!seconds)
            return std::nullopt;
        options.durationSeconds = *seconds;
    }
    spec->interval = std::chrono::milliseconds(*intervalMs);
    spec->timeout = std::chrono::milliseconds(*timeoutMs);
    spec->keepAlive = parser.isSet(keepAlive);
    spec->insecure = parser.isSet(insecure);
    options.spec = std::move(*spec);
    options.json = parser.isSet(json);
    return options;
}

void print(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

int runProbe(const ProbeOptions& options)
{
    const auto url = options.spec.displayUrl().toDisplayString();
    probes::ProbeRunner runner(options.spec);
    QElapsedTimer clock;
    bool finished = false;

    const auto finish = [&] {
        if (finished)
            return;
        finished = true;
        runner.stop();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        const auto summary = runner.statistics().summary();
        if (options.json)
            std::fputs(summaryJson(url, summary, seconds).constData(), stdout);
        else
            print(u"--- "_s + summaryText(url, summary, seconds));
        std::fflush(stdout);
        QCoreApplication::quit();
    };

    SignalWatcher signalWatcher({ SIGINT, SIGTERM });
    QObject::connect(&signalWatcher, &SignalWatcher::received, &runner, finish);
    if (!options.json) {
        QObject::connect(&runner, &probes::ProbeRunner::bucketClosed, &runner,
            [](const probes::ProbeBucket& bucket) { print(secondLine(bucket) + u'\n'); });
        // The URL goes in last: a chained arg() would replace "%2" in an escaped "%2F".
        print(u"probing %4 every %1 ms, timeout %2 ms%3\n"_s.arg(options.spec.interval.count())
                  .arg(options.spec.timeout.count())
                  .arg(options.durationSeconds > 0 ? QString() : u"; Ctrl-C stops"_s, url));
    }
    QTimer stopTimer;
    stopTimer.setSingleShot(true);
    stopTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&stopTimer, &QTimer::timeout, &runner, finish);
    if (options.durationSeconds > 0)
        stopTimer.start(int(options.durationSeconds * 1000));

    clock.start();
    runner.start();
    return QCoreApplication::exec();
}

} // namespace

int runProbeCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName);
    // The command prints the probe's start and stop itself. QT_LOGGING_RULES still applies.
    QLoggingCategory::setFilterRules(u"chaoslab.probes.info=false"_s);

    QCommandLineParser parser;
    const auto options = parseOptions(parser);
    if (!options)
        return exitUsage;
    return runProbe(*options);
}

} // namespace chaoslab::cli
