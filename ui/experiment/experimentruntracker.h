// Follows one run of an experiment in the step list: the state of each activity, pause
// countdowns and the steady-state results. It also notes where Chaos Toolkit's behaviour
// surprises: rollbacks skipped under the "default" strategy, probe tolerances ignored in the
// method, and failed method activities that do not fail the run. Changes that chaostoxi
// actions made to Toxiproxy are reported for the event log and the chart markers.
#pragma once

#include "chaostoolkit/experimentrunner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace chaoslab::ui {

class ExperimentStepList;

class ExperimentRunTracker : public QObject
{
    Q_OBJECT

public:
    using Section = chaostoolkit::ExperimentRunner::Section;

    // `experiment` and `steps` must outlive the tracker.
    ExperimentRunTracker(chaostoolkit::ExperimentRunner* runner,
        const chaostoolkit::Experiment& experiment, ExperimentStepList* steps,
        QObject* parent = nullptr);

    // Whether the window keeps the experiment's changes after the run instead of restoring
    // them from its rollback journal, for the note about skipped rollbacks.
    void setKeepsChanges(bool keeps) { m_keepsChanges = keeps; }

signals:
    // A note about the whole run, shown above the steps.
    void note(const QString& text);
    // A chaostoxi action changed `proxy` (empty for every proxy) on the Toxiproxy server.
    // `time` is when its call returned, because the activity's pause may delay the signal.
    void changeMade(const QString& proxy, const QString& message, const QDateTime& time);

private:
    const chaostoolkit::Activity& activity(Section section, int index) const;
    void handleStarted(Section section, int index);
    void handleFinished(Section section, int index, const chaostoolkit::ActivityRun& run);
    void handleRollbackDecision(bool play, const QString& warning);
    void startCountdown(double seconds);
    void updateCountdown();

    chaostoolkit::ExperimentRunner* m_runner;
    const chaostoolkit::Experiment& m_experiment;
    ExperimentStepList* m_steps;
    Section m_section = Section::Before;
    int m_index = -1;
    QTimer m_countdownTimer;
    QElapsedTimer m_pauseClock;
    double m_pauseSeconds = 0;
    bool m_keepsChanges = false;
};

} // namespace chaoslab::ui
