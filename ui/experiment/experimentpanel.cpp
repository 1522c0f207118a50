#include "experimentpanel.h"

#include "experimentsettingsform.h"
#include "experimentsteplist.h"

#include "chaostoolkit/experimentloader.h"
#include "host/builtinengine.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace chaoslab::ui {

using namespace chaostoolkit;

ExperimentPanel::ExperimentPanel(
    Settings* settings, std::function<QUrl()> toxiproxyApi, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_store(settings)
    , m_toxiproxyApi(std::move(toxiproxyApi))
    , m_demoService(QStringLiteral("127.0.0.1:%1").arg(host::BuiltInEngine::DemoServicePort))
    , m_rollbackFolder(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                           .filePath(QStringLiteral("rollback")))
    , m_openAction(new QAction(tr("Open e&xperiment\u2026"), this))
    , m_recentMenu(new QMenu(tr("&Recent experiments"), this))
    , m_title(new QLabel(tr("No experiment open. Open a Chaos Toolkit experiment file (JSON) "
                            "with File \u25b8 Open experiment."),
          this))
    , m_description(new QLabel(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_notesLabel(new QLabel(this))
    , m_open(new QPushButton(tr("Open\u2026"), this))
    , m_runAll(new QPushButton(tr("Run all"), this))
    , m_next(new QPushButton(tr("Next step"), this))
    , m_runRest(new QPushButton(tr("Run rest"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_save(new QPushButton(tr("Save journal\u2026"), this))
    , m_steps(new ExperimentStepList(this))
    , m_tabs(new QTabWidget(this))
    , m_output(new QPlainTextEdit(this))
    , m_log(new QPlainTextEdit(this))
    , m_form(new ExperimentSettingsForm(this))
{
    buildLayout();
    m_form->setPresetSource([this] {
        const QString found = m_demoServiceLookup ? m_demoServiceLookup() : QString();
        return academyMaps(m_toxiproxyApi(), found.isEmpty() ? m_demoService : found);
    });

    connect(m_openAction, &QAction::triggered, this, &ExperimentPanel::chooseFile);
    connect(m_open, &QPushButton::clicked, this, &ExperimentPanel::chooseFile);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ExperimentPanel::fillRecentMenu);
    connect(m_runAll, &QPushButton::clicked, this, &ExperimentPanel::runAll);
    connect(m_next, &QPushButton::clicked, this, &ExperimentPanel::runNextStep);
    connect(m_runRest, &QPushButton::clicked, this, &ExperimentPanel::runRest);
    connect(m_stop, &QPushButton::clicked, this, &ExperimentPanel::stop);
    connect(m_save, &QPushButton::clicked, this, &ExperimentPanel::chooseJournalFile);
    connect(m_form, &ExperimentSettingsForm::edited, this, [this] {
        if (!m_path.isEmpty())
            m_store.save(m_path, m_form->settings());
    });
    connect(m_steps, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_output->setPlainText(m_steps->details(item));
        if (item && item->parent() && !isRunning())
            m_tabs->setCurrentWidget(m_output);
    });
    updateButtons();
}

ExperimentPanel::~ExperimentPanel() = default;

void ExperimentPanel::buildLayout()
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    for (QLabel* label : { m_title, m_description, m_error, m_status, m_notesLabel }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_error->setStyleSheet(QStringLiteral("color: #cf222e"));
    m_notesLabel->setStyleSheet(
        QStringLiteral("background: #fff8c5; color: #4d2d00; padding: 4px; border-radius: 3px"));
    m_error->hide();
    m_notesLabel->hide();
    m_status->hide();
    m_output->setReadOnly(true);
    m_output->setAccessibleName(tr("Output of the selected step"));
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("Run log"));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(5000);
    // In a scroll area the settings do not take height from the steps in a short dock.
    auto* settingsArea = new QScrollArea(this);
    settingsArea->setWidget(m_form);
    settingsArea->setWidgetResizable(true);
    settingsArea->setFrameShape(QFrame::NoFrame);
    settingsArea->setAccessibleName(tr("Run settings"));
    m_tabs->setAccessibleName(tr("Step output, run log and settings"));
    m_tabs->addTab(settingsArea, tr("Settings"));
    m_tabs->addTab(m_output, tr("Step output"));
    m_tabs->addTab(m_log, tr("Run log"));
    m_runAll->setToolTip(tr("Runs the whole experiment, as chaoslab run does"));
    m_next->setToolTip(tr("Runs the next activity, then stops before the one after it"));
    m_stop->setToolTip(tr("Interrupts the run; the rollbacks that the strategy allows still play"));

    // Files and runs get a row each, so that the dock fits beside the charts with presenter
    // fonts on a 1600-pixel-wide screen.
    auto* files = new QHBoxLayout;
    files->addWidget(m_open);
    files->addWidget(m_save);
    files->addStretch(1);
    auto* controls = new QHBoxLayout;
    for (QPushButton* button : { m_runAll, m_next, m_runRest, m_stop })
        controls->addWidget(button);
    controls->addStretch(1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(files);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_error);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_notesLabel);
    layout->addWidget(splitter, 1);
}

void ExperimentPanel::chooseFile()
{
    const QString start = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), start,
        tr("Chaos Toolkit experiments (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ExperimentPanel::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_store.recentFiles();
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent experiments"))->setEnabled(false);
    for (const QString& file : files) {
        QAction* action = m_recentMenu->addAction(
            QFileInfo(file).fileName(), this, [this, file] { openFile(file); });
        action->setToolTip(file);
        action->setEnabled(!isRunning());
    }
}

bool ExperimentPanel::openFile(const QString& path)
{
    if (isRunning())
        return false;
    // Process providers are allowed here and confirmed before each run instead.
    LoadResult loaded = ExperimentLoader::loadFile(path, { true });
    m_path = QFileInfo(path).absoluteFilePath();
    m_experiment = std::move(loaded.experiment);
    m_journal.reset();
    m_allowedCommands.reset();
    m_notes.clear();
    m_notesLabel->hide();
    m_status->hide();
    m_log->clear();
    m_output->clear();
    m_store.addRecentFile(m_path);
    emit fileOpened(m_path);
    if (!m_experiment) {
        showLoadError(tr("Could not open the experiment %1:\n%2\nFix the file and open it again.")
                          .arg(m_path, QString::fromStdString(loaded.error)));
        return false;
    }
    m_error->hide();
    m_title->setText(QString::fromStdString(m_experiment->title));
    m_description->setText(QString::fromStdString(m_experiment->description));
    m_description->setVisible(!m_experiment->description.empty());
    m_steps->showExperiment(*m_experiment);
    m_form->setSettings(m_store.load(m_path),
        QString::fromStdString(m_experiment->rollbackStrategy.value_or(std::string())));
    m_tabs->setCurrentIndex(0);
    updateButtons();
    return true;
}

void ExperimentPanel::showLoadError(const QString& message)
{
    m_title->setText(QFileInfo(m_path).fileName());
    m_description->hide();
    m_error->setText(message);
    m_error->show();
    m_steps->clear();
    updateButtons();
}

void ExperimentPanel::chooseJournalFile()
{
    const QString start = QFileInfo(m_path).completeBaseName() + QStringLiteral("-journal.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save journal"),
        QFileInfo(m_path).absoluteDir().filePath(start), tr("Journals (*.json)"));
    if (!path.isEmpty())
        saveJournal(path);
}

bool ExperimentPanel::saveJournal(const QString& path)
{
    if (!m_journal)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QByteArray::fromStdString(m_journal->toJson().dump(2))) < 0) {
        setStatus(tr("Could not write the journal to %1: %2. Choose another file.")
                      .arg(path, file.errorString()));
        return false;
    }
    emit notice(
        tr("Journal of \"%1\" saved to %2").arg(QString::fromStdString(m_experiment->title), path));
    return true;
}

void ExperimentPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString ExperimentPanel::statusText() const
{
    return m_status->text();
}

void ExperimentPanel::addNote(const QString& note)
{
    if (m_notes.contains(note))
        return;
    m_notes.append(note);
    m_notesLabel->setText(QStringLiteral("\u26a0 ") + m_notes.join(QStringLiteral("\n\u26a0 ")));
    m_notesLabel->show();
}

void ExperimentPanel::updateButtons()
{
    const bool loaded = m_experiment.has_value();
    const bool running = isRunning();
    const bool held = running && m_runner->isHeld();
    m_open->setEnabled(!running);
    m_openAction->setEnabled(!running);
    m_runAll->setEnabled(loaded && !running);
    m_next->setEnabled(loaded && (!running || held) && !m_stopping && !m_restoring);
    m_runRest->setEnabled(running && m_stepMode && !m_stopping && !m_restoring);
    m_stop->setEnabled(running && !m_stopping && !m_restoring);
    m_save->setEnabled(m_journal.has_value() && !running);
    m_form->setEnabled(loaded && !running);
}

} // namespace chaoslab::ui
