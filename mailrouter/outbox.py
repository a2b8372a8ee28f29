"""Deliver the outbox over SMTP with aiosmtplib.

* 4xx replies, refused connections and timeouts: retried with exponential
  backoff, forever; after ``alert_after_attempts`` the operators are alerted
  once (mail + log line) so a dead relay is noticed.
* 5xx replies: the mail is marked failed and the operators are alerted. It
  stays in the outbox; ``mailrouter outbox retry`` queues it again once fixed.
* Partial refusals: the accepted recipients are done; a temporarily refused
  recipient is retried alone; a permanently refused one raises an alert.

TLS is always explicit (``use_tls``/``start_tls``), never left to defaults.

Retry state lives in the outbox rows, not in a retry library (tenacity and
the like keep it in memory): a retry scheduled for in 20 minutes must
survive a restart and be visible to every instance.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field
from datetime import timedelta

import aiosmtplib

from . import log as logmod
from . import metrics
from .outgoing.compose import compose_alert
from .config import Config
from .faults import crashpoint
from .model import OutgoingKind
from .store import OutboxItem, Store, utcnow

LEASE = timedelta(minutes=2)


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


# 5xx replies about our session, not the mail: STARTTLS required (530), authentication
# (534, 535, 538). They fail every mail the same way until the operator fixes the
# config, so mail waits and retries by itself, and the operators are alerted at once.
SESSION_CODES = frozenset({530, 534, 535, 538})


def classify(exc: BaseException) -> type[Exception]:
    code = getattr(exc, "code", None)
    if code in SESSION_CODES:
        return TemporaryFailure
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [r.code for r in exc.recipients]
        return PermanentFailure if codes and all(500 <= c < 600 for c in codes) else TemporaryFailure
    if isinstance(code, int) and 500 <= code < 600:
        return PermanentFailure
    return TemporaryFailure


def failure_kind(exc: BaseException) -> str:
    """``error_kind`` that also names a TLS certificate failure.

    aiosmtplib wraps a failed verification on an implicit-TLS connection in a
    bare ``SMTPConnectError``, which would read like a dead relay; the
    OpenSSL reason (``unable to get local issuer certificate``, ``Hostname
    mismatch...``) names no person, so it is safe to log.
    """
    kind = logmod.error_kind(exc)
    cause: BaseException | None = exc
    for _ in range(5):  # a short explicit chain; never loop on a cyclic one
        if cause is None or isinstance(cause, ssl.SSLCertVerificationError):
            break
        cause = cause.__cause__
    if not isinstance(cause, ssl.SSLCertVerificationError):
        return kind
    return f"{kind}: TLS certificate verify failed ({cause.verify_message or 'unknown reason'})"


class Deliverer:
    def __init__(self, config: Config, store: Store, password: str | None, owner: str):
        self.config = config
        self.store = store
        self.password = password
        self.owner = owner
        self.log = logmod.get("mailrouter.outbox")

    def _client(self) -> aiosmtplib.SMTP:
        smtp = self.config.smtp
        return aiosmtplib.SMTP(
            hostname=smtp.host, port=smtp.port, use_tls=smtp.tls == "tls", start_tls=smtp.tls == "starttls",
            validate_certs=smtp.verify_tls, timeout=smtp.timeout,
        )

    async def check_connection(self) -> None:
        client = self._client()
        await client.connect()
        try:
            if self.config.smtp.username:
                await client.login(self.config.smtp.username, self.password or "")
        finally:
            await client.quit()

    async def deliver_due(self) -> DeliveryReport:
        """Deliver everything due now (in batches) over one connection per batch."""
        report = DeliveryReport()
        while True:
            items = self.store.claim_due(self.owner, self.config.delivery.batch_size, LEASE)
            if not items:
                return report
            await self._deliver_batch(items, report)

    async def _deliver_batch(self, items: list[OutboxItem], report: DeliveryReport) -> None:
        client = self._client()
        try:
            await client.connect()
            if self.config.smtp.username:
                await client.login(self.config.smtp.username, self.password or "")
        except Exception as exc:  # noqa: BLE001 - every connect failure is handled per item below
            for item in items:
                self._handle_failure(item, exc, report)
            return
        try:
            for item in items:
                await self._send_one(client, item, report)
        finally:
            try:
                await client.quit()
            except Exception:  # noqa: BLE001 - the server may be gone already
                client.close()

    async def _send_one(self, client: aiosmtplib.SMTP, item: OutboxItem, report: DeliveryReport) -> None:
        crashpoint("before_send")
        try:
            if not client.is_connected:
                await client.connect()
                if self.config.smtp.username:
                    await client.login(self.config.smtp.username, self.password or "")
            refused, _ = await client.sendmail(item.envelope_from, item.recipients, item.data)
        except Exception as exc:  # noqa: BLE001
            self._handle_failure(item, exc, report)
            try:
                await client.rset()
            except Exception:  # noqa: BLE001
                client.close()
            return
        crashpoint("after_send")
        if refused:
            self._partial(item, refused, report)
            return
        self.store.mark_sent(item.id)
        report.sent += 1
        metrics.SENT.labels(item.kind).inc()
        self.log.info("delivered", kind=item.kind, outbox_id=item.id, case_id=item.case_id)

    def _partial(self, item: OutboxItem, refused: dict, report: DeliveryReport) -> None:
        temporary = [rcpt for rcpt, resp in refused.items() if not 500 <= resp.code < 600]
        permanent = [rcpt for rcpt, resp in refused.items() if 500 <= resp.code < 600]
        if permanent:
            # an acknowledgement's recipient is a sender: never named in mail or in the store
            who = "the sender's address" if item.kind == OutgoingKind.ACK else ", ".join(permanent)
            self._alert(item, f"{len(permanent)} recipient(s) of a {item.kind} were refused permanently",
                        f"Recipients refused: {who}. Check the staff addresses in config.")
        if temporary:
            self.store.narrow_recipients(item.id, temporary)
            self._retry(item, "some recipients temporarily refused", report)
        else:
            self.store.mark_sent(item.id)
            report.sent += 1

    def _handle_failure(self, item: OutboxItem, exc: BaseException, report: DeliveryReport) -> None:
        kind = failure_kind(exc)
        if classify(exc) is PermanentFailure:
            self.store.mark_failed(item.id, kind)
            report.failed += 1
            metrics.REJECTED.labels(item.kind).inc()
            report.errors.append(kind)
            self.log.error("delivery_failed_permanently", kind=item.kind, outbox_id=item.id, error=kind)
            self._alert(item, f"a {item.kind} was rejected permanently ({kind})",
                        "The SMTP relay rejected it. Fix the cause, then run 'mailrouter outbox retry'.")
        else:
            self._retry(item, kind, report)

    def _retry(self, item: OutboxItem, kind: str, report: DeliveryReport) -> None:
        delivery = self.config.delivery
        attempts = item.attempts + 1
        delay = min(delivery.retry_initial_seconds * (2 ** (attempts - 1)), delivery.retry_max_seconds)
        alert_now = attempts >= delivery.alert_after_attempts and not item.alerted
        if any(f" {code}" in kind for code in SESSION_CODES):
            self._session_alert(kind)
        self.store.mark_retry(item.id, kind, utcnow() + timedelta(seconds=delay), alerted=item.alerted or alert_now)
        report.retried += 1
        metrics.DEFERRED.labels(item.kind).inc()
        report.errors.append(kind)
        self.log.warning("delivery_deferred", kind=item.kind, outbox_id=item.id, error=kind, attempts=attempts,
                         retry_in_s=round(delay, 1))
        if alert_now:
            self._alert(item, f"a {item.kind} could not be delivered after {attempts} attempts ({kind})",
                        "It is still queued and retried with backoff.")

    def _session_alert(self, kind: str) -> None:
        """One alert per hour and kind of session refusal (not one per queued mail)."""
        hour = utcnow().strftime("%Y-%m-%dT%H")
        alert = compose_alert(f"smtp-session:{kind}:{hour}", f"the SMTP relay refuses our session ({kind})",
                              f"The relay {self.config.smtp.host}:{self.config.smtp.port} refused the session: {kind}.\n"
                              "This is a configuration problem (TLS mode, username or password in [smtp]).\n"
                              "All outgoing mail waits in the outbox and is retried with backoff; it goes out by\n"
                              "itself once the configuration is fixed.\n",
                              self.config.service.operators, self.config.service.alert_from,
                              self.config.service.domain)
        if self.store.enqueue(alert, None):
            self.log.error("operator_alert", about="smtp session refused", error=kind)

    def _alert(self, item: OutboxItem, subject: str, detail: str) -> None:
        if item.kind == OutgoingKind.ALERT:
            # Never alert about alerts: a broken relay must not multiply mail.
            self.log.error("alert_undeliverable", outbox_id=item.id)
            return
        tag = self.store.case_tag(item.case_id) if item.case_id else None
        where = f"case {tag}" if tag else f"outbox item {item.id}"
        alert = compose_alert(f"delivery:{item.id}:{subject}", f"{where}: {subject}",
                              f"{where}: {subject}.\n{detail}\n", self.config.service.operators,
                              self.config.service.alert_from, self.config.service.domain)
        self.store.enqueue(alert, None)
        self.log.error("operator_alert", about=where, outbox_id=item.id)


def run_sync(coro):
    return asyncio.run(coro)
