#!/usr/bin/env bash
# Sets up and builds Chaos Lab, then starts it with the given arguments.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" >&2
if [ $# -eq 0 ]; then
    set -- serve
fi
exec "$root/build/app/chaoslab" "$@"
