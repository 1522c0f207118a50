#include "servicemain.h"

namespace chaoslab::orders {

namespace {

std::vector<OptionSpec> withCommonOptions(
    const QString& defaultListen, std::vector<OptionSpec> options)
{
    auto specs = commonOptions(defaultListen);
    specs.insert(specs.end(), std::make_move_iterator(options.begin()),
        std::make_move_iterator(options.end()));
    return specs;
}

} // namespace

ServiceMain::ServiceMain(int& argc, char** argv, const QString& program, const QString& description,
    const QString& defaultListen, std::vector<OptionSpec> options)
    : m_program(program)
    , m_app(argc, argv)
    , m_commandLine(program, description, withCommonOptions(defaultListen, std::move(options)))
{
    QCoreApplication::setApplicationName(program);
    setUpLogFormat();
}

std::optional<int> ServiceMain::parse()
{
    if (const auto exitCode = m_commandLine.parse(QCoreApplication::arguments()))
        return exitCode;
    m_listen = m_commandLine.listenAddress();
    m_connection = m_listen ? m_commandLine.connectionSettings() : std::nullopt;
    if (!m_connection)
        return exitUsage;
    return std::nullopt;
}

} // namespace chaoslab::orders
