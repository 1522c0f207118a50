// The console's item models under QAbstractItemModelTester: the proxy list as the server
// state changes, and the bounded event log.
#include "eventlogmodel.h"
#include "proxylistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace chaoslab::ui;
using chaoslab::toxiproxy::Proxy;
using chaoslab::toxiproxy::Toxic;
using chaoslab::toxiproxy::ToxicStream;

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void proxyListFollowsSnapshots();
    void proxyListKeepsRowsSortedByName();
    void proxyListUpdatesChangedRowOnly();
    void proxyListResetClearsToxics();
    void eventLogDropsOldestBeyondCapacity();
    void eventLogMergesRepeatedSubject();
    void eventLogKeepsDifferentSubjects();
};

namespace {

Proxy proxy(const QString& name, bool enabled = true, int toxics = 0)
{
    Proxy value { name, QStringLiteral("127.0.0.1:0"), QStringLiteral("127.0.0.1:80"), enabled,
        {} };
    for (int i = 0; i < toxics; ++i) {
        Toxic toxic;
        toxic.name = QStringLiteral("latency_%1").arg(i);
        toxic.type = QStringLiteral("latency");
        toxic.stream = ToxicStream::Downstream;
        toxic.attributes = { { QStringLiteral("latency"), 100 }, { QStringLiteral("jitter"), 0 } };
        value.toxics.append(toxic);
    }
    return value;
}

QStringList names(const ProxyListModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row).data(ProxyListModel::NameRole).toString());
    return result;
}

EventLogEntry entry(const QString& message, const QString& subject = {})
{
    EventLogEntry value;
    value.proxy = QStringLiteral("db");
    value.message = message;
    value.subject = subject;
    return value;
}

} // namespace

void TestItemModels::proxyListFollowsSnapshots()
{
    ProxyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setProxies({ proxy(QStringLiteral("b")), proxy(QStringLiteral("a")) });
    QCOMPARE(names(model), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    model.setProxies({ proxy(QStringLiteral("c")), proxy(QStringLiteral("a"), false, 2) });
    QCOMPARE(names(model), (QStringList { QStringLiteral("a"), QStringLiteral("c") }));
    QCOMPARE(model.index(0).data(ProxyListModel::EnabledRole).toBool(), false);
    QCOMPARE(model.index(0).data(ProxyListModel::ToxicCountRole).toInt(), 2);
    QCOMPARE(model.index(0).data(ProxyListModel::ToxicSummariesRole).toStringList().size(), 2);
    model.setProxies({});
    QCOMPARE(model.rowCount(), 0);
}

void TestItemModels::proxyListKeepsRowsSortedByName()
{
    ProxyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProxies({ proxy(QStringLiteral("m")) });
    model.setProxies(
        { proxy(QStringLiteral("z")), proxy(QStringLiteral("m")), proxy(QStringLiteral("a")) });
    QCOMPARE(names(model),
        (QStringList { QStringLiteral("a"), QStringLiteral("m"), QStringLiteral("z") }));
    QCOMPARE(model.rowOf(QStringLiteral("z")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);
}

void TestItemModels::proxyListUpdatesChangedRowOnly()
{
    ProxyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProxies({ proxy(QStringLiteral("a")), proxy(QStringLiteral("b")) });

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setProxies({ proxy(QStringLiteral("a")), proxy(QStringLiteral("b"), false) });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(inserted.count(), 0);
}

void TestItemModels::proxyListResetClearsToxics()
{
    ProxyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProxies({ proxy(QStringLiteral("a"), false, 3), proxy(QStringLiteral("b"), true, 1) });
    model.applyReset();
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row).data(ProxyListModel::ToxicCountRole).toInt(), 0);
        QCOMPARE(model.index(row).data(ProxyListModel::EnabledRole).toBool(), true);
    }
}

void TestItemModels::eventLogDropsOldestBeyondCapacity()
{
    EventLogModel model(nullptr, 5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 12; ++i)
        model.append(entry(QStringLiteral("event %1").arg(i)));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entry(0).message, QStringLiteral("event 7"));
    QCOMPARE(
        model.index(4, EventLogModel::EventColumn).data().toString(), QStringLiteral("event 11"));
    QCOMPARE(model.index(4, EventLogModel::ProxyColumn).data().toString(), QStringLiteral("db"));
    QVERIFY(!model.index(4, EventLogModel::TimeColumn).data().toString().isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestItemModels::eventLogMergesRepeatedSubject()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int value = 100; value <= 500; value += 100)
        model.append(
            entry(QStringLiteral("latency %1 ms").arg(value), QStringLiteral("toxic:latency")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).message, QStringLiteral("latency 500 ms"));
}

void TestItemModels::eventLogKeepsDifferentSubjects()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(entry(QStringLiteral("one"), QStringLiteral("toxic:a")));
    model.append(entry(QStringLiteral("two"), QStringLiteral("toxic:b")));
    model.append(entry(QStringLiteral("three")));
    model.append(entry(QStringLiteral("four")));
    QCOMPARE(model.rowCount(), 4);
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
