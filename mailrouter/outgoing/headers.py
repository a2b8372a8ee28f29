"""Values that may reach outgoing headers: cleaned so nothing can be injected.

Two ways in are closed here: control characters (CR, LF...) in decoded input,
and RFC 2047 encoded words. The email package *decodes* ``=?charset?b?...?=``
in a value it is given, so an untouched ``=?utf-8?b?DQpCY2M6...?=`` inside a
Message-ID would come out of the serialiser as a real line break and a new
header. ``check_header_block`` then verifies every composed mail as a last
line of defence.
"""

from __future__ import annotations

import re

from ..config import ADDRESS_RE

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")
_ENCODED_WORD = "=?"
_MESSAGE_ID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]{1,246}>")  # printable ASCII, no '<' '>'
_HEADER_NAME = re.compile(rb"[!-9;-~]{1,76}")


class UnsafeHeaders(ValueError):
    """A composed mail's header block is not what we wrote: refuse to queue it."""


def clean_header_value(value: str, max_length: int = 200) -> str:
    """Remove control characters (runs become a space) and defuse encoded words."""
    cleaned = _CONTROL.sub(" ", value or "").replace(_ENCODED_WORD, "= ?").strip()
    return cleaned[:max_length]


def safe_address(value: str | None) -> str | None:
    """An addr-spec fit for an outgoing To:/RCPT, or None."""
    if not value:
        return None
    if _CONTROL.search(value) or len(value) > 254 or not ADDRESS_RE.match(value) or _ENCODED_WORD in value:
        return None
    if any(c in value for c in ",;:()[]\\") or not value.isascii():
        return None
    return value


def safe_message_id(value: str | None) -> str | None:
    """A Message-ID fit for In-Reply-To/References, or None."""
    if not value:
        return None
    value = value.strip()
    if not _MESSAGE_ID.fullmatch(value) or _ENCODED_WORD in value:
        return None
    return value


def check_header_block(data: bytes, allowed: frozenset[str]) -> None:
    """Every line of the top header block is a header we allow, or a folded continuation."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        raise UnsafeHeaders("no header/body separator")
    for line in data[:end].split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            continue
        name, sep, _ = line.partition(b":")
        if not sep or not _HEADER_NAME.fullmatch(name) or name.decode("ascii").lower() not in allowed:
            raise UnsafeHeaders(f"unexpected header line {name[:40]!r}")
