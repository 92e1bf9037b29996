#!/usr/bin/env bash
# check_deb.sh BUILD_DIR VERSION — builds the Debian package with CPack into a temporary folder
# and checks what a school's machine would get from it: the programs, the desktop entry, icons,
# MIME types, translations, the user guide and the machine-readable copyright file in their
# standard places; the dependencies declared in the control file; and that the programs from the
# unpacked package start and report the version.
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "check_deb: $*" >&2
  exit 1
}

if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack failed"
fi
deb=$(ls "$work"/out/*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

dpkg-deb --contents "$deb" | awk '{print $NF}' >"$work/contents"
for f in ./usr/bin/backprop-studio ./usr/bin/backprop-cli \
  ./usr/share/applications/backprop-studio.desktop \
  ./usr/share/mime/packages/backprop-studio.xml \
  ./usr/share/icons/hicolor/scalable/apps/backprop-studio.svg \
  ./usr/share/icons/hicolor/48x48/apps/backprop-studio.png \
  ./usr/share/icons/hicolor/256x256/apps/backprop-studio.png \
  ./usr/share/backprop-studio/translations/backprop_zh_CN.qm \
  ./usr/share/doc/backprop-studio/copyright \
  ./usr/share/doc/backprop-studio/USER_GUIDE.md \
  ./usr/share/doc/backprop-studio/USER_GUIDE.zh_CN.md; do
  grep -qxF "$f" "$work/contents" || fail "the package lacks $f"
done

[ "$(dpkg-deb -f "$deb" Package)" = backprop-studio ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "version $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for d in libqt6widgets6 libqt6charts6 libqt6svg6 libqt6websockets6 libqt6network6 libc6 libstdc++6 qt6-qpa-plugins \
  qt6-translations-l10n fonts-wqy-microhei; do
  grep -q "\b$d\b" <<<"$depends" || fail "Depends lacks $d"
done

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/backprop-studio.desktop" ||
  fail "the .desktop file does not validate"
copyright="$work/root/usr/share/doc/backprop-studio/copyright"
head -1 "$copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
  fail "copyright is not in the machine-readable format"
grep -q '^License: GPL-3+' "$copyright" || fail "copyright names no licence for the program"

cli_version=$("$work/root/usr/bin/backprop-cli" --version)
grep -qF "$version" <<<"$cli_version" || fail "backprop-cli --version said: $cli_version"
studio_version=$(env -u DISPLAY -u QT_QPA_PLATFORM "$work/root/usr/bin/backprop-studio" --version 2>&1)
grep -qF "$version" <<<"$studio_version" || fail "backprop-studio --version said: $studio_version"
echo "ok: $cli_version / $studio_version"
