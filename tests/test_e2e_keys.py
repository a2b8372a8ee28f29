"""Sender key continuity end to end (issue 13, finding 2): real Dovecot, gpg and SMTP.

A forger who writes as a volunteer and brings a new key (Autocrypt header)
must not become the key the volunteer's acknowledgements are encrypted to;
the change is a fact staff see (forward summary, explain, the case trail),
rules can act on, and an operator confirms or rejects.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from mailfactory import REPO, client_mail
from test_e2e import by_kind, run_once
from test_e2e_pgp import FPR, KEYS, decrypt_as_alice, gpg, pgp_config, pgp_homes  # noqa: F401 - fixture

AMINA = "amina@volunteers.example"


def autocrypt(key: bytes) -> dict[str, str]:
    data = base64.b64encode(key).decode()
    chunks = " ".join(data[i:i + 72] for i in range(0, len(data), 72))  # the policy folds at the spaces
    return {"Autocrypt": f"addr={AMINA}; prefer-encrypt=mutual; keydata= {chunks}"}


def dearmor(path: Path) -> bytes:
    return subprocess.run(["gpg", "--dearmor"], input=path.read_bytes(), capture_output=True, check=True).stdout


def forger_key(homes, tmp_path) -> tuple[str, bytes, Path]:
    """A fresh key with Amina's address, made by the forger in a home of his own."""
    home = Path(str(homes["alice"]).replace("alice", "forger"))
    home.mkdir(mode=0o700, exist_ok=True)
    made = gpg(home, "--quick-gen-key", f"Amina <{AMINA}>", "default", "default", "never")
    assert made.returncode == 0, made.stderr.decode()
    listing = gpg(home, "--with-colons", "--list-keys", AMINA).stdout.decode().splitlines()
    fpr = next(listing[i + 1].split(":")[9] for i, line in enumerate(listing) if line.startswith("pub:"))
    return fpr, gpg(home, "--export", fpr).stdout, home


def ack_recipient_keyids(ack) -> set[str]:
    """The key ids an encrypted acknowledgement is encrypted to (gpg --list-packets, no key needed)."""
    assert ack.message.get_content_type() == "multipart/encrypted"
    armored = ack.message.get_payload()[1].get_payload(decode=True)
    listing = subprocess.run(["gpg", "--batch", "--list-packets"], input=armored, capture_output=True,
                             env={**os.environ, "GNUPGHOME": str(Path(os.environ.get("TMPDIR", "/tmp")))})
    return set(re.findall(r"keyid ([0-9A-F]{16})", (listing.stdout + listing.stderr).decode()))


def subkey_ids(key: bytes) -> set[str]:
    shown = subprocess.run(["gpg", "--batch", "--with-colons", "--show-keys"], input=key, capture_output=True)
    return {line.split(":")[4] for line in shown.stdout.decode().splitlines() if line.startswith("sub:")}


def mail(subject: str, body: str, headers: dict[str, str]) -> bytes:
    return client_mail(f"Amina <{AMINA}>", "humanrights", subject, body, html=False, extra_headers=headers)


def explain(config, raw: bytes, tmp_path) -> dict:
    path = tmp_path / "m.eml"
    path.write_bytes(raw)
    result = subprocess.run([sys.executable, "-m", "mailrouter.cli", "explain", str(path), "--mailbox",
                             "humanrights", "--json", "-c", str(config)], capture_output=True, text=True,
                            cwd=str(REPO))
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)["facts"]


def keys_cli(config, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", "keys", *args, "-c", str(config)],
                          capture_output=True, text=True, cwd=str(REPO))


def test_a_forged_new_key_does_not_replace_the_known_one(tmp_path, dovecot, smtp_sink, pgp_homes):
    real_key = dearmor(KEYS / "sender-amina.pub.asc")
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes, ack_window=0)

    # 1. Amina writes with her key: trusted on first use, the acknowledgement is encrypted to it.
    dovecot.append("humanrights", "INBOX", mail("hello", "It is me.", autocrypt(real_key)))
    assert run_once(config).returncode == 0
    [first_ack], _, _ = by_kind(smtp_sink.messages)
    assert ack_recipient_keyids(first_ack) == subkey_ids(real_key)

    # 2. A forger writes as Amina, with a key of his own, signed with it.
    forged_fpr, forged_key, forger_home = forger_key(pgp_homes, tmp_path)
    forged = mail("new phone, new key", "Please use my new key from now on.", autocrypt(forged_key))
    dovecot.append("humanrights", "INBOX", forged)
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 2
    assert ack_recipient_keyids(acks[1]) == subkey_ids(real_key)  # still the known key
    facts = explain(config, forged, tmp_path)
    assert facts["sender_key_changed"] is True and forged_fpr in facts["sender_key_note"]
    assert facts["sender_key"] == FPR["amina"]
    inner = email.message_from_bytes(decrypt_as_alice(pgp_homes, forwards[1]), policy=email.policy.default)
    summary = inner.get_body(("plain",)).get_content()
    assert f"Sender key:  {FPR['amina']} -- CHANGED" in summary and forged_fpr in summary

    # 3. The operator sees both keys, checks with Amina another way, and rejects the forger's.
    shown = keys_cli(config, "show", AMINA)
    assert shown.returncode == 0 and FPR["amina"] in shown.stdout and forged_fpr in shown.stdout
    assert "pending" in shown.stdout
    assert keys_cli(config, "reject", AMINA, forged_fpr).returncode == 0
    assert "rejected" in keys_cli(config, "show", AMINA).stdout
    dovecot.append("humanrights", "INBOX", mail("again", "Use the new key!", autocrypt(forged_key)))
    assert run_once(config).returncode == 0
    acks, _, _ = by_kind(smtp_sink.messages)
    assert ack_recipient_keyids(acks[2]) == subkey_ids(real_key)

    # The key history names neither Amina nor holds key material: pseudonyms and fingerprints.
    import sqlite3

    rows = sqlite3.connect(tmp_path / "store.db").execute("SELECT * FROM sender_keys").fetchall()
    assert len(rows) == 2 and all(AMINA not in str(r) for r in rows)
    assert forged_key[:64] not in (tmp_path / "store.db").read_bytes()


def test_a_rollover_signed_with_the_known_key_is_accepted(tmp_path, dovecot, smtp_sink, pgp_homes):
    """Amina's own new key, in a mail signed with her known key (what a client does on rollover)."""
    real_key = dearmor(KEYS / "sender-amina.pub.asc")
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes, ack_window=0)
    dovecot.append("humanrights", "INBOX", mail("hello", "It is me.", autocrypt(real_key)))
    assert run_once(config).returncode == 0

    new_fpr, new_key, _ = forger_key(pgp_homes, tmp_path)  # "her" new key, this time signed by the old one
    amina_home = Path(str(pgp_homes["alice"]).replace("alice", "amina"))
    amina_home.mkdir(mode=0o700)
    assert gpg(amina_home, "--import", str(KEYS / "sender-amina.sec.asc")).returncode == 0
    signed = gpg(amina_home, "--clearsign", "--local-user", FPR["amina"], input=b"My new key is attached.\n")
    assert signed.returncode == 0
    dovecot.append("humanrights", "INBOX", mail("new key", signed.stdout.decode(), autocrypt(new_key)))
    assert run_once(config).returncode == 0
    shown = keys_cli(config, "show", AMINA).stdout
    assert re.search(rf"{new_fpr}\s+│?\s*current", shown) and re.search(rf"{FPR['amina']}\s+│?\s*retired", shown)
    dovecot.append("humanrights", "INBOX", mail("thanks", "Thanks.", {}))
    assert run_once(config).returncode == 0
    acks, _, _ = by_kind(smtp_sink.messages)
    assert ack_recipient_keyids(acks[-1]) == subkey_ids(new_key)


def test_an_operator_confirms_a_changed_key(tmp_path, dovecot, smtp_sink, pgp_homes):
    real_key = dearmor(KEYS / "sender-amina.pub.asc")
    config = pgp_config(tmp_path, dovecot, smtp_sink, pgp_homes, ack_window=0)
    dovecot.append("humanrights", "INBOX", mail("hello", "It is me.", autocrypt(real_key)))
    assert run_once(config).returncode == 0
    new_fpr, new_key, _ = forger_key(pgp_homes, tmp_path)
    dovecot.append("humanrights", "INBOX", mail("lost my old key", "This is my new one.", autocrypt(new_key)))
    assert run_once(config).returncode == 0
    assert keys_cli(config, "confirm", AMINA, "0" * 40).returncode == 1  # never used by this address
    confirmed = keys_cli(config, "confirm", AMINA, new_fpr)
    assert confirmed.returncode == 0, confirmed.stderr
    dovecot.append("humanrights", "INBOX", mail("ok", "Thanks.", {}))
    assert run_once(config).returncode == 0
    acks, _, _ = by_kind(smtp_sink.messages)
    assert ack_recipient_keyids(acks[-1]) == subkey_ids(new_key)
