"""Shared pytest fixtures. Keep this file thin: server logic lives in servers.py."""

from __future__ import annotations

import pytest

from servers import DovecotNotInstalled, DovecotServer, SmtpSink

# IMAP accounts of the test Dovecot: user -> password.
DOVECOT_USERS = {"humanrights": "hr-secret", "emergency": "em-secret"}


@pytest.fixture
def dovecot(tmp_path):
    """A fresh, running Dovecot on 127.0.0.1 with users humanrights/emergency.

    Missing dovecot fails the test (it is never skipped): the message says to
    `apt-get install dovecot-imapd`.
    """
    try:
        server = DovecotServer(tmp_path / "dovecot", DOVECOT_USERS)
    except DovecotNotInstalled as exc:
        missing = str(exc)
    else:
        missing = None
    if missing:
        pytest.fail(missing, pytrace=False)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_sink():
    """A running SmtpSink (aiosmtpd on 127.0.0.1) in mode "ok"."""
    sink = SmtpSink()
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()
