#!/usr/bin/env bash
# Invoke throughput of `wfconsole serve` beside nginx answering the same JSON from a fixed location, in
# one run on this machine: requests/s and p50/p99 latency at 1, 16 and 64 connections for a public
# 5-card flow (history on) and a client-token flow, and ours as a percentage of nginx's; and the
# server's CPU time per request (µs), which what else runs on the machine disturbs less.
# Usage: tests/bench/serve.sh [seconds-per-run]   (installs wrk and nginx with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { apt-get install -y -qq --no-install-recommends "$tool" >/dev/null; }
done

cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build/bench --target wfconsole >/dev/null
bin="$PWD/build/bench/app/wfconsole"

work=$(mktemp -d)
chmod 755 "$work" # nginx workers read the answer file as an unprivileged user
trap 'kill $(jobs -p) 2>/dev/null; nginx -c "$work/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"' EXIT
port=18900
"$bin" flows -w "$work/ws" >/dev/null 2>&1 # creates the sample workspace
# No rate limit for a load test, and the public flow again behind a client token, so the two differ
# only in their security level.
clientToken=$(python3 -c "import secrets; print(secrets.token_hex(32))")
python3 - "$work/ws/workspace.json" "$clientToken" <<'PY'
import copy, hashlib, json, secrets, sys
path, token = sys.argv[1], sys.argv[2]
ws = json.load(open(path))
ws["settings"]["rateLimitPerSecond"] = 0
hello = next(f for f in ws["flows"] if f["id"] == "hello-public")
guarded = copy.deepcopy(hello)
guarded.update(id="hello-token", name="Hello (client token)", alias=secrets.token_hex(16))
guarded["endpoint"].update(security="clientToken", clientTokenSha256=hashlib.sha256(token.encode()).hexdigest())
ws["flows"].append(guarded)
json.dump(ws, open(path, "w"), indent=4, sort_keys=True)
PY
"$bin" serve -w "$work/ws" --port $port >"$work/serve.log" 2>&1 &
servePid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

urls=$("$bin" flows -w "$work/ws" --json 2>/dev/null | python3 -c "
import json, sys
flows = {f['id']: f for f in json.load(sys.stdin)}
print(flows['hello-public']['invokeUrl'].replace(':8787/', ':$port/') + '?lang=fr')
print(flows['hello-token']['invokeUrl'].split('?')[0].replace(':8787/', ':$port/') + '?lang=fr')")
public=$(sed -n 1p <<<"$urls")
tokenUrl=$(sed -n 2p <<<"$urls")

body=$(curl -fs "$public")
mkdir -p "$work/www"
printf '%s' "$body" >"$work/www/answer.json"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:18901;
        location = /answer { default_type application/json; alias $work/www/answer.json; }
    }
}
NGINX
nginx -c "$work/nginx.conf"

# CPU time (user + system, in clock ticks) the processes `pids` have used so far.
ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $t; }
hz=$(getconf CLK_TCK)
nginxPids() { echo "$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"; }

# wrk prints "Requests/sec: N" and latency percentiles with --latency. Also prints the server's CPU
# time per request (µs): less sensitive than requests/s to what else the machine runs meanwhile.
measure() { # url connections pids [header]
    local out before after
    before=$(ticks $3)
    if [ -n "${4:-}" ]; then
        out=$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${seconds}s" --latency -H "$4" "$1")
    else
        out=$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${seconds}s" --latency "$1")
    fi
    after=$(ticks $3)
    local rps p50 p99 errors requests cpu
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(python3 -c "print(round(1e6 * ($after - $before) / $hz / max(1, $requests)))")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
    echo "$rps $p50 $p99 $cpu ${errors:-ok}"
}

printf '%-28s %5s %12s %10s %10s %8s %9s  %s\n' target conns "req/s" p50 p99 "cpu µs" "% nginx" notes
for conns in 1 16 64; do
    read -r nrps np50 np99 ncpu nerr < <(measure "http://127.0.0.1:18901/answer" $conns "$(nginxPids)")
    printf '%-28s %5d %12.0f %10s %10s %8s %9s  %s\n' nginx $conns "$nrps" "$np50" "$np99" "$ncpu" 100 "$nerr"
    read -r rps p50 p99 cpu err < <(measure "$public" $conns $servePid)
    printf '%-28s %5d %12.0f %10s %10s %8s %9.1f  %s\n' "public 5-card flow" $conns "$rps" "$p50" "$p99" "$cpu" \
        "$(python3 -c "print(100*$rps/$nrps)")" "$err"
    read -r rps p50 p99 cpu err < <(measure "$tokenUrl" $conns $servePid "x-api-client-token: $clientToken")
    printf '%-28s %5d %12.0f %10s %10s %8s %9.1f  %s\n' "client-token flow (header)" $conns "$rps" "$p50" "$p99" "$cpu" \
        "$(python3 -c "print(100*$rps/$nrps)")" "$err"
done
echo "history rows: $("$bin" history -w "$work/ws" --limit 1000000000 --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
