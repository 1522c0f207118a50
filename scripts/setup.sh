#!/usr/bin/env bash
# Installs the Debian packages Chaos Lab needs (only those missing) and builds it in
# build/. Safe to run again: a set-up machine goes straight to an incremental build.
# Usage: scripts/setup.sh [--tests]. With --tests it also installs what the tests use:
# real servers for the probe tests and the JSON Schema checker.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    cmake ninja-build g++ clang-format python3
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-l10n-tools qt6-tools-dev
    qt6-tools-dev-tools qt6-translations-l10n
    nlohmann-json3-dev fonts-dejavu-core
)
if [ "${1:-}" = "--tests" ]; then
    # Real servers for the probe tests (tests/services/services.sh), and jsonschema for
    # the lab schema test.
    packages+=(redis-server mariadb-server postgresql rabbitmq-server python3-jsonschema)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$root/build/build.ninja" ]; then
    cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$root/build"
