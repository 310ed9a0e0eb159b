#!/usr/bin/env bash
# Where a durable save's time goes, without pufa: the exam hour's save requests (Benchmarks/saves.lua, synthetic
# candidates — neither C server checks them) or, with BENCH_REQUESTS=quiz, the quiz round's answers
# (Benchmarks/answers.lua, synthetic entries, going round them) against the C servers, step by step:
#
#   hello                 answers at once on its event thread (the HTTP limit with the same client)
#   durable --no-store    suspends, hands the request to the writer thread, which resumes it (no database)
#   durable sync=off      … and writes the rows in a group transaction, never flushed
#   durable sync=normal   … WAL without a flush per commit (flushed at checkpoints only; not durable on power loss)
#   durable sync=full     … flushed at every commit: what pufa does and what the invariant needs
#
# Each at BENCH_SAVE_CONNS (default 64,512) for BENCH_DURATION (default 10s) after a 2 s warm-up, BENCH_ROUNDS (default
# 3) rounds in alternating order; prints the median req/s and p99 and the ratio to hello (also
# Benchmarks/results/durable.md, or durable-quiz.md). Not part of `make bench`: the exam hour and the quiz round measure hello and
# `durable sync=full` beside pufa.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10s}"
IFS=, read -r -a CONNS <<<"${BENCH_SAVE_CONNS:-64,512}"

bench_ensure_tools
bench_init
bench_build_hello
bench_build_durable
KIND="${BENCH_REQUESTS:-saves}"
CLIENTS="$BENCH_TMP/clients.tsv"
if [ "$KIND" = quiz ]; then
    # 100,000 entries × 10 answers: more than 10 s at these rates, so almost every answer is a new row.
    # The warm-up answers other entries, so that the measured answers are new rows, not replays.
    awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "pufa_csrf=c\tc\tE%07d\ttoken%d\n", i, i }' >"$CLIENTS"
    awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "pufa_csrf=c\tc\tW%07d\ttoken%d\n", i, i }' >"$CLIENTS.warm"
    SCRIPT=(-s "$BENCH_DIR/answers.lua" -- "$CLIENTS" 2 10 loop)
    WARM=(-s "$BENCH_DIR/answers.lua" -- "$CLIENTS.warm" 2 10 loop)
    RESULT="durable-quiz.md"
else
    for i in $(seq 1 2000); do printf 'pufa_session=s%d; pufa_csrf=c\tc\t%d\tbench%05d\n' "$i" "$i" "$i"; done >"$CLIENTS"
    SCRIPT=(-s "$BENCH_DIR/saves.lua" -- "$CLIENTS" 2)
    WARM=("${SCRIPT[@]}")
    RESULT="durable.md"
fi

STEPS=(hello no-store off normal full)
declare -A RPS P99
# run_step STEP CONNS ROUND — starts the step's server on a fresh database, warms up, measures, stops it.
run_step() {
    local step="$1" conns="$2" round="$3" url pid
    if [ "$step" = hello ]; then
        bench_start_hello "hello-$round" epoll-pool 4
        url="http://127.0.0.1:$HELLO_PORT/"; pid="$BENCH_LAST_PID"
    else
        local extra=(--synchronous "$step")
        [ "$step" = no-store ] && extra=(--no-store)
        DURABLE_PORT="$(bench_free_port)"
        bench_start "durable-$step-$conns-$round" "$DURABLE_BIN" --port "$DURABLE_PORT" --threads 4 \
            --db "$BENCH_TMP/durable-$step-$conns-$round.sqlite" "${extra[@]}"
        pid="$BENCH_LAST_PID"
        bench_wait_http "http://127.0.0.1:$DURABLE_PORT/healthz" "$pid" 10 || die "durable ($step) did not start"
        url="http://127.0.0.1:$DURABLE_PORT/"
    fi
    bench_wrk "$BENCH_TMP/warm.txt" "$conns" 2s "$url" "${WARM[@]}" >/dev/null
    read -r rps p99 non2xx errs < <(bench_wrk "$BENCH_TMP/$step-$conns-$round.txt" "$conns" "$DURATION" "$url" "${SCRIPT[@]}")
    [ "$non2xx" = 0 ] && [ "$errs" = 0 ] || log "warning: $step at $conns connections: $non2xx non-2xx, $errs socket errors"
    RPS[$step/$conns]="${RPS[$step/$conns]:-} $rps"
    P99[$step/$conns]="${P99[$step/$conns]:-} $p99"
    log "round $round, $conns connections, $step: $rps req/s, p99 $p99 ms"
    bench_stop "$pid"
}

for round in $(seq 1 "$ROUNDS"); do
    order=("${STEPS[@]}")
    if [ $((round % 2)) = 0 ]; then order=(full normal off no-store hello); fi
    for conns in "${CONNS[@]}"; do
        for step in "${order[@]}"; do run_step "$step" "$conns" "$round"; done
    done
done

{
    echo "Durable $KIND floor — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load at start ${BENCH_LOAD_START}, at end $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/durable.sh\` ($ROUNDS rounds of $DURATION)"
    echo
    echo "| server | conns | req/s (median) | p99 ms (median) | ÷ hello |"
    echo "|---|---:|---:|---:|---:|"
    for conns in "${CONNS[@]}"; do
        # shellcheck disable=SC2086
        hello="$(median ${RPS[hello/$conns]})"
        for step in "${STEPS[@]}"; do
            # shellcheck disable=SC2086
            rps="$(median ${RPS[$step/$conns]})"; p99="$(median ${P99[$step/$conns]})"
            echo "| $step | $conns | $(printf '%.0f' "$rps") | $p99 | $(fdiv "$rps" "$hello") |"
        done
    done
} | tee "$BENCH_RESULTS_DIR/$RESULT"
