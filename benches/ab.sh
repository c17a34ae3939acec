#!/usr/bin/env bash
# A/B of two newsparse binaries on the batch benchmark: the same JSON Lines corpus (about
# --mb MB, default 20, built from ../shared/corpus as compare.sh builds it) parsed with
# `--input jsonl --jobs 1` by A then B, --runs times (default 15), the rounds interleaved so
# that the machine's noise falls on both alike. Prints each one's median and B / A.
#
#   benches/ab.sh [--mb N] [--runs N] [--corpus DIR] A B
#
# A trick stays in the code only where B (with it) / A (without it) is 0.98 or less.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mb=20; runs=15; corpus=../shared/corpus; bins=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift ;;
    --runs) runs=$2; shift ;;
    --corpus) corpus=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) bins+=("$1") ;;
  esac
  shift
done
[ "${#bins[@]}" -eq 2 ] || { echo "ab.sh: give two binaries, A and B" >&2; exit 2; }
[ -d "$corpus" ] || { echo "ab.sh: no corpus at $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$mb" "$work/corpus.jsonl" <<'PY'
import glob, json, os, sys
corpus, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
articles = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))]
size = rounds = 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1e6:
        for name, text in articles:
            line = json.dumps({"id": f"{rounds}/{name}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
        rounds += 1
PY
# Both must give the same records, or the comparison means nothing.
cmp -s <("${bins[0]}" -q --input jsonl -j1 --reference-date 2026-11-27 "$work/corpus.jsonl") \
       <("${bins[1]}" -q --input jsonl -j1 --reference-date 2026-11-27 "$work/corpus.jsonl") \
  || echo "ab.sh: warning: A and B give different records" >&2
for _ in $(seq "$runs"); do
  for k in 0 1; do
    s=$(date +%s%N)
    "${bins[$k]}" -q --input jsonl -j1 "$work/corpus.jsonl" > /dev/null
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
