// Factories of the seven toxic stages, one file each. The type table in toxicstage.cpp
// maps Toxiproxy's type names to them.
#pragma once

#include "toxicstage.h"

namespace chaoslab::engine {

std::unique_ptr<ToxicStage> makeLatencyStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeBandwidthStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeSlowCloseStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeTimeoutStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeResetPeerStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeSlicerStage(const ToxicSpec& spec, const StageContext& context);
std::unique_ptr<ToxicStage> makeLimitDataStage(const ToxicSpec& spec, const StageContext& context);

} // namespace chaoslab::engine
