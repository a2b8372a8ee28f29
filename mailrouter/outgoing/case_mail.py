"""One case's outgoing mail: acknowledgement, forward, escalation steps, alerts.

Everything is composed at decision time and committed with the decision, so
it survives restarts; escalation steps wait in the outbox until due and a
claim cancels them. Each forward keeps the case readable when something
breaks: if composing or sealing fails, staff get the original's bytes as a
file, sealed the same way; only if that fails too a content-free notice that
says what happened. Never plaintext when encryption is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import clock
from .. import log as logmod
from ..claims import UNAUTHENTICATED_FLAG, ClaimAttempt, ClaimVerdict
from ..config import Config
from ..faults import failpoint
from ..model import AuditEvent, Decision, Facts, Outgoing, RuleHit
from .acknowledgement import AckPlan, acknowledgement
from .compose import CaseRef, compose_alert, forward_message, notice_message, to_outgoing
from .headers import safe_address
from .recipients import escalation_plan, initial_targets
from .render import TemplateProblem, Templates
from .seal import Sealer
from .summary import FORWARD_SUMMARY, summary_context


@dataclass(frozen=True)
class CaseMail:
    outgoing: list[Outgoing]  # no two with one Message-ID
    events: list[AuditEvent]
    acknowledged: bool


class Composer:
    def __init__(self, config: Config, templates: Templates, sealer: Sealer):
        self.config = config
        self.templates = templates
        self.sealer = sealer
        self.log = logmod.get("mailrouter.outgoing")

    def case_mail(self, analysis, case: CaseRef, raw: bytes, plan: AckPlan) -> CaseMail:
        """All mail of a new case (``analysis``: analysis.Analysis; ``plan``: acknowledgement.ack_plan)."""
        facts, decision = analysis.facts, analysis.decision
        outgoing: list[Outgoing] = []
        events: list[AuditEvent] = []
        template_alerts: list[Outgoing] = []
        acked, reason = plan.send, plan.reason
        if acked:
            ack = acknowledgement(analysis, case, self.config, self.templates, self.sealer)
            if ack.template_problem:
                template_alerts.append(self._template_alert(ack.template_problem))
            if ack.mail is None:
                acked, reason = False, ack.event.detail["reason"]
            else:
                outgoing.append(ack.mail)
                events.append(ack.event)
        if not acked:
            events.append(AuditEvent("ack", "no acknowledgement", {"reason": reason}))
        now = clock.now()
        recipients, notified, route_events, route_alerts = initial_targets(self.config, decision, case, now)
        events += route_events
        if analysis.claim is not None:
            route_alerts.append(self._unauthenticated_claim_alert(analysis.claim, case, now))
        summary = self._summary(summary_context(analysis, case, acked, reason), template_alerts)
        # Staff read the decrypted message; it only ever leaves inside an encrypted forward.
        original = analysis.inner_raw if analysis.inner_raw is not None else raw
        if analysis.inner_raw is not None and not self.sealer.must_encrypt(facts):
            raise RuntimeError("refusing to forward decrypted content unencrypted")
        flags = analysis.flags
        forwards, forward_events = self.forward(case, decision, facts, original, summary, recipients, flags)
        outgoing += forwards + route_alerts + template_alerts
        events += forward_events
        escalations, escalation_events = self.escalations(case, decision, facts, original, summary, flags, now,
                                                          notified)
        return CaseMail(unique(outgoing + escalations), events + escalation_events, acked)

    def could_not_process(self, case: CaseRef, decision: Decision, raw: bytes, reason: str,
                          size: int) -> list[Outgoing]:
        """The last resort for a message that cannot be processed: forwarded raw, flagged, with an alert.

        As little machinery as possible: no parsing, no decryption, no templates.
        Sealed like any forward when encryption is configured (the raw bytes are
        ciphertext or plaintext as received, never decrypted).
        """
        summary = (f"mailrouter case {case.tag} ({case.mailbox})\n\nCOULD NOT PROCESS: {reason}.\n"
                   "No acknowledgement was sent. The original message is attached unchanged;\n"
                   "please read it and answer the sender by hand.\n")
        facts_stub = Facts(mailbox=case.mailbox, sender=None, sender_domain=None, subject="", body="",
                           language="und", language_confidence=0.0, size=size, attachments=[],
                           headers=[], defects=[], auto_submitted=False, is_list=False, is_bounce=False,
                           is_noreply=True, from_self=False, ack_blockers=["could not process"])
        flags = ["could-not-process"]
        now = clock.now()
        recipients, notified, _, _ = initial_targets(self.config, decision, case, now)
        try:
            forwards, _ = self.forward(case, decision, facts_stub, raw, summary, recipients, flags)
        except Exception as exc:  # noqa: BLE001 - the last resort must not fail
            forwards = [to_outgoing("notice", notice_message(case, decision, recipients, self.config.service.domain,
                                                             f"internal error {logmod.error_kind(exc)}",
                                                             key_problem=False),
                                    self.config.service.alert_from, recipients)]
        try:
            escalations, _ = self.escalations(case, decision, facts_stub, raw, summary, flags, now, notified)
        except Exception:  # noqa: BLE001 - the forward above matters more than its escalations
            escalations = []
        alert = compose_alert(f"fallback:{case.id}", f"case {case.tag} could not be processed",
                              f"Case {case.tag} in mailbox {case.mailbox} could not be processed ({reason}).\n"
                              "It was forwarded raw to the team, without acknowledgement.\n",
                              self.config.service.operators, self.config.service.alert_from,
                              self.config.service.domain)
        return unique([*forwards, *escalations, alert])

    @staticmethod
    def fallback_decision(config: Config, mailbox: str, reason: str) -> Decision:
        box = config.mailboxes[mailbox]
        return Decision(urgency=box.default_urgency, language="und", forward_teams=[box.team],
                        ack_template=None, rules=[RuleHit("fallback", reason)])

    def _summary(self, context: dict, alerts: list[Outgoing]) -> str:
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

    def escalations(self, case: CaseRef, decision: Decision, facts: Facts, original: bytes, summary: str,
                    flags: list[str], now: datetime, notified: list[str]) -> tuple[list[Outgoing], list[AuditEvent]]:
        """Escalation mails, composed now, each waiting in the outbox until its step is due."""
        outgoing: list[Outgoing] = []
        events: list[AuditEvent] = []
        for i, step, at, targets in escalation_plan(self.config, decision, case, now, notified):
            mails, step_events = self.forward(
                case, decision, facts, original, summary, targets, flags, kind=f"escalation-{i + 1}",
                escalation=f"step {i + 1}: {step.notify} after {step.after_minutes} min",
                delay=(at - now).total_seconds())
            outgoing += mails
            events += step_events
        return outgoing, events

    def _unauthenticated_claim_alert(self, claim: tuple[ClaimAttempt, ClaimVerdict], case: CaseRef,
                                     now: datetime) -> Outgoing:
        """To the operators and whoever is on call for the targeted case: content-free."""
        attempt, verdict = claim
        box = self.config.mailboxes.get(attempt.case.mailbox)
        on_call: list[str] = []
        if box is not None:
            target_ref = CaseRef(attempt.case_id, attempt.case_tag, attempt.case.mailbox, box.address)
            on_call, _, _, _ = initial_targets(self.config, Decision(urgency=attempt.case.urgency, language="und",
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

    def forward(self, case: CaseRef, decision: Decision, facts: Facts, original: bytes, summary: str,
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
                                      reply_to=self.reply_to(facts, case), kind=kind, as_file=as_file)
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
    def reply_to(facts: Facts, case: CaseRef) -> list[str]:
        """A staff reply reaches the sender and, as a claim, the intake mailbox."""
        sender = safe_address(facts.sender)
        return ([sender] if sender and not facts.ack_blockers else []) + [case.mailbox_address]


def unique(outgoing: list[Outgoing]) -> list[Outgoing]:
    """Drop repeats of the same Message-ID (e.g. one alert raised by several steps)."""
    seen: set[str] = set()
    return [o for o in outgoing if not (o.message_id in seen or seen.add(o.message_id))]
