// Access to the lab stack that envstack.sh brought up for the environment tests: its data
// folder and ports, and running the chaoslab executable against it.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

struct CommandResult
{
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;

    // The command line, exit code and output, for failure messages.
    QString diagnostics;
};

class EnvStackClient
{
public:
    // Reads DIR/ports.json of the stack in `dir`. Returns nothing with `error` set when the
    // stack did not come up.
    static std::optional<EnvStackClient> open(const QString& dir, QString& error);

    QString dir() const { return m_dir; }
    quint16 port(const QString& name) const;
    QString address(const QString& name) const;
    // Every port by name, as in DIR/ports.json.
    QJsonObject ports() const { return m_ports; }

    // Runs chaoslab with the arguments and waits at most `timeoutMs`.
    CommandResult run(const QStringList& arguments, int timeoutMs = 60000) const;
    // Runs `chaoslab env ACTION --dir DIR` plus the arguments.
    CommandResult env(
        const QString& action, const QStringList& arguments = {}, int timeoutMs = 240000) const;
    // Runs `chaoslab env status --json` and parses its output.
    QJsonObject status(QString* diagnostics = nullptr) const;

private:
    QString m_dir;
    QJsonObject m_ports;
};

// Returns the element of a JSON array of objects whose "name" is `name`.
QJsonObject findByName(const QJsonObject& status, const QString& array, const QString& name);
