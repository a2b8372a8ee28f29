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
import re
import socket
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from . import clock, metrics
from . import log as logmod
from .compose import (CaseRef, ack_message, compose_alert, forward_message, notice_message,
                      to_outgoing)
from .recipients import escalation_plan, initial_targets
from .seal import Sealer
from .config import Config
from .facts import build_facts
from .headers import clean_header_value, safe_address
from .faults import crashpoint, failpoint
from .language import LanguageDetector
from .model import CryptoFacts, Decision, Facts, Outgoing, Parsed, RawMessage, RuleHit, SourceKey
from .parse import parse, strip_quotes_and_signature
from .render import TemplateProblem, Templates
from .routing import route
from .sources import Source, SourceError
from .store import AckRaceLost, AuditEvent, LostClaim, NewCase, Store

CLAIM_LEASE = timedelta(minutes=2)  # how long a crashed worker can delay a message
CASE_TAG = re.compile(r"\[case ([0-9A-HJKMNP-TV-Z]{4,8})\]", re.IGNORECASE)
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
Reply to claim this case; keep [case {{ case_tag }}] in the subject.
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
    elif facts.crypto.error:  # e.g. past a limit: signatures and keys were not looked at
        flags.append("openpgp-not-checked")
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
        if self.crypto is not None:
            result = self.crypto.open_message(raw, parsed.from_addr)
            crypto_facts = result.crypto
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
                            body=own_text, crypto=crypto_facts, outer=parsed if inner else None)
        decision = route(facts, self.config, self.ruleset)
        events.append(AuditEvent("route", "decided", {
            "urgency": decision.urgency, "language": decision.language, "tags": decision.tags,
            "teams": decision.forward_teams, "rules": [{"rule": h.rule, "why": h.why} for h in decision.rules]}))
        return Analysis(parsed, facts, decision, inner, inner_raw, events)

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
        return (self.store.pseudonym(facts.sender) or "", facts.mailbox)

    def compose(self, analysis: Analysis, case: CaseRef, raw: bytes) -> tuple[list[Outgoing], list[AuditEvent], bool]:
        facts, decision, parsed = analysis.facts, analysis.decision, analysis.parsed
        outgoing: list[Outgoing] = []
        events: list[AuditEvent] = []
        template_alerts: list[Outgoing] = []
        send_ack, reason = self.ack_plan(facts, decision)
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
                out, note = self.sealer.ack(ack, facts, case)
                outgoing.append(out)
                events.append(AuditEvent("ack", "acknowledgement queued", {
                    "template": rendered.template, "language": rendered.language, "encryption": note}))
        if not send_ack:
            events.append(AuditEvent("ack", "no acknowledgement", {"reason": reason}))
        flags = case_flags(facts)
        now = clock.now()
        recipients, notified, route_events, route_alerts = initial_targets(self.config, decision, case, now)
        events += route_events
        summary = self._summary({
            "case_tag": case.tag, "mailbox": facts.mailbox, "urgency": decision.urgency,
            "language": decision.language, "language_confidence": facts.language_confidence,
            "sender": facts.sender, "subject": facts.subject,
            "encrypted": _encryption_text(facts.crypto), "signature": _signature_text(facts.crypto),
            "sender_key": facts.crypto.sender_key_fingerprint, "tags": decision.tags,
            "decrypted": analysis.inner_raw is not None,
            "rules": [h.rule for h in decision.rules], "ack_sent": send_ack, "ack_reason": reason,
            "flags": flags, "defects": facts.defects}, template_alerts)
        # Staff read the decrypted message; it only ever leaves inside an encrypted forward.
        original = analysis.inner_raw if analysis.inner_raw is not None else raw
        if analysis.inner_raw is not None and not self.sealer.must_encrypt(facts):
            raise RuntimeError("refusing to forward decrypted content unencrypted")
        forwards, forward_events = self._forward(case, decision, facts, original, summary, recipients, flags)
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
            mails, step_events = self._forward(
                case, decision, facts, original, summary, targets, flags, kind=f"escalation-{i + 1}",
                escalation=f"step {i + 1}: {step.notify} after {step.after_minutes} min",
                delay=(at - now).total_seconds())
            outgoing += mails
            events += step_events
        return outgoing, events

    def _forward(self, case: CaseRef, decision: Decision, facts: Facts, original: bytes, summary: str,
                 targets: list[str], flags: list[str], *, kind: str = "forward", escalation: str | None = None,
                 delay: float = 0.0) -> tuple[list[Outgoing], list[AuditEvent]]:
        """The forward (or escalation step ``kind="escalation-N"``), sealed by the Sealer.

        If composing or sealing it fails, staff still get the original's bytes,
        sealed the same way, attached as the file original-message.eml to a
        minimal forward; if even that fails, a content-free notice saying so.
        Either way the operators get an alert naming the kind of error.
        """
        domain = self.config.service.domain

        def build(as_file: bool, text: str) -> tuple[list[Outgoing], list[AuditEvent]]:
            failpoint("compose_raw_forward" if as_file else "compose_forward")
            message = forward_message(case, decision, original, text, targets, domain, flags,
                                      reply_to=self._reply_to(facts, case), kind=kind, as_file=as_file)
            if escalation:
                message.replace_header("Subject", f"[ESCALATED] {message['Subject']}")
                message["X-Mailrouter-Escalation"] = escalation
            return self.sealer.forward(message, facts, decision, case, targets,
                                       kind="forward" if kind == "forward" else "escalation", delay=delay)

        try:
            return build(False, summary)
        except Exception as exc:  # noqa: BLE001 - a hostile original must not cost staff the case
            error = logmod.error_kind(exc)
        self.log.error("forward_compose_failed", case=case.tag, kind=kind, error=error)
        try:
            mails, events = build(True, f"NOTE: the usual {kind} could not be composed ({error}); the original\n"
                                        "message is attached as the file original-message.eml.\n\n" + summary)
            events.append(AuditEvent("forward", f"{kind} sent with the original as a file", {"error": error}))
            outcome = "Staff got the original message as the attachment original-message.eml instead."
        except Exception as exc:  # noqa: BLE001
            error = f"{error}, then {logmod.error_kind(exc)}"
            self.log.error("forward_raw_failed", case=case.tag, kind=kind, error=error)
            notice = notice_message(case, decision, targets, domain, f"internal error {error}",
                                    kind=f"{kind}-notice", key_problem=False)
            mails = [to_outgoing("notice" if kind == "forward" else "escalation", notice,
                                 self.config.service.alert_from, targets, delay)]
            events = [AuditEvent("forward", f"{kind} failed; staff got a notice only", {"error": error})]
            outcome = ("Staff got only a notice without content; the message is in the processed folder "
                       "of the mailbox.")
        alert = compose_alert(f"forward-failed:{case.id}:{kind}", f"case {case.tag}: the {kind} could not be composed",
                              f"Case {case.tag} ({case.mailbox}, {decision.urgency}): composing the {kind} failed "
                              f"({error}).\n{outcome}\nPlease report this error kind to the developers.\n",
                              self.config.service.operators, self.config.service.alert_from, domain)
        return mails + [alert], events

    @staticmethod
    def _reply_to(facts: Facts, case: CaseRef) -> list[str]:
        """A staff reply reaches the sender and, as a claim, the intake mailbox."""
        sender = safe_address(facts.sender)
        return ([sender] if sender and not facts.ack_blockers else []) + [case.mailbox_address]

    def claim_reference(self, parsed: Parsed) -> tuple[str, str, str] | None:
        """(case id, staff id, how) when a staff member's mail claims a case.

        Only mail from a configured staff address counts; it names the case by
        replying to one of our mails (In-Reply-To/References carry the case id
        in our Message-IDs) or by the tag "[case 7F3K]" in its subject.
        """
        staff = {s.address: sid for sid, s in self.config.staff.items()}
        if parsed.from_addr not in staff:
            return None
        domain = re.escape(self.config.service.domain)
        pattern = re.compile(rf"<([0-9A-Z]{{26}})\.(?:forward|escalation-\d+)@{domain}>")
        for ref in [parsed.in_reply_to or "", *parsed.references]:
            if m := pattern.fullmatch(ref.strip()):
                case = self.store.find_case(m.group(1))
                if case is not None:
                    return case.id, staff[parsed.from_addr], "reply"
        if m := CASE_TAG.search(parsed.subject or ""):
            case = self.store.find_case(m.group(1))
            if case is not None:
                return case.id, staff[parsed.from_addr], "subject tag"
        return None

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
            claim = self.claim_reference(parsed_for_id)
            if claim is not None:
                case_id, staff_id, via = claim
                self.store.commit_claim(ledger_id=ledger_id, owner=self.owner, case_id=case_id, by=staff_id,
                                        via=via, message_id_hash=msgid_hash, raw_sha256=raw_sha)
                metrics.CLAIMS.labels(msg.mailbox).inc()
                self.log.info("case_claimed", case=self.store.case_tag(case_id), via=via)
                return "claim"
            analysis = self.analyse(msg.mailbox, raw)
            case_id, tag = self.store.new_case_identity()
            box = self.config.mailboxes[msg.mailbox]
            case = CaseRef(case_id, tag, msg.mailbox, box.address)
            outgoing, events, acked = self.compose(analysis, case, raw)
            new_case = NewCase(
                id=case_id, tag=tag, mailbox=msg.mailbox, urgency=analysis.decision.urgency,
                language=analysis.decision.language, tags=analysis.decision.tags,
                rules=[{"rule": h.rule, "why": h.why} for h in analysis.decision.rules],
                flags=case_flags(analysis.facts), encrypted=analysis.facts.crypto.encrypted,
                sender_hash=self.store.pseudonym(analysis.facts.sender))
            crashpoint("before_commit")
            try:
                self.store.commit_decision(
                    ledger_id=ledger_id, owner=self.owner, message_id_hash=msgid_hash, raw_sha256=raw_sha,
                    case=new_case, events=[AuditEvent("intake", "received", {"mailbox": msg.mailbox}),
                                           *analysis.events, *events],
                    outgoing=outgoing, ack_rate_key=self._ack_key(analysis.facts) if acked else None,
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
        try:
            forwards, _ = self._forward(case, decision, facts_stub, msg.data, summary, recipients, flags)
        except Exception as exc:  # noqa: BLE001 - the last resort must not fail
            forwards = [to_outgoing("notice", notice_message(case, decision, recipients, self.config.service.domain,
                                                             f"internal error {logmod.error_kind(exc)}",
                                                             key_problem=False),
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
        return f"no ({crypto.error})" if crypto.error else "no"
    if crypto.decrypted:
        return "yes (decrypted)"
    return f"yes, NOT decrypted: {crypto.error or 'unknown reason'}"


def _signature_text(crypto: CryptoFacts) -> str:
    sig = crypto.signature
    if sig.status == "none":
        return "none"
    text = sig.status
    if sig.fingerprint:
        text += f" by {sig.fingerprint}"
    if sig.status == "valid" and not sig.signer_uid_matches_sender:
        text += " (key does not belong to the From address)"
    return text
