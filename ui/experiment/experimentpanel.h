// The experiment dock: opens a Chaos Toolkit experiment file, shows its steps, and runs it as
// `chaoslab run` does with the settings of the dock, all at once or one activity at a time.
// Stop interrupts the run, which still plays the rollbacks the strategy allows. Unlike
// `chaoslab run`, the dock then restores whatever the experiment changed on the Toxiproxy
// server and its rollbacks did not restore, from a rollback journal that it writes before
// each change, unless the run settings keep the changes. The Chaos Toolkit journal stays in
// memory until the user saves it.
#pragma once

#include "experimentsettings.h"

#include "chaostoolkit/experimentrunner.h"

#include <QDateTime>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace chaoslab::lab {
struct RollbackReport;
}

namespace chaoslab::ui {

class ExperimentRollback;
class ExperimentSettingsForm;
class ExperimentStepList;

class ExperimentPanel : public QWidget
{
    Q_OBJECT

public:
    // `toxiproxyApi` returns the console's current Toxiproxy address, for the academy's maps.
    // `settings` must outlive the panel.
    ExperimentPanel(
        Settings* settings, std::function<QUrl()> toxiproxyApi, QWidget* parent = nullptr);
    ~ExperimentPanel() override;

    // Loads the file and shows its steps, or shows what failed and where. Returns false when
    // the file cannot be loaded or a run is in progress.
    bool openFile(const QString& path);
    // The demo HTTP service that the academy's maps send jsonplaceholder to, unless the lookup
    // returns an address. The default is 127.0.0.1:18081.
    void setDemoServiceAddress(const QString& address) { m_demoService = address; }
    // Sets the function that returns the demo service's address from the server, such as the
    // upstream of the built-in engine's demo_api proxy, or empty when the server has none.
    void setDemoServiceLookup(std::function<QString()> lookup)
    {
        m_demoServiceLookup = std::move(lookup);
    }
    // The folder of the rollback journals, which the lab player restores after a crash. The
    // default is "rollback" in the application's data folder.
    void setRollbackFolder(const QString& folder) { m_rollbackFolder = folder; }

    void runAll();
    // Runs the next activity and waits before the one after it. Starts a run when none is.
    void runNextStep();
    // Leaves step mode and runs the rest.
    void runRest();
    // Interrupts the run; its rollbacks still play when the strategy allows them. Once the
    // rollbacks play, it lets them finish instead. The rest is restored from the rollback
    // journal before runEnded().
    void stop();
    // Writes the last run's journal. Returns false and shows why when it cannot.
    bool saveJournal(const QString& path);

    // True until runEnded(), including while the rollback journal is restored.
    bool isRunning() const { return m_runner != nullptr; }
    const std::optional<chaostoolkit::Journal>& journal() const { return m_journal; }
    QAction* openAction() const { return m_openAction; }
    QMenu* recentMenu() const { return m_recentMenu; }
    ExperimentStepList* stepList() const { return m_steps; }
    ExperimentSettingsForm* settingsForm() const { return m_form; }
    QString statusText() const;
    QStringList runNotes() const { return m_notes; }

signals:
    void fileOpened(const QString& path);
    // A run started or ended: for chart markers.
    void experimentEvent(const QString& label);
    // A change that an experiment made on the Toxiproxy server at `time`, for the event log.
    void changeMade(const QString& proxy, const QString& message, const QDateTime& time);
    // A message for the event log.
    void notice(const QString& message);
    // The run and the restore from its rollback journal are over.
    void runEnded();

private:
    void buildLayout();
    void chooseFile();
    void chooseJournalFile();
    void fillRecentMenu();
    void showLoadError(const QString& message);
    void startRun(bool stepMode);
    void launchRunner(chaostoolkit::RunContext context, const ParsedRunSettings& parsed);
    void handleHeld(chaostoolkit::ExperimentRunner::Section section, int index);
    void handleFinished();
    void handleRestored(const lab::RollbackReport& report);
    void addNote(const QString& note);
    void setStatus(const QString& text);
    void updateButtons();

    Settings* m_settings;
    ExperimentSettingsStore m_store;
    std::function<QUrl()> m_toxiproxyApi;
    QString m_demoService;
    std::function<QString()> m_demoServiceLookup;
    QString m_path;
    std::optional<chaostoolkit::Experiment> m_experiment;
    std::unique_ptr<chaostoolkit::ExperimentRunner> m_runner;
    ExperimentRollback* m_rollback = nullptr;
    QString m_rollbackFolder;
    bool m_keepChanges = false;
    bool m_restoring = false;
    std::optional<chaostoolkit::Journal> m_journal;
    // The process commands the user allowed for the open file.
    std::optional<QStringList> m_allowedCommands;
    bool m_stepMode = false;
    bool m_stepWhenHeld = false;
    bool m_stopping = false;
    bool m_rollingBack = false;
    QStringList m_notes;

    QAction* m_openAction;
    QMenu* m_recentMenu;
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_error;
    QLabel* m_status;
    QLabel* m_notesLabel;
    QPushButton* m_open;
    QPushButton* m_runAll;
    QPushButton* m_next;
    QPushButton* m_runRest;
    QPushButton* m_stop;
    QPushButton* m_save;
    ExperimentStepList* m_steps;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_output;
    QPlainTextEdit* m_log;
    ExperimentSettingsForm* m_form;
};

} // namespace chaoslab::ui
