#include "proxylistmodel.h"

#include "toxicsummary.h"

#include "toxiproxy/servermonitor.h"

#include <algorithm>

namespace chaoslab::ui {

using toxiproxy::Proxy;
using toxiproxy::ServerMonitor;

ProxyListModel::ProxyListModel(QObject* parent) : QAbstractListModel(parent) { }

void ProxyListModel::setMonitor(ServerMonitor* monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (!monitor)
        return;
    // Each signal re-reads only its proxy from the snapshot, so a poll that changes one
    // toxic updates one row, and an optimistic reset is replaced proxy by proxy as the
    // server confirms it.
    const auto syncNamed = [this](const QString& name) { syncProxy(name); };
    const auto syncGiven = [this](const Proxy& proxy) { syncProxy(proxy.name); };
    connect(monitor, &ServerMonitor::proxyAdded, this, syncGiven);
    connect(monitor, &ServerMonitor::proxyRemoved, this, syncNamed);
    connect(monitor, &ServerMonitor::proxyChanged, this, syncGiven);
    connect(monitor, &ServerMonitor::toxicAdded, this, syncNamed);
    connect(monitor, &ServerMonitor::toxicRemoved, this, syncNamed);
    connect(monitor, &ServerMonitor::toxicChanged, this, syncNamed);
    setProxies(monitor->proxies());
}

void ProxyListModel::syncProxy(const QString& name)
{
    if (!m_monitor)
        return;
    if (const auto* proxy = m_monitor->findProxy(name)) {
        insertOrUpdate(*proxy);
        return;
    }
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_proxies.removeAt(row);
    endRemoveRows();
}

void ProxyListModel::setProxies(QList<Proxy> proxies)
{
    std::sort(proxies.begin(), proxies.end(),
        [](const Proxy& a, const Proxy& b) { return a.name < b.name; });
    removeMissing(proxies);
    for (const auto& proxy : proxies)
        insertOrUpdate(proxy);
}

void ProxyListModel::removeMissing(const QList<Proxy>& proxies)
{
    for (int row = int(m_proxies.size()) - 1; row >= 0; --row) {
        const auto& name = m_proxies.at(row).name;
        const bool kept = std::any_of(proxies.begin(), proxies.end(),
            [&name](const Proxy& proxy) { return proxy.name == name; });
        if (kept)
            continue;
        beginRemoveRows({}, row, row);
        m_proxies.removeAt(row);
        endRemoveRows();
    }
}

void ProxyListModel::insertOrUpdate(const Proxy& proxy)
{
    const int row = rowOf(proxy.name);
    if (row >= 0) {
        if (m_proxies.at(row) == proxy)
            return;
        m_proxies[row] = proxy;
        emit dataChanged(index(row), index(row));
        return;
    }
    const auto position = std::lower_bound(m_proxies.begin(), m_proxies.end(), proxy.name,
        [](const Proxy& existing, const QString& name) { return existing.name < name; });
    const int insertRow = int(position - m_proxies.begin());
    beginInsertRows({}, insertRow, insertRow);
    m_proxies.insert(insertRow, proxy);
    endInsertRows();
}

void ProxyListModel::applyReset()
{
    for (int row = 0; row < m_proxies.size(); ++row) {
        auto& proxy = m_proxies[row];
        if (proxy.toxics.isEmpty() && proxy.enabled)
            continue;
        proxy.toxics.clear();
        proxy.enabled = true;
        emit dataChanged(index(row), index(row));
    }
}

const Proxy* ProxyListModel::proxy(const QString& name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_proxies.at(row);
}

int ProxyListModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_proxies.size(); ++row) {
        if (m_proxies.at(row).name == name)
            return row;
    }
    return -1;
}

QModelIndex ProxyListModel::indexOf(const QString& name) const
{
    const int row = rowOf(name);
    return row < 0 ? QModelIndex() : index(row);
}

int ProxyListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_proxies.size());
}

QVariant ProxyListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& proxy = m_proxies.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case NameRole:
        return proxy.name;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return tr(
            "%1: listens on %2, forwards to %3, %4, %n toxic(s)", nullptr, int(proxy.toxics.size()))
            .arg(proxy.name, proxy.listen, proxy.upstream,
                proxy.enabled ? tr("enabled") : tr("disabled"));
    case ListenRole:
        return proxy.listen;
    case UpstreamRole:
        return proxy.upstream;
    case EnabledRole:
        return proxy.enabled;
    case ToxicCountRole:
        return int(proxy.toxics.size());
    case ToxicSummariesRole: {
        QStringList summaries;
        for (const auto& toxic : proxy.toxics)
            summaries.append(ToxicSummary::describe(toxic));
        return summaries;
    }
    }
    return {};
}

QHash<int, QByteArray> ProxyListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(ListenRole, "listen");
    names.insert(UpstreamRole, "upstream");
    names.insert(EnabledRole, "enabled");
    names.insert(ToxicCountRole, "toxicCount");
    names.insert(ToxicSummariesRole, "toxicSummaries");
    return names;
}

} // namespace chaoslab::ui
