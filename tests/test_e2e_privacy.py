"""Nothing in clear that arrived encrypted; nothing in the store that names a sender
(issue 13, finding 6). Real Dovecot, real gpg with the committed test keys, real SMTP."""

from __future__ import annotations

import email
import email.policy
import json
import stat
import subprocess
import sys

from mailfactory import ADDRESSES, REPO, client_mail, write_config
from mailrouter.config import load_config
from mailrouter.store import Store
from test_e2e import by_kind, run_once
from test_e2e_pgp import FPR, KEYS, PGP, gpg, pgp_config, pgp_homes  # noqa: F401 - a fixture



def with_echo(config):
    config.write_text(config.read_text().replace("[acknowledgements]\n", "[acknowledgements]\nsubject_echo = true\n"))
    return config


def encrypted_mail(homes, sender: str, subject: str, body: str) -> bytes:
    """PGP/MIME with protected headers (outer Subject "..."), encrypted to the human-rights key."""
    inner = (f'Content-Type: text/plain; charset=utf-8; protected-headers="v1"\r\nSubject: {subject}\r\n'
             f"From: {sender}\r\n\r\n{body}\r\n").encode()
    enc = gpg(homes["alice"], "--trust-model", "always", "--armor", "--encrypt", "-r", FPR["service_talk"],
              input=inner)
    assert enc.returncode == 0, enc.stderr.decode()
    return (f"From: {sender}\r\nTo: {ADDRESSES['humanrights']}\r\nSubject: ...\r\n"
            "Message-ID: <enc-1@mail.example>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="b"\r\n\r\n'
            "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n"
            "--b\r\nContent-Type: application/octet-stream\r\n\r\n").encode() + enc.stdout + b"\r\n--b--\r\n"


def test_an_encrypted_acknowledgement_echoes_the_subject_only_inside(tmp_path, dovecot, smtp_sink, pgp_homes):
    # From Amina (her key is known): inner Subject "They took my phone at the border", outer "[...]"
    dovecot.append("emergency", "INBOX", (PGP / "mail" / "rfc9788_header_protection.eml").read_bytes())
    config = with_echo(pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes))
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and len(forwards) == 1
    ack = acks[0]
    assert ack.message.get_content_type() == "multipart/encrypted"
    assert b"phone" not in ack.data and b"border" not in ack.data
    assert "(Re:" not in str(ack.message["Subject"])
    assert ack.message["X-Mailrouter-Case"] in str(ack.message["Subject"])  # the neutral template subject
    # Amina reads the echo inside
    home = pgp_homes["alice"].parent / "amina"
    home.mkdir(mode=0o700)
    for key in ("sender-amina.sec.asc", "service-emergency.pub.asc"):
        assert gpg(home, "--import", str(KEYS / key)).returncode == 0
    armored = ack.message.get_payload()[1].get_payload(decode=True)
    try:
        plain = gpg(home, "--trust-model", "always", "--decrypt", input=armored)
    finally:
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True)
    assert plain.returncode == 0 and b"Good signature" in plain.stderr, plain.stderr.decode()
    inner = email.message_from_bytes(plain.stdout, policy=email.policy.default)
    assert "(Re: They took my phone at the border)" in str(inner["Subject"])


def test_a_plaintext_acknowledgement_never_echoes_the_subject_of_encrypted_mail(tmp_path, dovecot, smtp_sink,
                                                                                pgp_homes):
    # Noor's key is unknown: her acknowledgement goes out in plaintext
    dovecot.append("humanrights", "INBOX", encrypted_mail(pgp_homes, "Noor <noor@mail.example>",
                                                          "SECRETSUBJECT-4a1c", "They know where I live."))
    # plaintext mail may still have its subject echoed (the operator chose subject_echo)
    dovecot.append("humanrights", "INBOX", client_mail("tomas@example.com", "humanrights", "meetup question",
                                                       "How do we keep people safe at the meetup?"))
    config = with_echo(pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes))
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 2 and len(forwards) == 2
    by_to = {a.rcpt_tos[0]: a for a in acks}
    noor = by_to["noor@mail.example"]
    assert noor.message.get_content_type() != "multipart/encrypted"
    assert "(Re:" not in str(noor.message["Subject"])
    assert "(Re: meetup question)" in str(by_to["tomas@example.com"].message["Subject"])
    for mail in smtp_sink.messages:
        assert b"SECRETSUBJECT-4a1c" not in mail.data


def store_bytes(tmp_path) -> bytes:
    """Every byte SQLite keeps of the store: the database and any journal beside it."""
    return b"".join(p.read_bytes() for p in sorted(tmp_path.glob("store.db*")) if not p.name.endswith(".hash-key"))


def test_the_store_names_no_sender_and_holds_no_hashing_key(tmp_path, dovecot, smtp_sink, pgp_homes):
    dovecot.append("emergency", "INBOX", (PGP / "mail" / "rfc9788_header_protection.eml").read_bytes())
    dovecot.append("humanrights", "INBOX", client_mail("Nadia K. <nadia.k@example.net>", "humanrights", "doxed",
                                                       "They posted my home address."))
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes)
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert sorted(a.rcpt_tos[0] for a in acks) == ["amina@volunteers.example", "nadia.k@example.net"]

    key_file = tmp_path / "store.db.hash-key"
    assert key_file.is_file() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = bytes.fromhex(key_file.read_text().strip())
    assert len(key) == 32
    data = store_bytes(tmp_path)
    assert len(data) > 10000
    for needle in (b"amina@volunteers.example", b"nadia.k@example.net", key, key.hex().encode(),
                   key.hex().upper().encode()):
        assert needle not in data, needle

    # what remains is still useful: joinable pseudonyms, and a count of the acknowledgements sent
    store = Store(load_config(config).store.url)
    hashes = {c.sender_hash for c in store.all_cases()}
    assert hashes == {store.pseudonym("amina@volunteers.example"), store.pseudonym("nadia.k@example.net")}
    acks_delivered = [e for c in store.all_cases() for e in store.audit_trail(c.id) if e["event"] == "ack delivered"]
    assert [e["detail"] for e in acks_delivered] == [{"recipients": 1}] * 2
    assert all(r.data == b"" and list(r.recipients) == [] for r in store.outbox_rows() if r.kind == "ack")
    tag = store.all_cases()[0].tag
    shown = subprocess.run([sys.executable, "-m", "mailrouter.cli", "case", tag, "--json", "-c", str(config)],
                           capture_output=True, text=True, cwd=str(REPO))
    assert shown.returncode == 0, shown.stderr
    assert [m["recipients"] for m in json.loads(shown.stdout)["mail"] if m["kind"] == "ack"] == [1]


def test_a_lost_key_file_stops_the_service_with_a_clear_error(tmp_path, dovecot, smtp_sink):
    config = write_config(tmp_path, dovecot, smtp_sink)
    dovecot.append("humanrights", "INBOX", client_mail("tomas@example.com", "humanrights", "q", "A question."))
    assert run_once(config).returncode == 0
    key_file = tmp_path / "store.db.hash-key"
    key_file.unlink()
    dovecot.append("humanrights", "INBOX", client_mail("tomas@example.com", "humanrights", "q2", "Another."))
    for args in (["run", "--once"], ["status"]):
        result = subprocess.run([sys.executable, "-m", "mailrouter.cli", *args, "-c", str(config)],
                                capture_output=True, text=True, cwd=str(REPO))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert f"{key_file}" in result.stderr.replace("\n", "") and "is missing" in result.stderr
    assert not key_file.exists()
    assert len(dovecot.uids("humanrights", "INBOX")) == 1  # nothing was processed with a wrong key


def test_with_outer_metadata_none_an_encrypted_acknowledgement_shows_nothing_outside(tmp_path, dovecot, smtp_sink,
                                                                                    pgp_homes):
    dovecot.append("emergency", "INBOX", (PGP / "mail" / "rfc9788_header_protection.eml").read_bytes())
    config = with_echo(pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes))
    config.write_text(config.read_text().replace("[crypto]\n", '[crypto]\nouter_metadata = "none"\n'))
    assert run_once(config).returncode == 0
    acks, _, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and acks[0].message.get_content_type() == "multipart/encrypted"
    assert str(acks[0].message["Subject"]) == "..."
    assert acks[0].message["X-Mailrouter-Case"] is None
    assert acks[0].message["Auto-Submitted"] == "auto-replied"  # loop protection stays outside
