"""Triage benchmark: urgency and acknowledgements on the labelled triage set (issue 15).

    python bench/bench_triage.py                 # whole set -> results/triage.json + results/triage.md
    python bench/bench_triage.py --quick         # stratified sample (3 per split and category), printed only
    python bench/bench_triage.py --out - --json /tmp/triage.json --config other/config.toml

Every message of ``bench/triage/`` goes through mailrouter's real analysis with
the shipped ``config.toml`` policy (rules, lexicons, language detection), as
production decides it: the urgency of the decision, and whether an
acknowledgement would be sent (``outgoing.acknowledgement.ack_plan``).  Nothing
is sent and nothing is stored.

The report gives, for the development split and the held-out split apart:
exact-urgency accuracy, precision and recall per urgency level, critical recall,
high-or-above recall, acknowledgements to automatic mail, automatic mail above
the lowest level, and tables per category and per language.  Per-message
results are written for the development split only: nobody should look at
held-out failures while editing lexicons or rules.

Accuracy is measured here, never asserted (tests/test_triage_set.py checks only
the integrity of the set).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "triage"))

from load import AUTOMATIC_CATEGORIES, CATEGORIES, LEVELS, Message, load, sample

RESULTS = ROOT / "bench" / "results"
TARGETS = {  # issue 15, on the held-out part
    "critical_recall": 0.98, "high_or_above_recall": 0.90, "exact_accuracy": 0.90,
    "automatic_above_lowest": 0, "acks_to_automatic": 0,
}


# ---------------------------------------------------------------------------
# the one place that knows mailrouter's API
# ---------------------------------------------------------------------------

@dataclass
class Outcome:
    urgency: str | None
    ack: bool
    ack_reason: str = ""
    language: str = ""
    rules: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    error: str = ""


def make_analyser(config_path: Path):
    """Return ``analyse(mailbox, raw) -> Outcome`` deciding exactly as production does:
    ``analysis.Analyser`` and ``outgoing.acknowledgement.ack_plan``, with no sender key
    history and nobody acknowledged recently."""
    from mailrouter.analysis import Analyser
    from mailrouter.config import load_config
    from mailrouter.outgoing.acknowledgement import ack_plan
    from mailrouter.service import load_ruleset

    config = load_config(config_path)
    analyser = Analyser(config, ruleset=load_ruleset(config))

    def decide(mailbox: str, raw: bytes):
        analysis = analyser.analyse(mailbox, raw)
        plan = ack_plan(analysis, lambda: False)
        return analysis, plan.send, plan.reason

    def analyse(mailbox: str, raw: bytes) -> Outcome:
        analysis, send, reason = decide(mailbox, raw)
        return Outcome(urgency=analysis.decision.urgency, ack=bool(send), ack_reason=reason or "",
                       language=analysis.decision.language or "", rules=[h.rule for h in analysis.decision.rules],
                       flags=list(analysis.flags))

    return analyse


def normalize_language(code: str) -> str:
    try:
        from mailrouter.language import normalize_code
        return normalize_code(code or "")
    except Exception:  # noqa: BLE001 - the API may move; fall back to the raw code
        return (code or "").lower()


# ---------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------

def level(u: str | None) -> int:
    return LEVELS.index(u) if u in LEVELS else -1


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def metrics(pairs: list[tuple[Message, Outcome]]) -> dict:
    n = len(pairs)
    exact = sum(o.urgency == m.expected_urgency for m, o in pairs)
    per_level = {}
    for lv in LEVELS:
        tp = sum(o.urgency == lv and m.expected_urgency == lv for m, o in pairs)
        pred = sum(o.urgency == lv for m, o in pairs)
        exp = sum(m.expected_urgency == lv for m, o in pairs)
        per_level[lv] = {"expected": exp, "predicted": pred, "correct": tp,
                         "precision": ratio(tp, pred), "recall": ratio(tp, exp)}
    confusion = {e: {p: 0 for p in list(LEVELS) + ["error"]} for e in LEVELS}
    for m, o in pairs:
        confusion[m.expected_urgency][o.urgency if o.urgency in LEVELS else "error"] += 1
    hi = [(m, o) for m, o in pairs if m.level >= LEVELS.index("high")]
    hi_ok = sum(level(o.urgency) >= LEVELS.index("high") for m, o in hi)
    auto = [(m, o) for m, o in pairs if m.automatic]
    auto_above = [(m, o) for m, o in auto if o.urgency != LEVELS[0]]
    auto_acks = [(m, o) for m, o in auto if o.ack]
    person = [(m, o) for m, o in pairs if not m.automatic]
    missing_acks = [(m, o) for m, o in person if m.expect_ack and not o.ack]
    lang_ok = sum(normalize_language(o.language) == normalize_language(m.language) for m, o in pairs)
    return {
        "messages": n,
        "exact_accuracy": ratio(exact, n), "exact": exact,
        "critical_recall": per_level["critical"]["recall"], "critical_expected": per_level["critical"]["expected"],
        "high_or_above_recall": ratio(hi_ok, len(hi)), "high_or_above_expected": len(hi), "high_or_above_found": hi_ok,
        "under_triaged": sum(level(o.urgency) < m.level for m, o in pairs),
        "over_triaged": sum(level(o.urgency) > m.level for m, o in pairs),
        "automatic": len(auto),
        "automatic_above_lowest": len(auto_above),
        "automatic_above_lowest_by_category": dict(Counter(m.category for m, o in auto_above)),
        "automatic_above_lowest_by_level": dict(Counter(o.urgency for m, o in auto_above)),
        "acks_to_automatic": len(auto_acks),
        "acks_to_automatic_by_category": dict(Counter(m.category for m, o in auto_acks)),
        "person_written": len(person), "person_without_ack": len(missing_acks),
        "errors": sum(bool(o.error) for m, o in pairs),
        "language_match": ratio(lang_ok, n),
        "per_level": per_level, "confusion": confusion,
    }


def table_by(pairs, key) -> dict[str, dict]:
    groups = defaultdict(list)
    for m, o in pairs:
        groups[key(m)].append((m, o))
    out = {}
    for k in sorted(groups):
        g = groups[k]
        crit = [(m, o) for m, o in g if m.expected_urgency == "critical"]
        hi = [(m, o) for m, o in g if m.level >= 2]
        auto = [(m, o) for m, o in g if m.automatic]
        out[k] = {
            "messages": len(g),
            "exact": sum(o.urgency == m.expected_urgency for m, o in g),
            "under": sum(level(o.urgency) < m.level for m, o in g),
            "over": sum(level(o.urgency) > m.level for m, o in g),
            "critical": len(crit), "critical_found": sum(o.urgency == "critical" for m, o in crit),
            "high_or_above": len(hi), "high_or_above_found": sum(level(o.urgency) >= 2 for m, o in hi),
            "automatic": len(auto), "automatic_above_lowest": sum(o.urgency != LEVELS[0] for m, o in auto),
            "acks_to_automatic": sum(o.ack for m, o in auto),
            "predicted": dict(Counter(o.urgency or "error" for m, o in g)),
            "language_match": sum(normalize_language(o.language) == normalize_language(m.language) for m, o in g),
        }
    return out


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------

def machine() -> dict[str, str]:
    def run(*cmd: str) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=20, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    except OSError:
        pass
    head = run("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD") or "?"
    dirty = run("git", "-C", str(ROOT), "status", "--porcelain", "--", "mailrouter", "rules", "templates",
                "config.toml").splitlines()
    last = run("git", "-C", str(ROOT), "log", "-1", "--format=%h %s", "--", "mailrouter", "rules", "templates",
               "config.toml")
    code = f"commit {head}" + (f" + uncommitted changes in {len(dirty)} file(s) of mailrouter/, rules/, templates/, "
                               "config.toml" if dirty else "")
    if last:
        code += f" (last change to mailrouter/, rules/, templates/, config.toml: {last.split(' ', 1)[0]})"
    return {"code": code, "nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
            "kernel": platform.release(), "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def summary_rows(name: str, mt: dict, targets: bool) -> list[str]:
    def tgt(key: str, value) -> str:
        if not targets:
            return ""
        t = TARGETS[key]
        if isinstance(t, float):
            ok = value is not None and value >= t
            return f" | ≥ {100 * t:.0f}% | {mark(ok)} |"
        return f" | {t} | {mark(value == t)} |"

    head = "| figure | value | target | |" if targets else "| figure | value |"
    sep = "|---|---|---|---|" if targets else "|---|---|"
    return [
        f"### {name} ({mt['messages']} messages)", "", head, sep,
        f"| critical recall | {pct(mt['critical_recall'])} ({mt['per_level']['critical']['correct']}/{mt['critical_expected']})"
        + (tgt("critical_recall", mt["critical_recall"]) or " |"),
        f"| high-or-above recall | {pct(mt['high_or_above_recall'])} ({mt['high_or_above_found']}/{mt['high_or_above_expected']})"
        + (tgt("high_or_above_recall", mt["high_or_above_recall"]) or " |"),
        f"| exact urgency | {pct(mt['exact_accuracy'])} ({mt['exact']}/{mt['messages']})" + (tgt("exact_accuracy", mt["exact_accuracy"]) or " |"),
        f"| automatic mail above the lowest level | {mt['automatic_above_lowest']} of {mt['automatic']}"
        + (tgt("automatic_above_lowest", mt["automatic_above_lowest"]) or " |"),
        f"| acknowledgements to automatic mail | {mt['acks_to_automatic']} of {mt['automatic']}"
        + (tgt("acks_to_automatic", mt["acks_to_automatic"]) or " |"),
        f"| under-triaged (below expected) | {mt['under_triaged']}" + (" | | |" if targets else " |"),
        f"| over-triaged (above expected) | {mt['over_triaged']}" + (" | | |" if targets else " |"),
        f"| person-written mail without acknowledgement | {mt['person_without_ack']} of {mt['person_written']}"
        + (" | | |" if targets else " |"),
        f"| language detected = labelled | {pct(mt['language_match'])}" + (" | | |" if targets else " |"),
        f"| analysis errors | {mt['errors']}" + (" | | |" if targets else " |"),
        "",
    ]


def level_table(mt: dict) -> list[str]:
    rows = ["| level | expected | predicted | correct | precision | recall |", "|---|---|---|---|---|---|"]
    for lv in LEVELS:
        d = mt["per_level"][lv]
        rows.append(f"| {lv} | {d['expected']} | {d['predicted']} | {d['correct']} | {pct(d['precision'])} | {pct(d['recall'])} |")
    rows += ["", "Confusion (rows: expected, columns: decided):", "",
             "| expected \\ decided | " + " | ".join(LEVELS) + " | error |", "|---" * (len(LEVELS) + 2) + "|"]
    for e in LEVELS:
        rows.append(f"| {e} | " + " | ".join(str(mt["confusion"][e][p]) for p in list(LEVELS) + ["error"]) + " |")
    extra = []
    if mt["automatic_above_lowest_by_category"]:
        extra.append("automatic mail above the lowest level, by category: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(mt["automatic_above_lowest_by_category"].items()))
                     + "; by level decided: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(mt["automatic_above_lowest_by_level"].items())))
    if mt["acks_to_automatic_by_category"]:
        extra.append("acknowledgements to automatic mail, by category: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(mt["acks_to_automatic_by_category"].items())))
    return rows + [""] + [f"- {x}" for x in extra] + ([""] if extra else [])


def group_table(tab: dict[str, dict], first: str) -> list[str]:
    rows = [f"| {first} | n | exact | under | over | critical found | high+ found | automatic above lowest | acks to automatic | decided (l/n/h/c) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for k, d in tab.items():
        dec = "/".join(str(d["predicted"].get(lv, 0)) for lv in LEVELS)
        crit = f"{d['critical_found']}/{d['critical']}" if d["critical"] else "-"
        hi = f"{d['high_or_above_found']}/{d['high_or_above']}" if d["high_or_above"] else "-"
        au = f"{d['automatic_above_lowest']}/{d['automatic']}" if d["automatic"] else "-"
        ack = f"{d['acks_to_automatic']}/{d['automatic']}" if d["automatic"] else "-"
        rows.append(f"| {k} | {d['messages']} | {100 * d['exact'] / d['messages']:.0f}% | {d['under']} | {d['over']} "
                    f"| {crit} | {hi} | {au} | {ack} | {dec} |")
    return rows + [""]


def report(ctx: dict) -> str:
    m = ctx["machine"]
    out = [
        "# Triage benchmark", "",
        (f"Generated by `python bench/bench_triage.py{' --quick' if ctx['quick'] else ''}` on {ctx['date']}; "
        f"{ctx['messages']} messages in {ctx['elapsed']:.1f} s ({ctx['setup']:.1f} s to load config, rules and "
        f"language detection, then {1000 * ctx['per_message']:.1f} ms per message)."), "",
        (f"Machine: {m['nproc']} CPUs ({m['cpu']}), Linux {m['kernel']}, Python {m['python']}. "
        f"Load average at the start: {ctx['load_start']}, at the end: {m['load']}."), "",
        f"Code measured: {m['code']}; policy: `{ctx['config']}` with its `rules/` and `templates/`.", "",
        (f"Set: `bench/triage/set.jsonl` (sha256 {ctx['set_sha'][:12]}), {ctx['set_size']} messages in "
        f"{ctx['set_languages']} languages; labelling policy in `bench/triage/README.md`. The held-out third was "
        "chosen by a seeded shuffle per category; per-message results below are given for the development split "
        "only."), "",
        ("Urgency is `analysis.decision.urgency` of `Analyser.analyse(mailbox, raw)`; an acknowledgement counts as sent "
        "when `ack_plan(analysis)` says so. Automatic mail = auto-replies, bounces, list and bulk "
        "mail, spam and phishing (expected: the lowest level, never acknowledged)."), "",
        "## Summary", "",
    ]
    for split, title, tg in (("heldout", "Held-out split (targets of issue 15)", True), ("dev", "Development split", True)):
        if split in ctx["splits"]:
            out += summary_rows(title, ctx["splits"][split]["metrics"], tg)
    if "all" in ctx["splits"]:
        out += summary_rows("Whole set", ctx["splits"]["all"]["metrics"], False)
    for split, title in (("heldout", "Held-out split"), ("dev", "Development split")):
        if split not in ctx["splits"]:
            continue
        s = ctx["splits"][split]
        out += [f"## {title}", "", "### Per urgency level", ""] + level_table(s["metrics"])
        out += ["### Per category", ""] + group_table(s["by_category"], "category")
        out += ["### Per language", ""] + group_table(s["by_language"], "language")
    dev = ctx.get("dev_failures")
    if dev is not None:
        out += ["## Development split: every message whose urgency or acknowledgement is wrong", "",
                (f"{len(dev)} messages. *ack*: whether an acknowledgement would be sent (expected: never to automatic "
                "mail, always to person-written mail)."), "",
                "| id | mailbox | category | language (detected) | expected | decided | ack | rules |",
                "|---|---|---|---|---|---|---|---|"]
        for f in dev:
            out.append(f"| {f['id']} | {f['mailbox']} | {f['category']} | {f['language']} ({f['detected_language']}) "
                       f"| {f['expected_urgency']} | {f['urgency']} | {'yes' if f['ack'] else 'no'}"
                       f"{' (expected ' + ('yes' if f['expect_ack'] else 'no') + ')' if f['ack'] != f['expect_ack'] else ''} "
                       f"| {', '.join(f['rules']) or '-'} |")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="stratified sample (3 per split and category), print only")
    ap.add_argument("--per-category", type=int, default=3, help="sample size per split and category with --quick")
    ap.add_argument("--config", type=Path, default=ROOT / "config.toml", help="policy to measure (default: config.toml)")
    ap.add_argument("--out", default=None, help="report path, '-' prints (default: results/triage.md; --quick prints)")
    ap.add_argument("--json", default=None, help="JSON path (default: results/triage.json; --quick writes none)")
    args = ap.parse_args()

    logging.disable(logging.WARNING)
    load_start = " ".join(f"{x:.2f}" for x in os.getloadavg())
    t0 = time.perf_counter()
    messages = load()
    set_sha = hashlib.sha256((ROOT / "bench" / "triage" / "set.jsonl").read_bytes()).hexdigest()
    set_size, set_languages = len(messages), len({m.language for m in messages})
    if args.quick:
        messages = sample(messages, args.per_category)
    analyse = make_analyser(args.config)
    t_setup = time.perf_counter() - t0
    pairs: list[tuple[Message, Outcome]] = []
    t1 = time.perf_counter()
    for m in messages:
        try:
            o = analyse(m.mailbox, m.raw)
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
            o = Outcome(urgency=None, ack=False, error=f"{type(exc).__name__}: {exc}")
        pairs.append((m, o))
    t_run = time.perf_counter() - t1

    ctx: dict = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "quick": args.quick,
        "machine": machine(), "load_start": load_start, "config": os.path.relpath(args.config, ROOT),
        "set_sha": set_sha, "set_size": set_size, "set_languages": set_languages, "messages": len(pairs),
        "elapsed": time.perf_counter() - t0, "setup": t_setup, "per_message": t_run / max(1, len(pairs)),
        "targets": TARGETS, "splits": {},
    }
    for split in ("heldout", "dev", "all"):
        sp = [(m, o) for m, o in pairs if split == "all" or m.split == split]
        if sp:
            ctx["splits"][split] = {"metrics": metrics(sp), "by_category": table_by(sp, lambda m: m.category),
                                    "by_language": table_by(sp, lambda m: m.language)}
    heldout = ctx["splits"].get("heldout", {}).get("metrics")
    if heldout:
        ctx["targets_met"] = {
            "critical_recall": (heldout["critical_recall"] or 0) >= TARGETS["critical_recall"],
            "high_or_above_recall": (heldout["high_or_above_recall"] or 0) >= TARGETS["high_or_above_recall"],
            "exact_accuracy": (heldout["exact_accuracy"] or 0) >= TARGETS["exact_accuracy"],
            "automatic_above_lowest": heldout["automatic_above_lowest"] == 0,
            "acks_to_automatic": heldout["acks_to_automatic"] == 0,
        }
    ctx["dev_failures"] = [
        {"id": m.id, "mailbox": m.mailbox, "category": m.category, "language": m.language,
         "detected_language": o.language, "expected_urgency": m.expected_urgency, "urgency": o.urgency,
         "expect_ack": m.expect_ack, "ack": o.ack, "ack_reason": o.ack_reason, "rules": o.rules, "flags": o.flags,
         "error": o.error}
        for m, o in pairs if m.split == "dev" and (o.urgency != m.expected_urgency or o.ack != m.expect_ack)]
    ctx["dev_results"] = [
        {"id": m.id, "urgency": o.urgency, "ack": o.ack, "detected_language": o.language, "rules": o.rules,
         "flags": o.flags, **({"error": o.error} if o.error else {})}
        for m, o in pairs if m.split == "dev"]
    ctx["categories"] = list(CATEGORIES)
    ctx["automatic_categories"] = list(AUTOMATIC_CATEGORIES)

    text = report(ctx)
    out = args.out if args.out is not None else ("-" if args.quick else str(RESULTS / "triage.md"))
    if out == "-":
        sys.stdout.write(text)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        print(f"wrote {out}")
    js = args.json if args.json is not None else (None if args.quick else str(RESULTS / "triage.json"))
    if js:
        Path(js).write_text(json.dumps(ctx, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {js}")
    if heldout:
        print(f"held out: critical recall {pct(heldout['critical_recall'])}, high+ recall "
              f"{pct(heldout['high_or_above_recall'])}, exact {pct(heldout['exact_accuracy'])}, automatic above "
              f"lowest {heldout['automatic_above_lowest']}, acks to automatic {heldout['acks_to_automatic']}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
