// Live view of a Toxiproxy server: polls GET /proxies, keeps the last known proxies, and
// emits a signal for every difference, so that changes made by toxiproxy-cli, a lab or an
// experiment appear within one poll interval.
//
// Each snapshot carries the time its request was sent, so that a caller can tell whether it
// shows a change the server acknowledged at a known time: it does when it was requested
// after the acknowledgement arrived.
//
// Polls never overlap, because the next one is scheduled when the previous one finishes,
// every 500 ms by default. When a poll fails the state becomes Lost and polls are retried
// after 0.5 s, doubling up to 5 s. Each reconnection reads the version again and then the
// proxies, which are compared with the last known ones, so the proxies that a restarted
// server lost are reported as removed.
#pragma once

#include "proxy.h"
#include "proxydiff.h"
#include "toxiproxyclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace chaoslab::toxiproxy {

class ServerMonitor : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState { Unknown, Connected, Lost };
    Q_ENUM(ConnectionState)

    static constexpr std::chrono::milliseconds DefaultInterval { 500 };
    static constexpr std::chrono::milliseconds DefaultFirstRetryDelay { 500 };
    static constexpr std::chrono::milliseconds DefaultMaxRetryDelay { 5000 };

    // `client` is not owned. If it is destroyed, the monitor stops polling.
    explicit ServerMonitor(ToxiproxyClient* client, QObject* parent = nullptr);
    ~ServerMonitor() override;

    std::chrono::milliseconds interval() const { return m_interval; }
    void setInterval(std::chrono::milliseconds interval);
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds maximum);

    void start();
    // Cancels the poll in flight and sets the state to Unknown, but keeps the proxies.
    void stop();
    bool isRunning() const { return m_running; }
    // Polls at once, or right after the poll in flight, for example after a change made
    // through the client.
    void refreshNow();

    ConnectionState connectionState() const { return m_state; }
    // The message of the last failed poll, or empty while connected.
    QString lastError() const { return m_lastError; }
    QString serverVersion() const { return m_version; }
    const QList<Proxy>& proxies() const { return m_proxies; }
    const Proxy* findProxy(QStringView name) const;
    // When the request of the snapshot in proxies() was sent, on the steady clock.
    std::chrono::steady_clock::time_point snapshotRequestedAt() const
    {
        return m_snapshotRequestedAt;
    }

signals:
    // Emitted when the state or the reason of a loss changes. Connected is emitted after
    // the proxies have been updated.
    void connectionStateChanged(
        chaoslab::toxiproxy::ServerMonitor::ConnectionState state, const QString& reason);
    void serverVersionChanged(const QString& version);
    // Carries the proxy with its toxics, and no toxicAdded() follows for them.
    void proxyAdded(const chaoslab::toxiproxy::Proxy& proxy);
    // No toxicRemoved() precedes this for the proxy's toxics.
    void proxyRemoved(const QString& name);
    // Emitted when listen, upstream or enabled changes. Toxic changes have their own signals.
    void proxyChanged(const chaoslab::toxiproxy::Proxy& proxy);
    void toxicAdded(const QString& proxy, const chaoslab::toxiproxy::Toxic& toxic);
    void toxicRemoved(const QString& proxy, const QString& toxic);
    void toxicChanged(const QString& proxy, const chaoslab::toxiproxy::Toxic& toxic);

private:
    void poll();
    void requestProxies();
    void handleVersion(const ApiResult& result, const QString& version);
    void handleProxies(const ApiResult& result, const QList<Proxy>& proxies,
        std::chrono::steady_clock::time_point requestedAt);
    void handleFailure(const ApiResult& result);
    void handleBaseUrlChanged();
    void scheduleNextPoll(std::chrono::milliseconds delay);
    void abandonPollInFlight();
    void applySnapshot(const QList<Proxy>& proxies);
    void emitDiff(const SnapshotDiff& diff);
    void setConnectionState(ConnectionState state, const QString& reason);

    QPointer<ToxiproxyClient> m_client;
    QTimer m_timer;
    std::chrono::milliseconds m_interval = DefaultInterval;
    std::chrono::milliseconds m_firstRetryDelay = DefaultFirstRetryDelay;
    std::chrono::milliseconds m_maxRetryDelay = DefaultMaxRetryDelay;
    std::chrono::milliseconds m_retryDelay = DefaultFirstRetryDelay;
    bool m_running = false;
    bool m_refreshQueued = false;
    ToxiproxyClient::RequestId m_inFlight = 0;
    // Incremented whenever a poll in flight is abandoned, so that its late result is ignored.
    quint64 m_generation = 0;
    int m_failedPolls = 0;
    ConnectionState m_state = ConnectionState::Unknown;
    QString m_lastError;
    QString m_version;
    QList<Proxy> m_proxies;
    std::chrono::steady_clock::time_point m_snapshotRequestedAt;
};

} // namespace chaoslab::toxiproxy
