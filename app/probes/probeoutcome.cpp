#include "probeoutcome.h"

namespace chaoslab::probes {

QString outcomeName(ProbeOutcome outcome)
{
    switch (outcome) {
    case ProbeOutcome::Ok:
        return QStringLiteral("ok");
    case ProbeOutcome::Refused:
        return QStringLiteral("refused");
    case ProbeOutcome::ClosedAfterConnect:
        return QStringLiteral("closed");
    case ProbeOutcome::Reset:
        return QStringLiteral("reset");
    case ProbeOutcome::TimedOut:
        return QStringLiteral("timed_out");
    case ProbeOutcome::ProtocolError:
        return QStringLiteral("protocol_error");
    case ProbeOutcome::AuthenticationFailed:
        return QStringLiteral("auth_failed");
    case ProbeOutcome::UnexpectedStatus:
        return QStringLiteral("unexpected_status");
    }
    return {};
}

std::optional<ProbeOutcome> outcomeFromName(const QString& name)
{
    for (const ProbeOutcome outcome : AllProbeOutcomes) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

} // namespace chaoslab::probes
