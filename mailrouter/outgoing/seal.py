"""Seal a composed mail: PGP/MIME-encrypt it with protected headers (RFC 9788).

The complete message, every header included, becomes the encrypted inner
entity, marked ``protected-headers="v1"`` (what Thunderbird and K-9 read) and
``hp="cipher"`` (RFC 9788). Mail servers on the way see only the outer
headers, which carry what routing needs and what the operator allows for
triage before decrypting (``crypto.outer_metadata``).
"""

from __future__ import annotations

import time
from dataclasses import replace
from email.message import EmailMessage

from .compose import SMTP_POLICY, CaseRef, compose_alert, notice_message, to_outgoing
from ..config import Config
from ..crypto import CryptoError
from ..model import AuditEvent, Decision, Facts, Outgoing, OutgoingKind

KEY_CHECK_INTERVAL = 600.0  # seconds between checks of the staff keys' usability

# Outer headers every sealed mail keeps: routing and loop protection, nothing about content.
TRANSPORT = ("From", "To", "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted",
             "X-Auto-Response-Suppress")


def outer_subject(tag_subject: str, urgency: str, case_tag: str, policy: str) -> str:
    """What the outer Subject may show of a forward."""
    if policy == "urgency-and-case":
        return f"[{urgency.upper()}][case {case_tag}]"
    if policy == "case":
        return f"[case {case_tag}]"
    return "..."


PROTECTED = b' protected-headers="v1"; hp="cipher"'


def protected_entity(message: EmailMessage) -> bytes:
    """``message`` serialised once, its top-level Content-Type marked as carrying
    protected headers (RFC 9788 ``hp="cipher"``, and ``protected-headers="v1"``).

    Never parsed again: re-parsing and re-serialising would rewrite the attached
    original (and raised UnicodeEncodeError on 8-bit or undecodable headers).
    """
    data = message.as_bytes(policy=SMTP_POLICY)
    end = data.find(b"\r\n\r\n")
    lines = data[:end].split(b"\r\n")
    at = next((i for i, line in enumerate(lines) if line[:13].lower() == b"content-type:"), None)
    if at is None:
        lines.append(b"Content-Type: text/plain;" + PROTECTED)
    else:
        last = at
        while last + 1 < len(lines) and lines[last + 1][:1] in (b" ", b"\t"):
            last += 1
        lines[last] = lines[last].rstrip(b"; ") + b";"
        lines.insert(last + 1, PROTECTED)
    return b"\r\n".join(lines) + data[end:]


def seal(message: EmailMessage, crypto, recipient_fprs: list[str], sign_fpr: str | None, *,
         subject: str, keep: tuple[str, ...] = ()) -> EmailMessage:
    """Encrypt ``message`` to ``recipient_fprs``; raises crypto.CryptoError on failure.

    ``subject`` is the outer Subject; ``keep`` names extra headers allowed outside.
    """
    armored = crypto.encrypt_entity(protected_entity(message), recipient_fprs, sign_fpr)
    outer = crypto.pgp_mime_wrap(armored)
    for name in (*TRANSPORT, *keep):
        for value in message.get_all(name, []):
            outer[name] = value
    outer["Subject"] = subject
    if "MIME-Version" not in outer:
        outer["MIME-Version"] = "1.0"
    return outer


def forward_kind(message) -> str:
    """"forward" or "escalation-N", from our own Message-ID."""
    return str(message["Message-ID"]).split(".", 1)[1].split("@", 1)[0]


class Sealer:
    """Decides whether and to whom outgoing mail is encrypted, and does it.

    Forwards that must be encrypted (the message arrived encrypted, or
    ``encrypt_all_forwards``) go only to staff with a usable pinned key; the
    others get a content-free notice and the operators an alert. Never
    plaintext when encryption is required.
    """

    def __init__(self, config: Config, crypto):
        self.config = config
        self.crypto = crypto
        self._key_cache: tuple[float, dict[str, str]] | None = None

    def service_key(self, mailbox: str) -> str | None:
        if self.config.crypto is None:
            return None
        return self.config.mailboxes[mailbox].key or self.config.crypto.service_key

    def ack(self, ack, facts: Facts, case: CaseRef, neutral_subject: str | None = None) -> tuple[Outgoing, str]:
        """Encrypt the acknowledgement when we know a key of the sender's address.

        ``neutral_subject`` is the template's subject without any echo of the
        sender's: the only subject a mail server may see of an encrypted
        acknowledgement (less with ``outer_metadata = "none"``), and the only
        one a plaintext acknowledgement of mail that arrived encrypted may carry.
        """
        to = [str(ack["To"])]
        neutral = neutral_subject if neutral_subject is not None else str(ack["Subject"])
        fpr = facts.crypto.sender_key_fingerprint
        if self.crypto is None or not fpr:
            return to_outgoing(OutgoingKind.ACK, self._plain_ack(ack, facts, neutral), "", to), \
                "none (no key known for the sender)"
        policy = self.config.crypto.outer_metadata if self.config.crypto else "none"
        try:
            sealed = seal(ack, self.crypto, [fpr], self.service_key(case.mailbox),
                          subject="..." if policy == "none" else neutral,
                          keep=() if policy == "none" else ("X-Mailrouter-Case",))
            return to_outgoing(OutgoingKind.ACK, sealed, "", to), "encrypted to the sender's key"
        except CryptoError as exc:
            # The acknowledgement holds no content of the sender's; plaintext is acceptable.
            return to_outgoing(OutgoingKind.ACK, self._plain_ack(ack, facts, neutral), "", to), \
                f"plaintext: could not encrypt ({exc.reason})"

    @staticmethod
    def _plain_ack(ack, facts: Facts, neutral: str):
        """What arrived encrypted is never echoed in clear."""
        if facts.crypto.encrypted and str(ack["Subject"]) != neutral:
            ack.replace_header("Subject", neutral)
        return ack

    def usable_staff_keys(self) -> dict[str, str]:
        """address -> pinned fingerprint, for staff whose key can be encrypted to now."""
        now = time.monotonic()
        if self._key_cache is not None and now - self._key_cache[0] < KEY_CHECK_INTERVAL:
            return self._key_cache[1]
        pinned = {sid: s.key for sid, s in self.config.staff.items() if s.key}
        broken = set()
        if self.crypto is not None and pinned:
            broken = {p.who.removeprefix("staff ") for p in self.crypto.check_keys([], pinned)
                      if p.severity == "error"}
        usable = {self.config.staff[sid].address: fpr for sid, fpr in pinned.items() if sid not in broken}
        self._key_cache = (now, usable)
        return usable

    def must_encrypt(self, facts: Facts) -> bool:
        if self.config.crypto is None:
            return False
        return facts.crypto.encrypted or self.config.crypto.encrypt_all_forwards

    def forward(self, forward, facts: Facts, decision: Decision, case: CaseRef, recipients: list[str],
                kind: OutgoingKind = OutgoingKind.FORWARD,
                delay: float = 0.0) -> tuple[list[Outgoing], list[AuditEvent]]:
        """Encrypted forward to staff with usable keys; a content-free notice and an
        operator alert for the others. Never plaintext when encryption is required."""
        envelope = self.config.service.alert_from
        if not self.must_encrypt(facts):
            return [to_outgoing(kind, forward, envelope, recipients, delay)], [
                AuditEvent("forward", f"{kind} queued", {"recipients": len(recipients), "encrypted": False})]
        keys = self.usable_staff_keys()
        keyed = [r for r in recipients if r in keys]
        keyless = [r for r in recipients if r not in keys]
        out: list[Outgoing] = []
        events: list[AuditEvent] = []
        problem = "no usable pinned key"
        if keyed:
            del forward["To"]
            forward["To"] = ", ".join(keyed)
            policy = self.config.crypto.outer_metadata
            keep = {"urgency-and-case": ("X-Mailrouter-Case", "X-Mailrouter-Urgency"),
                    "case": ("X-Mailrouter-Case",), "none": ()}[policy]
            try:
                sealed = seal(forward, self.crypto, [keys[r] for r in keyed], self.service_key(case.mailbox),
                              subject=outer_subject(str(forward["Subject"]), decision.urgency, case.tag, policy),
                              keep=keep)
                out.append(to_outgoing(kind, sealed, envelope, keyed, delay))
                events.append(AuditEvent("forward", f"{kind} queued", {"recipients": len(keyed), "encrypted": True}))
            except CryptoError as exc:
                problem = f"encryption failed: {exc.reason}"
                keyless, keyed = recipients, []
        if keyless:
            staff_ids = sorted(sid for sid, s in self.config.staff.items() if s.address in keyless)
            key_problem = problem == "no usable pinned key" or "recipient key" in problem or "no public key" in problem
            notice = notice_message(case, decision, keyless, self.config.service.domain, problem,
                                    kind=f"{forward_kind(forward)}-notice", key_problem=key_problem)
            out.append(to_outgoing(OutgoingKind.NOTICE if kind == OutgoingKind.FORWARD else kind, notice, envelope,
                                   keyless, delay))
            alert = compose_alert(
                f"keyless:{case.id}:{forward_kind(forward)}", f"case {case.tag}: staff without a usable key",
                f"Case {case.tag} ({case.mailbox}, {decision.urgency}) could not be sent encrypted to: "
                f"{', '.join(staff_ids)} ({problem}).\nThey got a notice without content. "
                f"{'Nobody' if not keyed else 'The others'} received the case"
                f"{'; it is in the processed folder of the mailbox.' if not keyed else '.'}\n"
                + ("Fix: pin a valid encryption key (staff.<id>.key) and import it; run 'mailrouter check'.\n"
                   if key_problem else "Fix: see the reason above; run 'mailrouter check'.\n"),
                self.config.service.operators, self.config.service.alert_from, self.config.service.domain)
            if kind == OutgoingKind.ESCALATION:
                # Raised when the step is due, and cancelled with it by a claim.
                alert = replace(alert, kind=OutgoingKind.ESCALATION, delay_seconds=delay)
            out.append(alert)
            events.append(AuditEvent("forward", "staff without usable key got a notice only",
                                     {"staff": staff_ids, "problem": problem}))
        return out, events
