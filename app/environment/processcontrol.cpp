#include "processcontrol.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::environment {

namespace {

struct ProcStat
{
    char state = '?';
    std::uint64_t startTime = 0;
};

// Reads /proc/PID/stat. The command name in field 2 may contain spaces and parentheses, so
// the fields after it are counted from the last ')'.
std::optional<ProcStat> readStat(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto text = file.readAll();
    const auto nameEnd = text.lastIndexOf(')');
    if (nameEnd < 0)
        return std::nullopt;
    const auto fields = text.mid(nameEnd + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    if (fields.size() < 20)
        return std::nullopt;
    return ProcStat { fields[0].isEmpty() ? '?' : fields[0][0], fields[19].toULongLong() };
}

bool waitForExit(const ProcessRecord& record, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (isRunning(record)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

std::optional<ProcessRecord> startDetached(
    const QString& service, const Command& command, const QString& log, QString& error)
{
    QDir().mkpath(QFileInfo(log).absolutePath());
    QProcess process;
    process.setProgram(command.program);
    process.setArguments(command.arguments);
    process.setProcessEnvironment(command.environment);
    if (!command.workingDirectory.isEmpty())
        process.setWorkingDirectory(command.workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);

    // QProcess::startDetached forks twice and calls setsid(), so the process gets its own
    // session and outlives this one.
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        error = u"cannot start %1: %2"_s.arg(command.program, process.errorString());
        return std::nullopt;
    }
    auto record = recordExisting(service, pid, log);
    if (!record)
        error = u"%1 exited at once; see %2"_s.arg(command.program, log);
    return record;
}

std::optional<ProcessRecord> recordExisting(const QString& service, qint64 pid, const QString& log)
{
    const auto stat = readStat(pid);
    if (!stat || stat->state == 'Z')
        return std::nullopt;
    const auto executable = QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget();
    return ProcessRecord { service, pid, stat->startTime, executable, log };
}

bool isRunning(const ProcessRecord& record)
{
    if (record.pid <= 0)
        return false;
    const auto stat = readStat(record.pid);
    return stat && stat->state != 'Z' && stat->startTime == record.startTime;
}

std::optional<QString> stopProcess(const ProcessRecord& record, std::chrono::milliseconds grace)
{
    if (!isRunning(record))
        return std::nullopt;
    ::kill(static_cast<pid_t>(record.pid), SIGTERM);
    if (waitForExit(record, grace))
        return std::nullopt;

    ::kill(static_cast<pid_t>(record.pid), SIGKILL);
    if (waitForExit(record, std::chrono::seconds(5)))
        return u"%1 (PID %2) did not stop within %3 ms of SIGTERM; killed it"_s.arg(record.service)
            .arg(record.pid)
            .arg(grace.count());
    return u"%1 (PID %2) is still running after SIGKILL"_s.arg(record.service).arg(record.pid);
}

ToolResult runTool(const Command& command, std::chrono::milliseconds timeout, const QString& log)
{
    QProcess process;
    process.setProcessEnvironment(command.environment);
    if (!command.workingDirectory.isEmpty())
        process.setWorkingDirectory(command.workingDirectory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(command.program, command.arguments);

    ToolResult result;
    if (!process.waitForStarted(5000)) {
        result.output = u"cannot start %1: %2"_s.arg(command.program, process.errorString());
    } else if (!process.waitForFinished(static_cast<int>(timeout.count()))) {
        process.kill();
        process.waitForFinished(2000);
        result.output = QString::fromLocal8Bit(process.readAll())
            + u"\n%1 timed out after %2 ms"_s.arg(command.program).arg(timeout.count());
    } else {
        result.output = QString::fromLocal8Bit(process.readAll());
        result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    if (!log.isEmpty()) {
        QDir().mkpath(QFileInfo(log).absolutePath());
        QFile file(log);
        if (file.open(QIODevice::Append)) {
            file.write(
                u"$ %1 %2\n"_s.arg(command.program, command.arguments.join(u' ')).toLocal8Bit());
            file.write(result.output.toLocal8Bit());
        }
    }
    return result;
}

QString findExecutable(const QString& name)
{
    if (name.startsWith(u'/'))
        return QFileInfo(name).isExecutable() ? name : QString();
    auto found = QStandardPaths::findExecutable(name);
    // A normal user's PATH often lacks the sbin folders, where mariadbd lives.
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, { u"/usr/sbin"_s, u"/sbin"_s });
    return found;
}

} // namespace chaoslab::environment
