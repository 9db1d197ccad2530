#!/usr/bin/env bash
# Copies the tables and figures of a finished full run of the latent experiments into this folder and writes
# claims.md (every claim with its interval and verdict) and timings.md (each experiment's wall time), from the run's
# metrics.json (docs/collect-run.sh does the work). Usage: docs/latent-full/collect.sh RUN_DIR
# (RUN_DIR: the run folder, e.g. runs/run-YYYYMMDD-HHMMSS)
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 RUN_DIR (the folder of a finished 'noether reproduce --full' run of the latent experiments)" >&2
  exit 2
fi
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$1/metrics.json" ] && [ "$(jq -r '.run.profile' "$1/metrics.json")" != "FULL" ]; then
  echo "$0: $1 is not a full run" >&2
  exit 2
fi
exec "$here/../collect-run.sh" "$here" latent. "$1"
