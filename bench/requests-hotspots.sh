#!/usr/bin/env bash
# 未诉先办 hotspot rules benchmark, DB-free, in one run: planted clusters and repeat callers found in a synthetic
# full-scale week (20,000 tickets) and year, the clustering's time against an all-pairs baseline on the same week, and
# a year's pass. Writes bench/results/requests-hotspots-*.md.
# Usage: bench/requests-hotspots.sh [tickets-a-week=20000] [weeks=52]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll hotspots "${1:-20000}" "${2:-52}"
