"""Claims by mail must be authenticated (issue 13, finding 1): real Dovecot, gpg and SMTP.

The senders' adversaries can mail the intake addresses with any header. A
forged claim must claim nothing: the case stays open, escalations still go
out, the forged mail is forwarded flagged ``unauthenticated-claim`` and the
person on call and the operators are alerted. A claim signed by the staff
member's pinned key (checked in the service home), or with a DMARC pass from
the operator's own MTA when configured, does claim.
"""

from __future__ import annotations

import secrets
import subprocess
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone

import pytest

from mailfactory import ROTATION as ROTATION_CHEN_FIRST
from mailfactory import client_mail
from mailrouter.config import load_config
from mailrouter.store import Store
from test_e2e import by_kind, run_once
from test_e2e_oncall import at, escalations
from test_e2e_pgp import FPR, KEYS, gpg, pgp_config, pgp_homes  # noqa: F401 - fixture

ALICE = "alice@staff.example.org"
MTA = "mx.example.org"

ROTATION = ROTATION_CHEN_FIRST.replace('members = ["chen"]', 'members = ["alice"]')  # Alice (a key) on call


def claims_config(tmp_path, dovecot, smtp_sink, homes, authentication: str = ""):
    path = pgp_config(tmp_path, dovecot, smtp_sink, homes)
    text = path.read_text() + ROTATION + authentication
    text = text.replace('[teams.emergency]\nmembers = ["bola", "chen"]', '[teams.emergency]\nmembers = ["alice", "bola", "chen"]')
    text = text.replace('team = "emergency"', 'team = "emergency"\nrotation = "emergency"')
    path.write_text(text)
    return path


def first_case(tmp_path, dovecot, smtp_sink, homes, authentication: str = ""):
    """An emergency case forwarded (encrypted) to Alice, on call; returns (config, forward, ack, tag)."""
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are outside."))
    config = claims_config(tmp_path, dovecot, smtp_sink, homes, authentication)
    assert run_once(config).returncode == 0
    [ack], [forward], _ = by_kind(smtp_sink.messages)
    assert forward.rcpt_tos == [ALICE]
    return config, forward, ack, forward.message["X-Mailrouter-Case"]


def reply_headers(forward) -> dict[str, str]:
    return {"In-Reply-To": forward.message["Message-ID"], "References": forward.message["Message-ID"]}


def claim_text(tag: str) -> str:
    return f"I have it, calling now.\n\n> mailrouter case {tag} (emergency)\n> Urgency: critical\n"


def signed_mail(homes, sender: str, subject: str, body: str, headers: dict[str, str], *,
                signer: str = "alice", home: str = "alice") -> bytes:
    """PGP/MIME (RFC 3156) as Thunderbird sends it: a detached signature over the exact CRLF bytes."""
    part = EmailMessage(policy=SMTP)
    part.set_content(body, cte="quoted-printable")
    del part["MIME-Version"]
    signed = part.as_bytes(policy=SMTP)
    sig = gpg(homes[home], "--armor", "--detach-sign", "--local-user", FPR.get(signer, signer), input=signed)
    assert sig.returncode == 0, sig.stderr.decode()
    boundary = "sig-" + secrets.token_hex(8)
    head = [f"From: {sender}", "To: emergency@example.org", f"Subject: {subject}",
            f"Date: {format_datetime(datetime(2026, 11, 24, 21, 20, tzinfo=timezone.utc))}",
            f"Message-ID: {make_msgid(domain='staff.example.org')}", "MIME-Version: 1.0",
            *(f"{k}: {v}" for k, v in headers.items()),
            f'Content-Type: multipart/signed; micalg=pgp-sha512; protocol="application/pgp-signature"; '
            f'boundary="{boundary}"']
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (
        f"--{boundary}\r\n").encode() + signed + (
        f"\r\n--{boundary}\r\nContent-Type: application/pgp-signature; name=\"signature.asc\"\r\n"
        f"Content-Disposition: attachment; filename=\"signature.asc\"\r\n\r\n").encode() + sig.stdout + (
        f"\r\n--{boundary}--\r\n").encode()


def case_status(config, tag: str):
    return Store(load_config(config).store.url).find_case(tag)


def assert_not_claimed(config, dovecot, smtp_sink, tag: str, forged_count: int = 1) -> None:
    """The case stays open, escalation step 1 goes out, the forged mail is a flagged case, alerts went out."""
    assert run_once(config, at(6)).returncode == 0
    case = case_status(config, tag)
    assert case.status == "open" and case.claimed_by is None
    assert len(escalations(smtp_sink)) == 1
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(acks) == 1  # the forged "staff" mail was not acknowledged
    flagged = [Store(load_config(config).store.url).find_case(f.message["X-Mailrouter-Case"]) for f in forwards[1:]]
    assert len(flagged) == forged_count and all("unauthenticated-claim" in c.flags for c in flagged)
    warned = [a for a in alerts if "unauthenticated claim attempt" in str(a.message["Subject"])]
    assert len(warned) == forged_count
    assert ALICE in warned[0].rcpt_tos and "operators@example.org" in warned[0].rcpt_tos
    body = warned[0].message.get_body(("plain",)).get_content()
    assert f"Case {tag} is STILL OPEN" in body and "amir@example.net" not in body
    trail = Store(load_config(config).store.url).audit_trail(case.id)
    assert any(e["event"].startswith("unauthenticated claim attempt") for e in trail)
    assert dovecot.uids("emergency", "INBOX") == []  # nothing left behind


def test_forged_reply_from_a_staff_address_claims_nothing(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    forged = client_mail(f"Alice <{ALICE}>", "emergency", f"Re: [case {tag}]", claim_text(tag), html=False,
                         extra_headers=reply_headers(forward))
    dovecot.append("emergency", "INBOX", forged)
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_forged_subject_tag_claims_nothing(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, _, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    dovecot.append("emergency", "INBOX", client_mail(ALICE, "emergency", f"Re: [CRITICAL][en][case {tag}]",
                                                     claim_text(tag), html=False))
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_two_from_addresses_claim_nothing_even_when_signed(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    raw = signed_mail(pgp_homes, f"{ALICE}, attacker@evil.example", f"Re: [case {tag}]", claim_text(tag),
                      reply_headers(forward))
    dovecot.append("emergency", "INBOX", raw)
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_the_acknowledgement_reveals_no_case_id(tmp_path, dovecot, smtp_sink, pgp_homes):
    """The sender reads the ack's Message-ID; neither it nor its obvious variants lead to the case."""
    config, forward, ack, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    case = case_status(config, tag)
    ack_id, forward_id = str(ack.message["Message-ID"]), str(forward.message["Message-ID"])
    assert case.id not in ack_id and case.id not in forward_id
    assert ack_id.split(".", 1)[0] != forward_id.split(".", 1)[0]  # no shared token between kinds
    guesses = [ack_id.replace(".ack@", ".forward@"), f"<{case.id}.forward@mailrouter.test>"]
    for guess in guesses:
        dovecot.append("emergency", "INBOX", client_mail(ALICE, "emergency", "Re: help", "mine", html=False,
                                                         extra_headers={"In-Reply-To": guess}))
    assert run_once(config, at(6)).returncode == 0
    assert case_status(config, tag).status == "open"
    assert len(escalations(smtp_sink)) == 1


def test_key_with_the_staff_address_learned_from_mail_is_not_the_pinned_key(tmp_path, dovecot, smtp_sink,
                                                                                 pgp_homes):
    """An attacker makes a key with Alice's address, mails it (so it lands in the correspondents
    keyring) and signs the claim with it: only the pinned key, in the service home, counts."""
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    made = gpg(pgp_homes["alice"], "--quick-gen-key", f"Alice <{ALICE}>", "ed25519", "sign", "never")
    assert made.returncode == 0, made.stderr.decode()
    listing = gpg(pgp_homes["alice"], "--with-colons", "--list-keys", ALICE).stdout.decode()
    lines = listing.splitlines()
    fprs = [lines[i + 1].split(":")[9] for i, line in enumerate(lines[:-1]) if line.startswith("pub:")]  # primaries
    fake_fpr = next(f for f in fprs if f not in FPR.values())
    key = gpg(pgp_homes["alice"], "--armor", "--export", fake_fpr).stdout
    assert subprocess.run(["gpg", "--homedir", str(pgp_homes["cor"]), "--batch", "--import"], input=key,
                          capture_output=True).returncode == 0
    raw = signed_mail(pgp_homes, ALICE, f"Re: [case {tag}]", claim_text(tag), reply_headers(forward),
                      signer=fake_fpr)
    dovecot.append("emergency", "INBOX", raw)
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_a_signed_claim_cannot_be_replayed_against_another_case(tmp_path, dovecot, smtp_sink, pgp_homes):
    """Alice's signed reply for case A (which the sender also gets) re-sent as a reply to case B."""
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    raw = signed_mail(pgp_homes, ALICE, f"Re: [case {tag}]", claim_text("ZZZZ"), reply_headers(forward))
    dovecot.append("emergency", "INBOX", raw)
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_claim_signed_with_the_pinned_key_claims_and_stops_escalation(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    raw = signed_mail(pgp_homes, f"Alice <{ALICE}>", f"Re: [CRITICAL][case {tag}]", claim_text(tag),
                      reply_headers(forward))
    dovecot.append("emergency", "INBOX", raw)
    assert run_once(config, at(2)).returncode == 0
    assert run_once(config, at(30)).returncode == 0
    case = case_status(config, tag)
    assert case.status == "claimed" and case.claimed_by == "alice"
    assert escalations(smtp_sink) == []
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(forwards) == 1 and len(acks) == 1 and alerts == []
    trail = Store(load_config(config).store.url).audit_trail(case.id)
    assert any(e["stage"] == "claim" and e["detail"]["via"] == "reply, openpgp" for e in trail)
    assert dovecot.uids("emergency", "INBOX") == []


def test_inline_clearsigned_claim_by_subject_tag(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, _, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    signed = gpg(pgp_homes["alice"], "--clearsign", "--local-user", FPR["alice"],
                 input=f"Taking case {tag}.\n".encode())
    assert signed.returncode == 0
    dovecot.append("emergency", "INBOX", client_mail(ALICE, "emergency", f"taking [case {tag}]",
                                                     signed.stdout.decode(), html=False))
    assert run_once(config, at(30)).returncode == 0
    assert case_status(config, tag).claimed_by == "alice"
    assert escalations(smtp_sink) == []


def test_encrypted_and_signed_claim(tmp_path, dovecot, smtp_sink, pgp_homes):
    """Staff usually reply encrypted to the mailbox's key, signed inside (PGP/MIME, RFC 3156 6.2)."""
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    inner = f"Content-Type: text/plain; charset=utf-8\r\n\r\n{claim_text(tag)}".encode()
    enc = gpg(pgp_homes["alice"], "--armor", "--trust-model", "always", "--sign", "--local-user", FPR["alice"],
              "--encrypt", "--recipient", FPR["service_emergency"], input=inner)
    assert enc.returncode == 0, enc.stderr.decode()
    head = [f"From: {ALICE}", "To: emergency@example.org", "Subject: ...",
            f"Message-ID: {make_msgid(domain='staff.example.org')}", "MIME-Version: 1.0",
            *(f"{k}: {v}" for k, v in reply_headers(forward).items()),
            'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc-7f"']
    raw = ("\r\n".join(head) + "\r\n\r\n--enc-7f\r\nContent-Type: application/pgp-encrypted\r\n\r\n"
           "Version: 1\r\n\r\n--enc-7f\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n"
           ).encode() + enc.stdout + b"\r\n--enc-7f--\r\n"
    dovecot.append("emergency", "INBOX", raw)
    assert run_once(config, at(30)).returncode == 0
    assert case_status(config, tag).claimed_by == "alice"
    assert escalations(smtp_sink) == []


DMARC = f"""
[authentication]
trusted_authserv_id = "{MTA}"
claim_methods = ["openpgp", "dmarc"]
"""


def dmarc_reply(forward, tag: str, results: list[str]) -> bytes:
    raw = client_mail(ALICE, "emergency", f"Re: [case {tag}]", claim_text(tag), html=False,
                      extra_headers=reply_headers(forward))
    return "".join(f"Authentication-Results: {r}\r\n" for r in results).encode() + raw


@pytest.mark.parametrize("results", [
    [f"{MTA}; dkim=pass header.d=staff.example.org; dmarc=pass header.from=staff.example.org"],
])
def test_dmarc_pass_from_our_mta_claims_when_configured(tmp_path, dovecot, smtp_sink, pgp_homes, results):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes, DMARC)
    dovecot.append("emergency", "INBOX", dmarc_reply(forward, tag, results))
    assert run_once(config, at(30)).returncode == 0
    assert case_status(config, tag).claimed_by == "alice"
    assert escalations(smtp_sink) == []


@pytest.mark.parametrize("results", [
    ["other-mta.example; dmarc=pass header.from=staff.example.org"],  # not our MTA
    [f"{MTA}; dmarc=fail header.from=staff.example.org",  # ours says fail; a forged pass below it
     f"{MTA}; dmarc=pass header.from=staff.example.org"],
    [f"{MTA}; dmarc=pass header.from=evil.example"],  # a pass, but for another domain
    [],
], ids=["foreign-authserv", "forged-below-ours", "other-domain", "none"])
def test_dmarc_results_not_from_our_mta_claim_nothing(tmp_path, dovecot, smtp_sink, pgp_homes, results):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes, DMARC)
    dovecot.append("emergency", "INBOX", dmarc_reply(forward, tag, results))
    assert_not_claimed(config, dovecot, smtp_sink, tag)


def test_dmarc_pass_claims_nothing_unless_configured(tmp_path, dovecot, smtp_sink, pgp_homes):
    config, forward, _, tag = first_case(tmp_path, dovecot, smtp_sink, pgp_homes)
    dovecot.append("emergency", "INBOX", dmarc_reply(
        forward, tag, [f"{MTA}; dmarc=pass header.from=staff.example.org"]))
    assert_not_claimed(config, dovecot, smtp_sink, tag)
