// Runs an experiment as chaostoolkit-lib 1.4x does, on the event loop:
//
//   steady state before --met--> method --> steady state after --> rollbacks --> finished()
//          |not met: status failed            |not met: deviated, status failed
//          +-----------------------------------------------------> rollbacks (per strategy)
//
// A failed action or probe in the method does not fail the run, and method probes ignore
// their tolerance. interrupt() (SIGINT) drops the running activity, sets status
// "interrupted" and goes on to the rollbacks the strategy allows. A second interrupt during
// the rollbacks stops them. In step mode the runner stops before each activity until step()
// or resume(), and interrupt() leaves step mode, so the rollbacks run through. Before the
// first activity, when the experiment calls chaostoxi and nothing responds at the Toxiproxy
// address on this computer, the built-in engine starts there and runs until the runner is
// destroyed.
#pragma once

#include "experiment.h"
#include "journal.h"
#include "rollbackstrategy.h"
#include "runcontext.h"

#include <QObject>

#include <functional>
#include <optional>

namespace chaoslab::chaostoolkit {

class ActivityExecutor;
class ToxiproxyEndpoint;

struct RunOptions
{
    // Set by --rollback-strategy; otherwise runtime.rollbacks.strategy of the experiment,
    // then "default".
    std::optional<RollbackStrategy> rollbackStrategy;
    bool startBuiltInEngine = true;
};

class ExperimentRunner : public QObject
{
    Q_OBJECT

public:
    ExperimentRunner(
        Experiment experiment, RunContext context, RunOptions options, QObject* parent = nullptr);
    ~ExperimentRunner() override;

    // The part of the run that an activity belongs to.
    enum class Section { Before, Method, After, Rollbacks };
    Q_ENUM(Section)

    void start();
    void interrupt();

    // In step mode the runner stops before each activity and emits activityHeld().
    void setStepMode(bool on) { m_stepMode = on; }
    bool isHeld() const { return m_held != nullptr; }
    // Runs the held activity, then stops again before the next one.
    void step();
    // Leaves step mode and runs the rest of the experiment.
    void resume();

    const Journal& journal() const { return m_journal; }
    RunContext& context() { return m_context; }
    RollbackStrategy rollbackStrategy() const { return m_strategy; }

signals:
    void finished();
    void pauseStarted(const QString& activityName, double seconds);
    void activityHeld(Section section, int index);
    void activityStarted(Section section, int index);
    // `run` is the journal entry; steady-state probes have toleranceMet set.
    void activityFinished(Section section, int index, const ActivityRun& run);
    void steadyStateChecked(Section section, bool met);
    // `warning` is the message chaostoolkit logs for this decision, or empty.
    void rollbacksDecided(bool play, const QString& warning);

private:
    enum class Phase { Idle, Preparing, Before, Method, After, Rollbacks, Done };
    using Runs = std::vector<ActivityRun>;

    void log(LogLevel level, const std::string& message) { m_context.log(level, message); }
    void begin();
    void runSequence(const std::vector<Activity>& activities, std::size_t index, Runs* runs,
        bool checkTolerances, std::function<void(bool)> done);
    void runActivity(const std::vector<Activity>& activities, std::size_t index, Runs* runs,
        bool checkTolerances, std::function<void(bool)> done);
    Section section() const;
    void runHypothesis(Phase phase, std::function<void(const SteadyState&)> done);
    void runMethod();
    void runRollbacks();
    void finish();

    Experiment m_experiment;
    RunContext m_context;
    RollbackStrategy m_strategy = RollbackStrategy::Default;
    RunOptions m_options;
    Journal m_journal;
    Phase m_phase = Phase::Idle;
    SteadyState m_steadyState;
    ActivityExecutor* m_executor;
    ToxiproxyEndpoint* m_endpoint;
    bool m_stepMode = false;
    // The activity that step mode holds back, started by step() or resume().
    std::function<void()> m_held;
};

} // namespace chaoslab::chaostoolkit
