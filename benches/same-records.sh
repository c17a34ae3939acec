#!/usr/bin/env bash
# Whether two builds print the same records, byte for byte: the check of a change meant to
# keep behaviour (a refactor, a speed change). Both run on every article of ../shared/corpus,
# ../shared/corpus-ru, ../shared/seeds and fixtures/, one file at a time (pretty records,
# standard error and exit status included) and as batches (JSON Lines), with one reference
# date. Prints a line per mode; exit 0 when every mode is identical.
#
#   benches/same-records.sh OLD NEW
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -eq 2 ] || { sed -n '2,8p' "$0"; exit 2; }
shared=../shared
for d in corpus corpus-ru seeds; do
  [ -d "$shared/$d" ] || { echo "same-records.sh: no $shared/$d" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
records() { # BIN OUT
  local bin=$1 out=$2; mkdir -p "$out"
  for f in "$shared"/corpus/* "$shared"/corpus-ru/* "$shared"/seeds/* fixtures/*.txt; do
    echo "== $f"; "$bin" --pretty --reference-date 2026-11-27 "$f" 2>&1; echo "exit $?"
  done > "$out/single"
  "$bin" -q --reference-date 2026-11-27 "$shared/corpus" "$shared/corpus-ru" fixtures > "$out/batch" 2>&1
  echo "exit $?" >> "$out/batch"
  "$bin" -q --reference-date 2026-11-27 --glob '*' "$shared/corpus-ru" "$shared/seeds" > "$out/batch-all" 2>&1
  echo "exit $?" >> "$out/batch-all"
}
records "$(realpath "$1")" "$work/old"
records "$(realpath "$2")" "$work/new"
status=0
for mode in single batch batch-all; do
  if cmp -s "$work/old/$mode" "$work/new/$mode"; then
    echo "$mode: identical ($(wc -c < "$work/new/$mode") bytes)"
  else
    echo "$mode: DIFFERENT"; diff "$work/old/$mode" "$work/new/$mode" | head -20; status=1
  fi
done
echo "articles: $(grep -c '^== ' "$work/new/single") files one at a time"
exit $status
