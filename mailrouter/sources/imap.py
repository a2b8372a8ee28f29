"""IMAP source (imapclient) and IDLE watcher.

Pitfalls handled (design.md): UID lists only, never ``1:*`` on an empty box;
``BODY.PEEK[]`` so nothing is marked seen; MOVE, or COPY + \\Deleted +
UID EXPUNGE of exactly that UID, never a bare EXPUNGE; IDLE is renewed well
before the 10-minute mark, and polling keeps running underneath it because
``idle_check`` cannot tell a quiet mailbox from a dead socket.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from typing import Callable

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from ..config import ImapAccount, Mailbox
from ..model import SourceKey
from . import SourceError

FETCH_BATCH = 25
IDLE_RENEW_SECONDS = 5 * 60
NETWORK_ERRORS = (OSError, socket.timeout, ssl.SSLError, IMAPClientError, EOFError)


def _tls_context(verify: bool) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect(account: ImapAccount, password: str | None) -> IMAPClient:
    """Log in according to the account's explicit TLS mode."""
    try:
        context = _tls_context(account.verify_tls)
        client = IMAPClient(account.host, port=account.port, ssl=account.tls == "tls",
                            ssl_context=context if account.tls == "tls" else None, timeout=account.timeout)
        if account.tls == "starttls":
            client.starttls(context)
        client.login(account.username, password or "")
        return client
    except NETWORK_ERRORS as exc:
        raise SourceError(f"IMAP {account.host}:{account.port}: {type(exc).__name__}: {_short(exc)}") from None


def _short(exc: BaseException) -> str:
    text = str(exc).replace("\r", " ").replace("\n", " ")
    return text[:200]


class ImapSource:
    def __init__(self, mailbox: str, box: Mailbox, account_name: str, account: ImapAccount, password: str | None):
        self.mailbox = mailbox
        self.box = box
        self.account_name = account_name
        self.account = account
        self.password = password
        self.client: IMAPClient | None = None
        self.uidvalidity: int | None = None
        self.last_uid: int | None = None
        self._can_move = False

    # --- connection -------------------------------------------------------
    def open(self) -> None:
        if self.client is not None:
            try:
                self.client.noop()
                return
            except NETWORK_ERRORS:
                self.close()
        self.client = connect(self.account, self.password)
        try:
            self._can_move = self.client.has_capability("MOVE")
            if not self.client.folder_exists(self.box.processed_folder):
                self.client.create_folder(self.box.processed_folder)
        except NETWORK_ERRORS as exc:
            self.close()
            raise SourceError(f"IMAP setup failed: {type(exc).__name__}: {_short(exc)}") from None

    def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                client.logout()
            except Exception:  # noqa: BLE001 - the connection may already be dead
                try:
                    client.shutdown()
                except Exception:  # noqa: BLE001
                    pass

    def _require(self) -> IMAPClient:
        if self.client is None:
            self.open()
        assert self.client is not None
        return self.client

    def _call(self, what: str, fn: Callable):
        try:
            return fn(self._require())
        except NETWORK_ERRORS as exc:
            self.close()
            raise SourceError(f"IMAP {what} failed: {type(exc).__name__}: {_short(exc)}") from None

    # --- source interface ------------------------------------------------
    def pending(self) -> list[SourceKey]:
        def run(client: IMAPClient) -> list[SourceKey]:
            info = client.select_folder(self.box.folder)
            self.uidvalidity = int(info[b"UIDVALIDITY"])
            exists = int(info.get(b"EXISTS", 0))
            uids = sorted(client.search(["ALL"])) if exists else []
            if uids:
                self.last_uid = max(uids)
            return [SourceKey(self.account_name, self.box.folder, self.uidvalidity, str(uid)) for uid in uids]

        return self._call("listing", run)

    def fetch(self, keys: list[SourceKey]) -> dict[SourceKey, bytes]:
        wanted = {int(k.uid): k for k in keys if k.uidvalidity == self.uidvalidity}
        result: dict[SourceKey, bytes] = {}
        uids = sorted(wanted)
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start:start + FETCH_BATCH]
            data = self._call("fetch", lambda c: c.fetch(batch, ["BODY.PEEK[]"]))
            for uid, item in data.items():
                body = item.get(b"BODY[]")
                if uid in wanted and body is not None:
                    result[wanted[uid]] = bytes(body)
        return result

    def file(self, key: SourceKey) -> None:
        if key.uidvalidity != self.uidvalidity:
            # The UID is meaningless under the new UIDVALIDITY; the message will be
            # listed again under its new UID and recognised as a copy.
            return
        uid = int(key.uid)

        def run(client: IMAPClient) -> None:
            if self._can_move:
                client.move([uid], self.box.processed_folder)
            else:
                client.copy([uid], self.box.processed_folder)
                client.add_flags([uid], [b"\\Deleted"])
                client.uid_expunge([uid])

        self._call("move", run)


class IdleWatcher(threading.Thread):
    """Holds an IDLE connection and calls ``wake()`` when the folder changes.

    Reconnects with exponential backoff. It only ever triggers polls; the
    poll job does the work, so a broken watcher delays mail by at most one
    poll interval.
    """

    def __init__(self, box: Mailbox, account: ImapAccount, password: str | None, wake: Callable[[], None],
                 log: Callable[..., None]):
        super().__init__(name=f"idle-{box.address}", daemon=True)
        self.box = box
        self.account = account
        self.password = password
        self.wake = wake
        self.log = log
        self.stop_event = threading.Event()
        self.client: IMAPClient | None = None

    def stop(self) -> None:
        self.stop_event.set()
        client = self.client
        if client is not None:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass

    def run(self) -> None:
        backoff = 1.0
        while not self.stop_event.is_set():
            try:
                self._session()
                backoff = 1.0
            except (SourceError, *NETWORK_ERRORS) as exc:
                if self.stop_event.is_set():
                    return
                self.log("idle_reconnect", error=type(exc).__name__, backoff=backoff)
                self.stop_event.wait(backoff)
                backoff = min(backoff * 2, 300)

    def _session(self) -> None:
        self.client = connect(self.account, self.password)
        try:
            if not self.client.has_capability("IDLE"):
                self.log("idle_unsupported")
                self.stop_event.wait()
                return
            self.client.select_folder(self.box.folder, readonly=True)
            while not self.stop_event.is_set():
                self.client.idle()
                started = time.monotonic()
                changed = False
                while time.monotonic() - started < IDLE_RENEW_SECONDS and not self.stop_event.is_set():
                    responses = self.client.idle_check(timeout=15)
                    if any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT")
                           for r in responses):
                        changed = True
                        break
                self.client.idle_done()
                if changed:
                    self.wake()
        finally:
            client, self.client = self.client, None
            try:
                client.logout()
            except Exception:  # noqa: BLE001
                pass
