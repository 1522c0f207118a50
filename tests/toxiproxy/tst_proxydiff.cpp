// Differences between two snapshots of a server's proxies.
#include "toxiproxy/proxydiff.h"

#include <QTest>

using namespace chaoslab::toxiproxy;
using namespace Qt::StringLiterals;

class TestProxyDiff : public QObject
{
    Q_OBJECT

private slots:
    void equalSnapshotsHaveNoDiff();
    void newProxyIsAddedWithoutToxicEvents();
    void missingProxyIsRemovedWithoutToxicEvents();
    void settingsChangeIsProxyChange();
    void toxicOnlyChangeIsNotProxyChange();
    void toxicsComparedByName();
};

namespace {

Toxic latency(const QString& name, qint64 milliseconds)
{
    Toxic toxic;
    toxic.name = name;
    toxic.type = u"latency"_s;
    toxic.attributes = { { u"latency"_s, milliseconds }, { u"jitter"_s, 0 } };
    return toxic;
}

Proxy proxy(const QString& name, QList<Toxic> toxics = {})
{
    return { name, u"127.0.0.1:20000"_s, u"127.0.0.1:6379"_s, true, std::move(toxics) };
}

} // namespace

void TestProxyDiff::equalSnapshotsHaveNoDiff()
{
    const QList<Proxy> snapshot { proxy(u"a"_s, { latency(u"l"_s, 5) }), proxy(u"b"_s) };
    QVERIFY(diffSnapshots(snapshot, snapshot).isEmpty());
    QVERIFY(diffSnapshots({}, {}).isEmpty());
}

void TestProxyDiff::newProxyIsAddedWithoutToxicEvents()
{
    const auto diff = diffSnapshots({}, { proxy(u"a"_s, { latency(u"l"_s, 5) }) });
    QCOMPARE(diff.addedProxies.size(), 1);
    QCOMPARE(diff.addedProxies[0].toxics.size(), 1);
    QVERIFY(diff.addedToxics.isEmpty());
}

void TestProxyDiff::missingProxyIsRemovedWithoutToxicEvents()
{
    const auto diff = diffSnapshots(
        { proxy(u"a"_s, { latency(u"l"_s, 5) }), proxy(u"b"_s) }, { proxy(u"b"_s) });
    QCOMPARE(diff.removedProxies, QStringList { u"a"_s });
    QVERIFY(diff.removedToxics.isEmpty());
    QVERIFY(diff.changedProxies.isEmpty());
}

void TestProxyDiff::settingsChangeIsProxyChange()
{
    auto disabled = proxy(u"a"_s);
    disabled.enabled = false;
    auto moved = proxy(u"b"_s);
    moved.upstream = u"127.0.0.1:6380"_s;
    const auto diff = diffSnapshots({ proxy(u"a"_s), proxy(u"b"_s) }, { disabled, moved });
    QCOMPARE(diff.changedProxies.size(), 2);
    QCOMPARE(diff.changedProxies[0].enabled, false);
    QCOMPARE(diff.changedProxies[1].upstream, u"127.0.0.1:6380");
}

void TestProxyDiff::toxicOnlyChangeIsNotProxyChange()
{
    const auto diff = diffSnapshots({ proxy(u"a"_s) }, { proxy(u"a"_s, { latency(u"l"_s, 5) }) });
    QVERIFY(diff.changedProxies.isEmpty());
    QCOMPARE(diff.addedToxics.size(), 1);
    QCOMPARE(diff.addedToxics[0].proxy, u"a");
    QCOMPARE(diff.addedToxics[0].toxic.name, u"l");
}

void TestProxyDiff::toxicsComparedByName()
{
    auto quieter = latency(u"keep"_s, 5);
    quieter.toxicity = 0.5;
    const auto diff
        = diffSnapshots({ proxy(u"a"_s, { latency(u"keep"_s, 5), latency(u"gone"_s, 1) }) },
            { proxy(u"a"_s, { quieter, latency(u"new"_s, 9) }) });
    QCOMPARE(diff.removedToxics.size(), 1);
    QCOMPARE(diff.removedToxics[0].toxic.name, u"gone");
    QCOMPARE(diff.addedToxics.size(), 1);
    QCOMPARE(diff.addedToxics[0].toxic.name, u"new");
    QCOMPARE(diff.changedToxics.size(), 1);
    QCOMPARE(diff.changedToxics[0].toxic.toxicity, 0.5);
}

QTEST_GUILESS_MAIN(TestProxyDiff)
#include "tst_proxydiff.moc"
