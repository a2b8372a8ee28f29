"""Seal a composed mail: PGP/MIME-encrypt it with protected headers (RFC 9788).

The complete message, every header included, becomes the encrypted inner
entity, marked ``protected-headers="v1"`` (what Thunderbird and K-9 read) and
``hp="cipher"`` (RFC 9788). Mail servers on the way see only the outer
headers, which carry what routing needs and what the operator allows for
triage before decrypting (``crypto.outer_metadata``).
"""

from __future__ import annotations

import email
from email.message import EmailMessage

from .compose import SMTP_POLICY

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


def seal(message: EmailMessage, crypto, recipient_fprs: list[str], sign_fpr: str | None, *,
         subject: str, keep: tuple[str, ...] = ()) -> EmailMessage:
    """Encrypt ``message`` to ``recipient_fprs``; raises crypto.CryptoError on failure.

    ``subject`` is the outer Subject; ``keep`` names extra headers allowed outside.
    """
    inner = email.message_from_bytes(bytes(message), _class=EmailMessage, policy=SMTP_POLICY)
    inner.set_param("protected-headers", "v1")
    inner.set_param("hp", "cipher")
    armored = crypto.encrypt_entity(inner.as_bytes(policy=SMTP_POLICY), recipient_fprs, sign_fpr)
    outer = crypto.pgp_mime_wrap(armored)
    for name in (*TRANSPORT, *keep):
        for value in message.get_all(name, []):
            outer[name] = value
    outer["Subject"] = subject
    if "MIME-Version" not in outer:
        outer["MIME-Version"] = "1.0"
    return outer
