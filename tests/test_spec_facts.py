"""Specification of the acknowledgement guards (RFC 3834 and de-facto), as a table.

Each row is a message as a client or a robot writes it and the exact reasons
an acknowledgement must not go out; no rule can override them.
"""

from __future__ import annotations

import pytest

from mailrouter.facts import ack_blockers, build_facts
from mailrouter.parse import parse

OWN = {"emergency@example.org", "talktohumanrights@example.org", "mailrouter@example.org"}
MTA = "mx.example.org"


def message(*headers: str, sender: str = "Volunteer <volunteer@example.net>", body: str = "Hello.") -> bytes:
    head = [f"From: {sender}", "To: emergency@example.org", "Subject: help", "Message-ID: <1@example.net>",
            *headers]
    return ("\r\n".join(head) + "\r\n\r\n" + body + "\r\n").encode()


ROWS = [
    ("an ordinary mail", message(), []),
    ("Auto-Submitted: auto-replied", message("Auto-Submitted: auto-replied"), ["Auto-Submitted header"]),
    ("Auto-Submitted: no", message("Auto-Submitted: no"), []),
    ("null Return-Path", message("Return-Path: <>"), ["empty Return-Path (bounce)"]),
    ("delivery report", message('Content-Type: multipart/report; report-type=delivery-status; boundary="b"'),
     ["delivery or disposition report"]),
    ("Precedence: bulk", message("Precedence: bulk"), ["Precedence bulk/list/junk"]),
    ("Precedence: junk", message("Precedence: junk"), ["Precedence bulk/list/junk"]),
    ("List-Id", message("List-Id: <volunteers.lists.example.net>"), ["mailing list headers"]),
    ("List-Unsubscribe", message("List-Unsubscribe: <mailto:leave@example.net>"), ["mailing list headers"]),
    ("X-Autoreply", message("X-Autoreply: yes"), ["auto-reply headers"]),
    ("X-Auto-Response-Suppress: OOF", message("X-Auto-Response-Suppress: OOF"), ["X-Auto-Response-Suppress"]),
    ("no-reply sender", message(sender="no-reply@service.example"), ["no-reply or system sender"]),
    ("MAILER-DAEMON", message(sender="MAILER-DAEMON@mx.example.net"), ["no-reply or system sender"]),
    ("our own address", message(sender="emergency@example.org"), ["sent by one of our own addresses"]),
    ("our own sub-address", message(sender="Emergency+loop@example.org"), ["sent by one of our own addresses"]),
    ("no From at all", b"To: emergency@example.org\r\nSubject: x\r\n\r\nhi\r\n", ["no usable sender address"]),
    ("DMARC fail recorded by our MTA", message(f"Authentication-Results: {MTA}; dmarc=fail header.from=example.net"),
     ["DMARC failed (recorded by our MTA)"]),
    ("SPF fail without DKIM pass", message(f"Authentication-Results: {MTA}; spf=fail smtp.mailfrom=example.net"),
     ["SPF failed and no DKIM pass for the From domain (recorded by our MTA)"]),
    ("SPF fail with DKIM pass (a forwarder)",
     message(f"Authentication-Results: {MTA}; spf=fail smtp.mailfrom=example.net; dkim=pass header.d=example.net"),
     []),
    ("DMARC fail from someone else's server", message("Authentication-Results: other.example; dmarc=fail"), []),
]


@pytest.mark.parametrize("raw, expected", [(r, e) for _, r, e in ROWS], ids=[name for name, _, _ in ROWS])
def test_ack_blockers(raw: bytes, expected: list[str]) -> None:
    parsed = parse(raw)
    assert ack_blockers(parsed, parsed.from_addr, OWN, MTA) == expected


def test_the_transport_headers_decide_not_the_decrypted_inner_message() -> None:
    """An encrypted inner message could name anyone as From and carry no robot headers."""
    outer = parse(message("Auto-Submitted: auto-replied", sender="robot@example.net"))
    inner = parse(message(sender="someone-else@example.com"))
    facts = build_facts("emergency", inner, own_addresses=OWN, outer=outer)
    assert facts.sender == "robot@example.net"
    assert facts.ack_blockers == ["Auto-Submitted header"]
    assert facts.auto_submitted and not facts.is_list


def test_facts_of_a_bounce_and_a_list() -> None:
    bounce = build_facts("emergency", parse(message("Return-Path: <>", sender="MAILER-DAEMON@mx.example.net")),
                         own_addresses=OWN)
    assert bounce.is_bounce and bounce.is_noreply
    listed = build_facts("emergency", parse(message("List-Id: <x.example.net>")), own_addresses=OWN)
    assert listed.is_list and not listed.is_bounce


def subject(text: str, *headers: str) -> bytes:
    head = ["From: Someone <someone@example.net>", "To: emergency@example.org", f"Subject: {text}",
            "Message-ID: <2@example.net>", *headers]
    return ("\r\n".join(head) + "\r\n\r\nbody\r\n").encode()


AUTO_REPLY_SIGNS = [
    ("X-Apple-Action: VACATION", subject("Re: help", "X-Apple-Action: VACATION")),
    ("Outlook client rule, English", subject("Automatic reply: help")),
    ("Exchange 2003", subject("Out of Office AutoReply: help")),
    ("Lotus Notes", subject("AUTO: Jane Doe is out of the office (returning 05/01/2027)")),
    ("Auto reply:", subject("Auto reply: help")),
    ("German", subject("Automatische Antwort: Hilfe")),
    ("French", subject("Réponse automatique : aide")),
    ("Spanish", subject("Respuesta automática: ayuda")),
    ("Russian", subject("Автоматический ответ: помощь")),
    ("Turkish", subject("Otomatik yanıt: yardım")),
    ("Chinese", subject("自动回复：求助")),
    ("Japanese", subject("自動応答: 助けて")),
    ("Korean", subject("자동 회신: 도움")),
    ("Arabic", subject("رد تلقائي: مساعدة")),
    ("Persian", subject("پاسخ خودکار: کمک")),
    ("encoded word", subject("=?UTF-8?B?0JDQstGC0L7QvtGC0LLQtdGCOiDQv9C+0LzQvtGJ0Yw=?=")),
]

PERSON_WRITTEN = [
    ("a reply to an auto-reply", subject("Re: Automatic reply: help")),
    ("writing about auto-replies", subject("Why do I get an automatic reply from you?")),
    ("AUTO without out-of-office", subject("AUTO: my car was set on fire")),
    ("plain", subject("They published my address")),
]


@pytest.mark.parametrize("raw", [r for _, r in AUTO_REPLY_SIGNS], ids=[n for n, _ in AUTO_REPLY_SIGNS])
def test_auto_reply_signs_block_the_ack_and_set_the_rule_fact(raw: bytes) -> None:
    """The ack guard and the rules' ``auto_submitted`` fact agree (issue 15): one predicate."""
    facts = build_facts("emergency", parse(raw), own_addresses=OWN)
    assert facts.auto_submitted
    assert facts.ack_blockers, "an acknowledgement to an auto-responder starts a loop"


@pytest.mark.parametrize("raw", [r for _, r in PERSON_WRITTEN], ids=[n for n, _ in PERSON_WRITTEN])
def test_person_written_subjects_are_not_auto_replies(raw: bytes) -> None:
    facts = build_facts("emergency", parse(raw), own_addresses=OWN)
    assert not facts.auto_submitted
    assert facts.ack_blockers == []


@pytest.mark.parametrize("raw", [r for _, r, _ in ROWS], ids=[name for name, _, _ in ROWS])
def test_every_auto_reply_blocker_is_also_the_rule_fact(raw: bytes) -> None:
    parsed = parse(raw)
    facts = build_facts("emergency", parsed, own_addresses=OWN, trusted_authserv_id=MTA)
    auto_reasons = {"Auto-Submitted header", "auto-reply headers", "auto-reply subject or X-Apple-Action"}
    assert facts.auto_submitted == bool(auto_reasons & set(facts.ack_blockers))
