#!/usr/bin/env python3
"""Scores duplicate groups against the labels written by shoebox-dupdataset (pairwise, near level).

    dupscore.py MANIFEST NAME=GROUPS [NAME=GROUPS...] [--per-edit]

GROUPS is Shoebox's JSON ({"groups":[{"level":..,"files":[..]}]}) or, with a .txt suffix, one group
per line with paths separated by spaces (findimagedupes' output). Groups at the "similar" level are
not near-level predictions and are ignored here.

Per method it prints: near-level pairwise precision and recall over every pair of files that show
the same picture, recall of (original, edit) pairs, the number of hard-negative files put in any
group, how often a near group's suggested keeper is the original, and with --per-edit the recall of
each edit against its original.
"""
import collections
import itertools
import json
import sys


def load_manifest(path):
    rows = []
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    return rows


def load_similar(path):
    if path.endswith(".txt"):
        return []
    with open(path) as f:
        return [g["files"] for g in json.load(f)["groups"] if g.get("level") == "similar"]


def similar_precision(rows, groups):
    """Share of pairs in similar groups that show the same scene (labelled by the generator)."""
    scene = {r["file"]: r["scene"] for r in rows}
    good = bad = 0
    for g in groups:
        for a, b in itertools.combinations(g, 2):
            if scene.get(a, "-") != "-" and scene.get(a) == scene.get(b):
                good += 1
            else:
                bad += 1
    return good, bad


def load_groups(path):
    if path.endswith(".txt"):
        with open(path) as f:
            return [line.split() for line in f if line.strip()]
    with open(path) as f:
        data = json.load(f)
    return [g["files"] for g in data["groups"] if g.get("level", "near") in ("exact", "near")]


def keeper_quality(rows, path):
    """How often the suggested keeper of a near group is the labelled original or its exact copy."""
    if path.endswith(".txt"):
        return None
    with open(path) as f:
        groups = [g for g in json.load(f)["groups"] if g.get("level") == "near" and g.get("keep")]
    if not groups:
        return None
    by_file = {r["file"]: r for r in rows}
    good, others = 0, collections.Counter()
    for g in groups:
        r = by_file.get(g["keep"])
        if r and r["kind"] in ("original", "exact"):
            good += 1
        else:
            others[f'{r["edit"]} {r["strength"]}' if r else "unlabelled"] += 1
    return good, len(groups), ", ".join(f"{k} {v}" for k, v in others.most_common(6))


def pairs_of(groups):
    out = set()
    for g in groups:
        for a, b in itertools.combinations(sorted(set(g)), 2):
            out.add((a, b))
    return out


def score(rows, groups):
    by_file = {r["file"]: r for r in rows}
    members = collections.defaultdict(list)
    for r in rows:
        if r["near_group"] != "-":
            members[r["near_group"]].append(r["file"])
    truth = set()
    for files in members.values():
        for a, b in itertools.combinations(sorted(files), 2):
            truth.add((a, b))
    predicted = {p for p in pairs_of(groups) if p[0] in by_file and p[1] in by_file}
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth) if truth else 1.0
    originals = {r["near_group"]: r["file"] for r in rows if r["kind"] == "original"}
    per_edit = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        if r["kind"] not in ("edit", "exact"):
            continue
        pair = tuple(sorted((originals[r["near_group"]], r["file"])))
        key = f'{r["edit"]} {r["strength"]}' if r["kind"] == "edit" else "exact copy"
        per_edit[key][1] += 1
        per_edit[key][0] += pair in predicted
    vs_orig = sum(v[0] for v in per_edit.values()) / max(1, sum(v[1] for v in per_edit.values()))
    grouped = {f for g in groups for f in g}
    hardneg = [r["file"] for r in rows if r["kind"] == "hardneg" and r["file"] in grouped]
    by_kind = collections.Counter(by_file[f]["edit"] for f in hardneg)
    return {
        "precision": precision, "recall": recall, "recall_vs_original": vs_orig,
        "false_pairs": len(predicted - truth), "true_pairs": len(truth),
        "hardneg_grouped": len(hardneg),
        "hardneg_total": sum(1 for r in rows if r["kind"] == "hardneg"),
        "hardneg_by_kind": dict(by_kind), "per_edit": per_edit,
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    per_edit = "--per-edit" in sys.argv
    rows = load_manifest(args[0])
    results = {}
    for spec in args[1:]:
        name, _, path = spec.rpartition("=")
        groups = load_groups(path)
        if not groups and load_similar(path):
            continue  # a similar-level run: scored below
        results[name] = score(rows, groups)
    print("| method | near precision | near recall (all pairs) | recall vs original | false pairs | hard negatives grouped |")
    print("|---|---|---|---|---|---|")
    for name, s in results.items():
        hn = f'{s["hardneg_grouped"]}/{s["hardneg_total"]}'
        if s["hardneg_by_kind"]:
            hn += " (" + ", ".join(f"{k} {v}" for k, v in sorted(s["hardneg_by_kind"].items())) + ")"
        print(f'| {name} | {s["precision"]:.4f} | {s["recall"]:.4f} | {s["recall_vs_original"]:.4f} '
              f'| {s["false_pairs"]} | {hn} |')
    for spec in args[1:]:
        name, _, path = spec.rpartition("=")
        keepers = keeper_quality(rows, path)
        if keepers:
            print(f"\n{name}: suggested keeper is the original (or its byte copy) in {keepers[0]} of "
                  f"{keepers[1]} near groups; others: {keepers[2]}")
    for spec in args[1:]:
        name, _, path = spec.rpartition("=")
        sim = load_similar(path)
        if sim:
            good, bad = similar_precision(rows, sim)
            print(f"\n{name}: {len(sim)} similar groups, {good + bad} pairs, "
                  f"same-scene precision {good / max(1, good + bad):.3f}")
    if per_edit:
        names = list(results)
        print()
        print("| edit (recall vs original) | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        keys = sorted(next(iter(results.values()))["per_edit"])
        for k in keys:
            cells = []
            for n in names:
                found, total = results[n]["per_edit"][k]
                cells.append(f"{found / total:.2f}")
            print(f"| {k} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
