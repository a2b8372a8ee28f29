"""Specification of what mailrouter writes: header safety, the acknowledgement and
forward shapes (RFC 3834), Message-IDs, the sealing decision and templates. Pure;
sealing itself is tested end to end with real gpg (test_e2e_pgp.py)."""

from __future__ import annotations

import email
import email.policy

import pytest

from mailrouter.outgoing.compose import (OUTGOING_HEADERS, CaseRef, ack_message, forward_message, message_id,
                                original_attachment, to_outgoing)
from mailrouter.facts import build_facts
from mailrouter.outgoing.headers import UnsafeHeaders, check_header_block, clean_header_value, safe_address, safe_message_id
from mailrouter.model import Decision, RuleHit
from mailrouter.parse import parse
from mailrouter.outgoing.render import Templates, fallback_chain
from mailrouter.outgoing.seal import outer_subject

CASE = CaseRef("01JCASE0000000000000000000", "7F3K", "emergency", "emergency@example.org")
RAW = (b"From: Nadia <nadia@example.net>\r\nTo: emergency@example.org\r\nSubject: help\r\n"
       b"Message-ID: <m1@example.net>\r\nReferences: <m0@example.net>\r\n\r\nThey know where I live.\r\n")
DECISION = Decision(urgency="critical", language="ar", tags=["threat"], forward_teams=["emergency"],
                    rules=[RuleHit("emergency-critical", "mailbox emergency")])


# --- header safety -----------------------------------------------------------

@pytest.mark.parametrize("value, cleaned", [
    ("plain", "plain"),
    ("two\r\nBcc: x@evil.example", "two Bcc: x@evil.example"),
    ("=?utf-8?b?DQpCY2M6IHhAZXZpbC5leGFtcGxl?=", "= ?utf-8?b?DQpCY2M6IHhAZXZpbC5leGFtcGxl?="),
    ("tab\there\x00nul", "tab here nul"),
    ("x" * 300, "x" * 200),
])
def test_clean_header_value(value, cleaned):
    assert clean_header_value(value) == cleaned


@pytest.mark.parametrize("value, ok", [
    ("nadia@example.net", True), ("nadia+tag@example.net", True), (None, False), ("", False),
    ("a@b", False), ("a,b@example.net", False), ("na\ndia@example.net", False), ("nädia@example.net", False),
    ("=?utf-8?q?x?=@example.net", False), ("a" * 250 + "@example.net", False),
])
def test_safe_address(value, ok):
    assert safe_address(value) == (value if ok else None)


@pytest.mark.parametrize("value, ok", [
    ("<m1@example.net>", True), ("m1@example.net", False), ("<a b@example.net>", False),
    ("<=?utf-8?b?DQo=?=@x>", False), ("<" + "x" * 300 + ">", False),
])
def test_safe_message_id(value, ok):
    assert (safe_message_id(value) is not None) is ok


def test_header_allow_list_refuses_anything_we_did_not_write():
    good = b"From: a@example.org\r\nSubject: x\r\n  folded\r\n\r\nbody"
    check_header_block(good, OUTGOING_HEADERS)
    for bad in (b"From: a@example.org\r\nBcc: victim@example.net\r\n\r\nbody", b"no separator at all",
                b"From: a@example.org\r\nBad Name: x\r\n\r\n"):
        with pytest.raises(UnsafeHeaders):
            check_header_block(bad, OUTGOING_HEADERS)


# --- Message-IDs ---------------------------------------------------------------

def test_message_ids_reveal_neither_the_case_nor_each_other():
    ack, forward = message_id(CASE, "ack", "mr.test"), message_id(CASE, "forward", "mr.test")
    assert ack.endswith(".ack@mr.test>") and forward.endswith(".forward@mr.test>")
    assert CASE.id not in ack + forward and CASE.tag not in ack + forward
    assert ack.split(".")[0] != forward.split(".")[0]
    assert message_id(CASE, "ack", "mr.test") == ack  # stable for one case
    other = CaseRef(CASE.id, CASE.tag, CASE.mailbox, CASE.mailbox_address)  # same id, new secret
    assert message_id(other, "ack", "mr.test") != ack


# --- the acknowledgement ---------------------------------------------------------

def test_acknowledgement_is_an_rfc3834_auto_reply():
    parsed = parse(RAW)
    facts = build_facts("emergency", parsed, own_addresses={"emergency@example.org"})
    msg = ack_message(CASE, parsed, facts, "We received your message", "Body text.", "mr.test", language="ar")
    assert msg["To"] == "nadia@example.net" and msg["From"] == "emergency@example.org"
    assert msg["Auto-Submitted"] == "auto-replied" and msg["X-Auto-Response-Suppress"] == "All"
    assert msg["In-Reply-To"] == "<m1@example.net>"
    assert msg["References"] == "<m0@example.net> <m1@example.net>"
    assert msg["Content-Language"] == "ar"
    html = msg.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    out = to_outgoing("ack", msg, "", ["nadia@example.net"])
    assert out.envelope_from == "" and out.kind == "ack"  # the null sender: bounces of it make no mail


def test_no_acknowledgement_to_an_unusable_address():
    parsed = parse(RAW.replace(b"nadia@example.net", b"nadia@@example.net"))
    facts = build_facts("emergency", parsed, own_addresses=set())
    assert ack_message(CASE, parsed, facts, "s", "b", "mr.test") is None


# --- the forward ---------------------------------------------------------------------

def test_forward_headers_and_the_original_attached_unchanged():
    msg = forward_message(CASE, DECISION, RAW, "summary", ["chen@staff.example.org"], "mr.test",
                          ["parse-defects"], reply_to=["nadia@example.net", "emergency@example.org"])
    assert msg["Subject"] == "[CRITICAL][ar][case 7F3K]"
    assert (msg["X-Mailrouter-Case"], msg["X-Mailrouter-Urgency"], msg["X-Mailrouter-Language"]) == (
        "7F3K", "critical", "ar")
    assert msg["X-Mailrouter-Rules"] == "emergency-critical" and msg["X-Mailrouter-Flags"] == "parse-defects"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Reply-To"] == "nadia@example.net, emergency@example.org"
    data = to_outgoing("forward", msg, "mailrouter@example.org", ["chen@staff.example.org"]).data
    assert RAW in data  # byte for byte, as message/rfc822
    again = email.message_from_bytes(data, policy=email.policy.default)
    assert [p.get_content_type() for p in again.iter_parts()] == ["text/plain", "message/rfc822"]


@pytest.mark.parametrize("raw, kind", [
    (RAW, ("message", "rfc822")),
    (RAW.replace(b"They", "Они".encode()), ("application", "octet-stream")),  # 8-bit
    (b"Subject: x\r\n\r\n" + b"y" * 2000 + b"\r\n", ("application", "octet-stream")),  # line over 998
    (b"\x00binary", ("application", "octet-stream")),
])
def test_the_original_is_attached_so_no_relay_can_mangle_it(raw, kind):
    maintype, subtype, payload, _ = original_attachment(raw)
    assert (maintype, subtype) == kind and payload == raw


# --- sealing decision ---------------------------------------------------------------

@pytest.mark.parametrize("policy, subject", [
    ("urgency-and-case", "[CRITICAL][case 7F3K]"), ("case", "[case 7F3K]"), ("none", "..."),
])
def test_the_outer_subject_of_an_encrypted_forward_shows_only_what_the_policy_allows(policy, subject):
    assert outer_subject("[CRITICAL][ar][case 7F3K] real subject", "critical", "7F3K", policy) == subject


# --- templates ---------------------------------------------------------------------

@pytest.mark.parametrize("language, chain", [
    ("ar", ["ar", "multi", "en"]),
    ("fa-AF", ["fa-af", "fa", "multi", "en"]),
    ("arz", ["arz", "ar", "multi", "en"]),
    ("pt-BR", ["pt-br", "pt", "multi", "en"]),
    ("und", ["multi", "en"]),
])
def test_acknowledgement_language_fallback_chain(language, chain):
    assert fallback_chain(language) == chain


def test_templates_run_sandboxed(tmp_path):
    (tmp_path / "ack" / "emergency").mkdir(parents=True)
    (tmp_path / "ack" / "emergency" / "en.txt.j2").write_text(
        "Subject: got it {{ case_tag }}\n\n{{ ''.__class__.__mro__ }}\n")
    from mailrouter.outgoing.render import TemplateProblem

    with pytest.raises(TemplateProblem):
        Templates(tmp_path).render_ack("emergency", "en", {"case_tag": "7F3K"})
    rendered = Templates(tmp_path).render_builtin_ack({"case_tag": "7F3K", "mailbox_address": "e@example.org"})
    assert rendered.subject == "We received your message [7F3K]" and rendered.template == "builtin"
