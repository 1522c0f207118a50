// The console's event log: every change made here or seen on the server, and every
// error, as a table of time, proxy and event. It keeps the newest `capacity` entries and
// drops the oldest, so a long session uses bounded memory.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QString>

#include <deque>

namespace chaoslab::ui {

struct EventLogEntry
{
    enum class Severity { Info, Change, Warning, Error };
    // Origin of the change: this window, or elsewhere (seen on the server).
    enum class Origin { Console, Server };

    QDateTime time;
    Severity severity = Severity::Info;
    Origin origin = Origin::Console;
    QString proxy;
    QString message;
    // Topic of the entry, such as "toxic:latency_downstream". A new entry replaces the
    // last one when both have the same non-empty subject, proxy and origin and come within
    // a few seconds, so a dragged slider leaves one line, not dozens.
    QString subject;
};

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ProxyColumn, EventColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, OriginRole };

    static constexpr int defaultCapacity = 2000;

    explicit EventLogModel(QObject* parent = nullptr, int capacity = defaultCapacity);

    int capacity() const { return m_capacity; }
    const EventLogEntry& entry(int row) const { return m_entries.at(size_t(row)); }

    void append(EventLogEntry entry);
    void clear();
    // Sets the text colours of warnings and errors, to match the theme.
    void setSeverityColors(const QColor& warning, const QColor& error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool replacesLast(const EventLogEntry& entry) const;
    QVariant displayData(const EventLogEntry& entry, int column) const;

    int m_capacity;
    std::deque<EventLogEntry> m_entries;
    QColor m_warningColor = QColor::fromRgb(0x9a6700);
    QColor m_errorColor = QColor::fromRgb(0xcf222e);
};

} // namespace chaoslab::ui
