#!/usr/bin/env bash
# Scaling of newsparse (issue 17): does time grow linearly and memory stay bounded by the input?
#
#   benches/scaling.sh [--bin PATH] [--factor 4] [--only NAME[,NAME...]] [--base-kb N]
#                      [--timeout SECS] [--min-secs S] [--mem-cap-mb MB] [--runs N] [--corpus DIR]
#
# Each input of benches/scaling.py (the families a-f of issue 17's defects 1 and 2, then 29
# adversarial patterns) is generated at 1x and at factor x size in a temporary folder, and
# newsparse runs once (or --runs times) on each, `BIN --quiet --max-bytes SIZE FILE > /dev/null`
# under /usr/bin/time -f '%e %M %x' (wall seconds, peak RSS, exit status). A row PASSes when the
# time ratio is at most 1.5 x the size ratio and the peak RSS at factor x is at most 16 x the
# input (4 x for f-wire-copy, ordinary wire copy); anything else, a timeout (default 120 s a
# run), the memory cap (--mem-cap-mb, default 4096 MB, raised where the row's RSS limit is
# higher; a quadratic input must not take the machine) or a failed run, is a FAIL. The exit
# status is 1 if any row fails.
#
# 1x is 250 KB for families a-d, 10 MB / factor for e (a\n), 25 MB of ../shared/corpus
# articles as one file for f, 1 MB for the patterns; --base-kb sets all of them (KB = 1000
# bytes). If the 1x run takes less than --min-secs (default 0.25), 1x is doubled (up to 32 MB)
# until it does not, so that start-up and the 10 ms resolution of the timer do not count.
# --only takes names or their prefixes before a dash (`a`, `f`, `cr-only`), `families` or
# `patterns`. --runs N (default 1) runs each input N times and keeps the least time, for a
# noisy machine. Run it on a quiet machine; the inputs run one after another.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin=target/release/newsparse
factor=4
only=
base_kb=
tmo=120
min_secs=0.25
mem_cap_mb=4096
runs=1
max_base=$((32 * 1000 * 1000))
corpus=../shared/corpus
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift ;;
    --factor) factor=$2; shift ;;
    --only) only=$2; shift ;;
    --base-kb) base_kb=$2; shift ;;
    --timeout) tmo=$2; shift ;;
    --min-secs) min_secs=$2; shift ;;
    --mem-cap-mb) mem_cap_mb=$2; shift ;;
    --corpus) corpus=$2; shift ;;
    --runs) runs=$2; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "scaling.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  [ $# -gt 0 ] && shift
done
case "$factor" in ''|*[!0-9]*|0|1) echo "scaling.sh: --factor must be an integer of 2 or more" >&2; exit 2 ;; esac
case "$runs" in ''|*[!0-9]*|0) echo "scaling.sh: --runs must be a positive integer" >&2; exit 2 ;; esac
case "$tmo" in ''|*[!0-9]*|0) echo "scaling.sh: --timeout must be a positive number of seconds" >&2; exit 2 ;; esac
case "$base_kb" in *[!0-9]*) echo "scaling.sh: --base-kb must be a number of KB" >&2; exit 2 ;; esac
command -v /usr/bin/time >/dev/null || { echo "scaling.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
if [ "$bin" = target/release/newsparse ] && [ ! -x "$bin" ]; then
  cargo build --release --quiet || exit 1
fi
[ -x "$bin" ] || { echo "scaling.sh: no program at $bin" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The names to run, with their default 1x size and RSS limit.
names=()
while read -r name base limit; do
  if [ -n "$only" ]; then
    keep=false
    IFS=, read -ra wanted <<< "$only"
    for w in "${wanted[@]}"; do
      case "$w" in
        families) [[ "$name" =~ ^[a-f]- ]] && keep=true ;;
        patterns) [[ "$name" =~ ^[a-f]- ]] || keep=true ;;
        *) { [ "$name" = "$w" ] || [[ "$name" == "$w"-* ]]; } && keep=true ;;
      esac
    done
    $keep || continue
  fi
  names+=("$name $base $limit")
done < <(python3 benches/scaling.py list --factor "$factor")
[ ${#names[@]} -gt 0 ] || { echo "scaling.sh: --only $only matches no input" >&2; exit 2; }

# run FILE: one run of newsparse; sets secs, rss_kb and status (ok, timeout, memcap, exit N).
# A watchdog polls the process every 0.1 s: past the timeout or the memory cap, it is killed.
run() {
  local file=$1 size maxb cap tpid pid= start now rss line capped=false timed_out=false
  size=$(stat -c %s "$file")
  maxb=$((size > 67108864 ? size : 67108864))
  # The cap in KB: --mem-cap-mb, but never below what the row may use and still pass.
  cap=$((mem_cap_mb * 1024))
  [ $((limit * size / 1024 + 65536)) -gt "$cap" ] && cap=$((limit * size / 1024 + 65536))
  /usr/bin/time -f '%e %M %x' -o "$work/time" \
    "$bin" --quiet --max-bytes "$maxb" "$file" > /dev/null 2> "$work/stderr" &
  tpid=$!
  start=${EPOCHREALTIME/./}
  while kill -0 "$tpid" 2>/dev/null; do
    [ -n "$pid" ] || read -r pid _ 2>/dev/null < "/proc/$tpid/task/$tpid/children"
    if [ -n "$pid" ]; then
      rss=
      while read -r key value _; do
        [ "$key" = VmRSS: ] && { rss=$value; break; }
      done 2>/dev/null < "/proc/$pid/status"
      if [ -n "$rss" ] && [ "$rss" -gt "$cap" ]; then
        capped=true; kill -KILL "$pid" 2>/dev/null
      fi
      now=${EPOCHREALTIME/./}
      if [ $(( (now - start) / 1000000 )) -ge "$tmo" ]; then
        timed_out=true; kill -KILL "$pid" 2>/dev/null
      fi
    fi
    sleep 0.1
  done
  wait "$tpid"
  line=$(tail -n 1 "$work/time")
  read -r secs rss_kb code <<< "$line"
  if $timed_out; then status=timeout
  elif $capped; then status=memcap
  elif [ "$code" != 0 ]; then status="exit $code: $(head -c 100 "$work/stderr" | tr '\n' ' ')"
  else status=ok
  fi
}

# measure FILE: run it --runs times (stopping at a failure), keeping the least time and the
# largest RSS.
measure() {
  local k best_secs best_rss
  run "$1"
  best_secs=$secs best_rss=$rss_kb
  for ((k = 1; k < runs; k++)); do
    [ "$status" = ok ] || break
    run "$1"
    best_secs=$(awk -v a="$best_secs" -v b="$secs" 'BEGIN { print (b < a ? b : a) }')
    [ "$rss_kb" -gt "$best_rss" ] && best_rss=$rss_kb
  done
  secs=$best_secs rss_kb=$best_rss
}

# gen NAME BYTES: the input in $work/in.txt; sets bytes.
gen() {
  python3 benches/scaling.py gen "$1" "$2" "$work/in.txt" --corpus "$corpus" || exit 1
  bytes=$(stat -c %s "$work/in.txt")
}

human() { awk -v b="$1" 'BEGIN { if (b >= 1e6) printf "%.1fM", b / 1e6; else printf "%.0fK", b / 1e3 }'; }

echo "# newsparse scaling: $bin ($(sha256sum "$bin" | cut -c1-12)), factor ${factor}x, timeout ${tmo}s, memory cap ${mem_cap_mb} MB, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
fmt='%-24s %8s %8s %8s %7s %7s %9s %7s  %s\n'
# shellcheck disable=SC2059
printf "$fmt" name size-1x time-1x "time-${factor}x" ratio allowed "RSS-${factor}x" RSS/in verdict
failed=0
for entry in "${names[@]}"; do
  read -r name base limit <<< "$entry"
  [ -n "$base_kb" ] && base=$((base_kb * 1000))
  gen "$name" "$base"
  measure "$work/in.txt"
  while [ "$status" = ok ] && awk -v s="$secs" -v m="$min_secs" 'BEGIN { exit !(s < m) }' \
        && [ $((base * 2)) -le "$max_base" ]; do
    base=$((base * 2))
    gen "$name" "$base"
    measure "$work/in.txt"
  done
  bytes1=$bytes secs1=$secs status1=$status
  if [ "$status1" = ok ]; then
    gen "$name" $((base * factor))
    measure "$work/in.txt"
  else
    secs=- status="1x failed"  # rss_kb and bytes stay those of the 1x run
  fi
  rm -f "$work/in.txt"
  row=$(awk -v b1="$bytes1" -v t1="$secs1" -v bn="$bytes" -v tn="$secs" -v kb="$rss_kb" \
            -v lim="$limit" -v s1="$status1" -v sn="$status" -v f="$factor" '
    BEGIN {
      allowed = 1.5 * bn / b1
      rss = kb * 1024; per = rss / bn
      if (s1 != "ok") {
        allowed = 1.5 * f
        s1 = s1 == "timeout" ? "timeout" : s1 == "memcap" ? "memory cap" : s1
        verdict = sprintf("FAIL (1x: %s, RSS %.0f MB = %.0fx)", s1, rss / 1e6, per)
        ratio = "-"; kb = 0
      }
      else if (sn != "ok") {
        verdict = "FAIL (" (sn == "timeout" ? "timeout" : sn == "memcap" ? "memory cap" : sn) ")"
        ratio = sn == "timeout" ? ">" sprintf("%.1f", tn / (t1 < 0.01 ? 0.01 : t1)) : "-"
      } else {
        r = tn / (t1 < 0.01 ? 0.01 : t1); ratio = sprintf("%.2f", r)
        bad = ""
        if (r > allowed) bad = "time"
        if (per > lim) bad = bad (bad == "" ? "" : "+") "rss>" lim "x"
        verdict = bad == "" ? "PASS" : "FAIL (" bad ")"
      }
      printf "%s\t%.2f\t%s\t%s\t%s\n", ratio, allowed, (kb > 0 ? sprintf("%.1f", rss / 1e6) : "-"),
             (kb > 0 ? sprintf("%.1f", per) : "-"), verdict
    }')
  IFS=$'\t' read -r ratio allowed rss_mb per verdict <<< "$row"
  # shellcheck disable=SC2059
  printf "$fmt" "$name" "$(human "$bytes1")" "$secs1" "$secs" "$ratio" "$allowed" "$rss_mb" "$per" "$verdict"
  [ "$verdict" = PASS ] || failed=$((failed + 1))
done
echo "# $failed of ${#names[@]} rows fail"
[ "$failed" -eq 0 ]
