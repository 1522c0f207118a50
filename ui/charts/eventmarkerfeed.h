// Puts a chart marker at every change in the event log: toxics added, changed or removed,
// resets, proxies enabled or disabled, whether made in this window or seen on the server.
// Entries of any other severity stay in the log only, among them a proxy added or created,
// which carries no traffic yet.
//
// A change made here is logged twice: by the control at once, and by the server monitor
// when its next poll reports it. The second entry, for the same proxy (or after a change of
// every proxy, such as a reset) from the other origin within EchoWindowMs, adds no marker.
// Entries of the same proxy and origin within that time, such as "switched on" followed
// by "set latency", become one marker with the newest label.
#pragma once

#include "eventlogmodel.h"

#include <QObject>

#include <optional>

namespace chaoslab::ui {

class ProbeChartPage;

class EventMarkerFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 EchoWindowMs = 2000;

    EventMarkerFeed(EventLogModel* log, ProbeChartPage* page, QObject* parent = nullptr);

    // "proxy: message", or the message alone for changes of no single proxy.
    static QString markerLabel(const EventLogEntry& entry);

private:
    void handleRowsInserted(const QModelIndex& parent, int first, int last);
    void handleDataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void handleEntry(const EventLogEntry& entry);

    EventLogModel* m_log;
    ProbeChartPage* m_page;
    // The entry behind the newest marker.
    std::optional<EventLogEntry> m_last;
};

} // namespace chaoslab::ui
