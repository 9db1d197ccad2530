#!/usr/bin/env bash
# Reports the experiments of a full latent run that is still going (or was stopped) whose 12 models are all trained:
# copies their model caches into a new run folder under OUT and resumes that folder with --jobs 1, which loads every
# model from its cache (nothing is trained), scores it and writes the report; then collect.sh copies the results
# here. An experiment whose cache is not complete is refused (it would be trained in the snapshot too).
# Usage: docs/latent-full/snapshot.sh RUN_DIR OUT EXPERIMENT...
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 RUN_DIR OUT EXPERIMENT... (experiments of RUN_DIR whose models are all cached)" >&2
  exit 2
fi
run="$1"
out="$2"
shift 2
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ -f "$run/run.json" ] || { echo "$0: $run has no run.json" >&2; exit 2; }
command -v jq >/dev/null 2>&1 || { echo "$0: needs jq" >&2; exit 127; }

snap="$out/run-snapshot-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$snap"
for e in "$@"; do
  models="$(ls "$run/$e/cache/"*-scores.entry 2>/dev/null | wc -l)"
  if [ "$e" != latent.action-cost ] && [ "$models" -lt 12 ]; then
    echo "$0: $e has $models of 12 models cached in $run/$e/cache; wait until it has finished" >&2
    rm -rf "$snap"
    exit 2
  fi
  mkdir -p "$snap/$e"
  [ -d "$run/$e/cache" ] && cp -r "$run/$e/cache" "$snap/$e/"
done
names="$(printf '%s\n' "$@" | jq -R . | jq -s .)"
jq --argjson names "$names" '.experiments = $names | .written = {}' "$run/run.json" > "$snap/run.json"
echo "snapshot of $* in $snap" >&2
OMP_NUM_THREADS=1 nice -n 19 "$root/noether" reproduce --resume "$snap" --jobs 1
"$here/collect.sh" "$snap"
