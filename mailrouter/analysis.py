"""Raw bytes -> Analysis: parse, open OpenPGP, key continuity, language, facts, route.

The one way every caller judges a message: the pipeline, ``explain`` and
``rules test`` (and the fuzz and triage benches). Nothing here writes: what
the analysis would change (sender key history) is returned as
``KeyUpdates`` and committed by the pipeline with the decision. The only
outside state read is the sender key history (``KeyHistory``: the Store, or
nothing for a message judged on its own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .claims import UNAUTHENTICATED_FLAG, ClaimAttempt, ClaimVerdict
from .config import Config
from .facts import build_facts
from .keycontinuity import judge as judge_keys
from .language import LanguageDetector
from .model import AuditEvent, CryptoFacts, Decision, Facts, KeyUpdates, Parsed
from .parse import parse, strip_quotes_and_signature
from .routing import route


class KeyHistory(Protocol):
    """What the analysis reads of the store: which keys an address has used."""

    def pseudonym(self, value: str | None) -> str | None: ...

    def sender_key_statuses(self, sender_hash: str) -> dict[str, str]: ...


@dataclass
class Analysis:
    parsed: Parsed
    facts: Facts
    decision: Decision
    inner: Parsed | None = None  # decrypted message, when there was one
    inner_raw: bytes | None = None  # its bytes: memory only, and forwarded only encrypted
    events: list[AuditEvent] = field(default_factory=list)
    # a mail from a staff address naming a case, whose claim was not authenticated
    claim: tuple[ClaimAttempt, ClaimVerdict] | None = None
    # sender key continuity, recorded with the decision
    key_updates: KeyUpdates | None = None

    @property
    def flags(self) -> list[str]:
        return case_flags(self.facts) + ([UNAUTHENTICATED_FLAG] if self.claim else [])


def looks_encrypted(parsed: Parsed, raw: bytes) -> bool:
    if parsed.content_type == "multipart/encrypted":
        return True
    return b"-----BEGIN PGP MESSAGE-----" in raw


def case_flags(facts: Facts) -> list[str]:
    flags: list[str] = []
    if facts.auto_submitted:
        flags.append("auto-submitted")
    if facts.is_bounce:
        flags.append("bounce")
    if facts.is_list:
        flags.append("list")
    if facts.from_self:
        flags.append("from-own-address")
    if facts.defects:
        flags.append("parse-defects")
    if facts.crypto.encrypted and not facts.crypto.decrypted:
        flags.append("not-decrypted")
    elif facts.crypto.error:  # e.g. past a limit: signatures and keys were not looked at
        flags.append("openpgp-not-checked")
    return flags


class Analyser:
    def __init__(self, config: Config, *, ruleset: Any = None, crypto: Any = None,
                 detector: LanguageDetector | None = None, key_history: KeyHistory | None = None):
        self.config = config
        self.ruleset = ruleset
        self.crypto = crypto
        self.detector = detector or LanguageDetector(config.language.languages,
                                                     min_confidence=config.language.min_confidence)
        self.key_history = key_history

    def analyse(self, mailbox: str, raw: bytes, parsed: Parsed | None = None) -> Analysis:
        """``parsed``: ``parse(raw)`` when the caller has it already."""
        parsed = parsed or parse(raw)
        events = [AuditEvent("parse", "parsed", {"size": parsed.size, "defects": len(parsed.defects),
                                                  "content_type": parsed.content_type})]
        crypto_facts = CryptoFacts()
        inner: Parsed | None = None
        inner_raw: bytes | None = None
        key_updates = None
        if self.crypto is not None:
            result = self.crypto.open_message(raw, parsed.from_addr)
            crypto_facts = result.crypto
            key_updates = self._key_continuity(parsed.from_addr, result, crypto_facts, events)
            if result.inner is not None:
                inner_raw = result.inner
                inner = parse(inner_raw)
            if crypto_facts.encrypted or crypto_facts.signature.status != "none" or result.notes:
                events.append(AuditEvent("decrypt", "crypto", {
                    "encrypted": crypto_facts.encrypted, "decrypted": crypto_facts.decrypted,
                    "signature": crypto_facts.signature.status, "error": crypto_facts.error,
                    "signer": crypto_facts.signature.fingerprint, "notes": result.notes[:10]}))
        elif looks_encrypted(parsed, raw):
            crypto_facts = CryptoFacts(encrypted=True, decrypted=False,
                                       error="could not decrypt: no service key configured")
            events.append(AuditEvent("decrypt", "crypto", {"encrypted": True, "decrypted": False,
                                                           "error": crypto_facts.error}))
        subject_source = inner or parsed
        own_text = strip_quotes_and_signature(subject_source.text)
        detection = self.detector.detect(own_text)
        events.append(AuditEvent("language", "detected", {"language": detection.language,
                                                          "confidence": round(detection.confidence, 3),
                                                          "method": detection.method}))
        facts = build_facts(mailbox, subject_source, own_addresses=self.config.own_addresses(),
                            language=detection.language, language_confidence=detection.confidence,
                            body=own_text, crypto=crypto_facts, outer=parsed if inner else None,
                            trusted_authserv_id=self.config.authentication.trusted_authserv_id)
        decision = route(facts, self.config, self.ruleset)
        events.append(AuditEvent("route", "decided", {
            "urgency": decision.urgency, "language": decision.language, "tags": decision.tags,
            "teams": decision.forward_teams, "rules": [{"rule": h.rule, "why": h.why} for h in decision.rules]}))
        return Analysis(parsed, facts, decision, inner, inner_raw, events, key_updates=key_updates)

    def _key_continuity(self, sender: str | None, result, crypto_facts: CryptoFacts,
                        events: list[AuditEvent]) -> KeyUpdates | None:
        """Which key of the sender is trusted (keycontinuity.py); sets the acknowledgement key."""
        history = self.key_history
        sender_hash = history.pseudonym(sender) if history is not None else None
        if sender is None:
            crypto_facts.sender_key_fingerprint = None
            return None
        known = history.sender_key_statuses(sender_hash) if history is not None and sender_hash else {}
        offered = list(result.imported_keys) or ([] if known else result.sender_keys[-1:])
        signature = crypto_facts.signature
        signer = signature.fingerprint if signature.status == "valid" else None
        verdict = judge_keys(known, offered, signer)
        crypto_facts.sender_key_fingerprint = verdict.current if verdict.current in result.sender_keys else None
        crypto_facts.sender_key_changed = verdict.changed
        crypto_facts.sender_key_note = verdict.note
        if verdict.changed or verdict.updates:
            events.append(AuditEvent("keys", "sender key changed" if verdict.changed else "sender key recorded",
                                     {"note": verdict.note, "current": verdict.current}))
        return KeyUpdates(sender_hash, verdict.updates, verdict.seen) if sender_hash else None
