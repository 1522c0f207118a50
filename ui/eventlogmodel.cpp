#include "eventlogmodel.h"

#include "consolelog.h"

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::ui {

EventLogModel::EventLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{ }

namespace {

constexpr qint64 coalesceWindowMs = 3000;

} // namespace

bool EventLogModel::replacesLast(const EventLogEntry& entry) const
{
    if (entry.subject.isEmpty() || m_entries.empty())
        return false;
    const auto& last = m_entries.back();
    return last.subject == entry.subject && last.proxy == entry.proxy && last.origin == entry.origin
        && last.severity == entry.severity && last.time.msecsTo(entry.time) < coalesceWindowMs;
}

void EventLogModel::append(EventLogEntry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTime();
    if (entry.severity == EventLogEntry::Severity::Error
        || entry.severity == EventLogEntry::Severity::Warning) {
        qCInfo(lcConsole).noquote()
            << "proxy" << (entry.proxy.isEmpty() ? QStringLiteral("-") : entry.proxy)
            << entry.message;
    }
    if (replacesLast(entry)) {
        const int row = int(m_entries.size()) - 1;
        m_entries.back() = std::move(entry);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (int(m_entries.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.pop_front();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
}

void EventLogModel::setSeverityColors(const QColor& warning, const QColor& error)
{
    m_warningColor = warning;
    m_errorColor = error;
    if (!m_entries.empty())
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::ForegroundRole });
}

void EventLogModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::displayData(const EventLogEntry& entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case ProxyColumn:
        return entry.proxy;
    case EventColumn:
        if (entry.origin == EventLogEntry::Origin::Server)
            return tr("Server: %1").arg(entry.message);
        return entry.message;
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& entry = m_entries.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        // Rich text, because Qt wraps only rich-text tooltips, and a server's error can be
        // longer than the screen is wide.
        return QString(u"<p>"_s
            + tr("%1 %2: %3")
                  .arg(entry.time.toString(Qt::ISODateWithMs), entry.proxy,
                      displayData(entry, EventColumn).toString())
                  .toHtmlEscaped()
            + u"</p>"_s);
    case Qt::ForegroundRole:
        if (entry.severity == EventLogEntry::Severity::Error)
            return m_errorColor;
        if (entry.severity == EventLogEntry::Severity::Warning)
            return m_warningColor;
        return {};
    case SeverityRole:
        return int(entry.severity);
    case OriginRole:
        return int(entry.origin);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ProxyColumn:
        return tr("Proxy");
    case EventColumn:
        return tr("Event");
    }
    return {};
}

} // namespace chaoslab::ui
