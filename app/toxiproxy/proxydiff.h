// The differences between two snapshots of a Toxiproxy server's proxies, as the server
// monitor reports them.
//
// A proxy that appears is reported with its toxics, and a proxy that disappears takes its
// toxics with it: neither reports toxic changes. A proxy present in both snapshots is
// "changed" when its name, listen, upstream or enabled field differs; its toxics are
// compared by name.
#pragma once

#include "proxy.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace chaoslab::toxiproxy {

struct ToxicChange
{
    QString proxy;
    Toxic toxic;
};

struct SnapshotDiff
{
    QList<Proxy> addedProxies;
    QStringList removedProxies;
    QList<Proxy> changedProxies;
    QList<ToxicChange> addedToxics;
    // Only the name of a removed toxic is meaningful.
    QList<ToxicChange> removedToxics;
    QList<ToxicChange> changedToxics;

    bool isEmpty() const;
};

SnapshotDiff diffSnapshots(const QList<Proxy>& before, const QList<Proxy>& after);

} // namespace chaoslab::toxiproxy
