// The run controls of ExperimentPanel: settings and permission checks, the runner and its
// step mode, and the end of a run with the restore from the rollback journal.
#include "experimentpanel.h"

#include "confirmdialog.h"
#include "experimentrollback.h"
#include "experimentruntracker.h"
#include "experimentsettingsform.h"
#include "experimentsteplist.h"
#include "experimentsummary.h"

#include "chaostoolkit/configuration.h"
#include "chaostoolkit/toxiproxyendpoint.h"

#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>

namespace chaoslab::ui {

using namespace chaostoolkit;
using Section = ExperimentRunner::Section;

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

QString sectionTitle(Section section)
{
    switch (section) {
    case Section::Before:
        return ExperimentPanel::tr("steady state before");
    case Section::Method:
        return ExperimentPanel::tr("method");
    case Section::After:
        return ExperimentPanel::tr("steady state after");
    case Section::Rollbacks:
        break;
    }
    return ExperimentPanel::tr("rollbacks");
}

} // namespace

void ExperimentPanel::runAll()
{
    startRun(false);
}

void ExperimentPanel::runNextStep()
{
    if (!m_runner) {
        m_stepWhenHeld = true;
        return startRun(true);
    }
    if (m_runner->isHeld()) {
        m_runner->step();
        updateButtons();
    }
}

void ExperimentPanel::runRest()
{
    if (!m_runner)
        return;
    m_stepMode = false;
    m_runner->resume();
    updateButtons();
}

void ExperimentPanel::stop()
{
    if (!m_runner || m_stopping || m_restoring)
        return;
    m_stopping = true;
    m_stepMode = false;
    if (m_rollingBack) {
        // A second interrupt would skip the remaining rollbacks and leave the changes in place.
        setStatus(tr("Stopping: waiting for the rollbacks to finish\u2026"));
        m_runner->resume();
        return updateButtons();
    }
    setStatus(tr("Stopping: the rollbacks that the strategy \"%1\" allows play now\u2026")
                  .arg(text(strategyName(m_runner->rollbackStrategy()))));
    updateButtons();
    m_runner->interrupt();
}

void ExperimentPanel::startRun(bool stepMode)
{
    if (!m_experiment || m_runner)
        return;
    ParsedRunSettings parsed;
    if (!m_form->validate(parsed)) {
        m_stepWhenHeld = false;
        m_tabs->setCurrentIndex(0);
        return setStatus(
            tr("Not started: a setting is invalid. %1").arg(m_form->errorLabel()->text()));
    }
    RunContext context;
    if (auto error = Configuration::load(*m_experiment, parsed.vars, context.configuration)) {
        m_stepWhenHeld = false;
        return setStatus(tr("Not started: %1").arg(text(*error)));
    }
    context.addressMap = parsed.addressMap;
    m_stepMode = stepMode;

    const QStringList commands = processCommands(*m_experiment, context.configuration);
    if (commands.isEmpty() || m_allowedCommands == commands)
        return launchRunner(std::move(context), parsed);

    // The refusal stays on screen unless the user allows the commands.
    setStatus(tr("Not started: this experiment runs local programs (process providers), which "
                 "need your permission for this experiment."));
    const ConfirmRequest request { tr("Run local programs?"),
        tr("The experiment \"%1\" runs these commands on this computer, with your user's "
           "rights. Allow them only if you trust the file.")
            .arg(text(m_experiment->title)),
        commands.join(u'\n'), tr("Allow and run") };
    ConfirmDialog::ask(this, request, this, [this, commands, stepMode] {
        m_allowedCommands = commands;
        startRun(stepMode);
    });
}

void ExperimentPanel::launchRunner(RunContext context, const ParsedRunSettings& parsed)
{
    const QString title = text(m_experiment->title);
    std::string urlError;
    const auto serverUrl = toxiproxyApiUrl(context, urlError);
    m_rollback = new ExperimentRollback(m_rollbackFolder,
        QStringLiteral("experiment \"%1\"").arg(title), serverUrl.value_or(m_toxiproxyApi()), this);
    context.beforeProxyChange = m_rollback->hook();
    m_keepChanges = parsed.keepChanges;
    m_restoring = false;
    context.log = [this](LogLevel level, const std::string& message) {
        m_log->appendPlainText(text(formatLogLine(level, message)));
    };
    m_log->clear();
    m_output->clear();
    m_notes.clear();
    m_notesLabel->hide();
    m_journal.reset();
    m_stopping = false;
    m_rollingBack = false;
    m_steps->resetStates();
    m_tabs->setCurrentWidget(m_log);
    setStatus(m_stepMode ? tr("Running step by step\u2026") : tr("Running\u2026"));

    m_runner = std::make_unique<ExperimentRunner>(
        *m_experiment, std::move(context), RunOptions { parsed.strategy, true });
    m_runner->setStepMode(m_stepMode);
    auto* tracker
        = new ExperimentRunTracker(m_runner.get(), *m_experiment, m_steps, m_runner.get());
    tracker->setKeepsChanges(m_keepChanges);
    connect(tracker, &ExperimentRunTracker::note, this, &ExperimentPanel::addNote);
    connect(tracker, &ExperimentRunTracker::changeMade, this, &ExperimentPanel::changeMade);
    connect(m_runner.get(), &ExperimentRunner::activityHeld, this, &ExperimentPanel::handleHeld);
    connect(
        m_runner.get(), &ExperimentRunner::activityStarted, this, &ExperimentPanel::updateButtons);
    connect(m_runner.get(), &ExperimentRunner::finished, this, &ExperimentPanel::handleFinished);
    connect(m_runner.get(), &ExperimentRunner::rollbacksDecided, this,
        [this](bool play) { m_rollingBack = play; });

    emit experimentEvent(tr("Experiment started: %1").arg(title));
    emit notice(tr("Experiment \"%1\" started (rollback strategy \"%2\")")
                    .arg(title, text(strategyName(m_runner->rollbackStrategy()))));
    updateButtons();
    m_runner->start();
}

void ExperimentPanel::handleHeld(Section section, int index)
{
    if (std::exchange(m_stepWhenHeld, false)) {
        m_runner->step();
        return updateButtons();
    }
    if (QTreeWidgetItem* item = m_steps->item(section, index)) {
        m_steps->setCurrentItem(item);
        setStatus(tr("Waiting before %1 (%2). Next step runs it; Run rest runs the rest.")
                      .arg(m_steps->stepTitle(section, index), sectionTitle(section)));
    }
    updateButtons();
}

void ExperimentPanel::handleFinished()
{
    m_journal = m_runner->journal();
    m_steps->skipUnfinished();
    const Journal& journal = *m_journal;
    const QString status = text(statusName(journal.status));
    const QString title = text(m_experiment->title);
    emit experimentEvent(tr("Experiment ended: %1 (%2)").arg(title, status));
    emit notice(tr("Experiment \"%1\" ended with status \"%2\"%3")
                    .arg(title, status, journal.deviated ? tr(", deviated") : QString()));
    for (const QString& note : std::as_const(m_notes))
        emit notice(note);

    // The runner stays until the restore ends, because a built-in engine that it started stops
    // with it. The status line keeps showing the run until then.
    m_stepMode = false;
    m_restoring = true;
    updateButtons();
    connect(m_rollback, &ExperimentRollback::finished, this, &ExperimentPanel::handleRestored);
    m_rollback->finish(m_keepChanges);
}

void ExperimentPanel::handleRestored(const lab::RollbackReport& report)
{
    QStringList messages;
    if (m_keepChanges && m_rollback->hasChanges())
        messages.append(tr("The experiment's changes were kept after the run, because \"Keep the "
                           "experiment's changes after it ends\" is checked. Undo them with Reset "
                           "all."));
    if (!report.changes.isEmpty())
        messages.append(
            tr("Restored after the run: %1.").arg(report.changes.join(QStringLiteral("; "))));
    if (!report.complete() && m_keepChanges)
        messages.append(report.failures.join(QStringLiteral("; ")));
    else if (!report.complete())
        messages.append(tr("Some of the experiment's changes could not be restored after the run: "
                           "%1. The next start of the console tries again.")
                            .arg(report.failures.join(QStringLiteral("; "))));
    for (const QString& message : std::as_const(messages)) {
        addNote(message);
        emit notice(message);
    }

    const Journal& journal = *m_journal;
    const auto steadyState = [](const std::optional<SteadyState>& state) {
        if (!state)
            return tr("not checked");
        return state->met ? tr("met") : tr("not met");
    };
    setStatus(tr("Status: %1 \u00b7 deviated: %2 \u00b7 steady state before: %3 \u00b7 after: %4")
                  .arg(text(statusName(journal.status)), journal.deviated ? tr("yes") : tr("no"),
                      steadyState(journal.before), steadyState(journal.after)));

    // The rollback object is inside its own signal, so it is deleted later.
    m_rollback->deleteLater();
    m_rollback = nullptr;
    m_runner.reset();
    m_stopping = false;
    m_rollingBack = false;
    m_restoring = false;
    updateButtons();
    emit runEnded();
}

} // namespace chaoslab::ui
