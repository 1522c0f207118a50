// How a control being edited meets server values: the throttle that limits requests while
// dragging, and the rules that keep the user's value without hiding changes made elsewhere.
#include "livevalue.h"
#include "valuethrottle.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using chaoslab::ui::LiveValue;
using chaoslab::ui::ValueThrottle;
using Verdict = LiveValue::Verdict;

class TestLiveEditing : public QObject
{
    Q_OBJECT

private slots:
    void idleControlFollowsServer();
    void echoesOfOwnValuesAreIgnored();
    void foreignValueWhileEditingIsConflict();
    void conflictIsReportedOnce();
    void settledControlFollowsAgain();
    void throttleSendsFirstValueAtOnce();
    void throttleLimitsRate();
    void throttleSendsFinalValueImmediately();
};

void TestLiveEditing::idleControlFollowsServer()
{
    LiveValue live;
    QCOMPARE(live.serverValueSeen(300), Verdict::Follow);
    QVERIFY(!live.isBusy());
}

void TestLiveEditing::echoesOfOwnValuesAreIgnored()
{
    LiveValue live;
    live.beginEdit(100);
    live.recordSent(200);
    live.recordSent(300);
    QCOMPARE(live.serverValueSeen(100), Verdict::Ignore);
    QCOMPARE(live.serverValueSeen(200), Verdict::Ignore);
    live.endEdit();
    QCOMPARE(live.serverValueSeen(300), Verdict::Ignore);
    QVERIFY(live.isBusy());
}

void TestLiveEditing::foreignValueWhileEditingIsConflict()
{
    LiveValue live;
    live.beginEdit(100);
    live.recordSent(200);
    QCOMPARE(live.serverValueSeen(5000), Verdict::Conflict);
    live.endEdit();
    QCOMPARE(live.serverValueSeen(7000), Verdict::Conflict);
}

void TestLiveEditing::conflictIsReportedOnce()
{
    LiveValue live;
    live.beginEdit(100);
    QCOMPARE(live.serverValueSeen(5000), Verdict::Conflict);
    QCOMPARE(live.serverValueSeen(5000), Verdict::Ignore);
}

void TestLiveEditing::settledControlFollowsAgain()
{
    LiveValue live;
    live.beginEdit(100);
    live.settle();
    QCOMPARE(live.state(), LiveValue::State::Editing);
    live.endEdit();
    live.settle();
    QCOMPARE(live.state(), LiveValue::State::Idle);
    QCOMPARE(live.serverValueSeen(100), Verdict::Follow);
}

void TestLiveEditing::throttleSendsFirstValueAtOnce()
{
    ValueThrottle throttle;
    QSignalSpy ready(&throttle, &ValueThrottle::valueReady);
    throttle.submit(42);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.first().at(0).toLongLong(), 42);
    QCOMPARE(ready.first().at(1).toBool(), false);
}

// A drag of one second with a value every 5 ms sends about ten values, the last one
// included.
void TestLiveEditing::throttleLimitsRate()
{
    ValueThrottle throttle;
    QSignalSpy ready(&throttle, &ValueThrottle::valueReady);
    QElapsedTimer clock;
    clock.start();
    qint64 value = 0;
    while (clock.elapsed() < 1000) {
        throttle.submit(++value);
        QTest::qWait(5);
    }
    QTRY_VERIFY(!throttle.hasPending());
    QVERIFY2(ready.count() <= 12, qPrintable(QString::number(ready.count())));
    QVERIFY2(ready.count() >= 5, qPrintable(QString::number(ready.count())));
    QCOMPARE(ready.last().at(0).toLongLong(), value);
}

void TestLiveEditing::throttleSendsFinalValueImmediately()
{
    ValueThrottle throttle;
    QSignalSpy ready(&throttle, &ValueThrottle::valueReady);
    throttle.submit(1);
    throttle.submit(2);
    throttle.finish(3);
    QCOMPARE(ready.count(), 2);
    QCOMPARE(ready.last().at(0).toLongLong(), 3);
    QCOMPARE(ready.last().at(1).toBool(), true);
    QVERIFY(!throttle.hasPending());
    QTest::qWait(150);
    QCOMPARE(ready.count(), 2);
}

QTEST_GUILESS_MAIN(TestLiveEditing)
#include "tst_liveediting.moc"
