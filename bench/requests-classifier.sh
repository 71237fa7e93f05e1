#!/usr/bin/env bash
# Request classifier benchmark, DB-free, in one run: 5-fold cross-validated accuracy and macro-F1 of the model and of the
# keyword rules on data/citizen-messages-labelled.tsv (both feature sets), per-class precision and recall, messages per
# second on one thread, and training time on 100,000 examples. Writes bench/results/requests-classifier-*.md.
# Usage: bench/requests-classifier.sh [training-examples=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll classifier "${1:-100000}"
