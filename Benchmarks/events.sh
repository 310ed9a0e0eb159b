#!/usr/bin/env bash
# Reach and effect, part of `make bench`: sustained event ingestion (batches of 10) against the plain C
# libmicrohttpd server in the same run, then a check that every acknowledged event is stored once and rolled up.
# Prints a markdown table (also Benchmarks/results/events.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_scenario_servers --content-dir "$REPO_DIR/Content"
# The storage reference: raw event rows alone, plain prepared inserts (Benchmarks/rawevents.c).
RAWEVENTS_BIN="$BENCH_BUILD_DIR/rawevents"
if [ ! -x "$RAWEVENTS_BIN" ] || [ "$BENCH_DIR/rawevents.c" -nt "$RAWEVENTS_BIN" ]; then
    cc -O2 -Wall -o "$RAWEVENTS_BIN" "$BENCH_DIR/rawevents.c" -lsqlite3 || die "cannot build rawevents.c"
fi
{
  echo "Event ingestion — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/events.sh\`"
  echo
  python3 "$BENCH_DIR/events.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "$DATA/pufa.sqlite" "$BENCH_LAST_PID" "$RAWEVENTS_BIN"
} | tee "$BENCH_RESULTS_DIR/events.md"
