#!/usr/bin/env bash
# The authorization server under load, in one run on this machine:
# - tokens issued per second by POST /oauth2/v1/token at 16 connections, with the client assertions
#   signed ahead of time (the client's signing is not measured), beside 0.85 x the single-core
#   `openssl speed rsa2048` sign rate measured in the same run (each token is one RSA 2048 signature);
# - invoke throughput of the same flow secured with OAuth 2.0 (one bearer token, as a client reuses
#   it for an hour) beside the public flow, at 16 connections.
# Usage: tests/bench/oauth.sh [seconds-per-run]   (installs wrk with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk >/dev/null

cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build/bench --target wfconsole wfbench_assertions >/dev/null
bin="$PWD/build/bench/app/wfconsole"
signer="$PWD/build/bench/tests/wfbench_assertions"

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
port=18910
base="http://127.0.0.1:$port"
export DBUS_SESSION_BUS_ADDRESS=disabled: # secrets in the workspace's 0600 file, never a desktop keychain
"$bin" flows -w "$work/ws" >/dev/null 2>&1 # creates the sample workspace
"$bin" apps create "Load test" --grant okta.workflows.invoke.manage --json -w "$work/ws" >"$work/app.json" 2>/dev/null
clientId=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['clientId'])" "$work/app.json")
python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['privateKey']))" "$work/app.json" >"$work/key.jwk"
# No rate limit for a load test, and the public flow again behind OAuth 2.0, so the two differ only in
# their security level.
python3 - "$work/ws/workspace.json" <<'PY'
import copy, json, secrets, sys
path = sys.argv[1]
ws = json.load(open(path))
ws["settings"]["rateLimitPerSecond"] = 0
hello = next(f for f in ws["flows"] if f["id"] == "hello-public")
guarded = copy.deepcopy(hello)
guarded.update(id="hello-oauth", name="Hello (OAuth 2.0)", alias=secrets.token_hex(16))
guarded["endpoint"].update(security="oauth2")
ws["flows"].append(guarded)
json.dump(ws, open(path, "w"), indent=4, sort_keys=True)
PY
"$bin" serve -w "$work/ws" --port $port >"$work/serve.log" 2>&1 &
for _ in $(seq 50); do curl -fs "$base/health" >/dev/null && break; sleep 0.1; done

# The reference: one core signing with RSA 2048, as the token endpoint does for each token.
opensslSigns=$(openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6}')
target=$(python3 -c "print(round(0.85 * $opensslSigns))")

# Enough assertions for the whole run at twice the target, each used once (a reuse would be a replay).
count=$(( target * 2 * seconds + 1000 ))
"$signer" "$clientId" "$work/key.jwk" "$base/oauth2/v1/token" $count >"$work/assertions.txt"
cat >"$work/token.lua" <<'LUA'
local counter, threads = 0, {}
function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end
function init(args)
    assertions = {}
    local i = 0
    for line in io.lines(args[1]) do
        if i % tonumber(args[2]) == id then table.insert(assertions, line) end
        i = i + 1
    end
    position = 1
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
function request()
    local assertion = assertions[position]
    position = position + 1
    return wrk.format(nil, nil, nil,
        "grant_type=client_credentials&scope=okta.workflows.invoke.manage" ..
        "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer" ..
        "&client_assertion=" .. assertion)
end
LUA

measure() { # url [wrk args...]
    local url=$1 out rps p99 errors
    shift
    out=$(wrk -t 2 -c 16 -d "${seconds}s" --latency "$url" "$@")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
    echo "$rps $p99 ${errors:-ok}"
}

read -r tokens tokensP99 tokenErrors < <(measure "$base/oauth2/v1/token" -s "$work/token.lua" -- "$work/assertions.txt" 2)

accessToken=$("$bin" token --client-id "$clientId" --key "$work/key.jwk" --url "$base" 2>"$work/token.err")
urls=$("$bin" flows -w "$work/ws" --json 2>/dev/null | python3 -c "
import json, sys
flows = {f['id']: f for f in json.load(sys.stdin)}
for id in ('hello-public', 'hello-oauth'):
    print(flows[id]['invokeUrl'].replace(':8787/', ':$port/') + '?lang=fr')")
# In the order public, OAuth, OAuth, public, so that a drift over the run (the history database grows)
# weighs on both alike; each figure is the mean of its two runs.
read -r public1 publicP99 publicErrors < <(measure "$(sed -n 1p <<<"$urls")")
read -r oauth1 oauthP99 oauthErrors < <(measure "$(sed -n 2p <<<"$urls")" -H "Authorization: Bearer $accessToken")
read -r oauth2 _ oauthErrors2 < <(measure "$(sed -n 2p <<<"$urls")" -H "Authorization: Bearer $accessToken")
read -r public2 _ publicErrors2 < <(measure "$(sed -n 1p <<<"$urls")")
public=$(python3 -c "print(($public1 + $public2) / 2)")
oauth=$(python3 -c "print(($oauth1 + $oauth2) / 2)")
[ "$publicErrors2" = ok ] || publicErrors="$publicErrors2"
[ "$oauthErrors2" = ok ] || oauthErrors="$oauthErrors2"

printf '%-44s %10s %9s  %s\n' measure "per s" p99 notes
printf '%-44s %10.0f %9s  %s\n' "openssl speed rsa2048 sign, 1 core" "$opensslSigns" - -
printf '%-44s %10.0f %9s  %s\n' "target: 0.85 x that" "$target" - -
printf '%-44s %10.0f %9s  %s\n' "token endpoint, 16 connections" "$tokens" "$tokensP99" "$tokenErrors"
printf '%-44s %10.0f %9s  %s\n' "public invoke, 16 connections" "$public" "$publicP99" "$publicErrors"
printf '%-44s %10.0f %9s  %s\n' "OAuth 2.0 invoke, 16 connections" "$oauth" "$oauthP99" "$oauthErrors"
python3 -c "print('token endpoint / target: %.2f; OAuth invoke / public invoke: %.2f' % ($tokens / $target, $oauth / $public))"
