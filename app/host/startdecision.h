// The console's next step after it sends GET /version to a Toxiproxy address: use the
// server that responded, start the built-in engine because nothing responded on a loopback
// address, or report why neither is possible.
#pragma once

#include "toxiproxy/apiresult.h"

#include <QString>
#include <QUrl>

namespace chaoslab::host {

enum class StartAction {
    // A Toxiproxy server, or a Chaos Lab engine in another process, responded.
    UseServer,
    // Nothing responded (connection refused or timed out) at an address the built-in engine
    // may serve.
    StartBuiltIn,
    // Report the message and start nothing.
    Fail,
    // The check was cancelled, so there is nothing to report.
    Ignore,
};

struct StartDecision
{
    StartAction action = StartAction::Fail;
    // For Fail: what is wrong and what to do next.
    QString message;
};

StartDecision decideStart(const toxiproxy::ApiResult& versionResult, const QUrl& url);

} // namespace chaoslab::host
