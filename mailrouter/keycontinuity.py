"""Sender key continuity: which key of an address we trust, and when that changes. Pure.

Anyone can forge a volunteer's From address and put a new key in the mail
(an Autocrypt header, an attached key). Following the spirit of Autocrypt's
rules, the key first seen for an address is kept (trust on first use), and
a different key replaces it only when the mail that brings it is validly
signed by the known key (an ordinary rollover), or when an operator confirms
it (``mailrouter keys confirm``). Any other new key is recorded as
``pending``; the acknowledgement keeps going to the known key, and the case
carries the fact ``sender_key_changed`` for staff and rules to see.

Each address's keys are kept with first/last seen times and a status
(``current``, ``pending``, ``retired``, ``rejected``), keyed by the address's
pseudonym: no address and no key material in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CURRENT, PENDING, RETIRED, REJECTED = "current", "pending", "retired", "rejected"
STATUSES = (CURRENT, PENDING, RETIRED, REJECTED)


@dataclass(frozen=True)
class KeyVerdict:
    current: str | None  # the fingerprint trusted for this address after this message
    changed: bool  # the message offered or was signed by a key other than the trusted one
    note: str  # content-free, for the summary, the audit trail and explain
    updates: dict[str, str] = field(default_factory=dict)  # fingerprint -> new status to record
    seen: tuple[str, ...] = ()  # fingerprints whose last-seen time moves to now


def judge(known: dict[str, str], offered: list[str], signer: str | None) -> KeyVerdict:
    """What this message changes about the address's keys.

    ``known``: fingerprint -> status recorded for the address; ``offered``:
    fingerprints of the sender's keys carried by this message (or, for an
    address never recorded, the key the keyring already holds); ``signer``:
    the fingerprint of a *valid* signature over the message, if any.
    """
    current = next((f for f, s in known.items() if s == CURRENT), None)
    offered = list(dict.fromkeys(offered))
    seen = tuple(f for f in offered + ([signer] if signer else []) if f)
    if current is None and not any(s != REJECTED for s in known.values()):
        fresh = [f for f in offered if known.get(f) != REJECTED]
        if not fresh:
            return KeyVerdict(None, False, "no key known for the sender", {}, seen)
        first = fresh[-1]  # the message's own key (the keyring's newest when it brought none)
        notes = "first key seen for this address (trusted on first use)"
        return KeyVerdict(first, False, notes, {first: CURRENT, **{f: PENDING for f in fresh[:-1]}}, seen)
    updates: dict[str, str] = {}
    notes: list[str] = []
    new = [f for f in offered if f != current]
    for fpr in new:
        status = known.get(fpr)
        if status == REJECTED:
            notes.append(f"offered key {fpr} that an operator rejected")
        elif signer == current and current is not None and fpr == new[-1]:
            updates.update({fpr: CURRENT, current: RETIRED})
            notes.append(f"new key {fpr}, signed with the previous key {current} (rollover)")
        elif status == RETIRED:
            notes.append(f"offered its retired key {fpr} again: not used")
        else:
            updates[fpr] = PENDING
            notes.append(f"NEW KEY {fpr} not signed with the known key {current or '(none)'}: "
                         "not used until an operator confirms it")
    current = next((f for f, s in updates.items() if s == CURRENT), current)
    if signer and signer != current and signer not in new and known.get(signer) != RETIRED:
        notes.append(f"signed by {signer}, which is not the sender's known key")
    changed = bool(notes)
    return KeyVerdict(current, changed, "; ".join(notes) if notes else "known key", updates, seen)
