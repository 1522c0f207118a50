// `chaoslab run`: runs a Chaos Toolkit experiment headless and writes its journal.
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns the exit code of `chaos run`:
// 0 when the experiment completed, 1 when it failed, deviated, was aborted or interrupted, or
// could not be loaded, and 2 for invalid arguments.
int runRunCommand(int argc, char** argv);

} // namespace chaoslab::cli
