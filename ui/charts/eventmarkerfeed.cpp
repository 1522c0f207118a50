#include "eventmarkerfeed.h"

#include "probechartpage.h"

#include <cstdlib>

namespace chaoslab::ui {

using Severity = EventLogEntry::Severity;

EventMarkerFeed::EventMarkerFeed(EventLogModel* log, ProbeChartPage* page, QObject* parent)
    : QObject(parent)
    , m_log(log)
    , m_page(page)
{
    connect(log, &QAbstractItemModel::rowsInserted, this, &EventMarkerFeed::handleRowsInserted);
    connect(log, &QAbstractItemModel::dataChanged, this, &EventMarkerFeed::handleDataChanged);
}

QString EventMarkerFeed::markerLabel(const EventLogEntry& entry)
{
    if (entry.proxy.isEmpty())
        return entry.message;
    return entry.proxy + QStringLiteral(": ") + entry.message;
}

void EventMarkerFeed::handleRowsInserted(const QModelIndex&, int first, int last)
{
    for (int row = first; row <= last; ++row)
        handleEntry(m_log->entry(row));
}

// The log replaces its newest entry when a dragged control reports again; the marker
// follows it.
void EventMarkerFeed::handleDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    const int newest = m_log->rowCount() - 1;
    if (!roles.isEmpty() && !roles.contains(Qt::DisplayRole))
        return;
    if (topLeft.row() > newest || bottomRight.row() < newest || !m_last)
        return;
    const EventLogEntry& entry = m_log->entry(newest);
    if (entry.severity != Severity::Change || entry.subject.isEmpty()
        || entry.subject != m_last->subject || entry.proxy != m_last->proxy
        || entry.origin != m_last->origin)
        return;
    m_last = entry;
    m_page->updateLastMarker(entry.time, markerLabel(entry));
}

void EventMarkerFeed::handleEntry(const EventLogEntry& entry)
{
    if (entry.severity != Severity::Change)
        return;
    if (m_last && std::abs(m_last->time.msecsTo(entry.time)) < EchoWindowMs) {
        const bool sameProxy = entry.proxy == m_last->proxy || m_last->proxy.isEmpty();
        if (sameProxy && entry.origin != m_last->origin)
            return;
        if (sameProxy && entry.origin == m_last->origin && entry.proxy == m_last->proxy) {
            m_page->updateLastMarker(m_last->time, markerLabel(entry));
            const QDateTime firstTime = m_last->time;
            m_last = entry;
            m_last->time = firstTime;
            return;
        }
    }
    m_last = entry;
    m_page->addMarker(entry.time, markerLabel(entry));
}

} // namespace chaoslab::ui
