"""The embedded demo: the real pipeline on sample mail, with no servers to install.

Builds a Maildir per mailbox from the packaged samples, starts an in-process
aiosmtpd server that writes every delivered mail to a folder, runs the
service once on a temporary SQLite store, and reports what happened.
"""

from __future__ import annotations

import email
import email.policy
import logging
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from aiosmtpd.controller import Controller

from .config import Config, SmtpConfig, StoreConfig
from .service import OnceReport, Service
from .store import Store


@dataclass
class Delivered:
    envelope_from: str
    recipients: list[str]
    path: Path
    message: email.message.EmailMessage


class _Recorder:
    def __init__(self, folder: Path):
        self.folder = folder
        self.items: list[Delivered] = []
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: ANN001, N802
        # aiosmtpd takes an empty mail_from for "no MAIL yet"; keep "<>" for the null sender.
        envelope.mail_from = address or "<>"
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd hook
        with self.lock:
            n = len(self.items) + 1
            data = envelope.original_content or envelope.content
            msg = email.message_from_bytes(data, policy=email.policy.default)
            kind = "ack" if msg.get("Auto-Submitted", "").startswith("auto-replied") else \
                "alert" if "alert" in str(msg.get("Subject", "")) else "forward"
            path = self.folder / f"{n:03d}-{kind}.eml"
            path.write_bytes(data)
            self.items.append(Delivered("" if envelope.mail_from == "<>" else envelope.mail_from, list(envelope.rcpt_tos), path, msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_files() -> list[tuple[str, bytes]]:
    folder = Path(__file__).resolve().parent / "demo_samples"
    return sorted((p.name, p.read_bytes()) for p in folder.iterdir() if p.name.endswith(".eml"))


def _mailbox_for(name: str, config: Config) -> str:
    for mailbox in config.mailboxes:
        if f"-{mailbox}-" in name:
            return mailbox
    return next(iter(config.mailboxes))


def prepare(config: Config, workdir: Path, port: int) -> Config:
    """The demo's config: same policy, local Maildirs, local SMTP, temporary store."""
    mailboxes = {}
    for name, box in config.mailboxes.items():
        maildir = workdir / "maildirs" / name
        for sub in ("tmp", "new", "cur"):
            (maildir / sub).mkdir(parents=True, exist_ok=True)
        mailboxes[name] = box.model_copy(update={"maildir": maildir, "account": None})
    for i, (fname, data) in enumerate(sample_files()):
        target = workdir / "maildirs" / _mailbox_for(fname, config) / "new" / f"{1700000000 + i}.demo{i:03d}.localhost"
        target.write_bytes(data)
    return config.model_copy(update={
        "mailboxes": mailboxes,
        "accounts": {},
        "smtp": SmtpConfig(host="127.0.0.1", port=port, tls="none", timeout=10),
        "store": StoreConfig(url=f"sqlite:///{workdir / 'demo.db'}"),
    })


@dataclass
class DemoResult:
    workdir: Path
    report: OnceReport
    delivered: list[Delivered]
    rows: list[dict]
    seconds: float


def run_demo(config: Config, workdir: Path | None = None) -> DemoResult:
    started = time.monotonic()
    workdir = Path(workdir or tempfile.mkdtemp(prefix="mailrouter-demo-"))
    if workdir.exists():
        shutil.rmtree(workdir / "maildirs", ignore_errors=True)
        shutil.rmtree(workdir / "delivered", ignore_errors=True)
        (workdir / "demo.db").unlink(missing_ok=True)
    (workdir / "delivered").mkdir(parents=True, exist_ok=True)
    recorder = _Recorder(workdir / "delivered")
    port = _free_port()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's per-connection chatter
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        demo_config = prepare(config, workdir, port)
        store = Store(demo_config.store.url)
        service = Service(demo_config, store)
        report = service.run_once()
        rows = summarise(store, recorder.items, demo_config)
        store.close()
    finally:
        controller.stop()
    return DemoResult(workdir, report, recorder.items, rows, time.monotonic() - started)


def summarise(store: Store, delivered: list[Delivered], config: Config) -> list[dict]:
    by_case: dict[str, list[Delivered]] = {}
    for item in delivered:
        tag = str(item.message.get("X-Mailrouter-Case", ""))
        by_case.setdefault(tag, []).append(item)
    staff_names = {s.address: key for key, s in config.staff.items()}
    rows = []
    for case in store.all_cases():
        mails = by_case.get(case.tag, [])
        acks = [m for m in mails if m.message.get("Auto-Submitted", "").startswith("auto-replied")]
        forwards = [m for m in mails if m not in acks]
        to = sorted({staff_names.get(r, r) for m in forwards for r in m.recipients})
        rows.append({
            "case": case.tag, "mailbox": case.mailbox, "language": case.language, "urgency": case.urgency,
            "acknowledged": "yes" if acks else "no", "forwarded_to": ", ".join(to) or "-",
            "tags": ", ".join(case.tags) or "",
            "flags": ", ".join(case.flags) or "",
        })
    return rows
