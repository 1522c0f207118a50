#!/usr/bin/env bash
# Brings the local lab stack up and down for the environment tests, with `chaoslab env` on
# free loopback ports and a throwaway data folder, so a user's own stack on the default
# ports is left alone.
#
#   envstack.sh up CHAOSLAB DIR      writes DIR/ports.json, then runs chaoslab env up
#   envstack.sh down CHAOSLAB DIR    runs chaoslab env down --purge
#
# `up` exits 77 (skipped) when not run as root or when a server package is missing. The
# tests that need the stack then skip too, because DIR/ports.json is absent.
set -euo pipefail

action=${1:?usage: envstack.sh up|down CHAOSLAB DIR}
chaoslab=${2:?chaoslab executable expected}
dir=${3:?data folder expected}

free_ports() {
    python3 - "$1" <<'PY'
import socket, sys
sockets = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
PY
}

write_ports() {
    local names=(api mariadb rabbitmq rabbitmq_dist epmd redis postgres mongodb demo_http
        order_api notifier mysql_proxy rabbitmq_proxy mongo_proxy redis_proxy postgres_proxy
        demo_api)
    local ports
    read -r -a ports <<<"$(free_ports ${#names[@]})"
    local i json="{"
    for i in "${!names[@]}"; do
        [ "$i" -eq 0 ] || json+=", "
        json+="\"${names[$i]}\": ${ports[$i]}"
    done
    echo "$json}" >"$dir/ports.json.new"
}

case $action in
up)
    "$chaoslab" env down --dir "$dir" --purge >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -ne 0 ]; then
        echo "envstack: the stack tests run the servers as root here; skipping"
        exit 77
    fi
    for program in mariadbd redis-server /usr/lib/rabbitmq/bin/rabbitmq-server; do
        command -v "$program" >/dev/null || {
            echo "envstack: $program is not installed (scripts/setup.sh --tests); skipping"
            exit 77
        }
    done
    write_ports
    # ports.json appears only after a successful up, so the tests skip after a failed one.
    "$chaoslab" env up --dir "$dir" --ports "$dir/ports.json.new"
    mv "$dir/ports.json.new" "$dir/ports.json"
    ;;
down)
    [ -d "$dir" ] || exit 0
    "$chaoslab" env down --dir "$dir" --purge
    rm -f "$dir/ports.json"
    ;;
*)
    echo "envstack: unknown action '$action'; expected up or down" >&2
    exit 2
    ;;
esac
