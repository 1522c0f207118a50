// Runs one `chaoslab env ...` command as a separate process, so that starting a broker or a
// database runs outside the window's thread, and reports its output when it ends or times out.
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace chaoslab::ui {

class EnvCommand : public QObject
{
    Q_OBJECT

public:
    // `program` and `baseArguments` start the command line, such as the running console's
    // own executable and {"env"}; extra arguments (such as --dir) follow the subcommand.
    EnvCommand(QString program, QStringList baseArguments, QObject* parent = nullptr);

    void setExtraArguments(const QStringList& arguments) { m_extra = arguments; }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString commandLine(const QString& subcommand, const QStringList& arguments = {}) const;

    // Starts `env SUBCOMMAND ARGUMENTS...`; does nothing and returns false while another
    // command runs.
    bool run(
        const QString& subcommand, const QStringList& arguments, std::chrono::milliseconds timeout);

signals:
    // A line of output while the command runs, for a progress view.
    void outputLine(const QString& line);
    // `ok` is false when the command could not start, timed out or exited non-zero;
    // `message` then gives the cause.
    void finished(const QString& subcommand, bool ok, const QByteArray& standardOutput,
        const QString& message);

private:
    void readOutput();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleError(QProcess::ProcessError error);
    void handleTimeout();
    void report(bool ok, const QString& message);

    QString m_program;
    QStringList m_baseArguments;
    QStringList m_extra;
    QString m_subcommand;
    QProcess m_process;
    QTimer m_deadline;
    QByteArray m_output;
    QByteArray m_pendingLine;
    QByteArray m_errors;
    bool m_timedOut = false;
};

} // namespace chaoslab::ui
