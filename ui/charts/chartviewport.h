// The time range the charts show: a window of 1 to 60 minutes that either follows the
// newest data (live) or stays where the user paused or scrolled it, within the stored
// history. Plain values in milliseconds since the epoch, no widgets.
#pragma once

#include <QtGlobal>

namespace chaoslab::ui {

class ChartViewport
{
public:
    static constexpr qint64 MinuteMs = 60 * 1000;

    qint64 windowMs() const { return m_windowMs; }
    void setWindowMs(qint64 windowMs);

    // The stored data spans [startMs, endMs). While live, the view ends at endMs.
    void setDataRange(qint64 startMs, qint64 endMs);
    qint64 dataStartMs() const { return m_dataStartMs; }
    qint64 dataEndMs() const { return m_dataEndMs; }

    // Paused, the view stays where it is while data keeps arriving. Resuming jumps back to
    // the newest data.
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);

    // Moves the view so that it ends at `endMs`, clamped to the data. Scrolling to the
    // newest data resumes following it; anywhere else pauses.
    void scrollTo(qint64 endMs);

    qint64 endMs() const;
    qint64 startMs() const { return endMs() - m_windowMs; }
    // The earliest and latest view ends the scroll bar can reach.
    qint64 earliestEndMs() const;
    qint64 latestEndMs() const { return m_dataEndMs; }

private:
    qint64 m_windowMs = 5 * MinuteMs;
    qint64 m_dataStartMs = 0;
    qint64 m_dataEndMs = 0;
    bool m_paused = false;
    qint64 m_pausedEndMs = 0;
};

} // namespace chaoslab::ui
