#!/usr/bin/env bash
# NocBoard's test command: installs what the tests need, then runs every test.
# A test that does not run (skipped, or never executed) fails this script.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the suite needs, installed when missing. Later suites add their servers here.
# chromium: the browser tests drive Debian's Chromium (Playwright cannot download its own here).
# nagios4-common: monitoring tests render Nagios's shipped notification commands (commands.cfg).
# rt5-clients: the RT REST 1.0 tests run the real rt command-line client.
# postfix, dovecot-imapd, dovecot-pop3d: the mail tests run real mail servers (and the real rt-mailgate).
APT_PACKAGES=(ca-certificates tzdata chromium nagios4-common rt5-clients postfix dovecot-imapd dovecot-pop3d curl jq)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}"
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(pwd)/TestResults"
rm -rf "$results"

dotnet restore NocBoard.sln
dotnet build NocBoard.sln --no-restore -c Debug
set +e
dotnet test NocBoard.sln --no-build -c Debug --results-directory "$results" \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" "$@"
status=$?
set -e

trx=$(find "$results" -name results.trx | head -1)
if [ -z "$trx" ]; then
  echo "No test results were written." >&2
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
total=$(count total); executed=$(count executed); passed=$(count passed); failed=$(count failed)
not_run=$((total - executed))
echo
echo "Tests: $passed passed, $failed failed, $not_run skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$not_run" -ne 0 ] || [ "$total" -eq 0 ]; then
  [ "$not_run" -ne 0 ] && echo "Some tests did not run; every test must run here." >&2
  exit 1
fi
