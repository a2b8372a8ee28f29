"""Staff claims by mail: what counts as an attempt, and when one is authenticated. Pure.

The senders' adversaries can write to the intake addresses too, and forge any
header: a claim silences a case's escalations, so a mail claims a case only
when it is *authenticated* as the staff member it names (design.md, "Trust"):

* ``openpgp``: a good signature by that staff member's pinned key, checked
  in the service home (``Crypto.service_home_signers``), whose signed content
  names the case ("case 7F3K", as every reply quoting our forward does). The
  binding stops a signed reply for one case (which the sender also receives
  when staff reply to all) from being replayed against another.
* ``dmarc`` (only when configured, with a trusted MTA): the operator's MTA
  recorded a DMARC pass for the staff address's domain.

A mail from a staff address that names a case but is not authenticated claims
nothing; the pipeline forwards it like any mail, flagged, and alerts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .authres import AuthResults
from .model import OutgoingKind, Parsed
from .parse import parse

CASE_TAG = re.compile(r"\[case ([0-9A-HJKMNP-TV-Z]{4,8})\]", re.IGNORECASE)
# our mails a staff reply can answer
CLAIMABLE_KINDS = (OutgoingKind.FORWARD, OutgoingKind.ESCALATION, OutgoingKind.NOTICE)
UNAUTHENTICATED_FLAG = "unauthenticated-claim"


@dataclass(frozen=True)
class ClaimTarget:
    """The case a mail names."""

    id: str
    tag: str
    mailbox: str
    urgency: str


@dataclass(frozen=True)
class ClaimAttempt:
    case: ClaimTarget
    staff_id: str
    via: str  # "reply" | "subject tag"

    @property
    def case_id(self) -> str:
        return self.case.id

    @property
    def case_tag(self) -> str:
        return self.case.tag


@dataclass(frozen=True)
class ClaimVerdict:
    authenticated: bool
    method: str | None  # "openpgp" | "dmarc" when authenticated
    reason: str  # content-free, for the audit trail and the alert


def find_attempt(parsed: Parsed, staff_by_address: dict[str, str],
                 case_of_reply: Callable[[str], ClaimTarget | None],
                 case_of_tag: Callable[[str], ClaimTarget | None]) -> ClaimAttempt | None:
    """A mail from a staff address that names one of our cases, else None.

    ``case_of_reply`` finds the case of one of our forwards by its Message-ID,
    ``case_of_tag`` a case by its tag.
    """
    staff_id = staff_by_address.get(parsed.from_addr or "")
    if staff_id is None:
        return None
    for ref in [parsed.in_reply_to or "", *reversed(parsed.references)][:20]:
        if ref.strip() and (found := case_of_reply(ref.strip())):
            return ClaimAttempt(found, staff_id, "reply")
    if m := CASE_TAG.search(parsed.subject or ""):
        if found := case_of_tag(m.group(1)):
            return ClaimAttempt(found, staff_id, "subject tag")
    return None


def names_case(content: bytes, tag: str) -> bool:
    """Does signed content name the case ("case 7F3K"), in its text or protected Subject?"""
    inner = parse(content)
    haystack = "\n".join((content.decode("utf-8", "replace"), inner.subject, inner.text))
    return re.search(rf"case\s+{re.escape(tag)}\b", haystack, re.IGNORECASE) is not None


def authenticate(attempt: ClaimAttempt, parsed: Parsed, *, methods: list[str], pinned_key: str | None,
                 staff_address: str, signers: list[tuple[str, bytes]], auth_results: AuthResults) -> ClaimVerdict:
    """Is this claim authenticated as ``attempt.staff_id``? ``signers`` come from the service home."""
    if "multiple From addresses" in parsed.defects:
        return ClaimVerdict(False, None, "several From addresses")
    reasons: list[str] = []
    if "openpgp" in methods:
        by_pinned = [content for fpr, content in signers if pinned_key and fpr == pinned_key]
        if any(names_case(content, attempt.case_tag) for content in by_pinned):
            return ClaimVerdict(True, "openpgp", "signed by the staff member's pinned key")
        if by_pinned:
            reasons.append("signed by the pinned key, but the signed text does not name the case")
        elif not pinned_key:
            reasons.append("no pinned key for this staff member")
        elif signers:
            reasons.append("signed by another key than the pinned one")
        else:
            reasons.append("no valid signature by the pinned key")
    if "dmarc" in methods:
        domain = staff_address.rsplit("@", 1)[-1]
        if auth_results.dmarc_pass_for(domain):
            return ClaimVerdict(True, "dmarc", "DMARC pass recorded by our MTA")
        reasons.append("no DMARC pass recorded by our MTA" if auth_results.found
                       else "no Authentication-Results from our MTA")
    return ClaimVerdict(False, None, "; ".join(reasons) or "no claim method configured")
