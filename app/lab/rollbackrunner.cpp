#include "rollbackrunner.h"

#include "rollbackplan.h"

#include <QTimer>

namespace chaoslab::lab {

using toxiproxy::ApiResult;
using toxiproxy::ErrorKind;
using toxiproxy::Proxy;

RollbackRunner::RollbackRunner(toxiproxy::ToxiproxyClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

void RollbackRunner::run(const RollbackJournal& journal)
{
    if (m_journal)
        return;
    m_journal = journal;
    m_nextEntry = 0;
    m_report = RollbackReport { journal.owner(), {}, {} };
    // finished() never fires inside run(), so callers can connect after calling it.
    QTimer::singleShot(0, this, &RollbackRunner::restoreNextProxy);
}

void RollbackRunner::restoreNextProxy()
{
    if (!m_client) {
        m_report.failures.append(tr("the Toxiproxy client was closed before the rollback ended"));
        return finish();
    }
    if (m_nextEntry >= m_journal->entries().size())
        return finish();
    const RollbackJournal::Entry entry = m_journal->entries()[m_nextEntry++];
    m_currentProxy = entry.proxy;
    m_client->getProxy(entry.proxy, this, [this, entry](const ApiResult& result, const Proxy& now) {
        if (!result.ok() && result.error != ErrorKind::NotFound) {
            m_report.failures.append(result.message);
            return restoreNextProxy();
        }
        const std::optional<Proxy> current = result.ok() ? std::optional(now) : std::nullopt;
        m_requests = rollbackRequests(entry.proxy, entry.before, current);
        sendNextRequest();
    });
}

void RollbackRunner::sendNextRequest()
{
    if (m_requests.isEmpty())
        return restoreNextProxy();
    const toxiproxy::ApiRequest request = m_requests.takeFirst();
    m_client->send(request, this, [this, request](const ApiResult& result) {
        if (result.ok())
            m_report.changes.append(request.operation);
        else
            m_report.failures.append(result.message);
        sendNextRequest();
    });
}

void RollbackRunner::finish()
{
    RollbackJournal journal = *m_journal;
    m_journal.reset();
    QString error;
    if (m_report.complete() && !journal.discard(&error))
        m_report.failures.append(error);
    emit finished(m_report);
}

} // namespace chaoslab::lab
