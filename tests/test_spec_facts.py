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
