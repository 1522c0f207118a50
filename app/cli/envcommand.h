// `chaoslab env up|down|status`: the local lab stack without Docker.
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns the process exit code: 0 on
// success, 1 when a service failed or a process survived `down`, 2 for invalid arguments.
int runEnvCommand(int argc, char** argv);

} // namespace chaoslab::cli
