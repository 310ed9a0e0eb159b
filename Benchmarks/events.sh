#!/usr/bin/env bash
# Reach and effect, part of `make bench`: sustained event ingestion (batches of 10) against the plain C
# libmicrohttpd server in the same run, then a check that every acknowledged event is stored once and rolled up.
# Prints a markdown table (also Benchmarks/results/events.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_scenario_servers --content-dir "$REPO_DIR/Content"
{
  echo "Event ingestion — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/events.sh\`"
  echo
  python3 "$BENCH_DIR/events.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "$DATA/pufa.sqlite" "$BENCH_LAST_PID"
} | tee "$BENCH_RESULTS_DIR/events.md"
