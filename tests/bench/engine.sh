#!/usr/bin/env bash
# Engine throughput (cards/s on a 20-card flow; For Each over 10,000 items) in an optimised build.
# Usage: tests/bench/engine.sh [seconds-per-figure]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build build/bench --target wfbench_engine >/dev/null
build/bench/tests/wfbench_engine "${1:-3}"
