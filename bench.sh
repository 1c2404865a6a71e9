#!/usr/bin/env bash
# NocBoard's benchmarks: builds in Release and runs the named benchmarks (all when none is named).
# Each prints `name: value` lines, with the target beside a figure when there is one.
# They start their own NocBoard on a free 127.0.0.1 port and stop by themselves.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build NocBoard.Bench -c Release -v quiet -nologo >/dev/null
exec dotnet NocBoard.Bench/bin/Release/net10.0/NocBoard.Bench.dll "$@"
