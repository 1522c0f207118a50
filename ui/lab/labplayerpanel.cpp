#include "labplayerpanel.h"

#include "labstepview.h"

#include "lab/rollbackrunner.h"
#include "lab/servicecheck.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace chaoslab::ui {

LabPlayerPanel::LabPlayerPanel(toxiproxy::ToxiproxyClient* client,
    toxiproxy::ServerMonitor* monitor, QString dataFolder, QStringList labFolders, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_dataFolder(std::move(dataFolder))
    , m_labFolders(std::move(labFolders))
    , m_labList(new QComboBox(this))
    , m_start(new QPushButton(tr("Start lab"), this))
    , m_stop(new QPushButton(tr("Stop and roll back"), this))
    , m_status(new QLabel(this))
    , m_steps(new QListWidget(this))
    , m_stepView(new LabStepView(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_doIt(new QPushButton(tr("Do it for me"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_restart(new QPushButton(tr("Restart"), this))
{
    m_labList->setAccessibleName(tr("Lab"));
    // Sized to its longest lab title, the list would make the dock too wide for presenter
    // fonts. The open list still shows whole titles.
    m_labList->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_labList->setMinimumContentsLength(12);
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setMaximumHeight(m_steps->fontMetrics().height() * 7);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Before the first lab, the step view is only empty boxes and a button without a label.
    m_steps->hide();
    m_stepView->hide();

    auto* picker = new QHBoxLayout;
    picker->addWidget(m_labList, 1);
    picker->addWidget(m_start);
    picker->addWidget(m_stop);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addWidget(m_doIt);
    navigation->addWidget(m_next);
    navigation->addStretch(1);
    navigation->addWidget(m_restart);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(picker);
    layout->addWidget(m_status);
    layout->addWidget(m_steps);
    layout->addWidget(m_stepView, 1);
    layout->addLayout(navigation);

    connect(m_start, &QPushButton::clicked, this, &LabPlayerPanel::startSelectedLab);
    connect(m_stop, &QPushButton::clicked, this, [this] { stopLab(false); });
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_session && row >= 0 && row != m_session->currentStep())
            m_session->goToStep(row);
    });
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->goToStep(m_session->currentStep() - 1);
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (!m_session)
            return;
        if (m_session->currentStep() + 1 < m_session->lab().steps.size())
            m_session->goToStep(m_session->currentStep() + 1);
        else
            stopLab(true);
    });
    connect(m_doIt, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->performActions();
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->restart();
    });
    connect(m_stepView, &LabStepView::confirmed, this, [this] {
        if (m_session)
            m_session->confirmStep();
    });
    connect(m_stepView, &LabStepView::answerChosen, this, [this](int index) {
        if (!m_session)
            return;
        const lab::LabStep& step = m_session->lab().steps[m_session->currentStep()];
        const bool correct = step.question && step.question->choices.value(index).correct;
        m_stepView->showFeedback(m_session->answer(index).in(language()), correct);
    });

    fillLabList();
    updateButtons();
}

LabPlayerPanel::~LabPlayerPanel() = default;

QString LabPlayerPanel::language() const
{
    return QLocale().name().left(2);
}

void LabPlayerPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void LabPlayerPanel::fillLabList()
{
    m_labs = lab::findLabs(m_labFolders);
    m_labList->clear();
    for (const lab::LabEntry& entry : m_labs) {
        const QString title = entry.loaded.ok()
            ? entry.loaded.lab.title.in(language())
            : tr("%1 (invalid)").arg(QFileInfo(entry.path).fileName());
        m_labList->addItem(title, entry.path);
    }
}

bool LabPlayerPanel::selectLab(const QString& idOrPath)
{
    for (qsizetype i = 0; i < m_labs.size(); ++i) {
        if (m_labs[i].path == idOrPath || m_labs[i].loaded.lab.id == idOrPath) {
            m_labList->setCurrentIndex(int(i));
            return true;
        }
    }
    if (!QFileInfo(idOrPath).isFile())
        return false;
    // A lab file from elsewhere joins the list for this run.
    const lab::LabEntry entry { idOrPath, lab::loadLabFile(idOrPath) };
    m_labs.append(entry);
    m_labList->addItem(entry.loaded.ok() ? entry.loaded.lab.title.in(language())
                                         : tr("%1 (invalid)").arg(QFileInfo(idOrPath).fileName()),
        idOrPath);
    m_labList->setCurrentIndex(int(m_labs.size() - 1));
    updateButtons();
    return true;
}

void LabPlayerPanel::startSelectedLab()
{
    const int index = m_labList->currentIndex();
    if (m_session || index < 0 || index >= m_labs.size())
        return;
    const lab::LabEntry& entry = m_labs[index];
    if (!entry.loaded.ok()) {
        QStringList problems;
        for (const lab::JsonIssue& issue : entry.loaded.issues)
            problems.append(lab::formatIssue(entry.path, issue));
        return setStatus(tr("This lab file has errors:\n%1").arg(problems.join(u'\n')));
    }
    checkServicesThenStart(entry.loaded.lab);
}

void LabPlayerPanel::checkServicesThenStart(const lab::LabDocument& lab)
{
    setStatus(tr("Checking the services this lab needs\u2026"));
    m_start->setEnabled(false);
    auto* check = new lab::ServiceCheck(this);
    connect(check, &lab::ServiceCheck::finished, this,
        [this, check, lab](const QList<lab::LabService>& missing) {
            check->deleteLater();
            if (missing.isEmpty())
                return startSession(lab);
            QStringList lines;
            for (const lab::LabService& service : missing) {
                lines.append(
                    tr("Nothing answers at %1 (%2). %3")
                        .arg(service.address, service.kind, service.howToStart.in(language())));
            }
            setStatus(
                tr("This lab needs services that are not running:\n%1").arg(lines.join(u'\n')));
            updateButtons();
        });
    check->run(lab.services);
}

void LabPlayerPanel::startSession(const lab::LabDocument& lab)
{
    setStatus({});
    m_steps->show();
    m_stepView->show();
    m_session = std::make_unique<LabSession>(lab, m_client, m_monitor, m_dataFolder);
    LabSession* session = m_session.get();
    connect(session, &LabSession::stepChanged, this, &LabPlayerPanel::showStep);
    connect(session, &LabSession::checksUpdated, this,
        [this, session] { m_stepView->showChecks(session->checkResults()); });
    connect(session, &LabSession::stepCompleted, this, [this, session](int index) {
        updateStepList();
        m_stepView->setComplete(index == session->currentStep());
        emit labEvent(tr("Step done: %1").arg(session->lab().steps[index].title.in(language())));
    });
    connect(session, &LabSession::problem, this, [this](const QString& message) {
        setStatus(message);
        emit notice(message);
    });
    connect(session, &LabSession::stateChanged, this, [this, session](LabSession::State state) {
        updateButtons();
        if (state != LabSession::State::Ended)
            return;
        // A session that ends while starting changed nothing and sends no rolledBack(), so it
        // is deleted here. After a rollback, the handler below has already deleted it.
        QTimer::singleShot(0, this, [this, session] {
            if (m_session.get() != session)
                return;
            m_session.release()->deleteLater();
            updateButtons();
            emit sessionEnded();
        });
    });
    connect(session, &LabSession::rolledBack, this, [this](const lab::RollbackReport& report) {
        reportRollback(report, false);
        // The session ends here; deleting it later lets its own signal finish first.
        m_session.release()->deleteLater();
        updateButtons();
        emit sessionEnded();
    });
    emit labEvent(tr("Lab started: %1").arg(lab.title.in(language())));
    session->start();
    updateStepList();
}

void LabPlayerPanel::stopLab(bool finished)
{
    if (!m_session)
        return;
    if (finished)
        m_session->finish();
    else
        m_session->abort();
}

void LabPlayerPanel::showStep(int index)
{
    if (!m_session)
        return;
    const lab::LabStep& step = m_session->lab().steps[index];
    m_stepView->showStep(step, language(), m_session->isStepComplete(index));
    updateStepList();
    updateButtons();
    emit labEvent(tr("Step %1: %2").arg(index + 1).arg(step.title.in(language())));
}

void LabPlayerPanel::updateStepList()
{
    const QSignalBlocker blocker(m_steps);
    m_steps->clear();
    if (!m_session)
        return;
    const auto& steps = m_session->lab().steps;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const bool done = m_session->isStepComplete(int(i));
        const QString mark = done ? QStringLiteral("\u2713 ") : QStringLiteral("   ");
        m_steps->addItem(
            QStringLiteral("%1%2. %3").arg(mark).arg(i + 1).arg(steps[i].title.in(language())));
    }
    m_steps->setCurrentRow(m_session->currentStep());
}

void LabPlayerPanel::updateButtons()
{
    const bool running = m_session && m_session->state() == LabSession::State::Running;
    m_start->setEnabled(!m_session && !m_labs.isEmpty());
    m_labList->setEnabled(!m_session);
    m_stop->setEnabled(running);
    m_steps->setEnabled(running);
    m_stepView->setEnabled(running);
    m_back->setEnabled(running && m_session->currentStep() > 0);
    m_doIt->setEnabled(
        running && !m_session->lab().steps[m_session->currentStep()].actions.isEmpty());
    m_next->setEnabled(running);
    m_restart->setEnabled(running);
    if (running) {
        const bool last = m_session->currentStep() + 1 >= m_session->lab().steps.size();
        m_next->setText(last ? tr("Finish") : tr("Next"));
    }
}

void LabPlayerPanel::reportRollback(const lab::RollbackReport& report, bool leftBehind)
{
    const QString changes = report.changes.join(QStringLiteral("; "));
    QString text;
    if (leftBehind) {
        text = tr("The last run of %1 ended without rolling back. Restored: %2.")
                   .arg(report.owner, changes.isEmpty() ? tr("nothing had changed") : changes);
    } else {
        text = changes.isEmpty() ? tr("Rolled back %1: nothing needed restoring.").arg(report.owner)
                                 : tr("Rolled back %1: %2.").arg(report.owner, changes);
    }
    if (!report.complete()) {
        text += u'\n'
            + tr("Some changes could not be restored: %1. They are tried again at the next start.")
                  .arg(report.failures.join(QStringLiteral("; ")));
    }
    setStatus(text);
    emit notice(text);
    // A journal left behind may be an experiment's as well as a lab's.
    emit labEvent(leftBehind ? tr("Unfinished run restored") : tr("Lab rolled back"));
}

void LabPlayerPanel::restoreLeftBehind()
{
    const QString folder = QDir(m_dataFolder).filePath(QStringLiteral("rollback"));
    for (const QString& path : lab::RollbackJournal::leftBehind(folder)) {
        QString error;
        const auto journal = lab::RollbackJournal::read(path, &error);
        if (!journal) {
            setStatus(error);
            emit notice(error);
            continue;
        }
        // The journal names the server its changes went to, which may not be the one this
        // console talks to now, because an experiment can target another address.
        const QUrl server = journal->serverUrl().adjusted(QUrl::StripTrailingSlash);
        const bool otherServer
            = server.isValid() && server != m_client->baseUrl().adjusted(QUrl::StripTrailingSlash);
        toxiproxy::ToxiproxyClient* client
            = otherServer ? new toxiproxy::ToxiproxyClient(server) : m_client.data();
        auto* runner = new lab::RollbackRunner(client, this);
        if (otherServer)
            client->setParent(runner);
        connect(runner, &lab::RollbackRunner::finished, this,
            [this, runner](const lab::RollbackReport& report) {
                runner->deleteLater();
                reportRollback(report, true);
            });
        runner->run(*journal);
    }
}

} // namespace chaoslab::ui
