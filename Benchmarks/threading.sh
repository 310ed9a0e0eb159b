#!/usr/bin/env bash
# Benchmarks/threading.sh — which libmicrohttpd threading mode should pufa use?
#
# Runs the plain C server (Benchmarks/hello.c, GET /healthz) in each mode × pool size ×
# connection count with wrk, and prints a markdown table (req/s, p99). The table is also
# written to Benchmarks/results/threading.md.
#
# Environment (all optional):
#   THREADING_MODES     default "epoll-pool poll-pool select-pool thread-per-connection"
#   THREADING_THREADS   pool sizes, default "2 4" (thread-per-connection has no pool: run once)
#   THREADING_CONNS     default "64 512"
#   BENCH_DURATION      measured run per cell, default 8s
#   BENCH_WARMUP        warm-up run before each measured run, default 2s
#   BENCH_ROUNDS        repeat the whole matrix N times (interleaved) and report medians, default 1
#   BENCH_WRK_THREADS   wrk threads, default 2
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODES="${THREADING_MODES:-epoll-pool poll-pool select-pool thread-per-connection}"
THREADS="${THREADING_THREADS:-2 4}"
CONNS="${THREADING_CONNS:-64 512}"
DURATION="${BENCH_DURATION:-8s}"
WARMUP="${BENCH_WARMUP:-2s}"
ROUNDS="${BENCH_ROUNDS:-1}"

bench_ensure_tools
bench_init
bench_build_hello

declare -A RPS P99 BAD
cells=()
for mode in $MODES; do
    if [ "$mode" = thread-per-connection ]; then ts="-"; else ts="$THREADS"; fi
    for t in $ts; do cells+=("$mode:$t"); done
done

for round in $(seq 1 "$ROUNDS"); do
    for cell in "${cells[@]}"; do
        mode="${cell%%:*}"; t="${cell#*:}"
        bench_start_hello "hello-$mode-$t" "$mode" "$t"
        pid="$BENCH_LAST_PID"
        url="http://127.0.0.1:$HELLO_PORT/healthz"
        for c in $CONNS; do
            bench_wrk "$BENCH_TMP/warmup.txt" "$c" "$WARMUP" "$url" >/dev/null
            read -r rps p99 non2xx errs < <(bench_wrk "$BENCH_TMP/wrk-$mode-$t-$c-$round.txt" "$c" "$DURATION" "$url")
            key="$mode:$t:$c"
            RPS[$key]="${RPS[$key]:-} $rps"
            P99[$key]="${P99[$key]:-} $p99"
            if [ "$non2xx" -gt 0 ] || [ "$errs" -gt 0 ]; then
                BAD[$key]="${BAD[$key]:-}non-2xx $non2xx, socket errors $errs; "
            fi
            log "round $round  $mode threads=$t conns=$c: $rps req/s, p99 ${p99} ms${BAD[$key]:+  (${BAD[$key]})}"
        done
        bench_stop "$pid"
    done
done

{
    echo "### libmicrohttpd threading modes (Benchmarks/hello.c, GET /healthz)"
    echo
    bench_machine_info
    echo "- wrk -t$BENCH_WRK_THREADS -c{$(echo $CONNS | tr ' ' ,)} -d$DURATION --latency after a $WARMUP warm-up; rounds: $ROUNDS (median shown)"
    echo
    header="| mode | pool threads |"
    sep="|---|---|"
    for c in $CONNS; do header="$header req/s @$c | p99 ms @$c |"; sep="$sep---:|---:|"; done
    echo "$header"
    echo "$sep"
    for cell in "${cells[@]}"; do
        mode="${cell%%:*}"; t="${cell#*:}"
        row="| $mode | $( [ "$t" = "-" ] && echo "1 per connection" || echo "$t" ) |"
        for c in $CONNS; do
            key="$mode:$t:$c"
            # shellcheck disable=SC2086
            r="$(median ${RPS[$key]})"; p="$(median ${P99[$key]})"
            row="$row $(printf '%.0f' "$r")${BAD[$key]:+ ⚠} | $(printf '%.2f' "$p") |"
        done
        echo "$row"
    done
    for key in "${!BAD[@]}"; do echo; echo "⚠ $key: ${BAD[$key]}"; done
} | tee "$BENCH_RESULTS_DIR/threading.md"
