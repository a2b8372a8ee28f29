"""Load the triage evaluation set (``set.jsonl`` + ``messages/*.eml``).

    from load import load, sample          # with bench/triage on sys.path
    dev = load(split="dev")
    for m in dev:
        m.raw            # the exact bytes of the message (CRLF line ends)
        m.expected_urgency, m.automatic, m.expect_ack, m.category, m.language, m.mailbox

Only the standard library is used; nothing here imports mailrouter.
See README.md for the labelling policy.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET_FILE = HERE / "set.jsonl"

LEVELS = ("low", "normal", "high", "critical")  # lowest first, as in config.toml [urgency]
MAILBOXES = ("humanrights", "emergency")
SPLITS = ("dev", "heldout")
PERSON_CATEGORIES = ("threat_to_life", "arrest_detention", "doxing", "harassment", "account_compromise",
                     "self_harm", "safety_advice", "general_question", "misuse_emergency")
AUTOMATIC_CATEGORIES = ("auto_reply", "bounce", "list_bulk", "spam_phishing")
CATEGORIES = PERSON_CATEGORIES + AUTOMATIC_CATEGORIES


@dataclass(frozen=True)
class Message:
    id: str
    split: str
    mailbox: str
    language: str
    category: str
    expected_urgency: str
    automatic: bool
    expect_ack: bool
    raw: bytes
    shape: str = ""
    note: str = ""

    @property
    def level(self) -> int:
        return LEVELS.index(self.expected_urgency)


def records(path: Path = SET_FILE) -> list[dict]:
    """The label records, without reading the messages."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: {exc}") from None
    return out


def load(split: str | None = None, path: Path = SET_FILE, verify: bool = True) -> list[Message]:
    """All messages (or one split), in file order.  ``verify`` checks each file against its sha256."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    out = []
    for rec in records(path):
        if split is not None and rec["split"] != split:
            continue
        raw = (path.parent / rec["eml"]).read_bytes()
        if verify and hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            raise ValueError(f"{rec['eml']}: content does not match its sha256 in {path.name} (rebuild with build.py)")
        out.append(Message(rec["id"], rec["split"], rec["mailbox"], rec["language"], rec["category"],
                           rec["expected_urgency"], rec["automatic"], rec["expect_ack"], raw,
                           rec.get("shape", ""), rec.get("note", "")))
    return out


def sample(messages: list[Message], per_category: int, seed: int = 15) -> list[Message]:
    """A small sample stratified by (split, category): ``per_category`` of each, fixed seed."""
    groups: dict[tuple[str, str], list[Message]] = defaultdict(list)
    for m in messages:
        groups[(m.split, m.category)].append(m)
    rng = random.Random(seed)
    out = []
    for key in sorted(groups):
        group = groups[key]
        out.extend(rng.sample(group, min(per_category, len(group))))
    return sorted(out, key=lambda m: m.id)
