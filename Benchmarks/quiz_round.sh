#!/usr/bin/env bash
# Public quizzes, part of `make bench`: N participants (BENCH_PARTICIPANTS, default 10000) each play a 10-question
# round with no think time; the database is then checked for every acknowledged answer (none lost, none counted
# twice). Then a live contest: P phones (BENCH_PHONES, default 500) long-poll while the host advances; the time from
# the host's signal to each phone's answer is measured. Prints a markdown table (also Benchmarks/results/quiz.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_ensure_tools
bench_init
cd "$REPO_DIR"
python3 -c "import requests" 2>/dev/null || python3 -m pip install -q requests
bench_build_hello
if [ -z "${PUFA_BIN:-}" ]; then
    swift build -c release --product pufa >&2
    PUFA_BIN="$(swift build -c release --show-bin-path)/pufa"
fi
bench_start_hello hello epoll-pool 4
PORT="$(bench_free_port)"
DATA="$BENCH_TMP/data"
PUFA_ADMIN_USER=bench PUFA_ADMIN_PASSWORD=bench-password-123 bench_start pufa "$PUFA_BIN" serve --host 127.0.0.1 \
    --port "$PORT" --data "$DATA" --no-access-log --public-dir "$REPO_DIR/Public" --questions-dir "$REPO_DIR/Questions" \
    --quiz-starts-per-minute 1000000
bench_wait_http "http://127.0.0.1:$PORT/healthz" "$BENCH_LAST_PID" 60 || die "pufa did not start: $(cat "$BENCH_TMP/pufa.log")"
{
  echo "Public quizzes — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/quiz_round.sh\` (BENCH_PARTICIPANTS=${BENCH_PARTICIPANTS:-10000}, BENCH_PHONES=${BENCH_PHONES:-500})"
  echo
  python3 "$BENCH_DIR/quiz_round.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "$DATA/pufa.sqlite" \
      "${BENCH_PARTICIPANTS:-10000}" "${BENCH_PHONES:-500}"
} | tee "$BENCH_RESULTS_DIR/quiz.md"
