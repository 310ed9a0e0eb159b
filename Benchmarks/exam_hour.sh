#!/usr/bin/env bash
# The exam hour, part of `make bench`: N simulated candidates (BENCH_CANDIDATES, default 2000) log in and start,
# save answers with no think time, submit; the database is then checked for every acknowledged save.
# Prints a markdown table (also Benchmarks/results/exam-hour.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N="${BENCH_CANDIDATES:-2000}"
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
    --port "$PORT" --data "$DATA" --no-access-log --public-dir "$REPO_DIR/Public" --questions-dir "$REPO_DIR/Questions"
bench_wait_http "http://127.0.0.1:$PORT/healthz" "$BENCH_LAST_PID" 60 || die "pufa did not start: $(cat "$BENCH_TMP/pufa.log")"
{
  echo "Exam hour — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), \`Benchmarks/exam_hour.sh\` (BENCH_CANDIDATES=$N)"
  echo
  python3 "$BENCH_DIR/exam_hour.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$HELLO_PORT" "$DATA/pufa.sqlite" "$N" "${BENCH_EXAM_DURATION:-15s}"
} | tee "$BENCH_RESULTS_DIR/exam-hour.md"
