"""mailrouter.crypto against real gpg and the committed client-shaped fixtures.

No mocks: every test runs gpg on throw-away GnuPG homes under /tmp (short
paths, for gpg-agent's socket) built from the committed armoured keys in
tests/fixtures/pgp/keys. See tests/fixtures/pgp/README.md for the fixtures.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from mailrouter.crypto import Crypto, CryptoError, DecryptResult, KeyProblem, passphrase_from

FIXTURES = Path(__file__).parent / "fixtures" / "pgp"
REPO = Path(__file__).resolve().parent.parent
KEYS = FIXTURES / "keys"
MAIL = FIXTURES / "mail"
PASSPHRASE = (KEYS / "passphrase.txt").read_text(encoding="utf-8").rstrip("\n")
FPR = json.loads((KEYS / "fingerprints.json").read_text())

SERVICE_SECRET = ["service-talk.sec.asc", "service-emergency.sec.asc", "service-old-expired.sec.asc"]
STAFF = {"alice": "staff-alice.pub.asc", "bob": "staff-bob.pub.asc", "carol_expired": "staff-carol-expired.pub.asc", "dan_signonly": "staff-dan-signonly.pub.asc"}
KNOWN_SENDERS = ["sender-amina.pub.asc", "sender-tomas-expired.pub.asc", "sender-lin-revoked.pub.asc", "sender-mallory.pub.asc"]

GPG = shutil.which("gpg")
if GPG is None:  # pragma: no cover - the test command must say how to fix it
    raise RuntimeError("gpg is required for tests/test_crypto.py: apt-get install gnupg")


# ------------------------------------------------------------------ helpers


def gpg(home: Path, *args: str, input: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [GPG, "--homedir", str(home), "--batch", "--no-tty", "--pinentry-mode", "loopback", *args],
        input=input,
        capture_output=True,
        check=False,
    )


def kill_agent(home: Path) -> None:
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"], capture_output=True)


def new_home(root: Path, name: str) -> Path:
    home = root / name
    home.mkdir(mode=0o700)
    return home


def fingerprints(home: Path, secret: bool = False) -> set[str]:
    out = gpg(home, "--list-secret-keys" if secret else "--list-keys", "--with-colons").stdout.decode()
    fprs, want = set(), False
    for line in out.splitlines():
        if line.startswith(("pub:", "sec:")):
            want = True
        elif line.startswith("fpr:") and want:
            fprs.add(line.split(":")[9])
            want = False
    return fprs


def load(name: str) -> bytes:
    return (MAIL / f"{name}.eml").read_bytes()


def outer_from(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["From"])


def canary(name: str) -> str:
    return f"CANARY-{name}-7f3a"


def parse(inner: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(inner, policy=email.policy.default)


def all_text(msg: email.message.EmailMessage) -> str:
    """Every leaf part decoded (transfer encoding and charset undone)."""
    out = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        out.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
    return "\n".join(out)


def needles(secret: str) -> list[bytes]:
    """The secret as bytes and as it would appear base64-encoded at any alignment."""
    raw = secret.encode()
    out = [raw]
    for shift in range(3):
        enc = base64.b64encode(b"x" * shift + raw)
        out.append(enc[4 if shift else 0 : len(enc) - 4])
    return out


def files_containing(paths: list[Path], secrets: list[str], since: float) -> list[str]:
    hits = []
    needle_map = {s: needles(s) for s in secrets}
    for base in paths:
        if not base.exists():
            continue
        for dirpath, _dirs, files in os.walk(base):
            if Path(dirpath).resolve() == REPO or REPO in Path(dirpath).resolve().parents:
                continue  # the repository's own fixtures hold the canaries by design
            for fn in files:
                p = Path(dirpath) / fn
                try:
                    st = p.lstat()
                    if not p.is_file() or st.st_size > 20_000_000 or st.st_mtime < since:
                        continue
                    data = p.read_bytes()
                except OSError:
                    continue
                squeezed = re.sub(rb"\s+", b"", data)
                for secret, ns in needle_map.items():
                    if any(n in data or n in squeezed for n in ns):
                        hits.append(f"{p}: {secret}")
    return hits


# ----------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """Service home (service secret keys + pinned staff keys) and correspondents home, built once."""
    root = Path(tempfile.mkdtemp(prefix="mrt-", dir="/tmp"))
    svc, cor = new_home(root, "s"), new_home(root, "c")
    for f in SERVICE_SECRET:
        cp = gpg(svc, "--passphrase", PASSPHRASE, "--import", str(KEYS / f))
        assert cp.returncode == 0, cp.stderr
    with Crypto(svc, cor, passphrase=PASSPHRASE) as c:
        for name, f in STAFF.items():
            assert c.import_staff_key((KEYS / f).read_bytes(), FPR[name]) == FPR[name]
    for f in KNOWN_SENDERS:
        cp = gpg(cor, "--import", str(KEYS / f))
        assert cp.returncode == 0, cp.stderr
    kill_agent(cor)
    yield root
    kill_agent(svc)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def env(template):
    """A Crypto over the session's service home and a fresh copy of the correspondents keyring.

    The service home (secret keys, staff keys) is shared so its gpg-agent starts once
    per session (it caches no passphrase: see test_agent_never_caches_passphrase);
    open_message never writes to it. Tests that change it use private_service().
    """
    root = Path(tempfile.mkdtemp(prefix="mr-", dir="/tmp"))
    ignore = shutil.ignore_patterns("S.*", "*.lock", ".#lk*")
    shutil.copytree(template / "c", root / "c", ignore=ignore)
    homes: list[Path] = [root / "c"]

    class Env:
        path = root
        svc = template / "s"
        cor = root / "c"

        @staticmethod
        def crypto(svc: Path | None = None, **kw) -> Crypto:
            kw.setdefault("passphrase", PASSPHRASE)
            return Crypto(svc or template / "s", root / "c", **kw)

        @staticmethod
        def private_service() -> Path:
            home = root / f"s{len(homes)}"
            shutil.copytree(template / "s", home, ignore=ignore)
            homes.append(home)
            return home

    e = Env()
    e.c = e.crypto()
    yield e
    for home in homes:
        kill_agent(home)
    shutil.rmtree(root, ignore_errors=True)


def open_fixture(c: Crypto, name: str) -> DecryptResult:
    raw = load(name)
    return c.open_message(raw, outer_from(raw))


# ------------------------------------------------------------ client shapes

CLIENTS = {
    # name: (protected/visible subject, signature status, signer, signer matches From)
    "thunderbird_protected_headers": ("My home address was posted online", "valid", "jo", True),
    "enigmail_legacy_display": ("Question about the safe-contact list", "valid", "amina", True),
    "rfc9788_header_protection": ("They took my phone at the border", "valid", "amina", True),
    "mailvelope_pgpmime": ("Follow-up on my report", "none", None, False),
    "mailvelope_inline_webmail": ("Re: your message", "none", None, False),
    "webmail_inline_html_only": ("help", "none", None, False),
    "k9_openkeychain": ("Harassment at the meetup", "valid", "sam", True),
    "proton_pgpmime": ("Brother detained - need a lawyer contact", "valid", "rami", True),
    "deltachat_autocrypt": ("Message from Kim", "valid", "kim", True),
    "mutt_inline_pgp": ("urgent", "valid", "amina", True),
    "signed_then_encrypted": ("incidents March", "valid", "amina", True),
    "encrypted_then_signed": ("update", "valid", "amina", True),
    "inline_with_asc_attachment": ("testimony", "none", None, False),
    "expired_service_key": ("expired_service_key", "none", None, False),
}


@pytest.mark.parametrize("name", sorted(CLIENTS))
def test_client_shape_decrypts(env, name):
    subject, status, signer, matches = CLIENTS[name]
    raw = load(name)
    assert canary(name).encode() not in raw  # the fixture really is encrypted
    r = env.c.open_message(raw, outer_from(raw))
    assert r.crypto.encrypted and r.crypto.decrypted, r.crypto.error
    assert r.crypto.error is None
    msg = parse(r.inner)
    assert msg["Subject"] == subject
    assert msg.get_all("Subject") == [subject]  # the outer "..." / "[...]" is gone
    assert canary(name) in all_text(msg)
    assert "-----BEGIN PGP MESSAGE-----" not in all_text(msg)
    assert msg["From"] == email.message_from_bytes(raw, policy=email.policy.default)["From"]
    sig = r.crypto.signature
    assert sig.status == status
    assert sig.signer_uid_matches_sender is matches
    if signer:
        assert sig.fingerprint == FPR[signer]


def test_protected_headers_details(env):
    r = open_fixture(env.c, "thunderbird_protected_headers")
    msg = parse(r.inner)
    assert msg.get_content_type() == "multipart/mixed"
    assert msg["Message-ID"] == "<3f0e2a51-6c3b-4c1e-9a55-1b2f6f0c9e21@posteo.example>"
    assert "protected headers applied" in r.notes
    # Enigmail's legacy text/rfc822-headers part is removed, not shown as body text
    msg = parse(open_fixture(env.c, "enigmail_legacy_display").inner)
    assert [p.get_content_type() for p in msg.walk()] == ["multipart/mixed", "text/plain"]
    # RFC 9788: HP-Outer stays inside, the legacy display element is removed
    r = open_fixture(env.c, "rfc9788_header_protection")
    msg = parse(r.inner)
    assert msg["HP-Outer"] is None
    body = msg.get_content()
    assert not body.startswith("Subject:") and body.startswith("Border officers")
    # Delta Chat's inner headers win, Chat-Version is kept
    msg = parse(open_fixture(env.c, "deltachat_autocrypt").inner)
    assert msg["Chat-Version"] == "1.0" and msg["Subject"] == "Message from Kim"


def test_inline_attachments_and_html(env):
    r = open_fixture(env.c, "inline_with_asc_attachment")
    msg = parse(r.inner)
    names = {p.get_filename(): p for p in msg.iter_attachments()}
    assert set(names) == {"testimony.txt", "contacts.csv"}
    assert canary("inline_with_asc_attachment-testimony").encode() in names["testimony.txt"].get_payload(decode=True)
    assert canary("inline_with_asc_attachment-contacts").encode() in names["contacts.csv"].get_payload(decode=True)
    assert msg.get_body(("plain",)).get_content().startswith("I attach my written testimony")
    r = open_fixture(env.c, "webmail_inline_html_only")
    assert "encrypted block read from an HTML part" in r.notes
    assert "Bonjour, je suis bénévole" in parse(r.inner).get_content()


def test_encrypted_message_wrapped_by_a_mailing_list(env):
    raw = load("mailvelope_pgpmime")
    head, body = raw.split(b"\n\n", 1)
    head_lines = [ln for ln in head.split(b"\n") if not ln.lower().startswith(b"content-type")]
    enc_ct = re.search(rb"(?m)^Content-Type: multipart/encrypted.*$", head).group(0)
    wrapped = (
        b"\n".join(head_lines)
        + b'\nContent-Type: multipart/mixed; boundary="list-footer"\n\n--list-footer\n'
        + enc_ct + b"\n\n" + body
        + b"\n--list-footer\nContent-Type: text/plain\n\n-- \nlist footer\n--list-footer--\n"
    )
    r = env.c.open_message(wrapped, "amina@volunteers.example")
    assert r.crypto.decrypted, r.crypto.error
    assert canary("mailvelope_pgpmime") in all_text(parse(r.inner))


def test_smime_signature_is_not_an_openpgp_failure(env):
    raw = (
        b"From: a@b.example\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
        b" micalg=sha-256; boundary=s\n\n--s\nContent-Type: text/plain\n\nhello\n--s\n"
        b"Content-Type: application/pkcs7-signature\n\nMIIB\n--s--\n"
    )
    r = env.c.open_message(raw, "a@b.example")
    assert r.crypto.signature.status == "none" and not r.crypto.encrypted


# --------------------------------------------------------------- signatures

SIGNED = {
    "mutt_pgpmime_signed": ("valid", "amina", True),
    "inline_clearsigned": ("valid", "amina", True),
    "sig_unknown_key": ("unknown_key", "stranger", False),
    "sig_bad": ("invalid", "amina", False),
    "sig_expired_key": ("expired_key", "tomas_expired", True),
    "sig_revoked_key": ("revoked_key", "lin_revoked", True),
    "sig_uid_mismatch": ("valid", "mallory", False),
}


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_signature_status(env, name):
    status, signer, matches = SIGNED[name]
    r = open_fixture(env.c, name)
    assert not r.crypto.encrypted and not r.crypto.decrypted and r.inner is None
    assert r.crypto.error is None
    assert r.crypto.signature.status == status
    assert r.crypto.signature.fingerprint == FPR[signer]
    assert r.crypto.signature.signer_uid_matches_sender is matches


def test_good_signature_by_someone_else_is_distinguishable(env):
    by_sender = open_fixture(env.c, "mutt_pgpmime_signed").crypto.signature
    by_other = open_fixture(env.c, "sig_uid_mismatch").crypto.signature
    assert (by_sender.status, by_sender.signer_uid_matches_sender) == ("valid", True)
    assert (by_other.status, by_other.signer_uid_matches_sender) == ("valid", False)
    # and the same signed mail claimed by another From address is not "from the sender"
    raw = load("mutt_pgpmime_signed")
    assert env.c.open_message(raw, "someone@else.example").crypto.signature.signer_uid_matches_sender is False


def test_signature_checked_over_exact_bytes(env):
    raw = load("mutt_pgpmime_signed")
    # CRLF or LF storage does not matter (RFC 3156 canonical form is CRLF)
    crlf = raw.replace(b"\n", b"\r\n")
    assert env.c.open_message(crlf, "amina@volunteers.example").crypto.signature.status == "valid"
    # one trailing space in the signed part breaks it: nothing is re-serialised or normalised
    tampered = raw.replace(b"Signed with my usual key.", b"Signed with my usual key. ", 1)
    assert tampered != raw
    assert env.c.open_message(tampered, "amina@volunteers.example").crypto.signature.status == "invalid"


# ----------------------------------------------------------------- failures

FAILURES = {
    "fail_unknown_key": "could not decrypt: not encrypted to any key we hold",
    "fail_corrupt": "could not decrypt: corrupt ciphertext (integrity check failed)",
    "fail_unsupported_algorithm": "could not decrypt: unsupported algorithm",
    "fail_bomb": "could not decrypt: output limit exceeded",
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_failure_is_clear_and_content_free(env, name):
    r = open_fixture(env.c, name)
    assert r.crypto.encrypted and not r.crypto.decrypted
    assert r.inner is None
    assert r.crypto.error == FAILURES[name]
    assert r.crypto.signature.status == "none"


def test_bomb_refused_fast_with_bounded_memory(env):
    raw = load("fail_bomb")
    tracemalloc.start()
    t0 = time.monotonic()
    r = env.c.open_message(raw, outer_from(raw))  # default limit: 50 MB of output
    elapsed = time.monotonic() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert r.crypto.error == "could not decrypt: output limit exceeded"
    assert elapsed < 10, elapsed
    assert peak < 3 * env.c.max_output_bytes, peak  # 1 GB of zeros never reaches memory
    small = env.crypto(max_output_bytes=1_000_000)
    t0 = time.monotonic()
    assert small.open_message(raw, None).crypto.error == "could not decrypt: output limit exceeded"
    assert time.monotonic() - t0 < 10


def test_hung_gpg_is_killed(env):
    slow = env.crypto(max_output_bytes=4_000_000_000, timeout_s=1.0)
    t0 = time.monotonic()
    r = slow.open_message(load("fail_bomb"), None)
    assert time.monotonic() - t0 < 8
    assert r.crypto.error == "could not decrypt: gpg took longer than the time limit"
    assert r.inner is None


def test_wrong_or_missing_passphrase(env):
    raw = load("mailvelope_pgpmime")
    for bad in ("not the passphrase", None):
        r = env.crypto(passphrase=bad).open_message(raw, outer_from(raw))
        assert not r.crypto.decrypted
        assert r.crypto.error == "could not decrypt: service key passphrase missing or wrong"


def test_non_ascii_passphrase(env):
    """gpg takes passphrases as UTF-8 (python-gnupg would send latin-1)."""
    secret = "pässwörd ключ 🔑"
    root = Path(tempfile.mkdtemp(prefix="mrp-", dir="/tmp"))
    try:
        svc, cor = new_home(root, "s"), new_home(root, "c")
        assert gpg(svc, "--passphrase", secret, "--quick-gen-key", "Svc <svc@example.org>", "ed25519", "cert,sign", "never").returncode == 0
        fpr = fingerprints(svc).pop()
        assert gpg(svc, "--passphrase", secret, "--quick-add-key", fpr, "cv25519", "encr", "never").returncode == 0
        kill_agent(svc)
        armored = gpg(svc, "--trust-model", "always", "--armor", "--encrypt", "-r", fpr, input=b"Content-Type: text/plain\r\n\r\nhi\r\n").stdout
        raw = bytes(Crypto.pgp_mime_wrap(armored))
        with Crypto(svc, cor, passphrase=secret) as c:
            r = c.open_message(raw, None)
            assert r.crypto.decrypted, r.crypto.error
            assert c.check_keys([fpr], {}) == []
    finally:
        kill_agent(root / "s")
        shutil.rmtree(root, ignore_errors=True)


def test_passphrase_from_env_or_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MR_TEST_PASSPHRASE", "s3cret")
    assert passphrase_from(env_var="MR_TEST_PASSPHRASE") == "s3cret"
    f = tmp_path / "pw"
    f.write_text("from file\n")
    assert passphrase_from(file=f) == "from file"
    assert passphrase_from() is None
    with pytest.raises(CryptoError) as exc:
        passphrase_from(env_var="MR_TEST_UNSET_VARIABLE")
    assert "MR_TEST_UNSET_VARIABLE" in exc.value.reason
    f.write_text("two\nlines\n")
    with pytest.raises(CryptoError) as exc:
        passphrase_from(file=f)
    assert "two" not in exc.value.reason


HOSTILE = [
    b"",
    b"\x00\xff" * 100,
    b"From: a@b\n\nno body structure at all\n",
    b'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary=x\n\n--x--\n',
    b'Content-Type: multipart/encrypted; boundary="x"\n\n--x\nContent-Type: application/octet-stream\n\n'
    b"-----BEGIN PGP MESSAGE-----\n\nnot base64 !!!\n-----END PGP MESSAGE-----\n--x--\n",
    b"Content-Type: text/plain\n\n-----BEGIN PGP MESSAGE-----\n\nhQEMA\n=AAAA\n-----END PGP MESSAGE-----\n",
    b'Content-Type: multipart/signed; protocol="application/pgp-signature"; boundary=s\n\n--s\n\nbody\n--s\n'
    b"Content-Type: application/pgp-signature\n\n-----BEGIN PGP SIGNATURE-----\n\ngarbage\n-----END PGP SIGNATURE-----\n--s--\n",
    b"Content-Type: multipart/signed; boundary=s\n\n--s\nonly one part\n--s--\n",
    b"Content-Type: text/plain; charset=x-unknown-charset\nAutocrypt: addr=a@b; keydata=!!!\n\nhello\n",
    b"Content-Type: =?utf-8?q?broken\nFrom: =?x-bad?q?a?= <a@b>\n\n",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_input_never_raises(env, raw):
    r = env.c.open_message(raw, "a@b.example")
    assert isinstance(r, DecryptResult)
    assert r.inner is None or isinstance(r.inner, bytes)
    if r.crypto.encrypted:
        assert r.crypto.decrypted is False and r.crypto.error


def test_truncated_fixture_never_raises(env):
    raw = load("thunderbird_protected_headers")
    armor_start = raw.index(b"-----BEGIN PGP MESSAGE-----")
    for cut in (200, armor_start, armor_start + 300, len(raw) - 80):
        r = env.c.open_message(raw[:cut], "jo@posteo.example")
        assert r.crypto.decrypted is False and r.inner is None
        if cut > 400:  # the Content-Type header is complete: known to be encrypted
            assert r.crypto.encrypted
            assert r.crypto.error and r.crypto.error.startswith("could not decrypt")


# ---------------------------------------------------------------- outgoing


def test_encrypt_entity_round_trip_to_staff(env, tmp_path):
    entity = (
        b'Content-Type: text/plain; charset=utf-8; protected-headers="v1"\r\n'
        b"Subject: [EMERGENCY][en][case 7F3K] forward\r\n\r\n"
        b"Forwarded case text " + canary("forward").encode() + b"\r\n"
    )
    armored = env.c.encrypt_entity(entity, [FPR["alice"], FPR["bob"]], FPR["service_talk"])
    assert armored.startswith(b"-----BEGIN PGP MESSAGE-----")
    assert canary("forward").encode() not in armored
    wrapped = Crypto.pgp_mime_wrap(armored)
    assert wrapped.get_content_type() == "multipart/encrypted"
    assert wrapped.get_param("protocol") == "application/pgp-encrypted"
    version, body = wrapped.get_payload()
    assert version.get_content_type() == "application/pgp-encrypted" and "Version: 1" in version.get_payload()
    assert body.get_content_type() == "application/octet-stream"
    wrapped["From"] = "Talk to Human Rights <talktohumanrights@example.org>"
    wrapped["To"] = "alice@staff.example.org"
    wrapped["Subject"] = "[EMERGENCY][case 7F3K]"
    raw = wrapped.as_bytes()

    # Alice's side: her secret key, the service public key as a correspondent
    root = Path(tempfile.mkdtemp(prefix="mra-", dir="/tmp"))
    try:
        ahome, acor = new_home(root, "s"), new_home(root, "c")
        assert gpg(ahome, "--passphrase", "", "--import", str(KEYS / "staff-alice.sec.asc")).returncode == 0
        assert gpg(acor, "--import", str(KEYS / "service-talk.pub.asc")).returncode == 0
        with Crypto(ahome, acor) as alice:
            r = alice.open_message(raw, "talktohumanrights@example.org")
        assert r.crypto.decrypted, r.crypto.error
        assert r.crypto.signature.status == "valid"
        assert r.crypto.signature.fingerprint == FPR["service_talk"]
        assert r.crypto.signature.signer_uid_matches_sender is True
        msg = parse(r.inner)
        assert msg["Subject"] == "[EMERGENCY][en][case 7F3K] forward"  # protected subject wins
        assert canary("forward") in msg.get_content()
        # bob can decrypt too (both recipients), with plain gpg
        ciphertext = re.search(rb"-----BEGIN PGP MESSAGE-----.*?-----END PGP MESSAGE-----", raw, re.S).group(0)
        assert gpg(ahome, "--decrypt", input=ciphertext).stdout == entity
    finally:
        kill_agent(root / "s")
        shutil.rmtree(root, ignore_errors=True)


def test_ack_encrypted_to_known_sender_key(env):
    assert env.c.key_for_address("Amina <AMINA@volunteers.example>") == FPR["amina"]
    assert env.c.key_for_address("tomas@example.net") is None  # expired
    assert env.c.key_for_address("lin@example.com") is None  # revoked
    assert env.c.key_for_address("nobody@example.org") is None
    entity = b"Content-Type: text/plain\r\n\r\nWe received your message. " + canary("ack").encode() + b"\r\n"
    armored = env.c.encrypt_entity(entity, [FPR["amina"]], FPR["service_talk"])
    root = Path(tempfile.mkdtemp(prefix="mrk-", dir="/tmp"))
    try:
        home = new_home(root, "h")
        assert gpg(home, "--passphrase", "", "--import", str(KEYS / "sender-amina.sec.asc")).returncode == 0
        assert gpg(home, "--import", str(KEYS / "service-talk.pub.asc")).returncode == 0
        cp = gpg(home, "--status-fd", "2", "--decrypt", input=armored)
        assert cp.returncode == 0 and cp.stdout == entity
        assert f"VALIDSIG {FPR['service_talk']}".encode() in cp.stderr
    finally:
        kill_agent(root / "h")
        shutil.rmtree(root, ignore_errors=True)


def test_encrypt_entity_refusals(env):
    entity = b"Content-Type: text/plain\r\n\r\nx\r\n"
    cases = [
        (([FPR["carol_expired"]], None), "has expired"),
        ((["0123456789ABCDEF0123456789ABCDEF01234567"], None), "no public key"),
        (([FPR["dan_signonly"]], None), "no usable encryption subkey"),
        (([FPR["lin_revoked"]], None), "is revoked"),
        (([FPR["alice"]], FPR["service_old_expired"]), "signing key"),
        (([FPR["alice"]], FPR["alice"]), "no secret key"),
        (([], None), "no recipient"),
        ((["alice@staff.example.org"], None), "fingerprint"),
    ]
    for (recips, signer), expected in cases:
        with pytest.raises(CryptoError) as exc:
            env.c.encrypt_entity(entity, recips, signer)
        assert expected in exc.value.reason, (recips, signer, exc.value.reason)
    with pytest.raises(CryptoError, match="passphrase"):
        env.crypto(passphrase="wrong").encrypt_entity(entity, [FPR["alice"]], FPR["service_talk"])
    # encrypting without signing needs no passphrase
    assert env.crypto(passphrase=None).encrypt_entity(entity, [FPR["alice"]], None).startswith(b"-----BEGIN PGP MESSAGE-----")


# -------------------------------------------------------------- sender keys


def test_sender_key_imported_only_when_uid_matches(env):
    before_service = fingerprints(env.svc)
    # Autocrypt header and attached key both carry a key whose user ID is someone else's
    r = open_fixture(env.c, "autocrypt_uid_mismatch")
    assert r.imported_keys == []
    assert FPR["stranger"] not in fingerprints(env.cor)
    assert env.c.key_for_address("newcomer@volunteers.example") is None
    assert "sender key from Autocrypt header not imported: no user ID with the sender's address" in r.notes

    # the right sender: imported, usable for acknowledgements
    r = open_fixture(env.c, "k9_openkeychain")
    assert r.imported_keys == [FPR["sam"]]
    assert r.crypto.sender_key_fingerprint == FPR["sam"]
    assert env.c.key_for_address("sam@k9.example") == FPR["sam"]

    # a Thunderbird message relayed under another From: the attached key is not imported
    raw = load("thunderbird_protected_headers")
    r = env.c.open_message(raw, "someone@else.example")
    assert r.crypto.decrypted
    assert r.imported_keys == []
    assert FPR["jo"] not in fingerprints(env.cor)
    assert "protected From differs from the outer From" in r.notes
    assert r.crypto.signature.signer_uid_matches_sender is False
    assert r.crypto.sender_key_fingerprint is None

    # nothing ever lands in the service home, nor gets ownertrust
    assert fingerprints(env.svc) == before_service
    assert fingerprints(env.cor, secret=True) == set()
    ownertrust = gpg(env.cor, "--export-ownertrust").stdout.decode()
    assert FPR["sam"] not in ownertrust


def test_imported_key_keeps_only_the_sender_uid(env):
    # a key with two user IDs, one of them the sender's: only that one is kept
    root = Path(tempfile.mkdtemp(prefix="mru-", dir="/tmp"))
    try:
        h = new_home(root, "h")
        gpg(h, "--passphrase", "", "--quick-gen-key", "Other Name <other@elsewhere.example>", "ed25519", "cert,sign", "never")
        fpr = fingerprints(h).pop()
        gpg(h, "--passphrase", "", "--quick-add-uid", fpr, "Vol <vol@volunteers.example>")
        gpg(h, "--passphrase", "", "--quick-add-key", fpr, "cv25519", "encr", "never")
        key = gpg(h, "--export", fpr).stdout
    finally:
        kill_agent(root / "h")
        shutil.rmtree(root, ignore_errors=True)
    header = "Autocrypt: addr=vol@volunteers.example; keydata=" + base64.b64encode(key).decode()
    raw = f"From: Vol <vol@volunteers.example>\nTo: x@example.org\n{header}\nSubject: hi\n\nhello\n".encode()
    r = env.c.open_message(raw, "vol@volunteers.example")
    assert r.imported_keys == [fpr]
    uids = [ln for ln in gpg(env.cor, "--list-keys", "--with-colons", fpr).stdout.decode().splitlines() if ln.startswith("uid:")]
    assert len(uids) == 1 and "vol@volunteers.example" in uids[0]
    assert env.c.key_for_address("other@elsewhere.example") is None


# ---------------------------------------------------------- nothing on disk


def test_no_plaintext_on_disk_or_in_logs(env, caplog):
    caplog.set_level(logging.DEBUG)
    start = time.time() - 1
    secrets = []
    for eml in sorted(MAIL.glob("*.eml")):
        secrets.append(canary(eml.stem))
        r = env.c.open_message(eml.read_bytes(), outer_from(eml.read_bytes()))
        assert isinstance(r, DecryptResult)
        for note in r.notes + [r.crypto.error or ""]:
            assert "CANARY" not in note and "@" not in note
    secrets += [canary("inline_with_asc_attachment-testimony"), canary("inline_with_asc_attachment-contacts")]
    secrets += [s for s, *_ in CLIENTS.values() if len(s) > 12]
    env.c.encrypt_entity(b"Content-Type: text/plain\r\n\r\n" + canary("outgoing").encode(), [FPR["alice"]], FPR["service_talk"])
    secrets.append(canary("outgoing"))
    signed_only = {canary(n) for n in SIGNED} | {canary("autocrypt_uid_mismatch")}
    homes = [env.path, env.svc]
    assert files_containing(homes + [Path(tempfile.gettempdir())], [s for s in secrets if s not in signed_only], start) == []
    # signed-only mail is plaintext anyway, but gpg must not have kept a copy either
    assert files_containing(homes, sorted(signed_only), start) == []
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for s in secrets:
        assert s not in logged
    assert "@" not in logged


def test_agent_never_caches_passphrase(env):
    conf = (env.svc / "gpg-agent.conf").read_text()
    assert "default-cache-ttl 0" in conf and "max-cache-ttl 0" in conf
    # after a successful decryption, a Crypto without passphrase still cannot decrypt
    raw = load("mailvelope_pgpmime")
    assert env.c.open_message(raw, None).crypto.decrypted
    assert env.crypto(passphrase=None).open_message(raw, None).crypto.decrypted is False
    assert PASSPHRASE not in repr(env.c) and PASSPHRASE not in repr(vars(env.c).get("_svc"))


def test_concurrent_use_is_safe(env):
    names = ["mailvelope_pgpmime", "mutt_pgpmime_signed", "k9_openkeychain", "fail_corrupt"]
    results: dict[str, list] = {n: [] for n in names}

    def work(n):
        results[n].append(open_fixture(env.c, n))

    threads = [threading.Thread(target=work, args=(n,)) for n in names for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(len(v) == 2 for v in results.values())
    assert all(r.crypto.decrypted for r in results["mailvelope_pgpmime"] + results["k9_openkeychain"])
    assert all(r.crypto.signature.status == "valid" for r in results["mutt_pgpmime_signed"])
    assert all(r.crypto.error for r in results["fail_corrupt"])


# ------------------------------------------------------------------- check


def test_check_keys_reports_problems_with_fixes(env):
    staff = {
        "alice": FPR["alice"],
        "bob": FPR["bob"],
        "carol": FPR["carol_expired"],
        "dan": FPR["dan_signonly"],
        "erin": "AAAA BBBB CCCC DDDD EEEE  FFFF 0000 1111 2222 3333",
        "frank": "0xDEADBEEF",
    }
    problems = env.c.check_keys([FPR["service_talk"], FPR["service_emergency"], FPR["service_old_expired"], FPR["alice"]], staff)
    found = {(p.who, p.problem) for p in problems}
    assert found == {
        ("service key", "expired"),
        ("service key", "no_secret_key"),
        ("staff carol", "expired"),
        ("staff dan", "no_encryption_key"),
        ("staff erin", "missing"),
        ("staff frank", "invalid"),
    }
    by = {(p.who, p.problem): p for p in problems}
    assert by[("service key", "expired")].fingerprint == FPR["service_old_expired"]
    assert by[("service key", "no_secret_key")].fingerprint == FPR["alice"]
    assert by[("staff erin", "missing")].fingerprint == "AAAABBBBCCCCDDDDEEEEFFFF0000111122223333"
    for p in problems:
        assert isinstance(p, KeyProblem) and p.severity in ("error", "warning")
        assert p.fix and p.message and str(p).startswith(p.severity)
    assert "--import" in by[("staff erin", "missing")].fix
    assert "quick-set-expire" in by[("staff carol", "expired")].fix
    # a wrong passphrase is caught before mail arrives
    bad = env.crypto(passphrase="wrong").check_keys([FPR["service_talk"]], {})
    assert [(p.who, p.problem) for p in bad] == [("service key", "bad_passphrase")]
    assert env.c.check_keys([FPR["service_talk"]], {"alice": FPR["alice"]}) == []


def test_import_staff_key_checks_the_pin(env):
    svc = env.private_service()
    c = env.crypto(svc)
    data = (KEYS / "staff-bob.pub.asc").read_bytes()
    with pytest.raises(CryptoError, match="does not contain the pinned key"):
        c.import_staff_key(data, FPR["alice"])
    with pytest.raises(CryptoError, match="secret key material"):
        c.import_staff_key((KEYS / "staff-alice.sec.asc").read_bytes(), FPR["alice"])
    both = data + (KEYS / "sender-mallory.pub.asc").read_bytes()
    with pytest.raises(CryptoError, match="other keys"):
        c.import_staff_key(both, FPR["bob"])
    assert FPR["mallory"] not in fingerprints(svc)
    assert fingerprints(svc, secret=True) == fingerprints(env.svc, secret=True)
    gpg(svc, "--yes", "--delete-keys", FPR["bob"])
    assert FPR["bob"] not in fingerprints(svc)
    assert c.import_staff_key(data, FPR["bob"].lower()) == FPR["bob"]
    assert FPR["bob"] in fingerprints(svc)


# ----------------------------------------------------------------- project


def test_only_crypto_imports_gnupg():
    """Only the ``mailrouter/openpgp/`` package imports gnupg."""
    pkg = Path(__file__).resolve().parent.parent / "mailrouter"
    importers = [
        p.relative_to(pkg).as_posix()
        for p in pkg.rglob("*.py")
        if re.search(r"^\s*(import gnupg|from gnupg\b)", p.read_text(encoding="utf-8"), re.M)
    ]
    assert importers
    assert all(name.startswith("openpgp/") for name in importers), importers


def test_fixtures_are_small_and_encrypted_ones_hide_their_canary():
    total = sum(p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file())
    assert total < 2_000_000
    for name in list(CLIENTS) + list(FAILURES):
        assert canary(name).encode() not in load(name)


def test_check_warns_when_only_the_encryption_subkey_expires_soon(tmp_path):
    """A primary key without expiry whose encryption subkey runs out in 5 days."""
    home = Path(tempfile.mkdtemp(prefix="mrsub-", dir="/tmp"))
    try:
        os.chmod(home, 0o700)
        run = lambda *a: subprocess.run(["gpg", "--homedir", str(home), "--batch", "--pinentry-mode", "loopback",  # noqa: E731
                                         "--passphrase", "", *a], capture_output=True, timeout=60)
        assert run("--quick-gen-key", "Soon <soon@staff.example.org>", "ed25519", "cert,sign", "never").returncode == 0
        listing = run("--with-colons", "--list-keys").stdout.decode()
        fpr = next(line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr"))
        assert run("--quick-add-key", fpr, "cv25519", "encr", "5d").returncode == 0
        public = run("--export", "--armor", fpr).stdout
        crypto = Crypto(Path(tempfile.mkdtemp(prefix="mrs-", dir="/tmp")), Path(tempfile.mkdtemp(prefix="mrc-", dir="/tmp")))
        try:
            crypto.import_staff_key(public, fpr)
            problems = crypto.check_keys([], {"soon": fpr})
            assert [(p.problem, p.severity) for p in problems] == [("expires_soon", "warning")]
            assert "encryption subkey expires in" in problems[0].message
        finally:
            crypto.close()
    finally:
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
