"""One message, one way through: the exactly-once protocol.

``Pipeline.poll`` drives a source:

1. claim the ledger row for (account, folder, UIDVALIDITY, UID);
2. decide: a copy of a decided message is recorded as such; an authenticated
   staff claim claims its case; anything else is analysed (analysis.py) and
   gets its case's mail (outgoing/), all committed in ONE transaction;
3. only then move the message to the processed folder.

A crash between any two steps leaves either an expired claim (the message is
processed again from scratch; nothing was stored or sent) or a decided row
(the message is only filed). A message that makes processing fail three
times is forwarded raw, flagged "could not process", so nothing is lost.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from . import log as logmod
from . import metrics
from .analysis import Analyser, Analysis
from .authres import trusted_results
from .claims import CLAIMABLE_KINDS, ClaimAttempt, ClaimTarget, ClaimVerdict, authenticate, find_attempt
from .config import Config
from .faults import crashpoint
from .language import LanguageDetector
from .model import Parsed, RawMessage, SourceKey
from .outgoing.acknowledgement import ack_plan, rate_key
from .outgoing.case_mail import Composer
from .outgoing.compose import CaseRef
from .outgoing.render import Templates
from .outgoing.seal import Sealer
from .parse import parse
from .sources import Source, SourceError
from .store import AckRaceLost, AuditEvent, LostClaim, NewCase, Store

CLAIM_LEASE = timedelta(minutes=2)  # how long a crashed worker can delay a message
MAX_ATTEMPTS = 3


@dataclass
class PollReport:
    mailbox: str
    seen: int = 0
    processed: int = 0
    filed: int = 0
    duplicates: int = 0
    fallbacks: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)


class Pipeline:
    def __init__(self, config: Config, store: Store, templates: Templates | None = None,
                 detector: LanguageDetector | None = None, crypto: Any = None, owner: str | None = None,
                 ruleset: Any = None):
        self.config = config
        self.store = store
        self.crypto = crypto
        self.analyser = Analyser(config, ruleset=ruleset, crypto=crypto, detector=detector, key_history=store)
        self.sealer = Sealer(config, crypto)
        self.composer = Composer(config, templates or Templates(config.service.templates_dir), self.sealer)
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.log = logmod.get("mailrouter.pipeline")

    # --- claims by mail ------------------------------------------------------
    def claim_attempt(self, parsed: Parsed) -> ClaimAttempt | None:
        """A mail from a staff address naming one of our cases (by replying to one of
        our forwards, or by "[case 7F3K]" in its subject); not yet authenticated."""
        def target(row) -> ClaimTarget:
            return ClaimTarget(row.id, row.tag, row.mailbox, row.urgency)

        def case_of_reply(message_id: str) -> ClaimTarget | None:
            case_id = self.store.case_of_outgoing(message_id, CLAIMABLE_KINDS)
            row = self.store.find_case(case_id) if case_id else None
            return target(row) if row is not None else None

        def case_of_tag(tag: str) -> ClaimTarget | None:
            row = self.store.find_case(tag)
            return target(row) if row is not None and row.tag == tag.upper() else None

        staff = {s.address: sid for sid, s in self.config.staff.items()}
        return find_attempt(parsed, staff, case_of_reply, case_of_tag)

    def authenticate_claim(self, attempt: ClaimAttempt, parsed: Parsed, raw: bytes) -> ClaimVerdict:
        auth = self.config.authentication
        staff = self.config.staff[attempt.staff_id]
        signers = []
        if "openpgp" in auth.claim_methods and self.crypto is not None and staff.key:
            signers = self.crypto.service_home_signers(raw)
        return authenticate(attempt, parsed, methods=auth.claim_methods, pinned_key=staff.key,
                            staff_address=staff.address, signers=signers,
                            auth_results=trusted_results(parsed.headers, auth.trusted_authserv_id))

    # --- one message ------------------------------------------------------------
    def decide(self, msg: RawMessage, ledger_id: int, attempts: int) -> str:
        """Decide and commit. Returns "processed", "duplicate" or "fallback"."""
        raw = msg.data
        raw_sha = hashlib.sha256(raw).hexdigest()
        if attempts > MAX_ATTEMPTS:
            return self._fallback(msg, ledger_id, raw_sha, None, "processing failed repeatedly")
        try:
            parsed_for_id = parse(raw)
            msgid_hash = self.store.pseudonym(parsed_for_id.message_id)
            copy_of = self.store.find_copy(msg.mailbox, msgid_hash, raw_sha)
            if copy_of:
                self.store.mark_duplicate(ledger_id, self.owner, copy_of, msgid_hash, raw_sha)
                return "duplicate"
            attempt = self.claim_attempt(parsed_for_id)
            verdict = None
            if attempt is not None:
                verdict = self.authenticate_claim(attempt, parsed_for_id, raw)
                if verdict.authenticated:
                    via = f"{attempt.via}, {verdict.method}"
                    self.store.commit_claim(ledger_id=ledger_id, owner=self.owner, case_id=attempt.case_id,
                                            by=attempt.staff_id, via=via, message_id_hash=msgid_hash,
                                            raw_sha256=raw_sha)
                    metrics.CLAIMS.labels(msg.mailbox).inc()
                    self.log.info("case_claimed", case=attempt.case_tag, via=via)
                    return "claim"
                self.log.warning("claim_not_authenticated", case=attempt.case_tag, via=attempt.via)
            analysis = self.analyser.analyse(msg.mailbox, raw, parsed_for_id)
            if attempt is not None and verdict is not None:
                analysis.claim = (attempt, verdict)
            case_id, tag = self.store.new_case_identity()
            box = self.config.mailboxes[msg.mailbox]
            case = CaseRef(case_id, tag, msg.mailbox, box.address)
            ack_key = rate_key(analysis.facts, self.store.pseudonym)
            window = timedelta(seconds=self.config.acknowledgements.window_seconds)
            plan = ack_plan(analysis, lambda: bool(window) and self.store.ack_recently_sent(ack_key, window))
            mail = self.composer.case_mail(analysis, case, raw, plan)
            outgoing, events, acked = mail.outgoing, mail.events, mail.acknowledged
            new_case = NewCase(
                id=case_id, tag=tag, mailbox=msg.mailbox, urgency=analysis.decision.urgency,
                language=analysis.decision.language, tags=analysis.decision.tags,
                rules=[{"rule": h.rule, "why": h.why} for h in analysis.decision.rules],
                flags=analysis.flags, encrypted=analysis.facts.crypto.encrypted,
                sender_hash=self.store.pseudonym(analysis.facts.sender))
            crashpoint("before_commit")
            try:
                self.store.commit_decision(
                    ledger_id=ledger_id, owner=self.owner, message_id_hash=msgid_hash, raw_sha256=raw_sha,
                    case=new_case, events=[AuditEvent("intake", "received", {"mailbox": msg.mailbox}),
                                           *analysis.events, *events],
                    outgoing=outgoing, ack_rate_key=ack_key if acked else None,
                    other_case_events=self._claim_attempt_events(analysis, tag),
                    key_updates=analysis.key_updates,
                    ack_window=window)
            except LostClaim:
                raise
            except AckRaceLost:
                # Decide again at once: the rate limit now says no acknowledgement.
                return self.decide(msg, ledger_id, attempts)
            except Exception:
                # Another instance decided a copy of this message in the meantime?
                copy_of = self.store.find_copy(msg.mailbox, msgid_hash, raw_sha)
                if not copy_of:
                    raise
                self.store.mark_duplicate(ledger_id, self.owner, copy_of, msgid_hash, raw_sha)
                return "duplicate"
            metrics.CASES.labels(msg.mailbox, new_case.urgency).inc()
            self.log.info("case_created", case=tag, mailbox=msg.mailbox, urgency=new_case.urgency,
                          language=new_case.language, acknowledged=acked, outgoing=len(outgoing))
            return "processed"
        except LostClaim:
            raise
        except Exception as exc:  # noqa: BLE001 - any bug must still not lose the message
            self.log.error("processing_failed", mailbox=msg.mailbox, error=logmod.error_kind(exc),
                           attempt=attempts)
            if attempts < MAX_ATTEMPTS:
                self.store.release_claim(ledger_id, self.owner)
                raise ProcessingDeferred(logmod.error_kind(exc)) from exc
            return self._fallback(msg, ledger_id, raw_sha, None, f"internal error: {logmod.error_kind(exc)}")

    @staticmethod
    def _claim_attempt_events(analysis: Analysis, new_tag: str) -> list[tuple[str, AuditEvent]]:
        """On the targeted case's trail: someone tried to claim it, and where that mail went."""
        if analysis.claim is None:
            return []
        attempt, verdict = analysis.claim
        return [(attempt.case_id, AuditEvent("claim", "unauthenticated claim attempt (case stays open)", {
            "staff": attempt.staff_id, "via": attempt.via, "reason": verdict.reason, "forwarded_as": new_tag}))]

    def _fallback(self, msg: RawMessage, ledger_id: int, raw_sha: str, msgid_hash: str | None, reason: str) -> str:
        """Forward the raw message flagged 'could not process', plus an operator alert (outgoing/case_mail)."""
        box = self.config.mailboxes[msg.mailbox]
        case_id, tag = self.store.new_case_identity()
        case = CaseRef(case_id, tag, msg.mailbox, box.address)
        decision = Composer.fallback_decision(self.config, msg.mailbox, reason)
        outgoing = self.composer.could_not_process(case, decision, msg.data, reason, len(msg.data))
        new_case = NewCase(id=case_id, tag=tag, mailbox=msg.mailbox, urgency=decision.urgency, language="und",
                           tags=[], rules=[{"rule": "fallback", "why": reason}], flags=["could-not-process"],
                           encrypted=False, sender_hash=None)
        self.store.commit_decision(
            ledger_id=ledger_id, owner=self.owner, message_id_hash=msgid_hash, raw_sha256=raw_sha, case=new_case,
            events=[AuditEvent("intake", "could not process", {"reason": reason})], outgoing=outgoing)
        metrics.FALLBACKS.labels(msg.mailbox).inc()
        self.log.error("case_fallback", case=tag, mailbox=msg.mailbox, reason=reason)
        return "fallback"

    # --- driving a source -----------------------------------------------------------
    def poll(self, source: Source) -> PollReport:
        report = PollReport(source.mailbox)
        try:
            source.open()
            keys = source.pending()
        except SourceError as exc:
            report.errors.append(str(exc))
            self.store.record_poll(source.mailbox, None, None, error=str(exc))
            metrics.POLL_ERRORS.labels(source.mailbox).inc()
            self.log.warning("poll_failed", mailbox=source.mailbox, error=str(exc)[:120])
            return report
        report.seen = len(keys)
        to_fetch: list[tuple[SourceKey, int, int]] = []
        for key in keys:
            claim = self.store.claim(key, source.mailbox, self.owner, CLAIM_LEASE)
            if claim.status == "done":
                self._file(source, key, claim.ledger_id, report)
            elif claim.status == "claimed":
                crashpoint("after_claim")
                to_fetch.append((key, claim.ledger_id, self.store.ledger_attempts(claim.ledger_id)))
        for start in range(0, len(to_fetch), 25):
            batch = to_fetch[start:start + 25]
            try:
                raws = source.fetch([k for k, _, _ in batch])
            except SourceError as exc:
                report.errors.append(str(exc))
                for _, ledger_id, _ in batch:
                    self.store.release_claim(ledger_id, self.owner)
                break
            for key, ledger_id, attempts in batch:
                raw = raws.get(key)
                if raw is None:
                    self.store.release_claim(ledger_id, self.owner)
                    continue
                try:
                    with metrics.PROCESSING.time():
                        outcome = self.decide(RawMessage(source.mailbox, key, raw), ledger_id, attempts)
                except ProcessingDeferred as exc:
                    report.errors.append(f"deferred: {exc}")
                    continue
                except LostClaim:
                    continue
                if outcome == "duplicate":
                    report.duplicates += 1
                elif outcome == "claim":
                    report.claims += 1
                elif outcome == "fallback":
                    report.fallbacks += 1
                report.processed += 1
                crashpoint("after_commit")
                self._file(source, key, ledger_id, report)
        self.store.record_poll(source.mailbox, getattr(source, "uidvalidity", None), getattr(source, "last_uid", None),
                               error="; ".join(report.errors)[:500] or None)
        metrics.LAST_POLL.labels(source.mailbox).set_to_current_time()
        return report

    def _file(self, source: Source, key: SourceKey, ledger_id: int, report: PollReport) -> None:
        try:
            source.file(key)
        except SourceError as exc:
            report.errors.append(str(exc))
            return
        crashpoint("after_file")
        self.store.mark_filed(ledger_id)
        report.filed += 1



class ProcessingDeferred(Exception):
    """Processing failed; the claim was released and the message will be retried."""
