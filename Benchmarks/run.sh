#!/usr/bin/env bash
# Benchmarks/run.sh — `make bench`: pufa against reference servers measured in the same run.
#
#   hello /healthz  vs pufa /healthz              (plain C libmicrohttpd = the HTTP limit)
#   hello /healthz  vs pufa GET /api/v1/me         (authenticated JSON GET, session cookie)
#   nginx <asset>   vs pufa <asset>                (one static file from Public/, identity encoding)
#
# each at 64 and 512 connections with wrk, a warm-up run before every measured run. Prints a
# markdown table (req/s, p99, pufa/reference) with machine info, also written to
# Benchmarks/results/latest.md (raw wrk output in Benchmarks/results/latest-raw/).
# Loopback only; every process it starts is stopped on exit.
#
# Environment (all optional):
#   BENCH_DURATION     measured run, default 10s          BENCH_WARMUP   warm-up run, default 3s
#   BENCH_ROUNDS       rounds per row (reference and pufa alternate; medians reported), default 3
#   BENCH_CONNS        default "64 512"                   BENCH_WRK_THREADS  default 2
#   BENCH_STATIC       URL path of the static asset, default: first of /assets/app.css, /app.css,
#                      /assets/app.js, /app.js found in Public/, else the first CSS/JS file there
#   HELLO_MODE         hello.c mode, default epoll-pool   HELLO_THREADS  pool size, default 4
#   NGINX_WORKERS      default nproc
#   PUFA_BIN           use this pufa binary instead of `swift build -c release --product pufa`
#   PUFA_SCRATCH       --scratch-path for that build (default: the package's .build)
#   PUFA_THREADS       if set, passed to pufa as --threads (pufa's default: 4 event threads)
#   BENCH_ACCESS_LOG   1 = leave pufa's per-request log on (default: --no-access-log, like nginx's access_log off)
#   BENCH_PUBLIC_DIR   directory both nginx and pufa serve, default Public/
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-3s}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNS="${BENCH_CONNS:-64 512}"
HELLO_MODE="${HELLO_MODE:-epoll-pool}"
HELLO_THREADS="${HELLO_THREADS:-4}"   # the fastest in threading.sh, and pufa's default eventThreads
NGINX_WORKERS="${NGINX_WORKERS:-$(nproc)}"
PUBLIC_DIR="${BENCH_PUBLIC_DIR:-$REPO_DIR/Public}"
GOAL="0.80"

bench_ensure_tools
bench_init
cd "$REPO_DIR"

# --- build ------------------------------------------------------------------------------

bench_build_hello

if [ -z "${PUFA_BIN:-}" ]; then
    command -v swift >/dev/null 2>&1 || die "swift is not on PATH (or set PUFA_BIN)"
    scratch=()
    [ -n "${PUFA_SCRATCH:-}" ] && scratch=(--scratch-path "$PUFA_SCRATCH")
    log "swift build -c release --product pufa ${scratch[*]}"
    (cd "$REPO_DIR" && swift build -c release --product pufa "${scratch[@]}" >&2) || die "swift build failed"
    PUFA_BIN="$(cd "$REPO_DIR" && swift build -c release --show-bin-path "${scratch[@]}")/pufa"
fi
[ -x "$PUFA_BIN" ] || die "no pufa binary at $PUFA_BIN"

# --- start the three servers ------------------------------------------------------------

bench_start_hello hello "$HELLO_MODE" "$HELLO_THREADS"
HELLO_PID="$BENCH_LAST_PID"

NGINX_PORT="$(bench_free_port)"
NGINX_PREFIX="$BENCH_TMP/nginx"
mkdir -p "$NGINX_PREFIX"
user_directive=""
[ "$(id -u)" -eq 0 ] && user_directive="user root root;  # running as root: workers must read @ROOT@ wherever it is"
sed -e "s|@USER_DIRECTIVE@|$user_directive|" \
    -e "s|@PREFIX@|$NGINX_PREFIX|g" -e "s|@PORT@|$NGINX_PORT|g" \
    -e "s|@ROOT@|$PUBLIC_DIR|g" -e "s|@WORKERS@|$NGINX_WORKERS|g" \
    "$BENCH_DIR/nginx.conf.in" >"$NGINX_PREFIX/nginx.conf"
bench_start nginx "$NGINX_BIN" -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf"
NGINX_PID="$BENCH_LAST_PID"
bench_wait_http "http://127.0.0.1:$NGINX_PORT/" "$NGINX_PID" 10 \
    || die "nginx did not start: $(cat "$BENCH_TMP/nginx.log" "$NGINX_PREFIX/error.log" 2>/dev/null)"

PUFA_PORT="$(bench_free_port)"
PUFA_DATA="$BENCH_TMP/pufa-data"
mkdir -p "$PUFA_DATA"
pufa_args=(serve --host 127.0.0.1 --port "$PUFA_PORT" --data "$PUFA_DATA" --public-dir "$PUBLIC_DIR"
           --questions-dir "$REPO_DIR/Questions")
[ -n "${PUFA_THREADS:-}" ] && pufa_args+=(--threads "$PUFA_THREADS")
# nginx runs with access_log off; pufa likewise, unless BENCH_ACCESS_LOG=1.
[ "${BENCH_ACCESS_LOG:-0}" = 1 ] || pufa_args+=(--no-access-log)
bench_start pufa env PUFA_ADMIN_USER=bench PUFA_ADMIN_PASSWORD=bench-password-123 \
    "$PUFA_BIN" "${pufa_args[@]}"
PUFA_PID="$BENCH_LAST_PID"
bench_wait_http "http://127.0.0.1:$PUFA_PORT/healthz" "$PUFA_PID" 120 \
    || die "pufa did not start: $(tail -n 30 "$BENCH_TMP/pufa.log")"

# --- log in: session cookie for the authenticated GET ------------------------------------

PUFA="http://127.0.0.1:$PUFA_PORT"
JAR="$BENCH_TMP/cookies.txt"
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$PUFA/api/v1/session" || die "GET /api/v1/session failed"
cookie_value() { awk -F'\t' -v n="$1" 'NF >= 7 && $6 == n { v = $7 } END { print v }' "$JAR"; }
CSRF="$(cookie_value pufa_csrf)"
[ -n "$CSRF" ] || die "GET /api/v1/session set no pufa_csrf cookie"
login_status="$(curl -s -o "$BENCH_TMP/login.json" -w '%{http_code}' -c "$JAR" -b "$JAR" \
    -H "Content-Type: application/json" -H "X-CSRF-Token: $CSRF" \
    -d '{"username":"bench","password":"bench-password-123"}' "$PUFA/api/v1/auth/login")"
SESSION="$(cookie_value pufa_session)"
[ -n "$SESSION" ] || die "login failed (HTTP $login_status): $(cat "$BENCH_TMP/login.json")"
COOKIE="pufa_session=$SESSION"
me_status="$(curl -s -o "$BENCH_TMP/me.json" -w '%{http_code}' -H "Cookie: $COOKIE" "$PUFA/api/v1/me")"
[ "$me_status" = 200 ] || die "GET /api/v1/me with the session answered $me_status: $(cat "$BENCH_TMP/me.json")"

# --- the static asset -------------------------------------------------------------------

if [ -z "${BENCH_STATIC:-}" ]; then
    for p in /assets/app.css /app.css /assets/app.js /app.js; do
        if [ -f "$PUBLIC_DIR$p" ]; then BENCH_STATIC="$p"; break; fi
    done
fi
if [ -z "${BENCH_STATIC:-}" ]; then
    f="$(cd "$PUBLIC_DIR" && find . -type f \( -name '*.css' -o -name '*.js' \) | LC_ALL=C sort | head -1)"
    [ -n "$f" ] || f="$(cd "$PUBLIC_DIR" && find . -type f ! -name '*.gz' ! -name '*.br' | LC_ALL=C sort | head -1)"
    [ -n "$f" ] || die "Public/ has no file to serve"
    BENCH_STATIC="${f#.}"
fi
STATIC_SIZE="$(wc -c <"$PUBLIC_DIR$BENCH_STATIC" | tr -d ' ')"
for who in nginx:$NGINX_PORT pufa:$PUFA_PORT; do
    read -r code size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' \
        "http://127.0.0.1:${who#*:}$BENCH_STATIC")
    [ "$code" = 200 ] || die "${who%%:*} answered $code for $BENCH_STATIC"
    [ "$size" = "$STATIC_SIZE" ] || log "warning: ${who%%:*} sent $size bytes for $BENCH_STATIC (file has $STATIC_SIZE)"
done

# --- measure ----------------------------------------------------------------------------

# name|reference label|reference URL|pufa URL|pufa needs the cookie (1/0)
SCENARIOS=(
    "GET /healthz|hello|http://127.0.0.1:$HELLO_PORT/healthz|$PUFA/healthz|0"
    "GET /api/v1/me (authenticated)|hello /healthz|http://127.0.0.1:$HELLO_PORT/healthz|$PUFA/api/v1/me|1"
    "static $BENCH_STATIC ($STATIC_SIZE B)|nginx|http://127.0.0.1:$NGINX_PORT$BENCH_STATIC|$PUFA$BENCH_STATIC|0"
)

RAW="$BENCH_TMP/raw"
mkdir -p "$RAW"
declare -A R_RPS R_P99 P_RPS P_P99 RATIO WARN

measure() { # measure ID URL CONNS [wrk args] -> "rps p99 non2xx errs"
    local id="$1" url="$2" c="$3"; shift 3
    bench_wrk "$RAW/warmup.txt" "$c" "$WARMUP" "$url" "$@" >/dev/null
    bench_wrk "$RAW/$id.txt" "$c" "$DURATION" "$url" "$@"
}

for round in $(seq 1 "$ROUNDS"); do
    for i in "${!SCENARIOS[@]}"; do
        IFS='|' read -r name ref_label ref_url pufa_url auth <<<"${SCENARIOS[$i]}"
        pufa_extra=()
        [ "$auth" = 1 ] && pufa_extra=(-H "Cookie: $COOKIE")
        for c in $CONNS; do
            key="$i:$c"
            # Alternate which server goes first, so slow drift in the machine's load cancels out.
            if [ $((round % 2)) -eq 1 ]; then order="ref pufa"; else order="pufa ref"; fi
            for who in $order; do
                if [ "$who" = ref ]; then
                    read -r rps p99 non2xx errs < <(measure "s$i-c$c-r$round-ref" "$ref_url" "$c")
                    r_rps="$rps"
                    R_RPS[$key]="${R_RPS[$key]:-} $rps"; R_P99[$key]="${R_P99[$key]:-} $p99"
                else
                    read -r rps p99 non2xx errs < <(measure "s$i-c$c-r$round-pufa" "$pufa_url" "$c" "${pufa_extra[@]}")
                    p_rps="$rps"
                    P_RPS[$key]="${P_RPS[$key]:-} $rps"; P_P99[$key]="${P_P99[$key]:-} $p99"
                fi
                if [ "$non2xx" -gt 0 ] || [ "$errs" -gt 0 ]; then
                    WARN[$key]="${WARN[$key]:-}$who round $round: $non2xx non-2xx, $errs socket errors; "
                fi
                log "round $round  $name  c=$c  $who: $rps req/s, p99 $p99 ms"
            done
            RATIO[$key]="${RATIO[$key]:-} $(fdiv "$p_rps" "$r_rps")"
            kill -0 "$PUFA_PID" 2>/dev/null || die "pufa exited during the run: $(tail -n 30 "$BENCH_TMP/pufa.log")"
        done
    done
done

# --- report -----------------------------------------------------------------------------

report() {
    echo "## make bench — pufa vs reference servers"
    echo
    bench_machine_info
    echo "- pufa: $(cd "$REPO_DIR" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$REPO_DIR" && [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (working tree modified)'), binary $PUFA_BIN"
    echo "- pufa: ${PUFA_THREADS:-default (4)} event threads, access log $( [ "${BENCH_ACCESS_LOG:-0}" = 1 ] && echo on || echo off); hello.c: mode $HELLO_MODE, pool $HELLO_THREADS threads; nginx: $NGINX_WORKERS workers, access_log off, sendfile on, gzip off"
    echo "- wrk -t$BENCH_WRK_THREADS -c{$(echo $CONNS | tr ' ' ,)} -d$DURATION --latency, each after a $WARMUP warm-up; no Accept-Encoding (identity bodies); rounds: $ROUNDS$( [ "$ROUNDS" -gt 1 ] && echo " (medians; ratio = median of per-round ratios)")"
    echo "- all servers on 127.0.0.1 and wrk on the same $(nproc) cores: read the ratios, not the absolute numbers"
    echo
    echo "| scenario | conns | reference | ref req/s | ref p99 ms | pufa req/s | pufa p99 ms | pufa/ref | goal ≥ $GOAL |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
    local i c key ratio verdict name ref_label rest
    for i in "${!SCENARIOS[@]}"; do
        IFS='|' read -r name ref_label rest <<<"${SCENARIOS[$i]}"
        for c in $CONNS; do
            key="$i:$c"
            # shellcheck disable=SC2086
            ratio="$(median ${RATIO[$key]})"
            if awk -v r="$ratio" -v g="$GOAL" 'BEGIN { exit !(r >= g) }'; then verdict="met"; else verdict="**below**"; fi
            [ -n "${WARN[$key]:-}" ] && verdict="$verdict ⚠"
            # shellcheck disable=SC2086
            printf '| %s | %s | %s | %.0f | %.2f | %.0f | %.2f | %.2f | %s |\n' "$name" "$c" "$ref_label" \
                "$(median ${R_RPS[$key]})" "$(median ${R_P99[$key]})" \
                "$(median ${P_RPS[$key]})" "$(median ${P_P99[$key]})" "$ratio" "$verdict"
        done
    done
    local any=0
    for key in "${!WARN[@]}"; do
        [ "$any" = 0 ] && { echo; echo "Errors seen by wrk (⚠ rows are not trustworthy):"; any=1; }
        echo "- ${SCENARIOS[${key%%:*}]%%|*} c=${key#*:}: ${WARN[$key]}"
    done
}

report | tee "$BENCH_RESULTS_DIR/latest.md"
rm -rf "$BENCH_RESULTS_DIR/latest-raw"
cp -r "$RAW" "$BENCH_RESULTS_DIR/latest-raw"
rm -f "$BENCH_RESULTS_DIR/latest-raw/warmup.txt"
cp "$BENCH_TMP/pufa.log" "$BENCH_RESULTS_DIR/latest-raw/pufa.log" 2>/dev/null || true
