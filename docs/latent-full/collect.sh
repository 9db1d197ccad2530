#!/usr/bin/env bash
# Copies the tables and figures of a finished full run of the latent experiments into this folder and writes
# claims.md (every claim with its interval and verdict) and timings.md (each experiment's wall time), from the run's
# metrics.json. Usage: docs/latent-full/collect.sh RUN_DIR   (RUN_DIR: the run folder, e.g. runs/run-YYYYMMDD-HHMMSS)
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 RUN_DIR (the folder of a finished 'noether reproduce --full' run of the latent experiments)" >&2
  exit 2
fi
run="$1"
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -d "$run" ]; then
  echo "$0: $run is not a folder" >&2
  exit 2
fi
if [ ! -f "$run/metrics.json" ]; then
  echo "$0: $run has no metrics.json: the run has not finished (continue it with ./noether reproduce --resume $run)" >&2
  exit 2
fi
command -v jq >/dev/null 2>&1 || { echo "$0: needs jq" >&2; exit 127; }
profile="$(jq -r '.run.profile' "$run/metrics.json")"
if [ "$profile" != "FULL" ]; then
  echo "$0: $run is a $profile run, not a full one" >&2
  exit 2
fi

experiments="$(jq -r '.experiments | keys_unsorted[] | select(startswith("latent."))' "$run/metrics.json")"
if [ -z "$experiments" ]; then
  echo "$0: $run/metrics.json names no latent experiment" >&2
  exit 2
fi
for e in $experiments; do
  # tables (CSV) and the report's figures (PNG) of the experiment
  for f in "$run/$e"-*.csv "$run/$e"-*.png; do
    [ -f "$f" ] && cp "$f" "$here/"
  done
  # the picture grids the experiment wrote into its own folder
  for g in predictions latent-swap; do
    [ -f "$run/$e/$g.png" ] && cp "$run/$e/$g.png" "$here/$e-$g.png"
  done
done
# the command line names folders of the machine it ran on: they become DIR
jq '{run: (.run | .command |= (split(" ") | map(if startswith("/") then "DIR" else . end) | join(" "))), claims: .claims, experiments: (.experiments | with_entries(select(.key | startswith("latent."))))}' \
  "$run/metrics.json" > "$here/metrics.json"

{
  echo "# Claims of the full run $(jq -r '.run.name' "$run/metrics.json") (seed $(jq -r '.run.seed' "$run/metrics.json"))"
  echo
  echo "Each claim is judged on the 95 % bootstrap interval of a paired difference over seeds; it holds only if the"
  echo "whole interval lies above 0. Written by collect.sh from the run's metrics.json."
  echo
  echo "| experiment | claim | measured (95 % interval) | verdict |"
  echo "|---|---|---|---|"
  jq -r '.experiments | to_entries[] | select(.key | startswith("latent.")) | .key as $e
         | .value.claims[] | "| \($e) | \(.statement) | \(.ours) | \(.verdict) |"' "$run/metrics.json"
  echo
  jq -r '[.experiments | to_entries[] | select(.key | startswith("latent.")) | .value.claims[]]
         | "\(map(select(.verdict == "HELD")) | length) of \(length) claims held."' "$run/metrics.json"
} > "$here/claims.md"

{
  echo "# Wall time of each experiment in the full run $(jq -r '.run.name' "$run/metrics.json")"
  echo
  echo "| experiment | status | seconds |"
  echo "|---|---|---|"
  jq -r '.experiments | to_entries[] | select(.key | startswith("latent."))
         | "| \(.key) | \(.value.status) | \(.value.elapsed_seconds | floor) |"' "$run/metrics.json"
  echo
  echo "Run: $(jq -r '.run.elapsed_seconds | floor' "$run/metrics.json") s in all (wall time of this attempt; a resumed"
  echo "run counts only the attempt that wrote the report; earlier attempts print \"done in\" lines in their log). Profile: $(jq -r '.run.profile' "$run/metrics.json"), seed $(jq -r '.run.seed' "$run/metrics.json")."
} > "$here/timings.md"

echo "copied $(echo "$experiments" | wc -w) experiments into $here; see claims.md and timings.md"
