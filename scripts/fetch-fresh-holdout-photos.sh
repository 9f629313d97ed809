#!/usr/bin/env bash
# Extracts a further held-out set for the duplicates benchmark from Debian packages nobody looked at
# while tuning, one set per round of issue 11 (each set is studied once it has been run, so the next
# round needs another):
#   wallpapers  (default) ukui-wallpapers and lomiri-wallpapers: 13 renders, flat vector art and
#               graphics; first run in round sixteen.
#   plasma      plasma-workspace-wallpapers: 30 pictures, photos and renders, each at 1920x1080 where
#               the package has it, else its largest landscape size; first run in round seventeen.
#   touch       lomiri-wallpapers-16.04 and -20.04 (19 photos and renders), sway-backgrounds (its one
#               picture at 1920x1080) and desktop-base (the grub screen of each Debian theme: flat vector
#               art); first run in round nineteen.
#   gcompris    gcompris-qt-data: the photographs of four activities (farm animals, world animals, world
#               music, erase), 22 lossy WebP photos at least 1000 px wide carved out of the activities'
#               Qt resource files; first run in round twenty.
#   monuments   gcompris-qt-data: the photographs of its monuments activity (buildings, statues, ruins),
#               carved the same way; first run in round twenty-one.
#   opencv      opencv-doc: the photographs among OpenCV's sample data (24: fruit, animals, a circuit
#               board, streets, a painting, a sudoku on paper), one of each natural pair (stereo,
#               video frames, exposures, an edit) as the source; first run in round twenty-two.
#               SHOEBOX_NATURAL_PAIRS=1 copies the other members instead, for the natural-pairs check.
#   screens     fotoxx-common and gimp-help-en: every picture of their manuals (257 and 1,969): dialogs of
#               one app with one look, toolbox states, icons, filter examples on one photo. Not a set for
#               the generator: scanned as they are, for the natural check of round twenty-three (does
#               `duplicates` group different screenshots of one app?). First looked at in round
#               twenty-three.
#   gnucash     gnucash-docs: the figures of GnuCash's English guide and help (223: account registers,
#               dialogs, reports and charts of one GTK app). Like screens, scanned as they are; the
#               held-out check of round twenty-five's rule for two states of one screen.
#   apps        gnumeric-doc and wireshark-doc: the figures of Gnumeric's English manual (439: dialogs,
#               sheets, charts) and of Wireshark's user guide (140, without its toolbar icons). Scanned
#               as they are; the rule's held-out, run once its numbers were fixed (round twenty-five).
#   lxqt        lxqt-themes and xfdesktop4-data: LXQt's 23 wallpapers (photos of rain, flowers, fog and
#               a butterfly; origami, waves and triangles renders, smooth gradients with a logo) and
#               Xfce's three large backgrounds (two gradients, one pattern); first run in round
#               twenty-six, for the reframing rule's unseen check.
#   endless     endless-sky-data: every ninth of the game's 273 landscape photographs (31 of mountains,
#               seas, cities, fields, fog and snow at 720x360, by many photographers), sorted by name;
#               first run in round twenty-seven, for the moved-parts rule's unseen check. All 273 as they
#               are make the natural check: different photos of alike scenes.
#   kicad       kicad-doc-en: every picture of KiCad's English manuals (972: dialogs, board and
#               schematic views, toolbar icons at 16-24 px). Scanned as they are, like screens; looked at
#               while setting round twenty-seven's screen rules, so tuning data.
#   helpdocs    geany-common, hugin-data and shotwell-common: the pictures of their manuals (Geany's
#               preferences pages, Hugin's help and interface images, Shotwell's figures; 280). Scanned as
#               they are; the unseen check of round twenty-seven's screen rules, run once.
#   SHOEBOX_DUP_SOURCES="$(scripts/fetch-fresh-holdout-photos.sh plasma)" tests/benchmarks/run-duplicates-benchmark.sh OUT
# Prints the source folder. Never committed; not needed by the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
set_name="${1:-wallpapers}"
case "$set_name" in
  wallpapers) packages=(ukui-wallpapers lomiri-wallpapers) ;;
  plasma) packages=(plasma-workspace-wallpapers) ;;
  touch) packages=(lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 sway-backgrounds desktop-base) ;;
  gcompris | monuments) packages=(gcompris-qt-data) ;;
  opencv) packages=(opencv-doc) ;;
  screens) packages=(fotoxx-common gimp-help-en) ;;
  gnucash) packages=(gnucash-docs) ;;
  apps) packages=(gnumeric-doc wireshark-doc) ;;
  lxqt) packages=(lxqt-themes xfdesktop4-data) ;;
  endless) packages=(endless-sky-data) ;;
  kicad) packages=(kicad-doc-en) ;;
  helpdocs) packages=(geany-common hugin-data shotwell-common) ;;
  *) echo "unknown set '$set_name' (wallpapers, plasma, touch, gcompris, monuments, opencv, screens, gnucash, apps, lxqt, endless, kicad or helpdocs)" >&2
    exit 2 ;;
esac
out="$root/.testdata/holdout-fresh"
mkdir -p "$out/debs"
cd "$out/debs"
for pkg in "${packages[@]}"; do
  ls "${pkg}"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" >&2
done
extract="$out/extract-$set_name"
pictures="$out/$set_name"
rm -rf "$extract" "$pictures" && mkdir -p "$extract" "$pictures"
for pkg in "${packages[@]}"; do dpkg -x "${pkg}"_*.deb "$extract"; done
# Copies every PNG and JPEG below folder $1 into the set, named $2 and its path below $1, "/" as "_"
# (names repeat across a manual's folders).
copy_flat() {
  find "$1" -type f \( -name '*.png' -o -name '*.jpg' \) -print0 | while IFS= read -r -d '' f; do
    rel="${f#"$1"/}"
    cp "$f" "$pictures/$2${rel//\//_}"
  done
}
if [ "$set_name" = wallpapers ]; then
  # Plain files only: lomiri-default-background.png is a link to warty-final-ubuntu.png (a byte copy).
  find "$extract/usr/share/backgrounds" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) \
    -exec cp {} "$pictures/" \;
elif [ "$set_name" = touch ]; then
  find "$extract/usr/share/backgrounds" -maxdepth 1 -type f -name '*.jpg' -exec cp {} "$pictures/" \;
  cp "$extract/usr/share/backgrounds/sway/Sway_Wallpaper_Blue_1920x1080.png" "$pictures/"
  # joy-inksplat is joy's swirl moved on the same gradient: a look-alike, not another picture.
  for grub in "$extract"/usr/share/desktop-base/*-theme/grub/grub-16x9.png; do
    theme=$(basename "$(dirname "$(dirname "$grub")")")
    [ "$theme" = joy-inksplat-theme ] || cp "$grub" "$pictures/${theme%-theme}.png"
  done
elif [ "$set_name" = opencv ]; then
  # Real photographs only (no test charts, renders of shapes or disparity maps). Each natural pair
  # gives its first member; the second (another frame, the other eye, another exposure, an edit) is
  # for the natural-pairs check, which labels no pair and only reports what the engine says.
  data="$extract/usr/share/doc/opencv-doc/examples/data"
  photos=(aero1.jpg aloeL.jpg apple.jpg baboon.jpg basketball1.png board.jpg box.png box_in_scene.png
    building.jpg butterfly.jpg cards.png chicky_512.png ela_original.jpg fruits.jpg graf1.png leuvenA.jpg
    licenseplate_motion.jpg messi5.jpg orange.jpg rubberwhale1.png smarties.png squirrel_cls.jpg
    starry_night.jpg sudoku.png)
  [ "${SHOEBOX_NATURAL_PAIRS:-0}" = 1 ] && photos+=(aero3.jpg aloeR.jpg basketball2.png ela_modified.jpg
    graf3.png leuvenB.jpg rubberwhale2.png)
  for f in "${photos[@]}"; do cp "$data/$f" "$pictures/"; done
elif [ "$set_name" = screens ]; then
  # Flat, named after the manual and the folder each picture came from (names repeat across folders).
  cp "$extract"/usr/share/fotoxx/images/*.{jpg,png} "$pictures/"
  copy_flat "$extract/usr/share/gimp/2.0/help/en/images" gimp_
elif [ "$set_name" = gnucash ]; then
  for manual in gnucash-guide gnucash-help; do
    for f in "$extract/usr/share/help/C/$manual/figures"/*.{png,jpg}; do
      [ -f "$f" ] && cp "$f" "$pictures/${manual#gnucash-}_$(basename "$f")"
    done
  done
elif [ "$set_name" = apps ]; then
  for f in "$extract"/usr/share/help/C/gnumeric/figures/*.png; do cp "$f" "$pictures/gnumeric_$(basename "$f")"; done
  for f in "$extract"/usr/share/doc/wireshark/wsug_html_chunked/images/*.png; do
    cp "$f" "$pictures/wireshark_$(basename "$f")"
  done
elif [ "$set_name" = lxqt ]; then
  cp "$extract"/usr/share/lxqt/wallpapers/*.{png,jpg} "$pictures/"
  # Xfce's small tiles and icons are not photos to edit: its backgrounds of at least 150 KB only.
  find "$extract/usr/share/backgrounds/xfce" -type f -size +150k \( -name "*.jpg" -o -name "*.png" \) \
    -exec cp {} "$pictures/" \;
elif [ "$set_name" = endless ]; then
  land="$extract/usr/share/games/endless-sky/images/land"
  if [ "${SHOEBOX_NATURAL_PAIRS:-0}" = 1 ]; then
    cp "$land"/*.jpg "$pictures/"
  else
    find "$land" -maxdepth 1 -name '*.jpg' -printf '%f\n' | LC_ALL=C sort | awk 'NR % 9 == 1' \
      | while IFS= read -r f; do cp "$land/$f" "$pictures/"; done
  fi
elif [ "$set_name" = kicad ]; then
  copy_flat "$extract/usr/share/doc/kicad/help/en" ""
elif [ "$set_name" = helpdocs ]; then
  cp "$extract"/usr/share/doc/geany/html/images/*.png "$pictures/"
  hugin="$extract/usr/share/hugin/xrc/data"
  find "$hugin/help_en_EN" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.gif' \) -print0 \
    | while IFS= read -r -d '' f; do cp "$f" "$pictures/hugin_help_$(basename "$f")"; done
  for f in "$hugin"/*.{png,jpg}; do [ -f "$f" ] && cp "$f" "$pictures/hugin_ui_$(basename "$f")"; done
  cp "$extract"/usr/share/help/C/shotwell/figures/* "$pictures/"
elif [ "$set_name" = gcompris ] || [ "$set_name" = monuments ]; then
  activities=(explore_farm_animals explore_world_animals explore_world_music erase)
  [ "$set_name" = monuments ] && activities=(explore_monuments)
  resources=()
  for a in "${activities[@]}"; do resources+=("$extract/usr/share/gcompris-qt/rcc/$a.rcc"); done
  # Each resource file holds its pictures uncompressed: a WebP is a RIFF chunk that says its length.
  python3 - "$pictures" "${resources[@]}" <<'EOF'
import os, struct, sys
for path in sys.argv[2:]:
    data, at, n = open(path, 'rb').read(), 0, 0
    while (at := data.find(b'RIFF', at)) >= 0:
        size = struct.unpack('<I', data[at + 4:at + 8])[0]
        blob = data[at:at + 8 + size]
        if blob[8:16] == b'WEBPVP8 ' and len(blob) == 8 + size:
            width, height = (v & 0x3fff for v in struct.unpack('<HH', blob[26:30]))
            if width >= 1000 and height >= 400:
                name = os.path.basename(path)[:-4]
                open(os.path.join(sys.argv[1], f'{name}-{n:03d}.webp'), 'wb').write(blob)
        n, at = n + 1, at + 4
EOF
else
  # One picture per theme, named after it: 1920x1080 when there, else the widest landscape size.
  for theme in "$extract"/usr/share/wallpapers/*/; do
    images="$theme/contents/images"
    pick=$(ls "$images" | grep -E '^1920x1080\.' | head -1 || true)
    [ -n "$pick" ] || pick=$(ls "$images" | awk -F'[x.]' '$1 > $2 { print $1, $0 }' | sort -n | tail -1 | cut -d' ' -f2)
    [ -n "$pick" ] && cp "$images/$pick" "$pictures/$(basename "$theme").${pick##*.}"
  done
fi
echo "$pictures"
