// The report of `chaoslab env status --json` on the local lab stack: each service and
// proxy with its state, and what to do about the ones that are not running.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace chaoslab::ui {

struct EnvironmentItem
{
    enum class Kind { Service, Proxy };
    // `external` accepts connections but was not started by `chaoslab env up`; `missing` is not
    // installed on this computer.
    enum class State { Running, Stopped, Missing, Failed, External, Unknown };

    Kind kind = Kind::Service;
    QString name;
    QString address;
    // Only for proxies: where the proxy forwards to.
    QString upstream;
    State state = State::Unknown;
    qint64 pid = 0;
    // English sentences from the command, shown when the console has no wording for `reason`.
    QString detail;
    QString fix;
    // The case, such as "running" or "missing", that the console words in its own language.
    QString reason;
    QString log;
    // Only for missing services: the command that installs or builds the program.
    QString command;
    // Only for proxies that exist on the server: their settings there.
    bool enabled = false;
    QString actualListen;
    QString actualUpstream;
    bool upstreamAccepts = true;
    int toxics = 0;
    // Only for proxies that `env down` will set back: the listen and upstream it restores.
    QString restoreListen;
    QString restoreUpstream;
    bool restoreEnabled = false;
};

struct EnvironmentStatus
{
    QString folder;
    QString apiUrl;
    // "started", "external" or "down", as the command prints it.
    QString engine;
    QList<EnvironmentItem> items;

    // Parses the command's output; sets `error` to what is wrong with it otherwise.
    static std::optional<EnvironmentStatus> fromJson(const QByteArray& json, QString* error);

    bool anyStartedHere() const;
};

EnvironmentItem::State environmentStateFromName(const QString& name);

} // namespace chaoslab::ui
