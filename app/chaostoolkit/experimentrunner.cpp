#include "experimentrunner.h"

#include "activityexecutor.h"
#include "tolerance.h"
#include "toxiproxyendpoint.h"

#include <utility>

namespace chaoslab::chaostoolkit {

ExperimentRunner::ExperimentRunner(
    Experiment experiment, RunContext context, RunOptions options, QObject* parent)
    : QObject(parent)
    , m_experiment(std::move(experiment))
    , m_context(std::move(context))
    , m_options(options)
    , m_executor(new ActivityExecutor(m_context, this))
    , m_endpoint(new ToxiproxyEndpoint(this))
{
    m_strategy = options.rollbackStrategy.value_or(
        parseRollbackStrategy(m_experiment.rollbackStrategy.value_or("default"))
            .value_or(RollbackStrategy::Default));
    connect(m_executor, &ActivityExecutor::pauseStarted, this, &ExperimentRunner::pauseStarted);
}

ExperimentRunner::~ExperimentRunner() = default;

void ExperimentRunner::start()
{
    m_journal.start = Clock::now();
    m_journal.experiment = m_experiment.raw;
    m_journal.experiment["title"] = m_context.configuration.substituteString(m_experiment.title);
    m_journal.experiment["dry"] = nullptr;
    log(LogLevel::Info, "Running experiment: " + m_journal.experiment["title"].get<std::string>());

    std::string error;
    const auto url = toxiproxyApiUrl(m_context, error);
    if (!m_options.startBuiltInEngine || !usesChaostoxi(m_experiment) || !url) {
        if (usesChaostoxi(m_experiment) && !url)
            log(LogLevel::Warning, error);
        return begin();
    }
    m_phase = Phase::Preparing;
    m_endpoint->prepare(*url, m_context.log, [this](std::optional<std::string> failure) {
        if (m_phase != Phase::Preparing)
            return;
        if (failure)
            log(LogLevel::Warning, *failure);
        begin();
    });
}

void ExperimentRunner::begin()
{
    log(LogLevel::Info, "Steady-state strategy: default");
    log(LogLevel::Info, "Rollbacks strategy: " + strategyName(m_strategy));
    if (!m_experiment.hasHypothesisProbes()) {
        log(LogLevel::Info, "No steady state hypothesis defined. That's ok, just exploring.");
        return runMethod();
    }
    runHypothesis(Phase::Before, [this](const SteadyState& state) {
        m_journal.before = state;
        if (state.met)
            return runMethod();
        m_journal.status = RunStatus::Failed;
        log(LogLevel::Critical,
            "Steady state probe '" + state.probes.back().activity.value("name", std::string())
                + "' is not in the given tolerance so failing this experiment");
        runRollbacks();
    });
}

void ExperimentRunner::runHypothesis(Phase phase, std::function<void(const SteadyState&)> done)
{
    m_phase = phase;
    m_steadyState = SteadyState {};
    log(LogLevel::Info, "Steady state hypothesis: " + m_experiment.hypothesis->title);
    runSequence(
        m_experiment.hypothesis->probes, 0, &m_steadyState.probes, true, [this, done](bool met) {
            m_steadyState.met = met;
            emit steadyStateChecked(section(), met);
            if (met)
                log(LogLevel::Info, "Steady state hypothesis is met!");
            done(m_steadyState);
        });
}

ExperimentRunner::Section ExperimentRunner::section() const
{
    switch (m_phase) {
    case Phase::Before:
        return Section::Before;
    case Phase::After:
        return Section::After;
    case Phase::Rollbacks:
        return Section::Rollbacks;
    default:
        return Section::Method;
    }
}

void ExperimentRunner::runSequence(const std::vector<Activity>& activities, std::size_t index,
    Runs* runs, bool checkTolerances, std::function<void(bool)> done)
{
    if (index >= activities.size())
        return done(true);
    if (!m_stepMode)
        return runActivity(activities, index, runs, checkTolerances, std::move(done));
    m_held
        = [=, this, &activities] { runActivity(activities, index, runs, checkTolerances, done); };
    emit activityHeld(section(), int(index));
}

void ExperimentRunner::runActivity(const std::vector<Activity>& activities, std::size_t index,
    Runs* runs, bool checkTolerances, std::function<void(bool)> done)
{
    const Activity& activity = activities[index];
    const Section current = section();
    emit activityStarted(current, int(index));
    m_executor->execute(activity, [=, this, &activities](const ActivityRun& finished) {
        runs->push_back(finished);
        ActivityRun& run = runs->back();
        if (checkTolerances) {
            run.toleranceMet = false;
            if (!run.succeeded) {
                log(LogLevel::Warning,
                    "Probe terminated unexpectedly, so its tolerance could not be validated");
                emit activityFinished(current, int(index), run);
                return done(false);
            }
            const auto check
                = checkTolerance(*activity.tolerance, run.output, m_context.configuration);
            run.toleranceMet = check.met;
            if (!check.met) {
                log(LogLevel::Warning,
                    "Probe '" + activity.name + "' is outside its tolerance: " + check.detail);
                emit activityFinished(current, int(index), run);
                return done(false);
            }
        } else if (activity.type == "probe" && activity.tolerance) {
            log(LogLevel::Warning,
                "Probe '" + activity.name
                    + "' has a tolerance, which Chaos "
                      "Toolkit ignores in the method: the output is recorded, not checked");
        }
        emit activityFinished(current, int(index), run);
        runSequence(activities, index + 1, runs, checkTolerances, done);
    });
}

void ExperimentRunner::step()
{
    if (auto held = std::exchange(m_held, nullptr))
        held();
}

void ExperimentRunner::resume()
{
    m_stepMode = false;
    step();
}

void ExperimentRunner::runMethod()
{
    m_phase = Phase::Method;
    log(LogLevel::Info, "Playing your experiment's method now...");
    runSequence(m_experiment.method, 0, &m_journal.run, false, [this](bool) {
        if (!m_experiment.hasHypothesisProbes())
            return runRollbacks();
        runHypothesis(Phase::After, [this](const SteadyState& state) {
            m_journal.after = state;
            if (!state.met) {
                m_journal.deviated = true;
                m_journal.status = RunStatus::Failed;
                log(LogLevel::Critical,
                    "Steady state probe '"
                        + state.probes.back().activity.value("name", std::string())
                        + "' is not in the given tolerance so failing this experiment");
            }
            runRollbacks();
        });
    });
}

void ExperimentRunner::runRollbacks()
{
    m_phase = Phase::Rollbacks;
    const auto decision = decideRollbacks(m_strategy, m_journal.status, m_journal.deviated);
    if (!decision.warning.empty())
        log(LogLevel::Warning, decision.warning);
    emit rollbacksDecided(decision.play, QString::fromStdString(decision.warning));
    if (!decision.play)
        return finish();
    log(LogLevel::Info, "Let's rollback...");
    if (m_experiment.rollbacks.empty())
        log(LogLevel::Info, "No declared rollbacks, let's move on.");
    runSequence(m_experiment.rollbacks, 0, &m_journal.rollbacks, false, [this](bool) { finish(); });
}

void ExperimentRunner::finish()
{
    m_phase = Phase::Done;
    m_journal.end = Clock::now();
    if (m_journal.status == RunStatus::Running)
        m_journal.status = RunStatus::Completed;
    log(LogLevel::Info,
        "Experiment ended with status: "
            + (m_journal.deviated ? std::string("deviated") : statusName(m_journal.status)));
    if (m_journal.deviated)
        log(LogLevel::Info, "The steady-state has deviated, a weakness may have been discovered");
    emit finished();
}

void ExperimentRunner::interrupt()
{
    m_stepMode = false;
    m_held = nullptr;
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Done:
        return;
    case Phase::Rollbacks:
        m_executor->abort();
        m_journal.status = RunStatus::Interrupted;
        log(LogLevel::Warning,
            "Received an exit signal. Terminating now without running the remaining rollbacks.");
        return finish();
    default:
        m_executor->abort();
        m_journal.status = RunStatus::Interrupted;
        log(LogLevel::Warning, "Received a termination signal (Ctrl-C)...");
        runRollbacks();
    }
}

} // namespace chaoslab::chaostoolkit
