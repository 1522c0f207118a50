#include "proxyactions.h"

#include "confirmdialog.h"
#include "proxydialog.h"
#include "proxylistmodel.h"

#include "toxiproxy/servermonitor.h"

#include <QAction>
#include <QWidget>

namespace chaoslab::ui {

using toxiproxy::ApiResult;
using toxiproxy::Proxy;
using toxiproxy::ProxyUpdate;
using Severity = EventLogEntry::Severity;

ProxyActions::ProxyActions(toxiproxy::ToxiproxyClient* client, toxiproxy::ServerMonitor* monitor,
    ProxyListModel* model, EventLogModel* log, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_monitor(monitor)
    , m_model(model)
    , m_log(log)
    , m_window(window)
    , m_new(new QAction(tr("&New proxy…"), this))
    , m_edit(new QAction(tr("&Edit proxy…"), this))
    , m_delete(new QAction(tr("&Delete proxy"), this))
    , m_enable(new QAction(tr("Proxy e&nabled"), this))
    , m_reset(new QAction(tr("&Reset all"), this))
{
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Creates a proxy (Ctrl+N)"));
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_edit->setToolTip(tr("Changes the listen address or upstream of the selected proxy (F2)"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setToolTip(tr("Deletes the selected proxy and closes its connections (Del)"));
    m_enable->setCheckable(true);
    m_enable->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_enable->setToolTip(tr("Enables or disables the selected proxy; a disabled proxy refuses "
                            "connections (Ctrl+E)"));
    m_reset->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F12) });
    m_reset->setToolTip(tr("Removes every toxic and enables every proxy (Ctrl+R or F12, the "
                           "panic key)"));
    m_reset->setShortcutContext(Qt::ApplicationShortcut);

    connect(m_new, &QAction::triggered, this, &ProxyActions::openNewDialog);
    connect(m_edit, &QAction::triggered, this, &ProxyActions::openEditDialog);
    connect(m_delete, &QAction::triggered, this, [this] { deleteProxy(m_selected); });
    connect(m_enable, &QAction::triggered, this,
        [this](bool checked) { setProxyEnabled(m_selected, checked); });
    connect(m_reset, &QAction::triggered, this, &ProxyActions::resetAll);
    connect(model, &QAbstractItemModel::dataChanged, this, &ProxyActions::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ProxyActions::updateActions);
    updateActions();
}

void ProxyActions::setSelectedProxy(const QString& name)
{
    m_selected = name;
    updateActions();
}

void ProxyActions::updateActions()
{
    const auto* proxy = m_model->proxy(m_selected);
    m_edit->setEnabled(proxy);
    m_delete->setEnabled(proxy);
    m_enable->setEnabled(proxy);
    m_enable->setChecked(proxy && proxy->enabled);
}

void ProxyActions::openNewDialog()
{
    QStringList taken;
    for (const auto& proxy : m_model->proxies())
        taken.append(proxy.name);
    const ProxyFormValues initial { {}, QStringLiteral("127.0.0.1:0"), {}, true };
    m_dialog = new ProxyDialog(ProxyDialog::Mode::Create, initial, taken, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        const auto values = dialog->values();
        createProxy({ values.name, values.listen, values.upstream, values.enabled, {} });
    });
    m_dialog->open();
}

void ProxyActions::openEditDialog()
{
    const auto* proxy = m_model->proxy(m_selected);
    if (!proxy)
        return;
    QStringList taken;
    for (const auto& other : m_model->proxies()) {
        if (other.name != proxy->name)
            taken.append(other.name);
    }
    const Proxy before = *proxy;
    m_dialog = new ProxyDialog(ProxyDialog::Mode::Edit,
        { before.name, before.listen, before.upstream, before.enabled }, taken, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, before, dialog = m_dialog] {
        const auto values = dialog->values();
        ProxyUpdate update;
        if (values.listen != before.listen)
            update.listen = values.listen;
        if (values.upstream != before.upstream)
            update.upstream = values.upstream;
        if (values.enabled != before.enabled)
            update.enabled = values.enabled;
        applyEdit(before, update);
    });
    m_dialog->open();
}

void ProxyActions::applyEdit(const Proxy& before, const ProxyUpdate& update)
{
    if (!update.listen && !update.upstream && !update.enabled)
        return;
    const bool dropsConnections = update.listen || update.upstream || update.enabled == false;
    if (!dropsConnections) {
        updateProxy(before.name, update);
        return;
    }
    ConfirmRequest request;
    request.title = tr("Restart proxy?");
    request.text = tr("Changing proxy \"%1\" closes every connection through it.").arg(before.name);
    request.details = tr("Clients connected to %1 will see their connections drop and must "
                         "connect again.")
                          .arg(before.listen);
    request.acceptLabel = tr("Apply changes");
    ConfirmDialog::ask(
        m_window, request, this, [this, name = before.name, update] { updateProxy(name, update); });
}

void ProxyActions::createProxy(const Proxy& proxy)
{
    if (!m_client)
        return;
    m_client->createProxy(
        proxy, this, [this, name = proxy.name](const ApiResult& result, const Proxy& created) {
            if (!result.ok()) {
                reportResult(result, name, {});
                return;
            }
            // A new proxy carries no traffic yet, so it is logged as information, which the
            // probe charts do not mark.
            report(Severity::Info, name,
                tr("Created proxy: listens on %1, forwards to %2")
                    .arg(created.listen, created.upstream));
            if (m_monitor)
                m_monitor->refreshNow();
            emit proxyCreated(name);
        });
}

void ProxyActions::updateProxy(const QString& name, const ProxyUpdate& update)
{
    if (!m_client)
        return;
    m_client->updateProxy(
        name, update, this, [this, name](const ApiResult& result, const Proxy& updated) {
            reportResult(result, name,
                tr("Updated proxy: listens on %1, forwards to %2, %3")
                    .arg(updated.listen, updated.upstream,
                        updated.enabled ? tr("enabled") : tr("disabled")));
        });
}

void ProxyActions::deleteProxy(const QString& name)
{
    if (!m_client || name.isEmpty())
        return;
    ConfirmRequest request;
    request.title = tr("Delete proxy?");
    request.text = tr("Deleting proxy \"%1\" closes every connection through it and removes its "
                      "toxics.")
                       .arg(name);
    request.acceptLabel = tr("Delete proxy");
    ConfirmDialog::ask(m_window, request, this, [this, name] {
        m_client->deleteProxy(name, this, [this, name](const ApiResult& result) {
            reportResult(result, name, tr("Deleted proxy"));
        });
    });
}

void ProxyActions::setProxyEnabled(const QString& name, bool enabled)
{
    if (!m_client || name.isEmpty())
        return;
    const auto apply = [this, name, enabled] {
        m_client->setProxyEnabled(
            name, enabled, this, [this, name, enabled](const ApiResult& result, const Proxy&) {
                reportResult(result, name, enabled ? tr("Enabled proxy") : tr("Disabled proxy"));
            });
    };
    if (enabled) {
        apply();
        return;
    }
    updateActions();
    ConfirmRequest request;
    request.title = tr("Disable proxy?");
    request.text = tr("Disabling proxy \"%1\" closes every connection through it, and new "
                      "connections are refused until it is enabled again.")
                       .arg(name);
    request.acceptLabel = tr("Disable proxy");
    ConfirmDialog::ask(m_window, request, this, apply);
}

void ProxyActions::resetAll()
{
    if (!m_client)
        return;
    report(Severity::Change, {}, tr("Reset: removing every toxic and enabling every proxy"));
    emit resetStarted();
    m_model->applyReset();
    m_client->reset(this, [this](const ApiResult& result) {
        if (result.ok()) {
            report(Severity::Info, {}, tr("Reset confirmed by the server"));
        } else {
            reportResult(result, {}, {});
            if (m_monitor)
                m_model->setProxies(m_monitor->proxies());
        }
        emit resetFinished(result.ok());
        if (m_monitor)
            m_monitor->refreshNow();
    });
}

void ProxyActions::reportResult(
    const ApiResult& result, const QString& proxy, const QString& success)
{
    if (result.ok()) {
        report(Severity::Change, proxy, success);
        if (m_monitor)
            m_monitor->refreshNow();
        return;
    }
    report(Severity::Error, proxy, result.message);
    emit errorOccurred(result.message);
}

void ProxyActions::report(Severity severity, const QString& proxy, const QString& message)
{
    EventLogEntry entry;
    entry.severity = severity;
    entry.proxy = proxy;
    entry.message = message;
    m_log->append(std::move(entry));
}

} // namespace chaoslab::ui
