// Error output, exit codes and option checks shared by the headless subcommands.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chaoslab::cli {

inline constexpr int exitFailure = 1;
inline constexpr int exitUsage = 2;

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
