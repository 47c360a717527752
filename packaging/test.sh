#!/usr/bin/env bash
# Installs what is missing, builds ProfileLens and runs its test suites with ctest.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/build.sh"

build="${PROFILELENS_BUILD_DIR:-$root/build}"
cd "$build"
# The GUI tests use Qt's offscreen platform; no display server is needed.
ctest --output-on-failure --timeout 900 --parallel "${PROFILELENS_TEST_JOBS:-1}"
