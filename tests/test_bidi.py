"""Bidi controls in From and Subject: a content-free defect, made visible for staff. Pure."""

from __future__ import annotations

import pytest

from mailrouter.parse import parse, show_bidi_controls

CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200e", "\u200f", "\u061c"]


def message(from_: str = "a@example.net", subject: str = "help") -> bytes:
    return (f"From: {from_}\r\nTo: b@example.org\r\nSubject: {subject}\r\nMessage-ID: <1@example.net>\r\n"
            "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\n"
            "text\r\n").encode()


@pytest.mark.parametrize("ch", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_in_the_subject_is_a_defect_and_made_visible(ch):
    parsed = parse(message(subject=f"a{ch}b"))
    assert "bidi control characters in Subject header" in parsed.defects
    assert show_bidi_controls(parsed.subject) == f"a<U+{ord(ch):04X}>b"


def test_display_name_and_encoded_words_count_too():
    parsed = parse(message(from_='"Support \u202eMAERT" <s@example.net>'))
    assert parsed.defects == ["bidi control characters in From header"]
    encoded = parse(message(subject="=?utf-8?q?x=E2=80=AEy?="))
    assert "bidi control characters in Subject header" in encoded.defects
    assert show_bidi_controls(encoded.subject) == "x<U+202E>y"


def test_ordinary_right_to_left_text_is_no_defect():
    parsed = parse(message(from_='"ليلى" <layla@example.net>', subject="مساعدة عاجلة"))
    assert parsed.defects == []
    assert show_bidi_controls(parsed.subject) == "مساعدة عاجلة"
    assert show_bidi_controls(None) is None and show_bidi_controls("") == ""
