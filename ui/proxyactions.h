// The console's actions on proxies and the server: new, edit, delete, enable/disable the
// selected proxy, and reset all. Actions that drop live connections (disable, changing
// listen or upstream, delete) ask for confirmation first. Results and errors go to the
// event log; a reset shows its effect at once through resetStarted().
#pragma once

#include "eventlogmodel.h"
#include "proxydialog.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace chaoslab::toxiproxy {
class ServerMonitor;
}

namespace chaoslab::ui {

class ProxyListModel;

class ProxyActions : public QObject
{
    Q_OBJECT

public:
    ProxyActions(toxiproxy::ToxiproxyClient* client, toxiproxy::ServerMonitor* monitor,
        ProxyListModel* model, EventLogModel* log, QWidget* window);

    QAction* newAction() const { return m_new; }
    QAction* editAction() const { return m_edit; }
    QAction* deleteAction() const { return m_delete; }
    QAction* enableAction() const { return m_enable; }
    QAction* resetAction() const { return m_reset; }

    QString selectedProxy() const { return m_selected; }
    void setSelectedProxy(const QString& name);

    void createProxy(const toxiproxy::Proxy& proxy);
    void updateProxy(const QString& name, const toxiproxy::ProxyUpdate& update);
    void deleteProxy(const QString& name);
    void setProxyEnabled(const QString& name, bool enabled);
    void resetAll();

    // The dialog open for New or Edit, or nullptr; for tests.
    ProxyDialog* openDialog() const { return m_dialog; }

signals:
    // Emitted before the /reset request is sent, so views can show its effect at once.
    void resetStarted();
    // `ok` is false when the server did not reset; views then show its state again.
    void resetFinished(bool ok);
    void proxyCreated(const QString& name);
    void errorOccurred(const QString& message);

private:
    void openNewDialog();
    void openEditDialog();
    void applyEdit(const toxiproxy::Proxy& before, const toxiproxy::ProxyUpdate& update);
    void updateActions();
    void report(EventLogEntry::Severity severity, const QString& proxy, const QString& message);
    void reportResult(
        const toxiproxy::ApiResult& result, const QString& proxy, const QString& success);

    QPointer<toxiproxy::ToxiproxyClient> m_client;
    QPointer<toxiproxy::ServerMonitor> m_monitor;
    ProxyListModel* m_model;
    EventLogModel* m_log;
    QWidget* m_window;
    QString m_selected;
    QPointer<ProxyDialog> m_dialog;

    QAction* m_new;
    QAction* m_edit;
    QAction* m_delete;
    QAction* m_enable;
    QAction* m_reset;
};

} // namespace chaoslab::ui
