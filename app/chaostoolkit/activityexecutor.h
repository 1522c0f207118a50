// Runs one activity as chaostoolkit's execute_activity does: the "before" pause, the provider
// call, the journal entry with start, end and duration (taken before the "after" pause), then
// the "after" pause. Pauses are timers on the event loop, so nothing blocks while they run.
#pragma once

#include "experiment.h"
#include "journal.h"
#include "runcontext.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace chaoslab::chaostoolkit {

class ActivityProvider;
class ChaostoxiProvider;
class HttpProvider;
class ProcessProvider;
struct ProviderResult;

class ActivityExecutor : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ActivityRun&)>;

    ActivityExecutor(RunContext& context, QObject* parent = nullptr);

    // Calls `done` from the event loop once the activity and its pauses are over.
    void execute(const Activity& activity, Done done);
    // Drops the running activity: its provider call and pauses stop and `done` is not called.
    void abort();
    bool isRunning() const { return m_done != nullptr; }

signals:
    // Seconds of a pause that starts now, for countdowns.
    void pauseStarted(const QString& activityName, double seconds);

private:
    void pause(double seconds, const std::string& message, std::function<void()> next);
    void runProvider();
    void handleResult(const ProviderResult& result);
    ActivityProvider* providerFor(const std::string& type) const;

    RunContext& m_context;
    HttpProvider* m_http;
    ChaostoxiProvider* m_chaostoxi;
    ProcessProvider* m_process;
    ActivityProvider* m_active = nullptr;
    QTimer m_pauseTimer;
    std::function<void()> m_afterPause;
    Activity m_activity;
    ActivityRun m_run;
    Done m_done;
};

// Formats seconds as Python prints them in chaostoolkit's pause messages: "1", "0.5".
std::string formatSeconds(double seconds);

} // namespace chaoslab::chaostoolkit
