// A file on disk that records, before a lab or experiment applies a change, the state of
// each proxy it is about to change. Rolling back restores those states; a file left behind
// by a crash is found and rolled back on the next start.
//
//     RollbackJournal journal(folder.filePath("lab-latency.json"), "lab latency-basics", url);
//     if (!journal.recordProxy(proxyBeforeChange, &error))
//         return refuseChange(error); // never change what could not be recorded
#pragma once

#include "toxiproxy/proxy.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace chaoslab::lab {

class RollbackJournal
{
public:
    struct Entry
    {
        QString proxy;
        // The proxy before the first change; empty when the lab or experiment created it.
        std::optional<toxiproxy::Proxy> before;
    };

    // `owner` names what made the changes, for the message after a crash, such as
    // `lab "latency-basics"`.
    RollbackJournal(QString path, QString owner, QUrl serverUrl);

    // Reads a journal written by an earlier run; sets `error` when it cannot be read.
    static std::optional<RollbackJournal> read(const QString& path, QString* error);
    // Returns the journals left in `folder` by runs that did not finish their rollback and
    // whose process has ended, leaving out those of runs still going on.
    static QStringList leftBehind(const QString& folder);

    // Each record call writes the whole file before it returns and ignores a proxy that
    // is already recorded. It returns false and sets `error` when the file cannot be
    // written, and the caller must then not apply the change.
    bool recordProxy(const toxiproxy::Proxy& before, QString* error);
    bool recordCreatedProxy(const QString& name, QString* error);
    bool isRecorded(const QString& proxy) const;

    // Deletes the file once every recorded proxy is restored.
    bool discard(QString* error);

    QString path() const { return m_path; }
    QString owner() const { return m_owner; }
    QUrl serverUrl() const { return m_serverUrl; }
    QDateTime started() const { return m_started; }
    const QList<Entry>& entries() const { return m_entries; }

private:
    bool write(QString* error) const;

    QString m_path;
    QString m_owner;
    QUrl m_serverUrl;
    QDateTime m_started;
    QList<Entry> m_entries;
};

} // namespace chaoslab::lab
