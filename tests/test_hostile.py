"""Bounded work for every input with [crypto] configured (issue 13, finding 3).

Hostile shapes (tests/hostile_shapes.py: 200,000 MIME parts, 20,000 nesting
levels of multipart, of message/rfc822 and of multipart/signed, pages of
unterminated tags or armour lines, a header of 200,000 lines over real inline
PGP) go through Pipeline.analyse and Pipeline.compose with a real Crypto,
each in a child process: one that is not done within CAP seconds hangs, and
fails the test. Past a limit the message is forwarded, sealed, and flagged.
The same shapes then go through the whole service (Dovecot, gpg, SMTP sink).
Times are measured by bench/bench_hostile.py, not asserted here.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import tracemalloc
from email.parser import BytesParser
from pathlib import Path

import pytest

import hostile_shapes
from mailfactory import REPO
from mailrouter.crypto import MAX_ENCRYPTED_PIECES, Crypto
from mailrouter.parse import parse
from pgp_homes import KEYS, crypto_config, kill_agents, make_homes
from test_e2e import by_kind, run_once
from test_e2e_readable import decrypted, original_in

CAP = 60  # seconds; with the fix every shape takes under 3 s on a 2-core machine
PASSPHRASE = (KEYS / "passphrase.txt").read_text().rstrip("\n")

# shape -> (parse defect, crypto error fragment or None, flag) expected past the limits
EXPECTED = {
    "many_parts": ("too many parts", "more than 500 MIME parts", "openpgp-not-checked"),
    "deep_multipart": ("nesting too deep", "could not process OpenPGP", "openpgp-not-checked"),
    "deep_rfc822": ("nesting too deep", None, "parse-defects"),
    "deep_signed": ("nesting too deep", "could not process OpenPGP", "openpgp-not-checked"),
    "many_armored": ("too many parts", "more than 500 MIME parts", "not-decrypted"),
    "html_unterminated": (None, None, None),
    "armor_unterminated": ("body text truncated", None, "parse-defects"),
    "short_lines": ("message too costly to parse in full", None, "parse-defects"),
    "folded_header": ("header block too long; cut", "header block larger than 256 KB", "not-decrypted"),
}


@pytest.fixture(scope="module")
def homes():
    root = Path(tempfile.mkdtemp(prefix="mrho-", dir="/tmp"))
    made = make_homes(root)
    yield made
    kill_agents(made)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def config(homes, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    return crypto_config(tmp, homes, maildirs={m: tmp / f"md-{m}" for m in ("humanrights", "emergency")})


def run_shape(config: Path, shape: str) -> dict:
    """The shape through analyse + compose in a child process; fails the test if it is not done within CAP."""
    try:
        cp = subprocess.run([sys.executable, str(REPO / "tests" / "hostile_shapes.py"), str(config), shape],
                            capture_output=True, text=True, timeout=CAP, cwd=str(REPO))
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shape}: no result after {CAP} s (a hang)")
    events = {e["event"]: e for e in map(json.loads, filter(None, cp.stdout.splitlines()))}
    assert cp.returncode == 0, cp.stderr[-2000:]
    assert "error" not in events, events.get("error")
    return events["done"]


@pytest.mark.parametrize("shape", sorted(EXPECTED))
def test_hostile_shape_is_bounded_and_forwarded_flagged(config, shape):
    done = run_shape(config, shape)
    defect, crypto_error, flag = EXPECTED[shape]
    assert done["forward_encrypted"], done  # forwarded, sealed to the staff keys, never dropped
    assert "forward" in done["outgoing"]
    if defect:
        assert defect in done["defects"]
    if crypto_error:
        assert crypto_error in (done["crypto_error"] or ""), done
        assert done["decrypted"] is False
    if flag:
        assert flag in done["flags"]


def test_too_many_encrypted_blocks_are_refused_before_gpg_runs(homes):
    block = b"-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA0x=\r\n-----END PGP MESSAGE-----\r\n"
    raw = (b"From: someone@example.net\r\nContent-Type: text/plain\r\n\r\n"
           + block * (MAX_ENCRYPTED_PIECES + 1))
    with Crypto(homes["svc"], homes["cor"], passphrase=PASSPHRASE) as c:
        result = c.open_message(raw, "someone@example.net")
    assert result.crypto.encrypted and not result.crypto.decrypted
    assert result.crypto.error == f"could not process OpenPGP: more than {MAX_ENCRYPTED_PIECES} encrypted blocks or attachments"


def test_time_budget_covers_all_gpg_calls_of_one_message(homes, tmp_path):
    """350 Autocrypt headers (within the header limit) each cost gpg runs, 10 s or more in all:
    the message's budget (timeout_s) stops them."""
    key = subprocess.run(["gpg", "--homedir", str(homes["cor"]), "--export", "amina@volunteers.example"],
                         capture_output=True).stdout
    assert key
    header = b"Autocrypt: addr=amina@volunteers.example; keydata=" + base64.b64encode(key) + b"\r\n"
    raw = b"From: amina@volunteers.example\r\n" + header * 350 + b"Content-Type: text/plain\r\n\r\nhello\r\n"
    cor = tmp_path / "c"
    shutil.copytree(homes["cor"], cor, ignore=shutil.ignore_patterns("S.*", "*.lock"))
    out: dict = {}
    with Crypto(homes["svc"], cor, passphrase=PASSPHRASE, timeout_s=2) as c:
        worker = threading.Thread(target=lambda: out.update(r=c.open_message(raw, "amina@volunteers.example")), daemon=True)
        worker.start()
        worker.join(CAP)
        assert not worker.is_alive(), f"no result after {CAP} s"
    kill_agents({"c": cor})
    assert out["r"].crypto.error == "could not process OpenPGP: took longer than the time limit"


def test_parse_of_deep_nesting_over_many_lines_is_bounded():
    """49 nested multiparts over 3,000,000 short lines: the feed parser checks each line against
    every open boundary (minutes before); parse now stops at its work budget, and says so."""
    opening = b"".join(b'--%d\r\nContent-Type: multipart/mixed; boundary="%d"\r\n\r\n' % (i - 1, i)
                       for i in range(1, 49))
    raw = (b'From: a@example.net\r\nContent-Type: multipart/mixed; boundary="0"\r\n\r\n' + opening
           + b"--48\r\nContent-Type: text/plain\r\n\r\n" + b"x\r\n" * 3_000_000)
    out: dict = {}
    worker = threading.Thread(target=lambda: out.update(p=parse(raw)), daemon=True)
    worker.start()
    worker.join(CAP)
    assert not worker.is_alive(), f"no result after {CAP} s"
    assert "message too costly to parse in full" in out["p"].defects


def test_parse_of_unterminated_tags_allocates_little():
    """A page of "<a " tags: html.unescape and re.sub made one object per tag (30x the input)."""
    raw = b"From: a@example.net\r\nContent-Type: text/html\r\n\r\n<html><body>" + b"<a " * 300_000
    tracemalloc.start()
    try:
        p = parse(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert p.text.startswith("<a <a ")
    assert peak < 10 * len(raw), peak / len(raw)


def test_hostile_shapes_end_to_end(tmp_path, dovecot, smtp_sink, homes):
    """Through the whole service: each is forwarded once, encrypted, flagged, with its bytes; nothing lost."""
    shapes = ["many_parts", "deep_multipart", "deep_rfc822", "deep_signed"]
    for shape in shapes:
        dovecot.append("humanrights", "INBOX", hostile_shapes.SHAPES[shape]())
    config = crypto_config(tmp_path, homes, dovecot, smtp_sink)
    try:
        result = run_once(config, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("the service did not finish within 300 s")
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert dovecot.uids("humanrights", "INBOX") == []
    stored = set(dovecot.fetch_all("humanrights", "Processed").values())
    assert len(stored) == len(shapes)
    _, forwards, alerts = by_kind(smtp_sink.messages)
    assert not [a for a in alerts if "could not be processed" in str(a.message["Subject"])]
    to_alice = [f for f in forwards if "alice@staff.example.org" in f.rcpt_tos]
    assert len(to_alice) == len(shapes)
    originals = set()
    for fwd in to_alice:
        data = decrypted(homes, fwd)
        flags = BytesParser(policy=email.policy.compat32).parsebytes(data, headersonly=True)["X-Mailrouter-Flags"]
        assert "parse-defects" in flags
        originals.add(original_in(data))
    assert originals == stored
