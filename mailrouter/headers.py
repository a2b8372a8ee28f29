"""Values that may reach outgoing headers: cleaned so nothing can be injected."""

from __future__ import annotations

import re

from .config import ADDRESS_RE

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")


def clean_header_value(value: str, max_length: int = 200) -> str:
    """Remove CR, LF and every other control character; collapse runs to a space."""
    cleaned = _CONTROL.sub(" ", value or "").strip()
    return cleaned[:max_length]


def safe_address(value: str | None) -> str | None:
    """An addr-spec fit for an outgoing To:/RCPT, or None."""
    if not value:
        return None
    if _CONTROL.search(value) or len(value) > 254 or not ADDRESS_RE.match(value):
        return None
    if any(c in value for c in ",;:()[]\\"):
        return None
    return value


def safe_message_id(value: str | None) -> str | None:
    """A Message-ID fit for In-Reply-To/References, or None."""
    if not value:
        return None
    value = value.strip()
    if _CONTROL.search(value) or len(value) > 250 or not re.fullmatch(r"<[^<>\s]+>", value):
        return None
    return value
