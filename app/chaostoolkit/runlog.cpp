#include "runlog.h"

namespace chaoslab::chaostoolkit {

std::string logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "DEBUG";
    case LogLevel::Info:
        return "INFO";
    case LogLevel::Warning:
        return "WARNING";
    case LogLevel::Error:
        return "ERROR";
    case LogLevel::Critical:
        return "CRITICAL";
    }
    return "INFO";
}

std::string formatLogLine(LogLevel level, const std::string& message)
{
    return "[" + logLevelName(level) + "] " + message;
}

} // namespace chaoslab::chaostoolkit
