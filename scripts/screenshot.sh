#!/usr/bin/env bash
# Takes the README's screenshot of the console and writes it to docs/screenshot.png (or $1).
# The console runs under Xvfb on a port where nothing listens, so it starts its built-in
# engine with the demo topology and its probe. A latency toxic is added through the API
# between two pauses, so the probe chart shows its effect.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/screenshot.png}
port=${CHAOSLAB_SCREENSHOT_PORT:-18474}

"$root/scripts/setup.sh" >/dev/null
for package in xvfb xauth imagemagick curl; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"
done

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_RUNTIME_DIR=$home
api=http://127.0.0.1:$port
xvfb-run -a -s '-screen 0 1600x1000x24' bash -c "
    '$root/build/app/chaoslab' --toxiproxy $api &
    console=\$!
    for _ in \$(seq 50); do curl -sf -A chaoslab-screenshot $api/proxies/demo_api >/dev/null && break; sleep 0.2; done
    # The probe chart shows a few seconds without toxics first, then the latency's effect.
    sleep 8
    curl -sf -A chaoslab-screenshot -X POST $api/proxies/demo_api/toxics \
        -d '{\"type\":\"latency\",\"attributes\":{\"latency\":300,\"jitter\":50}}' >/dev/null
    sleep 8
    import -window root -crop 1440x900+0+0 '$out'
    kill \$console
    wait \$console || true
"
echo "screenshot: $out"
