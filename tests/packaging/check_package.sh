#!/usr/bin/env bash
# Builds the Debian package from a complete build folder, unpacks it into a temporary root
# and checks its control fields, its file list and that the unpacked CLI runs.
# Usage: check_package.sh BUILD_DIR VERSION APP_ID
set -euo pipefail

build_dir=$1
version=$2
app_id=$3

# ctest treats exit status 77 as skipped (SKIP_RETURN_CODE).
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed; install dpkg-dev and cmake to build the package."
        exit 77
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

echo "Building the package with cpack in $work"
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the package (log above)."
    exit 1
fi
deb=$(find "$work" -maxdepth 1 -name 'profilelens_*.deb' -print -quit)
if [ -z "$deb" ]; then
    cat "$work/cpack.log"
    echo "FAIL: cpack wrote no profilelens_*.deb into $work."
    exit 1
fi
echo "Package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"

# Control fields
package=$(dpkg-deb -f "$deb" Package)
[ "$package" = profilelens ] || fail "Package is \"$package\", expected profilelens."
package_version=$(dpkg-deb -f "$deb" Version)
[ "$package_version" = "$version" ] || fail "Version is \"$package_version\", expected $version."
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for wanted in libdlib-data libopenblas0-pthread qt6-image-formats-plugins libqt6sql6-sqlite \
              qt6-qpa-plugins libqt6svg6; do
    grep -Eq "(^|, )$wanted( |,|$)" <<<"$depends" || fail "Depends lacks $wanted."
done
# Found by dpkg-shlibdeps from the linked libraries.
for pattern in 'libtorch[0-9.]+' 'libopencv-[a-z]+[0-9.]+' 'libdlib[0-9.]+' 'libqt6core6' \
               'libqt6widgets6' 'libqt6sql6'; do
    grep -Eq "(^|, )$pattern( |,|$)" <<<"$depends" || fail "Depends has no entry matching $pattern."
done

# File list
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files.txt"
for path in \
    /usr/bin/profilelens \
    /usr/bin/profilelens-cli \
    "/usr/share/applications/$app_id.desktop" \
    "/usr/share/metainfo/$app_id.metainfo.xml" \
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    /usr/share/profilelens/translations/profilelens_de.qm; do
    grep -Fxq "$path" "$work/files.txt" || fail "$path is not in the package."
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    grep -Fxq "$png" "$work/files.txt" || fail "$png is not in the package."
done
if grep -q '^/usr/share/profilelens/models/.*\.plmodel$' "$work/files.txt"; then
    echo "Model files: $(grep -c '^/usr/share/profilelens/models/.*\.plmodel$' "$work/files.txt")"
else
    # NOTE: models/ contains no .plmodel until the shipped model is trained and committed.
    echo "No .plmodel in the package; models/ contains none yet."
fi

# Unpack and run the command-line program against the system libraries.
root="$work/root"
dpkg-deb -x "$deb" "$root"
output=$("$root/usr/bin/profilelens-cli" --version 2>&1) || fail "profilelens-cli --version failed: $output"
echo "profilelens-cli --version: $output"
[ "$output" = "profilelens-cli $version" ] || fail "profilelens-cli --version printed \"$output\", expected \"profilelens-cli $version\"."

png_header=$(head -c 8 "$root/usr/share/icons/hicolor/48x48/apps/$app_id.png" | od -An -tx1 | tr -d ' \n')
[ "$png_header" = 89504e470d0a1a0a ] || fail "The 48x48 icon is not a PNG file."

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed."
    exit 1
fi
echo "All package checks passed."
