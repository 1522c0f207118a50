#include "proxydiff.h"

#include <QHash>

namespace chaoslab::toxiproxy {

namespace {

QHash<QString, const Proxy*> indexByName(const QList<Proxy>& proxies)
{
    QHash<QString, const Proxy*> index;
    for (const auto& proxy : proxies)
        index.insert(proxy.name, &proxy);
    return index;
}

void diffToxics(const Proxy& before, const Proxy& after, SnapshotDiff& diff)
{
    for (const auto& toxic : before.toxics) {
        if (!after.findToxic(toxic.name))
            diff.removedToxics.append({ after.name, toxic });
    }
    for (const auto& toxic : after.toxics) {
        const auto* previous = before.findToxic(toxic.name);
        if (!previous)
            diff.addedToxics.append({ after.name, toxic });
        else if (!(*previous == toxic))
            diff.changedToxics.append({ after.name, toxic });
    }
}

} // namespace

bool SnapshotDiff::isEmpty() const
{
    return addedProxies.isEmpty() && removedProxies.isEmpty() && changedProxies.isEmpty()
        && addedToxics.isEmpty() && removedToxics.isEmpty() && changedToxics.isEmpty();
}

SnapshotDiff diffSnapshots(const QList<Proxy>& before, const QList<Proxy>& after)
{
    SnapshotDiff diff;
    const auto afterByName = indexByName(after);
    for (const auto& proxy : before) {
        if (!afterByName.contains(proxy.name))
            diff.removedProxies.append(proxy.name);
    }

    const auto beforeByName = indexByName(before);
    for (const auto& proxy : after) {
        const auto* previous = beforeByName.value(proxy.name);
        if (!previous) {
            diff.addedProxies.append(proxy);
            continue;
        }
        if (!previous->hasSameSettings(proxy))
            diff.changedProxies.append(proxy);
        diffToxics(*previous, proxy, diff);
    }
    return diff;
}

} // namespace chaoslab::toxiproxy
