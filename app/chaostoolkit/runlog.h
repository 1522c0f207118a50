// The run's console output, in the form of chaostoolkit's log: "[INFO] Action: create-proxy".
#pragma once

#include <functional>
#include <string>

namespace chaoslab::chaostoolkit {

enum class LogLevel { Debug, Info, Warning, Error, Critical };

// "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL".
std::string logLevelName(LogLevel level);
// "[INFO] message"
std::string formatLogLine(LogLevel level, const std::string& message);

using LogSink = std::function<void(LogLevel, const std::string&)>;

} // namespace chaoslab::chaostoolkit
