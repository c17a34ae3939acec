#!/usr/bin/env bash
# Throughput of newsparse against `wc -w` (one pass over the same bytes, a floor) and,
# with --spacy, spaCy's en_core_web_sm full pipeline, all in one run.
#
#   benches/compare.sh [--spacy] [--mb N] [--corpus DIR] [--runs N] [--baseline BIN]
#
# With --baseline, another build (say, of the commit before a change) is timed in the same
# rounds, -j 1 and in the shell loop, and the ratio of single-thread speeds printed.
#
# Builds a JSON Lines corpus of about N MB (default 100) by repeating the articles of
# ../shared/corpus, then times: newsparse --input jsonl with -j 1 and -j 2, and wc -w, on
# that file; newsparse -j 2 on the same articles as a folder of files, to standard output
# and with --output-dir; and newsparse alone on each corpus article in a shell loop against
# the same loop with cat. With --spacy, spaCy (../shared/bench/spacy, set up by its setup.sh) parses
# the original corpus articles once (at about 16 articles/s, 100 MB would take hours), and
# the ratio is of articles per second. Every timing but spaCy's is taken --runs times (default
# 3), the rounds interleaved, and the median kept, since the machines are shared and noisy.
# Prints articles/s, MB/s, peak RSS (the largest of the runs) and the ratios.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

spacy=false
mb=100
runs=3
corpus=../shared/corpus
baseline=
while [ $# -gt 0 ]; do
  case "$1" in
    --spacy) spacy=true ;;
    --mb) mb=$2; shift ;;
    --corpus) corpus=$2; shift ;;
    --runs) runs=$2; shift ;;
    --baseline) baseline=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "compare.sh: no program at $baseline" >&2; exit 1; }
[ -d "$corpus" ] || { echo "compare.sh: no corpus at $corpus" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "compare.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

cargo build --release --quiet
bin=target/release/newsparse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

benches/make-corpus.py "$corpus" "$mb" "$work/corpus.jsonl" --folder "$work/dir"
articles=$(wc -l < "$work/corpus.jsonl")
bytes=$(wc -c < "$work/corpus.jsonl")

# measure NAME COMMAND...: wall seconds and peak RSS (KB) of one run, on stderr of time.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > /dev/null
  read -r secs rss < "$work/$name.time"
  printf '%s %s %s\n' "$name" "$secs" "$rss" >> "$work/results"
}
: > "$work/results"
loop_cat() { for f in "$corpus"/*.txt; do cat "$f" > /dev/null; done; }
loop_np() { for f in "$corpus"/*.txt; do "$bin" "$f" > /dev/null; done; }
loop_base() { for f in "$corpus"/*.txt; do "$baseline" "$f" > /dev/null; done; }
export -f loop_cat loop_np loop_base
export corpus bin baseline
for round in $(seq "$runs"); do
  measure wc wc -w "$work/corpus.jsonl"
  measure newsparse-j1 "$bin" --quiet --input jsonl --jobs 1 "$work/corpus.jsonl"
  measure newsparse-j2 "$bin" --quiet --input jsonl --jobs 2 "$work/corpus.jsonl"
  measure newsparse-dir-j2 "$bin" --quiet --jobs 2 "$work/dir"
  # A new folder each round: writing over the files of the round before is another test.
  measure newsparse-outdir-j2 "$bin" --quiet --jobs 2 --output-dir "$work/out-$round" "$work/dir"
  measure loop-cat bash -c loop_cat
  measure loop-newsparse bash -c loop_np
  if [ -n "$baseline" ]; then
    measure baseline-j1 "$baseline" --quiet --input jsonl --jobs 1 "$work/corpus.jsonl"
    measure loop-baseline bash -c loop_base
  fi
done

if $spacy; then
  venv=../shared/bench/spacy/.venv/bin/python
  [ -x "$venv" ] || { echo "compare.sh: run ../shared/bench/spacy/setup.sh first" >&2; exit 1; }
  measure spacy "$venv" ../shared/bench/spacy/spacy_baseline.py --stats "$work/spacy-stats.json" "$corpus"
  measure newsparse-corpus-j1 "$bin" --quiet --jobs 1 "$corpus"
fi

python3 - "$work/results" "$articles" "$bytes" "$(ls "$corpus"/*.txt | wc -l)" "$(cat "$corpus"/*.txt | wc -c)" "$work/spacy-stats.json" <<'PY'
import json, os, sys
import statistics
runs = {}
for name, s, r in (l.split() for l in open(sys.argv[1])):
    runs.setdefault(name, []).append((float(s), int(r)))
# The median time of a mode's runs, and its largest peak RSS.
rows = {name: (statistics.median(s for s, _ in v), max(r for _, r in v)) for name, v in runs.items()}
print(f"median of {max(len(v) for v in runs.values())} runs each")
articles, size, corpus_articles, corpus_bytes = (int(x) for x in sys.argv[2:6])
print(f"{'run':<22}{'seconds':>9}{'articles/s':>12}{'MB/s':>9}{'peak RSS MB':>13}")
for name, (secs, rss) in rows.items():
    n, b = (corpus_articles, corpus_bytes) if name in ("spacy", "newsparse-corpus-j1") or name.startswith("loop") else (articles, size)
    print(f"{name:<22}{secs:>9.2f}{n / secs:>12.0f}{b / secs / 1e6:>9.1f}{rss / 1024:>13.1f}")
j1, j2, wc = rows["newsparse-j1"][0], rows["newsparse-j2"][0], rows["wc"][0]
print(f"newsparse -j1 / wc -w time: {j1 / wc:.2f}x (want <= 4)")
print(f"newsparse -j2 speed-up over -j1: {j1 / j2:.2f}x (want >= 1.7)")
print(f"shell loop, newsparse / cat: {rows['loop-newsparse'][0] / rows['loop-cat'][0]:.2f}x (want <= 3)")
if "baseline-j1" in rows:
    base = rows["baseline-j1"][0]
    print(f"single thread: newsparse {articles / j1:.0f} articles/s, baseline {articles / base:.0f}: {base / j1:.3f}x the baseline's speed")
    print(f"shell loop: newsparse / baseline time: {rows['loop-newsparse'][0] / rows['loop-baseline'][0]:.3f}x")
peak = max(r for name, (_, r) in rows.items() if name.startswith("newsparse"))
print(f"newsparse peak RSS, every mode: {peak / 1024:.1f} MB (want < 64)")
if "spacy" in rows:
    # spaCy's own rate, counted without its import and model load: the kindest measure.
    spacy_rate = json.load(open(sys.argv[6]))["articles_per_s"]
    print(f"spaCy: {spacy_rate:.1f} articles/s (processing only; {corpus_articles / rows['spacy'][0]:.1f} with start-up)")
    print(f"newsparse -j1 on 100 MB: {articles / j1:.0f} articles/s: {articles / j1 / spacy_rate:.0f}x spaCy (want >= 1000)")
    print(f"same articles: newsparse -j1 {corpus_articles / rows['newsparse-corpus-j1'][0]:.0f} articles/s (whole process, once)")
PY
