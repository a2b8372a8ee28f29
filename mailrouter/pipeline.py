"""One message through the stages: claim, parse, decrypt, facts, route,
compose, commit (decision + outbox in one transaction), file.

``analyse`` is the side-effect-free part (also used by ``explain``);
``Pipeline.poll`` drives a source and owns the exactly-once protocol:

1. claim the ledger row for (account, folder, UIDVALIDITY, UID);
2. decide and commit the decision with all its outgoing mail;
3. only then move the message to the processed folder.

A crash between any two steps leaves either an expired claim (the message is
processed again from scratch; nothing was stored or sent) or a decided row
(the message is only filed). A message that makes processing fail three
times is forwarded raw, flagged "could not process", so nothing is lost.
"""

from __future__ import annotations

import hashlib
import os
import socket
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from . import clock, metrics
from .addresses import mailbox_key
from . import log as logmod
from .authres import trusted_results
from .claims import CLAIMABLE_KINDS, UNAUTHENTICATED_FLAG, ClaimAttempt, ClaimVerdict, authenticate, find_attempt
from .compose import (CaseRef, ack_message, compose_alert, forward_message, notice_message,
                      to_outgoing)
from .recipients import escalation_plan, initial_targets
from .seal import Sealer
from .config import Config
from .facts import build_facts
from .headers import clean_header_value, safe_address
from .faults import crashpoint
from .keycontinuity import judge as judge_keys
from .language import LanguageDetector
from .model import CryptoFacts, Decision, Facts, Outgoing, OutgoingKind, Parsed, RawMessage, RuleHit, SourceKey
from .parse import parse, show_bidi_controls, strip_quotes_and_signature
from .render import TemplateProblem, Templates
from .routing import route
from .sources import Source, SourceError
from .store import AckRaceLost, AuditEvent, LostClaim, NewCase, Store

CLAIM_LEASE = timedelta(minutes=2)  # how long a crashed worker can delay a message
MAX_ATTEMPTS = 3

FORWARD_SUMMARY = """\
mailrouter case {{ case_tag }} ({{ mailbox }})

Urgency:     {{ urgency }}
Language:    {{ language }}{% if language_confidence %} (confidence {{ '%.2f' % language_confidence }}){% endif %}
From:        {{ sender or '(no usable sender address)' }}
Subject:     {{ subject or '(none)' }}
Encrypted:   {{ encrypted }}
Signature:   {{ signature }}
Sender key:  {{ sender_key or 'none known (acknowledgement not encrypted)' }}
Tags:        {{ tags | join(', ') if tags else '-' }}
Rules:       {{ rules | join(', ') }}
Acknowledged:{% if ack_sent %} yes{% else %} no ({{ ack_reason }}){% endif %}
{% if flags %}Flags:       {{ flags | join(', ') }}
{% endif %}{% if defects %}Parse defects:
{% for d in defects %}  - {{ d }}
{% endfor %}{% endif %}
{% if decrypted %}The decrypted message is attached (it travels only inside this encrypted mail).
{% else %}The original message is attached unchanged.
{% endif %}
To claim this case, reply signed with your OpenPGP key (keep "case {{ case_tag }}" in the text),
or run: mailrouter ack {{ case_tag }} --by YOUR_ID
"""


# Sample values for checking forward.txt.j2 (every variable the pipeline passes).
FORWARD_SAMPLE = {
    "case_tag": "7F3K", "mailbox": "emergency", "urgency": "critical", "language": "ar",
    "language_confidence": 0.93, "sender": "someone@example.org", "subject": "help", "encrypted": "no",
    "signature": "none", "sender_key": None, "tags": ["threat-to-life"], "decrypted": False,
    "rules": ["emergency-default"], "ack_sent": True, "ack_reason": "", "flags": [], "defects": [],
}


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
    # sender key continuity to record with the decision: (sender pseudonym, status updates, seen keys)
    key_updates: tuple[str, dict[str, str], tuple[str, ...]] | None = None

    @property
    def flags(self) -> list[str]:
        return case_flags(self.facts) + ([UNAUTHENTICATED_FLAG] if self.claim else [])


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
    return flags


class Pipeline:
    def __init__(self, config: Config, store: Store, templates: Templates | None = None,
                 detector: LanguageDetector | None = None, crypto: Any = None, owner: str | None = None,
                 ruleset: Any = None):
        self.config = config
        self.store = store
        self.templates = templates or Templates(config.service.templates_dir)
        self.detector = detector or LanguageDetector(config.language.languages,
                                                     min_confidence=config.language.min_confidence)
        self.crypto = crypto
        self.ruleset = ruleset
        self.sealer = Sealer(config, crypto)
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.log = logmod.get("mailrouter.pipeline")

    # --- pure-ish analysis -------------------------------------------------
    def analyse(self, mailbox: str, raw: bytes) -> Analysis:
        parsed = parse(raw)
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
                        events: list[AuditEvent]) -> tuple[str, dict[str, str], tuple[str, ...]] | None:
        """Which key of the sender is trusted (keycontinuity.py); sets the acknowledgement key."""
        sender_hash = self.store.pseudonym(sender)
        if sender_hash is None:
            crypto_facts.sender_key_fingerprint = None
            return None
        known = self.store.sender_key_statuses(sender_hash)
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
        return sender_hash, verdict.updates, verdict.seen

    # --- outgoing ------------------------------------------------------------
    def ack_plan(self, facts: Facts, decision: Decision) -> tuple[bool, str]:
        """(send?, reason if not). Rate limit is checked against the store."""
        if facts.ack_blockers:  # RFC 3834 guards come first: no rule can override them
            return False, "; ".join(facts.ack_blockers)
        if decision.ack_template is None:
            return False, decision.ack_suppressed_reason or "suppressed by rule"
        window = timedelta(seconds=self.config.acknowledgements.window_seconds)
        if window and self.store.ack_recently_sent(self._ack_key(facts), window):
            return False, "already acknowledged this sender recently"
        return True, ""

    def _ack_key(self, facts: Facts) -> tuple[str, str]:
        """The rate limit counts inboxes, not spellings (``person+1@``, ``p.erson@`` on Gmail...)."""
        return (self.store.pseudonym(mailbox_key(facts.sender)) or "", facts.mailbox)

    def compose(self, analysis: Analysis, case: CaseRef, raw: bytes) -> tuple[list[Outgoing], list[AuditEvent], bool]:
        facts, decision, parsed = analysis.facts, analysis.decision, analysis.parsed
        outgoing: list[Outgoing] = []
        events: list[AuditEvent] = []
        template_alerts: list[Outgoing] = []
        send_ack, reason = self.ack_plan(facts, decision)
        if analysis.claim is not None:
            # It came from (or pretends to come from) staff: never acknowledge it.
            send_ack, reason = False, "unauthenticated claim attempt from a staff address"
        if send_ack:
            template_set = facts.mailbox if decision.ack_template in (None, "default") else decision.ack_template
            context = {"case_tag": case.tag, "mailbox_address": case.mailbox_address,
                       "language": decision.language, "mailbox": facts.mailbox, "urgency": decision.urgency}
            try:
                rendered = self.templates.render_ack(template_set, decision.language, context)
            except TemplateProblem as exc:  # a broken edit must not cost the sender the acknowledgement
                rendered = self.templates.render_builtin_ack(context)
                template_alerts.append(self._template_alert(str(exc)))
            subject = rendered.subject
            if self.config.acknowledgements.subject_echo and facts.subject:
                subject = clean_header_value(f"{subject} (Re: {facts.subject})", 200)
            ack = ack_message(case, parsed, facts, subject, rendered.body, self.config.service.domain,
                              language=rendered.language)
            if ack is None:
                send_ack, reason = False, "sender address unusable for a reply"
            else:
                out, note = self.sealer.ack(ack, facts, case, neutral_subject=rendered.subject)
                outgoing.append(out)
                events.append(AuditEvent("ack", "acknowledgement queued", {
                    "template": rendered.template, "language": rendered.language, "encryption": note}))
        if not send_ack:
            events.append(AuditEvent("ack", "no acknowledgement", {"reason": reason}))
        flags = analysis.flags
        now = clock.now()
        recipients, notified, route_events, route_alerts = initial_targets(self.config, decision, case, now)
        events += route_events
        if analysis.claim is not None:
            route_alerts.append(self._unauthenticated_claim_alert(analysis.claim, case, now))
        summary = self._summary({
            "case_tag": case.tag, "mailbox": facts.mailbox, "urgency": decision.urgency,
            "language": decision.language, "language_confidence": facts.language_confidence,
            "sender": show_bidi_controls(facts.sender), "subject": show_bidi_controls(facts.subject),
            "encrypted": _encryption_text(facts.crypto), "signature": _signature_text(facts.crypto),
            "sender_key": _sender_key_text(facts.crypto), "tags": decision.tags,
            "decrypted": analysis.inner_raw is not None,
            "rules": [h.rule for h in decision.rules], "ack_sent": send_ack, "ack_reason": reason,
            "flags": flags, "defects": facts.defects}, template_alerts)
        # Staff read the decrypted message; it only ever leaves inside an encrypted forward.
        original = analysis.inner_raw if analysis.inner_raw is not None else raw
        if analysis.inner_raw is not None and not self.sealer.must_encrypt(facts):
            raise RuntimeError("refusing to forward decrypted content unencrypted")
        forward = forward_message(case, decision, original, summary, recipients, self.config.service.domain, flags,
                                  reply_to=self._reply_to(facts, case))
        forwards, forward_events = self.sealer.forward(forward, facts, decision, case, recipients)
        outgoing += forwards + route_alerts + template_alerts
        events += forward_events
        escalations, escalation_events = self._escalations(case, decision, facts, original, summary, flags, now,
                                                           notified)
        outgoing += escalations
        events += escalation_events
        return _unique(outgoing), events, send_ack

    def _summary(self, context: dict[str, Any], alerts: list[Outgoing]) -> str:
        try:
            return self.templates.render_text("forward.txt.j2", context, FORWARD_SUMMARY)
        except TemplateProblem as exc:
            alerts.append(self._template_alert(str(exc)))
            return self.templates.env.from_string(FORWARD_SUMMARY).render(**context)

    def _template_alert(self, problem: str) -> Outgoing:
        """Once per distinct problem: the built-in text is used meanwhile."""
        self.log.error("template_broken")
        return compose_alert(f"template:{problem}", "a template is broken; the built-in text is used",
                             f"{problem}\n\nMessages are still acknowledged and forwarded with the built-in text.\n"
                             "Fix the template and check it with 'mailrouter check'.\n",
                             self.config.service.operators, self.config.service.alert_from,
                             self.config.service.domain)

    def _escalations(self, case: CaseRef, decision: Decision, facts: Facts, original: bytes, summary: str,
                     flags: list[str], now, notified: list[str]) -> tuple[list[Outgoing], list[AuditEvent]]:
        """Escalation mails, composed now, each waiting in the outbox until its step is due."""
        outgoing: list[Outgoing] = []
        events: list[AuditEvent] = []
        for i, step, at, targets in escalation_plan(self.config, decision, case, now, notified):
            escalation = forward_message(case, decision, original, summary, targets, self.config.service.domain,
                                         flags, reply_to=self._reply_to(facts, case), kind=f"escalation-{i + 1}")
            escalation.replace_header("Subject", f"[ESCALATED] {escalation['Subject']}")
            escalation["X-Mailrouter-Escalation"] = f"step {i + 1}: {step.notify} after {step.after_minutes} min"
            mails, step_events = self.sealer.forward(escalation, facts, decision, case, targets,
                                                     kind=OutgoingKind.ESCALATION, delay=(at - now).total_seconds())
            outgoing += mails
            events += step_events
        return outgoing, events

    def _unauthenticated_claim_alert(self, claim: tuple[ClaimAttempt, ClaimVerdict], case: CaseRef,
                                     now) -> Outgoing:
        """To the operators and whoever is on call for the targeted case: content-free."""
        attempt, verdict = claim
        target = self.store.find_case(attempt.case_id)
        box = self.config.mailboxes.get(target.mailbox) if target is not None else None
        on_call: list[str] = []
        if box is not None:
            target_ref = CaseRef(attempt.case_id, attempt.case_tag, target.mailbox, box.address)
            on_call, _, _, _ = initial_targets(self.config, Decision(urgency=target.urgency, language="und",
                                                                     forward_teams=[box.team]), target_ref, now)
        recipients = list(dict.fromkeys([*on_call, *self.config.service.operators]))
        return compose_alert(
            f"unauthenticated-claim:{case.id}", f"case {attempt.case_tag}: unauthenticated claim attempt",
            f"A mail naming staff member {attempt.staff_id} tried to claim case {attempt.case_tag} "
            f"({attempt.via}), but it was not authenticated: {verdict.reason}.\n\n"
            f"Case {attempt.case_tag} is STILL OPEN and its escalations continue.\n"
            f"The mail itself was forwarded as case {case.tag}, flagged {UNAUTHENTICATED_FLAG}.\n\n"
            f"If it was you: sign your reply with your pinned OpenPGP key, or claim with the claim link\n"
            f"or 'mailrouter ack {attempt.case_tag}'. If it was not you, someone is forging staff mail.\n",
            recipients, self.config.service.alert_from, self.config.service.domain)

    @staticmethod
    def _reply_to(facts: Facts, case: CaseRef) -> list[str]:
        """A staff reply reaches the sender and, as a claim, the intake mailbox."""
        sender = safe_address(facts.sender)
        return ([sender] if sender and not facts.ack_blockers else []) + [case.mailbox_address]

    def claim_attempt(self, parsed: Parsed) -> ClaimAttempt | None:
        """A mail from a staff address naming one of our cases (by replying to one of
        our forwards, or by "[case 7F3K]" in its subject); not yet authenticated."""
        def case_of_reply(message_id: str) -> tuple[str, str] | None:
            case_id = self.store.case_of_outgoing(message_id, CLAIMABLE_KINDS)
            return (case_id, self.store.case_tag(case_id)) if case_id else None

        def case_of_tag(tag: str) -> tuple[str, str] | None:
            row = self.store.find_case(tag)
            return (row.id, row.tag) if row is not None and row.tag == tag.upper() else None

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
            analysis = self.analyse(msg.mailbox, raw)
            if attempt is not None and verdict is not None:
                analysis.claim = (attempt, verdict)
            case_id, tag = self.store.new_case_identity()
            box = self.config.mailboxes[msg.mailbox]
            case = CaseRef(case_id, tag, msg.mailbox, box.address)
            outgoing, events, acked = self.compose(analysis, case, raw)
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
                    outgoing=outgoing, ack_rate_key=self._ack_key(analysis.facts) if acked else None,
                    other_case_events=self._claim_attempt_events(analysis, tag),
                    key_updates=analysis.key_updates,
                    ack_window=timedelta(seconds=self.config.acknowledgements.window_seconds))
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
        """Forward the raw message flagged 'could not process', plus an operator alert.

        Uses as little machinery as possible: no parsing, no decryption, no
        templates. Sealed like any forward when encryption is configured (the
        raw bytes are ciphertext or plaintext as received, never decrypted);
        if even sealing fails, staff get a content-free notice.
        """
        box = self.config.mailboxes[msg.mailbox]
        case_id, tag = self.store.new_case_identity()
        case = CaseRef(case_id, tag, msg.mailbox, box.address)
        decision = Decision(urgency=box.default_urgency, language="und", forward_teams=[box.team],
                            ack_template=None, rules=[RuleHit("fallback", reason)])
        summary = (f"mailrouter case {tag} ({msg.mailbox})\n\nCOULD NOT PROCESS: {reason}.\n"
                   "No acknowledgement was sent. The original message is attached unchanged;\n"
                   "please read it and answer the sender by hand.\n")
        facts_stub = Facts(mailbox=msg.mailbox, sender=None, sender_domain=None, subject="", body="",
                           language="und", language_confidence=0.0, size=len(msg.data), attachments=[],
                           headers=[], defects=[], auto_submitted=False, is_list=False, is_bounce=False,
                           is_noreply=True, from_self=False, ack_blockers=["could not process"])
        flags = ["could-not-process"]
        now = clock.now()
        recipients, notified, _, _ = initial_targets(self.config, decision, case, now)
        message = forward_message(case, decision, msg.data, summary, recipients, self.config.service.domain, flags)
        try:
            forwards, _ = self.sealer.forward(message, facts_stub, decision, case, recipients)
        except Exception as exc:  # noqa: BLE001 - the last resort must not fail
            if self.config.crypto is None:
                forwards = [to_outgoing(OutgoingKind.FORWARD, message, self.config.service.alert_from, recipients)]
            else:
                forwards = [to_outgoing(OutgoingKind.NOTICE,
                                        notice_message(case, decision, recipients, self.config.service.domain,
                                                       f"internal error {logmod.error_kind(exc)}"),
                                        self.config.service.alert_from, recipients)]
        try:
            escalations, _ = self._escalations(case, decision, facts_stub, msg.data, summary, flags, now, notified)
        except Exception:  # noqa: BLE001 - the forward above matters more than its escalations
            escalations = []
        alert = compose_alert(f"fallback:{case_id}", f"case {tag} could not be processed",
                              f"Case {tag} in mailbox {msg.mailbox} could not be processed ({reason}).\n"
                              "It was forwarded raw to the team, without acknowledgement.\n",
                              self.config.service.operators, self.config.service.alert_from,
                              self.config.service.domain)
        new_case = NewCase(id=case_id, tag=tag, mailbox=msg.mailbox, urgency=decision.urgency, language="und",
                           tags=[], rules=[{"rule": "fallback", "why": reason}], flags=flags, encrypted=False,
                           sender_hash=None)
        self.store.commit_decision(
            ledger_id=ledger_id, owner=self.owner, message_id_hash=msgid_hash, raw_sha256=raw_sha, case=new_case,
            events=[AuditEvent("intake", "could not process", {"reason": reason})],
            outgoing=_unique([*forwards, *escalations, alert]))
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


def _unique(outgoing: list[Outgoing]) -> list[Outgoing]:
    """Drop repeats of the same Message-ID (e.g. one alert raised by several steps)."""
    seen: set[str] = set()
    return [o for o in outgoing if not (o.message_id in seen or seen.add(o.message_id))]


class ProcessingDeferred(Exception):
    """Processing failed; the claim was released and the message will be retried."""


def _encryption_text(crypto: CryptoFacts) -> str:
    if not crypto.encrypted:
        return "no"
    if crypto.decrypted:
        return "yes (decrypted)"
    return f"yes, NOT decrypted: {crypto.error or 'unknown reason'}"


def _sender_key_text(crypto: CryptoFacts) -> str | None:
    key = crypto.sender_key_fingerprint
    if crypto.sender_key_changed:
        return f"{key or 'none trusted'} -- CHANGED: {crypto.sender_key_note}"
    return key


def _signature_text(crypto: CryptoFacts) -> str:
    sig = crypto.signature
    if sig.status == "none":
        return "none"
    text = sig.status
    if sig.fingerprint:
        text += f" by {sig.fingerprint}"
    if sig.status == "valid" and not sig.signer_uid_matches_sender:
        text += " (key does not belong to the From address)"
    elif sig.status == "valid" and crypto.sender_key_changed and sig.fingerprint != crypto.sender_key_fingerprint:
        text += " (NOT the sender's known key)"
    return text
