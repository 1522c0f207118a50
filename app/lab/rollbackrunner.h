// Restores the proxies a rollback journal recorded, through the Toxiproxy API, one call at
// a time, and deletes the journal when every call succeeded. A journal that could not be
// fully restored stays on disk, so the next start tries again.
#pragma once

#include "rollbackjournal.h"

#include "toxiproxy/apirequest.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace chaoslab::lab {

struct RollbackReport
{
    // The maker of the changes, from the journal, such as `lab "latency-basics"`.
    QString owner;
    // Each API call made, as the client describes it: `delete toxic "latency" of "api"`.
    QStringList changes;
    // Each failed call or unreadable proxy, with the server's message.
    QStringList failures;

    bool complete() const { return failures.isEmpty(); }
};

class RollbackRunner : public QObject
{
    Q_OBJECT

public:
    explicit RollbackRunner(toxiproxy::ToxiproxyClient* client, QObject* parent = nullptr);

    // Starts restoring; finished() follows, also for an empty journal. Ignored while a
    // rollback runs.
    void run(const RollbackJournal& journal);
    bool isRunning() const { return m_journal.has_value(); }

signals:
    void finished(const chaoslab::lab::RollbackReport& report);

private:
    void restoreNextProxy();
    void sendNextRequest();
    void finish();

    QPointer<toxiproxy::ToxiproxyClient> m_client;
    std::optional<RollbackJournal> m_journal;
    qsizetype m_nextEntry = 0;
    QString m_currentProxy;
    QList<toxiproxy::ApiRequest> m_requests;
    RollbackReport m_report;
};

} // namespace chaoslab::lab
