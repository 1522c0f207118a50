#include "launcher.h"

#include "blockinghttp.h"

#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::environment {

void LaunchContext::record(const ProcessRecord& process)
{
    state.processes.push_back(process);
    if (auto error = saveState(layout.dir, state))
        print(*error);
}

std::optional<QString> LaunchContext::startRecorded(
    const QString& service, const Command& command, const QString& log)
{
    QString error;
    const auto process = startDetached(service, command, log, error);
    if (!process)
        return error;
    record(*process);
    return std::nullopt;
}

bool ServiceLauncher::answers(const EnvLayout& layout) const
{
    return tcpAccepts(layout.host, layout.port(portName()));
}

QStringList ServiceLauncher::stop(const EnvLayout&, const EnvState& state)
{
    QStringList messages;
    auto records = state.processesOf(name());
    std::reverse(records.begin(), records.end());
    for (const auto& record : records) {
        if (auto message = stopProcess(record))
            messages.append(*message);
    }
    return messages;
}

QString serviceLog(const EnvLayout& layout, const QString& service)
{
    return layout.logPath(service);
}

std::optional<QString> waitUntilReady(const LaunchContext& context, const QString& service,
    std::chrono::milliseconds timeout, const std::function<bool()>& ready)
{
    const auto records = context.state.processesOf(service);
    const auto log = records.empty() ? serviceLog(context.layout, service) : records.front().log;
    QDeadlineTimer deadline(timeout);
    while (!ready()) {
        const bool exited = std::any_of(records.begin(), records.end(),
            [](const ProcessRecord& record) { return !isRunning(record); });
        if (exited)
            return u"%1 exited while starting; see %2"_s.arg(service, log);
        if (deadline.hasExpired())
            return u"%1 was not ready within %2 s; see %3"_s.arg(service)
                .arg(timeout.count() / 1000)
                .arg(log);
        QThread::msleep(100);
    }
    return std::nullopt;
}

} // namespace chaoslab::environment
