#include "rollbackstrategy.h"

namespace chaoslab::chaostoolkit {

std::string statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
    case RunStatus::Completed:
        return "completed";
    case RunStatus::Failed:
        return "failed";
    case RunStatus::Aborted:
        return "aborted";
    case RunStatus::Interrupted:
        return "interrupted";
    }
    return "completed";
}

std::string strategyName(RollbackStrategy strategy)
{
    switch (strategy) {
    case RollbackStrategy::Default:
        return "default";
    case RollbackStrategy::Always:
        return "always";
    case RollbackStrategy::Never:
        return "never";
    case RollbackStrategy::Deviated:
        return "deviated";
    }
    return "default";
}

std::optional<RollbackStrategy> parseRollbackStrategy(const std::string& text)
{
    for (auto strategy : { RollbackStrategy::Default, RollbackStrategy::Always,
             RollbackStrategy::Never, RollbackStrategy::Deviated }) {
        if (strategyName(strategy) == text)
            return strategy;
    }
    return std::nullopt;
}

RollbackDecision decideRollbacks(RollbackStrategy strategy, RunStatus status, bool deviated)
{
    switch (strategy) {
    case RollbackStrategy::Always:
        return { true, "Rollbacks were explicitly requested to be played" };
    case RollbackStrategy::Never:
        return { false, "Rollbacks were explicitly requested to not be played" };
    case RollbackStrategy::Deviated:
        if (deviated)
            return { true, "Rollbacks will be played only because the experiment deviated" };
        return { false,
            "Rollbacks were explicitly requested to be played only if the experiment "
            "deviated. Since this is not the case, we will not play them." };
    case RollbackStrategy::Default:
        break;
    }
    if (status == RunStatus::Failed || status == RunStatus::Interrupted)
        return { false,
            "Rollbacks were not played because the experiment ended with status \""
                + statusName(status)
                + "\" and the rollback strategy is \"default\", as in Chaos Toolkit. Undo "
                  "its changes by hand, or rerun with --rollback-strategy always" };
    return { true, {} };
}

} // namespace chaoslab::chaostoolkit
