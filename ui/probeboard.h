// The console's probes as a list model: one row per probe, each with a ProbeRunner that
// runs while the probe has a target. A probe whose target is a proxy follows that proxy's
// listen address as the proxy list reports it, and does not run until the proxy is known.
// Closed buckets are forwarded with the probe's id, for the charts.
#pragma once

#include "probes/probespec.h"
#include "probes/probestatistics.h"

#include <QAbstractListModel>
#include <QPointer>

#include <memory>
#include <vector>

namespace chaoslab::probes {
class ProbeRunner;
}

namespace chaoslab::ui {

class ProxyListModel;

class ProbeBoard : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, RunningRole };

    explicit ProbeBoard(QObject* parent = nullptr);
    ~ProbeBoard() override;

    // Follows the listen addresses of `proxies` from now on.
    void setProxyModel(ProxyListModel* proxies);

    // Adds and starts a probe. An empty or taken id is replaced by one made from the label.
    // Returns the id.
    QString addProbe(probes::ProbeSpec spec);
    // Returns false when no probe has `id`.
    bool updateProbe(const QString& id, probes::ProbeSpec spec);
    void removeProbe(const QString& id);
    void clear();

    QList<probes::ProbeSpec> specs() const;
    const probes::ProbeSpec* spec(const QString& id) const;
    probes::ProbeRunner* runner(const QString& id) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    void probeAdded(const QString& id, const QString& label);
    void probeChanged(const QString& id, const QString& label);
    void probeRemoved(const QString& id);
    // Emitted when probes are added, changed or removed, for saving.
    void specsChanged();
    void bucketClosed(const QString& id, const chaoslab::probes::ProbeBucket& bucket);

private:
    struct Entry
    {
        probes::ProbeSpec spec;
        std::unique_ptr<probes::ProbeRunner> runner;
    };

    QString uniqueId(const QString& label) const;
    // The spec with host and port of its proxy filled in, when the proxy is known.
    probes::ProbeSpec resolved(const probes::ProbeSpec& spec) const;
    void applyTarget(Entry& entry);
    void followProxies();

    QPointer<ProxyListModel> m_proxies;
    std::vector<Entry> m_entries;
};

} // namespace chaoslab::ui
