#!/usr/bin/env bash
# Installs what is missing, builds ProfileLens and opens it on the demo project: the two
# public-domain portraits in resources/demo, scored by the default eyeglasses model.
# Extra arguments go to the application (for example --project DIR).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/build.sh"

build="${PROFILELENS_BUILD_DIR:-$root/build}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found, so the window cannot open. Scoring the demo pictures instead:"
    "$build/app/profilelens-cli" predict "$root/resources/demo"
    echo "On a desktop session, run: $build/app/profilelens --demo"
    exit 0
fi
exec "$build/app/profilelens" --demo "$@"
