#!/usr/bin/env bash
# Starts and stops real Redis, MariaDB, PostgreSQL and RabbitMQ servers for the probe tests.
# Each server listens on a free 127.0.0.1 port and keeps its data in a throwaway folder.
#
#   services.sh install                      installs the missing Debian packages
#   services.sh start NAME... --dir D        NAME: redis mariadb postgres rabbitmq
#   services.sh stop --dir D                 stops what `start` started, by PID
#
# `start` skips a service whose server binary is not installed and prints which one. It writes
# D/services.env with the ports and logins of the services that are ready:
#   REDIS_PORT, REDIS_USER, REDIS_PASSWORD (an ACL user; the default user has no password)
#   MARIADB_PORT, MARIADB_USER, MARIADB_PASSWORD (mysql_native_password, for 127.0.0.1,
#     127.0.0.2, 127.0.0.3 and localhost). MariaDB 10.11 has no caching_sha2_password server plugin,
#     so no such user exists. The server runs with max_connect_errors=5.
#   MARIADB_HOST_CACHE: 1 when the server blocks 127.0.0.2 and 127.0.0.3 after aborted
#     handshakes, 0 when it could not be set up to (see start_mariadb).
#   POSTGRES_PORT, POSTGRES_DATABASE, POSTGRES_USER, POSTGRES_PASSWORD (scram-sha-256),
#     POSTGRES_MD5_USER, POSTGRES_MD5_PASSWORD (md5)
#   RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD
# A test that needs a service missing from that file skips itself.
set -euo pipefail

packages=(redis-server mariadb-server postgresql rabbitmq-server)
pg_bin=/usr/lib/postgresql/15/bin
rabbit_bin=/usr/lib/rabbitmq/bin

die() {
    echo "services: $*" >&2
    exit 1
}

say() {
    echo "services: $*" >&2
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_until() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

record_env() {
    echo "$1=$2" >>"$dir/services.env"
}

record_pid() {
    echo "$2" >>"$dir/$1.pids"
}

start_redis() {
    command -v redis-server >/dev/null || { say "redis-server is not installed; skipping redis"; return; }
    local port
    port=$(free_port)
    rm -rf "$dir/redis"
    mkdir -p "$dir/redis"
    # The default user keeps "nopass" so that a probe without credentials gets PONG.
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir/redis" --save '' --appendonly no \
        --logfile "$dir/redis/redis.log" --user chaoslab on '>redis-secret' '~*' '&*' '+@all' \
        </dev/null >/dev/null 2>&1 &
    record_pid redis $!

    wait_until 10 bash -c "redis-cli -p $port ping | grep -q PONG" \
        || die "redis did not answer PING on port $port; see $dir/redis/redis.log"
    record_env REDIS_PORT "$port"
    record_env REDIS_USER chaoslab
    record_env REDIS_PASSWORD redis-secret
}

mariadb_sql() {
    mariadb --no-defaults --socket="$dir/mariadb/mariadb.sock" -uroot -e "$1"
}

# MariaDB counts aborted handshakes per client host and blocks a host after
# max_connect_errors of them, but only for hosts it resolved by name, and never for
# 127.0.0.1. So the server runs in its own mount namespace with a hosts file that names
# 127.0.0.2 and 127.0.0.3, which lets tests check blocking from those addresses without any
# DNS query. Where no namespace can be made, name resolution is skipped, which disables
# blocking. Sets mariadb_host_cache to 1 or 0 accordingly.
launch_mariadbd() {
    local port=$1 hosts="$dir/mariadb/hosts" resolve=(--skip-name-resolve)
    mariadb_host_cache=0
    if unshare --mount --propagation private true 2>/dev/null; then
        resolve=()
        mariadb_host_cache=1
    fi
    {
        cat /etc/hosts
        echo "127.0.0.2 chaoslab-probe-client"
        echo "127.0.0.3 chaoslab-blocked-client"
    } >"$hosts"

    local server=(mariadbd --no-defaults --datadir="$dir/mariadb/data" --user=root
        --bind-address=127.0.0.1 --port="$port" --socket="$dir/mariadb/mariadb.sock"
        --skip-log-bin --innodb-buffer-pool-size=64M --max-connect-errors=5
        --log-error="$dir/mariadb/error.log" "${resolve[@]}")
    if [ "$mariadb_host_cache" = 1 ]; then
        unshare --mount --propagation private sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' \
            "$hosts" "${server[@]}" </dev/null >/dev/null 2>&1 &
    else
        "${server[@]}" </dev/null >/dev/null 2>&1 &
    fi
    record_pid mariadb $!
}

start_mariadb() {
    command -v mariadbd >/dev/null || { say "mariadbd is not installed; skipping mariadb"; return; }
    local port
    port=$(free_port)
    rm -rf "$dir/mariadb"
    mkdir -p "$dir/mariadb"
    mariadb-install-db --no-defaults --datadir="$dir/mariadb/data" --user=root \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/mariadb/install.log" 2>&1 \
        || die "mariadb-install-db failed; see $dir/mariadb/install.log"

    launch_mariadbd "$port"
    wait_until 30 mariadb-admin --no-defaults --socket="$dir/mariadb/mariadb.sock" -uroot ping \
        || die "mariadb did not start on port $port; see $dir/mariadb/error.log"

    local host
    for host in 127.0.0.1 127.0.0.2 127.0.0.3 localhost; do
        mariadb_sql "CREATE USER 'chaoslab'@'$host' IDENTIFIED VIA mysql_native_password
            USING PASSWORD('mariadb-secret'); GRANT ALL ON *.* TO 'chaoslab'@'$host';"
    done
    record_env MARIADB_PORT "$port"
    record_env MARIADB_USER chaoslab
    record_env MARIADB_PASSWORD mariadb-secret
    record_env MARIADB_HOST_CACHE "$mariadb_host_cache"
}

as_postgres() {
    runuser -u postgres -- "$@"
}

postgres_sql() {
    as_postgres "$pg_bin/psql" -h "$dir/postgres" -p "$1" -U postgres -d postgres -qAt -c "$2"
}

start_postgres() {
    [ -x "$pg_bin/postgres" ] || { say "$pg_bin/postgres is not installed; skipping postgres"; return; }
    local port
    port=$(free_port)
    rm -rf "$dir/postgres"
    mkdir -p "$dir/postgres"
    chown postgres: "$dir/postgres"
    as_postgres "$pg_bin/initdb" -D "$dir/postgres/data" -U postgres --auth=trust \
        >"$dir/postgres/initdb.log" 2>&1 || die "initdb failed; see $dir/postgres/initdb.log"

    # Over TCP the md5 user logs in with MD5, everyone else with SCRAM-SHA-256.
    cat >"$dir/postgres/data/pg_hba.conf" <<EOF
local all all trust
host all chaoslab_md5 127.0.0.1/32 md5
host all all 127.0.0.1/32 scram-sha-256
EOF
    as_postgres "$pg_bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/postgres -c fsync=off" start \
        >/dev/null || die "postgres did not start on port $port; see $dir/postgres/server.log"
    record_pid postgres "$(head -n 1 "$dir/postgres/data/postmaster.pid")"

    postgres_sql "$port" "SET password_encryption = 'scram-sha-256';
        CREATE ROLE chaoslab LOGIN PASSWORD 'postgres-secret'"
    postgres_sql "$port" "SET password_encryption = 'md5';
        CREATE ROLE chaoslab_md5 LOGIN PASSWORD 'postgres-md5-secret'"
    postgres_sql "$port" "CREATE DATABASE chaoslab OWNER chaoslab"
    record_env POSTGRES_PORT "$port"
    record_env POSTGRES_DATABASE chaoslab
    record_env POSTGRES_USER chaoslab
    record_env POSTGRES_PASSWORD postgres-secret
    record_env POSTGRES_MD5_USER chaoslab_md5
    record_env POSTGRES_MD5_PASSWORD postgres-md5-secret
}

start_rabbitmq() {
    [ -x "$rabbit_bin/rabbitmq-server" ] || { say "rabbitmq-server is not installed; skipping rabbitmq"; return; }
    local port dist_port epmd_port base="$dir/rabbitmq"
    port=$(free_port)
    dist_port=$(free_port)
    epmd_port=$(free_port)
    rm -rf "$base"
    mkdir -p "$base/home" "$base/mnesia" "$base/log"
    : >"$base/rabbitmq-env.conf"
    echo '[].' >"$base/enabled_plugins"
    cat >"$base/rabbitmq.conf" <<EOF
loopback_users = none
default_user = chaoslab
default_pass = rabbitmq-secret
EOF

    export HOME="$base/home" RABBITMQ_CONF_ENV_FILE="$base/rabbitmq-env.conf"
    export RABBITMQ_NODENAME="chaoslab-$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$dist_port"
    export RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log"
    export RABBITMQ_PID_FILE="$base/rabbitmq.pid" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
    export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$epmd_port"
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

    # A private epmd, started here so that its PID is known; the broker finds it running.
    epmd -address 127.0.0.1 -port "$epmd_port" </dev/null >"$base/log/epmd.log" 2>&1 &
    record_pid rabbitmq $!
    "$rabbit_bin/rabbitmq-server" </dev/null >"$base/log/console.log" 2>&1 &
    record_pid rabbitmq $!
    # On an idle machine the broker starts in 5-8 s; a busy CI machine may need much longer.
    wait_until 120 port_open "$port" \
        || die "rabbitmq did not listen on port $port; see $base/log/console.log"
    wait_until 60 "$rabbit_bin/rabbitmqctl" -q await_startup \
        || die "rabbitmq did not finish starting; see $base/log"
    # rabbitmq-server is a script that runs the Erlang VM as its child.
    record_pid rabbitmq "$(cat "$RABBITMQ_PID_FILE")"

    record_env RABBITMQ_PORT "$port"
    record_env RABBITMQ_USER chaoslab
    record_env RABBITMQ_PASSWORD rabbitmq-secret
}

# Stops the processes whose PIDs NAME.pids lists, newest first, and waits for them to exit.
stop_recorded() {
    local file=$1 pid
    for pid in $(tac "$file"); do
        kill "$pid" 2>/dev/null || continue
        wait_until 20 bash -c "! kill -0 $pid" || { say "PID $pid did not stop; killing it"; kill -9 "$pid" 2>/dev/null || true; }
    done
    rm -f "$file"
}

stop_all() {
    local file
    if [ -f "$dir/postgres.pids" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$dir/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    for file in "$dir"/*.pids; do
        [ -e "$file" ] && stop_recorded "$file"
    done
    rm -f "$dir/services.env"
}

install_packages() {
    local missing=() package
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"
}

command=${1:-}
[ $# -gt 0 ] && shift
names=()
dir=
while [ $# -gt 0 ]; do
    case $1 in
    --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
    redis | mariadb | postgres | rabbitmq) names+=("$1"); shift ;;
    *) die "unknown argument '$1'; expected redis, mariadb, postgres, rabbitmq or --dir D" ;;
    esac
done

case $command in
install) install_packages ;;
start)
    [ -n "$dir" ] || die "start needs --dir D, a folder for the servers' data"
    [ ${#names[@]} -gt 0 ] || die "start needs at least one of redis, mariadb, postgres, rabbitmq"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    stop_all
    # A failed start leaves nothing running.
    trap 'status=$?; [ $status -eq 0 ] || stop_all' EXIT
    : >"$dir/services.env"
    if [ "$(id -u)" -ne 0 ]; then
        # The servers run as root here, and PostgreSQL as the postgres user.
        say "start needs root; no service started, so the tests that need them skip"
        exit 0
    fi
    # The servers start side by side; RabbitMQ takes longest.
    starts=()
    for name in "${names[@]}"; do
        ("start_$name") &
        starts+=($!)
    done
    failed=0
    for pid in "${starts[@]}"; do
        wait "$pid" || failed=1
    done
    [ "$failed" -eq 0 ] || die "a service did not start; the messages above say which"
    cat "$dir/services.env"
    ;;
stop)
    [ -n "$dir" ] || die "stop needs --dir D, the folder given to start"
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_all
    ;;
*) die "usage: services.sh install | start NAME... --dir D | stop --dir D" ;;
esac
