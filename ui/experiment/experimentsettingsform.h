// The run settings of the open experiment in the experiment dock: the rollback strategy,
// `--var` values and `--map` entries, checked as the user types, with a button that fills in
// the maps the academy's experiments need, and the check box that keeps the experiment's
// changes after the run.
#pragma once

#include "experimentsettings.h"

#include <QGroupBox>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace chaoslab::ui {

class ExperimentSettingsForm : public QGroupBox
{
    Q_OBJECT

public:
    explicit ExperimentSettingsForm(QWidget* parent = nullptr);

    // `fileStrategy` is the experiment's runtime.rollbacks.strategy, or empty.
    void setSettings(const ExperimentRunSettings& settings, const QString& fileStrategy);
    ExperimentRunSettings settings() const;
    // Parses the settings and shows the first error under the fields. Returns false on error.
    bool validate(ParsedRunSettings& parsed);
    // Sets the function that returns the maps the preset button fills in.
    void setPresetSource(std::function<QString()> presetMaps)
    {
        m_presetMaps = std::move(presetMaps);
    }

    QComboBox* strategyBox() const { return m_strategy; }
    QPlainTextEdit* varsEdit() const { return m_vars; }
    QPlainTextEdit* mapsEdit() const { return m_maps; }
    QPushButton* presetButton() const { return m_preset; }
    QCheckBox* keepChangesBox() const { return m_keepChanges; }
    QLabel* errorLabel() const { return m_error; }

signals:
    // The user changed a setting; the dock saves it.
    void edited();

private:
    QComboBox* m_strategy;
    QPlainTextEdit* m_vars;
    QPlainTextEdit* m_maps;
    QPushButton* m_preset;
    QCheckBox* m_keepChanges;
    QLabel* m_error;
    std::function<QString()> m_presetMaps;
};

} // namespace chaoslab::ui
