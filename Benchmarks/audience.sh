#!/usr/bin/env bash
# Targeted delivery, part of `make bench`: a three-condition segment on BENCH_PROFILES generated profiles (default
# 1,000,000) and the campaign deliveries frozen for it, against raw SQLite prepared inserts in the same run; the
# feed's latency with 1,000 eligible pieces. Prints a markdown table (also Benchmarks/results/audience.md).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${BENCH_PROFILES:-1000000}"
swift build -c release --product AudienceBench >&2
mkdir -p Benchmarks/results
{
  echo "Targeted delivery — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/audience.sh\` (BENCH_PROFILES=$COUNT)"
  echo
  "$(swift build -c release --show-bin-path)/AudienceBench" --profiles "$COUNT"
} | tee Benchmarks/results/audience.md
