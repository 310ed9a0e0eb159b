#!/usr/bin/env bash
# Question-bank benchmark, part of `make bench`: import of N generated questions vs raw SQLite inserts in the
# same run, and search latency on that bank. Prints a markdown table (also to Benchmarks/results/questions.md).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${BENCH_QUESTIONS:-100000}"
swift build -c release --product QuestionBench >&2
mkdir -p Benchmarks/results
{
  echo "Question bank — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, \`Benchmarks/questions.sh\` (BENCH_QUESTIONS=$COUNT)"
  echo
  "$(swift build -c release --show-bin-path)/QuestionBench" --count "$COUNT"
} | tee Benchmarks/results/questions.md
