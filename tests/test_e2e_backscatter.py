"""No backscatter, honest rate limit (issue 13, finding 5), against real Dovecot and SMTP.

An adversary can write any From: address. Acknowledgements must not go to a
forged From that the operator's MTA recorded as a DMARC (or unexplained SPF)
failure, one inbox must not collect an acknowledgement per spelling of its
address, and our own sub-addresses are our own addresses.
"""

from __future__ import annotations

from mailfactory import ADDRESSES, client_mail, write_config
from test_e2e import by_kind, run_once
from mailrouter.config import load_config
from mailrouter.store import Store

MTA = "mx.example.org"
AUTH = f'\n[authentication]\ntrusted_authserv_id = "{MTA}"\n'
TEXT = "Someone is threatening me because of my edits. Please help."


def forged(sender: str, results: list[str], return_path: str = "<bounce@attacker.example>") -> bytes:
    """Mail as our MTA delivers it: its Authentication-Results on top, then whatever the sender wrote."""
    head = "".join(f"Authentication-Results: {r}\r\n" for r in results)
    return f"Return-Path: {return_path}\r\n".encode() + head.encode() + client_mail(
        sender, "emergency", "help", TEXT, html=False)


def acked(smtp_sink) -> list[str]:
    acks, _, _ = by_kind(smtp_sink.messages)
    return sorted(a.rcpt_tos[0] for a in acks)


def test_forged_from_with_dmarc_fail_recorded_by_our_mta_is_forwarded_not_acknowledged(tmp_path, dovecot,
                                                                                        smtp_sink):
    fail = f"{MTA}; spf=fail smtp.mailfrom=attacker.example; dkim=none; dmarc=fail (p=none) header.from=victim.example"
    dovecot.append("emergency", "INBOX", forged("Victim <victim@victim.example>", [fail]))
    # SPF fail without a DKIM pass for the From domain: not acknowledged either
    spf = f"{MTA}; spf=fail smtp.mailfrom=other.example; dkim=pass header.d=attacker.example"
    dovecot.append("emergency", "INBOX", forged("second@victim.example", [spf]))
    # SPF fail but DKIM passed for the From domain (a forwarder): a plausible sender
    spf_dkim = f"{MTA}; spf=fail smtp.mailfrom=fwd.example; dkim=pass header.d=ok.example"
    dovecot.append("emergency", "INBOX", forged("forwarded@ok.example", [spf_dkim]))
    config = write_config(tmp_path, dovecot, smtp_sink, extra=AUTH)
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 3
    assert acked(smtp_sink) == ["forwarded@ok.example"]
    store = Store(load_config(config).store.url)
    reasons = [e["detail"]["reason"] for c in store.all_cases() for e in store.audit_trail(c.id)
               if e["stage"] == "ack" and e["event"] == "no acknowledgement"]
    assert sorted(reasons) == ["DMARC failed (recorded by our MTA)",
                               "SPF failed and no DKIM pass for the From domain (recorded by our MTA)"]


def test_results_from_another_authserv_id_or_below_ours_are_not_believed(tmp_path, dovecot, smtp_sink):
    fail = "dmarc=fail (p=reject) header.from=example.net"
    # written by someone else's server (or by the sender): ignored, the mail is acknowledged
    dovecot.append("emergency", "INBOX", forged("one@example.net", [f"mx.other.example; {fail}"]))
    # our MTA's real header on top says pass; a copy with our authserv-id below it is the sender's
    dovecot.append("emergency", "INBOX", forged("two@example.net", [
        f"{MTA}; dkim=pass header.d=example.net; dmarc=pass header.from=example.net", f"{MTA}; {fail}"]))
    # and a forged pass below our fail does not rescue a forgery
    dovecot.append("emergency", "INBOX", forged("three@example.net", [
        f"{MTA}; {fail}", f"{MTA}; dkim=pass header.d=example.net; dmarc=pass header.from=example.net"]))
    config = write_config(tmp_path, dovecot, smtp_sink, extra=AUTH)
    assert run_once(config).returncode == 0
    assert acked(smtp_sink) == ["one@example.net", "two@example.net"]


def test_without_a_trusted_mta_no_authentication_results_are_believed(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", forged("one@example.net", [f"{MTA}; dmarc=fail header.from=example.net"]))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    assert acked(smtp_sink) == ["one@example.net"]


def test_spellings_of_one_inbox_get_one_acknowledgement_per_window(tmp_path, dovecot, smtp_sink):
    spellings = ["person+1@gmail.com", "p.e.r.s.o.n@gmail.com", "Person@gmail.com", "person+x@googlemail.com",
                 "PERSON+2@GMAIL.COM"]
    for address in spellings:
        dovecot.append("humanrights", "INBOX", client_mail(address, "humanrights", "help", TEXT, html=False))
    # dots matter outside Gmail, and another person is another person
    for address in ("p.erson@example.net", "person@example.net", "Person+tag@Example.NET", "other@gmail.com"):
        dovecot.append("humanrights", "INBOX", client_mail(address, "humanrights", "help", TEXT, html=False))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 9
    assert len(acks) == 4, acked(smtp_sink)
    # the acknowledgement goes to the address as written
    assert acked(smtp_sink) == ["other@gmail.com", "p.erson@example.net", "person+1@gmail.com",
                                "person@example.net"]


def test_sub_addresses_of_our_own_addresses_are_our_own(tmp_path, dovecot, smtp_sink):
    local, domain = ADDRESSES["emergency"].split("@")
    for sender in (f"{local}+x@{domain}", f"{local.upper()}+loop@{domain.upper()}",
                   "talktohumanrights+1@example.org", "MailRouter+alerts@Example.org"):
        dovecot.append("humanrights", "INBOX", client_mail(sender, "humanrights", "help", TEXT, html=False))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 4
    assert acks == []
    assert all("from-own-address" in str(f.message["X-Mailrouter-Flags"]) for f in forwards)
