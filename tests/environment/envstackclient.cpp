#include "envstackclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

std::optional<EnvStackClient> EnvStackClient::open(const QString& dir, QString& error)
{
    QFile file(dir + u"/ports.json"_s);
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        error = u"no lab stack: %1 is missing, so envstack.sh up did not run or skipped"_s.arg(
            file.fileName());
        return std::nullopt;
    }
    EnvStackClient client;
    client.m_dir = dir;
    client.m_ports = QJsonDocument::fromJson(file.readAll()).object();
    return client;
}

quint16 EnvStackClient::port(const QString& name) const
{
    return static_cast<quint16>(m_ports.value(name).toInt());
}

QString EnvStackClient::address(const QString& name) const
{
    return u"127.0.0.1:"_s + QString::number(port(name));
}

CommandResult EnvStackClient::run(const QStringList& arguments, int timeoutMs) const
{
    QProcess process;
    process.start(QStringLiteral(CHAOSLAB_EXECUTABLE), arguments);
    CommandResult result;
    if (process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    else
        process.kill();
    process.waitForFinished(5000);
    result.output = process.readAllStandardOutput();
    result.errors = process.readAllStandardError();
    result.diagnostics = u"chaoslab %1\nexit code %2\nstdout:\n%3\nstderr:\n%4"_s.arg(
        arguments.join(u' '), QString::number(result.exitCode), QString::fromUtf8(result.output),
        QString::fromUtf8(result.errors));
    return result;
}

CommandResult EnvStackClient::env(
    const QString& action, const QStringList& arguments, int timeoutMs) const
{
    return run(QStringList { u"env"_s, action, u"--dir"_s, m_dir } + arguments, timeoutMs);
}

QJsonObject EnvStackClient::status(QString* diagnostics) const
{
    const auto result = env(u"status"_s, { u"--json"_s });
    if (diagnostics)
        *diagnostics = result.diagnostics;
    return QJsonDocument::fromJson(result.output).object();
}

QJsonObject findByName(const QJsonObject& status, const QString& array, const QString& name)
{
    for (const auto& item : status.value(array).toArray()) {
        if (item.toObject().value(u"name"_s).toString() == name)
            return item.toObject();
    }
    return {};
}
