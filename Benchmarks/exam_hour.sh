#!/usr/bin/env bash
# The exam hour, part of `make bench`: N simulated candidates (BENCH_CANDIDATES, default 2000) log in and start,
# save answers with no think time, submit; the database is then checked for every acknowledged save.
# Prints a markdown table (also Benchmarks/results/exam-hour.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N="${BENCH_CANDIDATES:-2000}"
bench_scenario_servers
{
  echo "Exam hour — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/exam_hour.sh\` (BENCH_CANDIDATES=$N)"
  echo
  python3 "$BENCH_DIR/exam_hour.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "http://127.0.0.1:$DURABLE_PORT" \
      "$DURABLE_DB" "$DATA/pufa.sqlite" "$N" "${BENCH_EXAM_DURATION:-15s}"
} | tee "$BENCH_RESULTS_DIR/exam-hour.md"
