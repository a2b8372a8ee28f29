"""Acknowledgements against the real servers: never to automated mail, one per
sender, in the sender's language and writing direction, and no header injection."""

from __future__ import annotations


import pytest

from mailfactory import ADDRESSES, bounce, client_mail, write_config
from test_e2e import by_kind, run_once

PLAIN = "I need to talk to someone about threats I received after editing."

# (id, sender, extra headers, raw override): each must be forwarded and never acknowledged (RFC 3834)
NEVER_ACK = [
    ("auto-submitted", "a1@example.net", {"Auto-Submitted": "auto-generated"}),
    ("auto-replied", "a2@example.net", {"Auto-Submitted": "auto-replied"}),
    ("empty-return-path", "a3@example.net", {"Return-Path": "<>"}),
    ("mailer-daemon", "MAILER-DAEMON@mx.example.net", {}),
    ("postmaster", "postmaster@example.net", {}),
    ("no-reply", "no-reply@service.example.com", {}),
    ("noreply", "noreply@service.example.com", {}),
    ("donotreply", "donotreply@service.example.com", {}),
    ("list-request", "safety-request@lists.example.net", {}),
    ("list-owner", "owner-safety@lists.example.net", {}),
    ("precedence-bulk", "a4@example.net", {"Precedence": "bulk"}),
    ("precedence-list", "a5@example.net", {"Precedence": "list"}),
    ("precedence-junk", "a6@example.net", {"Precedence": "junk"}),
    ("list-id", "a7@example.net", {"List-Id": "<safety.lists.example.net>"}),
    ("list-unsubscribe", "a8@example.net", {"List-Unsubscribe": "<mailto:leave@lists.example.net>"}),
    ("list-post", "a9@example.net", {"List-Post": "<mailto:safety@lists.example.net>"}),
    ("x-autoreply", "a10@example.net", {"X-Autoreply": "yes"}),
    ("x-autorespond", "a11@example.net", {"X-Autorespond": "Out of office"}),
    ("x-auto-response-suppress", "a12@example.net", {"X-Auto-Response-Suppress": "All"}),
    ("own-address", ADDRESSES["emergency"], {}),
    ("own-other-address", ADDRESSES["humanrights"], {}),
]


def test_never_acknowledged_cases_are_forwarded_without_acknowledgement(tmp_path, dovecot, smtp_sink):
    for _, sender, headers in NEVER_ACK:
        dovecot.append("humanrights", "INBOX", client_mail(sender, "humanrights", "Question", PLAIN, html=False,
                                                           extra_headers=headers))
    dovecot.append("humanrights", "INBOX", bounce("humanrights"))  # multipart/report
    config = write_config(tmp_path, dovecot, smtp_sink)
    result = run_once(config)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert acks == []
    assert len(forwards) == len(NEVER_ACK) + 1


def test_a_burst_from_one_sender_gets_one_acknowledgement(tmp_path, dovecot, smtp_sink):
    for i in range(50):
        dovecot.append("emergency", "INBOX", client_mail("panicked@example.net", "emergency", f"please {i}",
                                                         f"Still waiting, message {i}.", html=False))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config, timeout=300).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 50
    assert len(acks) == 1
    # and the window is persisted: a later run does not acknowledge again
    dovecot.append("emergency", "INBOX", client_mail("panicked@example.net", "emergency", "again", "Hello?"))
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 51 and len(acks) == 1


INJECTIONS = [
    ("=?utf-8?q?Help=0D=0ABcc:_victim@example.org?=", "Injected <inj1@example.net>"),
    ("Help\r\n Bcc: victim@example.org", "=?utf-8?q?Eve=0D=0ABcc:_victim@example.org?= <inj2@example.net>"),
    ("=?utf-8?b?SGVscA0KWC1FdmlsOiB5ZXM=?=", '"Mallory\\r\\nX-Evil: yes" <inj3@example.net>'),
]


@pytest.mark.parametrize("echo", [False, True])
def test_header_injection_never_reaches_outgoing_mail(tmp_path, dovecot, smtp_sink, echo):
    for subject, sender in INJECTIONS:
        raw = (f"From: {sender}\r\nTo: {ADDRESSES['humanrights']}\r\nSubject: {subject}\r\n"
               f"Message-ID: <{abs(hash(subject))}@example.net>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
               "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               "Someone is threatening me.\r\n").encode()
        dovecot.append("humanrights", "INBOX", raw)
    config = write_config(tmp_path, dovecot, smtp_sink,
                          extra=f"\n[acknowledgements]\nsubject_echo = {'true' if echo else 'false'}\n")
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 3 and len(forwards) == 3
    for mail in smtp_sink.messages:
        header_block = mail.data.split(b"\r\n\r\n", 1)[0]
        names = {line.split(b":", 1)[0].lower() for line in header_block.split(b"\r\n")
                 if line and not line[:1].isspace()}
        assert b"bcc" not in names and b"x-evil" not in names, names
        assert "victim@example.org" not in mail.rcpt_tos
    for ack in acks:
        assert len(ack.rcpt_tos) == 1 and ack.rcpt_tos[0].startswith("inj")


def test_acknowledgement_in_the_senders_language_and_direction(tmp_path, dovecot, smtp_sink):
    arabic = ("مرحبا، أنا محرر متطوع وقد تم استدعائي للتحقيق بسبب تعديلاتي على مقالات عن حقوق الإنسان. "
              "أخشى على سلامتي وسلامة عائلتي، وأحتاج إلى نصيحتكم بشأن ما يجب علي فعله الآن.")
    georgian = ("გამარჯობა, მე ვარ მოხალისე რედაქტორი და ინტერნეტში მემუქრებიან ჩემი სტატიების გამო. "
                "გთხოვთ დამეხმაროთ, არ ვიცი რა გავაკეთო.")
    dovecot.append("humanrights", "INBOX", client_mail("layla@example.net", "humanrights", "مساعدة", arabic))
    dovecot.append("humanrights", "INBOX", client_mail("nino@example.net", "humanrights", "დახმარება", georgian))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    acks, _, _ = by_kind(smtp_sink.messages)
    by_to = {a.rcpt_tos[0]: a.message for a in acks}
    ar = by_to["layla@example.net"]
    assert ar["Content-Language"] == "ar"
    html_part = ar.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html_part and 'lang="ar"' in html_part
    assert "مرحب" in ar.get_body(("plain",)).get_content() or "السلام" in ar.get_body(("plain",)).get_content()
    # Georgian has no template of its own: the multilingual fallback, left to right
    ka = by_to["nino@example.net"]
    ka_text = ka.get_body(("plain",)).get_content()
    assert "English" in ka_text or "received" in ka_text.lower()
    assert 'dir="ltr"' in ka.get_body(("html",)).get_content()
    assert ka["Subject"] and "[" in ka["Subject"]


def test_encoded_words_in_ids_addresses_and_subjects_cannot_inject_headers(tmp_path, dovecot, smtp_sink):
    """Found by bench/fuzz_parse.py: the email package decodes encoded words in values it is given,
    so a literal =?utf-8?b?DQpCY2M6...?= ("\\r\\nBcc: ...") in a Message-ID became a real header."""
    evil = "=?utf-8?b?DQpCY2M6IGV2aWxAeC5vcmc=?="  # "\r\nBcc: evil@x.org"
    double = "=?utf-8?q?=3D=3Futf-8=3Fb=3FDQpYLUV2aWw6IHllcw=3D=3D=3F=3D?="  # decodes to another encoded word
    raws = [
        (f"From: a@example.net\r\nTo: {ADDRESSES['humanrights']}\r\nSubject: help\r\n"
         f"Message-ID: <x{evil}y@example.net>\r\nReferences: <r{evil}@example.net>\r\n"),
        (f"From: b@example.net\r\nTo: {ADDRESSES['humanrights']}\r\nSubject: {double}\r\n"
         "Message-ID: <b1@example.net>\r\n"),
        (f"From: {evil}@example.net\r\nTo: {ADDRESSES['humanrights']}\r\nSubject: help\r\n"
         "Message-ID: <c1@example.net>\r\n"),
    ]
    for head in raws:
        dovecot.append("humanrights", "INBOX", (head + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
                                                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                                "Someone is threatening me.\r\n").encode())
    config = write_config(tmp_path, dovecot, smtp_sink, extra="\n[acknowledgements]\nsubject_echo = true\n")
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 3
    for mail in smtp_sink.messages:
        head = mail.data.split(b"\r\n\r\n", 1)[0]
        names = {line.split(b":", 1)[0].lower() for line in head.split(b"\r\n") if line and not line[:1].isspace()}
        assert not names & {b"bcc", b"x-evil"}, names
        assert all("evil@x.org" not in r for r in mail.rcpt_tos)
