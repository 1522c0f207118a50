// Keeps the rule that an experiment run in the window leaves nothing changed on the Toxiproxy
// server. Before each chaostoxi change, the proxy's state goes into a rollback journal on
// disk. After the run, whatever the experiment's own rollbacks did not restore is restored
// from it. A journal left behind by a crash is in the lab player's folder, so the next start
// restores it with the labs' journals, on the server the journal names.
#pragma once

#include "chaostoolkit/runcontext.h"
#include "lab/rollbackjournal.h"
#include "lab/rollbackrunner.h"

#include <QObject>

namespace chaoslab::toxiproxy {
class ToxiproxyClient;
}

namespace chaoslab::ui {

class ExperimentRollback : public QObject
{
    Q_OBJECT

public:
    // The journal is written to a new file in `folder` at the first change. `owner` names the
    // experiment in messages, such as `experiment "Latency"`; `serverUrl` is the Toxiproxy API
    // that the experiment changes.
    ExperimentRollback(
        const QString& folder, const QString& owner, const QUrl& serverUrl, QObject* parent);

    // The hook for the run context: records each proxy before its first change.
    chaostoolkit::ProxyChangeHook hook();
    // Whether the experiment changed anything that the journal recorded.
    bool hasChanges() const { return !m_journal.entries().isEmpty(); }

    // Restores every recorded proxy, or with `keep` only deletes the journal. finished()
    // follows from the event loop in both cases.
    void finish(bool keep);

signals:
    // `report.changes` lists the API calls that restored something; with `keep` it is empty.
    void finished(const chaoslab::lab::RollbackReport& report);

private:
    lab::RollbackJournal m_journal;
    toxiproxy::ToxiproxyClient* m_client;
    lab::RollbackRunner* m_runner;
};

} // namespace chaoslab::ui
