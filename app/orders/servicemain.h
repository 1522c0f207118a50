// Start-up shared by chaoslab-order-api and chaoslab-notifier: the application, the log
// format, the command line with the common options, and a run of the service's event loop
// that SIGINT or SIGTERM ends.
#pragma once

#include "serviceoptions.h"
#include "signalwatcher.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace chaoslab::orders {

class ServiceMain
{
public:
    // Creates the application named `program` and sets the log format. `options` are the
    // service's own options; commonOptions(defaultListen) are added before them.
    ServiceMain(int& argc, char** argv, const QString& program, const QString& description,
        const QString& defaultListen, std::vector<OptionSpec> options);

    // Parses the arguments and the common options. Returns the exit code when the program
    // should end here (--help, or a usage error that was printed), else nothing.
    std::optional<int> parse();

    // Valid after parse() returned nothing.
    const ServiceCommandLine& commandLine() const { return m_commandLine; }
    const net::HostPort& listenAddress() const { return *m_listen; }
    const ConnectionSettings& connection() const { return *m_connection; }

    // Constructs a Service from `settings`, starts it on the listen address and runs the
    // event loop until SIGINT or SIGTERM. The service is destroyed before this returns.
    // Returns the event loop's exit code, or exitFailure after printing why the service
    // could not listen.
    template <typename Service, typename Settings> int serve(Settings settings);

private:
    QString m_program;
    QCoreApplication m_app;
    ServiceCommandLine m_commandLine;
    std::optional<net::HostPort> m_listen;
    std::optional<ConnectionSettings> m_connection;
};

template <typename Service, typename Settings> int ServiceMain::serve(Settings settings)
{
    cli::SignalWatcher signalWatcher({ SIGINT, SIGTERM });
    QObject::connect(&signalWatcher, &cli::SignalWatcher::received, &m_app,
        [](int) { QCoreApplication::quit(); });

    Service service(std::move(settings));
    if (auto error = service.listen(m_listen->host, m_listen->port)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(m_program), error->c_str());
        return exitFailure;
    }
    return QCoreApplication::exec();
}

} // namespace chaoslab::orders
