#include "servereventfeed.h"

#include "toxicsummary.h"

namespace chaoslab::ui {

using toxiproxy::ServerMonitor;
using Severity = EventLogEntry::Severity;

ServerEventFeed::ServerEventFeed(ServerMonitor* monitor, EventLogModel* log, QObject* parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_log(log)
{
    connect(monitor, &ServerMonitor::connectionStateChanged, this,
        &ServerEventFeed::handleConnectionState);
    connect(monitor, &ServerMonitor::serverVersionChanged, this, [this](const QString& version) {
        add(Severity::Info, {}, tr("Toxiproxy version %1").arg(version));
    });
    connect(monitor, &ServerMonitor::proxyAdded, this, &ServerEventFeed::handleProxyAdded);
    connect(monitor, &ServerMonitor::proxyChanged, this, &ServerEventFeed::handleProxyChanged);
    connect(monitor, &ServerMonitor::proxyRemoved, this,
        [this](const QString& name) { add(Severity::Change, name, tr("Proxy removed")); });
    connect(monitor, &ServerMonitor::toxicAdded, this,
        [this](const QString& proxy, const toxiproxy::Toxic& toxic) {
            handleToxic(proxy, toxic, true);
        });
    connect(monitor, &ServerMonitor::toxicChanged, this,
        [this](const QString& proxy, const toxiproxy::Toxic& toxic) {
            handleToxic(proxy, toxic, false);
        });
    connect(monitor, &ServerMonitor::toxicRemoved, this,
        [this](const QString& proxy, const QString& toxic) {
            add(Severity::Change, proxy, tr("Toxic %1 removed").arg(toxic));
        });
}

void ServerEventFeed::handleConnectionState(
    ServerMonitor::ConnectionState state, const QString& reason)
{
    const auto previous = std::exchange(m_state, state);
    switch (state) {
    case ServerMonitor::ConnectionState::Connected:
        add(Severity::Info, {},
            previous == ServerMonitor::ConnectionState::Lost
                ? tr("Connection to the server is back")
                : tr("Connected to the server"));
        break;
    case ServerMonitor::ConnectionState::Lost:
        add(Severity::Error, {}, tr("Connection to the server lost: %1").arg(reason),
            QStringLiteral("connection"));
        break;
    case ServerMonitor::ConnectionState::Unknown:
        break;
    }
}

// A new proxy carries no traffic yet, so it is logged as information, which the probe
// charts do not mark.
void ServerEventFeed::handleProxyAdded(const toxiproxy::Proxy& proxy)
{
    add(Severity::Info, proxy.name,
        tr("Proxy added: listens on %1, forwards to %2, %3, %n toxic(s)", nullptr,
            int(proxy.toxics.size()))
            .arg(proxy.listen, proxy.upstream, proxy.enabled ? tr("enabled") : tr("disabled")));
}

void ServerEventFeed::handleProxyChanged(const toxiproxy::Proxy& proxy)
{
    add(Severity::Change, proxy.name,
        tr("Proxy changed: listens on %1, forwards to %2, %3")
            .arg(proxy.listen, proxy.upstream, proxy.enabled ? tr("enabled") : tr("disabled")));
}

void ServerEventFeed::handleToxic(const QString& proxy, const toxiproxy::Toxic& toxic, bool added)
{
    const QString summary = ToxicSummary::describe(toxic);
    const QString stream = toxiproxy::streamName(toxic.stream);
    if (added) {
        add(Severity::Change, proxy,
            tr("Toxic %1 added on %2: %3").arg(toxic.name, stream, summary));
        return;
    }
    add(Severity::Change, proxy, tr("Toxic %1 changed: %2").arg(toxic.name, summary),
        QStringLiteral("toxic:") + toxic.name);
}

void ServerEventFeed::add(
    Severity severity, const QString& proxy, const QString& message, const QString& subject)
{
    EventLogEntry entry;
    entry.severity = severity;
    entry.origin = EventLogEntry::Origin::Server;
    entry.proxy = proxy;
    entry.message = message;
    entry.subject = subject;
    m_log->append(std::move(entry));
}

} // namespace chaoslab::ui
