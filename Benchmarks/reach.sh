#!/usr/bin/env bash
# Reach and effect, part of `make bench`: the bureau's 80,000 person-time delivery test end to end (push, reading,
# re-tests, the dashboard), then the dashboard's queries over BENCH_EVENTS stored events (default 10,000,000).
# Prints a markdown table (also Benchmarks/results/reach.md).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${BENCH_EVENTS:-10000000}"
swift build -c release --product AudienceBench >&2
mkdir -p Benchmarks/results
{
  echo "Reach — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/reach.sh\` (BENCH_EVENTS=$EVENTS)"
  echo
  "$(swift build -c release --show-bin-path)/AudienceBench" reach --events "$EVENTS" --calls "${BENCH_CALLS:-5}"
} | tee Benchmarks/results/reach.md
