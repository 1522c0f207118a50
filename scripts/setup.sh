#!/usr/bin/env bash
# Installs the Debian packages Chaos Lab needs (only those missing) and builds it in
# build/. Safe to run again: a set-up machine goes straight to an incremental build.
# Usage: scripts/setup.sh [--stack] [--tests]. With --stack it also installs the servers of
# the local lab stack (`chaoslab env up`); with --tests, those servers and what else the
# tests use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    cmake ninja-build g++ clang-format python3
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-l10n-tools qt6-tools-dev
    qt6-tools-dev-tools qt6-translations-l10n
    nlohmann-json3-dev fonts-dejavu-core
    # Client libraries of chaoslab-order-api and chaoslab-notifier, found with pkg-config.
    pkg-config libmariadb-dev librabbitmq-dev libmongoc-dev libbson-dev
)
stack=no
tests=no
for option in "$@"; do
    case "$option" in
        --stack) stack=yes ;;
        --tests) stack=yes tests=yes ;;
        *) echo "setup: unknown option $option; expected --stack or --tests" >&2; exit 2 ;;
    esac
done
if [ "$stack" = yes ]; then
    # The servers of the local lab stack, also started by the probe and lab tests
    # (tests/services/services.sh).
    packages+=(redis-server mariadb-server postgresql rabbitmq-server)
fi
if [ "$tests" = yes ]; then
    # jsonschema for the lab schema test.
    packages+=(python3-jsonschema)
    # docker-compose validates docker-compose.yml without a Docker engine; python3-yaml
    # reads its output in the compose test.
    packages+=(docker-compose python3-yaml)
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
