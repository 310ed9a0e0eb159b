# Benchmarks/lib.sh — helpers shared by the benchmark scripts (sourced, not executed).
#
# Everything here is loopback-only and bounded in time. Processes started through
# bench_start are remembered by PID and stopped by bench_cleanup (installed as an
# EXIT/INT/TERM trap by bench_init).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
BENCH_BUILD_DIR="${BENCH_BUILD_DIR:-$BENCH_DIR/.build}"
BENCH_RESULTS_DIR="${BENCH_RESULTS_DIR:-$BENCH_DIR/results}"
BENCH_WRK_THREADS="${BENCH_WRK_THREADS:-2}"

BENCH_PIDS=()
BENCH_TMP=""

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- set-up ---------------------------------------------------------------------------

_apt_updated=0
_apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: $*"
        sudo="sudo"
    fi
    if [ "$_apt_updated" -eq 0 ]; then
        log "apt-get update"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
        _apt_updated=1
    fi
    log "apt-get install -y $*"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

# Installs whatever the benchmarks need and is missing (fresh Debian 12 / CI machines start bare).
bench_ensure_tools() {
    local missing=()
    command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libmicrohttpd 2>/dev/null; then
        missing+=(libmicrohttpd-dev)
    fi
    if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists sqlite3 2>/dev/null; then
        missing+=(libsqlite3-dev)
    fi
    if [ "${#missing[@]}" -gt 0 ]; then _apt_install "${missing[@]}"; fi
    # nginx lives in /usr/sbin, which is not on every user's PATH.
    NGINX_BIN="$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)"
}

# Many concurrent connections need many descriptors (both for the servers and for wrk).
bench_raise_nofile() {
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}

bench_init() {
    BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/pufa-bench.XXXXXX")"
    BENCH_LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    bench_raise_nofile
    mkdir -p "$BENCH_BUILD_DIR" "$BENCH_RESULTS_DIR"
}

bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${BENCH_PIDS[@]}"; do
        # Give each process up to 5 s to exit, then force it.
        local i
        for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    BENCH_PIDS=()
    if [ -n "$BENCH_TMP" ] && [ -d "$BENCH_TMP" ] && [ -z "${BENCH_KEEP_TMP:-}" ]; then
        rm -rf "$BENCH_TMP"
    fi
}

# bench_start NAME CMD... — starts CMD in the background, output to $BENCH_TMP/NAME.log.
# Sets BENCH_LAST_PID.
bench_start() {
    local name="$1"; shift
    "$@" >"$BENCH_TMP/$name.log" 2>&1 &
    BENCH_LAST_PID=$!
    BENCH_PIDS+=("$BENCH_LAST_PID")
}

# bench_stop PID — stops one process started with bench_start.
bench_stop() {
    local pid="$1" i keep=()
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for i in "${BENCH_PIDS[@]}"; do [ "$i" = "$pid" ] || keep+=("$i"); done
    BENCH_PIDS=("${keep[@]}")
}

# --- ports -----------------------------------------------------------------------------

_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a loopback port nobody listens on (and that this run has not handed out before),
# below the kernel's ephemeral range so that no client socket of wrk or curl can hold it.
_ports_given=" "
bench_free_port() {
    local p i lo=32768
    read -r lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
    [ "$lo" -gt 11000 ] || lo=61000   # unusual range: use the ports above it instead
    for i in $(seq 1 200); do
        if [ "$lo" = 61000 ]; then p=$(( 61000 + RANDOM % 4000 )); else p=$(( 10000 + RANDOM % (lo - 10000) )); fi
        case "$_ports_given" in *" $p "*) continue ;; esac
        if ! _port_in_use "$p"; then _ports_given="$_ports_given$p "; echo "$p"; return 0; fi
    done
    die "no free port found"
}

# bench_start_hello NAME MODE THREADS|- — starts hello.c on a free port (retrying if the bind
# loses a race). Sets HELLO_PORT and BENCH_LAST_PID.
bench_start_hello() {
    local name="$1" mode="$2" t="$3" attempt
    for attempt in 1 2 3 4 5; do
        HELLO_PORT="$(bench_free_port)"
        local args=(--port "$HELLO_PORT" --mode "$mode")
        [ "$t" != "-" ] && args+=(--threads "$t")
        bench_start "$name" "$HELLO_BIN" "${args[@]}"
        if bench_wait_http "http://127.0.0.1:$HELLO_PORT/healthz" "$BENCH_LAST_PID" 10; then return 0; fi
        log "hello ($mode, threads $t) did not start on port $HELLO_PORT: $(cat "$BENCH_TMP/$name.log")"
        bench_stop "$BENCH_LAST_PID"
    done
    die "hello ($mode, threads $t) did not start"
}

# bench_wait_http URL PID [SECONDS] — waits until URL answers (any HTTP status) or PID dies.
bench_wait_http() {
    local url="$1" pid="$2" secs="${3:-30}" i
    for i in $(seq 1 $((secs * 10))); do
        if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
        if curl -s -o /dev/null --max-time 1 "$url"; then return 0; fi
        sleep 0.1
    done
    return 1
}

# --- building the C reference ----------------------------------------------------------

# Builds Benchmarks/hello.c into $BENCH_BUILD_DIR/hello (when the source is newer). Sets HELLO_BIN.
bench_build_hello() {
    HELLO_BIN="$BENCH_BUILD_DIR/hello"
    if [ ! -x "$HELLO_BIN" ] || [ "$BENCH_DIR/hello.c" -nt "$HELLO_BIN" ]; then
        log "building $HELLO_BIN"
        # shellcheck disable=SC2046
        cc -O2 -Wall -o "$HELLO_BIN" "$BENCH_DIR/hello.c" $(pkg-config --cflags --libs libmicrohttpd) \
            || die "cannot build hello.c"
    fi
}

# Builds Benchmarks/durable.c (the C server that commits each PUT/POST durably before answering) into
# $BENCH_BUILD_DIR/durable (when the source is newer). Sets DURABLE_BIN.
bench_build_durable() {
    DURABLE_BIN="$BENCH_BUILD_DIR/durable"
    if [ ! -x "$DURABLE_BIN" ] || [ "$BENCH_DIR/durable.c" -nt "$DURABLE_BIN" ]; then
        log "building $DURABLE_BIN"
        # shellcheck disable=SC2046
        cc -O2 -Wall -pthread -o "$DURABLE_BIN" "$BENCH_DIR/durable.c" $(pkg-config --cflags --libs libmicrohttpd sqlite3) \
            || die "cannot build durable.c"
    fi
}

# bench_start_durable NAME — starts durable.c on a free port with pufa's thread count (4) and a fresh database in the
# run's temp directory (retrying if the bind loses a race). Sets DURABLE_PORT, DURABLE_DB and BENCH_LAST_PID.
bench_start_durable() {
    local name="$1" attempt
    DURABLE_DB="$BENCH_TMP/$name.sqlite"
    for attempt in 1 2 3 4 5; do
        DURABLE_PORT="$(bench_free_port)"
        bench_start "$name" "$DURABLE_BIN" --port "$DURABLE_PORT" --threads 4 --db "$DURABLE_DB"
        if bench_wait_http "http://127.0.0.1:$DURABLE_PORT/healthz" "$BENCH_LAST_PID" 10; then return 0; fi
        log "durable did not start on port $DURABLE_PORT: $(cat "$BENCH_TMP/$name.log")"
        bench_stop "$BENCH_LAST_PID"
    done
    die "durable did not start"
}

# --- wrk -------------------------------------------------------------------------------

# bench_wrk OUTFILE CONNECTIONS DURATION URL [wrk args...] [-- script args...]
# Runs wrk and prints "RPS P99_MS NON2XX SOCKET_ERRORS" (one line).
bench_wrk() {
    local out="$1" conns="$2" dur="$3" url="$4"; shift 4
    local threads="$BENCH_WRK_THREADS" args=() script_args=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
    [ "$#" -gt 0 ] && script_args=("$@")   # "--" and what follows go after the URL, to the Lua script
    [ "$threads" -gt "$conns" ] && threads="$conns"
    local secs="${dur%s}"
    timeout $(( ${secs%%[!0-9]*} + 60 )) \
        wrk -t"$threads" -c"$conns" -d"$dur" --timeout 5s --latency "${args[@]}" "$url" "${script_args[@]}" >"$out" 2>&1 || true
    [ -f "$out" ] || { echo "0 0 0 0"; return 0; }   # interrupted: the temp directory is gone
    awk '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /m$/)  { sub(/m$/, "", v);  return v * 60000 }
            if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
            return v + 0
        }
        /^Requests\/sec:/            { rps = $2 }
        $1 == "99%"                  { p99 = ms($2) }
        /Non-2xx or 3xx responses:/  { non2xx = $NF }
        /Socket errors:/ {
            gsub(",", ""); errs = $4 + $6 + $8 + $10
        }
        END {
            if (rps == "") rps = 0
            if (p99 == "") p99 = 0
            printf "%.0f %.2f %d %d\n", rps, p99, non2xx + 0, errs + 0
        }' "$out"
}

# --- machine info ----------------------------------------------------------------------

bench_machine_info() {
    local cpu
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"
    echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- host: nproc=$(nproc), CPU: ${cpu:-unknown}, kernel $(uname -r) ($(uname -m))"
    echo "- load average (1/5/15 min) at start: ${BENCH_LOAD_START:-?}, at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo "- libmicrohttpd $(pkg-config --modversion libmicrohttpd 2>/dev/null), $("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
}

# Float helpers (awk; no bc needed).
fdiv() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# --- scenario benchmarks ------------------------------------------------------------------

# bench_scenario_servers [EXTRA PUFA ARGS...] — what the scenario benchmarks (exam hour, quizzes) share: the tools,
# requests for Python, the C references — hello.c (HELLO_PORT) and durable.c (DURABLE_PORT, DURABLE_DB) — and a
# release pufa on a fresh data directory with an admin bench / bench-password-123 (PORT, DATA).
bench_scenario_servers() {
    bench_ensure_tools
    bench_init
    cd "$REPO_DIR"
    python3 -c "import requests" 2>/dev/null || python3 -m pip install -q requests
    bench_build_hello
    bench_build_durable
    if [ -z "${PUFA_BIN:-}" ]; then
        swift build -c release --product pufa >&2
        PUFA_BIN="$(swift build -c release --show-bin-path)/pufa"
    fi
    bench_start_hello hello epoll-pool 4
    bench_start_durable durable
    PORT="$(bench_free_port)"
    DATA="$BENCH_TMP/data"
    PUFA_ADMIN_USER=bench PUFA_ADMIN_PASSWORD=bench-password-123 bench_start pufa "$PUFA_BIN" serve --host 127.0.0.1 \
        --port "$PORT" --data "$DATA" --no-access-log --public-dir "$REPO_DIR/Public" --questions-dir "$REPO_DIR/Questions" "$@"
    bench_wait_http "http://127.0.0.1:$PORT/healthz" "$BENCH_LAST_PID" 60 || die "pufa did not start: $(cat "$BENCH_TMP/pufa.log")"
}
