#include "labcatalog.h"

#include <QDir>
#include <QSet>

namespace chaoslab::lab {

QList<LabEntry> findLabs(const QStringList& folders)
{
    QList<LabEntry> entries;
    QSet<QString> ids;
    for (const QString& folder : folders) {
        const QDir dir(folder);
        for (const QString& name :
            dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
            if (name.endsWith(QLatin1String(".schema.json")))
                continue;
            LabEntry entry { dir.filePath(name), loadLabFile(dir.filePath(name)) };
            if (entry.loaded.ok() && ids.contains(entry.loaded.lab.id))
                continue;
            ids.insert(entry.loaded.lab.id);
            entries.append(entry);
        }
    }
    return entries;
}

} // namespace chaoslab::lab
