#!/usr/bin/env bash
# Invoke throughput of `wfconsole serve` with history in SQLite (the default) and in PostgreSQL
# (--database), with one and two instances, in one run on this machine: requests/s and p50/p99 latency
# of the public 5-card flow at 16 and 64 connections. Two instances sit behind nginx (the sample
# packaging/nginx-wfconsole.conf); one instance is measured both directly and behind nginx, so that the
# balancer's own cost is visible. Every configuration starts from empty history.
# Usage: tests/bench/scaleout.sh [seconds-per-run]
#   WF_TEST_DATABASE_URL: the PostgreSQL database to use (emptied); without it a private cluster is
#   started (.ci/postgresql.sh). WFCONSOLE: a wfconsole binary to measure instead of a Release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
for tool in wrk nginx psql; do
    command -v "$tool" >/dev/null || { echo "scaleout.sh needs $tool (Debian: wrk, nginx, postgresql)" >&2; exit 2; }
done

if [ -z "${WFCONSOLE:-}" ]; then
    cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build build/bench --target wfconsole >/dev/null
    WFCONSOLE="$PWD/build/bench/app/wfconsole"
fi
bin="$WFCONSOLE"

work=$(mktemp -d)
chmod 755 "$work"
source .ci/postgresql.sh
cleanup() {
    kill $(jobs -p) 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && nginx -p "$work" -c nginx.conf -s stop 2>/dev/null
    wf_pg_stop
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${WF_TEST_DATABASE_URL:-}" ]; then
    wf_pg_start >/dev/null
fi
database="$WF_TEST_DATABASE_URL"

ports=(18950 18951 18952) # instance 1, instance 2, nginx
"$bin" flows -w "$work/ws" >/dev/null 2>&1 # creates the sample workspace
# No rate limit for a load test; URLs and tokens name the balancer.
python3 - "$work/ws/workspace.json" "http://127.0.0.1:${ports[2]}" <<'PY'
import json, sys
path, base = sys.argv[1], sys.argv[2]
ws = json.load(open(path))
ws["settings"]["rateLimitPerSecond"] = 0
ws["settings"]["publicBaseUrl"] = base
json.dump(ws, open(path, "w"), indent=4, sort_keys=True)
PY
path=$("$bin" flows -w "$work/ws" --json 2>/dev/null | python3 -c "
import json, sys
flows = {f['id']: f for f in json.load(sys.stdin)}
print('/api/flo/' + flows['hello-public']['alias'] + '/invoke?lang=fr')")

mkdir -p "$work/logs"
{
    echo "worker_processes 1; pid nginx.pid; error_log logs/error.log;"
    echo "events { worker_connections 1024; } http { access_log off;"
    sed -e "/server 127.0.0.1:[0-9]*/d" \
        -e "s/upstream wfconsole {/upstream wfconsole {\n server 127.0.0.1:${ports[0]} max_fails=0;\n server 127.0.0.1:${ports[1]} max_fails=0;/" \
        -e "s/listen [^;]*;/listen 127.0.0.1:${ports[2]};/" packaging/nginx-wfconsole.conf
    echo "}"
} >"$work/nginx.conf"
sed "/127.0.0.1:${ports[1]}/d" "$work/nginx.conf" >"$work/nginx-one.conf"

start() { # instances database-argument...
    local n=$1
    shift
    for i in $(seq 0 $((n - 1))); do
        "$bin" serve -w "$work/ws" --port "${ports[$i]}" "$@" >"$work/serve$i.log" 2>&1 &
    done
    for i in $(seq 0 $((n - 1))); do
        for _ in $(seq 100); do curl -fs "http://127.0.0.1:${ports[$i]}/health" >/dev/null && break; sleep 0.1; done
    done
}
stop() {
    kill $(jobs -p) 2>/dev/null || true
    wait 2>/dev/null || true
}
balance() { # config file
    [ -f "$work/nginx.pid" ] && nginx -p "$work" -c nginx.conf -s stop 2>/dev/null && sleep 0.5
    cp "$1" "$work/nginx.conf.live"
    nginx -p "$work" -c nginx.conf.live
}
reset_database() {
    psql -q "$database" -c "SET client_min_messages = warning" \
        -c "DROP TABLE IF EXISTS executions, paused_executions, schema_version, replay_jtis, rate_buckets"
}
measure() { # url connections
    local out rps p50 p99 errors
    out=$(wrk -t 2 -c "$2" -d "${seconds}s" --latency "$1")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
    echo "$rps $p50 $p99 ${errors:-ok}"
}
row() { # name url
    for conns in 16 64; do
        read -r rps p50 p99 err < <(measure "$2" "$conns")
        printf '%-36s %5d %10.0f %10s %10s  %s\n' "$1" "$conns" "$rps" "$p50" "$p99" "$err"
    done
}

direct="http://127.0.0.1:${ports[0]}$path"
balanced="http://127.0.0.1:${ports[2]}$path"
echo "$(nproc) CPUs; ${seconds}s per run; public 5-card flow, history on"
printf '%-36s %5s %10s %10s %10s  %s\n' configuration conns "req/s" p50 p99 notes
start 1
row "SQLite, 1 instance" "$direct"
stop
rm -f "$work/ws/history.db"*

reset_database
start 1 --database "$database"
row "PostgreSQL, 1 instance" "$direct"
balance "$work/nginx-one.conf"
row "PostgreSQL, 1 instance behind nginx" "$balanced"
stop
echo "  history rows: $(psql -tA "$database" -c 'SELECT COUNT(*) FROM executions')"

reset_database
start 2 --database "$database"
balance "$work/nginx.conf"
row "PostgreSQL, 2 instances behind nginx" "$balanced"
stop
echo "  history rows: $(psql -tA "$database" -c 'SELECT COUNT(*) FROM executions')"
