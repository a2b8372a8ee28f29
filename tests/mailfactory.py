"""Test mail built the way ordinary clients build it, and test configs.

Written for these tests (not copied from other projects): the shapes follow
what Thunderbird and webmail clients send (multipart/alternative, QP/base64
bodies, Message-ID on the sender's domain).
"""

from __future__ import annotations

import textwrap
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The emergency mailbox's rotation in the on-call tests: Chen first, Bola second, escalation at 5 and 15 min.
ROTATION = """
[rotations.emergency]
timezone = "UTC"

[[rotations.emergency.layers]]
name = "primary"
members = ["chen"]
start = "2026-01-05T09:00"
handoff_every = "7d"

[[rotations.emergency.layers]]
name = "secondary"
members = ["bola"]
start = "2026-01-05T09:00"
handoff_every = "7d"

[escalation.critical]
steps = [
  { after_minutes = 5, notify = "next_layer" },
  { after_minutes = 15, notify = "everyone" },
]
"""

ADDRESSES = {"humanrights": "talktohumanrights@example.org", "emergency": "emergency@example.org"}


def client_mail(
    sender: str,
    mailbox: str,
    subject: str,
    body: str,
    *,
    html: bool = True,
    extra_headers: dict[str, str] | None = None,
    msgid: str | None = None,
    user_agent: str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0",
) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = ADDRESSES[mailbox]
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 24, 21, 14, 5, tzinfo=timezone.utc))
    msg["Message-ID"] = msgid or make_msgid(domain=sender.rsplit("@", 1)[-1].rstrip(">"))
    msg["User-Agent"] = user_agent
    msg["Content-Language"] = "en-US"
    for name, value in (extra_headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html:
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        msg.add_alternative(f"<html><body>{paragraphs}</body></html>", subtype="html")
    return bytes(msg)


def auto_reply(sender: str, mailbox: str) -> bytes:
    return client_mail(sender, mailbox, "Automatic reply: Out of office",
                       "I am out of the office until 2 December with limited access to e-mail.",
                       html=False, extra_headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"})


def bounce(mailbox: str) -> bytes:
    """A Postfix-style delivery status notification (RFC 3464)."""
    return (
        "Return-Path: <>\r\n"
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n"
        f"To: {ADDRESSES[mailbox]}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Message-ID: {make_msgid(domain='mx.example.net')}\r\n"
        "Date: Tue, 24 Nov 2026 21:14:05 +0000\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B0UNDARY.1764018845"\r\n'
        "\r\n"
        "--B0UNDARY.1764018845\r\n"
        "Content-Description: Notification\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "\r\n"
        "This is the mail system at host mx.example.net.\r\n\r\n"
        "I'm sorry to have to inform you that your message could not\r\n"
        "be delivered to one or more recipients.\r\n"
        "\r\n"
        "--B0UNDARY.1764018845\r\n"
        "Content-Description: Delivery report\r\n"
        "Content-Type: message/delivery-status\r\n"
        "\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n"
        "\r\n"
        "Final-Recipient: rfc822; gone@example.net\r\n"
        "Action: failed\r\n"
        "Status: 5.1.1\r\n"
        "\r\n"
        "--B0UNDARY.1764018845--\r\n"
    ).encode()


def list_mail(mailbox: str) -> bytes:
    return client_mail("Digital Safety Digest <digest@lists.example.net>", mailbox, "[safety-digest] Weekly digest",
                       "This week: three new guides on account security.", html=False, extra_headers={
                           "List-Id": "Safety digest <safety-digest.lists.example.net>",
                           "List-Unsubscribe": "<mailto:safety-digest-leave@lists.example.net>",
                           "Precedence": "list"})


def write_config(tmp_path: Path, dovecot=None, smtp=None, *, maildirs: dict[str, Path] | None = None,
                 extra: str = "", delivery: str = "", mailbox_folder: str = "INBOX", smtp_extra: str = "",
                 smtp_tls: str = "none", imap_tls: str = "none", imap_port: int | None = None,
                 imap_extra: str = "") -> Path:
    """A config.toml for the test servers. Passwords come from files, as in production.

    ``smtp_tls``/``imap_tls`` set the ``tls`` mode of ``[smtp]`` and of every
    ``[accounts.X]``; ``imap_port`` overrides the Dovecot port (e.g. its
    ``imaps_port``); ``imap_extra`` is added to every account (e.g. ``verify_tls = false``).
    """
    secrets = tmp_path / "secrets"
    secrets.mkdir(exist_ok=True)
    accounts = ""
    if dovecot is not None:
        for user, password in (("humanrights", "hr-secret"), ("emergency", "em-secret")):
            (secrets / user).write_text(password + "\n")
            accounts += textwrap.dedent(f"""
                [accounts.{user}]
                host = "127.0.0.1"
                port = {imap_port or dovecot.port}
                tls = "{imap_tls}"
                username = "{user}"
                password_file = "{secrets / user}"
                timeout = 10
                """) + (textwrap.dedent(imap_extra).strip() + "\n" if imap_extra else "")
    boxes = ""
    for name, default in (("humanrights", "normal"), ("emergency", "critical")):
        source = (f'maildir = "{maildirs[name]}"' if maildirs else f'account = "{name}"')
        boxes += textwrap.dedent(f"""
            [mailboxes.{name}]
            address = "{ADDRESSES[name]}"
            {source}
            folder = "{mailbox_folder}"
            processed_folder = "Processed"
            idle = true
            poll_interval = 2
            team = "{name}"
            default_urgency = "{default}"
            """)
    text = textwrap.dedent(f"""
        [service]
        domain = "mailrouter.test"
        operators = ["operators@example.org"]
        alert_from = "mailrouter@example.org"
        templates_dir = "{REPO / 'templates'}"
        rules_dir = "{REPO / 'rules'}"
        log_level = "info"

        [store]
        url = "sqlite:///{tmp_path / 'store.db'}"

        [smtp]
        host = "127.0.0.1"
        port = {smtp.port if smtp else 2525}
        tls = "{smtp_tls}"
        timeout = 10
        {smtp_extra}

        [delivery]
        retry_initial_seconds = 0.2
        retry_max_seconds = 1
        alert_after_attempts = 3
        interval_seconds = 0.5
        {delivery}

        [urgency]
        levels = ["low", "normal", "high", "critical"]
        {accounts}
        {boxes}
        [staff.alice]
        name = "Alice"
        address = "alice@staff.example.org"

        [staff.bola]
        name = "Bola"
        address = "bola@staff.example.org"

        [staff.chen]
        name = "Chen"
        address = "chen@staff.example.org"

        [teams.humanrights]
        members = ["alice", "bola"]

        [teams.emergency]
        members = ["bola", "chen"]
        """) + extra
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path
