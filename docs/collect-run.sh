#!/usr/bin/env bash
# Copies what finished `noether reproduce` runs wrote for the experiments whose names start with PREFIX into DEST:
# their CSV tables and figures, the pictures each experiment wrote into its own folder (as EXPERIMENT-NAME.png), each
# run's report.html, a merged metrics.json, claims.md (every claim with its measured interval and verdict) and
# timings.md (each experiment's wall time). Absolute paths in the recorded command lines become DIR, so no folder of
# the machine that ran them ends up in the docs.
#
# Usage: docs/collect-run.sh DEST PREFIX RUN_DIR...
#   DEST     the docs folder to fill (created if missing)
#   PREFIX   experiment-name prefix, e.g. "latent." or "diffusion."
#   RUN_DIR  run folders (runs/run-YYYYMMDD-HHMMSS) of finished runs; several runs are merged
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 DEST PREFIX RUN_DIR... (folders of finished 'noether reproduce' runs)" >&2
  exit 2
fi
dest="$1"
prefix="$2"
shift 2
command -v jq >/dev/null 2>&1 || { echo "$0: needs jq" >&2; exit 127; }
for run in "$@"; do
  if [ ! -d "$run" ]; then
    echo "$0: $run is not a folder" >&2
    exit 2
  fi
  if [ ! -f "$run/metrics.json" ]; then
    echo "$0: $run has no metrics.json: the run has not finished (continue it with ./noether reproduce --resume $run)" >&2
    exit 2
  fi
  if [ -z "$(jq -r --arg p "$prefix" '.experiments | keys_unsorted[] | select(startswith($p))' "$run/metrics.json")" ]; then
    echo "$0: $run/metrics.json names no experiment starting with '$prefix'" >&2
    exit 2
  fi
done
mkdir -p "$dest"

# jq filter: the recorded command line with every absolute path replaced by DIR
sanitize='split(" ") | map(if startswith("/") then "DIR" else . end) | join(" ")'

count=0
for run in "$@"; do
  experiments="$(jq -r --arg p "$prefix" '.experiments | keys_unsorted[] | select(startswith($p))' "$run/metrics.json")"
  for e in $experiments; do
    count=$((count + 1))
    for f in "$run/$e"-*.csv "$run/$e"-*.png; do
      [ -f "$f" ] && cp "$f" "$dest/"
    done
    if [ -d "$run/$e" ]; then
      for g in "$run/$e"/*.png; do
        [ -f "$g" ] && cp "$g" "$dest/$e-$(basename "$g")"
      done
    fi
  done
  # the report, named after its experiment when the run has only one
  n="$(echo "$experiments" | wc -w)"
  name="report.html"
  [ "$n" -eq 1 ] && name="report-$experiments.html"
  command="$(jq -r '.run.command' "$run/metrics.json")"
  clean="$(jq -r ".run.command | $sanitize" "$run/metrics.json")"
  # the report shows the command line: HTML-escaped like the report writes it, the same words replaced
  python3 - "$run/report.html" "$dest/$name" "$command" "$clean" <<'EOF'
import html, sys
src, dst, raw, clean = sys.argv[1:]
text = open(src, encoding="utf-8").read()
text = text.replace(html.escape(raw, quote=False), html.escape(clean, quote=False)).replace(raw, clean)
open(dst, "w", encoding="utf-8").write(text)
EOF
done

jq -s --arg p "$prefix" "{runs: map(.run | .command |= ($sanitize)),
      experiments: (map(.experiments | with_entries(select(.key | startswith(\$p)))) | add)}" \
  "${@/%//metrics.json}" > "$dest/metrics.json"

{
  echo "# Claims of $(jq -r '[.runs[] | "\(.name) (\(.profile), seed \(.seed))"] | join(", ")' "$dest/metrics.json")"
  echo
  echo "Each claim is judged on the 95 % bootstrap interval of a paired difference; it holds only if the whole interval"
  echo "lies on the claimed side of 0. Written by collect-run.sh from the runs' metrics.json."
  echo
  echo "| experiment | claim | measured (95 % interval) | verdict |"
  echo "|---|---|---|---|"
  jq -r '.experiments | to_entries[] | .key as $e
         | (.value.claims // [])[] | "| \($e) | \(.statement) | \(.ours) | \(.verdict) |"' "$dest/metrics.json"
  echo
  jq -r '[.experiments[] | (.claims // [])[]]
         | "\(map(select(.verdict == "HELD")) | length) of \(length) claims held."' "$dest/metrics.json"
} > "$dest/claims.md"

{
  echo "# Wall time of each experiment"
  echo
  echo "| experiment | status | seconds |"
  echo "|---|---|---|"
  jq -r '.experiments | to_entries[] | "| \(.key) | \(.value.status) | \(.value.elapsed_seconds | floor) |"' \
    "$dest/metrics.json"
  echo
  jq -r '.runs[] | "Run \(.name): \(.elapsed_seconds | floor) s in all, profile \(.profile), seed \(.seed), command `\(.command)`."' \
    "$dest/metrics.json"
  echo
  echo "A resumed run counts only the attempt that wrote the report; earlier attempts print \"done in\" lines in their log."
} > "$dest/timings.md"

echo "copied $count experiments into $dest; see claims.md and timings.md"
