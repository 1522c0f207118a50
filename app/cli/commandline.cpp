#include "commandline.h"

#include <cstdio>

namespace chaoslab::cli {

namespace {

std::vector<char*> withProgramName(int argc, char** argv, std::string& programName)
{
    std::vector<char*> arguments(argv, argv + argc);
    arguments[0] = programName.data();
    return arguments;
}

} // namespace

CommandApplication::CommandApplication(
    int argc, char** argv, std::string_view command, const QString& applicationName)
    : m_programName("chaoslab " + std::string(command))
    , m_arguments(withProgramName(argc, argv, m_programName))
    , m_argc(argc)
    , m_app(m_argc, m_arguments.data())
{
    QCoreApplication::setApplicationName(
        applicationName.isEmpty() ? QString::fromStdString(m_programName) : applicationName);
}

bool parseArguments(QCommandLineParser& parser, std::string_view command, VersionOption version)
{
    const auto help = parser.addHelpOption();
    std::optional<QCommandLineOption> versionOption;
    if (version == VersionOption::With)
        versionOption = parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments())) {
        printUsageError(command, parser.errorText().toStdString());
        return false;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (versionOption && parser.isSet(*versionOption))
        parser.showVersion();
    return true;
}

void printError(std::string_view command, const std::string& message)
{
    std::fprintf(stderr, "chaoslab %.*s: %s\n", static_cast<int>(command.size()), command.data(),
        message.c_str());
}

int printUsageError(std::string_view command, const std::string& message)
{
    printError(command, message);
    std::fprintf(stderr, "Run 'chaoslab %.*s --help' for the options.\n",
        static_cast<int>(command.size()), command.data());
    return exitUsage;
}

std::optional<std::uint16_t> parsePort(const QString& text)
{
    bool valid = false;
    const auto number = text.toUInt(&valid);
    if (!valid || number > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(number);
}

std::string invalidPortMessage(const QString& text)
{
    return "invalid port \"" + text.toStdString() + "\": expected a number from 0 to 65535";
}

std::string listenHint(const std::string& error)
{
    if (error.find("in use") != std::string::npos)
        return "; stop the program using that port or choose another one with --port";
    return "; check the address given with --host";
}

} // namespace chaoslab::cli
