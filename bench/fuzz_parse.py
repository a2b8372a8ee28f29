#!/usr/bin/env python3
"""Mutation fuzzing of parse, the whole analysis, composing and sealing (no coverage feedback).

    python bench/fuzz_parse.py                    # full: 50,000 inputs (~8 min) -> results/fuzz.md
    python bench/fuzz_parse.py --quick            # 2,000 inputs (~30 s), report printed only
    python bench/fuzz_parse.py --seal-every 0     # without gpg (parse, analyse, compose only)
    python bench/fuzz_parse.py --iterations 200000 --seed 7 --out -
    python bench/fuzz_parse.py --reproduce bench/results/fuzz-crashes/<file>.eml   # one input, with traceback
    python bench/fuzz_parse.py --atheris          # coverage-guided, needs `pip install atheris`

Seeds: every ``.eml`` of ``mailrouter/demo_samples``, ``tests/fixtures/hostile``
and ``tests/fixtures/pgp/mail``.  Input *i* is seed-file ``rng.choice`` with 1-4
stacked mutations drawn from ``random.Random(f"{seed}:{i}")``, so any input can
be rebuilt from (seed, i) alone (``--replay I``):

* ``flip``: random bit flips / byte overwrites (1-16)
* ``truncate``: cut at a random byte, or at a line end
* ``dup-header``: duplicate header lines (top-level or of a MIME part), 1-50 times
* ``boundary``: corrupt multipart boundaries (parameter changed, quoted/unquoted,
  delimiters dropped, closing delimiter removed or doubled, boundary made empty,
  very long, or a prefix of another)
* ``charset``: swap charset labels (``charset=`` and encoded words) for unknown,
  multi-byte, UTF-16/32, UTF-7, empty or absurd ones
* ``cte``: swap Content-Transfer-Encoding values
* ``repeat``: huge repetition of a slice (up to 4 MB), of a header, or of a
  MIME nesting opener
* ``insert``: hostile tokens at random places (CR, LF, NUL, U+0085, U+2028, bare
  ``=?``, encoded CR/LF, ``<``, ``@``, ``"``, very long words)
* ``newlines``: CRLF -> LF / CR / mixed
* ``splice``: headers of one seed with the body of another
* ``attach``: the input as the message/rfc822 (or text/rfc822-headers) part of a
  bounce or an Outlook-style forward, with raw 8-bit bytes or unknown-8bit /
  mislabelled encoded words and a long token in its headers, and CRLF, CR-only
  or LF line ends

Each input goes through

1. ``parse(raw)``;
2. ``Analyser(config, ruleset=...).analyse(mailbox, raw)`` with
   the repository's ``config.toml`` and ``rules/`` (mailbox chosen at random);
3. every ``--compose-every``-th input (default 25), and every input whose
   ``parse()`` result broke an invariant, also ``Composer.case_mail``
   (acknowledgement, forward, escalations, rendered from the templates);
4. every ``--seal-every``-th input (default 100) also goes through a second
   pipeline with ``[crypto]`` (real gpg homes built from the committed test
   keys, every forward encrypted): ``analyse`` with a real ``Crypto``,
   ``compose`` and sealing; each forward must be ``multipart/encrypted``, and
   the one to Alice must decrypt with her key and carry the input's bytes
   (or the decrypted message's) as its attached original.

Checked: no exception escapes (1)-(4); every header value, header name,
display name, subject and attachment filename of the ``Parsed`` results (outer
and, through ``analyse``, the facts) is a single line: no CR or LF (and none of
the other characters ``str.splitlines()`` breaks on, nor NUL; the
``Parsed`` docstring and ``tests/test_parse.py`` promise that); the other
invariants of ``tests/test_parse.py::assert_invariants``; and every composed
mail has a clean header block (CRLF only, each line a known header or a
continuation).  An exception swallowed inside ``parse`` (defect "internal
error in ..." / "internal parse error") is reported separately with its
traceback: not a crash, but a bug hidden by a guard.  A per-input alarm
(``--timeout``, default 20 s) reports hangs.

Failing inputs are written to ``bench/results/fuzz-crashes/`` (only if there
are any; at most 3 per distinct failure), each with a ``.json`` giving the
seed file, mutations, seed, iteration and traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import email
import email.policy
import hashlib
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
CRASH_DIR = RESULTS / "fuzz-crashes"
SEED_DIRS = [ROOT / "mailrouter" / "demo_samples", ROOT / "tests" / "fixtures" / "hostile",
             ROOT / "tests" / "fixtures" / "pgp" / "mail"]
DEFAULT_SEED = 20261125
SEAL_MAILBOX = "humanrights"  # its team (Alice, Bola) has pinned keys; Alice's secret key reads the forward
MAX_INPUT = 4 * 1024 * 1024
SLOW_SECONDS = 1.0

for _p in (str(ROOT), str(ROOT / "tests")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

# The invariants of tests/test_parse.py::assert_invariants (kept in step by hand).
MSGID_RE = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]+>")
ADDR_RE = re.compile(r"[^\s<>,;\"()\[\]@]+@[^\s<>,;\"()@]+")
CRLF = ("\r", "\n")
OTHER_BREAKS = ("\x00", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
HEADER_NAME_RE = re.compile(rb"[\x21-\x39\x3b-\x7e]+")


class FuzzTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` guard swallows it."""


# --------------------------------------------------------------------------
# mutations
# --------------------------------------------------------------------------

CHARSETS = ["x-unknown-42", "utf-16", "utf-16-le", "utf-32", "utf-7", "iso-2022-jp", "gb18030", "big5",
            "shift_jis", "euc-kr", "koi8-r", "windows-1256", "cp1252", "latin1", "ascii", "us-ascii", "", '""',
            "utf-8''", "rot13", "base64", "hex", "zlib", "idna", "punycode", "unicode_escape", "raw_unicode_escape",
            "mbcs", "utf_8_sig", "utf-8*en", "UTF-8?Q?", "a" * 300, "utf-8\x00", "utf-8; charset=latin1",
            "\u00e9t\u00e9", "cp65001", "x-mac-roman", "iso-8859-8-i", "unknown-8bit", "undefined"]
CTES = [b"base64", b"quoted-printable", b"7bit", b"8bit", b"binary", b"x-uuencode", b"uuencode", b"BASE64 ",
        b"", b"quoted-printable; x=1", b"gzip", b"base-64", b"x-token"]
TOKENS = [b"\r", b"\n", b"\r\n", b"\x00", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\x0b", b"\x0c",
          b"\x1c", b"=?", b"?=", b"=?utf-8?q?a=0D=0AX-Injected:_1?=", b"=?utf-8?b?DQpCY2M6IGV2aWxAeC5vcmc=?=",
          b"=?utf-8?q?=00?=", b"=?x?q??=", b"=?utf-7?q?+2D0-?=", b"+2D0-", b"<", b">", b"@", b'"', b"\\", b"(", b")", b",", b";", b":",
          b"\r\nX-Injected: yes", b"\r\n\r\n", b"\r\n ", b"\r\n\t", b"--", b"\xff\xfe", b"\xef\xbb\xbf",
          b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"A" * 5000, b"%" * 100, b"=" * 77 + b"\r\n",
          b"Content-Type: multipart/mixed; boundary=x\r\n", b"begin 644 x\r\n", b"<html><body><a ",
          b"&#x0d;&#x0a;", b"&#0;", b"\u202e".decode("unicode_escape").encode("utf-8")]
LONG_LINE = b"x" * 20000  # 70,000 took 12 s per input in language.clean() (quadratic _EMAIL regex)


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _header_end(data: bytes) -> int:
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = data.find(sep)
        if i >= 0:
            return i + len(sep)
    return len(data)


def m_flip(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    if not data:
        return bytes([rng.randrange(256)]), "flip(empty)"
    b = bytearray(data)
    n = rng.randint(1, 16)
    for _ in range(n):
        i = rng.randrange(len(b))
        if rng.random() < 0.5:
            b[i] ^= 1 << rng.randrange(8)
        else:
            b[i] = rng.choice([0, 10, 13, 0x7f, 0x80, 0xff, 0xc0, 0xe2, ord(":"), ord(";"), ord("="), ord('"'),
                               ord("<"), ord("-"), rng.randrange(256)])
    return bytes(b), f"flip x{n}"


def m_truncate(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    if len(data) < 2:
        return data, "truncate(noop)"
    if rng.random() < 0.5:
        i = rng.randrange(1, len(data))
        return data[:i], f"truncate@{i}"
    ends = [m.end() for m in re.finditer(rb"\n", data)] or [len(data) // 2]
    i = rng.choice(ends)
    return data[:i], f"truncate-line@{i}"


def m_dup_header(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    lines = _lines(data)
    candidates = [i for i, ln in enumerate(lines) if re.match(rb"[A-Za-z-]+:", ln)]
    if not candidates:
        return data, "dup-header(none)"
    i = rng.choice(candidates)
    j = i + 1
    while j < len(lines) and lines[j][:1] in (b" ", b"\t"):
        j += 1
    block = b"".join(lines[i:j])
    times = rng.choice([1, 1, 2, 3, 10, 50])
    if rng.random() < 0.3:  # a conflicting value
        name = block.split(b":", 1)[0]
        block = block + name + b": " + rng.choice(TOKENS + [b"text/plain", b"multipart/mixed", b"a@b.c"]) + b"\r\n"
    out = b"".join(lines[:j]) + block * times + b"".join(lines[j:])
    return out, f"dup-header {block.split(b':', 1)[0][:30].decode('latin-1')} x{times}"


def m_boundary(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    found = re.findall(rb'boundary\s*=\s*"?([^";\r\n]+)"?', data, re.IGNORECASE)
    if not found:
        return data, "boundary(none)"
    b = rng.choice(found)
    what = rng.randrange(9)
    if what == 0:  # parameter changed, body delimiters not
        return data.replace(b"boundary=\"" + b + b"\"", b"boundary=\"" + b + b"X\"", 1).replace(
            b"boundary=" + b, b"boundary=" + b + b"X", 1), "boundary param changed"
    if what == 1:  # closing delimiter removed
        return data.replace(b"--" + b + b"--", b"", 1), "boundary close removed"
    if what == 2:  # a delimiter dropped
        positions = [m.start() for m in re.finditer(re.escape(b"--" + b), data)]
        p = rng.choice(positions) if positions else 0
        return data[:p] + data[p + 2 + len(b):], "boundary delimiter dropped"
    if what == 3:  # delimiters doubled
        return data.replace(b"--" + b + b"\r\n", b"--" + b + b"\r\n--" + b + b"\r\n"), "boundary doubled"
    if what == 4:  # empty boundary
        return re.sub(rb'boundary\s*=\s*"?' + re.escape(b) + rb'"?', b'boundary=""', data, count=1), \
            "boundary empty"
    if what == 5:  # very long boundary
        long = b * (1 + 200 // max(1, len(b)))
        return data.replace(b, long), "boundary very long"
    if what == 6:  # a prefix of itself
        short = b[: max(1, len(b) // 2)]
        return data.replace(b"boundary=\"" + b + b"\"", b"boundary=\"" + short + b"\"", 1), "boundary prefix"
    if what == 7:  # quotes unbalanced
        return data.replace(b"boundary=\"" + b + b"\"", b"boundary=\"" + b, 1), "boundary unbalanced quote"
    # hostile characters in the boundary
    evil = b + rng.choice([b"\r\n", b"\x00", b" ", b"--", b'"', b"\xff", b"=?utf-8?q?x?="])
    return data.replace(b, evil), "boundary hostile chars"


def m_charset(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    new = rng.choice(CHARSETS).encode("utf-8", "surrogateescape")
    spots = list(re.finditer(rb"charset\s*=\s*\"?([^\";\s]*)\"?", data, re.IGNORECASE))
    spots += list(re.finditer(rb"=\?([^?\s]*)\?[bBqQ]\?", data))
    if not spots:
        # add a charset to a Content-Type, or an encoded word to the Subject
        if rng.random() < 0.5:
            return re.sub(rb"(Content-Type:[^\r\n]*)", rb"\1; charset=" + re.escape(new).replace(b"\\", b""),
                          data, count=1, flags=re.IGNORECASE), f"charset added {new[:20]!r}"
        return re.sub(rb"(Subject:)", rb"\1 =?" + new.replace(b"\\", b"") + rb"?q?=E9t=E9?=", data, count=1,
                      flags=re.IGNORECASE), f"charset ew added {new[:20]!r}"
    m = rng.choice(spots)
    return data[:m.start(1)] + new + data[m.end(1):], f"charset {m.group(1)[:20]!r}->{new[:20]!r}"


def m_cte(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    spots = list(re.finditer(rb"Content-Transfer-Encoding:[ \t]*([^\r\n]*)", data, re.IGNORECASE))
    new = rng.choice(CTES)
    if not spots:
        end = _header_end(data)
        return data[:end].rstrip(b"\r\n") + b"\r\nContent-Transfer-Encoding: " + new + b"\r\n\r\n" + data[end:], \
            f"cte added {new!r}"
    m = rng.choice(spots)
    return data[:m.start(1)] + new + data[m.end(1):], f"cte {m.group(1)[:20]!r}->{new!r}"


def m_repeat(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    what = rng.randrange(4)
    if what == 0 and data:  # a slice, many times
        i = rng.randrange(len(data))
        piece = data[i:i + rng.randint(1, 200)]
        times = min(MAX_INPUT // max(1, len(piece)), rng.choice([100, 1000, 10000, 100000]))
        return data[:i] + piece * times + data[i:], f"repeat slice {len(piece)}B x{times}"
    if what == 1:  # a header line, many times
        times = rng.choice([500, 1000, 5000, 20000])
        line = rng.choice([b"Received: from x by y; Tue, 24 Nov 2026 21:14:05 +0000\r\n", b"X-A: b\r\n",
                           b"To: a@b.c, d@e.f\r\n", b"Subject: =?utf-8?q?x?=\r\n", b"References: <a@b>\r\n",
                           b" folded continuation\r\n"])
        return line * times + data, f"repeat header x{times}"
    if what == 2:  # MIME nesting openers
        depth = rng.choice([60, 300, 2000])
        opener = b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n"
        head = b"".join(opener % (k, k) for k in range(depth))
        return b"From: a@b.c\r\n" + head + data, f"repeat nesting x{depth}"
    # a huge single line or word (in the header or the body)
    pos = rng.choice([0, _header_end(data), len(data)])
    piece = rng.choice([LONG_LINE, b"=?utf-8?q?" + b"=E9" * 20000 + b"?=", b"<" * 50000, b"a@" * 30000,
                        b"(" * 30000, b'"' * 30000, b"=\r\n" * 30000])
    return data[:pos] + piece + data[pos:], f"repeat long token {len(piece)}B"


def m_insert(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    n = rng.randint(1, 8)
    b = data
    for _ in range(n):
        tok = rng.choice(TOKENS)
        if rng.random() < 0.6:  # mostly in the header section
            i = rng.randrange(max(1, _header_end(b)))
        else:
            i = rng.randrange(len(b) + 1)
        b = b[:i] + tok + b[i:]
    return b, f"insert x{n}"


def m_newlines(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    what = rng.randrange(4)
    if what == 0:
        return data.replace(b"\r\n", b"\n"), "newlines LF"
    if what == 1:
        return data.replace(b"\r\n", b"\r"), "newlines CR"
    if what == 2:
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "newlines CRLF"
    return b"".join(ln.rstrip(b"\r\n") + rng.choice([b"\r\n", b"\n", b"\r", b"\n\r"]) for ln in _lines(data)), \
        "newlines mixed"


EIGHT_BIT_VALUES = [b"J\xfcrgen M\xfcller", b"Amea\xe7a: sabemos onde voc\xea mora", b"\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd",
                    b"Gr\xc3\xbc\xc3\x9fe \xe2\x80\x93 dringend", b"\xff\xfe\x80", b"\xe6\x95\x91\xe5\x91\xbd"]
ODD_WORDS = [b"=?unknown-8bit?q?Gr=FC=DFe?=", b"=?utf-8?Q?Amea=E7a?=", b"=?utf-8?B?/w==?=", b"=?x-unknown?q?=E9?=",
             b"=?unknown-8bit?b?R3J1cHBlIEvWbG4=?=", b"=?iso-8859-1?q?caf=E9?="]
LONG_TOKENS = [b"", b"https://forum.example.net/t/8812-wir-wissen-wo-ihr-euch-trefft?ref=mail&src=relay",
               b"AdtEqZ0yJ7m3sV1gRkq9t8XcLwH2Pw" * 4, b"x" * 300]


def m_attach(rng: random.Random, data: bytes, _seeds) -> tuple[bytes, str]:
    """The input as the message/rfc822 attachment of a bounce or an Outlook-style forward, with
    raw 8-bit bytes or unknown-8bit / mislabelled encoded words (and a long token) in its headers."""
    end = _header_end(data)
    head, body = data[:end], data[end:]
    how = rng.randrange(3)
    if how == 0:  # raw 8-bit header value
        value = rng.choice(EIGHT_BIT_VALUES)
        head, n = re.subn(rb"(?im)^(Subject|From|To|Thread-Topic):[^\r\n]*", lambda m: m.group(1) + b": " + value,
                          head, count=1)
        head = head if n else b"Subject: " + value + b"\r\n" + head
    elif how == 1:  # encoded words the email package cannot decode, and a token it must fold
        word = rng.choice(ODD_WORDS) + b" " + rng.choice(LONG_TOKENS)
        head = b"Thread-Topic: " + word + b"\r\nSubject: " + rng.choice(ODD_WORDS) + b"\r\n" + head
    inner = head + body
    bnd = b"fz%d" % rng.randrange(10**6)
    envelope = rng.choice(["dsn", "outlook", "rfc822-headers"])
    top = (b"From: MAILER-DAEMON@mx.example.net\r\nTo: emergency@example.org\r\nSubject: Undelivered Mail\r\n"
           b"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" if envelope != "outlook" else
           b"From: Maria Lopes <maria.lopes@example.com>\r\nTo: talktohumanrights@example.org\r\nSubject: FW: "
           b"=?iso-8859-1?Q?Amea=E7a?=\r\nThread-Index: AdtEqZ0yJ7m3sV1gRkq9t8XcLwH2Pw==\r\nMIME-Version: 1.0\r\n")
    ctype = b"multipart/report; report-type=delivery-status" if envelope != "outlook" else b"multipart/mixed"
    kind = b"text/rfc822-headers" if envelope == "rfc822-headers" else b"message/rfc822"
    out = (top + b"Content-Type: " + ctype + b'; boundary="' + bnd + b'"\r\n\r\n--' + bnd
           + b"\r\nContent-Type: text/plain\r\n\r\nThe message is attached.\r\n--" + bnd
           + (b"\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
              b"Final-Recipient: rfc822; gone@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--" + bnd
              if envelope != "outlook" else b"")
           + b"\r\nContent-Type: " + kind + b"\r\n\r\n" + (head if kind == b"text/rfc822-headers" else inner)
           + b"\r\n--" + bnd + b"--\r\n")
    newlines = rng.choice(["CRLF", "CRLF", "CR", "LF"])
    if newlines == "CR":
        out = out.replace(b"\r\n", b"\r")
    elif newlines == "LF":
        out = out.replace(b"\r\n", b"\n")
    return out, f"attach in {envelope} ({['8-bit header', 'odd encoded words', 'as is'][how]}, {newlines})"


def m_splice(rng: random.Random, data: bytes, seeds) -> tuple[bytes, str]:
    name, other = rng.choice(seeds)
    head = data[:_header_end(data)]
    return head + other[_header_end(other):], f"splice body of {name}"


MUTATORS = {
    "flip": (m_flip, 20), "truncate": (m_truncate, 10), "dup-header": (m_dup_header, 12), "boundary": (m_boundary, 12),
    "charset": (m_charset, 12), "cte": (m_cte, 6), "repeat": (m_repeat, 3), "insert": (m_insert, 15),
    "newlines": (m_newlines, 5), "splice": (m_splice, 5), "attach": (m_attach, 8),
}


def load_seeds() -> list[tuple[str, bytes]]:
    seeds = []
    for d in SEED_DIRS:
        for path in sorted(d.glob("*.eml")):
            seeds.append((str(path.relative_to(ROOT)), path.read_bytes()))
    return seeds


def make_input(seed: int, i: int, seeds: list[tuple[str, bytes]]) -> tuple[str, bytes, list[str], str]:
    """(seed file, input bytes, mutations applied, mailbox) for iteration i: a pure function of (seed, i)."""
    rng = random.Random(f"{seed}:{i}")
    name, data = rng.choice(seeds)
    names = list(MUTATORS)
    weights = [MUTATORS[n][1] for n in names]
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        mname = rng.choices(names, weights)[0]
        data, what = MUTATORS[mname][0](rng, data, seeds)
        applied.append(what)
        if len(data) > MAX_INPUT:
            data = data[:MAX_INPUT]
            applied.append(f"capped at {MAX_INPUT}")
    mailbox = rng.choice(["humanrights", "emergency"])
    return name, data, applied, mailbox


# --------------------------------------------------------------------------
# checks
# --------------------------------------------------------------------------


def parsed_problems(p, where: str) -> list[str]:
    """Invariant violations of one Parsed (as in tests/test_parse.py), each 'kind: detail'."""
    from mailrouter.model import Attachment, Parsed
    from mailrouter.parse import MAX_TEXT_CHARS

    out = []
    if not isinstance(p, Parsed):
        return [f"type: {where} is {type(p).__name__}, not Parsed"]
    single = [("header name", n) for n, _ in p.headers] + [(f"header {n[:40]!r}", v) for n, v in p.headers]
    single += [("from_name", p.from_name), ("subject", p.subject)]
    single += [("attachment filename", a.filename) for a in p.attachments if a.filename is not None]
    for label, value in single:
        if not isinstance(value, str):
            out.append(f"type: {where} {label} is {type(value).__name__}")
            continue
        if any(c in value for c in CRLF):
            out.append(f"CRLF in header value: {where} {label} = {value[:120]!r}")
        elif any(c in value for c in OTHER_BREAKS):
            out.append(f"line break/NUL in header value: {where} {label} = {value[:120]!r}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            out.append(f"surrogate in header value: {where} {label} = {value[:120]!r}")
    for label, addr in [("from_addr", p.from_addr), ("reply_to", p.reply_to)] + [("to", a) for a in p.to] + \
            [("cc", a) for a in p.cc]:
        if addr is not None and not (ADDR_RE.fullmatch(addr) and addr == addr.lower()):
            out.append(f"address shape: {where} {label} = {addr[:120]!r}")
    if not (p.return_path is None or p.return_path == "" or ADDR_RE.fullmatch(p.return_path)):
        out.append(f"address shape: {where} return_path = {p.return_path[:120]!r}")
    for label, mid in [("message_id", p.message_id), ("in_reply_to", p.in_reply_to)] + \
            [("references", r) for r in p.references]:
        if mid is not None and not MSGID_RE.fullmatch(mid):
            out.append(f"msg-id shape: {where} {label} = {mid[:120]!r}")
    if p.date is not None and p.date.tzinfo is None:
        out.append(f"naive date: {where}")
    if "\x00" in p.text or "\r" in p.text:
        out.append(f"NUL/CR in text: {where}")
    try:
        p.text.encode("utf-8")
    except UnicodeEncodeError:
        out.append(f"surrogate in text: {where}")
    if len(p.text) > MAX_TEXT_CHARS:
        out.append(f"text too long: {where} {len(p.text)}")
    if not re.fullmatch(r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", p.content_type):
        out.append(f"content type shape: {where} {p.content_type[:80]!r}")
    for att in p.attachments:
        if not isinstance(att, Attachment) or att.size < 0 or att.content_type != att.content_type.lower() \
                or "/" not in att.content_type:
            out.append(f"attachment shape: {where} {att!r}"[:200])
        elif att.filename is not None and ("/" in att.filename or "\\" in att.filename or not att.filename):
            out.append(f"attachment filename: {where} {att.filename[:80]!r}")
    for d in p.defects:
        if len(d) >= 100 or "@" in d or "\n" in d:
            out.append(f"defect not content-free: {where} {d[:120]!r}")
    return out


def facts_problems(facts) -> list[str]:
    out = []
    values = [("facts.subject", facts.subject), ("facts.sender", facts.sender or ""),
              ("facts.sender_domain", facts.sender_domain or "")]
    values += [(f"facts.header {n[:40]!r}", v) for n, v in facts.headers] + [("facts.header name", n)
                                                                            for n, _ in facts.headers]
    for label, value in values:
        if any(c in value for c in CRLF):
            out.append(f"CRLF in header value: {label} = {value[:120]!r}")
        elif any(c in value for c in OTHER_BREAKS):
            out.append(f"line break/NUL in header value: {label} = {value[:120]!r}")
    return out


def outgoing_problems(outgoing, allowed: set[str] | None) -> list[str]:
    """A composed mail's header block: CRLF line ends only; each line a header or a continuation."""
    out = []
    for o in outgoing:
        data = o.data
        end = data.find(b"\r\n\r\n")
        head = data[:end + 2] if end >= 0 else data
        if end < 0:
            out.append(f"outgoing {o.kind}: no header/body separator")
        body_lines = head.split(b"\r\n")[:-1]
        for line in body_lines:
            if b"\r" in line or b"\n" in line:
                out.append(f"outgoing {o.kind}: bare CR/LF in header block: {line[:100]!r}")
                break
            if line[:1] in (b" ", b"\t"):
                continue
            name, sep, _ = line.partition(b":")
            if not sep or not HEADER_NAME_RE.fullmatch(name):
                out.append(f"outgoing {o.kind}: header block line is not a header: {line[:100]!r}")
                break
            if allowed is not None and name.decode("ascii").lower() not in allowed:
                out.append(f"outgoing {o.kind}: unexpected header {name[:60]!r} (injected?)")
        for label, value in [("message_id", o.message_id), ("envelope_from", o.envelope_from),
                             *[("recipient", r) for r in o.recipients]]:
            if any(c in value for c in CRLF + OTHER_BREAKS):
                out.append(f"outgoing {o.kind}: line break in {label} {value[:100]!r}")
    return out


def header_names(outgoing) -> set[str]:
    names = set()
    for o in outgoing:
        end = o.data.find(b"\r\n\r\n")
        for line in o.data[:end].split(b"\r\n"):
            if line and line[:1] not in (b" ", b"\t"):
                names.add(line.split(b":", 1)[0].decode("ascii", "replace").lower())
    return names


# --------------------------------------------------------------------------
# the harness
# --------------------------------------------------------------------------


@dataclass
class Finding:
    kind: str  # "exception" | "invariant" | "internal" | "timeout"
    stage: str
    signature: str
    detail: str
    trace: str
    examples: list[dict] = field(default_factory=list)
    count: int = 0


class Harness:
    def __init__(self, compose_every: int, timeout: float, seal_every: int = 0):
        import mailrouter.parse as parse_mod
        from mailrouter.outgoing.compose import CaseRef
        from mailrouter.config import load_config
        from mailrouter.analysis import Analyser
        from mailrouter.outgoing.acknowledgement import ack_plan
        from mailrouter.outgoing.case_mail import Composer
        from mailrouter.outgoing.render import Templates
        from mailrouter.outgoing.seal import Sealer
        from mailrouter.service import load_ruleset

        self.config = load_config(ROOT / "config.toml")
        self.analyser = Analyser(self.config, ruleset=load_ruleset(self.config))
        self.composer = Composer(self.config, Templates(self.config.service.templates_dir), Sealer(self.config, None))
        self.ack_plan = ack_plan
        self.CaseRef = CaseRef
        self.parse_mod = parse_mod
        self.compose_every = compose_every
        self.timeout = timeout
        self.allowed_headers: set[str] | None = None
        self.swallowed: list[tuple[str, str]] = []
        original = parse_mod._guarded

        def guarded(defects, label, fn, default):  # records what the guard swallows, same behaviour
            try:
                return fn()
            except Exception:  # noqa: BLE001
                self.swallowed.append((label, traceback.format_exc()))
                return original(defects, label, _raise_again, default)

        parse_mod._guarded = guarded
        self.sealed = None  # a second analyser (and composer) with [crypto]: real gpg homes, every forward sealed
        self.seal_every = seal_every
        self.sealed_allowed: set[str] | None = None
        self.sealed_count = self.decrypted_count = 0
        if seal_every > 0:
            import shutil
            import tempfile

            from mailrouter.service import build_crypto
            from pgp_homes import crypto_config, make_homes

            self._root = Path(tempfile.mkdtemp(prefix="mrfz-", dir="/tmp"))
            self.homes = make_homes(self._root)
            maildirs = {m: self._root / f"md-{m}" for m in ("humanrights", "emergency")}
            sealed_config = load_config(crypto_config(self._root, self.homes, maildirs=maildirs))
            self.crypto = build_crypto(sealed_config)
            self.sealed = Analyser(sealed_config, ruleset=load_ruleset(sealed_config), crypto=self.crypto)
            self.sealed_composer = Composer(sealed_config, Templates(sealed_config.service.templates_dir),
                                            Sealer(sealed_config, self.crypto))
            self._cleanup = lambda: shutil.rmtree(self._root, ignore_errors=True)

    def close(self) -> None:
        if self.sealed is not None:
            from pgp_homes import kill_agents

            self.crypto.close()
            kill_agents(self.homes)
            self._cleanup()

    def case(self, mailbox: str):
        return self.CaseRef("01JFUZZ0000000000000000000", "7F3K", mailbox,
                            self.config.mailboxes[mailbox].address)

    def compose(self, analysis, mailbox: str, raw: bytes):
        return self.composer.case_mail(analysis, self.case(mailbox), raw, self.ack_plan(analysis)).outgoing

    def learn_headers(self, seeds) -> None:
        names: set[str] = set()
        for _, raw in seeds:
            for box in ("humanrights", "emergency"):
                a = self.analyser.analyse(box, raw)
                names |= header_names(self.compose(a, box, raw))
        self.allowed_headers = names
        if self.sealed is not None:  # sealed mail: the outer headers seal.py may write (and to_outgoing checks)
            from mailrouter.outgoing.compose import OUTGOING_HEADERS

            self.sealed_allowed = set(OUTGOING_HEADERS)

    def check_sealed(self, raw: bytes) -> list[tuple[str, str, str, str]]:
        """analyse + compose with real gpg; every forward sealed, and Alice's decrypts to the original's bytes."""
        from mailrouter.outgoing.compose import _BARE_LF
        from pgp_homes import decrypt_as_alice
        from test_e2e_readable import original_in

        problems = []
        analysis = self.sealed.analyse(SEAL_MAILBOX, raw)
        if "internal error" in (analysis.facts.crypto.error or ""):
            problems.append(("internal", "seal", f"exception swallowed by Crypto.open_message: "
                                                 f"{analysis.facts.crypto.error}", ""))
        mail = self.sealed_composer.case_mail(analysis, self.case(SEAL_MAILBOX), raw, self.ack_plan(analysis))
        outgoing, events = mail.outgoing, mail.events
        self.sealed_count += 1
        problems += [("invariant", "seal", pr, "") for pr in outgoing_problems(outgoing, self.sealed_allowed)]
        for ev in events:
            if "with the original as a file" in ev.event or "failed; staff got a notice only" in ev.event:
                problems.append(("internal", "seal", f"forward composed by the fallback: {(ev.detail or {}).get('error')}",
                                 ""))
        forwards = [o for o in outgoing if o.kind == "forward"]
        if not forwards:
            return problems + [("invariant", "seal", "no forward: " + ", ".join(sorted(o.kind for o in outgoing)), "")]
        original = analysis.inner_raw if analysis.inner_raw is not None else raw
        for fwd in forwards:
            msg = email.message_from_bytes(fwd.data, policy=email.policy.compat32)
            if msg.get_content_type() != "multipart/encrypted":
                problems.append(("invariant", "seal", "forward not sealed", ""))
                continue
            if "alice@staff.example.org" not in fwd.recipients:
                continue
            try:
                got = original_in(decrypt_as_alice(self.homes, msg.get_payload()[1].get_payload(decode=True)))
            except AssertionError as exc:
                problems.append(("invariant", "seal", f"sealed forward unreadable: {str(exc)[:80]}", ""))
                continue
            self.decrypted_count += 1
            if got not in (original, _BARE_LF.sub(b"\r\n", original)):
                problems.append(("invariant", "seal", "sealed forward: the attached original differs from the input", ""))
        return problems

    def run_one(self, raw: bytes, mailbox: str, compose: bool, seal: bool = False) -> list[tuple[str, str, str, str]]:
        """[(kind, stage, detail, traceback)] for one input."""
        problems: list[tuple[str, str, str, str]] = []
        self.swallowed.clear()
        self.composed = False
        stage = "parse"
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            parsed = self.parse_mod.parse(raw)
            for pr in parsed_problems(parsed, "parse()"):
                problems.append(("invariant", "parse", pr, ""))
            compose = compose or bool(problems)  # a suspicious parse result: see what it does downstream
            if "internal parse error" in parsed.defects:  # parse()'s last-resort guard: get the traceback
                try:
                    self.parse_mod._parse(bytes(raw), self.parse_mod._Defects())
                    trace = "(not reproducible outside parse())"
                except Exception:  # noqa: BLE001
                    trace = traceback.format_exc()
                problems.append(("internal", "parse", "exception swallowed by parse()'s last-resort guard", trace))
            stage = "analyse"
            analysis = self.analyser.analyse(mailbox, raw)
            if analysis.inner is not None:
                for pr in parsed_problems(analysis.inner, "analyse().inner"):
                    problems.append(("invariant", "analyse", pr, ""))
            for pr in facts_problems(analysis.facts):
                problems.append(("invariant", "analyse", pr, ""))
            self.composed = compose
            if compose:
                stage = "compose"
                outgoing = self.compose(analysis, mailbox, raw)
                for pr in outgoing_problems(outgoing, self.allowed_headers):
                    problems.append(("invariant", "compose", pr, ""))
            if seal and self.sealed is not None:
                stage = "seal"
                problems += self.check_sealed(raw)
        except FuzzTimeout:
            problems.append(("timeout", stage, f"no result after {self.timeout:.0f} s", traceback.format_exc()))
        except Exception as exc:  # noqa: BLE001 - this is what we are looking for
            problems.append(("exception", stage, f"{type(exc).__name__}: {str(exc)[:200]}", traceback.format_exc()))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for label, trace in self.swallowed:
            problems.append(("internal", "parse", f"exception swallowed by the guard of '{label}'", trace))
        return problems


def _raise_again():
    raise RuntimeError("re-raised for the original guard")


def _alarm(_signum, _frame):
    raise FuzzTimeout()


def signature(kind: str, stage: str, detail: str, trace: str) -> str:
    """Groups findings: exception type + innermost mailrouter/stdlib frame; or the invariant's kind."""
    if trace and kind in ("exception", "internal", "timeout"):
        frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', trace)
        inner = frames[-1] if frames else ("?", "?", "?")
        last = trace.strip().splitlines()[-1].split(":")[0]
        return f"{kind}|{stage}|{last}|{Path(inner[0]).name}:{inner[1]}:{inner[2]}"
    head = re.sub(r"\s*=?\s*b?['\"].*$", "", detail, flags=re.DOTALL)[:80]  # without the offending value
    return f"{kind}|{stage}|{head}"


def severe(f: Finding) -> bool:
    """A line break where a header value must be a single line, or a broken outgoing header block."""
    head = f.signature.split("|")[2]
    return f.kind == "invariant" and (head.startswith(("CRLF", "outgoing", "sealed", "no forward", "forward not")))


def machine() -> dict[str, str]:
    def first_line(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=20,
                                  check=False).stdout.splitlines()[0].strip()
        except (OSError, IndexError, subprocess.SubprocessError):
            return "?"

    cpu = "?"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    head = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    try:  # read-only: no optional index refresh
        dirty = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), "status", "--porcelain", "--",
                                "mailrouter", "rules", "config.toml", "templates"], capture_output=True, text=True,
                               timeout=20, check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        dirty = []
    code = f"commit {head}" + (f" + uncommitted changes in {len(dirty)} file(s) of mailrouter/, rules/, "
                               f"config.toml, templates/" if dirty else "")
    return {"code": code, "cpu": cpu, "nproc": str(os.cpu_count()), "python": platform.python_version(),
            "kernel": platform.release(), "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def save_example(finding: Finding, raw: bytes, meta: dict) -> str:
    CRASH_DIR.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(raw).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{finding.kind}-{finding.stage}-{finding.signature.split('|')[2]}")[:60]
    base = CRASH_DIR / f"{slug}-{digest}"
    base.with_suffix(".eml").write_bytes(raw)
    base.with_suffix(".json").write_text(json.dumps({**meta, "kind": finding.kind, "stage": finding.stage,
                                                     "detail": finding.detail, "traceback": finding.trace},
                                                    indent=2, ensure_ascii=False) + "\n")
    return str(base.with_suffix(".eml").relative_to(ROOT))


def fuzz(args) -> int:
    signal.signal(signal.SIGALRM, _alarm)
    seeds = load_seeds()
    harness = Harness(args.compose_every, args.timeout, args.seal_every)
    try:
        return _fuzz(args, seeds, harness)
    finally:
        harness.close()


def _fuzz(args, seeds, harness) -> int:
    harness.learn_headers(seeds)
    findings: dict[str, Finding] = {}
    mutation_counts: Counter = Counter()
    seed_counts: Counter = Counter()
    sizes: list[int] = []
    slow: list[tuple[float, int, str, list[str], int]] = []
    stage_time = defaultdict(float)
    composed = 0
    failing_inputs = 0
    started = datetime.now(UTC)
    t0 = time.monotonic()
    deadline = t0 + args.max_seconds if args.max_seconds else None
    done = 0
    for i in range(args.iterations):
        if deadline and time.monotonic() > deadline:
            break
        name, raw, applied, mailbox = make_input(args.seed, i, seeds)
        for a in applied:
            mutation_counts[a.split()[0].split("(")[0].split("@")[0]] += 1
        seed_counts[name] += 1
        sizes.append(len(raw))
        compose = args.compose_every > 0 and i % args.compose_every == 0
        seal = args.seal_every > 0 and i % args.seal_every == 0
        t = time.perf_counter()
        problems = harness.run_one(raw, mailbox, compose, seal)
        composed += harness.composed
        elapsed = time.perf_counter() - t
        stage_time["all"] += elapsed
        if elapsed > SLOW_SECONDS:
            slow.append((elapsed, i, name, applied, len(raw)))
        if problems:
            failing_inputs += 1
        counted: set[str] = set()
        for kind, stage, detail, trace in problems:
            sig = signature(kind, stage, detail, trace)
            f = findings.get(sig)
            if f is None:
                f = findings[sig] = Finding(kind, stage, sig, detail, trace)
            if sig in counted:
                continue
            counted.add(sig)
            f.count += 1
            if len(f.examples) < 3 and all(ex["iteration"] != i for ex in f.examples):
                meta = {"seed": args.seed, "iteration": i, "seed_file": name, "mutations": applied,
                        "mailbox": mailbox, "size": len(raw)}
                ex = dict(meta)
                if args.write_crashes:
                    ex["file"] = save_example(f, raw, meta)
                f.examples.append(ex)
        done += 1
        if args.progress and done % args.progress == 0:
            rate = done / (time.monotonic() - t0)
            print(f"[{done}/{args.iterations}] {rate:.0f}/s, findings: "
                  f"{sum(f.count for f in findings.values())} in {len(findings)} kinds", file=sys.stderr, flush=True)
    total = time.monotonic() - t0
    report = render(args, started, machine(), seeds, done, total, findings, mutation_counts, seed_counts, sizes,
                    slow, composed, failing_inputs, harness)
    if args.out == "-":
        print(report)
    else:
        Path(args.out).write_text(report + "\n")
        print(report)
        print(f"wrote {args.out}", file=sys.stderr)
    bad = [f for f in findings.values() if f.kind in ("exception", "timeout") or severe(f) or
           (f.kind == "invariant" and args.strict)]
    return 1 if bad else 0


def render(args, started, mach, seeds, done, total, findings, mutation_counts, seed_counts, sizes, slow, composed,
           failing_inputs, harness) -> str:
    out = []
    w = out.append
    kinds = Counter()
    for f in findings.values():
        kinds[f.kind] += f.count  # inputs, per kind of finding
    crashes = kinds["exception"] + kinds["timeout"]
    crlf = sum(f.count for f in findings.values() if severe(f))
    w("# Fuzzing parse(), analyse(), compose() and sealing\n")
    cmd = "python bench/fuzz_parse.py" + (" --quick" if args.quick else "")
    w(f"Generated by `{cmd}` on {started:%Y-%m-%d %H:%M} UTC (coverage-free mutation fuzzing; see the docstring "
      f"of `bench/fuzz_parse.py`).\n")
    verdict = "PASS" if not crashes and not crlf else "FAIL"
    w(f"**Result: {verdict}: inputs with an exception or hang escaping parse/analyse/compose/seal: {crashes}; with a "
      f"CR/LF in a header value, an injected outgoing header line or a sealed forward that is missing, unreadable "
      f"or does not carry the original's bytes: {crlf}; with another invariant violation: "
      f"{kinds['invariant'] - crlf}; with an exception swallowed inside parse() or Crypto.open_message(), or a "
      f"forward composed by the fallback: {kinds['internal']}.** "
      f"(An input with several kinds of finding counts once in each.)\n")
    w("| | |\n|---|---|")
    for k in ("code", "cpu", "nproc", "python", "kernel", "load"):
        w(f"| {k} | {mach[k]} |")
    w(f"| seed | {args.seed} |")
    cut = f"; stopped by --max-seconds {args.max_seconds:.0f} before {args.iterations:,}" if done < args.iterations else ""
    w(f"| inputs | {done:,} (composed: {composed:,}, every {args.compose_every}th and every input with a parse "
      f"finding{cut}) |")
    w(f"| sealed with real gpg | {harness.sealed_count:,} (every {args.seal_every}th: analyse with Crypto, compose, "
      f"seal; {harness.decrypted_count:,} forwards decrypted with the staff key and compared with the input) |"
      if harness.sealed is not None else "| sealed with real gpg | no (--seal-every 0) |")
    w(f"| time | {total:.0f} s, {done / total:.0f} inputs/s |" if total else "| time | - |")
    sz = sorted(sizes) or [0]
    w(f"| input size (median / p99 / max) | {sz[len(sz) // 2]:,} / {sz[int(len(sz) * 0.99)]:,} / {sz[-1]:,} bytes |")
    w(f"| seed files | {len(seeds)} ({', '.join(str(d.relative_to(ROOT)) for d in SEED_DIRS)}) |")
    w(f"| inputs with any finding | {failing_inputs:,} |")
    w(f"| per-input timeout | {args.timeout:.0f} s |")
    w("")
    w("Mutations applied (an input stacks 1-4):\n")
    w(", ".join(f"{k} {v:,}" for k, v in mutation_counts.most_common()))
    w("")
    w("## Findings\n")
    if not findings:
        w("None.\n")
    order = {"exception": 0, "timeout": 1, "invariant": 2, "internal": 3}
    for f in sorted(findings.values(), key=lambda f: (order[f.kind], -f.count)):
        w(f"### {f.kind} in {f.stage}: {f.detail[:160]}\n")
        w(f"- inputs: {f.count:,}; signature `{f.signature}`")
        for ex in f.examples:
            where = f" -> `{ex['file']}`" if "file" in ex else ""
            w(f"- example: iteration {ex['iteration']}, seed file `{ex['seed_file']}`, mailbox {ex['mailbox']}, "
              f"{ex['size']:,} bytes, mutations {'; '.join(ex['mutations'])}{where}")
        if f.examples:
            ex = f.examples[0]
            w(f"- reproduce: `python bench/fuzz_parse.py --seed {ex['seed']} --replay {ex['iteration']}`")
        if f.trace:
            w("\n```\n" + "\n".join(f.trace.strip().splitlines()[-14:]) + "\n```")
        w("")
    w("## Slow inputs\n")
    if slow:
        w(f"{len(slow)} input(s) took more than {SLOW_SECONDS:.0f} s (parse + analyse [+ compose]):\n")
        for elapsed, i, name, applied, size in sorted(slow, reverse=True)[:8]:
            w(f"- {elapsed:.2f} s: iteration {i}, `{name}`, {size:,} bytes, {'; '.join(applied)}")
    else:
        w(f"No input took more than {SLOW_SECONDS:.0f} s.")
    w("")
    return "\n".join(out)


def replay(args) -> int:
    signal.signal(signal.SIGALRM, _alarm)
    seeds = load_seeds()
    harness = Harness(1, args.timeout, args.seal_every)
    harness.learn_headers(seeds)
    if args.reproduce:
        raw = Path(args.reproduce).read_bytes()
        meta_path = Path(args.reproduce).with_suffix(".json")
        mailbox = json.loads(meta_path.read_text()).get("mailbox", "humanrights") if meta_path.exists() \
            else "humanrights"
        print(f"{args.reproduce}: {len(raw):,} bytes, mailbox {mailbox}")
    else:
        name, raw, applied, mailbox = make_input(args.seed, args.replay, seeds)
        print(f"seed {args.seed} iteration {args.replay}: {name}, {len(raw):,} bytes, mailbox {mailbox}, "
              f"mutations {applied}")
        if args.save:
            Path(args.save).write_bytes(raw)
            print(f"input written to {args.save}")
    t = time.perf_counter()
    problems = harness.run_one(raw, mailbox, True, args.seal_every > 0)
    harness.close()
    print(f"{time.perf_counter() - t:.3f} s")
    for kind, stage, detail, trace in problems:
        print(f"\n{kind} in {stage}: {detail}")
        if trace:
            print(trace)
    if not problems:
        print("no problem")
    return 1 if problems else 0


def atheris_main(args) -> int:
    """Runs the atheris fuzzer in a child process; removes results/fuzz-crashes/ again if it stayed empty."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("--atheris needs the atheris package: pip install atheris", file=sys.stderr)
        return 2
    created = not CRASH_DIR.exists()
    CRASH_DIR.mkdir(parents=True, exist_ok=True)  # libFuzzer writes crash-* artifacts here
    try:
        return subprocess.run([sys.executable, __file__, "--atheris-child", *sys.argv[1:]], check=False).returncode
    finally:
        if created and not any(CRASH_DIR.iterdir()):
            CRASH_DIR.rmdir()


def atheris_child(args) -> int:
    import atheris

    with atheris.instrument_imports(include=["mailrouter"]):
        import mailrouter.facts
        import mailrouter.parse  # noqa: F401
    harness = Harness(0, args.timeout)

    def one(data: bytes) -> None:
        problems = harness.run_one(data, "humanrights", False)
        bad = [p for p in problems if p[0] in ("exception", "timeout") or (p[0] == "invariant" and "CRLF" in p[2])]
        if bad:
            raise AssertionError("\n".join(f"{k} in {s}: {d}\n{t}" for k, s, d, t in bad))

    signal.signal(signal.SIGALRM, _alarm)
    corpus = Path(args.atheris_corpus)
    corpus.mkdir(parents=True, exist_ok=True)
    for name, raw in load_seeds():
        (corpus / Path(name).name).write_bytes(raw)
    argv = [sys.argv[0], str(corpus), f"-runs={args.iterations}", "-max_len=262144",
            f"-artifact_prefix={CRASH_DIR}/atheris-"]
    atheris.Setup(argv, one)
    atheris.Fuzz()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 inputs, report printed only")
    ap.add_argument("--iterations", type=int, help="inputs (full 50,000, quick 2,000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--compose-every", type=int, default=25, help="also compose every Nth input (0: never)")
    ap.add_argument("--seal-every", type=int, default=100,
                    help="also analyse, compose and seal every Nth input with real gpg, and decrypt the forward (0: never)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per input before it counts as a hang")
    ap.add_argument("--max-seconds", type=float, help="stop after this long (default: 540 for a full run, so it "
                                                      "stays under 10 min; 0: no limit)")
    ap.add_argument("--strict", action="store_true", help="exit 1 on any invariant violation, not only CR/LF")
    ap.add_argument("--out", help="report file, '-' to print only (default: results/fuzz.md, '-' with --quick)")
    ap.add_argument("--crash-files", dest="write_crashes", action="store_true", default=None,
                    help="write failing inputs to results/fuzz-crashes/ (default for a full run)")
    ap.add_argument("--no-crash-files", dest="write_crashes", action="store_false",
                    help="do not write failing inputs (default with --quick)")
    ap.add_argument("--progress", type=int, default=0, help="print a progress line every N inputs")
    ap.add_argument("--replay", type=int, help="run iteration N of --seed alone and print what goes wrong")
    ap.add_argument("--save", help="with --replay: write the input to this file")
    ap.add_argument("--reproduce", help="run one saved input file alone and print what goes wrong")
    ap.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing of parse() with atheris")
    ap.add_argument("--atheris-corpus", default="/tmp/mailrouter-atheris-corpus")
    ap.add_argument("--atheris-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.iterations is None:
        args.iterations = 2000 if args.quick else 50000
    if args.out is None:
        args.out = "-" if args.quick else str(RESULTS / "fuzz.md")
    if args.max_seconds is None:
        args.max_seconds = 0 if args.quick or args.iterations != 50000 else 540
    if args.write_crashes is None:
        args.write_crashes = not args.quick
    if args.reproduce or args.replay is not None:
        return replay(args)
    if args.atheris_child:
        return atheris_child(args)
    if args.atheris:
        return atheris_main(args)
    return fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
