// `chaoslab lab validate FILE...`: checks lab files and prints every problem as
// FILE:LINE:COLUMN: MESSAGE, the form editors and CI logs link to.
#pragma once

namespace chaoslab::cli {

// Runs the command; argv[0] is the command's name. Returns 0 when every file is valid, 1
// when any is not, 2 for invalid arguments.
int runLabCommand(int argc, char** argv);

} // namespace chaoslab::cli
