#!/usr/bin/env bash
# A/B of two newsparse binaries on the batch benchmark: the same JSON Lines corpus (about
# --mb MB, default 20, built from ../shared/corpus as compare.sh builds it) parsed with
# `--input jsonl --jobs 1` by A then B, --runs times (default 15), the rounds interleaved so
# that the machine's noise falls on both alike. Prints each one's median and B / A.
#
#   benches/ab.sh [--mb N] [--runs N] [--corpus DIR] [--different] A B
#
# A and B must print the same records (a speed change), unless --different says they may
# not (a change of the rules, timed against the build before it).
# A trick stays in the code only where B (with it) / A (without it) is 0.98 or less.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mb=20; runs=15; corpus=../shared/corpus; bins=(); different=false
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift ;;
    --runs) runs=$2; shift ;;
    --corpus) corpus=$2; shift ;;
    --different) different=true ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) bins+=("$1") ;;
  esac
  shift
done
[ "${#bins[@]}" -eq 2 ] || { echo "ab.sh: give two binaries, A and B" >&2; exit 2; }
[ -d "$corpus" ] || { echo "ab.sh: no corpus at $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
benches/make-corpus.py "$corpus" "$mb" "$work/corpus.jsonl" 2>/dev/null
# Both must give the same records, or the comparison means nothing.
run() { "${bins[$1]}" -q --input jsonl -j1 --reference-date 2026-11-27 "$work/corpus.jsonl"; }
$different || cmp -s <(run 0) <(run 1) || {
  echo "ab.sh: A and B give different records (--different if they may)" >&2
  exit 1
}
# Each round in the other order than the one before, so that neither always goes first.
for round in $(seq "$runs"); do
  order="0 1"; [ $((round % 2)) -eq 0 ] && order="1 0"
  for k in $order; do
    s=$(date +%s%N)
    run "$k" > /dev/null
    echo "$k $(( $(date +%s%N) - s ))" >> "$work/times"
  done
done
python3 - "$work/times" "${bins[@]}" <<'PY'
import statistics, sys
t = {0: [], 1: []}
for line in open(sys.argv[1]):
    k, ns = line.split()
    t[int(k)].append(int(ns) / 1e6)
a, b = statistics.median(t[0]), statistics.median(t[1])
print(f"A {sys.argv[2]}: median {a:.1f} ms of {len(t[0])}")
print(f"B {sys.argv[3]}: median {b:.1f} ms of {len(t[1])}")
print(f"B / A = {b / a:.3f}")
PY
