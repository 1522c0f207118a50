#include "connectionstatus.h"

#include "messagebanner.h"

#include <QLabel>

namespace chaoslab::ui {

using toxiproxy::ServerMonitor;

namespace {

// Long enough to read "connected again" from the back of a room.
constexpr std::chrono::milliseconds recoveryNoticeTime { 5000 };

} // namespace

ConnectionStatus::ConnectionStatus(ServerMonitor* monitor, toxiproxy::ToxiproxyClient* client,
    ServerKind kind, MessageBanner* banner, QObject* parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_client(client)
    , m_kind(kind)
    , m_banner(banner)
    , m_label(new QLabel)
{
    m_label->setAccessibleName(tr("Server"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hideBanner.setSingleShot(true);
    m_hideBanner.setInterval(recoveryNoticeTime);

    connect(monitor, &ServerMonitor::connectionStateChanged, this, &ConnectionStatus::handleState);
    connect(monitor, &ServerMonitor::serverVersionChanged, this, &ConnectionStatus::updateLabel);
    connect(banner, &MessageBanner::actionTriggered, monitor, &ServerMonitor::refreshNow);
    connect(&m_hideBanner, &QTimer::timeout, banner, &QWidget::hide);
    updateLabel();
}

void ConnectionStatus::setServerKind(ServerKind kind)
{
    m_kind = kind;
    updateLabel();
}

QString ConnectionStatus::serverName() const
{
    const QString url = m_client ? m_client->baseUrl().toString() : QString();
    const QString version = m_monitor ? m_monitor->serverVersion() : QString();
    if (m_kind == ServerKind::BuiltInEngine) {
        return version.isEmpty() ? tr("built-in engine at %1").arg(url)
                                 : tr("built-in engine (Toxiproxy API %1) at %2").arg(version, url);
    }
    return version.isEmpty() ? tr("Toxiproxy at %1").arg(url)
                             : tr("Toxiproxy %1 at %2").arg(version, url);
}

QString ConnectionStatus::statusText() const
{
    const auto state
        = m_monitor ? m_monitor->connectionState() : ServerMonitor::ConnectionState::Unknown;
    switch (state) {
    case ServerMonitor::ConnectionState::Connected:
        return tr("Connected to %1").arg(serverName());
    case ServerMonitor::ConnectionState::Lost:
        return tr("Not connected: %1 does not answer; retrying").arg(serverName());
    case ServerMonitor::ConnectionState::Unknown:
        break;
    }
    return tr("Connecting to %1…").arg(serverName());
}

void ConnectionStatus::updateLabel()
{
    m_label->setText(statusText());
}

void ConnectionStatus::handleState(ServerMonitor::ConnectionState state, const QString& reason)
{
    updateLabel();
    if (state == ServerMonitor::ConnectionState::Lost) {
        m_wasLost = true;
        m_hideBanner.stop();
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("Lost the connection to %1. %2 The console keeps trying to reconnect; the "
               "window stays usable meanwhile.")
                .arg(serverName(), reason),
            tr("&Retry now"));
        return;
    }
    if (state == ServerMonitor::ConnectionState::Connected && m_wasLost) {
        m_wasLost = false;
        m_banner->showMessage(MessageBanner::Kind::Info,
            tr("Connected again to %1; proxies and toxics are up to date.").arg(serverName()));
        m_hideBanner.start();
    }
}

} // namespace chaoslab::ui
