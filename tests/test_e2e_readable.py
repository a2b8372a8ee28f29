"""Every message reaches staff readable (issue 13, finding 4): real Dovecot, gpg, SMTP.

Real-world forward shapes (bounces with the returned message attached,
Outlook "forward as attachment" with 8-bit headers, unknown-8bit, CR-only
line ends, broken multipart inside an attached message) must arrive at
staff encrypted, decrypt with the staff key, and carry the original's bytes
unchanged. When composing the forward fails anyway (fault injection), the
original still travels sealed as original-message.eml; a content-free notice
is the last resort, and it tells the truth.
"""

from __future__ import annotations

import base64
import email
import email.policy
import quopri
import shutil
import tempfile
from email.parser import BytesParser
from pathlib import Path

import pytest

from mailfactory import REPO
from pgp_homes import crypto_config, decrypt_as_alice, kill_agents, make_homes
from test_e2e import by_kind, run_once

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
REAL_WORLD = ["dsn_bounce_8bit_returned.eml", "dsn_bounce_unknown_8bit.eml", "outlook_forward_8bit_attached.eml",
              "outlook_forward_mislabelled_utf8.eml", "unknown_8bit_forward.eml", "cr_only_line_ends.eml", "attached_broken_multipart.eml",
              "malformed_attached_message.eml", "header_8bit_latin1.eml"]
ALICE = "alice@staff.example.org"


@pytest.fixture
def homes():
    root = Path(tempfile.mkdtemp(prefix="mrrd-", dir="/tmp"))
    made = make_homes(root)
    yield made
    kill_agents(made)
    shutil.rmtree(root, ignore_errors=True)


def decrypted(homes, forward) -> bytes:
    assert forward.message.get_content_type() == "multipart/encrypted"
    return decrypt_as_alice(homes, forward.message.get_payload()[1].get_payload(decode=True))


def parts_of(data: bytes) -> list[tuple[bytes, bytes]]:
    """(header block, body) of each top-level part of a decrypted forward, sliced from its bytes
    (the email package would parse the attached original, and recurse on deep nesting)."""
    top = BytesParser(policy=email.policy.compat32).parsebytes(data, headersonly=True)
    assert top.get_param("protected-headers") == "v1" and top.get_param("hp") == "cipher"
    out = []
    for chunk in data.split(b"\r\n--" + top.get_boundary().encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, body = chunk[2:].partition(b"\r\n\r\n")
        out.append((head, body))
    return out


def original_in(data: bytes) -> bytes:
    """The original as attached inside the decrypted forward: the .eml file, or the message/rfc822 part's bytes."""
    for head, body in parts_of(data):
        if b'filename="original-message.eml"' in head:
            return base64.b64decode(body)
        if b"message/rfc822" in head.lower():
            return body
    raise AssertionError("the forward carries no original")


def summary_of(data: bytes) -> str:
    head, body = parts_of(data)[0]
    assert b"text/plain" in head
    return quopri.decodestring(body).decode("utf-8")


def test_real_world_shapes_reach_staff_encrypted_with_their_bytes(tmp_path, dovecot, smtp_sink, homes):
    for name in REAL_WORLD:
        dovecot.append("humanrights", "INBOX", (HOSTILE / name).read_bytes())
    config = crypto_config(tmp_path, homes, dovecot, smtp_sink)
    result = run_once(config, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert dovecot.uids("humanrights", "INBOX") == []  # nothing deferred, nothing left behind
    stored = set(dovecot.fetch_all("humanrights", "Processed").values())
    assert len(stored) == len(REAL_WORLD)

    _, forwards, alerts = by_kind(smtp_sink.messages)
    notices = [m for m in smtp_sink.messages if "needs you" in str(m.message.get("Subject", ""))]
    assert notices == [] and alerts == []
    to_alice = [f for f in forwards if ALICE in f.rcpt_tos]
    assert len(to_alice) == len(REAL_WORLD)
    originals = set()
    for fwd in to_alice:
        data = decrypted(homes, fwd)
        originals.add(original_in(data))
        assert "could not be composed" not in summary_of(data)
    assert originals == stored  # every byte of every original, none rewritten


def test_forward_that_cannot_be_composed_still_carries_the_original(tmp_path, dovecot, smtp_sink, homes):
    raw = (HOSTILE / "dsn_bounce_unknown_8bit.eml").read_bytes()
    dovecot.append("humanrights", "INBOX", raw)
    config = crypto_config(tmp_path, homes, dovecot, smtp_sink)
    result = run_once(config, {"MAILROUTER_FAIL_AT": "compose_forward"}, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert dovecot.uids("humanrights", "INBOX") == []
    _, forwards, alerts = by_kind(smtp_sink.messages)
    notices = [m for m in smtp_sink.messages if "needs you" in str(m.message.get("Subject", ""))]
    assert notices == []
    assert sorted(r for f in forwards for r in f.rcpt_tos) == [ALICE, "bola@staff.example.org"]
    data = decrypted(homes, next(f for f in forwards if ALICE in f.rcpt_tos))
    assert original_in(data) == dovecot.fetch_all("humanrights", "Processed")[1]
    assert "could not be composed (InjectedFault)" in summary_of(data)
    assert any(b'filename="original-message.eml"' in head for head, _ in parts_of(data))
    # the operators hear of it, with the error kind and no content
    [alert] = [a for a in alerts if "could not be composed" in str(a.message["Subject"])]
    body = alert.message.get_body(("plain",)).get_content()
    assert "InjectedFault" in body and "original-message.eml" in body
    assert b"Drohung" not in alert.data and b"example.de" not in alert.data


def test_last_resort_notice_tells_what_happened(tmp_path, dovecot, smtp_sink, homes):
    dovecot.append("humanrights", "INBOX", (HOSTILE / "outlook_forward_8bit_attached.eml").read_bytes())
    config = crypto_config(tmp_path, homes, dovecot, smtp_sink)
    result = run_once(config, {"MAILROUTER_FAIL_AT": "compose_forward,compose_raw_forward"}, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert dovecot.uids("humanrights", "INBOX") == [] and len(dovecot.uids("humanrights", "Processed")) == 1
    _, forwards, alerts = by_kind(smtp_sink.messages)
    notices = [m for m in smtp_sink.messages if "needs you" in str(m.message.get("Subject", ""))]
    assert forwards == []
    assert sorted(r for n in notices for r in n.rcpt_tos) == [ALICE, "bola@staff.example.org"]
    for notice in notices:
        text = notice.message.get_body(("plain",)).get_content()
        assert "internal error InjectedFault" in text and "processed folder" in text
        assert "fix your key" not in text
        assert b"Amea" not in notice.data and b"maria" not in notice.data.lower()
    [alert] = [a for a in alerts if "could not be composed" in str(a.message["Subject"])]
    assert "InjectedFault" in alert.message.get_body(("plain",)).get_content()
