#include "valuethrottle.h"

namespace chaoslab::ui {

ValueThrottle::ValueThrottle(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ValueThrottle::sendPending);
}

void ValueThrottle::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
}

void ValueThrottle::submit(qint64 value)
{
    m_pending = value;
    if (m_timer.isActive())
        return;
    const auto elapsed = std::chrono::milliseconds(
        m_sinceLastSend.isValid() ? m_sinceLastSend.elapsed() : m_interval.count());
    if (elapsed >= m_interval)
        sendPending();
    else
        m_timer.start(m_interval - elapsed);
}

void ValueThrottle::finish(qint64 value)
{
    m_timer.stop();
    m_pending.reset();
    m_sinceLastSend.start();
    emit valueReady(value, true);
}

void ValueThrottle::sendPending()
{
    if (!m_pending)
        return;
    const qint64 value = *m_pending;
    m_pending.reset();
    m_sinceLastSend.start();
    emit valueReady(value, false);
}

} // namespace chaoslab::ui
