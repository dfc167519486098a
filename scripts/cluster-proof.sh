#!/usr/bin/env bash
# Issue 10's proof, runnable by anyone with a PostgreSQL server: one emulator process serving 50 orgs, 50 contracts,
# three SalesBridge worker processes and one web process on the clustered scheduler, 10 minutes of scheduled imports and
# write-backs, one worker killed with SIGKILL half-way. Prints the figures as JSON; exits non-zero when a check fails.
#   SALESBRIDGE_POSTGRES="Host=127.0.0.1;Username=postgres" scripts/cluster-proof.sh
#   SALESBRIDGE_PROOF_MINUTES=4 SALESBRIDGE_PROOF_ORGS=10 ...   a smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SalesBridge.Web -c Release -v quiet -nologo
dotnet build bench/SalesBridge.Benchmarks -c Release -v quiet -nologo
export SALESBRIDGE_WEB_DLL="$PWD/src/SalesBridge.Web/bin/Release/net10.0/SalesBridge.Web.dll"
exec dotnet bench/SalesBridge.Benchmarks/bin/Release/net10.0/SalesBridge.Benchmarks.dll cluster-proof
