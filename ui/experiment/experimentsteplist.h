// The steps of an experiment as a tree, in four sections: the steady-state hypothesis before
// the method, the method, the hypothesis after it, and the rollbacks. Each activity shows its
// state, its kind and name over its provider summary, its tolerance and its pauses. Each step
// keeps its output or exception and the notes about it, for the detail view of the selected
// step.
#pragma once

#include "chaostoolkit/experimentrunner.h"

#include <QTreeWidget>

namespace chaoslab::ui {

class ExperimentStepList : public QTreeWidget
{
    Q_OBJECT

public:
    using Section = chaostoolkit::ExperimentRunner::Section;
    enum class State { Pending, Running, Succeeded, Failed, Skipped };
    enum Column { StateColumn, StepColumn, ToleranceColumn, PausesColumn };

    explicit ExperimentStepList(QWidget* parent = nullptr);

    void showExperiment(const chaostoolkit::Experiment& experiment);
    // Sets every step to pending and clears outputs, notes and section results.
    void resetStates();

    void setState(Section section, int index, State state);
    // Sets the state from the journal entry and keeps its output or exception.
    void setRun(Section section, int index, const chaostoolkit::ActivityRun& run);
    void addNote(Section section, int index, const QString& note);
    // Shows the time left of a pause on a running step; a negative value removes it.
    void setCountdown(Section section, int index, double secondsLeft);
    // A result next to the section's title, such as "met" or "not played".
    void setSectionResult(Section section, const QString& result);
    // Marks the steps that never ran as skipped, and a running one as dropped by the interrupt.
    void skipUnfinished();

    State state(Section section, int index) const;
    QString sectionResult(Section section) const;
    // The output or exception and the notes of the step, or empty for a section row.
    QString details(const QTreeWidgetItem* item) const;
    QTreeWidgetItem* item(Section section, int index) const;
    // "action create-proxy"
    QString stepTitle(Section section, int index) const;

    static QString stateName(State state);

private:
    QTreeWidgetItem* addSection(Section section, const QString& title);
    void updateStateText(QTreeWidgetItem* item);

    QTreeWidgetItem* m_sections[4] = {};
};

} // namespace chaoslab::ui
