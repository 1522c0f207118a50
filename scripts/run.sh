#!/usr/bin/env bash
# Sets up and builds Chaos Lab, then starts it with the given arguments: with none, the
# console window opens.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" >&2
exec "$root/build/app/chaoslab" "$@"
