"""Shared pytest fixtures. Keep this file thin: server logic lives in servers.py."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import secrets

import pytest
from sqlalchemy import create_engine, text

from servers import DovecotNotInstalled, DovecotServer, SmtpSink

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

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


@pytest.fixture(scope="session")
def pg_key_file(tmp_path_factory):
    """The key file of the sender hashes for ``pg_url``'s database: one per database, shared by every
    store (and instance) that opens it, as in a deployment."""
    return tmp_path_factory.mktemp("pgkey") / "hash-key"


@pytest.fixture(scope="session")
def pg_url():
    """A throw-away database on the machine's PostgreSQL (trust auth on 127.0.0.1)."""
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"PostgreSQL is required at 127.0.0.1:5432 (trust auth) for the multi-instance store "
                    f"tests: {type(exc).__name__}: {exc}", pytrace=False)
    name = f"mailrouter_test_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
