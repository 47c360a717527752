#!/usr/bin/env bash
# Validates the desktop launcher and the AppStream metadata, and checks that the metadata
# names the project's version as its newest release.
# Usage: check_metadata.sh DESKTOP_FILE METAINFO_FILE VERSION
set -euo pipefail

desktop=$1
metainfo=$2
version=$3

# ctest treats exit status 77 as skipped (SKIP_RETURN_CODE).
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed; install desktop-file-utils and appstream."
        exit 77
    fi
done

failures=0

echo "desktop-file-validate $desktop"
# desktop-file-validate exits 0 on hints, so any "error:" or "warning:" line counts as a failure.
desktop_output=$(desktop-file-validate "$desktop" 2>&1) || failures=$((failures + 1))
echo "$desktop_output"
if grep -Eq '(error|warning):' <<<"$desktop_output"; then
    failures=$((failures + 1))
fi

echo "appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net "$metainfo" || failures=$((failures + 1))

newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
if [ "$newest" != "$version" ]; then
    echo "FAIL: the newest release in $metainfo is \"$newest\", expected the project version $version."
    failures=$((failures + 1))
fi

id=$(basename "$desktop" .desktop)
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || { echo "FAIL: $metainfo does not launch $id.desktop."; failures=$((failures + 1)); }
grep -q "^Icon=$id$" "$desktop" \
    || { echo "FAIL: $desktop does not use the icon $id."; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed."
    exit 1
fi
echo "Desktop file and AppStream metadata are valid."
