// Writes the server monitor's reports into the event log: proxies and toxics added,
// changed or removed elsewhere or here, and the connection to the server lost or back.
#pragma once

#include "eventlogmodel.h"
#include "toxiproxy/servermonitor.h"

#include <QObject>
#include <QPointer>

namespace chaoslab::ui {

class ServerEventFeed : public QObject
{
    Q_OBJECT

public:
    ServerEventFeed(
        toxiproxy::ServerMonitor* monitor, EventLogModel* log, QObject* parent = nullptr);

private:
    void handleConnectionState(
        toxiproxy::ServerMonitor::ConnectionState state, const QString& reason);
    void handleProxyAdded(const toxiproxy::Proxy& proxy);
    void handleProxyChanged(const toxiproxy::Proxy& proxy);
    void handleToxic(const QString& proxy, const toxiproxy::Toxic& toxic, bool added);
    void add(EventLogEntry::Severity severity, const QString& proxy, const QString& message,
        const QString& subject = {});

    QPointer<toxiproxy::ServerMonitor> m_monitor;
    EventLogModel* m_log;
    toxiproxy::ServerMonitor::ConnectionState m_state
        = toxiproxy::ServerMonitor::ConnectionState::Unknown;
};

} // namespace chaoslab::ui
