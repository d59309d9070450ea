#!/usr/bin/env bash
# Build the Linux package from the PyInstaller bundle: dist/safetydesk_<version>_<arch>.deb.
# It installs the program under /opt/safetydesk, a launcher /usr/bin/safety-desk and a menu entry with the icon,
# and removes all of them again on `dpkg -r safetydesk`.
#   scripts/build_deb.sh [--enrol FILE.sdenroll]   (the enterprise edition carries its enrolment file)
set -euo pipefail
cd "$(dirname "$0")/.."
enrolment=""
if [ "${1:-}" = "--enrol" ]; then
    enrolment="$2"
    [ -f "$enrolment" ] || { echo "no enrolment file: $enrolment" >&2; exit 2; }
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
arch=$(dpkg --print-architecture)
[ -x dist/SafetyDesk/safety-desk ] || { echo "build the bundle first: pyinstaller build.spec" >&2; exit 2; }

name="safetydesk"
[ -n "$enrolment" ] && name="safetydesk-enterprise"
root="build/deb/${name}_${version}_${arch}"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt/safetydesk" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/icons/hicolor/256x256/apps"
cp -a dist/SafetyDesk/. "$root/opt/safetydesk/"
if [ -n "$enrolment" ]; then
    # Read at first start: the installation joins as that enterprise's device and is locked to it.
    cp "$enrolment" "$root/opt/safetydesk/enrolment.sdenroll"
fi
cat > "$root/usr/bin/safety-desk" <<'LAUNCHER'
#!/bin/sh
exec /opt/safetydesk/safety-desk "$@"
LAUNCHER
chmod 755 "$root/usr/bin/safety-desk"
cp resources/icons/safetydesk.png "$root/usr/share/icons/hicolor/256x256/apps/safetydesk.png"
cat > "$root/usr/share/applications/safetydesk.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=安全检查工作台
Name[en]=SafetyDesk
GenericName=Workplace safety inspections
Comment=安全检查、隐患排查治理与应急演练
Exec=safety-desk
Icon=safetydesk
Terminal=false
Categories=Office;
DESKTOP
size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: ${name}
Version: ${version}
Architecture: ${arch}
Maintainer: SafetyDesk <support@safetydesk.invalid>
Installed-Size: ${size}
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xkb1, libx11-xcb1
Conflicts: $([ "$name" = safetydesk ] && echo safetydesk-enterprise || echo safetydesk)
Section: misc
Priority: optional
Description: 安全检查工作台 SafetyDesk — offline workplace-safety inspections
 Inspections with checklists, hazards followed to closure (整改 → 复查 → 销号),
 rectification notices, drills and the weekly summary, working fully offline.
CONTROL
mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$root" "dist/${name}_${version}_${arch}.deb" >/dev/null
echo "dist/${name}_${version}_${arch}.deb ($(du -h "dist/${name}_${version}_${arch}.deb" | cut -f1))"
