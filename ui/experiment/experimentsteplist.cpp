#include "experimentsteplist.h"

#include "experimentsummary.h"

#include <QHeaderView>

namespace chaoslab::ui {

namespace {

using chaostoolkit::Activity;

enum Role { StateRole = Qt::UserRole + 1, OutputRole, NotesRole, CountdownRole };

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

} // namespace

ExperimentStepList::ExperimentStepList(QWidget* parent) : QTreeWidget(parent)
{
    setHeaderLabels({ tr("State"), tr("Step"), tr("Tolerance"), tr("Pauses") });
    setAccessibleName(tr("Experiment steps"));
    setRootIsDecorated(false);
    setItemsExpandable(false);
    // Each step has two lines: its kind and name, then its provider.
    setUniformRowHeights(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // The step column takes the space left; a long provider summary is elided, with the whole
    // text in the tooltip.
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    setTextElideMode(Qt::ElideMiddle);
}

QTreeWidgetItem* ExperimentStepList::addSection(Section section, const QString& title)
{
    auto* item = new QTreeWidgetItem(this, { QString(), title });
    QFont bold = item->font(StepColumn);
    bold.setBold(true);
    item->setFont(StepColumn, bold);
    item->setFirstColumnSpanned(false);
    item->setFlags(Qt::ItemIsEnabled);
    m_sections[int(section)] = item;
    return item;
}

void ExperimentStepList::showExperiment(const chaostoolkit::Experiment& experiment)
{
    clear();
    const auto addSteps = [this](Section section, const QString& title,
                              const std::vector<Activity>& activities) {
        QTreeWidgetItem* parent = addSection(section, title);
        for (const Activity& activity : activities) {
            const QString kind = activity.type == "probe" ? tr("probe") : tr("action");
            const QString summary = providerSummary(activity);
            auto* step = new QTreeWidgetItem(parent,
                { QString(), kind + u' ' + text(activity.name) + u'\n' + summary,
                    toleranceSummary(activity), pausesSummary(activity) });
            step->setToolTip(StepColumn, summary);
            if (section == Section::Method && activity.type == "probe" && activity.tolerance) {
                step->setText(
                    ToleranceColumn, tr("%1 (not checked)").arg(step->text(ToleranceColumn)));
                step->setToolTip(ToleranceColumn,
                    tr("Chaos Toolkit ignores a probe's tolerance in the method: the output is "
                       "recorded, not checked."));
            }
        }
        parent->setExpanded(true);
        if (activities.empty())
            parent->setText(StepColumn, tr("%1 (none)").arg(title));
    };
    const std::vector<Activity> noProbes;
    const auto& probes = experiment.hypothesis ? experiment.hypothesis->probes : noProbes;
    addSteps(Section::Before, tr("Steady state before"), probes);
    addSteps(Section::Method, tr("Method"), experiment.method);
    addSteps(Section::After, tr("Steady state after"), probes);
    addSteps(Section::Rollbacks, tr("Rollbacks"), experiment.rollbacks);
    expandAll();
    resetStates();
}

QTreeWidgetItem* ExperimentStepList::item(Section section, int index) const
{
    QTreeWidgetItem* parent = m_sections[int(section)];
    return parent && index >= 0 && index < parent->childCount() ? parent->child(index) : nullptr;
}

void ExperimentStepList::resetStates()
{
    for (QTreeWidgetItem* parent : m_sections) {
        if (!parent)
            continue;
        parent->setText(StateColumn, QString());
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem* step = parent->child(i);
            step->setData(StateColumn, StateRole, int(State::Pending));
            step->setData(StateColumn, OutputRole, QString());
            step->setData(StateColumn, NotesRole, QStringList());
            step->setData(StateColumn, CountdownRole, -1.0);
            updateStateText(step);
        }
    }
}

QString ExperimentStepList::stepTitle(Section section, int index) const
{
    const QTreeWidgetItem* step = item(section, index);
    return step ? step->text(StepColumn).section(u'\n', 0, 0) : QString();
}

QString ExperimentStepList::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return tr("pending");
    case State::Running:
        return tr("running");
    case State::Succeeded:
        return tr("succeeded");
    case State::Failed:
        return tr("failed");
    case State::Skipped:
        return tr("skipped");
    }
    return {};
}

// The mark carries the state for people who cannot tell colours apart; "!" flags a note.
void ExperimentStepList::updateStateText(QTreeWidgetItem* step)
{
    static const QString marks[] = { QStringLiteral("\u00b7"), QStringLiteral("\u25b6"),
        QStringLiteral("\u2713"), QStringLiteral("\u2717"), QStringLiteral("\u2013") };
    const auto current = State(step->data(StateColumn, StateRole).toInt());
    QString label = marks[int(current)] + u' ' + stateName(current);
    const double countdown = step->data(StateColumn, CountdownRole).toDouble();
    if (current == State::Running && countdown >= 0)
        label += u' ' + tr("(pause, %1 s left)").arg(countdown, 0, 'f', 1);
    const QStringList notes = step->data(StateColumn, NotesRole).toStringList();
    if (!notes.isEmpty())
        label += QStringLiteral(" !");
    step->setText(StateColumn, label);
    step->setToolTip(StateColumn, notes.join(u'\n'));
}

void ExperimentStepList::setState(Section section, int index, State state)
{
    if (QTreeWidgetItem* step = item(section, index)) {
        step->setData(StateColumn, StateRole, int(state));
        step->setData(StateColumn, CountdownRole, -1.0);
        updateStateText(step);
        if (state == State::Running)
            scrollToItem(step);
    }
}

void ExperimentStepList::setRun(Section section, int index, const chaostoolkit::ActivityRun& run)
{
    QTreeWidgetItem* step = item(section, index);
    if (!step)
        return;
    const bool failed = !run.succeeded || run.toleranceMet == false;
    QString output = run.succeeded ? text(run.output.dump(2)) : text(run.error);
    if (run.toleranceMet == false && run.succeeded)
        output
            = tr("Outside the tolerance %1. Output:\n%2").arg(step->text(ToleranceColumn), output);
    step->setData(StateColumn, OutputRole, output);
    setState(section, index, failed ? State::Failed : State::Succeeded);
}

void ExperimentStepList::addNote(Section section, int index, const QString& note)
{
    if (QTreeWidgetItem* step = item(section, index)) {
        QStringList notes = step->data(StateColumn, NotesRole).toStringList();
        notes.append(note);
        step->setData(StateColumn, NotesRole, notes);
        updateStateText(step);
    }
}

void ExperimentStepList::setCountdown(Section section, int index, double secondsLeft)
{
    if (QTreeWidgetItem* step = item(section, index)) {
        step->setData(StateColumn, CountdownRole, secondsLeft);
        updateStateText(step);
    }
}

void ExperimentStepList::setSectionResult(Section section, const QString& result)
{
    if (QTreeWidgetItem* parent = m_sections[int(section)])
        parent->setText(StateColumn, result);
}

QString ExperimentStepList::sectionResult(Section section) const
{
    const QTreeWidgetItem* parent = m_sections[int(section)];
    return parent ? parent->text(StateColumn) : QString();
}

void ExperimentStepList::skipUnfinished()
{
    for (QTreeWidgetItem* parent : m_sections) {
        for (int i = 0; parent && i < parent->childCount(); ++i) {
            QTreeWidgetItem* step = parent->child(i);
            const auto current = State(step->data(StateColumn, StateRole).toInt());
            if (current == State::Running) {
                step->setData(StateColumn, NotesRole,
                    step->data(StateColumn, NotesRole).toStringList()
                        << tr("Interrupted while running: the journal leaves it out, as Chaos "
                              "Toolkit does."));
            }
            if (current == State::Pending || current == State::Running) {
                step->setData(StateColumn, StateRole, int(State::Skipped));
                step->setData(StateColumn, CountdownRole, -1.0);
                updateStateText(step);
            }
        }
    }
}

ExperimentStepList::State ExperimentStepList::state(Section section, int index) const
{
    const QTreeWidgetItem* step = item(section, index);
    return step ? State(step->data(StateColumn, StateRole).toInt()) : State::Pending;
}

QString ExperimentStepList::details(const QTreeWidgetItem* step) const
{
    if (!step || !step->parent())
        return {};
    QStringList parts;
    const QStringList notes = step->data(StateColumn, NotesRole).toStringList();
    for (const QString& note : notes)
        parts.append(tr("Note: %1").arg(note));
    if (!step->toolTip(ToleranceColumn).isEmpty())
        parts.append(tr("Note: %1").arg(step->toolTip(ToleranceColumn)));
    const QString output = step->data(StateColumn, OutputRole).toString();
    parts.append(output.isEmpty() ? tr("No output yet.") : output);
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace chaoslab::ui
