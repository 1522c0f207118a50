// The result of one probe attempt. The names are stable: they appear in `chaoslab probe --json`,
// in CSV exports and in lab checks.
#pragma once

#include <QString>

#include <array>
#include <optional>

namespace chaoslab::probes {

enum class ProbeOutcome {
    Ok,
    // Nothing listens at the address, or the proxy is disabled.
    Refused,
    // The peer closed with FIN before the conversation finished.
    ClosedAfterConnect,
    // The peer closed with RST.
    Reset,
    // No connection or no complete reply within the probe's timeout.
    TimedOut,
    // The peer replied with bytes the protocol does not allow.
    ProtocolError,
    AuthenticationFailed,
    // HTTP status other than the expected one.
    UnexpectedStatus,
};

inline constexpr int ProbeOutcomeCount = 8;
inline constexpr std::array<ProbeOutcome, ProbeOutcomeCount> AllProbeOutcomes {
    ProbeOutcome::Ok,
    ProbeOutcome::Refused,
    ProbeOutcome::ClosedAfterConnect,
    ProbeOutcome::Reset,
    ProbeOutcome::TimedOut,
    ProbeOutcome::ProtocolError,
    ProbeOutcome::AuthenticationFailed,
    ProbeOutcome::UnexpectedStatus,
};

// "ok", "refused", "closed", "reset", "timed_out", "protocol_error", "auth_failed",
// "unexpected_status".
QString outcomeName(ProbeOutcome outcome);
std::optional<ProbeOutcome> outcomeFromName(const QString& name);

} // namespace chaoslab::probes
