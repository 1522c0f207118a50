// The proxies of the server as a list model, one row per proxy sorted by name, for the
// proxy list, the topology and the shared proxy selection. It mirrors the server
// monitor's last poll; applyReset() shows the effect of a /reset before the next poll
// confirms it.
#pragma once

#include "toxiproxy/proxy.h"

#include <QAbstractListModel>
#include <QPointer>

namespace chaoslab::toxiproxy {
class ServerMonitor;
}

namespace chaoslab::ui {

class ProxyListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ListenRole,
        UpstreamRole,
        EnabledRole,
        ToxicCountRole,
        // QStringList of one-line toxic descriptions.
        ToxicSummariesRole,
    };

    explicit ProxyListModel(QObject* parent = nullptr);

    // Follows `monitor` from now on; nullptr stops following.
    void setMonitor(toxiproxy::ServerMonitor* monitor);
    // Replaces the rows with `proxies`, moving as few rows as possible so selections stay.
    void setProxies(QList<toxiproxy::Proxy> proxies);
    // Removes every toxic and enables every proxy, as POST /reset does.
    void applyReset();

    const QList<toxiproxy::Proxy>& proxies() const { return m_proxies; }
    const toxiproxy::Proxy* proxy(const QString& name) const;
    // Returns the row of the proxy, or -1.
    int rowOf(const QString& name) const;
    QModelIndex indexOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void syncProxy(const QString& name);
    void removeMissing(const QList<toxiproxy::Proxy>& proxies);
    void insertOrUpdate(const toxiproxy::Proxy& proxy);

    QPointer<toxiproxy::ServerMonitor> m_monitor;
    QList<toxiproxy::Proxy> m_proxies;
};

} // namespace chaoslab::ui
