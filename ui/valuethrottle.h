// Limits how often a changing value is sent: the first change goes out at once, later
// ones at most once per interval with the latest value winning, and finish() sends the
// final value immediately. A slider drag thus sends at most one value per interval, plus
// the final one, and always ends with the value the user released on.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace chaoslab::ui {

class ValueThrottle : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultInterval { 100 };

    explicit ValueThrottle(QObject* parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    bool hasPending() const { return m_pending.has_value(); }

    void submit(qint64 value);
    // Sends `value` now as the final value, dropping any pending one.
    void finish(qint64 value);

signals:
    // `final` is true for the value passed to finish().
    void valueReady(qint64 value, bool final);

private:
    void sendPending();

    std::chrono::milliseconds m_interval = defaultInterval;
    QElapsedTimer m_sinceLastSend;
    QTimer m_timer;
    std::optional<qint64> m_pending;
};

} // namespace chaoslab::ui
