// Turns Unix signals such as SIGINT and SIGTERM into a Qt signal on the thread that created
// the watcher. The signal handler only writes the signal number to a socket pair, because
// little else is safe in a signal handler. A QSocketNotifier reads it in the event loop.
#pragma once

#include <QObject>

#include <initializer_list>
#include <vector>

class QSocketNotifier;

namespace chaoslab::cli {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    // Only one watcher may exist at a time.
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent = nullptr);
    // Restores the default action of the watched signals.
    ~SignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    void readSignal();

    std::vector<int> m_signalNumbers;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace chaoslab::cli
