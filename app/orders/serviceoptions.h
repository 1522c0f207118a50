// Command-line options of chaoslab-order-api and chaoslab-notifier. Every option has an
// environment variable for Docker; a value on the command line wins over the variable, and
// the variable over the default. --help lists each option with its default and unit.
#pragma once

#include "tcplistener.h"

#include <QCommandLineParser>
#include <QString>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chaoslab::orders {

inline constexpr int exitFailure = 1;
inline constexpr int exitUsage = 2;

// Timeouts and retry policy for every blocking client call of one service.
struct ConnectionSettings
{
    // TCP connect, and for MongoDB also server selection.
    std::chrono::milliseconds connectTimeout { 2'000 };
    // Maximum wait for any one reply once connected (MySQL read/write timeout, AMQP RPC and
    // publisher-confirm timeout, MongoDB socket timeout). The default of 10 s is above the
    // 5 s timeout toxic of the academy's experiments, so that toxic shows as a connection
    // that the proxy closes after 5 s, not as a client-side timeout.
    std::chrono::milliseconds queryTimeout { 10'000 };
    // Further attempts after a failed insert or publish, each on a new connection.
    int retries = 0;
    std::chrono::milliseconds retryDelay { 500 };
    // Pause between connection attempts while a dependency is unavailable.
    std::chrono::milliseconds reconnectDelay { 1'000 };
};

struct OptionSpec
{
    QString name;
    QString valueName;
    QString description;
    QString defaultValue;
    // The environment variable with the same meaning, for example "CHAOSLAB_MYSQL_URL".
    QString environment;
};

class ServiceCommandLine
{
public:
    ServiceCommandLine(QString program, QString description, std::vector<OptionSpec> options);

    // Parses the arguments, printing help and exiting for --help. Returns the exit code for a
    // usage error (after printing it), or nothing when the program should go on.
    std::optional<int> parse(const QStringList& arguments);

    // The option's value from the command line, else its environment variable, else its
    // default.
    QString value(const QString& name) const;

    // Prints "program: message" to stderr and returns exitUsage.
    int usageError(const std::string& message) const;

    // Reads the listen address and the ConnectionSettings options; prints the error and
    // returns nothing for an invalid value.
    std::optional<net::HostPort> listenAddress() const;
    std::optional<ConnectionSettings> connectionSettings() const;

private:
    std::optional<std::chrono::milliseconds> milliseconds(const QString& name, int minimum) const;

    QString m_program;
    QCommandLineParser m_parser;
    std::vector<OptionSpec> m_specs;
};

// The options every service has: --listen and the ConnectionSettings ones.
std::vector<OptionSpec> commonOptions(const QString& defaultListen);

// Sets a log line format that starts with the local time, unless QT_MESSAGE_PATTERN sets one.
void setUpLogFormat();

} // namespace chaoslab::orders
