// Decides, for one control, whether a value seen on the server replaces what the control
// shows, so that the control follows changes made elsewhere but never jumps back while
// the user is setting it.
//
//   Idle      the control follows every server value.
//   Editing   the user is setting a value (dragging, typing, stepping with keys). Server
//             values the control sent itself, or had before the edit, are old echoes, so
//             they are ignored. Any other value is a conflict, which is shown beside the
//             control and logged while the user's value stays and is sent on release.
//   Settling  the final value was sent, but the server state the console polls may still
//             predate it. Echoes are ignored and other values are conflicts until the
//             owner calls settle(), after which the control follows the server again;
//             the owner then shows the latest server value.
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace chaoslab::ui {

class LiveValue
{
public:
    enum class State { Idle, Editing, Settling };
    enum class Verdict {
        Follow, // show the server value
        Ignore, // keep the shown value; the server value is an echo of this control
        Conflict, // keep the shown value; the server has a value set elsewhere
    };

    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }

    // Starts an edit. `shownValue` is the value before the edit.
    void beginEdit(qint64 shownValue);
    void recordSent(qint64 value);
    // The final value has been sent; the control waits for settle().
    void endEdit();
    // Returns to Idle unless an edit is in progress.
    void settle();

    // Reports `value` seen on the server. A conflict is reported once per distinct value.
    Verdict serverValueSeen(qint64 value);

private:
    bool wasSent(qint64 value) const;

    State m_state = State::Idle;
    std::vector<qint64> m_sent;
    std::optional<qint64> m_lastConflict;
};

} // namespace chaoslab::ui
