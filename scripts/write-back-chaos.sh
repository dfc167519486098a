#!/usr/bin/env bash
# Issue 9's chaos proof, runnable by anyone: 10,000 queued notes written back by a SalesBridge worker process that is
# killed with SIGKILL three times at random moments and restarted, against the emulator (its own process) injecting
# 10% 429s, 5% 503s, 2% dropped connections and one expired token. Every item must end in the org exactly once,
# counted there; prints the figures as JSON and exits non-zero when that does not hold.
#   scripts/write-back-chaos.sh            a random seed (printed)
#   SALESBRIDGE_CHAOS_SEED=42 scripts/...  repeats a run's faults and kill moments
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SalesBridge.Web -c Release -v quiet -nologo
dotnet build bench/SalesBridge.Benchmarks -c Release -v quiet -nologo
export SALESBRIDGE_WEB_DLL="$PWD/src/SalesBridge.Web/bin/Release/net10.0/SalesBridge.Web.dll"
exec dotnet bench/SalesBridge.Benchmarks/bin/Release/net10.0/SalesBridge.Benchmarks.dll write-back-chaos
