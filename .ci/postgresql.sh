# Sourced by .ci/run: a private PostgreSQL cluster on a free loopback port for the tests that need one,
# run as an unprivileged user (PostgreSQL refuses to run as root). wf_pg_start exports
# WF_TEST_DATABASE_URL (a role with a password, over TCP) and WF_TEST_DATABASE_CTL (a script taking
# "stop" or "start", for the tests of a database outage); wf_pg_stop stops the cluster and removes it.

wf_pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

wf_pg_start() {
    local bin
    bin=$(wf_pg_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL is not installed: the PostgreSQL tests will be skipped" >&2
        return 0
    fi
    WF_PG_DIR=$(mktemp -d /tmp/wf-postgresql.XXXXXX)
    local as=()
    if [ "$(id -u)" = 0 ]; then
        chown nobody: "$WF_PG_DIR"
        as=(runuser -u nobody --)
    fi
    chmod 700 "$WF_PG_DIR"
    "${as[@]}" "$bin/initdb" -D "$WF_PG_DIR/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 >"$WF_PG_DIR/initdb.log" 2>&1
    local port
    for port in $(seq 55432 55531); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # in use
        cat >"$WF_PG_DIR/ctl" <<CTL
#!/bin/sh
# \$1: stop or start this test cluster.
case "\$1" in
stop) exec ${as[*]} "$bin/pg_ctl" -D "$WF_PG_DIR/data" -m fast -w stop ;;
start) exec ${as[*]} "$bin/pg_ctl" -D "$WF_PG_DIR/data" -l "$WF_PG_DIR/server.log" -w \
    -o "-p $port -k $WF_PG_DIR -c listen_addresses=127.0.0.1" start ;;
*) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
CTL
        chmod 755 "$WF_PG_DIR/ctl"
        if "$WF_PG_DIR/ctl" start >/dev/null; then
            local password
            password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
            "${as[@]}" "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$WF_PG_DIR" -p "$port" -U postgres -d postgres \
                -c "CREATE ROLE wf LOGIN PASSWORD '$password'" -c "CREATE DATABASE wftest OWNER wf"
            export WF_TEST_DATABASE_URL="postgresql://wf:$password@127.0.0.1:$port/wftest"
            export WF_TEST_DATABASE_CTL="$WF_PG_DIR/ctl"
            echo "PostgreSQL test cluster on 127.0.0.1:$port ($WF_PG_DIR)"
            return 0
        fi
    done
    echo "cannot start a PostgreSQL test cluster (see $WF_PG_DIR/server.log)" >&2
    return 1
}

wf_pg_stop() {
    [ -n "${WF_PG_DIR:-}" ] || return 0
    "$WF_PG_DIR/ctl" stop >/dev/null 2>&1 || true
    rm -rf "$WF_PG_DIR"
    WF_PG_DIR=
}
