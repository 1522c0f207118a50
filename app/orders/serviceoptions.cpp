#include "serviceoptions.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::orders {

std::vector<OptionSpec> commonOptions(const QString& defaultListen)
{
    return {
        { u"listen"_s, u"host:port"_s, u"HTTP address to listen on."_s, defaultListen,
            u"CHAOSLAB_LISTEN"_s },
        { u"connect-timeout"_s, u"ms"_s,
            u"TCP connect timeout in milliseconds, also MongoDB's server selection timeout; "
            "MySQL rounds it up to whole seconds."_s,
            u"2000"_s, u"CHAOSLAB_CONNECT_TIMEOUT_MS"_s },
        { u"query-timeout"_s, u"ms"_s,
            u"Maximum wait in milliseconds for one reply once connected: MySQL read and "
            "write timeout (rounded up to whole seconds), AMQP RPC and publisher-confirm "
            "timeout, MongoDB socket timeout."_s,
            u"10000"_s, u"CHAOSLAB_QUERY_TIMEOUT_MS"_s },
        { u"retries"_s, u"count"_s,
            u"Further attempts after a failed insert or publish, each on a new connection. "
            "A retried MySQL insert can store an order twice when the first insert committed "
            "but its reply was lost."_s,
            u"0"_s, u"CHAOSLAB_RETRIES"_s },
        { u"retry-delay"_s, u"ms"_s, u"Pause in milliseconds before each retry."_s, u"500"_s,
            u"CHAOSLAB_RETRY_DELAY_MS"_s },
        { u"reconnect-delay"_s, u"ms"_s,
            u"Pause in milliseconds between connection attempts while a dependency is "
            "unavailable, and between store attempts of the notifier."_s,
            u"1000"_s, u"CHAOSLAB_RECONNECT_DELAY_MS"_s },
    };
}

ServiceCommandLine::ServiceCommandLine(
    QString program, QString description, std::vector<OptionSpec> options)
    : m_program(std::move(program))
    , m_specs(std::move(options))
{
    m_parser.setApplicationDescription(description);
    for (const auto& spec : m_specs) {
        const QString help = spec.description + u" Default: "_s + spec.defaultValue
            + u". Environment: "_s + spec.environment + u"."_s;
        m_parser.addOption(QCommandLineOption(spec.name, help, spec.valueName));
    }
    m_parser.addHelpOption();
}

std::optional<int> ServiceCommandLine::parse(const QStringList& arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText().toStdString());
    if (m_parser.isSet(u"help"_s))
        m_parser.showHelp(0);
    if (!m_parser.positionalArguments().isEmpty()) {
        return usageError(
            "unexpected argument '" + m_parser.positionalArguments().first().toStdString() + "'");
    }
    return std::nullopt;
}

QString ServiceCommandLine::value(const QString& name) const
{
    if (m_parser.isSet(name))
        return m_parser.value(name);
    for (const auto& spec : m_specs) {
        if (spec.name != name)
            continue;
        const auto environment = qEnvironmentVariable(qPrintable(spec.environment));
        return environment.isEmpty() ? spec.defaultValue : environment;
    }
    return {};
}

int ServiceCommandLine::usageError(const std::string& message) const
{
    std::fprintf(stderr, "%s: %s\nRun '%s --help' for the options.\n", qPrintable(m_program),
        message.c_str(), qPrintable(m_program));
    return exitUsage;
}

std::optional<net::HostPort> ServiceCommandLine::listenAddress() const
{
    const auto text = value(u"listen"_s).toStdString();
    auto parsed = net::parseHostPort(text);
    if (!parsed.value) {
        usageError("invalid --listen address '" + text + "': " + parsed.error);
        return std::nullopt;
    }
    if (parsed.value->host.empty())
        parsed.value->host = "0.0.0.0";
    return parsed.value;
}

std::optional<std::chrono::milliseconds> ServiceCommandLine::milliseconds(
    const QString& name, int minimum) const
{
    const auto text = value(name);
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number < minimum) {
        usageError("invalid --" + name.toStdString() + " value '" + text.toStdString()
            + "': expected a whole number from " + std::to_string(minimum) + " to 2147483647");
        return std::nullopt;
    }
    return std::chrono::milliseconds(number);
}

std::optional<ConnectionSettings> ServiceCommandLine::connectionSettings() const
{
    const auto connect = milliseconds(u"connect-timeout"_s, 1);
    const auto query = connect ? milliseconds(u"query-timeout"_s, 1) : std::nullopt;
    const auto retries = query ? milliseconds(u"retries"_s, 0) : std::nullopt;
    const auto retryDelay = retries ? milliseconds(u"retry-delay"_s, 0) : std::nullopt;
    const auto reconnect = retryDelay ? milliseconds(u"reconnect-delay"_s, 1) : std::nullopt;
    if (!reconnect)
        return std::nullopt;
    return ConnectionSettings { *connect, *query, static_cast<int>(retries->count()), *retryDelay,
        *reconnect };
}

void setUpLogFormat()
{
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN")) {
        qSetMessagePattern(
            u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}warning %{endif}%{if-critical}error "
            "%{endif}%{message}"_s);
    }
}

} // namespace chaoslab::orders
