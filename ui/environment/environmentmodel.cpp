#include "environmentmodel.h"

#include "environmentwording.h"

namespace chaoslab::ui {

EnvironmentModel::EnvironmentModel(QObject* parent) : QAbstractTableModel(parent) { }

void EnvironmentModel::setStatus(const EnvironmentStatus& status)
{
    // A reset keeps the code simple, because the list is short and refreshed only every
    // few seconds.
    beginResetModel();
    m_items = status.items;
    endResetModel();
}

void EnvironmentModel::setStateColors(
    const QColor& good, const QColor& warning, const QColor& error)
{
    m_good = good;
    m_warning = warning;
    m_error = error;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

QString EnvironmentModel::stateText(EnvironmentItem::State state)
{
    switch (state) {
    case EnvironmentItem::State::Running:
        return tr("Running");
    case EnvironmentItem::State::Stopped:
        return tr("Stopped");
    case EnvironmentItem::State::Missing:
        return tr("Not installed");
    case EnvironmentItem::State::Failed:
        return tr("Failed");
    case EnvironmentItem::State::External:
        return tr("Running (external)");
    case EnvironmentItem::State::Unknown:
        break;
    }
    return tr("Unknown");
}

int EnvironmentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int EnvironmentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const EnvironmentItem& item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(item, index.column());
    case Qt::ToolTipRole:
        return toolTip(item);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && stateColor(item.state).isValid())
            return stateColor(item.state);
        return {};
    default:
        return {};
    }
}

QVariant EnvironmentModel::displayData(const EnvironmentItem& item, int column) const
{
    const bool proxy = item.kind == EnvironmentItem::Kind::Proxy;
    switch (column) {
    case NameColumn:
        return proxy ? tr("Proxy %1").arg(item.name) : item.name;
    case AddressColumn:
        return item.address;
    case StateColumn:
        return item.pid > 0 ? tr("%1, PID %2").arg(stateText(item.state)).arg(item.pid)
                            : stateText(item.state);
    case DetailColumn: {
        // What to do matters more than the detail when something is wrong.
        const QString fix = EnvironmentWording::fix(item);
        if (!fix.isEmpty())
            return fix;
        const QString detail = EnvironmentWording::detail(item);
        if (!detail.isEmpty())
            return detail;
        return proxy && !item.upstream.isEmpty() ? tr("To %1").arg(item.upstream) : QString();
    }
    default:
        return {};
    }
}

QString EnvironmentModel::toolTip(const EnvironmentItem& item) const
{
    QStringList lines;
    if (item.kind == EnvironmentItem::Kind::Proxy && !item.upstream.isEmpty())
        lines << tr("Listens on %1 and forwards to %2.").arg(item.address, item.upstream);
    if (item.kind == EnvironmentItem::Kind::Proxy && item.state == EnvironmentItem::State::External)
        lines << tr("Something answers here that the local stack did not start.");
    lines << EnvironmentWording::detail(item) << EnvironmentWording::fix(item);
    if (!item.log.isEmpty())
        lines << tr("Log file: %1").arg(item.log);
    lines.removeAll(QString());
    return lines.join(u'\n');
}

QColor EnvironmentModel::stateColor(EnvironmentItem::State state) const
{
    switch (state) {
    case EnvironmentItem::State::Running:
    case EnvironmentItem::State::External:
        return m_good;
    case EnvironmentItem::State::Stopped:
    case EnvironmentItem::State::Missing:
    case EnvironmentItem::State::Unknown:
        return m_warning;
    case EnvironmentItem::State::Failed:
        return m_error;
    }
    return {};
}

QVariant EnvironmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddressColumn:
        return tr("Address");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Details and what to do");
    default:
        return {};
    }
}

} // namespace chaoslab::ui
