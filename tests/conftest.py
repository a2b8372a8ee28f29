"""Shared pytest fixtures. Keep this file thin: server logic lives in servers.py."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from servers import DovecotNotInstalled, DovecotServer, SmtpSink

# IMAP accounts of the test Dovecot: user -> password.
DOVECOT_USERS = {"humanrights": "hr-secret", "emergency": "em-secret"}


@pytest.fixture
def dovecot():
    """A fresh, running Dovecot on 127.0.0.1 with users humanrights/emergency.

    Missing dovecot fails the test (it is never skipped): the message says to
    `apt-get install dovecot-imapd`.
    """
    # Outside pytest's tmp tree: a concurrent pytest run resets /tmp/pytest-of-<user>
    # to mode 0700, which would lock Dovecot's unprivileged users out mid-test.
    base = Path(tempfile.mkdtemp(prefix="mr-dovecot-"))
    os.chmod(base, 0o711)
    try:
        server = DovecotServer(base / "dovecot", DOVECOT_USERS)
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
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def smtp_sink():
    """A running SmtpSink (aiosmtpd on 127.0.0.1) in mode "ok"."""
    sink = SmtpSink()
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()
