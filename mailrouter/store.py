"""Durable state: ledger, cases, audit trail, outbox, rate limits.

SQLAlchemy Core on SQLite (WAL) by default, PostgreSQL for several instances.
The two invariants this module exists for:

* ``commit_decision`` writes the ledger state, the case, its audit events and
  every outgoing mail in ONE transaction. Only after it returns may the source
  move the message out of the inbox (design.md, guarantee 1).
* Work is claimed with a lease (ledger rows and outbox rows), so a crashed
  worker's claim expires and another worker (or the restarted one) takes over;
  on PostgreSQL claims use ``FOR UPDATE SKIP LOCKED``.

No message bodies or decrypted text are stored here, except the outgoing mail
itself, which for encrypted input is ciphertext. Senders appear only as keyed
hashes (``pseudonym``); the key lives outside the store (a key file, or an
environment variable), so the database alone re-identifies nobody. An
acknowledgement's recipient (the sender) and bytes are erased once it is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from . import clock
from .config import ConfigError
from .model import AuditEvent, CaseStatus, KeyUpdates, LedgerState, OutboxState, Outgoing, OutgoingKind, SourceKey

if TYPE_CHECKING:
    from .config import Config

metadata = MetaData()

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account", String(200), nullable=False),
    Column("folder", String(500), nullable=False),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("uid", String(300), nullable=False),
    Column("mailbox", String(100), nullable=False),
    Column("message_id_hash", String(64)),
    Column("raw_sha256", String(64)),
    Column("state", String(20), nullable=False),  # LedgerState
    Column("owner", String(100)),
    Column("lease_until", DateTime(timezone=True)),
    Column("case_id", String(32)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("account", "folder", "uidvalidity", "uid", name="uq_ledger_key"),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("tag", String(12), nullable=False, unique=True),
    Column("mailbox", String(100), nullable=False),
    Column("urgency", String(50), nullable=False),
    Column("language", String(20), nullable=False),
    Column("tags", JSON, nullable=False),
    Column("rules", JSON, nullable=False),
    Column("flags", JSON, nullable=False),  # e.g. ["auto-submitted", "parse-defects"]
    Column("encrypted", Boolean, nullable=False, default=False),
    Column("sender_hash", String(64)),
    Column("status", String(20), nullable=False),  # CaseStatus
    Column("claimed_by", String(254)),
    Column("claimed_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(32), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("stage", String(30), nullable=False),
    Column("event", String(200), nullable=False),
    Column("detail", JSON),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(32), index=True),
    Column("kind", String(20), nullable=False),  # OutgoingKind
    Column("message_id", String(300), nullable=False, unique=True),
    Column("envelope_from", String(254), nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("state", String(20), nullable=False),  # OutboxState
    Column("owner", String(100)),
    Column("lease_until", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("last_error", Text),
    Column("alerted", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
)

mailbox_state = Table(
    "mailbox_state",
    metadata,
    Column("mailbox", String(100), primary_key=True),
    Column("uidvalidity", BigInteger),
    Column("last_uid", BigInteger),
    Column("last_poll_at", DateTime(timezone=True)),
    Column("last_error", Text),
)

ack_rate = Table(
    "ack_rate",
    metadata,
    Column("sender_hash", String(64), primary_key=True),
    Column("mailbox", String(100), primary_key=True),
    Column("last_ack_at", DateTime(timezone=True), nullable=False),
)

# One row per distinct message (Message-ID and bytes) per mailbox, written with the
# decision: the primary key makes copy detection atomic across instances.
# A message without Message-ID is keyed by its bytes alone.
NO_MESSAGE_ID = "-"
copies = Table(
    "copies",
    metadata,
    Column("mailbox", String(100), primary_key=True),
    Column("message_id_hash", String(64), primary_key=True),
    Column("raw_sha256", String(64), primary_key=True),
    Column("case_id", String(32), nullable=False),
)

# Every key an address has used (sender key continuity, keycontinuity.py): by pseudonym, no key material.
sender_keys = Table(
    "sender_keys",
    metadata,
    Column("sender_hash", String(64), primary_key=True),
    Column("fingerprint", String(40), primary_key=True),
    Column("status", String(20), nullable=False),  # current | pending | retired | rejected
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(100)),  # "first use", "rollover", "operator", "message"
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def utcnow() -> datetime:
    return clock.now()


def _aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; everything stored is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


class AckRaceLost(Exception):
    """Another worker acknowledged the same sender first; decide again."""


class LostClaim(Exception):
    """Another worker took over this message (our lease expired)."""


class ClaimStatus(StrEnum):
    """What :meth:`Store.claim` answers for a source message."""

    CLAIMED = "claimed"  # ours now: process it
    DONE = "done"  # already decided: just file it
    BUSY = "busy"  # another worker holds it


@dataclass(frozen=True)
class Claim:
    ledger_id: int
    status: ClaimStatus
    state: str  # the LedgerState of the row
    case_id: str | None


@dataclass(frozen=True)
class OutboxItem:
    id: int
    case_id: str | None
    kind: str  # an OutgoingKind value, as stored
    message_id: str
    envelope_from: str
    recipients: list[str]
    data: bytes
    attempts: int
    alerted: bool


@dataclass
class NewCase:
    id: str
    tag: str
    mailbox: str
    urgency: str
    language: str
    tags: list[str]
    rules: list[dict[str, str]]
    flags: list[str]
    encrypted: bool
    sender_hash: str | None


LEGACY_KEY = "hmac_key"  # where the hashing key lived before it moved out of the store
KEY_CHECK = "hash_key_check"  # HMAC of a constant: tells a wrong key from the right one, reveals nothing
KEY_CHECK_INPUT = b"mailrouter hash key check v1"


def default_key_file(url: str) -> Path | None:
    """Beside an SQLite database (``mailrouter.db.hash-key``); None for an in-memory store.

    A PostgreSQL store has no "beside": its instances must name one shared key.
    """
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        return None if path in ("", ":memory:") else Path(path + ".hash-key")
    raise ConfigError(["store.url: a PostgreSQL store needs store.hash_key_file (the same key file on every "
                       "instance) or store.hash_key_env: the key of the sender hashes"])


def open_store(config: "Config") -> "Store":
    return Store(config.store.url, hash_key_file=config.store.hash_key_file, hash_key_env=config.store.hash_key_env)


class Store:
    def __init__(self, url: str, *, hash_key_file: Path | None = None, hash_key_env: str | None = None,
                 echo: bool = False):
        """``hash_key_file``/``hash_key_env``: where the key of the sender hashes is (default:
        a file beside an SQLite database, created on first start with mode 0600).
        Raises ConfigError when the key is missing or not the one the store's hashes were made with."""
        self.url = url
        if hash_key_file is None and hash_key_env is None:
            hash_key_file = default_key_file(url)
        self.engine: Engine = _make_engine(url, echo)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        metadata.create_all(self.engine)
        try:
            self._hmac_key = self._load_hash_key(hash_key_file, hash_key_env)
        except ConfigError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    # --- identity helpers -------------------------------------------------
    def _load_hash_key(self, key_file: Path | None, key_env: str | None) -> bytes:
        """The key of the sender hashes, from outside the store.

        First start: a new key file (mode 0600), or, when the store still holds
        its key (older versions kept it in ``meta``), that key moved to the file
        and deleted from the store, so existing hashes stay joinable. Later
        starts: the key must be the one the store's hashes were made with.
        """
        with self.engine.connect() as conn:
            rows = dict(conn.execute(select(meta.c.key, meta.c.value)
                                     .where(meta.c.key.in_((LEGACY_KEY, KEY_CHECK)))).all())
        legacy = bytes.fromhex(rows[LEGACY_KEY]) if LEGACY_KEY in rows else None
        check = rows.get(KEY_CHECK)
        if key_env:
            source = f"environment variable {key_env} (store.hash_key_env)"
            value = os.environ.get(key_env)
            if value is None:
                raise ConfigError([f"{source} is not set"])
            key = _parse_key(value, source)
        elif key_file is None:  # an in-memory store (explain, rules test): nothing to join with
            return secrets.token_bytes(32)
        else:
            source = f"key file {key_file}"
            key = _read_key_file(key_file)
            if key is None:
                if legacy is None and check is not None:
                    raise ConfigError([
                        f"{source} (store.hash_key_file) is missing, and this store holds sender hashes made "
                        "with a key: restore the file from your backup or copy it from another instance "
                        "(a new key would make the existing hashes unjoinable)"])
                key = _create_key_file(key_file, legacy or secrets.token_bytes(32))
        if legacy is not None and legacy != key:
            raise ConfigError([f"{source} differs from the key this store still holds (from before the key moved "
                               "out of the store); remove the file (or unset the variable) and start again to "
                               "move the store's key into the file"])
        expected = hmac.new(key, KEY_CHECK_INPUT, hashlib.sha256).hexdigest()
        if check is not None and check != expected:
            raise ConfigError([f"{source} is not the key this store's sender hashes were made with: use the "
                               "key file of the instance that created the store"])
        with self.engine.begin() as conn:
            conn.execute(delete(meta).where(meta.c.key == LEGACY_KEY))
        if check is None:
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(meta).values(key=KEY_CHECK, value=expected))
            except IntegrityError:  # another instance started at the same time
                with self.engine.connect() as conn:
                    other = conn.execute(select(meta.c.value).where(meta.c.key == KEY_CHECK)).scalar()
                if other != expected:
                    raise ConfigError([f"{source} is not the key another instance just started with: every "
                                       "instance needs the same key file"]) from None
        return key

    def pseudonym(self, value: str | None) -> str | None:
        """Keyed hash of an address/Message-ID: joinable, not reversible from logs."""
        if not value:
            return None
        return hmac.new(self._hmac_key, value.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()

    # --- ledger -----------------------------------------------------------
    def claim(self, key: SourceKey, mailbox: str, owner: str, lease: timedelta) -> Claim:
        now = utcnow()
        with self.engine.begin() as conn:
            row = self._ledger_row(conn, key, lock=True)
            if row is None:
                try:
                    with conn.begin_nested():
                        result = conn.execute(
                            insert(ledger).values(
                                account=key.account, folder=key.folder, uidvalidity=key.uidvalidity,
                                uid=key.uid, mailbox=mailbox, state=LedgerState.CLAIMED, owner=owner,
                                lease_until=now + lease, attempts=1, created_at=now, updated_at=now,
                            )
                        )
                except Exception:
                    return Claim(0, ClaimStatus.BUSY, LedgerState.CLAIMED, None)
                return Claim(result.inserted_primary_key[0], ClaimStatus.CLAIMED, LedgerState.CLAIMED, None)
            if row.state != LedgerState.CLAIMED:
                return Claim(row.id, ClaimStatus.DONE, row.state, row.case_id)
            if row.owner == owner or _aware(row.lease_until) < now:
                conn.execute(
                    update(ledger).where(ledger.c.id == row.id).values(
                        owner=owner, lease_until=now + lease, attempts=row.attempts + 1, updated_at=now
                    )
                )
                return Claim(row.id, ClaimStatus.CLAIMED, LedgerState.CLAIMED, None)
            return Claim(row.id, ClaimStatus.BUSY, LedgerState.CLAIMED, None)

    def _ledger_row(self, conn: Connection, key: SourceKey, lock: bool = False):
        query = select(ledger).where(
            and_(ledger.c.account == key.account, ledger.c.folder == key.folder,
                 ledger.c.uidvalidity == key.uidvalidity, ledger.c.uid == key.uid)
        )
        if lock and self.is_postgres:
            query = query.with_for_update()
        return conn.execute(query).first()

    def ledger_state(self, key: SourceKey) -> str | None:
        with self.engine.connect() as conn:
            row = self._ledger_row(conn, key)
            return row.state if row else None

    def find_copy(self, mailbox: str, message_id_hash: str | None, raw_sha256: str) -> str | None:
        """Case id of an already decided copy of the same message (same Message-ID AND bytes).

        Matching the bytes too means a forged Message-ID can never suppress a
        different message. A message without Message-ID is a copy when its
        bytes are identical (a re-append, a restored backup).
        """
        with self.engine.connect() as conn:
            return conn.execute(
                select(copies.c.case_id).where(
                    and_(copies.c.mailbox == mailbox, copies.c.message_id_hash == (message_id_hash or NO_MESSAGE_ID),
                         copies.c.raw_sha256 == raw_sha256))
            ).scalar()

    def mark_duplicate(self, ledger_id: int, owner: str, case_id: str, message_id_hash: str | None,
                       raw_sha256: str) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(
                update(ledger).where(and_(ledger.c.id == ledger_id, ledger.c.owner == owner)).values(
                    state=LedgerState.DUPLICATE, case_id=case_id, message_id_hash=message_id_hash,
                    raw_sha256=raw_sha256, lease_until=None, updated_at=now,
                )
            )
            conn.execute(insert(audit).values(case_id=case_id, at=now, stage="intake",
                                              event="copy of this case's message seen again; not reprocessed"))

    def mark_filed(self, ledger_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(ledger).where(and_(ledger.c.id == ledger_id, ledger.c.state == LedgerState.DECIDED))
                .values(state=LedgerState.FILED, updated_at=utcnow())
            )

    def release_claim(self, ledger_id: int, owner: str) -> None:
        """Give a claim back after a failure so the message is retried later."""
        with self.engine.begin() as conn:
            conn.execute(
                update(ledger).where(and_(ledger.c.id == ledger_id, ledger.c.owner == owner,
                                          ledger.c.state == LedgerState.CLAIMED))
                .values(lease_until=utcnow(), updated_at=utcnow())
            )

    def ledger_attempts(self, ledger_id: int) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(ledger.c.attempts).where(ledger.c.id == ledger_id)).scalar_one()

    # --- the decision transaction ----------------------------------------
    def new_case_identity(self) -> tuple[str, str]:
        """(case id, short tag). The tag is unique among all cases."""
        with self.engine.connect() as conn:
            for length in (4, 4, 4, 5, 5, 6, 8):
                tag = "".join(secrets.choice(CROCKFORD) for _ in range(length))
                if conn.execute(select(cases.c.id).where(cases.c.tag == tag)).first() is None:
                    return _ulid(), tag
        raise RuntimeError("could not allocate a case tag")

    def commit_decision(
        self,
        *,
        ledger_id: int,
        owner: str,
        message_id_hash: str | None,
        raw_sha256: str,
        case: NewCase,
        events: Iterable[AuditEvent],
        outgoing: Iterable[Outgoing],
        ack_rate_key: tuple[str, str] | None = None,
        ack_window: timedelta = timedelta(0),
        other_case_events: Iterable[tuple[str, AuditEvent]] = (),
        key_updates: KeyUpdates | None = None,
    ) -> None:
        """Ledger -> decided, case, audit and outbox rows: all or nothing.

        ``other_case_events`` go on the trails of other, existing cases (e.g. an
        unauthenticated attempt to claim one)."""
        now = utcnow()
        with self.engine.begin() as conn:
            result = conn.execute(
                update(ledger)
                .where(and_(ledger.c.id == ledger_id, ledger.c.owner == owner, ledger.c.state == LedgerState.CLAIMED))
                .values(state=LedgerState.DECIDED, case_id=case.id, message_id_hash=message_id_hash,
                        raw_sha256=raw_sha256, lease_until=None, updated_at=now)
            )
            if result.rowcount != 1:
                raise LostClaim(f"ledger row {ledger_id} no longer claimed by {owner}")
            # a copy decided meanwhile by another instance makes this fail
            conn.execute(insert(copies).values(mailbox=case.mailbox,
                                               message_id_hash=message_id_hash or NO_MESSAGE_ID,
                                               raw_sha256=raw_sha256, case_id=case.id))
            conn.execute(
                insert(cases).values(
                    id=case.id, tag=case.tag, mailbox=case.mailbox, urgency=case.urgency,
                    language=case.language, tags=case.tags, rules=case.rules, flags=case.flags,
                    encrypted=case.encrypted, sender_hash=case.sender_hash, status=CaseStatus.OPEN,
                    created_at=now,
                )
            )
            for ev in events:
                conn.execute(insert(audit).values(case_id=case.id, at=now, stage=ev.stage,
                                                  event=ev.event, detail=ev.detail))
            for other_id, ev in other_case_events:
                conn.execute(insert(audit).values(case_id=other_id, at=now, stage=ev.stage,
                                                  event=ev.event, detail=ev.detail))
            for out in outgoing:
                if out.kind == OutgoingKind.ALERT and self._queued(conn, out.message_id):
                    continue  # the same alert (e.g. a rotation gap this hour) is already on its way
                self._enqueue(conn, out, case.id, now)
            if ack_rate_key:
                self._touch_ack_rate(conn, ack_rate_key, now, ack_window)
            if key_updates:
                self._record_keys(conn, key_updates.sender_hash, key_updates.updates, key_updates.seen, now=now,
                                  by="message")

    @staticmethod
    def _queued(conn: Connection, message_id: str) -> bool:
        return conn.execute(select(outbox.c.id).where(outbox.c.message_id == message_id)).first() is not None

    def _enqueue(self, conn: Connection, out: Outgoing, case_id: str | None, now: datetime) -> None:
        conn.execute(
            insert(outbox).values(
                case_id=case_id, kind=out.kind, message_id=out.message_id, envelope_from=out.envelope_from,
                recipients=list(out.recipients), data=out.data, state=OutboxState.PENDING, attempts=0,
                next_attempt_at=now + timedelta(seconds=out.delay_seconds), alerted=False, created_at=now,
            )
        )

    def enqueue(self, out: Outgoing, case_id: str | None = None, event: AuditEvent | None = None) -> bool:
        """Queue one mail outside a decision (alerts, escalations). False if already queued."""
        now = utcnow()
        with self.engine.begin() as conn:
            if self._queued(conn, out.message_id):
                return False
            self._enqueue(conn, out, case_id, now)
            if event and case_id:
                conn.execute(insert(audit).values(case_id=case_id, at=now, stage=event.stage,
                                                  event=event.event, detail=event.detail))
            return True

    # --- claims ---------------------------------------------------------------
    def find_case(self, reference: str) -> Any:
        """A case by tag ("7F3K") or id."""
        with self.engine.connect() as conn:
            return conn.execute(select(cases).where(or_(cases.c.tag == reference.upper(),
                                                        cases.c.id == reference))).first()

    def case_of_outgoing(self, message_id: str, kinds: Iterable[str]) -> str | None:
        """The case of one of our own mails of these kinds, by its Message-ID."""
        with self.engine.connect() as conn:
            return conn.execute(select(outbox.c.case_id).where(and_(outbox.c.message_id == message_id,
                                                                    outbox.c.kind.in_(list(kinds))))).scalar()

    def _claim_case(self, conn: Connection, case_id: str, by: str, via: str, now: datetime) -> bool:
        done = conn.execute(update(cases).where(and_(cases.c.id == case_id, cases.c.status == CaseStatus.OPEN))
                            .values(status=CaseStatus.CLAIMED, claimed_by=by, claimed_at=now))
        cancelled = conn.execute(update(outbox).where(and_(outbox.c.case_id == case_id,
                                                           outbox.c.kind == OutgoingKind.ESCALATION,
                                                           outbox.c.state == OutboxState.PENDING))
                                 .values(state=OutboxState.CANCELLED, lease_until=None))
        conn.execute(insert(audit).values(
            case_id=case_id, at=now, stage="claim",
            event="claimed" if done.rowcount else "claimed again (already claimed)",
            detail={"by": by, "via": via, "escalations_cancelled": cancelled.rowcount}))
        return bool(done.rowcount)

    def claim_case(self, case_id: str, by: str, via: str) -> bool:
        """Mark a case claimed and cancel its pending escalations. False if it was claimed already."""
        with self.engine.begin() as conn:
            return self._claim_case(conn, case_id, by, via, utcnow())

    def commit_claim(self, *, ledger_id: int, owner: str, case_id: str, by: str, via: str,
                     message_id_hash: str | None, raw_sha256: str) -> bool:
        """A staff reply that claims a case: ledger decided + claim, in one transaction."""
        now = utcnow()
        with self.engine.begin() as conn:
            result = conn.execute(
                update(ledger)
                .where(and_(ledger.c.id == ledger_id, ledger.c.owner == owner, ledger.c.state == LedgerState.CLAIMED))
                .values(state=LedgerState.DECIDED, case_id=case_id, message_id_hash=message_id_hash,
                        raw_sha256=raw_sha256, lease_until=None, updated_at=now))
            if result.rowcount != 1:
                raise LostClaim(f"ledger row {ledger_id} no longer claimed by {owner}")
            return self._claim_case(conn, case_id, by, via, now)

    # --- sender key continuity ---------------------------------------------
    def sender_key_statuses(self, sender_hash: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sender_keys.c.fingerprint, sender_keys.c.status)
                                .where(sender_keys.c.sender_hash == sender_hash))
            return {r.fingerprint: r.status for r in rows}

    def sender_key_rows(self, sender_hash: str) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(sender_keys).where(sender_keys.c.sender_hash == sender_hash)
                                     .order_by(sender_keys.c.first_seen)))

    def _record_keys(self, conn: Connection, sender_hash: str, updates: dict[str, str], seen: tuple[str, ...],
                     *, now: datetime, by: str) -> None:
        for fpr in dict.fromkeys([*updates, *seen]):
            row = conn.execute(select(sender_keys.c.status).where(and_(
                sender_keys.c.sender_hash == sender_hash, sender_keys.c.fingerprint == fpr))).first()
            status = updates.get(fpr)
            if row is None:
                if status is None:
                    continue  # only seen (e.g. a signer we hold no record for): nothing to keep
                conn.execute(insert(sender_keys).values(sender_hash=sender_hash, fingerprint=fpr, status=status,
                                                        first_seen=now, last_seen=now, decided_by=by))
            else:
                values: dict[str, Any] = {"last_seen": now} if fpr in seen else {}
                if status is not None and status != row.status:
                    values.update(status=status, decided_by=by)
                if not values:
                    continue
                conn.execute(update(sender_keys).where(and_(sender_keys.c.sender_hash == sender_hash,
                                                            sender_keys.c.fingerprint == fpr)).values(**values))

    def set_sender_key(self, sender_hash: str, fingerprint: str, status: str) -> bool:
        """An operator's decision: "current" (confirm; the old current key is retired) or "rejected".
        False if the address never used that key."""
        now = utcnow()
        with self.engine.begin() as conn:
            known = conn.execute(select(sender_keys.c.status).where(and_(
                sender_keys.c.sender_hash == sender_hash, sender_keys.c.fingerprint == fingerprint))).first()
            if known is None:
                return False
            updates = {fingerprint: status}
            if status == "current":
                for other in conn.execute(select(sender_keys.c.fingerprint).where(and_(
                        sender_keys.c.sender_hash == sender_hash, sender_keys.c.status == "current",
                        sender_keys.c.fingerprint != fingerprint))):
                    updates[other.fingerprint] = "retired"
            self._record_keys(conn, sender_hash, updates, (), now=now, by="operator")
            return True

    # --- acknowledgement rate limit --------------------------------------
    def ack_recently_sent(self, key: tuple[str, str], window: timedelta) -> bool:
        sender_hash, mailbox = key
        with self.engine.connect() as conn:
            row = conn.execute(
                select(ack_rate.c.last_ack_at).where(
                    and_(ack_rate.c.sender_hash == sender_hash, ack_rate.c.mailbox == mailbox))
            ).first()
        return bool(row) and _aware(row.last_ack_at) > utcnow() - window

    def _touch_ack_rate(self, conn: Connection, key: tuple[str, str], now: datetime, window: timedelta) -> None:
        """Record an acknowledgement, atomically: if another instance acknowledged this
        sender within the window since we looked, raise AckRaceLost (the transaction
        rolls back and the message is decided again, without an acknowledgement)."""
        sender_hash, mailbox = key
        done = conn.execute(
            update(ack_rate).where(and_(ack_rate.c.sender_hash == sender_hash, ack_rate.c.mailbox == mailbox,
                                        ack_rate.c.last_ack_at <= now - window))
            .values(last_ack_at=now)
        )
        if done.rowcount:
            return
        exists = conn.execute(select(ack_rate.c.last_ack_at).where(
            and_(ack_rate.c.sender_hash == sender_hash, ack_rate.c.mailbox == mailbox))).first()
        if exists is not None:
            raise AckRaceLost("this sender was acknowledged meanwhile")
        try:
            conn.execute(insert(ack_rate).values(sender_hash=sender_hash, mailbox=mailbox, last_ack_at=now))
        except IntegrityError:  # a first acknowledgement to this sender committed meanwhile
            raise AckRaceLost("this sender was acknowledged meanwhile") from None

    # --- outbox ------------------------------------------------------------
    def claim_due(self, owner: str, limit: int, lease: timedelta) -> list[OutboxItem]:
        """Take up to ``limit`` due mails, leased to ``owner``.

        A 'sending' row whose lease ran out (the worker died mid-send) is due
        again: better a recognisable duplicate (same Message-ID) than a loss.
        """
        now = utcnow()
        due = or_(
            and_(outbox.c.state == OutboxState.PENDING, outbox.c.next_attempt_at <= now),
            and_(outbox.c.state == OutboxState.SENDING, outbox.c.lease_until < now),
        )
        with self.engine.begin() as conn:
            query = select(outbox).where(due).order_by(outbox.c.id).limit(limit)
            if self.is_postgres:
                query = query.with_for_update(skip_locked=True)
            rows = conn.execute(query).fetchall()
            if not rows:
                return []
            conn.execute(
                update(outbox).where(outbox.c.id.in_([r.id for r in rows]))
                .values(state=OutboxState.SENDING, owner=owner, lease_until=now + lease)
            )
        return [
            OutboxItem(r.id, r.case_id, r.kind, r.message_id, r.envelope_from, list(r.recipients),
                       bytes(r.data), r.attempts, r.alerted)
            for r in rows
        ]

    def mark_sent(self, item_id: int) -> None:
        """Sent. An acknowledgement's recipient is the sender: its address and bytes are
        erased now (they were needed only to deliver it); the audit trail keeps the count."""
        now = utcnow()
        with self.engine.begin() as conn:
            row = conn.execute(select(outbox.c.case_id, outbox.c.kind, outbox.c.recipients)
                               .where(outbox.c.id == item_id)).first()
            values: dict[str, Any] = {"state": OutboxState.SENT, "sent_at": now, "lease_until": None,
                                      "attempts": outbox.c.attempts + 1, "last_error": None}
            if row and row.kind == OutgoingKind.ACK:
                values.update(data=b"", recipients=[])
            conn.execute(update(outbox).where(outbox.c.id == item_id).values(**values))
            if row and row.case_id:
                conn.execute(insert(audit).values(case_id=row.case_id, at=now, stage="deliver",
                                                  event=f"{row.kind} delivered",
                                                  detail={"recipients": len(row.recipients or [])}))

    def mark_retry(self, item_id: int, error: str, next_at: datetime, alerted: bool) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == item_id).values(
                state=OutboxState.PENDING, next_attempt_at=next_at, lease_until=None, last_error=error,
                attempts=outbox.c.attempts + 1, alerted=alerted))

    def mark_failed(self, item_id: int, error: str) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            row = conn.execute(select(outbox.c.case_id, outbox.c.kind).where(outbox.c.id == item_id)).first()
            conn.execute(update(outbox).where(outbox.c.id == item_id).values(
                state=OutboxState.FAILED, lease_until=None, last_error=error, attempts=outbox.c.attempts + 1,
                alerted=True))
            if row and row.case_id:
                conn.execute(insert(audit).values(case_id=row.case_id, at=now, stage="deliver",
                                                  event=f"{row.kind} rejected permanently",
                                                  detail={"error": error}))

    def narrow_recipients(self, item_id: int, recipients: list[str]) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == item_id).values(recipients=list(recipients)))

    def case_tag(self, case_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(cases.c.tag).where(cases.c.id == case_id)).scalar()

    def purge_sent(self, older_than: timedelta) -> int:
        """Erase the bytes and recipients of mail sent longer ago than ``older_than``; keep
        the row (its Message-ID still deduplicates, the audit trail still refers to it)."""
        with self.engine.begin() as conn:
            return conn.execute(update(outbox).where(and_(outbox.c.state == OutboxState.SENT,
                                                          outbox.c.sent_at < utcnow() - older_than,
                                                          or_(outbox.c.data != b"",
                                                              cast(outbox.c.recipients, Text) != "[]")))
                                .values(data=b"", recipients=[])).rowcount

    def requeue_failed(self) -> int:
        """Operator action after fixing a permanent failure (e.g. a staff address)."""
        with self.engine.begin() as conn:
            return conn.execute(update(outbox).where(outbox.c.state == OutboxState.FAILED).values(
                state=OutboxState.PENDING, next_attempt_at=utcnow(), alerted=False)).rowcount

    def outbox_counts(self) -> dict[str, int]:
        """Mail by state; 'pending' is split into 'retrying' (failed before),
        'due' (ready now) and 'scheduled' (escalations waiting for their time)."""
        now = utcnow()
        counts: dict[str, int] = {}
        with self.engine.connect() as conn:
            for state, n in conn.execute(select(outbox.c.state, func.count())
                                         .where(outbox.c.state != OutboxState.PENDING).group_by(outbox.c.state)):
                counts[state] = n
            for attempts, next_at in conn.execute(select(outbox.c.attempts, outbox.c.next_attempt_at)
                                                  .where(outbox.c.state == OutboxState.PENDING)):
                state = "retrying" if attempts else "due" if _aware(next_at) <= now else "scheduled"
                counts[state] = counts.get(state, 0) + 1
        return counts

    # --- mailbox state -----------------------------------------------------
    def record_poll(self, mailbox: str, uidvalidity: int | None, last_uid: int | None,
                    error: str | None = None) -> None:
        now = utcnow()
        values: dict[str, Any] = {"last_error": error}
        if error is None:
            values["last_poll_at"] = now
        if uidvalidity is not None:
            values["uidvalidity"] = uidvalidity
        if last_uid is not None:
            values["last_uid"] = last_uid
        with self.engine.begin() as conn:
            done = conn.execute(update(mailbox_state).where(mailbox_state.c.mailbox == mailbox).values(**values))
            if done.rowcount == 0:
                conn.execute(insert(mailbox_state).values(mailbox=mailbox, **values))

    def mailbox_states(self) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(mailbox_state)).fetchall()
        return {r.mailbox: {"uidvalidity": r.uidvalidity, "last_uid": r.last_uid,
                            "last_poll_at": _aware(r.last_poll_at), "last_error": r.last_error} for r in rows}

    # --- cases ---------------------------------------------------------------
    def case_by_tag(self, tag: str):
        with self.engine.connect() as conn:
            return conn.execute(select(cases).where(cases.c.tag == tag.upper())).first()

    def audit_trail(self, case_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit).where(audit.c.case_id == case_id).order_by(audit.c.id)).fetchall()
        return [{"at": _aware(r.at), "stage": r.stage, "event": r.event, "detail": r.detail} for r in rows]

    def open_cases(self) -> list[Any]:
        with self.engine.connect() as conn:
            return conn.execute(select(cases).where(cases.c.status == CaseStatus.OPEN)
                                .order_by(cases.c.created_at)).fetchall()

    def all_cases(self) -> list[Any]:
        with self.engine.connect() as conn:
            return conn.execute(select(cases).order_by(cases.c.created_at)).fetchall()

    def outbox_rows(self, case_id: str | None = None) -> list[Any]:
        with self.engine.connect() as conn:
            query = select(outbox).order_by(outbox.c.id)
            if case_id:
                query = query.where(outbox.c.case_id == case_id)
            return conn.execute(query).fetchall()


def _parse_key(value: str, source: str) -> bytes:
    try:
        key = bytes.fromhex(value.strip())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ConfigError([f"{source}: not a key (64 hex digits expected)"])
    return key


def _read_key_file(path: Path) -> bytes | None:
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"key file {path} (store.hash_key_file): cannot read: "
                           f"{getattr(exc, 'strerror', None) or exc}"]) from None
    return _parse_key(text, f"key file {path} (store.hash_key_file)")


def _create_key_file(path: Path, key: bytes) -> bytes:
    """Write ``key`` to ``path`` (mode 0600) atomically; if another process created
    the file first, its key wins. Returns the key in the file."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".hash-key.", dir=path.parent)  # mode 0600
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key.hex() + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return _read_key_file(path) or key
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return key
    except OSError as exc:
        raise ConfigError([f"key file {path} (store.hash_key_file): cannot create: {exc.strerror or exc}"]) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _make_engine(url: str, echo: bool) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            # Let SQLAlchemy, not pysqlite, decide when transactions begin, and
            # take the write lock up front: a deferred transaction that later
            # upgrades to a writer can fail with "database is locked".
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA secure_delete=ON")  # erased recipients and bytes leave no trace in free pages
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # noqa: ANN001
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _ulid() -> str:
    """Time-ordered random id (ULID layout, Crockford base32, 26 chars)."""
    millis = int(utcnow().timestamp() * 1000)
    value = (millis << 80) | secrets.randbits(80)
    chars = []
    for _ in range(26):
        chars.append(CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
