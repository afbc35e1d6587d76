#!/usr/bin/env bash
# Leak check of `wfconsole serve`: RSS after the first 10,000 invocations of the public 5-card flow
# (history on) and after TOTAL invocations (default 1,000,000), and their ratio.
# Usage: tests/bench/memory.sh [total]   (installs wrk with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
total="${1:-1000000}"
command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk >/dev/null
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build/bench --target wfconsole >/dev/null
bin="$PWD/build/bench/app/wfconsole"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
port=18990
"$bin" flows -w "$work/ws" >/dev/null 2>&1
python3 - "$work/ws/workspace.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
ws["settings"]["rateLimitPerSecond"] = 0
json.dump(ws, open(sys.argv[1], "w"), indent=4, sort_keys=True)
PY
"$bin" serve -w "$work/ws" --port $port >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
url=$("$bin" flows -w "$work/ws" --json 2>/dev/null |
    python3 -c "import json,sys; print([f for f in json.load(sys.stdin) if f['id']=='hello-public'][0]['invokeUrl'].replace(':8787/', ':$port/'))")
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
# wrk runs for a time, not a count: run it in slices and count the requests it reports.
done_requests=0
run_until() { # target
    while [ "$done_requests" -lt "$1" ]; do
        local left=$(( $1 - done_requests ))
        local secs=$(( left / 2000 + 1 )); [ $secs -gt 30 ] && secs=30
        local n
        n=$(wrk -t2 -c16 -d${secs}s "$url" | awk '/requests in/ {print $1}')
        done_requests=$(( done_requests + n ))
    done
}
run_until 10000
first=$(rss); first_count=$done_requests
run_until "$total"
last=$(rss)
printf 'after %d invocations: RSS %d KiB\nafter %d invocations: RSS %d KiB\nratio: %s\n' \
    "$first_count" "$first" "$done_requests" "$last" "$(python3 -c "print(round($last/$first, 3))")"
