#include "envcommand.h"

namespace chaoslab::ui {

EnvCommand::EnvCommand(QString program, QStringList baseArguments, QObject* parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_baseArguments(std::move(baseArguments))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &EnvCommand::handleTimeout);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EnvCommand::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process.readAllStandardError();
        m_errors += chunk;
        for (const QByteArray& line : chunk.split('\n')) {
            if (!line.trimmed().isEmpty())
                emit outputLine(QString::fromUtf8(line));
        }
    });
    connect(&m_process, &QProcess::finished, this, &EnvCommand::handleFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &EnvCommand::handleError);
}

QString EnvCommand::commandLine(const QString& subcommand, const QStringList& arguments) const
{
    return (QStringList { m_program } + m_baseArguments + QStringList { subcommand } + arguments
        + m_extra)
        .join(u' ');
}

bool EnvCommand::run(
    const QString& subcommand, const QStringList& arguments, std::chrono::milliseconds timeout)
{
    if (isRunning())
        return false;
    m_subcommand = subcommand;
    m_output.clear();
    m_pendingLine.clear();
    m_errors.clear();
    m_timedOut = false;
    m_process.start(m_program, QStringList(m_baseArguments) << subcommand << arguments << m_extra);
    m_deadline.start(timeout);
    return true;
}

void EnvCommand::readOutput()
{
    const QByteArray chunk = m_process.readAllStandardOutput();
    m_output += chunk;
    // Progress lines are shown as they come; a JSON document is read whole at the end.
    m_pendingLine += chunk;
    qsizetype end = 0;
    while ((end = m_pendingLine.indexOf('\n')) >= 0) {
        const QByteArray line = m_pendingLine.left(end);
        m_pendingLine.remove(0, end + 1);
        if (!line.trimmed().isEmpty())
            emit outputLine(QString::fromUtf8(line));
    }
}

void EnvCommand::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_timedOut)
        return;
    m_deadline.stop();
    readOutput();
    if (status == QProcess::CrashExit) {
        report(false, tr("\"%1\" crashed.").arg(commandLine(m_subcommand)));
        return;
    }
    if (exitCode != 0) {
        const QString errors = QString::fromUtf8(m_errors).trimmed();
        report(false,
            tr("\"%1\" failed with exit code %2. %3")
                .arg(commandLine(m_subcommand))
                .arg(exitCode)
                .arg(errors.isEmpty() ? tr("It printed no reason.") : errors));
        return;
    }
    report(true, {});
}

void EnvCommand::handleError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    m_deadline.stop();
    report(false,
        tr("Could not run \"%1\": %2. Check that the chaoslab program is installed next to "
           "the console.")
            .arg(commandLine(m_subcommand), m_process.errorString()));
}

void EnvCommand::handleTimeout()
{
    m_timedOut = true;
    // The process ends soon after; handleFinished() then ignores it.
    m_process.kill();
    report(false,
        tr("\"%1\" did not finish in time and was stopped. Run it in a terminal to see where "
           "it waits.")
            .arg(commandLine(m_subcommand)));
}

void EnvCommand::report(bool ok, const QString& message)
{
    emit finished(m_subcommand, ok, m_output, message);
}

} // namespace chaoslab::ui
