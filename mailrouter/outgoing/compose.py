"""Build outgoing mail: acknowledgements, forwards to staff, operator alerts.

Pure apart from the clock: input is the decision and parsed message, output is
``Outgoing`` values with complete bytes, ready for the outbox. Message-IDs are
derived from a per-case secret and the kind of mail, and stored with the mail
in the outbox, so a resend after a crash carries the same Message-ID and is
recognisable as the same mail, while nobody can derive a case from one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import re
import secrets
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from datetime import datetime, timezone

from .headers import check_header_block, clean_header_value, safe_address, safe_message_id
from ..model import Decision, Facts, Outgoing, OutgoingKind, Parsed

SMTP_POLICY = SMTP.clone(max_line_length=78)


@dataclass(frozen=True)
class CaseRef:
    id: str
    tag: str
    mailbox: str
    mailbox_address: str
    # Per-case secret from which the Message-IDs of its mails are derived; never stored or sent.
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False, compare=False)


def message_id(case: CaseRef, kind: str, domain: str) -> str:
    """``<TOKEN.kind@domain>``: TOKEN is keyed by the case's secret and the kind.

    Senders see the acknowledgement's Message-ID (and, in replies, those of
    forwards): nothing in it lets anyone derive the case id or another mail's
    Message-ID. Our own mails are found again by looking the Message-ID up in
    the outbox, where it is stored with its case.
    """
    digest = hmac.new(case.secret, kind.encode("utf-8"), hashlib.sha256).digest()
    token = base64.b32encode(digest).decode("ascii")[:26]
    return f"<{token}.{kind}@{domain}>"


def _headers(msg: EmailMessage, msg_id: str, from_addr: str, from_name: str, to: list[str], subject: str) -> None:
    msg["From"] = formataddr((from_name, from_addr))
    msg["To"] = ", ".join(to)
    msg["Subject"] = clean_header_value(subject, 250)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = msg_id
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"


def _base(msg_id: str, from_addr: str, from_name: str, to: list[str], subject: str) -> EmailMessage:
    msg = EmailMessage(policy=SMTP_POLICY)
    _headers(msg, msg_id, from_addr, from_name, to, subject)
    return msg


def subject_tag(decision: Decision, case: CaseRef) -> str:
    lang = decision.language if decision.language != "und" else "?"
    return f"[{decision.urgency.upper()}][{lang}][case {case.tag}]"


# Every header mailrouter itself writes at the top of an outgoing mail.
OUTGOING_HEADERS = frozenset({
    "from", "to", "subject", "date", "message-id", "mime-version", "in-reply-to", "references", "reply-to",
    "auto-submitted", "x-auto-response-suppress", "content-type", "content-transfer-encoding",
    "content-language", "content-disposition", "x-mailrouter-case", "x-mailrouter-urgency",
    "x-mailrouter-language", "x-mailrouter-rules", "x-mailrouter-flags", "x-mailrouter-escalation",
})


def to_outgoing(kind: OutgoingKind, msg: EmailMessage, envelope_from: str, recipients: list[str],
                delay_seconds: float = 0.0) -> Outgoing:
    """Serialise, then verify the header block: raises UnsafeHeaders rather than queue an injected header."""
    data = msg.as_bytes(policy=SMTP_POLICY)
    check_header_block(data, OUTGOING_HEADERS)
    return Outgoing(kind, str(msg["Message-ID"]), envelope_from, tuple(recipients), data, delay_seconds)


def compose_ack(case: CaseRef, parsed: Parsed, facts: Facts, subject: str, body: str, domain: str) -> Outgoing | None:
    msg = ack_message(case, parsed, facts, subject, body, domain)
    return None if msg is None else to_outgoing(OutgoingKind.ACK, msg, "", [str(msg["To"])])


RTL_LANGUAGES = {"ar", "fa", "ur", "ps", "he", "yi", "ckb", "ug", "sd", "dv", "ku-arab", "arz", "prs"}


def html_paragraphs(text: str, language: str) -> str:
    """The acknowledgement as HTML: escaped, with the writing direction of its language.

    ``dir="rtl"`` on the root makes Arabic, Persian, Urdu... lay out right to
    left in mail clients that would otherwise guess from the first character
    (often a Latin case tag) and break the punctuation.
    """
    lang = language if language not in ("multi", "und") else "en"
    direction = "rtl" if lang.split("-")[0] in RTL_LANGUAGES else "ltr"
    blocks = [b.strip("\n") for b in text.strip().split("\n\n") if b.strip()]
    paragraphs = "\n".join(
        f'<p dir="auto">{html.escape(block).replace(chr(10), "<br>")}</p>' for block in blocks)
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}" dir="{direction}">\n'
            f'<head><meta charset="utf-8"></head>\n<body dir="{direction}">\n{paragraphs}\n</body>\n</html>\n')


def ack_message(case: CaseRef, parsed: Parsed, facts: Facts, subject: str, body: str,
                domain: str, language: str = "en") -> EmailMessage | None:
    """RFC 3834 auto-reply: null envelope sender, Auto-Submitted, threading headers;
    a text part and an HTML part with the language's writing direction."""
    to = safe_address(facts.sender)
    if to is None:
        return None
    msg_id = message_id(case, "ack", domain)
    msg = _base(msg_id, case.mailbox_address, "", [to], subject)
    original = safe_message_id(parsed.message_id)
    if original:
        msg["In-Reply-To"] = original
        refs = [r for r in (safe_message_id(x) for x in parsed.references[-10:]) if r]
        msg["References"] = " ".join(refs + [original])
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Mailrouter-Case"] = case.tag
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html_paragraphs(body, language), subtype="html", charset="utf-8", cte="quoted-printable")
    if language not in ("multi", "und"):
        msg["Content-Language"] = language  # after set_content, which drops Content-* headers
    return msg


_BARE_LF = re.compile(rb"(?<!\r)\n")
_LONG_LINE = re.compile(rb"(?m)^[^\r\n]{991}")  # anchored at line starts: linear


def original_attachment(raw: bytes, as_file: bool = False) -> tuple[str, str, bytes, str | None]:
    """How to attach the original: (maintype, subtype, payload, filename).

    message/rfc822 may only be 7bit/8bit/binary encoded, and lines over 998
    octets are illegal in SMTP, so anything that is not clean 7-bit text with
    short lines and CRLF (or LF, made CRLF) line ends is attached base64 as an
    .eml file instead, as is everything when ``as_file``: staff still get every
    byte, and no relay can mangle or reject it.
    """
    if not as_file and raw.strip() and raw.isascii() and b"\0" not in raw:
        canonical = _BARE_LF.sub(b"\r\n", raw)
        if b"\r" not in canonical.replace(b"\r\n", b"") and not _LONG_LINE.search(canonical):
            return "message", "rfc822", canonical, None
    return "application", "octet-stream", raw, "original-message.eml"


def build_forward_entity(raw: bytes, summary: str, as_file: bool = False) -> EmailMessage:
    """The forward's content: a summary and the original, byte for byte (base64 if ``as_file``)."""
    entity = EmailMessage(policy=SMTP_POLICY)
    entity.set_content(summary, charset="utf-8", cte="quoted-printable")
    maintype, subtype, payload, filename = original_attachment(raw, as_file)
    if maintype == "message":
        part = EmailMessage(policy=SMTP_POLICY)
        part["Content-Type"] = "message/rfc822"
        part["Content-Disposition"] = "inline"
        part.set_payload(payload.decode("ascii"))
        entity.make_mixed()
        entity.attach(part)
    else:
        entity.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return entity


def compose_forward(
    case: CaseRef,
    decision: Decision,
    facts: Facts,
    raw: bytes,
    summary: str,
    recipients: list[str],
    domain: str,
    envelope_from: str,
    flags: list[str],
    extra_subject: str = "",
    reply_to: list[str] | None = None,
) -> Outgoing:
    msg = forward_message(case, decision, raw, summary, recipients, domain, flags, extra_subject, reply_to)
    return to_outgoing("forward", msg, envelope_from, recipients)


def forward_message(
    case: CaseRef,
    decision: Decision,
    raw: bytes,
    summary: str,
    recipients: list[str],
    domain: str,
    flags: list[str],
    extra_subject: str = "",
    reply_to: list[str] | None = None,
    kind: str = "forward",
    as_file: bool = False,
) -> EmailMessage:
    """The forward (or an escalation, ``kind="escalation-N"``) with its X-Mailrouter headers;
    ``as_file``: the original attached as application/octet-stream, whatever it holds."""
    msg_id = message_id(case, kind, domain)
    msg = build_forward_entity(raw, summary, as_file)
    subject = subject_tag(decision, case) + (f" {extra_subject}" if extra_subject else "")
    _headers(msg, msg_id, case.mailbox_address, f"mailrouter {case.mailbox}", recipients, subject)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Mailrouter-Case"] = case.tag
    msg["X-Mailrouter-Urgency"] = decision.urgency
    msg["X-Mailrouter-Language"] = decision.language
    msg["X-Mailrouter-Rules"] = ", ".join(hit.rule for hit in decision.rules) or "-"
    if flags:
        msg["X-Mailrouter-Flags"] = ", ".join(flags)
    if reply_to:
        msg["Reply-To"] = ", ".join(reply_to)
    return msg


def notice_message(case: CaseRef, decision: Decision, recipients: list[str], domain: str, reason: str,
                   kind: str = "notice", key_problem: bool = True) -> EmailMessage:
    """A content-free notice: a case exists and could not be sent to these people
    (encrypted to their key, when ``key_problem``; else for ``reason``, e.g. composing it failed)."""
    msg = _base(message_id(case, kind, domain), case.mailbox_address, f"mailrouter {case.mailbox}", recipients,
                f"[{decision.urgency.upper()}][case {case.tag}] needs you: read it through a colleague")
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Mailrouter-Case"] = case.tag
    msg["X-Mailrouter-Urgency"] = decision.urgency
    what = (f"It could not be sent to you encrypted ({reason}), and it is never sent unencrypted.\n"
            "Ask a colleague or the operators to share it, and fix your key in mailrouter's config.\n"
            if key_problem else
            f"It could not be sent to you ({reason}); this is not a problem with your key.\n"
            "The operators were alerted. The message is in the mailbox's processed folder:\n"
            "ask the operators or a colleague to read it there.\n")
    msg.set_content(
        f"A new {decision.urgency} case {case.tag} arrived in the {case.mailbox} mailbox and you are on call.\n\n"
        + what, charset="utf-8")
    return msg


def compose_alert(key: str, subject: str, body: str, operators: list[str], alert_from: str, domain: str) -> Outgoing:
    """Operator alert. ``key`` makes the Message-ID stable: the same alert is queued once."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    msg_id = f"<alert.{digest}@{domain}>"
    msg = _base(msg_id, alert_from, "mailrouter", operators, f"[mailrouter alert] {subject}")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    # Alerts use a null envelope sender: a bounce of an alert must not create more mail.
    return Outgoing(OutgoingKind.ALERT, msg_id, "", tuple(operators), bytes(msg))
