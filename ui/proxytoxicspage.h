// The toxic controls of one proxy: a card per toxic type. It sorts the proxy's server
// toxics into console toxics (a "<name>_upstream" / "<name>_downstream" pair is one
// toxic with direction "both") and adds an editor for each toxic first seen on the server.
#pragma once

#include "toxicsync.h"

#include "toxiproxy/proxy.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QWidget>

namespace chaoslab::ui {

class EventLogModel;
class ToxicEditor;
class ToxicTypePanel;

class ProxyToxicsPage : public QWidget
{
    Q_OBJECT

public:
    ProxyToxicsPage(toxiproxy::ToxiproxyClient* client, const QString& proxy, EventLogModel* log,
        QWidget* parent = nullptr);

    const QString& proxyName() const { return m_proxy; }
    ToxicTypePanel* panel(const QString& type) const;
    // The editor of the console toxic `name` of `type`, or nullptr.
    ToxicEditor* editor(const QString& type, const QString& name) const;

    // `requestedAt` is when the poll that saw `proxy` was requested.
    void applyServerState(const toxiproxy::Proxy& proxy, ToxicSync::Clock::time_point requestedAt);
    // Shows every toxic as off at once, for an optimistic /reset.
    void forgetServerState();
    void finishReset(bool confirmed);

private:
    toxiproxy::ToxiproxyClient* m_client;
    QString m_proxy;
    std::vector<ToxicTypePanel*> m_panels;
    QStringList m_serverToxicNames;
};

} // namespace chaoslab::ui
