#include "processidentity.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>

namespace chaoslab::lab {

namespace {

// Field 22 of /proc/PID/stat, or 0 when it cannot be read. The command name before it is in
// parentheses and may contain spaces, so fields are counted from its closing parenthesis.
qint64 startTicksOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    // After the parenthesis, field 3 (the state) comes first, so field 22 is at index 19.
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

} // namespace

ProcessIdentity ProcessIdentity::current()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return { pid, startTicksOf(pid) };
}

bool ProcessIdentity::isRunning() const
{
    if (pid <= 0)
        return false;
    if (startTicks != 0)
        return startTicksOf(pid) == startTicks;
    // Without /proc, signal 0 checks whether any process has that PID.
    return ::kill(pid_t(pid), 0) == 0;
}

} // namespace chaoslab::lab
