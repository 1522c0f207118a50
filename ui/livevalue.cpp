#include "livevalue.h"

#include <algorithm>

namespace chaoslab::ui {

namespace {

// A drag sends at most about ten values a second, and only echoes of the last few
// requests can still arrive. The bound only keeps long drags from growing the list.
constexpr size_t maxRememberedValues = 256;

} // namespace

void LiveValue::beginEdit(qint64 shownValue)
{
    if (m_state == State::Idle) {
        m_sent.clear();
        m_lastConflict.reset();
    }
    m_state = State::Editing;
    recordSent(shownValue);
}

void LiveValue::recordSent(qint64 value)
{
    if (wasSent(value))
        return;
    if (m_sent.size() >= maxRememberedValues)
        m_sent.erase(m_sent.begin());
    m_sent.push_back(value);
}

void LiveValue::endEdit()
{
    if (m_state == State::Editing)
        m_state = State::Settling;
}

void LiveValue::settle()
{
    if (m_state != State::Settling)
        return;
    m_state = State::Idle;
    m_sent.clear();
    m_lastConflict.reset();
}

LiveValue::Verdict LiveValue::serverValueSeen(qint64 value)
{
    if (m_state == State::Idle)
        return Verdict::Follow;
    if (wasSent(value))
        return Verdict::Ignore;
    if (m_lastConflict == value)
        return Verdict::Ignore;
    m_lastConflict = value;
    return Verdict::Conflict;
}

bool LiveValue::wasSent(qint64 value) const
{
    return std::find(m_sent.begin(), m_sent.end(), value) != m_sent.end();
}

} // namespace chaoslab::ui
