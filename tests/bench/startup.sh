#!/usr/bin/env bash
# Start-up time of the desktop console: from the start of the process to a usable window (shown,
# painted, and the event loop idle after the first paint), as `wfconsole` itself reports it with
# WF_STARTUP_PROBE=1 ("startup-ms: N", measured from the kernel's start time of the process). The
# first run starts on a fresh home and creates the sample workspace, as a first start does; the
# warm runs open that workspace again. In the same run, as a reference, the start-up time of a
# minimal Qt Widgets window measured the same way.
# Runs under Xvfb (1280x800x24) with a private D-Bus session and an unlocked gnome-keyring, so the
# secrets go to a real Secret Service (packages: xvfb xauth dbus-x11 gnome-keyring).
# Usage: tests/bench/startup.sh [warm-runs]   (default 5)
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$script")/../.."
runs="${1:-5}"

if [ -z "${WF_STARTUP_INNER:-}" ]; then
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
    log=$(mktemp)
    { [ -f build/release/build.ninja ] || cmake --preset release; } >"$log" 2>&1 &&
        cmake --build build/release --target wfconsole >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
    rm -f "$log"
    # The reference: a main window with a menu bar, a label and a status bar, nothing else.
    reference=build/release/wfbench_startup_reference
    if [ ! -x "$reference" ] || [ "$script" -nt "$reference" ]; then
        cat >build/release/wfbench_startup_reference.cpp <<'CPP'
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <unistd.h>

static long long msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (long long)(now.tv_sec * 1000.0 + now.tv_nsec / 1e6 -
                       fields.value(22 - 3).toLongLong() * 1000.0 / sysconf(_SC_CLK_TCK));
}

class Probe : public QObject {
public:
    explicit Probe(QWidget *window) : m_window(window) { qApp->installEventFilter(this); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == m_window) {
            qApp->removeEventFilter(this);
            QTimer::singleShot(0, this, [] {
                std::printf("startup-ms: %lld\n", msSinceProcessStart());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    QWidget *m_window;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello")));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 800);
    Probe probe(&window);
    window.show();
    return app.exec();
}
CPP
        # shellcheck disable=SC2046
        g++ -std=c++20 -O2 -fPIC -o "$reference" build/release/wfbench_startup_reference.cpp \
            $(pkg-config --cflags --libs Qt6Widgets)
    fi
    export WF_STARTUP_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$script" "$@"
fi

# Inside Xvfb and the private D-Bus session: a fresh home with an unlocked login keyring.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$XDG_DATA_HOME/keyrings"
eval "$(echo -n bench | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
unset QT_QPA_PLATFORM

app="$PWD/build/release/app/wfconsole"
reference="$PWD/build/release/wfbench_startup_reference"
workspace="$work/workspace"

measure() { # program args... -> prints the start-up milliseconds
    local out
    out=$(WF_STARTUP_PROBE=1 timeout 60 "$@" 2>"$work/stderr" || true)
    local ms
    ms=$(sed -n 's/^startup-ms: //p' <<<"$out")
    if [ -z "$ms" ]; then
        echo "no start-up figure from $1:" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
    echo "$ms"
}

stats() { # numbers... -> "median M ms (min A, max B)"
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median %d ms (min %d, max %d, %d runs)", m, v[1], v[NR], NR }'
}

echo "Start-up to a usable window (Xvfb 1280x800x24, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
refFirst=$(measure "$reference")
appFirst=$(measure "$app" --workspace "$workspace")
[ -f "$workspace/workspace.json" ] || { echo "the first run did not create the sample workspace" >&2; exit 1; }
echo "first run:  wfconsole ${appFirst} ms (fresh home, creates the sample workspace); reference ${refFirst} ms"

appWarm=()
refWarm=()
for i in $(seq "$runs"); do # alternated, so that a drift of the machine weighs on both alike
    appWarm+=("$(measure "$app" --workspace "$workspace")")
    refWarm+=("$(measure "$reference")")
    echo "warm run $i: wfconsole ${appWarm[-1]} ms; reference ${refWarm[-1]} ms"
done
echo "wfconsole (warm): $(stats "${appWarm[@]}")"
echo "reference (warm): $(stats "${refWarm[@]}")"
