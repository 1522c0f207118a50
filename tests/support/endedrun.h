// Makes a rollback journal look as if the process that wrote it had ended, as after a
// crash: its writer becomes a child process that has exited.
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

inline bool markWriterEnded(const QString& journalPath)
{
    QProcess child;
    child.start(QStringLiteral("true"), {});
    if (!child.waitForStarted())
        return false;
    const qint64 pid = child.processId();
    if (!child.waitForFinished())
        return false;

    QFile file(journalPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    root.insert(QStringLiteral("writer"),
        QJsonObject { { QStringLiteral("pid"), pid }, { QStringLiteral("start_ticks"), 1 } });
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(root).toJson()) > 0;
}
