// `chaoslab probe URL`: probes one service from the command line, prints a line per second
// and a summary, or with --json one JSON object at the end (see probereport.h).
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns the process exit code: 0 after
// the run, whatever the attempts' outcomes; 2 for invalid arguments.
int runProbeCommand(int argc, char** argv);

} // namespace chaoslab::cli
