// Tells the user which server the console talks to and whether it responds: a label for
// the status bar ("Toxiproxy 2.12.0 at http://127.0.0.1:8474") and the inline banner
// that appears while the server is unreachable. The monitor reconnects by itself; the
// banner's "Retry now" only shortens the wait.
#pragma once

#include "toxiproxy/servermonitor.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QLabel;

namespace chaoslab::ui {

class MessageBanner;

// Kind of program that serves the API, as the console names it.
enum class ServerKind { Toxiproxy, BuiltInEngine };

class ConnectionStatus : public QObject
{
    Q_OBJECT

public:
    ConnectionStatus(toxiproxy::ServerMonitor* monitor, toxiproxy::ToxiproxyClient* client,
        ServerKind kind, MessageBanner* banner, QObject* parent = nullptr);

    QLabel* statusLabel() const { return m_label; }
    QString statusText() const;
    void setServerKind(ServerKind kind);

private:
    void handleState(toxiproxy::ServerMonitor::ConnectionState state, const QString& reason);
    void updateLabel();
    QString serverName() const;

    QPointer<toxiproxy::ServerMonitor> m_monitor;
    QPointer<toxiproxy::ToxiproxyClient> m_client;
    ServerKind m_kind;
    MessageBanner* m_banner;
    QLabel* m_label;
    QTimer m_hideBanner;
    bool m_wasLost = false;
};

} // namespace chaoslab::ui
