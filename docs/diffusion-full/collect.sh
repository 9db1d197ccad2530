#!/usr/bin/env bash
# Copies the tables, figures and reports of the finished full runs of the diffusion experiments into this folder and
# writes claims.md and timings.md from their metrics.json (docs/collect-run.sh does the work).
# Usage: docs/diffusion-full/collect.sh RUN_DIR...   (the runs of diffusion.conformers and diffusion.proteins, --full)
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 RUN_DIR... (folders of finished 'noether reproduce --full' runs of the diffusion experiments)" >&2
  exit 2
fi
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for run in "$@"; do
  if [ -f "$run/metrics.json" ] && [ "$(jq -r '.run.profile' "$run/metrics.json")" != "FULL" ]; then
    echo "$0: $run is not a full run" >&2
    exit 2
  fi
done
exec "$here/../collect-run.sh" "$here" diffusion. "$@"
