// Keeps one toxic of the console in step with the server.
//
// A console toxic has a type, a name, values and a direction. Its direction is upstream,
// downstream or both; "both" is two server toxics, "<name>_upstream" and
// "<name>_downstream", since a Toxiproxy toxic acts on one stream only. A toxic first
// seen on the server under another name (created with toxiproxy-cli -n, say) keeps that
// exact name and its one stream.
//
// The sync sends at most one request at a time for its toxic and merges edits made
// meanwhile into the next one, so the server applies them in order. Server states that
// the console's poller reports while requests are pending, or shortly after the last
// one, may predate them. So the sync keeps its own state until it has settled, and then
// adopts the latest server state.
#pragma once

#include "toxiproxy/toxic.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

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

    static constexpr std::chrono::milliseconds settleTime { 1500 };

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
    // True while requests are pending or the last one has not settled.
    bool isBusy() const;

    void setEnabled(bool enabled);
    void setDirection(ToxicDirection direction);
    void setAttribute(const QString& key, qint64 value);
    void setToxicity(double toxicity);
    // Sets the values a toxic is created with, without sending anything.
    void setInitialValues(const QMap<QString, qint64>& values, double toxicity);

    // Reports this toxic's server toxics (upstream, downstream) from the latest poll.
    void applyServerState(const ServerPair& server);
    // Drops every request and treats the toxic as removed, for an optimistic /reset.
    void forgetServerState();

signals:
    // The switch and direction follow the server again, or a failure reverted them.
    void stateAdopted();
    // A server toxic was created or deleted, for the event log.
    void structureChanged(const QString& message);
    void failed(const QString& message);
    // No request is pending and the last one has settled.
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

    toxiproxy::ToxiproxyClient::RequestId m_inFlight = 0;
    // Incremented by forgetServerState(), so that responses to dropped requests are ignored.
    quint64 m_generation = 0;
    toxiproxy::ToxicUpdate m_pendingPatch;
    toxiproxy::ToxicUpdate m_currentPatch;
    QList<toxiproxy::ToxicStream> m_currentPatchStreams;
    QTimer m_settleTimer;
};

} // namespace chaoslab::ui
