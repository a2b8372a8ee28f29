"""The acknowledgement: whether the sender gets one, and the mail itself.

One unit owns auto-replies and their guards (as Mailman's replybot does): the
RFC 3834 and forged-sender guards are facts (``Facts.ack_blockers``) and come
before the rules, so no rule can override them; an unauthenticated claim
attempt (mail from, or pretending to be from, staff) is never answered; last
comes the per-inbox rate limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..addresses import mailbox_key
from ..config import Config
from ..model import AuditEvent, Facts, Outgoing
from .compose import CaseRef, ack_message
from .headers import clean_header_value
from .render import TemplateProblem, Templates
from .seal import Sealer


@dataclass(frozen=True)
class AckPlan:
    send: bool
    reason: str = ""  # why not, content-free


def ack_plan(analysis, recently_acknowledged: Callable[[], bool] | None = None) -> AckPlan:
    """``analysis``: analysis.Analysis; ``recently_acknowledged``: the rate limit (None: not checked)."""
    facts, decision = analysis.facts, analysis.decision
    if analysis.claim is not None:
        return AckPlan(False, "unauthenticated claim attempt from a staff address")
    if facts.ack_blockers:
        return AckPlan(False, "; ".join(facts.ack_blockers))
    if decision.ack_template is None:
        return AckPlan(False, decision.ack_suppressed_reason or "suppressed by rule")
    if recently_acknowledged is not None and recently_acknowledged():
        return AckPlan(False, "already acknowledged this sender recently")
    return AckPlan(True)


def rate_key(facts: Facts, pseudonym: Callable[[str | None], str | None]) -> tuple[str, str]:
    """The rate limit counts inboxes, not spellings (``person+1@``, ``p.erson@`` on Gmail...)."""
    return (pseudonym(mailbox_key(facts.sender)) or "", facts.mailbox)


@dataclass(frozen=True)
class Acknowledgement:
    mail: Outgoing | None  # None: nothing is sent after all (e.g. the address cannot be replied to)
    event: AuditEvent
    template_problem: str | None = None  # a broken template: the built-in text was used


def acknowledgement(analysis, case: CaseRef, config: Config, templates: Templates, sealer: Sealer) -> Acknowledgement:
    """The acknowledgement of a case that ``ack_plan`` said to acknowledge."""
    facts, decision, parsed = analysis.facts, analysis.decision, analysis.parsed
    template_set = facts.mailbox if decision.ack_template in (None, "default") else decision.ack_template
    context = {"case_tag": case.tag, "mailbox_address": case.mailbox_address,
               "language": decision.language, "mailbox": facts.mailbox, "urgency": decision.urgency}
    problem = None
    try:
        rendered = templates.render_ack(template_set, decision.language, context)
    except TemplateProblem as exc:  # a broken edit must not cost the sender the acknowledgement
        rendered = templates.render_builtin_ack(context)
        problem = str(exc)
    subject = rendered.subject
    if config.acknowledgements.subject_echo and facts.subject:
        subject = clean_header_value(f"{subject} (Re: {facts.subject})", 200)
    ack = ack_message(case, parsed, facts, subject, rendered.body, config.service.domain, language=rendered.language)
    if ack is None:
        return Acknowledgement(None, AuditEvent("ack", "no acknowledgement",
                                                {"reason": "sender address unusable for a reply"}), problem)
    mail, note = sealer.ack(ack, facts, case, neutral_subject=rendered.subject)
    return Acknowledgement(mail, AuditEvent("ack", "acknowledgement queued", {
        "template": rendered.template, "language": rendered.language, "encryption": note}), problem)
