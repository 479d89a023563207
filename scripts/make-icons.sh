#!/usr/bin/env bash
# Renders resources/icon.svg into the icons electron-builder packs (run after editing the SVG;
# the outputs are committed, so building needs neither tool):
#   resources/icon.png          1024 px: macOS (electron-builder makes the .icns from it) and the fallback
#   resources/icon.ico          Windows (NSIS installer and the .exe), 16–256 px in one file
#   resources/icons/NxN.png     Linux (AppImage, deb), one file per size
# Needs rsvg-convert (librsvg2-bin) and ImageMagick 6 (imagemagick).
set -euo pipefail
cd "$(dirname "$0")/../resources"
convert_bin=/usr/bin/convert
[ -x "$convert_bin" ] || convert_bin=convert

rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
mkdir -p icons
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
"$convert_bin" icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico
ls -l icon.png icon.ico icons
