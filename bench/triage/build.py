"""Build the triage set: ``messages/<id>.eml`` and ``set.jsonl`` from the batch files in ``src/``.

    python bench/triage/build.py            # (re)write messages/ and set.jsonl
    python bench/triage/build.py --check    # only verify that the committed files are what the sources give

The labels follow the policy in README.md (``expected()`` below is the only
place it is written in code).  The split: a seeded shuffle per category puts a
third of each category into "heldout".  Splits already recorded in set.jsonl
are kept, so adding messages never moves an existing message between splits;
new messages fill each category up to a third held out.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from src import shape

BATCHES = [
    "batch_en", "batch_romance", "batch_germanic", "batch_slavic", "batch_mideast", "batch_southasia",
    "batch_eastasia", "batch_seasia", "batch_africa", "batch_centralasia", "batch_tricky", "batch_more",
    "batch_robots", "batch_robots2", "batch_spam",
]
SEED = 20261202

LEVELS = ["low", "normal", "high", "critical"]
AUTOMATIC = {shape.AUTO, shape.BOUNCE, shape.LIST, shape.SPAM}
PERSON = {shape.T, shape.A, shape.D, shape.H, shape.C, shape.S, shape.V, shape.Q, shape.M}
CATEGORIES = sorted(AUTOMATIC | PERSON)
HR_URGENCY = {shape.T: "critical", shape.A: "critical", shape.S: "critical", shape.D: "high", shape.H: "high",
              shape.C: "high", shape.V: "normal", shape.Q: "normal"}


def expected(category: str, mailbox: str) -> str:
    """The labelling policy (README.md, "Policy")."""
    if category in AUTOMATIC:
        return "low"  # automatic mail never pages, in any mailbox
    if mailbox == "emergency":
        return "normal" if category == shape.M else "critical"
    if category == shape.M:
        raise ValueError("misuse_emergency is a category of the emergency mailbox only")
    return HR_URGENCY[category]


def collect() -> list[shape.Item]:
    shape.ITEMS.clear()
    shape._COUNTERS.clear()
    for name in BATCHES:
        if (HERE / "src" / f"{name}.py").exists():
            importlib.import_module(f"src.{name}")
    ids = [it.id for it in shape.ITEMS]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate ids: {sorted(dup)}")
    return list(shape.ITEMS)


def assign_splits(items: list[shape.Item], known: dict[str, str]) -> dict[str, str]:
    splits: dict[str, str] = {}
    by_cat: dict[str, list[str]] = {}
    for it in items:
        by_cat.setdefault(it.category, []).append(it.id)
    for cat, ids in sorted(by_cat.items()):
        target = round(len(ids) / 3)
        kept = {i: known[i] for i in ids if i in known}
        splits.update(kept)
        new = sorted(i for i in ids if i not in kept)
        random.Random(f"{SEED}/{cat}").shuffle(new)
        held = sum(1 for s in kept.values() if s == "heldout")
        for i in new:
            if held < target:
                splits[i] = "heldout"
                held += 1
            else:
                splits[i] = "dev"
    return splits


def records(items: list[shape.Item], splits: dict[str, str]) -> list[dict]:
    out = []
    for it in items:
        auto = it.category in AUTOMATIC
        out.append({
            "id": it.id, "split": splits[it.id], "mailbox": it.mailbox, "language": it.language,
            "category": it.category, "expected_urgency": expected(it.category, it.mailbox), "automatic": auto,
            "expect_ack": not auto, "eml": f"messages/{it.id}.eml", "shape": it.shape,
            "sha256": hashlib.sha256(it.raw).hexdigest(), **({"note": it.note} if it.note else {}),
        })
    return out


def stats() -> str:
    from collections import Counter
    recs = [json.loads(line) for line in (HERE / "set.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = [(f"{len(recs)} messages, {len({r['language'] for r in recs})} languages, "
           f"{sum(r['split'] == 'heldout' for r in recs)} held out, {sum(r['automatic'] for r in recs)} automatic."), "",
           "| category | humanrights | emergency | total | dev | held out | expected urgency |",
           "|---|---|---|---|---|---|---|"]
    for cat in CATEGORIES:
        rs = [r for r in recs if r["category"] == cat]
        exp = ", ".join(f"{k} {v}" for k, v in sorted(Counter(r["expected_urgency"] for r in rs).items(),
                                                      key=lambda kv: LEVELS.index(kv[0])))
        out.append(f"| {cat} | {sum(r['mailbox'] == 'humanrights' for r in rs)} | "
                   f"{sum(r['mailbox'] == 'emergency' for r in rs)} | {len(rs)} | "
                   f"{sum(r['split'] == 'dev' for r in rs)} | {sum(r['split'] == 'heldout' for r in rs)} | {exp} |")
    out += ["", "| expected urgency | messages |", "|---|---|"]
    for lv in LEVELS:
        out.append(f"| {lv} | {sum(r['expected_urgency'] == lv for r in recs)} |")
    langs = Counter(r["language"] for r in recs)
    out += ["", "| language | messages | person-written | automatic | review |", "|---|---|---|---|---|"]
    for lang, n in sorted(langs.items()):
        auto = sum(r["automatic"] for r in recs if r["language"] == lang)
        out.append(f"| {lang} | {n} | {n - auto} | {auto} | not reviewed by a native speaker |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify the committed files, write nothing")
    ap.add_argument("--stats", action="store_true", help="print the counts of set.jsonl as markdown tables")
    args = ap.parse_args()
    if args.stats:
        print(stats())
        return 0
    items = collect()
    setfile = HERE / "set.jsonl"
    known = {}
    if setfile.exists():
        for line in setfile.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                known[rec["id"]] = rec["split"]
    splits = assign_splits(items, known)
    recs = records(items, splits)
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in recs)
    if args.check:
        bad = []
        if not setfile.exists() or setfile.read_text(encoding="utf-8") != text:
            bad.append("set.jsonl")
        for it in items:
            p = HERE / "messages" / f"{it.id}.eml"
            if not p.exists() or p.read_bytes() != it.raw:
                bad.append(str(p.relative_to(HERE)))
        print("up to date" if not bad else "differs: " + ", ".join(bad[:20]))
        return 1 if bad else 0
    msgdir = HERE / "messages"
    msgdir.mkdir(exist_ok=True)
    wanted = {f"{it.id}.eml" for it in items}
    for old in msgdir.glob("*.eml"):
        if old.name not in wanted:
            old.unlink()
    for it in items:
        p = msgdir / f"{it.id}.eml"
        if not p.exists() or p.read_bytes() != it.raw:
            p.write_bytes(it.raw)
    setfile.write_text(text, encoding="utf-8")
    langs = {r["language"] for r in recs}
    held = sum(r["split"] == "heldout" for r in recs)
    print(f"{len(recs)} messages, {len(langs)} languages, {held} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
