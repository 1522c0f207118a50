#include "servermonitor.h"

#include "toxiproxylog.h"

#include <algorithm>

namespace chaoslab::toxiproxy {

using std::chrono::milliseconds;

ServerMonitor::ServerMonitor(ToxiproxyClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(client);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ServerMonitor::poll);
    connect(client, &ToxiproxyClient::baseUrlChanged, this, &ServerMonitor::handleBaseUrlChanged);
}

ServerMonitor::~ServerMonitor()
{
    abandonPollInFlight();
}

void ServerMonitor::setInterval(milliseconds interval)
{
    m_interval = interval;
}

void ServerMonitor::setRetryDelays(milliseconds first, milliseconds maximum)
{
    m_firstRetryDelay = first;
    m_maxRetryDelay = std::max(first, maximum);
    m_retryDelay = m_firstRetryDelay;
}

void ServerMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_retryDelay = m_firstRetryDelay;
    poll();
}

void ServerMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    abandonPollInFlight();
    setConnectionState(ConnectionState::Unknown, {});
}

void ServerMonitor::refreshNow()
{
    if (!m_running)
        return;
    if (m_inFlight) {
        m_refreshQueued = true;
        return;
    }
    m_timer.stop();
    poll();
}

const Proxy* ServerMonitor::findProxy(QStringView name) const
{
    for (const auto& proxy : m_proxies) {
        if (proxy.name == name)
            return &proxy;
    }
    return nullptr;
}

void ServerMonitor::abandonPollInFlight()
{
    ++m_generation;
    m_refreshQueued = false;
    if (m_inFlight && m_client)
        m_client->cancel(m_inFlight);
    m_inFlight = 0;
}

// The monitor requests the version first from a server that was not connected, so that a
// restart or a different server at the same address is noticed.
void ServerMonitor::poll()
{
    if (!m_running || m_inFlight || !m_client)
        return;
    if (m_state == ConnectionState::Connected) {
        requestProxies();
        return;
    }
    const auto generation = m_generation;
    m_inFlight
        = m_client->version(this, [this, generation](const auto& result, const auto& version) {
              if (generation == m_generation)
                  handleVersion(result, version);
          });
}

void ServerMonitor::requestProxies()
{
    const auto generation = m_generation;
    const auto requestedAt = std::chrono::steady_clock::now();
    m_inFlight = m_client->listProxies(
        this, [this, generation, requestedAt](const auto& result, const auto& proxies) {
            if (generation == m_generation)
                handleProxies(result, proxies, requestedAt);
        });
}

void ServerMonitor::handleVersion(const ApiResult& result, const QString& version)
{
    m_inFlight = 0;
    if (!result.ok()) {
        handleFailure(result);
        return;
    }
    if (version != m_version) {
        m_version = version;
        emit serverVersionChanged(m_version);
    }
    if (m_running && m_client)
        requestProxies();
}

void ServerMonitor::handleProxies(const ApiResult& result, const QList<Proxy>& proxies,
    std::chrono::steady_clock::time_point requestedAt)
{
    m_inFlight = 0;
    if (!result.ok()) {
        handleFailure(result);
        return;
    }
    m_snapshotRequestedAt = requestedAt;
    applySnapshot(proxies);
    if (m_state != ConnectionState::Connected) {
        qCInfo(lcToxiproxy).nospace().noquote()
            << "connected to Toxiproxy " << m_version << " at " << m_client->baseUrl().toString()
            << " after " << m_failedPolls << " failed polls";
        setConnectionState(ConnectionState::Connected, {});
    }
    m_failedPolls = 0;
    m_retryDelay = m_firstRetryDelay;
    scheduleNextPoll(m_interval);
}

// The monitor ignores the results of its own cancelled polls by generation, so a
// cancellation seen here came from another caller of the client, and the poll is retried.
void ServerMonitor::handleFailure(const ApiResult& result)
{
    if (result.error == ErrorKind::Cancelled) {
        scheduleNextPoll(m_interval);
        return;
    }

    ++m_failedPolls;
    if (m_state != ConnectionState::Lost || result.message != m_lastError)
        qCInfo(lcToxiproxy).noquote() << "Toxiproxy unreachable:" << result.message;
    qCDebug(lcToxiproxy) << "poll" << m_failedPolls << "failed, retrying in" << m_retryDelay.count()
                         << "ms";
    setConnectionState(ConnectionState::Lost, result.message);
    scheduleNextPoll(m_retryDelay);
    m_retryDelay = std::min(m_retryDelay * 2, m_maxRetryDelay);
}

// The new address may belong to another server, so its proxies are unknown until the
// first poll there.
void ServerMonitor::handleBaseUrlChanged()
{
    abandonPollInFlight();
    m_timer.stop();
    m_version.clear();
    m_failedPolls = 0;
    m_retryDelay = m_firstRetryDelay;
    m_snapshotRequestedAt = std::chrono::steady_clock::now();
    applySnapshot({});
    setConnectionState(ConnectionState::Unknown, {});
    if (m_running)
        poll();
}

void ServerMonitor::scheduleNextPoll(milliseconds delay)
{
    if (!m_running)
        return;
    if (m_refreshQueued) {
        m_refreshQueued = false;
        delay = milliseconds(0);
    }
    m_timer.start(delay);
}

// The new snapshot is stored before any signal, so that receivers querying proxies() see
// the state the signal describes.
void ServerMonitor::applySnapshot(const QList<Proxy>& proxies)
{
    const auto diff = diffSnapshots(m_proxies, proxies);
    m_proxies = proxies;
    if (!diff.isEmpty())
        emitDiff(diff);
}

void ServerMonitor::emitDiff(const SnapshotDiff& diff)
{
    for (const auto& change : diff.removedToxics)
        emit toxicRemoved(change.proxy, change.toxic.name);
    for (const auto& name : diff.removedProxies)
        emit proxyRemoved(name);
    for (const auto& proxy : diff.addedProxies)
        emit proxyAdded(proxy);
    for (const auto& proxy : diff.changedProxies)
        emit proxyChanged(proxy);
    for (const auto& change : diff.addedToxics)
        emit toxicAdded(change.proxy, change.toxic);
    for (const auto& change : diff.changedToxics)
        emit toxicChanged(change.proxy, change.toxic);
}

void ServerMonitor::setConnectionState(ConnectionState state, const QString& reason)
{
    if (state == m_state && reason == m_lastError)
        return;
    m_state = state;
    m_lastError = reason;
    emit connectionStateChanged(m_state, m_lastError);
}

} // namespace chaoslab::toxiproxy
