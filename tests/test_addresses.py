"""Which spellings reach one inbox (rate-limit key, own addresses), and forged senders. Pure."""

from __future__ import annotations

import pytest

from mailrouter.addresses import is_own_address, mailbox_key
from mailrouter.facts import build_facts
from mailrouter.parse import parse


@pytest.mark.parametrize("written, key", [
    ("Person@gmail.com", "person@gmail.com"),
    ("person+1@gmail.com", "person@gmail.com"),
    ("p.e.r.s.o.n@gmail.com", "person@gmail.com"),
    ("P.Erson+news+more@GoogleMail.com", "person@gmail.com"),
    ("person@gmail.com.", "person@gmail.com"),
    # dots count everywhere else; + sub-addresses are folded everywhere
    ("p.erson@example.net", "p.erson@example.net"),
    ("p.erson+x@Example.NET", "p.erson@example.net"),
    ("first.last+tag@outlook.com", "first.last@outlook.com"),
    ("x+y@proton.me", "x@proton.me"),
    # a local part that is only a sub-address is left alone
    ("+123@example.net", "+123@example.net"),
    ("...@gmail.com", "...@gmail.com"),
])
def test_mailbox_key(written, key):
    assert mailbox_key(written) == key


def test_no_address_no_key():
    assert mailbox_key(None) is None and mailbox_key("") is None
    assert mailbox_key("not-an-address") == "not-an-address"


def test_own_addresses_with_sub_address_and_case():
    own = {"emergency@example.org", "mailrouter@example.org"}
    assert is_own_address("emergency+x@example.org", own)
    assert is_own_address("Emergency+Loop@EXAMPLE.org", own)
    assert not is_own_address("emergency@example.net", own)
    assert not is_own_address("emergency-x@example.org", own)
    assert not is_own_address(None, own)


MTA = "mx.example.org"


def facts_for(*auth_results: str, sender: str = "v@victim.example", trusted: str | None = MTA):
    head = "".join(f"Authentication-Results: {r}\r\n" for r in auth_results)
    raw = (f"{head}From: {sender}\r\nTo: emergency@example.org\r\nSubject: help\r\n"
           "Message-ID: <1@victim.example>\r\n\r\nhelp\r\n").encode()
    return build_facts("emergency", parse(raw), own_addresses={"emergency@example.org"},
                       trusted_authserv_id=trusted)


@pytest.mark.parametrize("results, blocked", [
    ([f"{MTA}; dmarc=fail header.from=victim.example"], True),
    ([f"{MTA}; spf=fail smtp.mailfrom=attacker.example"], True),
    ([f"{MTA}; spf=fail smtp.mailfrom=x.example; dkim=pass header.d=attacker.example"], True),
    ([f"{MTA}; spf=fail smtp.mailfrom=x.example; dkim=pass header.d=victim.example"], False),
    ([f"{MTA}; spf=softfail smtp.mailfrom=x.example; dmarc=none"], False),
    ([f"{MTA}; dkim=pass header.d=victim.example; dmarc=pass header.from=victim.example"], False),
    (["mx.attacker.example; dmarc=fail header.from=victim.example"], False),
    ([f"{MTA}; dmarc=pass header.from=victim.example", f"{MTA}; dmarc=fail header.from=victim.example"], False),
    ([f"{MTA}; dmarc=fail header.from=victim.example", f"{MTA}; dmarc=pass header.from=victim.example"], True),
])
def test_forged_senders_are_an_ack_blocker(results, blocked):
    facts = facts_for(*results)
    assert any("recorded by our MTA" in b for b in facts.ack_blockers) is blocked


def test_nothing_is_believed_without_a_trusted_mta():
    assert facts_for(f"{MTA}; dmarc=fail", trusted=None).ack_blockers == []


def test_own_sub_address_is_from_self():
    facts = facts_for(sender="Emergency+x@example.org")
    assert facts.from_self and "sent by one of our own addresses" in facts.ack_blockers
