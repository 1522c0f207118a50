#!/usr/bin/env bash
# Sets up and builds Chaos Lab, then starts it with the given arguments: with none, the
# console window opens. `scripts/run.sh env ...` also installs the lab stack's servers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = env ]; then
    "$root/scripts/setup.sh" --stack >&2
else
    "$root/scripts/setup.sh" >&2
fi
exec "$root/build/app/chaoslab" "$@"
