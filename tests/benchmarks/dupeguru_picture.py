#!/usr/bin/python3
"""Runs dupeGuru's picture mode (Debian package `dupeguru`) headless on a folder and prints its groups
in Shoebox's JSON shape, so the same scorer judges both.

    /usr/bin/python3 dupeguru_picture.py DIR [--threshold 95] [--no-scaled] > groups.json

It drives dupeGuru's own engine (core.pe.matchblock + core.engine.get_groups) with its Qt photo
loader, exactly what the GUI's "Contents" scan runs, without opening a window. The GUI's default
filter hardness for pictures is 95; "match pictures of different dimensions" is turned on here
(off by default in the GUI) so resized copies can match at all.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The Debian package splits dupeGuru into arch-independent (/usr/share) and compiled (/usr/lib) halves.
sys.path.insert(0, "/usr/share/dupeguru")
import core  # noqa: E402
core.__path__.append("/usr/lib/dupeguru/core")
import qt  # noqa: E402
qt.__path__.append("/usr/lib/dupeguru/qt")

from PyQt5.QtGui import QGuiApplication  # noqa: E402
from core.engine import get_groups  # noqa: E402
from core.pe import matchblock  # noqa: E402
from qt.pe.photo import File  # noqa: E402


def main():
    args = sys.argv[1:]
    threshold = 95
    scaled = True
    if "--threshold" in args:
        i = args.index("--threshold")
        threshold = int(args[i + 1])
        del args[i:i + 2]
    if "--no-scaled" in args:
        args.remove("--no-scaled")
        scaled = False
    folder = Path(args[0]).resolve()
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  QImage needs a Gui application for plugins
    exts = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
    files = [File(p) for p in sorted(folder.iterdir()) if p.suffix.lower() in exts]
    for f in files:
        f.is_ref = False  # set by dupeGuru's folder model in the GUI
    with tempfile.TemporaryDirectory() as tmp:
        matches = matchblock.getmatches(files, cache_path=str(Path(tmp) / "cache.db"),
                                        threshold=threshold, match_scaled=scaled)
    groups = get_groups(matches)
    out = {"groups": [{"level": "near", "files": [str(f.path) for f in g]} for g in groups]}
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
