#include "environmentwording.h"

#include <QFileInfo>
#include <QStringList>

namespace chaoslab::ui {

QString EnvironmentWording::detail(const EnvironmentItem& item)
{
    const QString worded
        = item.kind == EnvironmentItem::Kind::Proxy ? proxyDetail(item) : serviceDetail(item);
    return worded.isNull() ? item.detail : worded;
}

QString EnvironmentWording::fix(const EnvironmentItem& item)
{
    const QString& reason = item.reason;
    if (reason == u"present")
        return needsRepair(item) ? tr("Press Start local stack") : QString();
    if (reason == u"running" || reason == u"external")
        return QString();
    if (reason == u"not_answering" || reason == u"exited")
        return tr("See %1, then press Stop local stack and Start local stack").arg(item.log);
    if (reason == u"up_failed")
        return tr("Fix the cause, then press Start local stack");
    if (reason == u"missing" && !item.command.isEmpty())
        return installFix(item.command);
    if (reason == u"stopped" || reason == u"not_created")
        return tr("Press Start local stack");
    if (reason == u"engine_down")
        return tr("Press Start local stack, or start the Toxiproxy server at the stack's API");
    return item.fix;
}

bool EnvironmentWording::needsRepair(const EnvironmentItem& item)
{
    return !item.enabled || item.actualListen != item.address
        || item.actualUpstream != item.upstream;
}

// A null string means the case is unknown, so the command's own sentence is kept.
QString EnvironmentWording::serviceDetail(const EnvironmentItem& item)
{
    const QString& reason = item.reason;
    // The table is narrow, so it names the log file; the tooltip gives the whole path.
    if (reason == u"running")
        return tr("Log: %1").arg(QFileInfo(item.log).fileName());
    if (reason == u"not_answering")
        return tr("PID %1 runs, but nothing answers at %2").arg(item.pid).arg(item.address);
    if (reason == u"exited")
        return tr("Exited after chaoslab env up started it");
    if (reason == u"external")
        return tr("Answers, but chaoslab env up did not start it");
    if (reason == u"missing")
        return tr("Not installed on this computer");
    return QString();
}

QString EnvironmentWording::proxyDetail(const EnvironmentItem& item)
{
    const QString& reason = item.reason;
    if (reason == u"not_created")
        return tr("Not created on the server");
    if (reason == u"engine_down")
        return tr("No Toxiproxy server answers at the stack's API");
    if (reason != u"present")
        return QString();
    QStringList notes;
    notes << (item.enabled ? tr("enabled") : tr("disabled"));
    if (item.toxics > 0)
        notes << tr("%n toxic(s) active", "", item.toxics);
    if (item.actualListen != item.address)
        notes << tr("listens on %1, not %2").arg(item.actualListen, item.address);
    if (item.actualUpstream != item.upstream)
        notes << tr("forwards to %1, not %2").arg(item.actualUpstream, item.upstream);
    if (!item.upstreamAccepts)
        notes << tr("nothing accepts connections at the upstream %1").arg(item.upstream);
    if (!item.restoreListen.isEmpty()) {
        notes << tr("changed by chaoslab env up; env down sets it back to listen %1, upstream "
                    "%2, %3")
                     .arg(item.restoreListen, item.restoreUpstream,
                         item.restoreEnabled ? tr("enabled") : tr("disabled"));
    }
    return notes.join(u"; ");
}

QString EnvironmentWording::installFix(const QString& command)
{
    if (command.startsWith(u"docker "))
        return tr("Run one with Docker: %1").arg(command);
    if (command.startsWith(u"ninja "))
        return tr("Build it next to chaoslab: %1").arg(command);
    return tr("Install it: %1").arg(command);
}

} // namespace chaoslab::ui
