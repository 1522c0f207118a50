#!/usr/bin/env bash
# Sets up and builds Chaos Lab, then runs every test. Arguments go to ctest, for example
# -R engine or -L style.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" --tests
cd "$root/build"
ctest --output-on-failure --timeout 600 "$@"
