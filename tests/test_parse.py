"""Tests of mailrouter.parse: hostile fixtures, well-formed client mail,
randomised robustness, and quote/signature stripping."""

from __future__ import annotations

import base64
import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailrouter.model import Attachment, Parsed
from mailrouter.parse import MAX_TEXT_CHARS, html_to_text, parse, strip_quotes_and_signature

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

MSGID_RE = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+>")
ADDR_RE = re.compile(r"[^\s<>,;\"()\[\]@]+@[^\s<>,;\"()@]+")
FORBIDDEN_IN_HEADERS = ("\r", "\n", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def fixture(name: str) -> Parsed:
    return parse((HOSTILE / name).read_bytes())


def assert_invariants(p: Parsed) -> None:
    """What must hold for any input whatsoever."""
    assert isinstance(p, Parsed)
    single_line = [name for name, _ in p.headers] + [value for _, value in p.headers]
    single_line += [p.from_name, p.subject]
    single_line += [a.filename for a in p.attachments if a.filename is not None]
    for value in single_line:
        assert not any(ch in value for ch in FORBIDDEN_IN_HEADERS), repr(value[:80])
        value.encode("utf-8")  # no lone surrogates from 8-bit input
    for addr in [p.from_addr, p.reply_to] + p.to + p.cc:
        if addr is not None:
            assert ADDR_RE.fullmatch(addr) and addr == addr.lower(), addr
    assert p.return_path is None or p.return_path == "" or ADDR_RE.fullmatch(p.return_path)
    for msgid in [p.message_id, p.in_reply_to, *p.references]:
        assert msgid is None or MSGID_RE.fullmatch(msgid), msgid
    assert p.date is None or p.date.tzinfo is not None
    assert "\x00" not in p.text and "\r" not in p.text
    p.text.encode("utf-8")
    assert len(p.text) <= MAX_TEXT_CHARS
    assert re.fullmatch(r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", p.content_type)
    for att in p.attachments:
        assert isinstance(att, Attachment) and att.size >= 0
        assert att.content_type == att.content_type.lower() and "/" in att.content_type
        if att.filename is not None:
            assert "/" not in att.filename and "\\" not in att.filename and att.filename
    for defect in p.defects:
        # content-free: short, single line, no addresses
        assert len(defect) < 100 and "@" not in defect and "\n" not in defect, defect


# --- hostile fixtures -------------------------------------------------------

MISSING_ALL = {"missing From header", "missing Message-ID", "missing Date header"}

EXPECTED_DEFECTS: dict[str, set[str]] = {
    "unknown_charset.eml": {"unknown charset x-unknown-42 in part 1"},
    "broken_base64.eml": {"invalid base64 in part 1"},
    "truncated_multipart.eml": {"missing closing boundary in message", "invalid base64 in part 2"},
    "missing_boundary.eml": {"multipart without boundary in message"},
    "header_8bit_latin1.eml": {"non-utf-8 bytes in From header", "non-utf-8 bytes in Subject header"},
    "header_8bit_invalid_utf8.eml": {"non-utf-8 bytes in From header", "non-utf-8 bytes in Subject header"},
    "encoded_word_unknown_charset.eml": {
        "unknown charset x-unknown-42 in From header",
        "unknown charset x-unknown-42 in Subject header",
    },
    "encoded_word_bad_base64.eml": {"invalid encoded-word in Subject header"},
    "spoofed_display_name.eml": {"From display name contains a different address"},
    "crlf_injection_encoded_word.eml": {
        "control characters in From header",
        "control characters in To header",
        "control characters in Subject header",
        "control characters in Keywords header",
        "From display name contains a different address",
    },
    "long_header_line.eml": {"Subject header too long"},
    "no_headers.eml": {"no headers", "missing header/body separator in message"} | MISSING_ALL,
    "binary_garbage.eml": {
        "no headers",
        "missing header/body separator in message",
        "undeclared 8-bit text in part 1",
    }
    | MISSING_ALL,
    "empty.eml": {"empty message"} | MISSING_ALL,
    "nul_bytes.eml": {"control characters in From header", "control characters in Subject header"},
    "deep_nesting_200.eml": {"nesting too deep"},
    "duplicate_content_type.eml": {"duplicate Content-Type header"},
    "duplicate_from.eml": {"duplicate From header"},
    "invalid_date.eml": {"unparseable Date header"},
    "from_without_addr_spec.eml": {"unparseable From header"},
    "garbage_message_id.eml": {"invalid Message-ID", "invalid In-Reply-To header"},
    "malformed_attached_message.eml": {"malformed attached message in part 2"},
    "qp_invalid_escapes.eml": {"invalid quoted-printable in part 1"},
    "unterminated_html.eml": set(),
    "dsn_bounce_8bit_returned.eml": set(),
    "dsn_bounce_unknown_8bit.eml": set(),
    "outlook_forward_8bit_attached.eml": set(),
    "outlook_forward_mislabelled_utf8.eml": set(),
    "unknown_8bit_forward.eml": {"undeclared 8-bit text in Subject header", "undeclared 8-bit text in part 1"},
    "cr_only_line_ends.eml": set(),
    "attached_broken_multipart.eml": {"malformed attached message in part 2"},
}


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {path.name for path in HOSTILE.glob("*.eml")}
    assert on_disk == set(EXPECTED_DEFECTS)
    assert len(on_disk) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED_DEFECTS))
def test_fixture_defects_exactly(name: str) -> None:
    p = fixture(name)
    assert_invariants(p)
    assert set(p.defects) == EXPECTED_DEFECTS[name]
    assert len(p.defects) == len(set(p.defects))
    assert p.size == (HOSTILE / name).stat().st_size


def test_unknown_body_charset_still_yields_text() -> None:
    p = fixture("unknown_charset.eml")
    assert "posting my home address" in p.text
    assert "Grüße, Amina" in p.text
    assert p.from_addr == "amina.k@example.net"
    assert p.return_path == "amina.k@example.net"


def test_broken_base64_recovers_the_text() -> None:
    p = fixture("broken_base64.eml")
    assert p.text.startswith("Please call me back, I am safe for now.\nThe number is")


def test_truncated_multipart_keeps_text_and_partial_attachment() -> None:
    p = fixture("truncated_multipart.eml")
    assert p.text.strip() == "Here are the screenshots of the threats."
    assert [(a.filename, a.content_type) for a in p.attachments] == [("threat1.png", "image/png")]
    assert 0 < p.attachments[0].size < 1024


def test_missing_boundary_is_recovered() -> None:
    p = fixture("missing_boundary.eml")
    assert p.content_type == "multipart/mixed"
    assert p.text.strip() == "The report is attached. They came to my house again."
    assert p.attachments == [Attachment("report.pdf", "application/pdf", 48)]


def test_raw_latin1_headers_are_decoded() -> None:
    p = fixture("header_8bit_latin1.eml")
    assert p.subject == "Réunion annulée à cause de menaces"
    assert p.from_name == "Hélène Dubois"
    assert p.from_addr == "helene.dubois@example.fr"
    assert p.text.strip() == "La réunion de jeudi est annulée."


def test_invalid_utf8_headers_keep_the_valid_parts() -> None:
    p = fixture("header_8bit_invalid_utf8.eml")
    assert p.from_name.startswith("Иван")
    assert p.subject.startswith("Hilfe ") and p.subject.endswith(" dringend")
    assert p.from_addr == "ivan.p@example.ru"


def test_encoded_word_with_unknown_charset_is_still_read() -> None:
    p = fixture("encoded_word_unknown_charset.eml")
    assert p.subject == "Urgent help"
    assert (p.from_addr, p.from_name) == ("sam.okafor@example.com", "Sam Okafor")


def test_encoded_word_with_bad_base64_is_decoded_leniently() -> None:
    assert fixture("encoded_word_bad_base64.eml").subject == "Help me please"


def test_spoofed_display_name_gives_the_real_addr_spec() -> None:
    p = fixture("spoofed_display_name.eml")
    assert p.from_addr == "evil@x.org"
    assert p.from_name == "boss@bank.com"
    assert p.reply_to == "evil@x.org"


def test_crlf_injection_in_encoded_words_cannot_inject() -> None:
    p = fixture("crlf_injection_encoded_word.eml")
    assert p.subject == "hi Bcc: x@evil.org"
    assert p.from_addr == "help@example.net"
    assert p.to == ["rights@example.org"]
    assert p.cc == []
    assert p.header("Bcc") is None
    assert [name for name, _ in p.headers] == [
        "From", "To", "Subject", "Keywords", "Date", "Message-ID", "Content-Type",
    ]
    for _, value in p.headers:
        assert "\n" not in value and "\r" not in value
    assert p.header("Keywords") == "a Injected body"


def test_long_header_is_truncated() -> None:
    p = fixture("long_header_line.eml")
    assert p.subject.startswith("help help")
    assert len(p.subject) <= 16 * 1024
    assert p.text.strip() == "short body"


def test_no_headers_body_is_text() -> None:
    p = fixture("no_headers.eml")
    assert p.headers == []
    assert p.text.startswith("I am writing because my colleague was detained yesterday.")


def test_empty_and_garbage_give_empty_fields() -> None:
    for name in ("empty.eml", "binary_garbage.eml"):
        p = fixture(name)
        assert (p.from_addr, p.message_id, p.date, p.subject) == (None, None, None, "")
        assert p.content_type == "text/plain"
    assert fixture("empty.eml").text == ""


def test_nul_bytes_are_removed() -> None:
    p = fixture("nul_bytes.eml")
    assert p.subject == "socorro"
    assert p.from_name == "Rosa Lima"
    assert p.text.strip() == "Estou com medo. Preciso de ajuda."


def test_deep_nesting_keeps_the_headers() -> None:
    p = fixture("deep_nesting_200.eml")
    assert p.from_addr == "k.osei@example.net"
    assert p.content_type == "multipart/mixed"
    assert p.message_id == "<nest.200.8812@mx.example.net>"


def test_duplicate_headers_first_one_wins() -> None:
    p = fixture("duplicate_content_type.eml")
    assert p.content_type == "text/plain"
    assert p.header_all("Content-Type")[1].startswith("multipart/mixed")
    d = fixture("duplicate_from.eml")
    assert d.from_addr == "real@example.net"


def test_invalid_date_is_none() -> None:
    p = fixture("invalid_date.eml")
    assert p.date is None
    assert p.header("Date") == "Thu, 32 Foo 20245 25:61:99 +9999"


def test_from_without_addr_spec() -> None:
    p = fixture("from_without_addr_spec.eml")
    assert (p.from_addr, p.from_name) == (None, "")
    assert p.header("From") == "undisclosed"


def test_garbage_message_id() -> None:
    p = fixture("garbage_message_id.eml")
    assert (p.message_id, p.in_reply_to, p.references) == (None, None, [])


def test_malformed_attached_message_is_an_attachment() -> None:
    p = fixture("malformed_attached_message.eml")
    assert p.text.strip() == "See the attached message."
    assert len(p.attachments) == 1
    att = p.attachments[0]
    assert (att.filename, att.content_type) == ("threat.eml", "message/rfc822")
    assert att.size > 100
    assert "we know where you live" not in p.text


def test_quoted_printable_with_invalid_escapes_keeps_them() -> None:
    p = fixture("qp_invalid_escapes.eml")
    assert p.text == "Necesito ayuda rápida. Precio =ZZ euros, =4 días, fin "
    assert p.from_name == "José"


def test_unterminated_html_tags_are_text() -> None:
    p = fixture("unterminated_html.eml")
    assert p.content_type == "text/html"
    assert p.text.startswith("Please help us\n\n<a <a ")


# --- generated extremes -----------------------------------------------------


def nested_multipart(depth: int) -> bytes:
    opening = b"".join(
        (b"--b%d\r\n" % (i - 1) if i else b"") + b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % i
        for i in range(depth)
    )
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    inner = b"--b%d\r\nContent-Type: text/plain\r\n\r\ndeep" % (depth - 1)
    return b"From: a@example.org\r\n" + opening + inner + closing


def nested_rfc822(depth: int) -> bytes:
    data = b"Content-Type: text/plain\r\n\r\nhi\r\n"
    for _ in range(depth):
        data = b"Content-Type: message/rfc822\r\n\r\n" + data
    return b"From: a@example.org\r\n" + data


def many_parts(count: int) -> bytes:
    part = b"--p\r\nContent-Type: image/png; name=x.png\r\n\r\nxx\r\n"
    return b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n" + part * count + b"--p--\r\n"


EXTREMES = {
    "multipart_1000_deep": (nested_multipart(1000), {"nesting too deep"}),
    "multipart_50_deep": (nested_multipart(50), set()),
    "rfc822_1000_deep": (nested_rfc822(1000), {"nesting too deep"}),
    "garbage_10mb": (random.Random(7).randbytes(10_000_000), {"no headers", "body text truncated"}),
    "base64_10mb": (
        b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nhi\r\n"
        b"--x\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b"QUJD" * 19 * 140_000
        + b"\r\n--x--\r\n",
        set(),
    ),
    "html_bomb": (b"Content-Type: text/html\r\n\r\n" + b"<a " * 1_000_000, {"body text truncated"}),
    "nested_comments": (b"From: " + b"(" * 20_000 + b"a@example.org\r\n\r\nx", {"unparseable From header"}),
    "600_parts": (many_parts(600), {"too many parts"}),
    "many_headers": (b"X-A: b\r\n" * 5000 + b"\r\nbody", {"too many headers"}),
    "huge_address_list": (b"To: " + b"a@example.org, " * 5000 + b"\r\n\r\nx", {"To header too long"}),
    "bytearray_input": (bytearray(b"From: a@example.org\r\n\r\nx"), set()),
}


@pytest.mark.parametrize("name", sorted(EXTREMES))
def test_extreme_inputs(name: str) -> None:
    data, expected = EXTREMES[name]
    p = parse(data)
    assert_invariants(p)
    assert expected <= set(p.defects), p.defects
    assert not [d for d in p.defects if d.startswith("internal")]


def test_multipart_50_deep_is_walked_to_the_bottom() -> None:
    assert parse(nested_multipart(50)).text == "deep"


def test_too_many_parts_stops_the_walk() -> None:
    p = parse(many_parts(600))
    assert 400 < len(p.attachments) < 500


@pytest.mark.parametrize("data", [None, "a string", 42])
def test_non_bytes_input_does_not_raise(data: object) -> None:
    p = parse(data)  # type: ignore[arg-type]
    assert "input is not bytes" in p.defects
    assert_invariants(p)


# --- well-formed client mail ------------------------------------------------

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8


def b64lines(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


THUNDERBIRD = crlf(
    f"""Return-Path: <maria.santos@example.net>
Received: from mail.example.net (mail.example.net [198.51.100.7])
	by mx.example.org (Postfix) with ESMTPS id 4Vx1
	for <talktohumanrights@example.org>; Tue, 12 Nov 2024 21:14:06 +0000 (UTC)
Content-Type: multipart/mixed; boundary="------------f3Xb0Zq1yR9vM2kL"
Message-ID: <7c1e9a52-3b1d-4c55-9a0e-1f2b3c4d5e6f@example.net>
Date: Tue, 12 Nov 2024 22:14:05 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: pt-BR
To: Human Rights <talktohumanrights@example.org>
Cc: "Costa, João" <joao.costa@example.com>
From: =?UTF-8?Q?Maria_Jos=C3=A9_Santos?= <Maria.Santos@Example.NET>
Subject: =?UTF-8?Q?Amea=C3=A7as_depois_do_evento?=
In-Reply-To: <ack-7F3K@example.org>
References: <first@example.net>
 <ack-7F3K@example.org>

This is a multi-part message in MIME format.
--------------f3Xb0Zq1yR9vM2kL
Content-Type: multipart/alternative;
 boundary="------------aB3dE5gH7jK9mN1p"

--------------aB3dE5gH7jK9mN1p
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

Olá, recebi ameaças depois do evento de sábado. Alguém publicou o meu 
endereço e fotos da minha casa.

Em 10/11/2024 18:02, Human Rights escreveu:
> Thank you for writing to us.

-- 
Maria

--------------aB3dE5gH7jK9mN1p
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: 8bit

<html><body><p>Olá, recebi ameaças depois do evento de sábado.</p></body></html>
--------------aB3dE5gH7jK9mN1p--
--------------f3Xb0Zq1yR9vM2kL
Content-Type: application/pdf; name*=UTF-8''capturas%20de%20tela%20%C3%A1.pdf
Content-Disposition: attachment; filename*=UTF-8''capturas%20de%20tela%20%C3%A1.pdf
Content-Transfer-Encoding: base64

{b64lines(PDF)}
--------------f3Xb0Zq1yR9vM2kL--
"""
)

OUTLOOK_HTML = crlf(
    """Received: from EUR05-VI1-obe.outbound.protection.outlook.com (40.107.21.1) by
 mx.example.org; Wed, 13 Nov 2024 08:01:02 +0000
From: "Nguyen, Thi Lan" <thi.lan.nguyen@example.com.vn>
To: "emergency@example.org" <emergency@example.org>
Subject: URGENT: detained at border
Thread-Topic: URGENT: detained at border
Thread-Index: AQHbNQp2Zg==
Date: Wed, 13 Nov 2024 08:00:59 +0000
Message-ID:
 <SEZPR06MB5,6C0F9D2A1B3C4D5E@SEZPR06MB5.apcprd06.prod.outlook.com>
Accept-Language: en-US, vi-VN
Content-Language: en-US
X-MS-Has-Attach:
Content-Type: text/html; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

<html xmlns:o=3D"urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dwindows-1252">
<style><!--
p.MsoNormal {margin:0cm; font-size:11.0pt;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext=3D"edit" spidmax=3D"1026" />
</xml><![endif]-->
</head>
<body lang=3D"EN-US">
<div class=3D"WordSection1">
<p class=3D"MsoNormal">My colleague was detained at the border this morning =
=96 please call.<o:p></o:p></p>
<p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
<p class=3D"MsoNormal">Caf=E9 near the station &amp; bus stop.<o:p></o:p></p>
</div>
</body>
</html>
"""
)

ARABIC = "أحتاج إلى مساعدة عاجلة. تلقيت تهديدات بالقتل."


def qp_encode(text: str) -> str:
    """Quoted-printable as Gmail writes it: bytes escaped, soft breaks before 76."""
    encoded = "".join(f"={b:02X}" if b > 126 or b == 61 else chr(b) for b in text.encode("utf-8"))
    lines, line = [], ""
    for token in re.findall(r"=[0-9A-F]{2}|.", encoded):
        if len(line) + len(token) > 75:
            lines.append(line + "=")
            line = ""
        line += token
    return "\n".join(lines + [line])


GMAIL_ARABIC = crlf(
    f"""MIME-Version: 1.0
Date: Thu, 14 Nov 2024 03:22:10 +0300
Message-ID: <CAF=x8YpQe2Z1+abc_DEF@mail.gmail.com>
Subject: =?UTF-8?B?2YXYs9in2LnYr9ip?=
From: =?UTF-8?B?2KPYrdmF2K8=?= <ahmad.k@example.com>
To: emergency@example.org
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"

--000000000000a1b2c3d4e5f6
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp_encode(ARABIC)}
--000000000000a1b2c3d4e5f6
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"rtl">{qp_encode(ARABIC)}</div>
--000000000000a1b2c3d4e5f6--
"""
)

PGP_MIME = crlf(
    """From: Sender <sender@example.net>
To: emergency@example.org
Subject: ...
Date: Fri, 15 Nov 2024 10:00:00 +0000
Message-ID: <pgp.1@example.net>
MIME-Version: 1.0
Content-Type: multipart/encrypted; protocol="application/pgp-encrypted";
 boundary="enc"

This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)
--enc
Content-Type: application/pgp-encrypted
Content-Description: PGP/MIME version identification

Version: 1

--enc
Content-Type: application/octet-stream; name="encrypted.asc"
Content-Disposition: inline; filename="encrypted.asc"

-----BEGIN PGP MESSAGE-----

hF4DAAAAAAAAAAASAQdAAAAA
=AAAA
-----END PGP MESSAGE-----

--enc--
"""
)

BOUNCE = crlf(
    """Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: emergency@example.org
Subject: Undelivered Mail Returned to Sender
Date: Sat, 16 Nov 2024 10:00:00 -0000
Message-ID: <20241116100000.ABC@mx.example.net>
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.
"""
)

WELL_FORMED = {
    "thunderbird": THUNDERBIRD,
    "outlook_html": OUTLOOK_HTML,
    "gmail_arabic": GMAIL_ARABIC,
    "pgp_mime": PGP_MIME,
    "bounce": BOUNCE,
}


@pytest.mark.parametrize("name", sorted(WELL_FORMED))
def test_well_formed_mail_has_no_defects(name: str) -> None:
    p = parse(WELL_FORMED[name])
    assert_invariants(p)
    assert p.defects == []


def test_thunderbird_multipart_alternative_with_attachment() -> None:
    p = parse(THUNDERBIRD)
    assert p.from_addr == "maria.santos@example.net"
    assert p.from_name == "Maria José Santos"
    assert p.to == ["talktohumanrights@example.org"]
    assert p.cc == ["joao.costa@example.com"]
    assert p.return_path == "maria.santos@example.net"
    assert p.reply_to is None
    assert p.subject == "Ameaças depois do evento"
    assert p.message_id == "<7c1e9a52-3b1d-4c55-9a0e-1f2b3c4d5e6f@example.net>"
    assert p.in_reply_to == "<ack-7F3K@example.org>"
    assert p.references == ["<first@example.net>", "<ack-7F3K@example.org>"]
    assert p.date == datetime(2024, 11, 12, 21, 14, 5, tzinfo=timezone.utc)
    assert p.date.utcoffset() == timedelta(hours=1)
    assert p.content_type == "multipart/mixed"
    # format=flowed soft break joined; quote and signature still there
    assert p.text.startswith(
        "Olá, recebi ameaças depois do evento de sábado. Alguém publicou o meu endereço e fotos"
    )
    assert "> Thank you for writing to us." in p.text
    assert p.attachments == [Attachment("capturas de tela á.pdf", "application/pdf", len(PDF))]
    assert p.header("user-agent") == "Mozilla Thunderbird"
    assert p.headers[0] == ("Return-Path", "<maria.santos@example.net>")
    assert p.header("References") == "<first@example.net> <ack-7F3K@example.org>"
    assert strip_quotes_and_signature(p.text) == (
        "Olá, recebi ameaças depois do evento de sábado. Alguém publicou o meu endereço e fotos"
        " da minha casa."
    )


def test_outlook_html_only() -> None:
    p = parse(OUTLOOK_HTML)
    assert p.from_addr == "thi.lan.nguyen@example.com.vn"
    assert p.from_name == "Nguyen, Thi Lan"
    assert p.to == ["emergency@example.org"]
    assert p.message_id == "<SEZPR06MB5,6C0F9D2A1B3C4D5E@SEZPR06MB5.apcprd06.prod.outlook.com>"
    assert p.content_type == "text/html"
    assert p.attachments == []
    assert p.text == (
        "My colleague was detained at the border this morning \u2013 please call.\n\n"
        "Café near the station & bus stop."
    )
    assert "MsoNormal" not in p.text and "shapedefaults" not in p.text


def test_gmail_quoted_printable_arabic() -> None:
    p = parse(GMAIL_ARABIC)
    assert p.from_addr == "ahmad.k@example.com"
    assert p.from_name == "أحمد"
    assert p.subject == "مساعدة"
    assert p.text.strip() == ARABIC
    assert p.attachments == []  # the HTML alternative is not an attachment
    assert p.message_id == "<CAF=x8YpQe2Z1+abc_DEF@mail.gmail.com>"


def test_pgp_mime_text_is_whatever_is_there() -> None:
    p = parse(PGP_MIME)
    assert p.content_type == "multipart/encrypted"
    assert p.text == ""
    assert [(a.filename, a.content_type) for a in p.attachments] == [
        (None, "application/pgp-encrypted"),
        ("encrypted.asc", "application/octet-stream"),
    ]


def test_bounce_null_return_path_and_minus_zero_date() -> None:
    p = parse(BOUNCE)
    assert p.return_path == ""
    assert p.from_addr == "mailer-daemon@mx.example.net"
    assert p.date == datetime(2024, 11, 16, 10, 0, tzinfo=timezone.utc)
    assert p.header("auto-submitted") == "auto-replied"


# --- header details ---------------------------------------------------------


def headers_only(*lines: str) -> Parsed:
    return parse(crlf("\n".join(lines) + "\n\nbody\n"))


@pytest.mark.parametrize(
    ("raw", "expected", "defect"),
    [
        ("Message-ID:   <abc@example.org>  ", "<abc@example.org>", None),
        ("Message-ID: < abc@example.org >", "<abc@example.org>", None),
        ("Message-ID: abc@example.org", "<abc@example.org>", "Message-ID without angle brackets"),
        ("Message-ID: <>", None, "invalid Message-ID"),
        ("Message-ID: <a b@c>", None, "invalid Message-ID"),
    ],
)
def test_message_id_normalisation(raw: str, expected: str | None, defect: str | None) -> None:
    p = headers_only(raw)
    assert p.message_id == expected
    if defect:
        assert defect in p.defects


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Return-Path: <>", ""),
        ("Return-Path: < >", ""),
        ("Return-Path: <Bounce+X@Example.org>", "bounce+x@example.org"),
    ],
)
def test_return_path(header: str, expected: str) -> None:
    assert headers_only(header).return_path == expected


def test_return_path_absent_or_garbage() -> None:
    assert headers_only("From: a@example.org").return_path is None
    p = headers_only("Return-Path: nonsense")
    assert p.return_path is None and "unparseable Return-Path header" in p.defects


@pytest.mark.parametrize(
    ("value", "addr", "name"),
    [
        ('"=?utf-8?q?boss@bank.com?=" <evil@x.org>', "evil@x.org", "boss@bank.com"),
        ("=?utf-8?q?boss=40bank.com?= <evil@x.org>", "evil@x.org", "boss@bank.com"),
        ("=?utf-8?q?=3Cboss=40bank.com=3E?= <evil@x.org>", "evil@x.org", "<boss@bank.com>"),
        ("boss@bank.com <evil@x.org>", "evil@x.org", "boss@bank.com"),
        ('"<boss@bank.com>" <evil@x.org>', "evil@x.org", "<boss@bank.com>"),
        ("(boss@bank.com) <evil@x.org>", "evil@x.org", ""),
        ("Müller, Hans <h.mueller@example.de>", "h.mueller@example.de", "Müller, Hans"),
        ("plain@example.org", "plain@example.org", ""),
        ("UPPER@EXAMPLE.ORG (comment)", "upper@example.org", ""),
    ],
)
def test_address_comes_from_the_addr_spec(value: str, addr: str, name: str) -> None:
    p = headers_only(f"From: {value}")
    assert (p.from_addr, p.from_name) == (addr, name)


@pytest.mark.parametrize(
    "value",
    [
        "=?utf-8?q?boss=40bank.com?=",
        "=?utf-8?q?boss?=@bank.com",
        "undisclosed-recipients:;",
        "<>",
        "a@",
        '"a b"@example.org',
        "=?utf-8?q?=3Cboss=40bank.com=3E?=",
    ],
)
def test_no_address_from_encoded_words_or_garbage(value: str) -> None:
    p = headers_only(f"From: {value}")
    assert p.from_addr is None
    assert "unparseable From header" in p.defects


def test_missing_from() -> None:
    assert "missing From header" in headers_only("Subject: x").defects


def test_multiple_from_addresses_take_the_first() -> None:
    p = headers_only("From: a@example.org, b@example.org")
    assert p.from_addr == "a@example.org"
    assert "multiple From addresses" in p.defects


def test_address_lists_dedupe_and_ignore_groups() -> None:
    p = headers_only(
        "To: A <a@example.org>, undisclosed-recipients:;, b@example.org",
        "To: a@EXAMPLE.org",
        "Cc: team: c@example.org, d@example.org;",
    )
    assert p.to == ["a@example.org", "b@example.org"]
    assert p.cc == ["c@example.org", "d@example.org"]


def test_rfc2047_details() -> None:
    p = headers_only(
        "Subject: =?utf-8?q?caf=C3?= =?utf-8?q?=A9?= and =?iso-8859-1?q?caf=E9?=  =?utf-8?b?IOKCrA==?=",
        "X-Glued: before=?utf-8?q?MID?=after",
        "Subject: second",
    )
    # split multibyte char joined, whitespace between adjacent words dropped
    assert p.subject == "café and café €"
    assert p.header("x-glued") == "beforeMIDafter"
    assert "duplicate Subject header" in p.defects


def test_folded_header_is_unfolded_and_tabs_become_spaces() -> None:
    p = headers_only("Subject: first line\n\tsecond\tline\n third")
    assert p.subject == "first line second line third"
    assert "control characters in Subject header" not in p.defects


def test_unicode_line_separators_are_removed() -> None:
    p = headers_only("Subject: =?utf-8?q?a=E2=80=A8b=C2=85c=0Bd?=")
    assert p.subject == "a b c d"
    assert len(p.subject.splitlines()) == 1


def test_references_and_in_reply_to() -> None:
    p = headers_only(
        "In-Reply-To: Your message of Monday <b@example.org>",
        "References: <a@example.org> junk <b@example.org>",
        " <a@example.org>",
    )
    assert p.in_reply_to == "<b@example.org>"
    assert p.references == ["<a@example.org>", "<b@example.org>"]


def test_too_many_references_keeps_the_newest() -> None:
    ids = " ".join(f"<{i}@example.org>" for i in range(150))
    p = headers_only(f"References: {ids}")
    assert len(p.references) == 100 and p.references[-1] == "<149@example.org>"
    assert "too many References" in p.defects


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 1 Jan 2024 10:00:00 +0530", datetime(2024, 1, 1, 4, 30, tzinfo=timezone.utc)),
        ("1 Jan 2024 10:00 GMT", datetime(2024, 1, 1, 10, 0, tzinfo=timezone.utc)),
        ("Mon, 1 Jan 24 10:00:00 EST", datetime(2024, 1, 1, 15, 0, tzinfo=timezone.utc)),
    ],
)
def test_dates(value: str, expected: datetime) -> None:
    p = headers_only(f"Date: {value}")
    assert p.date == expected and p.date.tzinfo is not None


@pytest.mark.parametrize("value", ["", "yesterday", "Mon, 1 Jan 2024 10:00:00 +9999", "99999999999999999999"])
def test_bad_dates(value: str) -> None:
    p = headers_only(f"Date: {value}")
    assert p.date is None and "unparseable Date header" in p.defects


def test_defects_do_not_echo_content() -> None:
    p = parse(
        crlf(
            "X-My-Home-Is-At-5-Main-St: =?x-help-me-i-am-at-home?q?x?=\n"
            'Content-Type: text/plain; charset="call me on 555 1234"\n\nhello\n'
        )
    )
    assert "unknown charset x-help-me-i-am-at-home in other header" in p.defects
    assert "unknown charset (invalid name) in part 1" in p.defects
    assert not any("Main" in d or "555" in d for d in p.defects)


def test_header_order_and_names_as_written() -> None:
    p = headers_only("X-B: 1", "x-a: 2", "X-B: 3")
    assert p.headers == [("X-B", "1"), ("x-a", "2"), ("X-B", "3")]
    assert p.header_all("x-b") == ["1", "3"]


# --- bodies -----------------------------------------------------------------


def single(content_type: str, body: bytes, cte: str | None = None, extra: str = "") -> Parsed:
    head = f"From: a@example.org\r\nContent-Type: {content_type}\r\n"
    if cte:
        head += f"Content-Transfer-Encoding: {cte}\r\n"
    return parse(head.encode() + extra.encode() + b"\r\n" + body)


@pytest.mark.parametrize(
    ("charset", "body", "text"),
    [
        ("iso-8859-1", "café €".encode("cp1252"), "café €"),  # Latin-1 label means Windows-1252
        ("koi8-r", "привет".encode("koi8-r"), "привет"),
        ("shift_jis", "こんにちは".encode("cp932"), "こんにちは"),
        ("gb2312", "你好".encode("gb18030"), "你好"),
        ("us-ascii", "naïve".encode("utf-8"), "naïve"),  # mislabelled UTF-8 is read as UTF-8
    ],
)
def test_body_charsets(charset: str, body: bytes, text: str) -> None:
    p = single(f"text/plain; charset={charset}", body)
    assert p.text == text
    assert p.defects == ["missing Message-ID", "missing Date header"]


def test_wrong_bytes_for_declared_charset() -> None:
    p = single("text/plain; charset=utf-8", b"caf\xe9")
    assert p.text == "caf\ufffd"
    assert "invalid bytes for charset utf-8 in part 1" in p.defects


@pytest.mark.parametrize("charset", ["zlib", "base64", "rot13", "unicode_escape", "undefined", "../../x"])
def test_non_text_codecs_are_unknown_charsets(charset: str) -> None:
    p = single(f'text/plain; charset="{charset}"', b"x\\u0041y")
    assert p.text == "x\\u0041y"
    assert any(d.startswith("unknown charset") for d in p.defects)


def test_undeclared_8bit_body() -> None:
    p = single("text/plain", b"Gr\xfc\xdfe")
    assert p.text == "Grüße"
    assert "undeclared 8-bit text in part 1" in p.defects


def test_html_meta_charset_is_used() -> None:
    body = '<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251")
    assert single("text/html", body).text == "Привет"


def test_text_is_capped() -> None:
    p = single("text/plain; charset=utf-8", b"a" * (MAX_TEXT_CHARS + 10))
    assert len(p.text) == MAX_TEXT_CHARS
    assert "body text truncated" in p.defects


def test_unknown_transfer_encoding() -> None:
    p = single("text/plain", b"hello", cte="x-magic")
    assert p.text == "hello" and "unknown transfer encoding in part 1" in p.defects


def test_body_choice_skips_attachments_and_prefers_plain() -> None:
    data = crlf(
        """From: a@example.org
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

attached notes
--b
Content-Type: text/html

<p>html body</p>
--b
Content-Type: text/plain
Content-Disposition: inline

plain body
--b
Content-Type: image/jpeg
Content-ID: <img1>

xx
--b--
"""
    )
    p = parse(data)
    assert p.text == "plain body"
    assert [(a.filename, a.content_type) for a in p.attachments] == [
        ("notes.txt", "text/plain"),
        (None, "image/jpeg"),
    ]


def test_html_body_when_no_plain() -> None:
    data = crlf(
        """From: a@example.org
Content-Type: multipart/related; boundary=r

--r
Content-Type: text/html; charset=utf-8

<div>Hello &eacute;t&eacute;<br><img src="cid:x"></div>
--r
Content-Type: image/png; name="x.png"

xx
--r--
"""
    )
    p = parse(data)
    assert p.text == "Hello été"
    assert p.attachments == [Attachment("x.png", "image/png", 2)]  # CRLF before "--" is the boundary's


def test_filenames_are_sanitised() -> None:
    data = crlf(
        """From: a@example.org
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="../../etc/passwd"

x
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="=?utf-8?q?invoice=E2=80=AEfdp.exe?="

x
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="=?utf-8?q?a=0D=0Ab.txt?="

x
--b
Content-Type: application/octet-stream; name="C:\\\\Users\\\\x\\\\report.doc"

x
--b--
"""
    )
    names = [a.filename for a in parse(data).attachments]
    assert names == ["passwd", "invoicefdp.exe", "a b.txt", "report.doc"]


def test_message_rfc822_is_an_attachment_not_a_body() -> None:
    inner = b"From: x@example.net\r\nSubject: inner\r\n\r\ninner text\r\n"
    data = (
        b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"--b--\r\n"
    )
    p = parse(data)
    assert p.text == ""
    assert p.attachments == [Attachment(None, "message/rfc822", len(inner) - 2)]


def test_html_to_text() -> None:
    markup = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>Hello&nbsp;<b>world</b> &amp; all</p><script>alert(1)</script>"
        "<div>On Mon, X wrote:<br></div><blockquote><p>quoted</p></blockquote>"
        "<ul><li>one</li><li>two</li></ul><pre>a\n  b</pre></body></html>"
    )
    assert html_to_text(markup) == (
        "Hello world & all\n\nOn Mon, X wrote:\n\n> quoted\n\none\ntwo\n\na\n  b"
    )


PATHOLOGICAL_MARKUP = {
    "unterminated_tags": "<a " * 50_000,
    "unterminated_comments": "<!--" * 50_000,
    "unterminated_end_tags": "</" * 50_000,
    "quotes_across_tags": "<a b='>" * 50_000,
    "one_huge_tag": "<" * 100_000 + ">",
    "broken_charrefs": "&#" * 50_000,
}


@pytest.mark.parametrize("markup", PATHOLOGICAL_MARKUP.values(), ids=PATHOLOGICAL_MARKUP.keys())
def test_html_to_text_pathological_markup(markup: str) -> None:
    text = html_to_text(markup)
    assert isinstance(text, str)


# --- randomised robustness --------------------------------------------------

TOKENS = [
    b"\r\n", b"\n", b"\r", b"\x00", b"=?", b"?=", b"?q?", b"?b?", b"<", b">", b"@", b'"',
    b"(", b")", b"--", b";", b":", b"boundary=", b"\xff", b"\xc3", b"=\r\n", b"*0*=",
    b"\\", b"\t", b" ", b"Content-Type: multipart/mixed; boundary=x\r\n",
    b"Content-Type: message/rfc822\r\n", b"charset=", b"=?utf-8?b?", b"\r\n\r\n",
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not buf:
            buf += rng.choice(TOKENS)
            continue
        at = rng.randrange(len(buf))
        op = rng.random()
        if op < 0.3:
            buf[at] = rng.randrange(256)
        elif op < 0.5:
            buf[at:at] = rng.choice(TOKENS)
        elif op < 0.65:
            del buf[at : at + rng.randint(1, 64)]
        elif op < 0.75:
            del buf[at:]
        elif op < 0.9:
            src = rng.randrange(len(buf))
            buf[at:at] = buf[src : src + rng.randint(1, 200)]
        else:
            buf[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(buf)


def test_randomised_mutations_never_raise() -> None:
    """2000 seeded mutations of the well-formed messages (about 1-2 s)."""
    rng = random.Random(20241125)
    seeds = list(WELL_FORMED.values())
    for _ in range(2000):
        data = mutate(rng, rng.choice(seeds))
        p = parse(data)
        assert_invariants(p)
        assert not [d for d in p.defects if d.startswith("internal")], (data[:200], p.defects)


# --- strip_quotes_and_signature ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thanks, I will come.\n\nOn Mon, Jan 1, 2024 at 10:00 AM John Doe <\n"
            "john@example.org> wrote:\n> Can you come?\n> Bye\n",
            "Thanks, I will come.",
        ),
        ("Merci.\n\nLe lun. 1 janv. 2024 à 10:00, Jean <jean@x.fr> a écrit :\n> Bonjour\n", "Merci."),
        ("Danke.\n\nAm 01.01.2024 um 10:00 schrieb Hans Müller:\n> Hallo\n", "Danke."),
        ("Gracias.\n\nEl lun, 1 ene 2024 a las 10:00, Ana (<ana@x.es>) escribió:\n>hola\n", "Gracias."),
        ("Obrigado.\n\nEm seg., 1 de jan. de 2024 às 10:00, Rui <rui@x.pt> escreveu:\n> Olá\n", "Obrigado."),
        ("Спасибо.\n\n1 янв. 2024 г., в 10:00, Иван <ivan@x.ru> написал(а):\n> Привет\n", "Спасибо."),
        (
            "شكرا لكم\n\nفي الاثنين، ١ يناير ٢٠٢٤ في ١٠:٠٠ ص، أحمد <ahmed@x.org> كتب:\u200f\n> مرحبا\n",
            "شكرا لكم",
        ),
        ("> quoted first\nmy answer\n> more\nsecond answer", "my answer\nsecond answer"),
        ("Body\n-- \nJane Doe\nPhone 555", "Body"),
        ("Body\n--\nJane", "Body"),
        ("I am ok\n\nSent from my iPhone", "I am ok"),
        ("Ich bin ok\n\nVon meinem iPhone gesendet", "Ich bin ok"),
        ("Estoy bien\r\n\r\nEnviado desde mi iPhone\r\n", "Estoy bien"),
        ("Je vais bien\nEnvoyé de mon iPhone", "Je vais bien"),
        ("ok\n\nGet Outlook for Android", "ok"),
        ("", ""),
    ],
)
def test_strip_quotes_and_signature(text: str, expected: str) -> None:
    assert strip_quotes_and_signature(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On Monday my brother wrote: they know where you live.\nHelp.",
        "My neighbour wrote:\nthey are watching the house",  # no quote block follows
        "Sent them the documents yesterday.",
        "The police sent my phone back broken.",
    ],
)
def test_strip_keeps_the_senders_own_words(text: str) -> None:
    assert strip_quotes_and_signature(text) == text


def test_strip_collapses_blank_runs() -> None:
    assert strip_quotes_and_signature("a\n\n\n\n> q\n\n\nb") == "a\n\nb"


def test_lone_surrogates_never_leave_the_parser():
    """Found by bench/fuzz_parse.py: surrogateescape leftovers cannot be encoded later."""
    from mailrouter.parse import _without_surrogates

    dirty = parse(b"From: a@b.org\r\nSubject: x\r\n\r\nbody\r\n")
    dirty.from_name, dirty.text, dirty.headers = "\udce1\udc88name", "te\udcffxt", [("Subject", "s\udc80")]
    clean = _without_surrogates(dirty)
    for value in (clean.from_name, clean.text, clean.headers[0][1]):
        value.encode("utf-8")  # would raise on a lone surrogate
    assert clean.from_name == "\ufffd\ufffdname" and clean.text == "te\ufffdxt"


def test_language_cleaning_of_long_unbroken_text_is_linear():
    """Found by bench/fuzz_parse.py: the e-mail address pattern was quadratic on long runs."""
    from mailrouter.language import clean

    assert set(clean("a" * 300_000).strip()) == {"a"}  # returns at once (a timeout before)
    assert "name+tag@mail.example.org" not in clean("write to name+tag@mail.example.org please")
