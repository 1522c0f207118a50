#include "experimentrollback.h"

#include "toxiproxy/toxiproxyclient.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QTimer>

namespace chaoslab::ui {

namespace {

QString journalPath(const QString& folder, const QString& owner)
{
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    // The owner is cut to 60 characters, so that the file name stays short and readable.
    QString name = owner.left(60);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
    return QDir(folder).filePath(QStringLiteral("%1-%2.json").arg(name, stamp));
}

} // namespace

ExperimentRollback::ExperimentRollback(
    const QString& folder, const QString& owner, const QUrl& serverUrl, QObject* parent)
    : QObject(parent)
    , m_journal(journalPath(folder, owner), owner, serverUrl)
    , m_client(new toxiproxy::ToxiproxyClient(serverUrl, this))
    , m_runner(new lab::RollbackRunner(m_client, this))
{
    connect(m_runner, &lab::RollbackRunner::finished, this, &ExperimentRollback::finished);
}

chaostoolkit::ProxyChangeHook ExperimentRollback::hook()
{
    return [this](const QString& proxy,
               const std::optional<toxiproxy::Proxy>& current) -> std::optional<std::string> {
        QString error;
        const bool recorded = current ? m_journal.recordProxy(*current, &error)
                                      : m_journal.recordCreatedProxy(proxy, &error);
        if (recorded)
            return std::nullopt;
        return error.toStdString();
    };
}

void ExperimentRollback::finish(bool keep)
{
    if (!keep)
        return m_runner->run(m_journal);
    lab::RollbackReport report { m_journal.owner(), {}, {} };
    QString error;
    if (!m_journal.discard(&error))
        report.failures.append(error);
    QTimer::singleShot(0, this, [this, report] { emit finished(report); });
}

} // namespace chaoslab::ui
