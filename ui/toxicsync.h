// Keeps one toxic of the console in step with the server.
//
// A console toxic has a type, a name, values and a direction. Its direction is upstream,
// downstream or both; "both" is two server toxics, "<name>_upstream" and
// "<name>_downstream", since a Toxiproxy toxic acts on one stream only. A toxic first
// seen on the server under another name (created with toxiproxy-cli -n, say) keeps that
// exact name and its one stream.
//
// The sync sends at most one request at a time for its toxic and merges edits made
// meanwhile into the next one, so the server applies them in order. A server state that
// the console's poller requested before the server acknowledged the last request may
// predate it. So the sync keeps its own state until it settles, which happens when a state
// requested after that acknowledgement arrives. The sync then adopts that state, so a
// change made elsewhere shows with the first poll requested after the acknowledgement.
#pragma once

#include "toxiproxy/toxic.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <array>
#include <chrono>
#include <optional>

namespace chaoslab::ui {

enum class ToxicDirection { Upstream, Downstream, Both };

struct ToxicIdentity
{
    QString type;
    QString name;
    // True when the server names are "<name>_upstream" and "<name>_downstream"; false
    // when `name` is the one server name.
    bool paired = true;
};

class ToxicSync : public QObject
{
    Q_OBJECT

public:
    using ServerPair = std::array<std::optional<toxiproxy::Toxic>, 2>;
    using Clock = std::chrono::steady_clock;

    ToxicSync(toxiproxy::ToxiproxyClient* client, QString proxy, ToxicIdentity identity,
        QObject* parent = nullptr);

    const ToxicIdentity& identity() const { return m_identity; }
    // Renames a toxic that is not on the server; ignored otherwise.
    void rename(const QString& name);
    QString serverName(toxiproxy::ToxicStream stream) const;

    bool isEnabled() const { return m_enabled; }
    ToxicDirection direction() const { return m_direction; }
    double toxicity() const { return m_toxicity; }
    qint64 attribute(const QString& key) const { return m_values.value(key); }
    // True while requests are pending, or no server state requested after the last
    // acknowledgement has arrived.
    bool isBusy() const;

    void setEnabled(bool enabled);
    void setDirection(ToxicDirection direction);
    void setAttribute(const QString& key, qint64 value);
    void setToxicity(double toxicity);
    // Sets the values a toxic is created with, without sending anything.
    void setInitialValues(const QMap<QString, qint64>& values, double toxicity);

    // Reports this toxic's server toxics (upstream, downstream) from a poll whose request
    // was sent at `requestedAt`.
    void applyServerState(const ServerPair& server, Clock::time_point requestedAt);
    // Drops every request and treats the toxic as removed, for an optimistic /reset.
    // Server states are held off until finishReset().
    void forgetServerState();
    // Ends the hold of forgetServerState() when the /reset response arrives. When the
    // reset failed (`confirmed` is false), the next applyServerState() is adopted at once.
    void finishReset(bool confirmed);

signals:
    // The switch and direction follow the server again, or a failure reverted them.
    void stateAdopted();
    // A server toxic was created or deleted, for the event log.
    void structureChanged(const QString& message);
    void failed(const QString& message);
    // No request is pending, and a server state requested after the last acknowledgement
    // has been adopted.
    void settled();

private:
    static int indexOf(toxiproxy::ToxicStream stream);
    bool wants(toxiproxy::ToxicStream stream) const;
    void pump();
    bool pumpStructure();
    bool pumpPatch();
    void create(toxiproxy::ToxicStream stream);
    void remove(toxiproxy::ToxicStream stream);
    void update(toxiproxy::ToxicStream stream, const toxiproxy::ToxicUpdate& update);
    void finishRequest();
    void handleFailure(const toxiproxy::ApiResult& result);
    void adoptServerState();
    // Sets the switch, direction and values from m_known.
    void adoptKnownState();
    toxiproxy::Toxic makeToxic(toxiproxy::ToxicStream stream) const;

    QPointer<toxiproxy::ToxiproxyClient> m_client;
    QString m_proxy;
    ToxicIdentity m_identity;

    bool m_enabled = false;
    ToxicDirection m_direction = ToxicDirection::Downstream;
    QMap<QString, qint64> m_values;
    double m_toxicity = 1.0;

    // The server's toxics as far as this sync's responses and adopted polls show them.
    ServerPair m_known;
    ServerPair m_lastSeen;
    bool m_hasSeen = false;
    Clock::time_point m_lastSeenRequestedAt;
    // When the response to the last request, or to a /reset, arrived.
    Clock::time_point m_acknowledgedAt;
    bool m_resetPending = false;
    // True from a request or reset until settled() has been emitted for it.
    bool m_settlePending = false;

    toxiproxy::ToxiproxyClient::RequestId m_inFlight = 0;
    // Incremented by forgetServerState(), so that responses to dropped requests are ignored.
    quint64 m_generation = 0;
    toxiproxy::ToxicUpdate m_pendingPatch;
    toxiproxy::ToxicUpdate m_currentPatch;
    QList<toxiproxy::ToxicStream> m_currentPatchStreams;
};

} // namespace chaoslab::ui
