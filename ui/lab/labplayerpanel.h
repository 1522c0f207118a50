// The lab player: pick a lab, start it, walk through its steps with "Do it for me", back
// and next, and stop it, which rolls back everything the lab changed. When the window
// opens it also restores what an earlier run left behind after a crash, and reports it.
#pragma once

#include "lab/labcatalog.h"
#include "lab/labsession.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace chaoslab::toxiproxy {
class ServerMonitor;
class ToxiproxyClient;
} // namespace chaoslab::toxiproxy

namespace chaoslab::ui {

class LabStepView;

class LabPlayerPanel : public QWidget
{
    Q_OBJECT

public:
    // Progress and rollback journals are kept under `dataFolder`; labs are read from
    // `labFolders` in order (the bundled ones first).
    LabPlayerPanel(toxiproxy::ToxiproxyClient* client, toxiproxy::ServerMonitor* monitor,
        QString dataFolder, QStringList labFolders, QWidget* parent = nullptr);
    ~LabPlayerPanel() override;

    // Restores the proxies of rollback journals that an earlier run left behind.
    void restoreLeftBehind();
    // Selects the lab with this id or file path; returns false when none matches.
    bool selectLab(const QString& idOrPath);
    void startSelectedLab();
    // Stops the running lab and rolls it back; `finished` marks it done.
    void stopLab(bool finished);
    lab::LabSession* session() const { return m_session.get(); }
    // Whether a lab is running or rolling back; the window waits for sessionEnded() before
    // it closes, so that quitting rolls the lab back too.
    bool hasSession() const { return m_session != nullptr; }
    LabStepView* stepView() const { return m_stepView; }

signals:
    // A step was shown or completed, or a lab started or ended: for chart markers.
    void labEvent(const QString& label);
    // A message for the event log.
    void notice(const QString& message);
    void sessionEnded();

private:
    using LabSession = lab::LabSession;

    void fillLabList();
    void checkServicesThenStart(const lab::LabDocument& lab);
    void startSession(const lab::LabDocument& lab);
    void showStep(int index);
    void updateButtons();
    void updateStepList();
    void reportRollback(const lab::RollbackReport& report, bool leftBehind);
    void setStatus(const QString& text);
    QString language() const;

    QPointer<toxiproxy::ToxiproxyClient> m_client;
    QPointer<toxiproxy::ServerMonitor> m_monitor;
    QString m_dataFolder;
    QStringList m_labFolders;
    QList<lab::LabEntry> m_labs;
    std::unique_ptr<LabSession> m_session;

    QComboBox* m_labList;
    QPushButton* m_start;
    QPushButton* m_stop;
    QLabel* m_status;
    QListWidget* m_steps;
    LabStepView* m_stepView;
    QPushButton* m_back;
    QPushButton* m_doIt;
    QPushButton* m_next;
    QPushButton* m_restart;
};

} // namespace chaoslab::ui
