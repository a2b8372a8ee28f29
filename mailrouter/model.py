"""Plain data passed between the stages of the pipeline.

Nothing here does I/O. Stages communicate only through these types, so each
stage can be tested on its own with hand-built values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


# The vocabularies of the store and of outgoing mail. StrEnum: a member is
# equal to (and stored, logged and formatted as) its plain string value, so
# rows written before these types existed read the same.


class LedgerState(StrEnum):
    """Where a source message is in the exactly-once protocol (``ledger.state``)."""

    CLAIMED = "claimed"  # leased to a worker that is deciding it
    DECIDED = "decided"  # decision and outgoing mail committed; may now leave the inbox
    FILED = "filed"  # moved out of the inbox (or flagged) after the decision
    DUPLICATE = "duplicate"  # a copy of an already decided message: only filed


class OutboxState(StrEnum):
    """Where an outgoing mail is (``outbox.state``)."""

    PENDING = "pending"  # waiting for next_attempt_at: new, retrying, or an escalation not due yet
    SENDING = "sending"  # leased to a delivery worker (due again when the lease runs out)
    SENT = "sent"
    FAILED = "failed"  # refused permanently; operators alerted; `requeue` makes it pending again
    CANCELLED = "cancelled"  # an escalation made unnecessary by a claim


class CaseStatus(StrEnum):
    """``cases.status``."""

    OPEN = "open"
    CLAIMED = "claimed"  # by a staff member (reply, claim link or `mailrouter ack`)


class OutgoingKind(StrEnum):
    """What an outgoing mail is (``Outgoing.kind``, ``outbox.kind``)."""

    ACK = "ack"  # the acknowledgement to the sender
    FORWARD = "forward"  # the case to the staff on call
    NOTICE = "notice"  # content-free: a case exists that could not be sent to this person encrypted
    ESCALATION = "escalation"  # a forward (or notice, alert) that waits until its escalation step is due
    ALERT = "alert"  # to the operators


@dataclass(frozen=True)
class SourceKey:
    """Where a message came from: the exactly-once key of the ledger.

    For IMAP: (account, folder, UIDVALIDITY, UID). For a Maildir the account
    is ``maildir:<name>``, uidvalidity is 0 and uid is the file's unique name.
    """

    account: str
    folder: str
    uidvalidity: int
    uid: str


@dataclass(frozen=True)
class RawMessage:
    mailbox: str  # name of the configured mailbox (e.g. "emergency")
    key: SourceKey
    data: bytes


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str  # "maintype/subtype", lower case
    size: int  # decoded size in bytes


@dataclass
class Parsed:
    """A message as parse.py understood it. Built for any input, never raises.

    Header values are decoded (RFC 2047) and have every CR/LF removed, so a
    value copied from here can never inject a header. Addresses are addr-specs
    (``local@domain``), never display names.
    """

    headers: list[tuple[str, str]]  # (name as written, decoded value), in order
    message_id: str | None  # "<id@host>" or None
    from_addr: str | None  # addr-spec, lower-cased; None if missing/unparseable
    from_name: str
    reply_to: str | None
    return_path: str | None  # "" when the header is "<>", None when absent
    to: list[str]
    cc: list[str]
    subject: str
    date: datetime | None
    in_reply_to: str | None
    references: list[str]
    content_type: str  # top-level "maintype/subtype"
    text: str  # the best human-readable body text (text/plain, else HTML as text)
    attachments: list[Attachment]
    defects: list[str]  # short, content-free descriptions, e.g. "unknown charset x-foo"
    size: int

    def header(self, name: str) -> str | None:
        """First value of a header (case-insensitive) or None."""
        lname = name.lower()
        for hname, value in self.headers:
            if hname.lower() == lname:
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        lname = name.lower()
        return [value for hname, value in self.headers if hname.lower() == lname]


@dataclass(frozen=True)
class Signature:
    status: str  # "none" | "valid" | "invalid" | "unknown_key" | "expired_key" | "revoked_key" | "error"
    fingerprint: str | None = None
    signer_uid_matches_sender: bool = False


@dataclass
class CryptoFacts:
    encrypted: bool = False  # arrived encrypted (PGP/MIME or inline)
    decrypted: bool = False  # and we could read it
    error: str | None = None  # "could not decrypt: <reason>" style, content-free
    signature: Signature = field(default_factory=lambda: Signature("none"))
    sender_key_fingerprint: str | None = None  # the sender's trusted, usable key (acknowledgements)
    sender_key_changed: bool = False  # a key other than the trusted one was offered or signed (keycontinuity)
    sender_key_note: str | None = None  # content-free: what continuity found


@dataclass
class Facts:
    """Everything the rules may look at. Derived from Parsed (+ crypto)."""

    mailbox: str
    sender: str | None
    sender_domain: str | None
    subject: str
    body: str  # the sender's own text (quotes and signatures stripped)
    language: str  # BCP-47-ish code, "und" when unsure
    language_confidence: float
    size: int
    attachments: list[Attachment]
    headers: list[tuple[str, str]]
    defects: list[str]
    auto_submitted: bool
    is_list: bool
    is_bounce: bool
    is_noreply: bool
    from_self: bool
    ack_blockers: list[str]  # why an acknowledgement must not be sent (RFC 3834)
    crypto: CryptoFacts = field(default_factory=CryptoFacts)

    @property
    def encrypted(self) -> bool:
        return self.crypto.encrypted

    @property
    def signed(self) -> bool:
        return self.crypto.signature.status != "none"


@dataclass(frozen=True)
class RuleHit:
    rule: str  # rule name
    why: str  # human-readable, content-free reason


@dataclass
class Decision:
    urgency: str
    language: str
    tags: list[str] = field(default_factory=list)
    forward_teams: list[str] = field(default_factory=list)
    ack_template: str | None = "default"  # None: no acknowledgement
    ack_suppressed_reason: str | None = None
    rules: list[RuleHit] = field(default_factory=list)


@dataclass(frozen=True)
class Outgoing:
    """One mail ready for the outbox. ``data`` is the complete RFC 5322 message."""

    kind: OutgoingKind
    message_id: str
    envelope_from: str  # "" for the null sender <>
    recipients: tuple[str, ...]
    data: bytes
    delay_seconds: float = 0.0  # escalations wait in the outbox until due; a claim cancels them


@dataclass(frozen=True)
class KeyUpdates:
    """What one message changes in a sender's key history (keycontinuity.py), by pseudonym."""

    sender_hash: str
    updates: dict[str, str]  # fingerprint -> new status
    seen: tuple[str, ...]  # fingerprints whose last-seen time moves to now


@dataclass(frozen=True)
class AuditEvent:
    """One line of a case's audit trail: what a stage did. Never message content."""

    stage: str
    event: str
    detail: dict | None = None
