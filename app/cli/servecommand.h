// `chaoslab serve`: the built-in engine alone, headless, serving the Toxiproxy API.
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns the process exit code: 0 after
// SIGINT or SIGTERM, 1 when the engine cannot start, 2 for invalid arguments.
int runServeCommand(int argc, char** argv);

} // namespace chaoslab::cli
