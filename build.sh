#!/usr/bin/env bash
# The README's test command: installs what a fresh machine lacks for the tests, then runs every test.
#   ./build.sh test [dotnet test options...]
# Needs the .NET 10 SDK. Graphviz (`dot`) renders and checks the diagrams and reads the graph files back; Python's
# NetworkX reads the GraphML graph file back (docs/checking.md); Node runs Mermaid's own parser
# (tools/mermaid-check) on the .mmd files; Debian's headless chromium, driven by puppeteer-core (tools/browser-check),
# steps through every replay page and renders every .mmd with Mermaid's bundle. Missing ones are installed with apt-get
# (as root, or through sudo); CHROMIUM may name a browser installed elsewhere.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: $* missing and no apt-get here; install it with your package manager" >&2
    return 1
  fi
  echo "build.sh: installing $*" >&2
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}

prerequisites() {
  command -v dotnet >/dev/null 2>&1 || { echo "build.sh: the .NET 10 SDK is needed: https://dot.net" >&2; exit 2; }
  command -v dot >/dev/null 2>&1 || apt_install graphviz
  python3 -c 'import networkx' >/dev/null 2>&1 || apt_install python3 python3-networkx
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  if [ -z "${CHROMIUM:-}" ]; then
    command -v chromium >/dev/null 2>&1 || apt_install chromium
  fi
  npm_tool mermaid-check mermaid
  npm_tool browser-check puppeteer-core
}

# npm ci for a tool under tools/ when its package is missing or its lock file is newer than what is installed.
npm_tool() {
  local tool="tools/$1"
  if [ ! -d "$tool/node_modules/$2" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules" ]; then
    npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error
  fi
}

command="${1:-test}"
[ $# -gt 0 ] && shift
case "$command" in
  test)
    prerequisites
    exec dotnet test FailoverModel.sln "$@"
    ;;
  prerequisites)
    prerequisites
    ;;
  *)
    echo "usage: ./build.sh [test [dotnet test options...] | prerequisites]" >&2
    exit 2
    ;;
esac
