#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds ProfileLens (Release) in
# build/ under the repository root. Used by run.sh and test.sh.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh"

build="${PROFILELENS_BUILD_DIR:-$root/build}"
jobs="${PROFILELENS_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "$jobs"
