// The toxic controls of the selected proxy, for the right-hand dock. Each proxy gets its
// own page when first selected and keeps it, with any toxics added there, until the proxy
// is deleted. Pages follow the server monitor.
#pragma once

#include "toxiproxy/toxiproxyclient.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace chaoslab::toxiproxy {
class ServerMonitor;
}

namespace chaoslab::ui {

class EventLogModel;
class ProxyToxicsPage;

class ToxicControlsView : public QWidget
{
    Q_OBJECT

public:
    ToxicControlsView(toxiproxy::ToxiproxyClient* client, toxiproxy::ServerMonitor* monitor,
        EventLogModel* log, QWidget* parent = nullptr);

    // Shows the page of `name`, or a hint when it is empty or unknown.
    void showProxy(const QString& name);
    QString shownProxy() const { return m_shown; }
    // Returns the page of `name`, or nullptr before it was first shown.
    ProxyToxicsPage* page(const QString& name) const;

    // Shows every toxic as off at once, for an optimistic /reset.
    void forgetServerState();
    // Ends the hold of forgetServerState() when the /reset response arrives. Pages follow
    // polls requested after a confirmed reset, and show the latest snapshot after a failed one.
    void finishReset(bool confirmed);
    // Gives every page the monitor's latest state again.
    void reapplyServerState();

private:
    void applyProxy(const QString& name);
    void removePage(const QString& name);

    QPointer<toxiproxy::ToxiproxyClient> m_client;
    QPointer<toxiproxy::ServerMonitor> m_monitor;
    EventLogModel* m_log;
    QString m_shown;
    QHash<QString, QScrollArea*> m_pages;

    QLabel* m_title;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
};

} // namespace chaoslab::ui
