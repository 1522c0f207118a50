// One participant working through one lab. The session creates the proxies the lab needs,
// runs its probes and performs a step's actions on request. It evaluates the step's checks
// as the server and the probes change, saves progress, and rolls back whatever changed on
// the lab's proxies.
//
// Before anything changes, start() records every proxy the lab declares in a rollback
// journal on disk. Rolling back therefore also undoes changes the participant made by
// hand during the lab, and a journal left by a crash is restored on the next start.
#pragma once

#include "labchecks.h"
#include "labdocument.h"
#include "labprogress.h"
#include "rollbackjournal.h"
#include "rollbackrunner.h"

#include "probes/proberunner.h"
#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace chaoslab::lab {

class LabSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Running, RollingBack, Ended };
    Q_ENUM(State)

    // Journals go to `dataFolder`/rollback and progress to `dataFolder`/progress.
    LabSession(LabDocument lab, toxiproxy::ToxiproxyClient* client,
        toxiproxy::ServerMonitor* monitor, QString dataFolder, QObject* parent = nullptr);
    ~LabSession() override;

    const LabDocument& lab() const { return m_lab; }
    State state() const { return m_state; }
    int currentStep() const { return m_progress.currentStep; }
    bool isStepComplete(int index) const;
    const QList<CheckResult>& checkResults() const { return m_checkResults; }
    const probes::ProbeRunner* probe(const QString& id) const;
    QString journalPath() const;

    // Records the declared proxies, creates the missing ones, starts the probes and
    // resumes the saved step. stateChanged(Running) follows, or problem() and Ended.
    void start();
    void goToStep(int index);
    // Goes back to the first step and clears the completed steps.
    void restart();
    // Performs the current step's actions in order; stops at the first failure.
    void performActions();
    void confirmStep();
    // Returns the feedback of choice `index`; a correct choice completes the question.
    LabText answer(int index);
    // Both roll back and end the session: finish() marks the lab done, abort() keeps the
    // participant's place for next time.
    void finish();
    void abort();

signals:
    void stateChanged(chaoslab::lab::LabSession::State state);
    void stepChanged(int index);
    void checksUpdated();
    void stepCompleted(int index);
    void actionsFinished(int step, bool ok);
    void rolledBack(const chaoslab::lab::RollbackReport& report);
    // A failure the participant should see: a call the server rejected, a journal that
    // cannot be written.
    void problem(const QString& message);

private:
    void setState(State state);
    void recordDeclaredProxies(const QList<toxiproxy::Proxy>& proxies);
    void createMissingProxies(QList<LabProxy> missing);
    void startProbes();
    void sendAction(int step, qsizetype index);
    void evaluate();
    bool requirementsMet(int index) const;
    void markComplete(int index);
    void saveProgress();
    void rollBack();
    void handleRolledBack(const RollbackReport& report);
    QString progressPath() const;

    LabDocument m_lab;
    QPointer<toxiproxy::ToxiproxyClient> m_client;
    QPointer<toxiproxy::ServerMonitor> m_monitor;
    QString m_dataFolder;
    State m_state = State::Idle;
    LabProgress m_progress;
    std::optional<RollbackJournal> m_journal;
    RollbackRunner* m_rollback;
    std::map<QString, std::unique_ptr<probes::ProbeRunner>> m_probes;
    QTimer m_evaluation;
    QList<CheckResult> m_checkResults;
    QSet<int> m_confirmed;
    QSet<int> m_answered;
    bool m_actionsRunning = false;
};

} // namespace chaoslab::lab
