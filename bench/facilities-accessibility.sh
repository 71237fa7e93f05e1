#!/usr/bin/env bash
# Whole-city accessibility (issue 11 §6): the synthetic walking network inside the real district polygons at scale 1,
# 24,000 compounds, 10 facility types. bench/Linli.Bench --facilities-accessibility times all the types' multi-source
# searches, a naive per-origin search on a sample (extrapolated), a "what if" and the planner, then networkx's
# multi_source_dijkstra_path_length runs the same sources and cutoff on the same graph (bench/facilities-networkx.py).
# Usage: bench/facilities-accessibility.sh [compounds=24000]
set -euo pipefail
cd "$(dirname "$0")/.."
compounds=${1:-24000}
dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
mkdir -p bench/results
report="bench/results/facilities-accessibility-$(date +%Y%m%d-%H%M%S).md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll facilities-accessibility --compounds "$compounds" --export "$tmp/graph" --report "$report"
python3 -c 'import networkx' 2>/dev/null || { echo "python3-networkx missing: apt-get install python3-networkx" >&2; exit 1; }
read -r nx_seconds nx_reached < <(python3 bench/facilities-networkx.py "$tmp/graph" 1125)
read -r ours_one ours_all ours_reached < "$tmp/graph.ours"
{
  echo "- networkx multi_source_dijkstra_path_length, same graph, same sources (type 0) and cutoff: ${nx_seconds} s (reached ${nx_reached} nodes);"
  echo "  ours one thread ${ours_one} s: **$(python3 -c "print(f'{$nx_seconds/$ours_one:.0f}')")× faster**; all 10 types on all cores ${ours_all} s vs networkx ×10 = $(python3 -c "print(f'{$nx_seconds*10:.1f}')") s"
  echo "- pgRouting pgr_drivingDistance: not measured in this run"
  echo "- load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
} | tee -a "$report"
echo "Report: $report"
