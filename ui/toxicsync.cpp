#include "toxicsync.h"

#include "toxiccatalog.h"
#include "toxicsummary.h"

#include <utility>

namespace chaoslab::ui {

using toxiproxy::ApiResult;
using toxiproxy::ErrorKind;
using toxiproxy::Toxic;
using toxiproxy::ToxicStream;
using toxiproxy::ToxicUpdate;

namespace {

constexpr std::array<ToxicStream, 2> streams { ToxicStream::Upstream, ToxicStream::Downstream };

void mergeAttribute(ToxicUpdate& update, const QString& name, qint64 value)
{
    for (auto& attribute : update.attributes) {
        if (attribute.name == name) {
            attribute.value = value;
            return;
        }
    }
    update.attributes.append({ name, value });
}

bool isEmpty(const ToxicUpdate& update)
{
    return !update.toxicity && update.attributes.isEmpty();
}

} // namespace

ToxicSync::ToxicSync(
    toxiproxy::ToxiproxyClient* client, QString proxy, ToxicIdentity identity, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_proxy(std::move(proxy))
    , m_identity(std::move(identity))
{
    if (const auto* spec = ToxicCatalog::find(m_identity.type)) {
        for (const auto& attribute : spec->attributes)
            m_values.insert(attribute.key, attribute.initialValue);
    }
}

int ToxicSync::indexOf(ToxicStream stream)
{
    return stream == ToxicStream::Upstream ? 0 : 1;
}

void ToxicSync::rename(const QString& name)
{
    if (m_inFlight || m_known[0] || m_known[1])
        return;
    m_identity.name = name;
}

QString ToxicSync::serverName(ToxicStream stream) const
{
    if (!m_identity.paired)
        return m_identity.name;
    return m_identity.name + u'_' + toxiproxy::streamName(stream);
}

bool ToxicSync::wants(ToxicStream stream) const
{
    if (!m_enabled)
        return false;
    if (m_direction == ToxicDirection::Both)
        return true;
    return (m_direction == ToxicDirection::Upstream) == (stream == ToxicStream::Upstream);
}

bool ToxicSync::isBusy() const
{
    if (m_inFlight || m_resetPending || !isEmpty(m_pendingPatch))
        return true;
    if (!m_currentPatchStreams.isEmpty())
        return true;
    for (auto stream : streams) {
        if (wants(stream) != m_known[indexOf(stream)].has_value())
            return true;
    }
    return m_lastSeenRequestedAt < m_acknowledgedAt;
}

void ToxicSync::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    pump();
}

void ToxicSync::setDirection(ToxicDirection direction)
{
    if (direction == ToxicDirection::Both && !m_identity.paired)
        return;
    if (direction == m_direction)
        return;
    m_direction = direction;
    pump();
}

void ToxicSync::setAttribute(const QString& key, qint64 value)
{
    m_values.insert(key, value);
    if (!m_enabled)
        return;
    mergeAttribute(m_pendingPatch, key, value);
    pump();
}

void ToxicSync::setToxicity(double toxicity)
{
    m_toxicity = toxicity;
    if (!m_enabled)
        return;
    m_pendingPatch.toxicity = toxicity;
    pump();
}

void ToxicSync::setInitialValues(const QMap<QString, qint64>& values, double toxicity)
{
    for (auto it = values.begin(); it != values.end(); ++it)
        m_values.insert(it.key(), it.value());
    m_toxicity = toxicity;
}

void ToxicSync::applyServerState(const ServerPair& server, Clock::time_point requestedAt)
{
    m_lastSeen = server;
    m_lastSeenRequestedAt = requestedAt;
    m_hasSeen = true;
    if (isBusy())
        return;
    adoptServerState();
    if (std::exchange(m_settlePending, false))
        emit settled();
}

void ToxicSync::forgetServerState()
{
    ++m_generation;
    if (m_inFlight && m_client)
        m_client->cancel(m_inFlight);
    m_inFlight = 0;
    m_pendingPatch = {};
    m_currentPatchStreams.clear();
    m_known = {};
    m_lastSeen = {};
    m_enabled = false;
    // Polls requested before the reset response arrives may still show the toxics.
    m_resetPending = true;
    m_settlePending = true;
    emit stateAdopted();
}

void ToxicSync::finishReset(bool confirmed)
{
    if (!m_resetPending)
        return;
    m_resetPending = false;
    m_acknowledgedAt = confirmed ? Clock::now() : Clock::time_point();
}

void ToxicSync::adoptServerState()
{
    if (!m_hasSeen)
        return;
    m_known = m_lastSeen;
    adoptKnownState();
    emit stateAdopted();
}

void ToxicSync::adoptKnownState()
{
    const bool upstream = m_known[0].has_value();
    const bool downstream = m_known[1].has_value();
    m_enabled = upstream || downstream;
    if (upstream && downstream)
        m_direction = ToxicDirection::Both;
    else if (upstream)
        m_direction = ToxicDirection::Upstream;
    else if (downstream)
        m_direction = ToxicDirection::Downstream;

    const auto& shown = downstream ? m_known[1] : m_known[0];
    if (shown) {
        for (const auto& attribute : shown->attributes)
            m_values.insert(attribute.name, attribute.value);
        m_toxicity = shown->toxicity;
    }
}

void ToxicSync::pump()
{
    if (m_inFlight || !m_client)
        return;
    if (!pumpStructure())
        pumpPatch();
}

// Deletions go first: a toxic with a fixed name that changes direction is deleted and
// created again under the same name.
bool ToxicSync::pumpStructure()
{
    for (auto stream : streams) {
        if (!wants(stream) && m_known[indexOf(stream)]) {
            remove(stream);
            return true;
        }
    }
    for (auto stream : streams) {
        if (wants(stream) && !m_known[indexOf(stream)]) {
            create(stream);
            return true;
        }
    }
    return false;
}

bool ToxicSync::pumpPatch()
{
    if (m_currentPatchStreams.isEmpty()) {
        if (isEmpty(m_pendingPatch))
            return false;
        m_currentPatch = std::exchange(m_pendingPatch, {});
        for (auto stream : streams) {
            if (m_known[indexOf(stream)])
                m_currentPatchStreams.append(stream);
        }
        if (m_currentPatchStreams.isEmpty())
            return false;
    }
    update(m_currentPatchStreams.takeFirst(), m_currentPatch);
    return true;
}

Toxic ToxicSync::makeToxic(ToxicStream stream) const
{
    Toxic toxic;
    toxic.name = serverName(stream);
    toxic.type = m_identity.type;
    toxic.stream = stream;
    toxic.toxicity = m_toxicity;
    if (const auto* spec = ToxicCatalog::find(m_identity.type)) {
        for (const auto& attribute : spec->attributes)
            toxic.attributes.append({ attribute.key, m_values.value(attribute.key) });
    }
    return toxic;
}

void ToxicSync::create(ToxicStream stream)
{
    const Toxic toxic = makeToxic(stream);
    const auto generation = m_generation;
    m_inFlight = m_client->createToxic(m_proxy, toxic, this,
        [this, generation, stream, toxic](const ApiResult& result, const Toxic& created) {
            if (generation != m_generation)
                return;
            finishRequest();
            if (result.ok()) {
                m_known[indexOf(stream)] = created;
                emit structureChanged(
                    tr("Added %1: %2").arg(created.name, ToxicSummary::describe(created)));
            } else if (result.error == ErrorKind::Conflict) {
                // It exists already, made elsewhere or by a request whose response was lost:
                // set it to this toxic's values instead.
                m_known[indexOf(stream)] = toxic;
                for (const auto& attribute : toxic.attributes)
                    mergeAttribute(m_pendingPatch, attribute.name, attribute.value);
                m_pendingPatch.toxicity = toxic.toxicity;
            } else {
                handleFailure(result);
            }
            pump();
        });
}

void ToxicSync::remove(ToxicStream stream)
{
    const QString name = serverName(stream);
    const auto generation = m_generation;
    m_inFlight = m_client->deleteToxic(
        m_proxy, name, this, [this, generation, stream, name](const ApiResult& result) {
            if (generation != m_generation)
                return;
            finishRequest();
            if (result.ok() || result.error == ErrorKind::NotFound) {
                m_known[indexOf(stream)].reset();
                if (result.ok())
                    emit structureChanged(tr("Removed %1").arg(name));
            } else {
                handleFailure(result);
            }
            pump();
        });
}

void ToxicSync::update(ToxicStream stream, const ToxicUpdate& update)
{
    const auto generation = m_generation;
    m_inFlight = m_client->updateToxic(m_proxy, serverName(stream), update, this,
        [this, generation, stream](const ApiResult& result, const Toxic& updated) {
            if (generation != m_generation)
                return;
            finishRequest();
            if (result.ok()) {
                m_known[indexOf(stream)] = updated;
            } else if (result.error == ErrorKind::NotFound) {
                // Deleted elsewhere while being edited; the next pump creates it again
                // with the values being set.
                m_known[indexOf(stream)].reset();
            } else {
                handleFailure(result);
            }
            pump();
        });
}

void ToxicSync::finishRequest()
{
    m_inFlight = 0;
    m_acknowledgedAt = Clock::now();
    m_settlePending = true;
}

// Drops what was not sent and reverts to what the server holds, so the console never
// shows a value the server refused.
void ToxicSync::handleFailure(const ApiResult& result)
{
    if (result.error == ErrorKind::Cancelled)
        return;
    m_pendingPatch = {};
    m_currentPatchStreams.clear();
    adoptKnownState();
    emit failed(result.message);
    emit stateAdopted();
}

} // namespace chaoslab::ui
