#include "processprovider.h"

#include <QProcess>
#include <QTimer>

#include <cmath>
#include <utility>

namespace chaoslab::chaostoolkit {

QStringList processArguments(const Json& arguments)
{
    QStringList list;
    if (arguments.is_string())
        return QProcess::splitCommand(QString::fromStdString(arguments.get<std::string>()));
    const auto text = [](const Json& value) {
        return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
    };
    if (arguments.is_array()) {
        for (const auto& item : arguments)
            list << text(item);
    } else if (arguments.is_object()) {
        for (const auto& [key, value] : arguments.items()) {
            list << QString::fromStdString("--" + key);
            if (!value.is_null() && !(value.is_string() && value.get<std::string>().empty()))
                list << text(value);
        }
    }
    return list;
}

void ProcessProvider::start(const Json& provider, RunContext&, ProviderDone done)
{
    m_done = std::move(done);
    auto* process = new QProcess(this);
    m_process = process;
    const auto path = QString::fromStdString(provider.value("path", std::string()));

    connect(process, &QProcess::errorOccurred, this,
        [this, process, path](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart && process == m_process)
                finish(ProviderResult::failure("failed to run " + path.toStdString() + ": "
                    + process->errorString().toStdString()));
        });
    connect(
        process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus) {
            if (process != m_process)
                return;
            Json output = Json::object();
            output["status"] = exitCode;
            output["stdout"] = process->readAllStandardOutput().toStdString();
            output["stderr"] = process->readAllStandardError().toStdString();
            finish(ProviderResult::success(std::move(output)));
        });

    const Json timeout = provider.value("timeout", Json());
    if (timeout.is_number() && timeout.get<double>() > 0) {
        QTimer::singleShot(int(std::ceil(timeout.get<double>() * 1000)), process, [this, process] {
            if (process != m_process || process->state() == QProcess::NotRunning)
                return;
            finish(ProviderResult::failure("activity took too long to complete"));
        });
    }
    process->start(path, processArguments(provider.value("arguments", Json())));
}

void ProcessProvider::finish(const ProviderResult& result)
{
    if (auto* process = m_process.data()) {
        m_process.clear();
        process->disconnect(this);
        process->kill();
        process->deleteLater();
    }
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

void ProcessProvider::abort()
{
    m_done = nullptr;
    finish(ProviderResult::failure("interrupted"));
}

} // namespace chaoslab::chaostoolkit
