// Whether rollbacks play, for every strategy and final status, as chaostoolkit-lib 1.4x
// decides.
#include "chaostoolkit/rollbackstrategy.h"

#include <QTest>

using namespace chaoslab::chaostoolkit;

Q_DECLARE_METATYPE(RollbackStrategy)
Q_DECLARE_METATYPE(RunStatus)

class TestRollbackStrategy : public QObject
{
    Q_OBJECT

private slots:
    void decision_data()
    {
        QTest::addColumn<RollbackStrategy>("strategy");
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<bool>("deviated");
        QTest::addColumn<bool>("play");
        using S = RollbackStrategy;
        using R = RunStatus;
        QTest::newRow("default plays after a completed method")
            << S::Default << R::Running << false << true;
        QTest::newRow("default plays after an aborted run")
            << S::Default << R::Aborted << false << true;
        QTest::newRow("default skips a failed run") << S::Default << R::Failed << false << false;
        QTest::newRow("default skips a deviated run") << S::Default << R::Failed << true << false;
        QTest::newRow("default skips an interrupted run")
            << S::Default << R::Interrupted << false << false;
        QTest::newRow("always plays after a failure") << S::Always << R::Failed << false << true;
        QTest::newRow("always plays after an interrupt")
            << S::Always << R::Interrupted << false << true;
        QTest::newRow("never skips a completed run") << S::Never << R::Running << false << false;
        QTest::newRow("deviated plays after a deviation")
            << S::Deviated << R::Failed << true << true;
        QTest::newRow("deviated skips a completed run")
            << S::Deviated << R::Running << false << false;
        QTest::newRow("deviated skips a failed gate") << S::Deviated << R::Failed << false << false;
    }

    void decision()
    {
        QFETCH(RollbackStrategy, strategy);
        QFETCH(RunStatus, status);
        QFETCH(bool, deviated);
        QFETCH(bool, play);
        QCOMPARE(decideRollbacks(strategy, status, deviated).play, play);
    }

    void skippedDefaultRollbacksExplainThemselves()
    {
        const auto decision = decideRollbacks(RollbackStrategy::Default, RunStatus::Failed, true);
        QVERIFY(decision.warning.find("--rollback-strategy always") != std::string::npos);
    }

    void strategyNamesRoundTrip()
    {
        for (const auto* name : { "default", "always", "never", "deviated" }) {
            const auto strategy = parseRollbackStrategy(name);
            QVERIFY(strategy);
            QCOMPARE(strategyName(*strategy), std::string(name));
        }
        QVERIFY(!parseRollbackStrategy("sometimes"));
    }

    void runningStatusIsWrittenAsCompleted()
    {
        QCOMPARE(statusName(RunStatus::Running), std::string("completed"));
        QCOMPARE(statusName(RunStatus::Interrupted), std::string("interrupted"));
    }
};

QTEST_GUILESS_MAIN(TestRollbackStrategy)
#include "tst_rollbackstrategy.moc"
