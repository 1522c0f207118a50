#include "chartviewport.h"

#include <algorithm>

namespace chaoslab::ui {

void ChartViewport::setWindowMs(qint64 windowMs)
{
    m_windowMs = std::max<qint64>(1000, windowMs);
    if (m_paused)
        m_pausedEndMs = std::clamp(m_pausedEndMs, earliestEndMs(), latestEndMs());
}

void ChartViewport::setDataRange(qint64 startMs, qint64 endMs)
{
    m_dataStartMs = startMs;
    m_dataEndMs = std::max(startMs, endMs);
}

void ChartViewport::setPaused(bool paused)
{
    if (paused && !m_paused)
        m_pausedEndMs = m_dataEndMs;
    m_paused = paused;
}

void ChartViewport::scrollTo(qint64 endMs)
{
    const qint64 clamped = std::clamp(endMs, earliestEndMs(), latestEndMs());
    m_paused = clamped < m_dataEndMs;
    m_pausedEndMs = clamped;
}

qint64 ChartViewport::endMs() const
{
    return m_paused ? m_pausedEndMs : m_dataEndMs;
}

qint64 ChartViewport::earliestEndMs() const
{
    // A window longer than the data shows all of it, so the view cannot scroll.
    return std::min(m_dataEndMs, m_dataStartMs + m_windowMs);
}

} // namespace chaoslab::ui
