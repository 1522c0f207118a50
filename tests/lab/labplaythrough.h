// Plays a lab through as a participant who presses "Do it for me", picks the correct answers
// and confirms every step, against a Toxiproxy API. Used by the tests of the bundled labs.
#pragma once

#include "lab/labdocument.h"
#include "lab/labsession.h"

#include "builtinengine.h"

#include "probes/probestatistics.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace chaoslab::labtest {

// Probe checks need a few seconds of samples each; the rest is room for a loaded machine.
constexpr int StepDeadlineMs = 30000;

// Called after each step completed, so a test can look at the probes while the step's
// toxics are still on.
using StepCompleted = std::function<void(const lab::LabStep& step, lab::LabSession& session)>;

// The path of the bundled lab file `name`.json in the source tree's labs folder.
QString bundledLabPath(const QString& name);

// Starts a session on `lab`, completes every step in order and finishes it. Fails the current
// test (QVERIFY) when a step's actions fail, a step does not complete within
// StepDeadlineMs, or the rollback is incomplete. The caller checks QTest::currentTestFailed()
// afterwards.
void playThrough(const lab::LabDocument& lab, toxiproxy::ToxiproxyClient* client,
    toxiproxy::ServerMonitor* monitor, const QString& dataFolder,
    const StepCompleted& stepCompleted = {});

// Plays `lab` through against `engine`'s API, as playThrough does, and checks that the
// engine's demo proxy demo_api starts without toxics and that finishing leaves it as it was.
void playThroughOnEngine(const lab::LabDocument& lab, const host::BuiltInEngine& engine,
    const StepCompleted& stepCompleted = {});

// Starts a built-in engine whose demo service and proxy listen on 127.0.0.1:18081 and
// 127.0.0.1:18080, the addresses the bundled labs name, and plays `lab` through on it with
// playThroughOnEngine. Skips the current test when another program listens on those ports, so
// the caller returns right after this call.
void playThroughOnFixedPorts(const lab::LabDocument& lab);

// The attempts of `probe` that ended since `fromMs` (milliseconds since the Unix epoch),
// counted from the start of that second.
probes::ProbeSummary attemptsSince(
    const lab::LabSession& session, const QString& probe, qint64 fromMs);

// The outcomes in `summary` with their counts, as "timed_out 4, ok 1", for failure messages.
QString describeOutcomes(const probes::ProbeSummary& summary);

} // namespace chaoslab::labtest
