#!/usr/bin/env bash
# Public quizzes, part of `make bench`: N participants (BENCH_PARTICIPANTS, default 10000) each play a 10-question
# round with no think time; the database is then checked for every acknowledged answer (none lost, none counted
# twice). Then a live contest: P phones (BENCH_PHONES, default 500) long-poll while the host advances; the time from
# the host's signal to each phone's answer is measured. Prints a markdown table (also Benchmarks/results/quiz.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_scenario_servers --quiz-starts-per-minute 1000000
{
  echo "Public quizzes — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/quiz_round.sh\` (BENCH_PARTICIPANTS=${BENCH_PARTICIPANTS:-10000}, BENCH_PHONES=${BENCH_PHONES:-500})"
  echo
  python3 "$BENCH_DIR/quiz_round.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "http://127.0.0.1:$DURABLE_PORT" \
      "$DURABLE_DB" "$DATA/pufa.sqlite" \
      "${BENCH_PARTICIPANTS:-10000}" "${BENCH_PHONES:-500}"
} | tee "$BENCH_RESULTS_DIR/quiz.md"
