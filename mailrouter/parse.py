"""Raw message bytes -> :class:`~mailrouter.model.Parsed`.

Pure (no I/O, no logging) and total: :func:`parse` returns a ``Parsed`` for
any input and never raises. Whatever looks wrong is recorded in
``Parsed.defects`` as a short, content-free string (charset names are only
echoed when they look like charset names; header names only when they are
well known), because defects end up in logs and audit trails.

Why the stdlib email package is used the way it is:

* The MIME structure comes from ``email.feedparser`` with ``policy.compat32``.
  With ``policy.default`` the parser itself parses Content-Type headers
  through the header registry while building the tree, and that code raises
  (IndexError, ValueError, LookupError...) on hostile input, losing the whole
  message. compat32 keeps raw strings and uses its old, tolerant regexes.
* The feed parser recurses once per MIME level and dies with RecursionError
  around 300-1000 levels, so a subclass stops descending at ``MAX_DEPTH``.
* Every header is decoded here (8-bit bytes, RFC 2047), never by the email
  package, so one bad header cannot take the others down and the charset
  fallbacks are ours.
* Address headers are parsed by the policy.default address parser, but only
  after every encoded word has been replaced by a neutral placeholder: an
  encoded word can never contribute ``@``, ``<``, ``,`` or CR/LF to the
  structure, so ``"=?utf-8?q?boss@bank.com?=" <evil@x.org>`` yields
  ``evil@x.org``. Placeholders are decoded back into display names only.
"""

from __future__ import annotations

import binascii
import codecs
import email.errors
import email.utils
import html
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email import policy as _policy
from email.feedparser import FeedParser
from email.generator import BytesGenerator
from email.message import Message
from functools import lru_cache
from html.parser import HTMLParser
from io import BytesIO
from typing import Callable, TypeVar

from mailrouter.limits import MAX_DEPTH, MAX_HEADER_BYTES, MAX_PARTS
from mailrouter.limits import MAX_MESSAGE_BYTES as MAX_PARSE_BYTES
from mailrouter.model import Attachment, Parsed

__all__ = ["parse", "strip_quotes_and_signature", "html_to_text"]

# --- limits -----------------------------------------------------------------

# MAX_PARSE_BYTES, MAX_DEPTH, MAX_PARTS, MAX_HEADER_BYTES: mailrouter/limits.py (shared with crypto.py)
MAX_HEADERS = 1000
MAX_HEADER_CHARS = 16 * 1024  # per header value, before decoding
MAX_TEXT_CHARS = 1_000_000  # of body text
MAX_HTML_CHARS = 2_000_000  # of HTML fed to the HTML parser
MAX_REFERENCES = 100
MAX_DEFECTS = 100
MAX_BOUNDARY_RECOVERIES = 5

T = TypeVar("T")


# --- bidi controls -------------------------------------------------------------

# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and the marks
# (LRM, RLM, ALM) reorder what a reader sees: "invoice\u202efdp.exe" displays as
# "invoiceexe.pdf", and a display name can be made to read as another.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def show_bidi_controls(text: str | None) -> str | None:
    """``text`` with every bidi control made visible (``<U+202E>``), for what staff read."""
    if not text:
        return text
    return BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _check_bidi(headers: list["_Header"], defects: "_Defects") -> None:
    for name in ("from", "subject"):
        header = _first(headers, name)
        if header is not None and BIDI_CONTROLS.search(header.value):
            defects.add(f"bidi control characters in {_KNOWN_HEADERS[name]} header")


# --- defects ----------------------------------------------------------------


class _Defects:
    """Ordered, de-duplicated, capped list of defect strings."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._seen: set[str] = set()

    def add(self, defect: str) -> None:
        if defect in self._seen:
            return
        if len(self.items) >= MAX_DEFECTS:
            defect = "more defects omitted"
            if defect in self._seen:
                return
        self._seen.add(defect)
        self.items.append(defect)

    def __contains__(self, defect: str) -> bool:
        return defect in self._seen


def _guarded(defects: _Defects, label: str, fn: Callable[[], T], default: T) -> T:
    """Run one extraction step; a bug or a stdlib exception costs only that step."""
    try:
        return fn()
    except Exception:  # noqa: BLE001 - the whole point is never to raise
        defects.add(f"internal error in {label}")
        return default


# --- text sanitising --------------------------------------------------------

# Everything Python's str.splitlines() treats as a line break, so no consumer
# can split a header value into two lines.
_LINEBREAKS_RE = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_OTHER_CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_UNFOLD_RE = re.compile(r"\r?\n(?=[ \t])|\r(?=[ \t])")
_BODY_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_CONTROLS_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _clean_header_text(value: str) -> tuple[str, bool]:
    """Make a header value single-line and control-free.

    Line breaks become one space (so words stay apart), tabs become spaces,
    other C0/C1 controls and DEL are removed. Returns (clean, had_controls).
    """
    out = _LINEBREAKS_RE.sub(" ", value)
    had = out != value
    stripped = _OTHER_CONTROLS_RE.sub("", out)
    had = had or stripped != out
    return stripped.replace("\t", " ").strip(), had


def _clean_body_text(text: str) -> str:
    """Normalise newlines to LF; drop C0/C1 controls except LF and TAB."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BODY_CONTROLS_RE.sub("", text)
    return text.lstrip("\ufeff")


# --- names for defects ------------------------------------------------------

_KNOWN_HEADERS = {
    name.lower(): name
    for name in (
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date",
        "Message-ID", "In-Reply-To", "References", "Return-Path", "Received",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        "Content-Disposition", "Content-ID", "Content-Language",
        "Content-Description", "List-ID", "List-Unsubscribe", "List-Post",
        "Auto-Submitted", "Precedence", "X-Mailer", "User-Agent",
        "Delivered-To", "DKIM-Signature", "Authentication-Results",
        "Autocrypt", "OpenPGP", "X-Auto-Response-Suppress", "Keywords",
        "Comments", "Organization", "Importance", "X-Priority",
        "Thread-Topic", "Thread-Index", "X-Original-To", "Resent-From",
        "Resent-To", "Resent-Date", "Resent-Message-ID", "Errors-To",
    )
}


def _label(name: str) -> str:
    """Header name fit for a defect string: well-known names only."""
    return _KNOWN_HEADERS.get(name.strip().lower(), "other")


_CHARSET_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_:+.-]{0,39}")


def _charset_label(name: str) -> str:
    return name if _CHARSET_NAME_RE.fullmatch(name) else "(invalid name)"


# --- charsets ---------------------------------------------------------------

# Labels that mean "no real declaration": sniff utf-8, else legacy.
_UNDECLARED = {
    "", "us-ascii", "ascii", "us_ascii", "ansi_x3.4-1968", "iso646-us",
    "unknown-8bit", "x-unknown", "unknown", "default", "none", "x-user-defined",
}
# What mail (and browsers, see WHATWG Encoding) really mean by these labels.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252",
    "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "windows-874": "cp874",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "euc-kr": "cp949", "korean": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "windows-31j": "cp932",
    "big5": "big5hkscs", "x-mac-roman": "mac_roman", "macintosh": "mac_roman",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "unicode-1-1-utf-7": "utf-7",
}
# Python "text" codecs that are not charsets anyone sends, or that interpret
# escapes: treated as unknown.
_REFUSED_CODECS = {
    "undefined", "unicode_escape", "raw_unicode_escape", "unicode_internal",
    "idna", "punycode", "charmap", "mbcs", "oem", "palmos",
}


def _normalise_charset(name: str) -> str:
    return name.strip().strip("\"'").strip().lower()


@lru_cache(maxsize=256)
def _codec_for(name: str) -> str | None:
    """Python codec name for a (normalised) charset label, or None if unknown."""
    if not _CHARSET_NAME_RE.fullmatch(name):
        return None
    name = _CHARSET_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("-", "_") in _REFUSED_CODECS:
        return None
    return info.name


def _legacy_byte_handler(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: undecodable bytes as Windows-1252 (else Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_decode_legacy(bytes([b])) for b in chunk), error.end


_LEGACY_ERRORS = "mailrouter-legacy-bytes"
codecs.register_error(_LEGACY_ERRORS, _legacy_byte_handler)


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _decode_undeclared(data: bytes) -> tuple[str, bool]:
    """(text, ok) for bytes without a usable charset: UTF-8 where the bytes
    are UTF-8, Windows-1252/Latin-1 for the others (mixed input is common).
    ok is False when some bytes were not UTF-8."""
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if bad > 64 and bad * 100 > len(data):  # mostly not UTF-8: one fast pass
        return _decode_legacy(data), False
    return data.decode("utf-8", _LEGACY_ERRORS), False


def _decode_charset(data: bytes, charset: str, where: str, defects: _Defects) -> str:
    """Decode bytes in a declared charset, with fallbacks; never raises."""
    name = _normalise_charset(charset)
    if name in _UNDECLARED:
        text, ok = _decode_undeclared(data)
        if not ok:
            defects.add(f"undeclared 8-bit text in {where}")
        return text
    codec = _codec_for(name)
    if codec is None:
        defects.add(f"unknown charset {_charset_label(name)} in {where}")
        text, _ = _decode_undeclared(data)
        return text
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError, ValueError, TypeError):
        defects.add(f"invalid bytes for charset {_charset_label(name)} in {where}")
    try:
        return data.decode(codec, "replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return data.decode("utf-8", "replace")


# --- transfer encodings -----------------------------------------------------

_B64_INVALID_RE = re.compile(rb"[^A-Za-z0-9+/=]")
_B64_WS = b" \t\r\n\x0b\x0c"


def _b64decode_lenient(data: bytes) -> tuple[bytes, bool]:
    """Decode base64 whatever it looks like. Returns (bytes, was_valid).

    Stray characters are dropped, misplaced padding is ignored and a
    dangling final character is discarded, which recovers what MUAs show.
    """
    compact = data.translate(None, _B64_WS)
    ok = True
    if _B64_INVALID_RE.search(compact):
        ok = False
        compact = _B64_INVALID_RE.sub(b"", compact)
    body = compact.rstrip(b"=")
    if b"=" in body:
        ok = False
        body = body.replace(b"=", b"")
    remainder = len(body) % 4
    if remainder == 1:
        ok = False
        body = body[:-1]
    elif remainder and len(compact) - len(body) != 4 - remainder:
        ok = False  # missing (or wrong amount of) padding
    body += b"=" * (-len(body) % 4)
    try:
        return binascii.a2b_base64(body), ok
    except (binascii.Error, ValueError):
        return b"", False


_QP_BAD_ESCAPE_RE = re.compile(rb"=(?![0-9A-Fa-f]{2}|[ \t]*(?:\r?\n|\r|$))")


def _qp_decode(data: bytes) -> tuple[bytes, bool]:
    """Quoted-printable; invalid escapes are kept literally (as MUAs do)."""
    ok = _QP_BAD_ESCAPE_RE.search(data) is None
    try:
        return binascii.a2b_qp(data), ok
    except (binascii.Error, ValueError):
        return data, False


_IDENTITY_CTES = {"", "7bit", "8bit", "binary"}


def _decode_transfer(raw: bytes, cte: str, where: str, defects: _Defects) -> bytes:
    if cte == "base64":
        data, ok = _b64decode_lenient(raw)
        if not ok:
            defects.add(f"invalid base64 in {where}")
        return data
    if cte == "quoted-printable":
        data, ok = _qp_decode(raw)
        if not ok:
            defects.add(f"invalid quoted-printable in {where}")
        return data
    if cte not in _IDENTITY_CTES:
        defects.add(f"unknown transfer encoding in {where}")
    return raw


# --- RFC 2047 ---------------------------------------------------------------

_EW = r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?="
_EW_RE = re.compile(_EW)
_EW_RUN_RE = re.compile(rf"{_EW}(?:[ \t]*{_EW})*")
_QP_HEX_RE = re.compile(rb"=([0-9A-Fa-f]{2})")


def _ew_bytes(encoding: str, text: str) -> tuple[bytes, bool]:
    raw = text.encode("utf-8", "replace")
    if encoding in "Bb":
        return _b64decode_lenient(raw)
    raw = raw.replace(b"_", b" ")
    return _QP_HEX_RE.sub(lambda m: bytes([int(m.group(1), 16)]), raw), True


def _decode_ew_run(run: str, where: str, defects: _Defects) -> str:
    """Decode adjacent encoded words; same-charset neighbours are joined
    before decoding so a multi-byte character split across words survives."""
    pieces: list[str] = []
    pending = b""
    pending_charset: str | None = None
    for match in _EW_RE.finditer(run):
        charset = _normalise_charset(match.group(1).split("*", 1)[0])
        data, ok = _ew_bytes(match.group(2), match.group(3))
        if not ok:
            defects.add(f"invalid encoded-word in {where}")
        if pending_charset is not None and charset != pending_charset:
            pieces.append(_decode_charset(pending, pending_charset, where, defects))
            pending = b""
        pending_charset = charset
        pending += data
    if pending_charset is not None:
        pieces.append(_decode_charset(pending, pending_charset, where, defects))
    return "".join(pieces)


def _decode_rfc2047(value: str, where: str, defects: _Defects) -> str:
    """Decode every encoded word, leniently (also those glued to other text)."""
    if "=?" not in value:
        return value
    return _EW_RUN_RE.sub(lambda m: _decode_ew_run(m.group(0), where, defects), value)


# --- headers ----------------------------------------------------------------


def _surrogates_to_text(raw: str, where: str, defects: _Defects) -> str:
    """The parser maps 8-bit bytes to lone surrogates; turn them back into
    text: UTF-8 when valid (RFC 6532), else Windows-1252/Latin-1."""
    if raw.isascii():
        return raw
    try:
        data = raw.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return raw.encode("utf-8", "replace").decode("utf-8")
    text, ok = _decode_undeclared(data)
    if not ok:
        defects.add(f"non-utf-8 bytes in {where}")
    return text


@dataclass
class _Header:
    name: str
    raw: str  # unfolded, 8-bit decoded, controls removed, NOT RFC 2047 decoded
    value: str  # fully decoded and sanitised


def _prepare_header(name: str, raw: object, defects: _Defects) -> _Header:
    label = _label(name)
    where = f"{label} header"
    clean_name, _ = _clean_header_text(str(name))
    text = raw if isinstance(raw, str) else str(raw)
    if len(text) > MAX_HEADER_CHARS:
        defects.add(f"{label} header too long")
        text = text[:MAX_HEADER_CHARS]
    text = _surrogates_to_text(text, where, defects)
    text = _UNFOLD_RE.sub("", text)
    raw_clean, had_controls = _clean_header_text(text)
    decoded = _decode_rfc2047(raw_clean, where, defects)
    value, had_more = _clean_header_text(decoded)
    if had_controls or had_more:
        defects.add(f"control characters in {where}")
    return _Header(clean_name, raw_clean, value)


def _read_headers(msg: Message, defects: _Defects) -> list[_Header]:
    raw_items = list(msg.raw_items())
    if len(raw_items) > MAX_HEADERS:
        defects.add("too many headers")
        raw_items = raw_items[:MAX_HEADERS]
    headers = []
    for name, raw in raw_items:
        try:
            headers.append(_prepare_header(name, raw, defects))
        except Exception:  # noqa: BLE001
            defects.add(f"header parse error: {_label(str(name))}")
    return headers


_SINGLETON_HEADERS = (
    "from", "sender", "reply-to", "to", "cc", "subject", "date", "message-id",
    "in-reply-to", "references", "content-type", "content-transfer-encoding",
    "mime-version",
)


def _check_duplicates(headers: list[_Header], defects: _Defects) -> None:
    counts: dict[str, int] = {}
    for header in headers:
        key = header.name.lower()
        counts[key] = counts.get(key, 0) + 1
    for key in _SINGLETON_HEADERS:
        if counts.get(key, 0) > 1:
            defects.add(f"duplicate {_KNOWN_HEADERS[key]} header")


def _first(headers: list[_Header], name: str) -> _Header | None:
    for header in headers:
        if header.name.lower() == name:
            return header
    return None


# --- addresses --------------------------------------------------------------

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a1-\ud7ff\ue000-\U0010ffff-]"
# Quoted local parts are accepted only without blanks, brackets, "@" or
# escapes: legitimate senders do not need them, spoofers and fuzzers do.
_LOCAL = rf'(?:{_ATEXT}+(?:\.{_ATEXT}+)*|"[^"\\\s<>@,;:()\[\]\x00-\x1f\x7f]+")'
_LABEL_CH = r"[A-Za-z0-9\u00a1-\ud7ff\ue000-\U0010ffff]"
_DOMAIN = rf"(?:{_LABEL_CH}(?:[A-Za-z0-9\u00a1-\ud7ff\ue000-\U0010ffff-]*{_LABEL_CH})?(?:\.{_LABEL_CH}(?:[A-Za-z0-9\u00a1-\ud7ff\ue000-\U0010ffff-]*{_LABEL_CH})?)*|\[[A-Za-z0-9.:-]+\])"
_ADDR_SPEC_RE = re.compile(rf"{_LOCAL}@{_DOMAIN}")
_ADDR_LIKE_RE = re.compile(r"[^\s<>\"'@,;:()]+@[^\s<>\"'@,;:()]+\.[^\s<>\"'@,;:()]+")


@dataclass
class _Mailbox:
    name: str
    addr: str  # lower-cased addr-spec


def _neutralise(value: str) -> tuple[str, dict[str, str]]:
    """Replace each run of encoded words by a unique plain atom."""
    if "=?" not in value:
        return value, {}
    tag = "qzew"
    while tag in value.lower():
        tag += "q"
    runs: dict[str, str] = {}

    def repl(match: re.Match[str]) -> str:
        key = f"{tag}{len(runs)}x"
        runs[key] = match.group(0)
        return f" {key} "

    return _EW_RUN_RE.sub(repl, value), runs


def _structure(value: str) -> tuple[list[tuple[str, str]], bool]:
    """(display name, addr-spec) pairs of an address-list header value, and
    whether the parser found the value malformed."""
    try:
        header = _policy.default.header_factory("to", value)
        pairs = [(a.display_name or "", a.addr_spec or "") for a in header.addresses]
        malformed = any(isinstance(d, email.errors.InvalidHeaderDefect) for d in header.defects)
        return pairs, malformed
    except Exception:  # noqa: BLE001 - fall back to the older, simpler parser
        pass
    try:
        return [(n, a) for n, a in email.utils.getaddresses([value]) if a], True
    except Exception:  # noqa: BLE001 - e.g. RecursionError on nested comments
        return [], True


_QUOTED_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
_COMMENT_RE = re.compile(r"\([^()]*\)")
_ANGLE_ADDR_RE = re.compile(r"<\s*(?:@[^<>:]*:)?([^<>\s]+)\s*>")


def _angle_addresses(value: str) -> list[tuple[str, str]]:
    """Angle-addrs of a malformed header, each with the text before it as name.

    For ``boss@bank.com <evil@x.org>`` the parser returns the display name
    as the address; MUAs show (and reply to) the angle-addr, so do we.
    """
    def mask(match: re.Match[str]) -> str:
        return "\x01" * len(match.group(0))

    masked = _COMMENT_RE.sub(mask, _QUOTED_STRING_RE.sub(mask, value))
    pairs = []
    start = 0
    for match in _ANGLE_ADDR_RE.finditer(masked):
        name = value[start : match.start()].strip(" ,;")
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = name[1:-1]
        pairs.append((name, value[match.start(1) : match.end(1)]))
        start = match.end()
    return pairs


def _valid_addr(addr: str, literal: str, tag_free: bool) -> bool:
    """An addr-spec we can trust: syntactically an address, and present as
    such in the header text (so not assembled from comments, obsolete
    syntax or encoded words)."""
    if not (0 < len(addr) <= 254 and tag_free and _ADDR_SPEC_RE.fullmatch(addr)):
        return False
    lowered = addr.lower()
    local, _, domain = lowered.rpartition("@")
    return lowered in literal or f'"{local}"@{domain}' in literal


def _display_name(name: str, runs: dict[str, str], where: str, defects: _Defects) -> str:
    """Put the decoded encoded words back into a parsed display name."""
    for key, run in runs.items():
        if key in name:
            name = name.replace(key, _decode_rfc2047(run, where, defects))
    clean, _ = _clean_header_text(name)
    return " ".join(clean.split())


def _parse_mailboxes(header: _Header, defects: _Defects) -> list[_Mailbox]:
    """Valid mailboxes of one address header, in order, without duplicates."""
    where = f"{_label(header.name)} header"
    neutral, runs = _neutralise(header.raw)
    literal = neutral.lower()
    result: list[_Mailbox] = []
    seen: set[str] = set()
    pairs, malformed = _structure(neutral)
    if malformed:
        angle = _angle_addresses(neutral)
        if angle:
            taken = {addr.lower() for _, addr in angle}
            pairs = angle + [pair for pair in pairs if pair[1].lower() not in taken]
    for name, addr in pairs:
        tag_free = not any(key in addr for key in runs)
        if not _valid_addr(addr, literal, tag_free):
            continue
        addr = addr.lower()
        if addr in seen:
            continue
        seen.add(addr)
        result.append(_Mailbox(_display_name(name, runs, where, defects), addr))
    if malformed and result:
        defects.add(f"malformed {where}")
    return result


@dataclass
class _Addresses:
    from_addr: str | None = None
    from_name: str = ""
    reply_to: str | None = None
    return_path: str | None = None
    to: list[str] | None = None
    cc: list[str] | None = None


def _extract_from(headers: list[_Header], out: _Addresses, defects: _Defects) -> None:
    header = _first(headers, "from")
    if header is None:
        defects.add("missing From header")
        return
    boxes = _parse_mailboxes(header, defects)
    if not boxes:
        defects.add("unparseable From header")
        return
    if len(boxes) > 1:
        defects.add("multiple From addresses")
    out.from_addr, out.from_name = boxes[0].addr, boxes[0].name
    for found in _ADDR_LIKE_RE.findall(out.from_name):
        if found.lower().strip(".") != out.from_addr:
            defects.add("From display name contains a different address")
            break


def _extract_return_path(headers: list[_Header], out: _Addresses, defects: _Defects) -> None:
    header = _first(headers, "return-path")
    if header is None:
        return
    if re.fullmatch(r"<\s*>", header.raw):
        out.return_path = ""
        return
    boxes = _parse_mailboxes(header, defects)
    if boxes:
        out.return_path = boxes[0].addr
    else:
        defects.add("unparseable Return-Path header")


def _extract_list(headers: list[_Header], name: str, defects: _Defects) -> list[str]:
    addrs: list[str] = []
    for header in headers:
        if header.name.lower() == name:
            for box in _parse_mailboxes(header, defects):
                if box.addr not in addrs:
                    addrs.append(box.addr)
    return addrs


def _extract_addresses(headers: list[_Header], defects: _Defects) -> _Addresses:
    out = _Addresses()
    _guarded(defects, "From", lambda: _extract_from(headers, out, defects), None)
    _guarded(defects, "Return-Path", lambda: _extract_return_path(headers, out, defects), None)
    reply = _first(headers, "reply-to")
    if reply is not None:
        boxes = _guarded(defects, "Reply-To", lambda: _parse_mailboxes(reply, defects), [])
        if boxes:
            out.reply_to = boxes[0].addr
        else:
            defects.add("unparseable Reply-To header")
    out.to = _guarded(defects, "To", lambda: _extract_list(headers, "to", defects), [])
    out.cc = _guarded(defects, "Cc", lambda: _extract_list(headers, "cc", defects), [])
    return out


# --- message ids and dates --------------------------------------------------

_MSGID_RE = re.compile(r"<\s*([\x21-\x3b\x3d\x3f-\x7e]{1,995})\s*>")
_BARE_MSGID_RE = re.compile(r"[\x21-\x3b\x3d\x3f-\x7e]{1,995}@[\x21-\x3b\x3d\x3f-\x7e]{1,995}")


def _msg_ids(value: str) -> list[str]:
    return [f"<{m}>" for m in _MSGID_RE.findall(value)]


def _extract_message_id(headers: list[_Header], defects: _Defects) -> str | None:
    header = _first(headers, "message-id")
    if header is None:
        defects.add("missing Message-ID")
        return None
    ids = _msg_ids(header.raw)
    if ids:
        return ids[0]
    bare = header.raw.strip()
    if _BARE_MSGID_RE.fullmatch(bare):
        defects.add("Message-ID without angle brackets")
        return f"<{bare}>"
    defects.add("invalid Message-ID")
    return None


def _extract_in_reply_to(headers: list[_Header], defects: _Defects) -> str | None:
    header = _first(headers, "in-reply-to")
    if header is None:
        return None
    ids = _msg_ids(header.raw)
    if not ids:
        defects.add("invalid In-Reply-To header")
        return None
    return ids[0]


def _extract_references(headers: list[_Header], defects: _Defects) -> list[str]:
    ids: list[str] = []
    for header in headers:
        if header.name.lower() == "references":
            ids.extend(_msg_ids(header.raw))
    unique = list(dict.fromkeys(ids))
    if len(unique) > MAX_REFERENCES:
        defects.add("too many References")
        unique = unique[-MAX_REFERENCES:]
    return unique


def _extract_date(headers: list[_Header], defects: _Defects) -> datetime | None:
    header = _first(headers, "date")
    if header is None:
        defects.add("missing Date header")
        return None
    try:
        value = email.utils.parsedate_to_datetime(header.raw[:200])
    except Exception:  # noqa: BLE001 - ValueError, TypeError, IndexError, OverflowError...
        value = None
    if value is None:
        defects.add("unparseable Date header")
        return None
    if value.tzinfo is None:  # "-0000": UTC, local zone unknown (RFC 5322 3.3)
        value = value.replace(tzinfo=timezone.utc)
    return value


# --- MIME tree --------------------------------------------------------------


class _DepthLimitedParser(FeedParser):
    """FeedParser that stops descending below ``max_depth`` entities.

    Deeper entities are kept as opaque text (the stdlib "headers only" mode
    for that one entity), which bounds recursion and time. ``entities``
    counts the entities created, so that the caller can stop feeding.
    """

    def __init__(self, max_depth: int) -> None:
        super().__init__(policy=_policy.compat32)
        self._mr_max_depth = max_depth
        self._mr_depth = 0
        self.too_deep = False
        self.entities = 0

    def _new_message(self):  # type: ignore[no-untyped-def]
        self.entities += 1
        super()._new_message()  # type: ignore[misc]

    def _parsegen(self):  # type: ignore[no-untyped-def]
        self._mr_depth += 1
        saved = self._headersonly
        if self._mr_depth > self._mr_max_depth:
            self._headersonly = True
            self.too_deep = True
        try:
            yield from super()._parsegen()  # type: ignore[misc]
        finally:
            self._headersonly = saved
            self._mr_depth -= 1


_FEED_CHUNK = 64 * 1024
# The feed parser checks every line against the boundary of each open
# multipart, and a header line costs it about as much as ten boundaries:
# work = lines x (open boundaries + 2) + 8 x colons. 4M take about a second.
MAX_PARSE_WORK = 4_000_000


def _parse_tree(data: bytes, max_depth: int, defects: _Defects) -> Message | None:
    """The MIME tree of ``data``; fed in chunks, and no further once it holds
    more than MAX_PARTS entities (the walk stops there anyway) or has cost
    MAX_PARSE_WORK, so that no shape of message costs more than a second or so."""
    text = data.decode("ascii", "surrogateescape")
    try:
        parser = _DepthLimitedParser(max_depth)
        cut_open: list[Message] = []
        work = 0
        for start in range(0, len(text), _FEED_CHUNK):
            chunk = text[start:start + _FEED_CHUNK]
            work += (chunk.count("\n") + 1) * (len(parser._input._eofstack) + 2) + 8 * chunk.count(":")
            parser.feed(chunk)
            if parser.entities > MAX_PARTS or work > MAX_PARSE_WORK:
                if parser.entities <= MAX_PARTS:
                    defects.add("message too costly to parse in full")
                cut_open = list(parser._msgstack)  # entities our cut leaves unterminated
                break
        root = parser.close()
        for part in cut_open:  # their missing boundaries are ours, not the sender's
            part.defects[:] = [d for d in part.defects if not isinstance(d, email.errors.CloseBoundaryNotFoundDefect)]
        if parser.too_deep:
            defects.add("nesting too deep")
        return root
    except Exception:  # noqa: BLE001 - RecursionError and friends
        defects.add("MIME structure unparseable; headers only")
    try:
        parser = FeedParser(policy=_policy.compat32)
        parser._set_headersonly()
        parser.feed(text)
        return parser.close()
    except Exception:  # noqa: BLE001
        defects.add("message unparseable")
        return None


_STDLIB_DEFECTS = {
    email.errors.NoBoundaryInMultipartDefect: "multipart without boundary",
    email.errors.StartBoundaryNotFoundDefect: "start boundary not found",
    email.errors.CloseBoundaryNotFoundDefect: "missing closing boundary",
    email.errors.FirstHeaderLineIsContinuationDefect: "first header line is a continuation",
    email.errors.MisplacedEnvelopeHeaderDefect: "misplaced envelope header",
    email.errors.MissingHeaderBodySeparatorDefect: "missing header/body separator",
    email.errors.InvalidMultipartContentTransferEncodingDefect: "transfer encoding on multipart",
    email.errors.MultipartInvariantViolationDefect: None,  # always paired with NoBoundary
}


def _record_stdlib_defects(part: Message, where: str, defects: _Defects) -> None:
    for defect in getattr(part, "defects", ()):
        kind = type(defect)
        text = _STDLIB_DEFECTS.get(kind, kind.__name__)
        if text:
            defects.add(f"{text} in {where}")


_CTYPE_RE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")


def _content_type(part: Message, where: str, defects: _Defects) -> str:
    try:
        ctype = part.get_content_type()
    except Exception:  # noqa: BLE001
        ctype = ""
    if _CTYPE_RE.fullmatch(ctype):
        return ctype
    defects.add(f"invalid Content-Type in {where}")
    return "text/plain"


def _payload_bytes(part: Message) -> bytes:
    """Undecoded payload bytes. Uses the raw ``_payload`` because the public
    getter re-decodes 8-bit text with the declared charset."""
    payload = getattr(part, "_payload", "")
    if not isinstance(payload, str):
        return b""
    try:
        return payload.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return payload.encode("utf-8", "surrogateescape")


def _header_str(part: Message, name: str) -> str:
    try:
        value = part.get(name)
    except Exception:  # noqa: BLE001
        return ""
    return "" if value is None else str(value)


def _disposition(part: Message) -> str | None:
    try:
        value = part.get_content_disposition()
    except Exception:  # noqa: BLE001
        return None
    return value.strip().lower() if value else None


def _param(part: Message, name: str, header: str = "content-type") -> str | None:
    try:
        value = part.get_param(name, header=header)
    except Exception:  # noqa: BLE001
        return None
    if value is None:
        return None
    try:
        return email.utils.collapse_rfc2231_value(value)
    except Exception:  # noqa: BLE001
        return str(value[2]) if isinstance(value, tuple) else str(value)


_PATH_SEP_RE = re.compile(r"[/\\]")


def _filename(part: Message, where: str, defects: _Defects) -> str | None:
    """Sanitised filename: decoded, no controls, no path, at most 255 chars."""
    name = _param(part, "filename", "content-disposition") or _param(part, "name")
    if not name:
        return None
    name = _surrogates_to_text(name, f"filename of {where}", defects)
    name = _decode_rfc2047(name, f"filename of {where}", defects)
    name, _ = _clean_header_text(name)
    name = _BIDI_CONTROLS_RE.sub("", name)
    name = _PATH_SEP_RE.split(name)[-1].strip().lstrip(".").strip()
    return name[:255] or None


def _charset(part: Message) -> str:
    value = _param(part, "charset")
    return value if isinstance(value, str) else ""


@dataclass
class _Leaf:
    part: Message
    where: str  # "part 1.2"
    ctype: str
    disposition: str | None
    filename: str | None


_BOUNDARY_LINE_RE = re.compile(r"--([0-9A-Za-z'()+_,./:=?-]{1,70}?)(?:--)?[ \t]*")


def _guess_boundary(body: str) -> str | None:
    for index, line in enumerate(body.splitlines()):
        if index > 500:
            break
        match = _BOUNDARY_LINE_RE.fullmatch(line)
        if match:
            return match.group(1)
    return None


def _recover_multipart(part: Message, ctype: str, depth: int) -> Message | None:
    """A multipart without boundary parameter: guess it from the first
    "--xxx" line and re-parse, so the text part is not shown as raw MIME."""
    payload = getattr(part, "_payload", "")
    if not isinstance(payload, str):
        return None
    boundary = _guess_boundary(payload)
    if boundary is None:
        return None
    head = f'Content-Type: {ctype}; boundary="{boundary}"\r\n\r\n'
    data = head.encode("ascii") + _payload_bytes(part)
    scratch = _Defects()
    root = _parse_tree(data, max(1, MAX_DEPTH + 1 - depth), scratch)
    if root is None or not isinstance(getattr(root, "_payload", None), list):
        return None
    return root


class _Walk:
    """Iterative depth-first walk collecting leaves with IMAP-style numbers."""

    def __init__(self, defects: _Defects) -> None:
        self.defects = defects
        self.leaves: list[_Leaf] = []
        self.recoveries = 0

    def run(self, root: Message) -> list[_Leaf]:
        stack: list[tuple[Message, str, int]] = [(root, "", 0)]
        visited = 0
        while stack:
            part, section, depth = stack.pop()
            visited += 1
            if visited > MAX_PARTS:
                self.defects.add("too many parts")
                break
            children = self._visit(part, section, depth)
            for index in range(len(children), 0, -1):
                child_section = f"{section}.{index}" if section else str(index)
                stack.append((children[index - 1], child_section, depth + 1))
        return self.leaves

    def _visit(self, part: Message, section: str, depth: int) -> list[Message]:
        where = _part_label(section)
        _record_stdlib_defects(part, where, self.defects)
        if section:
            self._check_part_duplicates(part, where)
        ctype = _content_type(part, where, self.defects)
        payload = getattr(part, "_payload", None)
        if isinstance(payload, list) and not ctype.startswith("message/"):
            if depth >= MAX_DEPTH:
                self.defects.add("nesting too deep")
                return []
            return [child for child in payload if isinstance(child, Message)]
        if ctype.startswith("multipart/"):
            return self._childless_multipart(part, section, ctype, depth)
        self._add_leaf(part, section, ctype)
        return []

    def _childless_multipart(self, part: Message, section: str, ctype: str, depth: int) -> list[Message]:
        """A multipart whose children the parser could not find."""
        if _has_no_boundary(part) and self.recoveries < MAX_BOUNDARY_RECOVERIES:
            self.recoveries += 1
            recovered = _recover_multipart(part, ctype, depth)
            if recovered is not None:
                _record_stdlib_defects(recovered, _part_label(section), self.defects)
                return [child for child in recovered.get_payload() if isinstance(child, Message)]
        # No structure to be found: its text is still worth reading.
        self._add_leaf(part, section, "text/plain")
        return []

    def _check_part_duplicates(self, part: Message, where: str) -> None:
        for name in ("content-type", "content-transfer-encoding", "content-disposition"):
            try:
                count = len(part.get_all(name) or [])
            except Exception:  # noqa: BLE001
                count = 0
            if count > 1:
                self.defects.add(f"duplicate {_KNOWN_HEADERS[name]} in {where}")

    def _add_leaf(self, part: Message, section: str, ctype: str) -> None:
        where = _part_label(section or "1")
        self.leaves.append(
            _Leaf(part, where, ctype, _disposition(part), _filename(part, where, self.defects))
        )


def _has_no_boundary(part: Message) -> bool:
    return any(isinstance(d, email.errors.NoBoundaryInMultipartDefect) for d in getattr(part, "defects", ()))


# --- leaves: body and attachments -------------------------------------------


def _cte(part: Message) -> str:
    return _header_str(part, "content-transfer-encoding").strip().lower()


def _leaf_bytes(leaf: _Leaf, defects: _Defects) -> bytes:
    return _decode_transfer(_payload_bytes(leaf.part), _cte(leaf.part), leaf.where, defects)


_SERIALISE_POLICY = _policy.compat32.clone(linesep="\r\n")


def _message_size(part: Message) -> int:
    """Size of an attached message, re-serialised (the parser keeps no offsets)."""
    payload = getattr(part, "_payload", None)
    if isinstance(payload, str):
        return len(_payload_bytes(part))
    if not payload:
        return 0
    buffer = BytesIO()
    BytesGenerator(buffer, mangle_from_=False, policy=_SERIALISE_POLICY).flatten(payload[0])
    return buffer.tell()


def _attached_message_malformed(part: Message) -> bool:
    payload = getattr(part, "_payload", None)
    if not isinstance(payload, list) or not payload:
        return False
    stack = [payload[0]]
    seen = 0
    inner_root = payload[0]
    if isinstance(inner_root, Message) and not inner_root.keys():
        return True
    while stack and seen < MAX_PARTS:
        node = stack.pop()
        seen += 1
        if not isinstance(node, Message):
            continue
        if getattr(node, "defects", None):
            return True
        children = getattr(node, "_payload", None)
        if isinstance(children, list):
            stack.extend(children)
    return False


def _choose_body(leaves: list[_Leaf]) -> _Leaf | None:
    """First text/plain that is not an attachment, else first text/html.

    Parts with a filename count as attachments unless nothing else is
    readable (some clients name their only body part "body.txt").
    """
    readable = [
        leaf for leaf in leaves
        if leaf.ctype in ("text/plain", "text/html") and leaf.disposition != "attachment"
    ]
    for candidates in ([leaf for leaf in readable if leaf.filename is None], readable):
        for wanted in ("text/plain", "text/html"):
            for leaf in candidates:
                if leaf.ctype == wanted:
                    return leaf
    return None


_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)


def _body_text(leaf: _Leaf, defects: _Defects) -> str:
    data = _leaf_bytes(leaf, defects)
    limit = 4 * (MAX_HTML_CHARS if leaf.ctype == "text/html" else MAX_TEXT_CHARS)
    if len(data) > limit:  # more bytes than could ever become kept text
        defects.add("body text truncated")
        data = data[:limit]
    charset = _charset(leaf.part)
    if leaf.ctype == "text/html" and not charset:
        sniffed = _META_CHARSET_RE.search(data[:4096])
        charset = sniffed.group(1).decode("ascii") if sniffed else ""
    text = _decode_charset(data, charset, leaf.where, defects)
    if leaf.ctype == "text/html":
        if len(text) > MAX_HTML_CHARS:
            defects.add("body text truncated")
            text = text[:MAX_HTML_CHARS]
        text = html_to_text(text)
    else:
        text = _clean_body_text(text)
        if (_param(leaf.part, "format") or "").lower() == "flowed":
            delsp = (_param(leaf.part, "delsp") or "").lower() == "yes"
            text = _unflow(text, delsp)
    text = _clean_body_text(text)
    if len(text) > MAX_TEXT_CHARS:
        defects.add("body text truncated")
        text = text[:MAX_TEXT_CHARS]
    return text


def _attachment(leaf: _Leaf, defects: _Defects) -> Attachment:
    if leaf.ctype.startswith("message/"):
        if _attached_message_malformed(leaf.part):
            defects.add(f"malformed attached message in {leaf.where}")
        try:
            size = _message_size(leaf.part)
        except Exception:  # noqa: BLE001 - e.g. RecursionError on absurd nesting
            defects.add(f"size unknown for {leaf.where}")
            size = 0
    else:
        size = len(_leaf_bytes(leaf, defects))
    return Attachment(filename=leaf.filename, content_type=leaf.ctype, size=size)


def _is_attachment(leaf: _Leaf) -> bool:
    if leaf.ctype.startswith("multipart/"):
        return False
    return (
        leaf.filename is not None
        or leaf.disposition == "attachment"
        or not leaf.ctype.startswith("text/")
    )


# --- format=flowed (RFC 3676) -----------------------------------------------


def _unflow(text: str, delsp: bool) -> str:
    """Join soft-broken lines of format=flowed text, keeping quote depth."""
    out: list[str] = []
    buffer: str | None = None
    buffer_depth = 0

    def flush() -> None:
        nonlocal buffer
        if buffer is not None:
            out.append(("> " * buffer_depth) + buffer if buffer_depth else buffer)
            buffer = None

    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]
        if buffer is not None and depth != buffer_depth:
            flush()
        if buffer is None:
            buffer, buffer_depth = "", depth
        soft = content.endswith(" ") and content != "-- "
        buffer += content[:-1] if soft and delsp else content
        if not soft:
            flush()
    flush()
    return "\n".join(out)


# --- HTML -------------------------------------------------------------------

_HTML_SKIP = {"script", "style", "title", "template", "xml", "svg"}
_HTML_BLOCK = {
    "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "pre", "hr", "section", "article", "header", "footer", "dl", "dt",
    "dd", "address", "center", "form", "fieldset", "figure", "figcaption",
    "nav", "aside", "main", "caption", "tbody", "thead", "tfoot", "body",
}
_HTML_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "hr"}
_MAX_TAG_CHARS = 2048
_LT_PLACEHOLDER = "\x01"  # one byte per character, like the ASCII around it


def _defuse_html(markup: str, escaped: str = "&lt;") -> str:
    """Escape every "<" whose tag would run past _MAX_TAG_CHARS or never end (as ``escaped``).

    html.parser rescans to the end of input for each unterminated tag, which
    is quadratic ("<a " * 100000 takes minutes); with every tag bounded it
    stays linear.
    """
    escape = escaped
    out: list[str] = []
    pos, end = 0, len(markup)
    while pos < end:
        lt = markup.find("<", pos)
        if lt < 0:
            out.append(markup[pos:])
            break
        gt = markup.find(">", lt)
        if gt < 0:
            out.append(markup[pos:].replace("<", escape))
            break
        out.append(markup[pos:lt])
        segment = markup[lt : gt + 1]
        cut = len(segment) - _MAX_TAG_CHARS
        if cut > 0:
            segment = segment[:cut].replace("<", escape) + segment[cut:]
        out.append(segment)
        pos = gt + 1
    return "".join(out)


_TO_SPACE = {ord(c): " " for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"}
_TO_SPACE.update({c: " " for c in range(0x2000, 0x200B)})


def _collapse_spaces(data: str) -> str:
    """``re.sub(r"\\s+", " ", data)`` without an object per match (30x the text for "<a <a <a ...")."""
    data = data.translate(_TO_SPACE)
    while "  " in data:
        data = data.replace("    ", " ").replace("  ", " ")
    return data


class _HTMLText(HTMLParser):
    """Tags out, entities decoded, blocks on their own lines, and
    <blockquote> content prefixed with "> " so quote stripping works."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buf: list[str] = []
        self._skip: dict[str, int] = {}
        self._quote = 0
        self._pre = 0
        self._size = 0

    def _skipping(self) -> bool:
        return any(self._skip.values())

    def _flush(self, blank: bool = False) -> None:
        """End the current line; with ``blank``, also leave one empty line."""
        line = "".join(self._buf)
        line = line.rstrip() if self._pre else line.strip()
        self._buf = []
        if line:
            line = "> " * self._quote + line
            self._size += len(line) + 1
            if self._size <= MAX_TEXT_CHARS:
                self.lines.append(line)
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_SKIP:
            self._skip[tag] = self._skip.get(tag, 0) + 1
            return
        if tag == "br":  # a line break; two in a row leave an empty line
            self._flush(blank=not "".join(self._buf).strip())
        elif tag in _HTML_BLOCK:
            self._flush(blank=tag in _HTML_PARAGRAPH)
        elif tag in ("td", "th"):
            self._buf.append(" ")
        if tag == "blockquote":
            self._flush()
            self._quote += 1
        elif tag == "pre":
            self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            if self._skip.get(tag):
                self._skip[tag] -= 1
            return
        if tag in _HTML_BLOCK:
            self._flush(blank=tag in _HTML_PARAGRAPH)
        elif tag in ("td", "th"):
            self._buf.append(" ")
        if tag == "blockquote":
            self._flush()
            self._quote = max(0, self._quote - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping() or self._size > MAX_TEXT_CHARS:
            return
        if self._pre:
            chunks = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for chunk in chunks[:-1]:
                self._buf.append(chunk)
                self._flush()
            self._buf.append(chunks[-1])
        else:
            self._buf.append(_collapse_spaces(data))

    def text(self) -> str:
        self._flush()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines)


_TAG_RE = re.compile(r"<[^>]{0,2048}>")
_SCRIPT_RE = re.compile(r"(?is)<(script|style)\b[^>]{0,2048}>.{0,1000000}?</\1\s*>")


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body (stdlib html.parser; never raises)."""
    markup = markup[:MAX_HTML_CHARS]
    # Escaped "<" travel as a control character, not "&lt;": html.unescape
    # costs ~2 us and ~50 bytes per entity (seconds and 30x the input for a page of "<a ").
    lt = _LT_PLACEHOLDER if _LT_PLACEHOLDER not in markup else "&lt;"
    try:
        parser = _HTMLText()
        parser.feed(_defuse_html(markup, lt))
        parser.close()
        return parser.text().replace(_LT_PLACEHOLDER, "<")
    except Exception:  # noqa: BLE001 - crude fallback beats no text
        stripped = _TAG_RE.sub(" ", _SCRIPT_RE.sub(" ", markup))
        return html.unescape(stripped)


# --- quotes and signatures --------------------------------------------------

_DIRECTION_MARKS_RE = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ATTRIBUTION_MARKER_RE = re.compile(
    r"(?:\bwrote\b|\bwrites\b|a\s+[ée]crit|\bschrieb\b|escribi[óo]|escreveu|"
    r"написал|написала|пишет|كتب|كتبت|ha\s+scritto|\bschreef\b|yazd[ıi]|napisał|"
    r"نوشت|写道|寫道|a\s+scris)",
    re.IGNORECASE,
)
_ATTRIBUTION_OPENER_RE = re.compile(
    r"^(?:on|le|am|el|em|в|في|il|op|den|dne|w\s+dniu)\b", re.IGNORECASE
)
_MOBILE_PREFIX_RE = re.compile(
    r"^(?:sent|envoy[ée]|enviado|inviato|отправлено|verzonden|gönderildi|"
    r"get\s+outlook|von\s+meinem|أرسلت|أُرسلت|ارسلت|تم\s+الإرسال|从我的|發自我的|发自我的)\b",
    re.IGNORECASE,
)
_MOBILE_DEVICE_RE = re.compile(
    r"(?:iphone|ipad|android|samsung|galaxy|huawei|xiaomi|outlook|yahoo|proton|"
    r"mobile|smartphone|phone|mail|телефон|смартфон|الجوال|جوال|هاتف|آيفون|手机|手機)",
    re.IGNORECASE,
)


def _is_quote(line: str) -> bool:
    return line.lstrip().startswith(">")


def _is_attribution(line: str) -> bool:
    line = _DIRECTION_MARKS_RE.sub("", line).strip()
    return (
        0 < len(line) <= 400
        and line[-1] in ":："
        and _ATTRIBUTION_MARKER_RE.search(line) is not None
    )


def _is_mobile_signature(line: str) -> bool:
    line = _DIRECTION_MARKS_RE.sub("", line).strip()
    return (
        len(line) <= 100
        and _MOBILE_PREFIX_RE.search(line) is not None
        and _MOBILE_DEVICE_RE.search(line) is not None
    )


def _attribution_lines(lines: list[str], quote_start: int) -> list[int]:
    """Indexes of the "On ... wrote:" line(s) just above a quote block."""
    index = quote_start - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    if index < 0 or _is_quote(lines[index]) or not _is_attribution(lines[index]):
        return []
    found = [index]
    above = index - 1
    line = _DIRECTION_MARKS_RE.sub("", lines[index]).strip()
    if (
        not _ATTRIBUTION_OPENER_RE.search(line)
        and above >= 0
        and lines[above].strip()
        and not _is_quote(lines[above])
        and _ATTRIBUTION_OPENER_RE.search(_DIRECTION_MARKS_RE.sub("", lines[above]).strip())
    ):
        found.append(above)  # Gmail wraps long attributions over two lines
    return found


def strip_quotes_and_signature(text: str) -> str:
    """The sender's own words: without quoted lines, the attribution line
    above each quote block, the signature after "-- " and mobile signatures.

    Forwarded messages and Outlook-style unquoted originals are kept: they
    may be what the sender is reporting.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        if line.rstrip(" \t") == "--" and not _is_quote(line):
            lines = lines[:index]
            break
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if _is_quote(line):
            dropped.add(index)
            if index == 0 or not _is_quote(lines[index - 1]):
                dropped.update(_attribution_lines(lines, index))
        elif _is_mobile_signature(line):
            dropped.add(index)
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


# --- the entry point --------------------------------------------------------


def _empty_parsed(size: int, defects: _Defects) -> Parsed:
    return Parsed(
        headers=[], message_id=None, from_addr=None, from_name="", reply_to=None,
        return_path=None, to=[], cc=[], subject="", date=None, in_reply_to=None,
        references=[], content_type="text/plain", text="", attachments=[],
        defects=defects.items, size=size,
    )


def _mime_parts(root: Message, defects: _Defects) -> tuple[str, list[Attachment]]:
    leaves = _Walk(defects).run(root)
    body = _choose_body(leaves)
    text = ""
    if body is not None:
        text = _guarded(defects, f"body of {body.where}", lambda: _body_text(body, defects), "")
    attachments: list[Attachment] = []
    for leaf in leaves:
        if leaf is body:
            continue
        if _is_attachment(leaf):
            item = _guarded(defects, leaf.where, lambda: _attachment(leaf, defects), None)
            if item is not None:
                attachments.append(item)
        else:
            # not shown, but its encoding defects still say something
            _guarded(defects, leaf.where, lambda: _leaf_bytes(leaf, defects), b"")
    return text, attachments


_NON_HEADER_LINE_RE = re.compile(rb"(?m)^(?![\x21-\x39\x3b-\x7e]+[ \t]*:|[ \t])")  # a blank line too
_BLANK_LINE_RE = re.compile(rb"\r?\n\r?\n")


def _cut_header_block(data: bytes, defects: _Defects) -> bytes:
    """A top-level header block longer than MAX_HEADER_BYTES is cut there, at a line end
    (the body is kept): the feed parser holds an object per header line, 25x the input."""
    if len(data) <= MAX_HEADER_BYTES:
        return data
    last = data.rfind(b"\n", 0, MAX_HEADER_BYTES) + 1  # start of the line that crosses the limit
    other = _NON_HEADER_LINE_RE.search(data, 0, last + 1000)
    if last == 0 or (other is not None and other.start() <= last):
        return data  # the header block ends before the limit (or this is no header block)
    blank = _BLANK_LINE_RE.search(data, last - 2)
    defects.add("header block too long; cut")
    return data[:last] + b"\r\n" + (data[blank.end() :] if blank else b"")


def _parse(data: bytes, defects: _Defects) -> Parsed:
    size = len(data)
    if not data:
        defects.add("empty message")
    if size > MAX_PARSE_BYTES:
        defects.add("message too large; only the start was parsed")
        data = data[:MAX_PARSE_BYTES]
    data = _cut_header_block(data, defects)
    root = _parse_tree(data, MAX_DEPTH + 1, defects)
    if root is None:
        parsed = _empty_parsed(size, defects)
        parsed.text = _clean_body_text(_decode_undeclared(data[: MAX_TEXT_CHARS])[0])
        return parsed
    headers = _guarded(defects, "headers", lambda: _read_headers(root, defects), [])
    if not headers and data:
        defects.add("no headers")
    _guarded(defects, "headers", lambda: _check_duplicates(headers, defects), None)
    _guarded(defects, "headers", lambda: _check_bidi(headers, defects), None)
    addresses = _extract_addresses(headers, defects)
    subject = _first(headers, "subject")
    message_id = _guarded(defects, "Message-ID", lambda: _extract_message_id(headers, defects), None)
    date = _guarded(defects, "Date", lambda: _extract_date(headers, defects), None)
    in_reply_to = _guarded(defects, "In-Reply-To", lambda: _extract_in_reply_to(headers, defects), None)
    references = _guarded(defects, "References", lambda: _extract_references(headers, defects), [])
    content_type = _guarded(defects, "Content-Type", lambda: _content_type(root, "message", defects), "text/plain")
    text, attachments = _guarded(defects, "MIME structure", lambda: _mime_parts(root, defects), ("", []))
    return Parsed(
        headers=[(h.name, h.value) for h in headers],
        message_id=message_id,
        from_addr=addresses.from_addr,
        from_name=addresses.from_name,
        reply_to=addresses.reply_to,
        return_path=addresses.return_path,
        to=addresses.to or [],
        cc=addresses.cc or [],
        subject=subject.value if subject else "",
        date=date,
        in_reply_to=in_reply_to,
        references=references,
        content_type=content_type,
        text=text,
        attachments=attachments,
        defects=defects.items,
        size=size,
    )


def parse(data: bytes) -> Parsed:
    """Parse raw message bytes. Never raises; problems become ``defects``."""
    defects = _Defects()
    try:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            defects.add("input is not bytes")
            data = str(data).encode("utf-8", "replace") if data is not None else b""
        return _without_surrogates(_parse(bytes(data), defects))
    except Exception:  # noqa: BLE001 - last line of defence: still a Parsed
        defects.add("internal parse error")
        try:
            size = len(data)
        except Exception:  # noqa: BLE001
            size = 0
        return _empty_parsed(size, defects)


def _part_label(section: str) -> str:
    """"part 1.2.1", shortened for deep nesting so defect strings stay short."""
    if not section:
        return "message"
    if len(section) > 40:
        depth = section.count(".") + 1
        section = f"{section[:20]}...(depth {depth})"
    return f"part {section}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_str(value):
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) and _SURROGATE.search(value) else value


def _without_surrogates(parsed: Parsed) -> Parsed:
    """Lone surrogates (left by surrogateescape decoding) cannot be encoded as UTF-8
    later (forward summary, logs, store): replace them with U+FFFD."""
    for name in ("message_id", "from_addr", "from_name", "reply_to", "return_path", "subject", "in_reply_to",
                 "content_type", "text"):
        setattr(parsed, name, _clean_str(getattr(parsed, name)))
    parsed.headers = [(_clean_str(n), _clean_str(v)) for n, v in parsed.headers]
    parsed.to = [_clean_str(a) for a in parsed.to]
    parsed.cc = [_clean_str(a) for a in parsed.cc]
    parsed.references = [_clean_str(r) for r in parsed.references]
    parsed.attachments = [replace(a, filename=_clean_str(a.filename)) for a in parsed.attachments]
    return parsed
