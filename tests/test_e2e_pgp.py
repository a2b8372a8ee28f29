"""OpenPGP through the whole pipeline: real Dovecot, real gpg, real SMTP server.

Every forward of encrypted mail must leave encrypted to the pinned staff keys;
the plaintext (marked by a canary) must appear in no outgoing byte, no stored
byte, no log line and no file under the temporary directory.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from mailfactory import REPO, client_mail, write_config
from test_e2e import by_kind, run_once

PGP = REPO / "tests" / "fixtures" / "pgp"
KEYS = PGP / "keys"
FPR = json.loads((KEYS / "fingerprints.json").read_text())


def gpg(home: Path, *args: str, input: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(["gpg", "--homedir", str(home), "--batch", "--yes", "--pinentry-mode", "loopback",
                           "--passphrase-file", str(KEYS / "passphrase.txt"), *args],
                          input=input, capture_output=True, timeout=60)


@pytest.fixture
def pgp_homes():
    """Service home (service secret keys + pinned staff keys), correspondents home, and
    Alice's own home to read what she receives. Short paths: gpg-agent sockets."""
    root = Path(tempfile.mkdtemp(prefix="mrpgp-", dir="/tmp"))
    homes = {name: root / name for name in ("svc", "cor", "alice")}
    for home in homes.values():
        home.mkdir(mode=0o700)
    for key in ("service-talk.sec.asc", "service-emergency.sec.asc", "staff-alice.pub.asc", "staff-bob.pub.asc",
                "staff-carol-expired.pub.asc"):
        assert gpg(homes["svc"], "--import", str(KEYS / key)).returncode == 0
    assert gpg(homes["cor"], "--import", str(KEYS / "sender-amina.pub.asc")).returncode == 0
    for key in ("staff-alice.sec.asc", "service-talk.pub.asc", "service-emergency.pub.asc"):
        assert gpg(homes["alice"], "--import", str(KEYS / key)).returncode == 0
    yield homes
    for home in homes.values():
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


def pgp_config(tmp_path, dovecot, smtp_sink, homes, *, encrypt_all: bool = True, carol_on_call: bool = False,
               ack_window: int = 3600) -> Path:
    extra = f"""
[acknowledgements]
window_seconds = {ack_window}

[crypto]
home = "{homes['svc']}"
correspondents_home = "{homes['cor']}"
service_key = "{FPR['service_talk']}"
passphrase_file = "{KEYS / 'passphrase.txt'}"
encrypt_all_forwards = {'true' if encrypt_all else 'false'}
"""
    path = write_config(tmp_path, dovecot, smtp_sink, extra=extra)
    text = path.read_text()
    text = text.replace('default_urgency = "critical"', f'default_urgency = "critical"\nkey = "{FPR["service_emergency"]}"')
    text = text.replace('address = "alice@staff.example.org"', f'address = "alice@staff.example.org"\nkey = "{FPR["alice"]}"')
    text = text.replace('address = "bola@staff.example.org"', f'address = "bola@staff.example.org"\nkey = "{FPR["bob"]}"')
    # chen has no key at all; in one test, carol's expired key is pinned for chen
    if carol_on_call:
        text = text.replace('address = "chen@staff.example.org"',
                            f'address = "chen@staff.example.org"\nkey = "{FPR["carol_expired"]}"')
    path.write_text(text)
    return path


def decrypt_as_alice(homes, forward) -> bytes:
    assert forward.message.get_content_type() == "multipart/encrypted"
    armored = forward.message.get_payload()[1].get_payload(decode=True)
    result = gpg(homes["alice"], "--trust-model", "always", "--decrypt", input=armored)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Good signature" in result.stderr  # signed by the service key
    return result.stdout


def files_with(root: Path, needle: bytes, since: float = 0.0) -> list[str]:
    """Files under ``root`` (changed after ``since``) holding ``needle``; the repository's
    own fixtures and tests, which hold the canaries by design, are left out."""
    hits = []
    # os.walk, not rglob: other processes' temporary directories may vanish while we walk /tmp
    paths = (Path(d) / name for d, _, names in os.walk(root) for name in names)
    for path in paths:
        try:
            if REPO in path.parents or not path.is_file() or path.stat().st_mtime < since:
                continue
            if needle in path.read_bytes():
                hits.append(str(path))
        except OSError:
            pass
    return hits


ENCRYPTED = {
    "thunderbird_protected_headers.eml": "humanrights",
    "k9_openkeychain.eml": "humanrights",
    "mutt_inline_pgp.eml": "humanrights",
    "webmail_inline_html_only.eml": "emergency",
}


def test_encrypted_mail_is_forwarded_only_encrypted_and_never_leaks(tmp_path, dovecot, smtp_sink, pgp_homes):
    for name, mailbox in ENCRYPTED.items():
        dovecot.append(mailbox, "INBOX", (PGP / "mail" / name).read_bytes())
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes)
    started = time.time() - 1
    result = run_once(config)
    log = result.stdout + result.stderr
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    notices = [m for m in smtp_sink.messages if "needs you" in str(m.message.get("Subject", ""))]

    # Alice (humanrights) and Bola (both teams, key pinned) get encrypted forwards;
    # Chen (emergency) has no key: a content-free notice, and the operators hear of the gap.
    assert all(f.message.get_content_type() == "multipart/encrypted" for f in forwards)
    alice_forwards = [f for f in forwards if "alice@staff.example.org" in f.rcpt_tos]
    assert len(alice_forwards) == 3
    assert len(forwards) == 4
    assert [n.rcpt_tos for n in notices] == [["chen@staff.example.org"]]
    assert any("staff without a usable key" in str(a.message["Subject"]) for a in alerts)
    for fwd in forwards:
        assert fwd.message["Subject"].startswith("[")  # outer subject: urgency and case only
        assert fwd.message["X-Mailrouter-Language"] is None  # language and rules stay inside
        assert fwd.message["X-Mailrouter-Rules"] is None
    for fwd in alice_forwards:
        inner = decrypt_as_alice(pgp_homes, fwd)
        name = next(n for n in ENCRYPTED if f"CANARY-{n[:-4]}-7f3a".encode() in inner)
        inner_msg = email.message_from_bytes(inner, policy=email.policy.default)
        assert inner_msg["X-Mailrouter-Language"]  # protected headers inside
        assert "[case " in inner_msg["Subject"]
        assert ENCRYPTED[name] == "humanrights"

    # Acknowledgements: the one to a sender whose key we learned is encrypted to it.
    assert len(acks) == len(ENCRYPTED)
    assert sum(a.message.get_content_type() == "multipart/encrypted" for a in acks) >= 2

    # No canary anywhere: outgoing bytes, the store, the logs, the temp directories.
    for name in ENCRYPTED:
        canary = f"CANARY-{name[:-4]}-7f3a".encode()
        for m in smtp_sink.messages:
            assert canary not in m.data, name
        assert canary not in log, name
        assert files_with(tmp_path, canary) == [], name
        assert files_with(Path(str(pgp_homes["svc"])).parent, canary) == [], name
        assert files_with(Path(tempfile.gettempdir()), canary, since=started) == [], name


def test_plaintext_mail_is_encrypted_too_by_default(tmp_path, dovecot, smtp_sink, pgp_homes):
    dovecot.append("humanrights", "INBOX", client_mail("nadia@example.net", "humanrights", "doxed",
                                                       "They posted my address. PLAINCANARY-19c2"))
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes)
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 1 and forwards[0].message.get_content_type() == "multipart/encrypted"
    assert b"PLAINCANARY-19c2" in decrypt_as_alice(pgp_homes, forwards[0])
    assert all(b"PLAINCANARY-19c2" not in m.data for m in smtp_sink.messages)


def test_decryption_failures_still_forward_and_acknowledge(tmp_path, dovecot, smtp_sink, pgp_homes):
    failures = ["fail_unknown_key.eml", "fail_corrupt.eml", "fail_unsupported_algorithm.eml", "fail_bomb.eml"]
    for name in failures:
        dovecot.append("humanrights", "INBOX", (PGP / "mail" / name).read_bytes())
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes, ack_window=0)  # all from one sender
    started = time.monotonic()
    result = run_once(config)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert time.monotonic() - started < 120
    acks, forwards, _ = by_kind(smtp_sink.messages)
    alice = [f for f in forwards if "alice@staff.example.org" in f.rcpt_tos]
    assert len(alice) == len(failures)
    reasons = []
    for fwd in alice:
        inner = email.message_from_bytes(decrypt_as_alice(pgp_homes, fwd), policy=email.policy.default)
        assert "not-decrypted" in inner["X-Mailrouter-Flags"]
        summary = inner.get_body(("plain",)).get_content()
        reasons.append(summary.split("NOT decrypted:", 1)[1].splitlines()[0].strip())
    assert len(set(reasons)) == len(failures), reasons  # each failure says what went wrong
    assert len(acks) == len(failures)


def test_check_reports_key_problems(tmp_path, dovecot, smtp_sink, pgp_homes):
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes, carol_on_call=True)
    result = subprocess.run([os.sys.executable, "-m", "mailrouter.cli", "check", "-c", str(config)],
                            capture_output=True, text=True, cwd=str(REPO))
    assert result.returncode == 1
    assert "staff chen" in result.stderr and "expired" in result.stderr
    assert "Fix:" in result.stderr


def test_explain_shows_crypto_facts_of_an_encrypted_message(tmp_path, dovecot, smtp_sink, pgp_homes):
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes)
    result = subprocess.run([os.sys.executable, "-m", "mailrouter.cli", "explain",
                             str(PGP / "mail" / "thunderbird_protected_headers.eml"), "--mailbox", "humanrights",
                             "--json", "-c", str(config)], capture_output=True, text=True, cwd=str(REPO))
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout)["facts"]
    assert facts["encrypted"] is True and facts["decrypted"] is True
    assert facts["signature"] == "valid"
    assert facts["signer_fingerprint"]
    assert facts["subject"] != "..."  # the protected subject, not the outer placeholder
    assert not files_with(tmp_path, b"CANARY-thunderbird_protected_headers-7f3a")
