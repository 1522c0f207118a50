// Application set-up, argument parsing, error output, exit codes and option checks shared by
// the headless subcommands.
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chaoslab::cli {

inline constexpr int exitFailure = 1;
inline constexpr int exitUsage = 2;

// The QCoreApplication of one subcommand. It replaces argv[0] with "chaoslab COMMAND",
// because QCommandLineParser names the program after argv[0] in its help and errors.
class CommandApplication
{
public:
    // `applicationName` defaults to "chaoslab COMMAND".
    CommandApplication(
        int argc, char** argv, std::string_view command, const QString& applicationName = {});

    CommandApplication(const CommandApplication&) = delete;
    CommandApplication& operator=(const CommandApplication&) = delete;

    QCoreApplication* app() { return &m_app; }

private:
    std::string m_programName;
    std::vector<char*> m_arguments;
    // QCoreApplication keeps a reference to the argument count.
    int m_argc;
    QCoreApplication m_app;
};

enum class VersionOption { Without, With };

// Adds --help (and --version with VersionOption::With) to `parser` and parses the
// application's arguments. --help prints the help and exits with 0, --version prints the
// version and exits with 0. Returns false after printing the usage error for invalid
// arguments.
bool parseArguments(QCommandLineParser& parser, std::string_view command,
    VersionOption version = VersionOption::Without);

// Prints "chaoslab COMMAND: MESSAGE" to stderr.
void printError(std::string_view command, const std::string& message);

// Prints the error and where to find the command's options. Returns exitUsage.
int printUsageError(std::string_view command, const std::string& message);

// Parses a TCP port from 0 to 65535, or returns nothing.
std::optional<std::uint16_t> parsePort(const QString& text);

// Returns the usage error for a port that parsePort rejected.
std::string invalidPortMessage(const QString& text);

// Returns the next step for a failure to listen, to append to its message.
std::string listenHint(const std::string& error);

} // namespace chaoslab::cli
