// `chaoslab demo-http`: the demo HTTP service alone, headless, as an upstream for proxies
// in labs and experiments.
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns the process exit code: 0 after
// SIGINT or SIGTERM, 1 when the service cannot listen, 2 for invalid arguments.
int runDemoHttpCommand(int argc, char** argv);

} // namespace chaoslab::cli
