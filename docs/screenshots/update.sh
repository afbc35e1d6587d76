#!/usr/bin/env bash
# Takes the screenshots of this folder again: the real console on a fresh sample workspace, 1280x800
# under Xvfb, after real requests went through its server. Needs a configured build (default
# build/dev; BUILD_DIR=... for another). The Flows page again in French and Japanese (main-fr.png,
# main-ja.png) needs a Japanese font (fonts-ipafont-gothic).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build/dev}
cmake --build "$build" --target wfscreenshots
export QT_QPA_PLATFORM=xcb
export HOME=$(mktemp -d) # a fresh QSettings: default window state, no last workspace
xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/wfscreenshots" "$here"
for language in fr ja; do
    WF_SCREENSHOT_LANGUAGE=$language xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/wfscreenshots" "$here"
done
