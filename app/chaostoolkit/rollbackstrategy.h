// Experiment statuses and the rollback strategies of chaostoolkit-lib 1.4x, and the rule that
// decides whether rollbacks are played:
//
//   strategy   plays rollbacks when
//   default    the status is neither "failed" nor "interrupted" (so not after a deviation)
//   always     always
//   never      never
//   deviated   the steady state deviated after the method
#pragma once

#include <optional>
#include <string>

namespace chaoslab::chaostoolkit {

enum class RunStatus { Running, Completed, Failed, Aborted, Interrupted };
enum class RollbackStrategy { Default, Always, Never, Deviated };

// "completed", "failed", "aborted", "interrupted"; Running has no journal name and is written
// as "completed", as chaostoolkit does for a run that ended without another status.
std::string statusName(RunStatus status);
std::string strategyName(RollbackStrategy strategy);
std::optional<RollbackStrategy> parseRollbackStrategy(const std::string& text);

struct RollbackDecision
{
    bool play = false;
    // The warning chaostoolkit logs for this case, or empty.
    std::string warning;
};

RollbackDecision decideRollbacks(RollbackStrategy strategy, RunStatus status, bool deviated);

} // namespace chaoslab::chaostoolkit
