#include "experimentruntracker.h"

#include "experimentsteplist.h"
#include "experimentsummary.h"

#include "chaostoolkit/chaostoxisignatures.h"

#include <chrono>

namespace chaoslab::ui {

using chaostoolkit::Activity;
using chaostoolkit::ExperimentRunner;
using State = ExperimentStepList::State;

namespace {

constexpr int CountdownIntervalMs = 100;

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

bool changesToxiproxy(const Activity& activity)
{
    return activity.type == "action" && activity.providerType() == "python"
        && chaostoolkit::isChaostoxiModule(activity.provider.value("module", std::string()));
}

} // namespace

ExperimentRunTracker::ExperimentRunTracker(ExperimentRunner* runner,
    const chaostoolkit::Experiment& experiment, ExperimentStepList* steps, QObject* parent)
    : QObject(parent)
    , m_runner(runner)
    , m_experiment(experiment)
    , m_steps(steps)
{
    m_countdownTimer.setInterval(CountdownIntervalMs);
    connect(&m_countdownTimer, &QTimer::timeout, this, &ExperimentRunTracker::updateCountdown);
    connect(runner, &ExperimentRunner::activityStarted, this, &ExperimentRunTracker::handleStarted);
    connect(
        runner, &ExperimentRunner::activityFinished, this, &ExperimentRunTracker::handleFinished);
    connect(runner, &ExperimentRunner::pauseStarted, this,
        [this](const QString&, double seconds) { startCountdown(seconds); });
    connect(runner, &ExperimentRunner::steadyStateChecked, this, [this](Section section, bool met) {
        m_steps->setSectionResult(section, met ? tr("met") : tr("not met"));
    });
    connect(runner, &ExperimentRunner::rollbacksDecided, this,
        &ExperimentRunTracker::handleRollbackDecision);
    connect(runner, &ExperimentRunner::finished, this, [this] { m_countdownTimer.stop(); });
}

const Activity& ExperimentRunTracker::activity(Section section, int index) const
{
    switch (section) {
    case Section::Before:
    case Section::After:
        return m_experiment.hypothesis->probes[std::size_t(index)];
    case Section::Method:
        return m_experiment.method[std::size_t(index)];
    case Section::Rollbacks:
        break;
    }
    return m_experiment.rollbacks[std::size_t(index)];
}

void ExperimentRunTracker::handleStarted(Section section, int index)
{
    m_countdownTimer.stop();
    m_section = section;
    m_index = index;
    m_steps->setState(section, index, State::Running);
}

void ExperimentRunTracker::handleFinished(
    Section section, int index, const chaostoolkit::ActivityRun& run)
{
    m_countdownTimer.stop();
    m_steps->setRun(section, index, run);
    const Activity& finished = activity(section, index);
    const QString name = text(finished.name);
    if (section == Section::Method && !run.succeeded) {
        const QString message
            = tr("\"%1\" failed, and the run goes on: Chaos Toolkit does not fail an experiment "
                 "for a failed activity in the method.")
                  .arg(name);
        m_steps->addNote(section, index, message);
        emit note(message);
    }
    if (section == Section::Method && finished.type == "probe" && finished.tolerance) {
        emit note(tr("Probe \"%1\" has a tolerance, which Chaos Toolkit ignores in the method: "
                     "its output is recorded, not checked.")
                      .arg(name));
    }
    if (run.succeeded && changesToxiproxy(finished)) {
        const auto endMs
            = std::chrono::duration_cast<std::chrono::milliseconds>(run.end.time_since_epoch());
        const QString function = text(finished.provider.value("func", std::string()));
        emit changeMade(changedProxy(finished), tr("Experiment: %1 (%2)").arg(name, function),
            QDateTime::fromMSecsSinceEpoch(endMs.count()));
    }
}

void ExperimentRunTracker::handleRollbackDecision(bool play, const QString& warning)
{
    if (play)
        return;
    m_steps->setSectionResult(Section::Rollbacks, tr("not played"));
    if (m_experiment.rollbacks.empty())
        return;
    if (m_runner->rollbackStrategy() != chaostoolkit::RollbackStrategy::Default) {
        emit note(tr("Rollbacks not played: %1").arg(warning));
        return;
    }
    const QString status = text(chaostoolkit::statusName(m_runner->journal().status));
    if (m_keepsChanges) {
        emit note(tr("Rollbacks not played: the run ended \"%1\" and the rollback strategy is "
                     "\"default\", under which Chaos Toolkit plays no rollbacks after a failure, "
                     "a deviation or an interrupt. The experiment's changes stay, because \"Keep "
                     "the experiment's changes after it ends\" is checked: undo them with Reset "
                     "all, or choose the strategy \"always\" and run again.")
                      .arg(status));
        return;
    }
    emit note(tr("Rollbacks not played: the run ended \"%1\" and the rollback strategy is "
                 "\"default\", under which Chaos Toolkit plays no rollbacks after a failure, a "
                 "deviation or an interrupt. The window restores the experiment's changes from "
                 "its rollback journal instead.")
                  .arg(status));
}

void ExperimentRunTracker::startCountdown(double seconds)
{
    m_pauseSeconds = seconds;
    m_pauseClock.start();
    m_countdownTimer.start();
    updateCountdown();
}

void ExperimentRunTracker::updateCountdown()
{
    const double left = m_pauseSeconds - m_pauseClock.elapsed() / 1000.0;
    m_steps->setCountdown(m_section, m_index, std::max(0.0, left));
    if (left <= 0)
        m_countdownTimer.stop();
}

} // namespace chaoslab::ui
