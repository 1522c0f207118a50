// The probe runner over loopback peers: attempts every interval, ticks skipped while
// `concurrency` attempts run, one bucket per wall-clock second with or without attempts,
// spec changes, and stop() that reports nothing more.
#include "scriptedpeer.h"

#include "probes/proberunner.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace chaoslab::probes;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestProbeRunner : public QObject
{
    Q_OBJECT

private slots:
    void attemptsFollowInterval();
    void busyTicksAreSkipped();
    void concurrencyAllowsOverlap();
    void bucketsCloseEverySecond();
    void emptySecondsGetEmptyBuckets();
    void setSpecRetargetsNextAttempt();
    void stopEndsReports();
    void keepAliveRunsOnOneConnection();
};

namespace {

ProbeSpec specFor(const QString& url, std::chrono::milliseconds interval)
{
    auto spec = ProbeSpec::fromUrl(QUrl(url), nullptr).value_or(ProbeSpec {});
    spec.interval = interval;
    return spec;
}

QString httpUrl(quint16 port)
{
    return u"http://127.0.0.1:%1/"_s.arg(port);
}

ProbeAttempt attemptAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).first().value<ProbeAttempt>();
}

} // namespace

void TestProbeRunner::attemptsFollowInterval()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ProbeRunner runner(specFor(u"tcp://127.0.0.1:%1"_s.arg(server.serverPort()), 100ms));
    QSignalSpy finished(&runner, &ProbeRunner::attemptFinished);
    runner.start();
    QVERIFY(runner.isRunning());
    // The first attempt starts at once, then one every 100 ms.
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 6, 5000);
    runner.stop();
    for (int i = 0; i < finished.size(); ++i)
        QVERIFY(attemptAt(finished, i).ok());
    const auto span = attemptAt(finished, 5).startedAtMs - attemptAt(finished, 0).startedAtMs;
    QVERIFY2(span >= 490, qPrintable(u"5 intervals took %1 ms"_s.arg(span)));
    QCOMPARE(runner.statistics().summary().attempts, int(finished.size()));
}

void TestProbeRunner::busyTicksAreSkipped()
{
    // The peer never responds, so each attempt runs its whole 450 ms timeout while ticks
    // come every 100 ms.
    ScriptedPeer peer([](QTcpSocket*, int) {});
    auto spec = specFor(httpUrl(peer.port()), 100ms);
    spec.timeout = 450ms;
    ProbeRunner runner(spec);
    QSignalSpy finished(&runner, &ProbeRunner::attemptFinished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 5000);
    runner.stop();
    QCOMPARE(attemptAt(finished, 0).outcome, ProbeOutcome::TimedOut);
    const auto gap = attemptAt(finished, 1).startedAtMs - attemptAt(finished, 0).startedAtMs;
    QVERIFY2(gap >= 450, qPrintable(u"second attempt started %1 ms after the first"_s.arg(gap)));
    // Each attempt had its own connection; the last one may have been cut short by stop().
    QVERIFY(peer.connections() <= int(finished.size()) + 1);
}

void TestProbeRunner::concurrencyAllowsOverlap()
{
    ScriptedPeer peer([](QTcpSocket*, int) {});
    auto spec = specFor(httpUrl(peer.port()), 50ms);
    spec.timeout = 1000ms;
    spec.concurrency = 3;
    ProbeRunner runner(spec);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(peer.connections(), 3, 2000);
    // Further ticks are skipped until one of the three attempts times out.
    QTest::qWait(300);
    QCOMPARE(peer.connections(), 3);
    runner.stop();
}

void TestProbeRunner::bucketsCloseEverySecond()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ProbeRunner runner(specFor(u"tcp://127.0.0.1:%1"_s.arg(server.serverPort()), 100ms));
    QSignalSpy closed(&runner, &ProbeRunner::bucketClosed);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(closed.size() >= 3, 5000);
    runner.stop();

    qint64 previous = 0;
    for (int i = 0; i < closed.size(); ++i) {
        const auto bucket = closed.at(i).first().value<ProbeBucket>();
        QCOMPARE(bucket.secondMs % 1000, 0);
        if (previous)
            QCOMPARE(bucket.secondMs - previous, 1000);
        previous = bucket.secondMs;
        // The first second is partial; whole seconds hold about 10 attempts.
        if (i > 0) {
            QVERIFY2(bucket.attempts >= 5, qPrintable(u"%1 attempts"_s.arg(bucket.attempts)));
            QVERIFY(bucket.latency.max > 0);
        }
    }
}

void TestProbeRunner::emptySecondsGetEmptyBuckets()
{
    // With a 10 s interval only the first attempt falls into the first three seconds.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ProbeRunner runner(specFor(u"tcp://127.0.0.1:%1"_s.arg(server.serverPort()), 10s));
    QSignalSpy closed(&runner, &ProbeRunner::bucketClosed);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(closed.size() >= 3, 5000);
    runner.stop();
    int attempts = 0;
    for (int i = 0; i < closed.size(); ++i)
        attempts += closed.at(i).first().value<ProbeBucket>().attempts;
    QCOMPARE(attempts, 1);
    QCOMPARE(closed.at(2).first().value<ProbeBucket>().attempts, 0);
}

void TestProbeRunner::setSpecRetargetsNextAttempt()
{
    QTcpServer first;
    QTcpServer second;
    QVERIFY(first.listen(QHostAddress::LocalHost, 0));
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    ProbeRunner runner(specFor(u"tcp://127.0.0.1:%1"_s.arg(first.serverPort()), 50ms));
    QSignalSpy finished(&runner, &ProbeRunner::attemptFinished);
    runner.start();
    QTRY_VERIFY(finished.size() >= 1);

    first.close();
    auto moved = runner.spec();
    moved.port = second.serverPort();
    runner.setSpec(moved);
    QCOMPARE(runner.spec().port, second.serverPort());
    const auto before = finished.size();
    QTRY_VERIFY(finished.size() >= before + 3);
    runner.stop();
    QVERIFY(attemptAt(finished, int(finished.size()) - 1).ok());
    QVERIFY(second.hasPendingConnections());
}

void TestProbeRunner::stopEndsReports()
{
    ScriptedPeer peer([](QTcpSocket*, int) {});
    auto spec = specFor(httpUrl(peer.port()), 50ms);
    spec.timeout = 200ms;
    ProbeRunner runner(spec);
    QSignalSpy finished(&runner, &ProbeRunner::attemptFinished);
    QSignalSpy closed(&runner, &ProbeRunner::bucketClosed);
    runner.start();
    QTRY_COMPARE(peer.connections(), 1);
    runner.stop();
    QVERIFY(!runner.isRunning());
    QVERIFY(!finished.wait(1200));
    QCOMPARE(closed.size(), 0);
}

void TestProbeRunner::keepAliveRunsOnOneConnection()
{
    ScriptedPeer peer(
        [](QTcpSocket* socket, int) { ScriptedPeer::answer(socket, ScriptedPeer::okResponse()); });
    auto spec = specFor(httpUrl(peer.port()), 20ms);
    spec.keepAlive = true;
    ProbeRunner runner(spec);
    QSignalSpy finished(&runner, &ProbeRunner::attemptFinished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 10, 5000);
    runner.stop();
    QCOMPARE(peer.connections(), 1);
    QCOMPARE(runner.statistics().summary().ok(), int(finished.size()));
}

QTEST_GUILESS_MAIN(TestProbeRunner)
#include "tst_proberunner.moc"
