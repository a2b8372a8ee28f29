"""Authentication-Results (RFC 8601) as recorded by the operator's own MTA. Pure.

Anyone can write an ``Authentication-Results`` header into a message, so only
one header counts: the topmost one whose authserv-id is the operator's MTA
(``[authentication] trusted_authserv_id``). An MTA prepends its header, so a
header the sender supplied always sits below it and is ignored, even when it
names the same authserv-id (RFC 8601 section 5). The MTA must add its header
to every message it delivers, or the sender's own copy would be the topmost.

Parsing is tolerant (comments, quoted strings, unknown methods) and never
raises: an unreadable header is simply "no result".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"\((?:[^()\\]|\\.)*\)")
_TOKEN_RESULT = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:/[0-9]+)?\s*=\s*([A-Za-z0-9_-]+)")
_PROP = re.compile(r"([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)")


@dataclass(frozen=True)
class MethodResult:
    method: str  # "dkim", "spf", "dmarc", ... lower case
    result: str  # "pass", "fail", "none", ... lower case
    props: dict[str, str] = field(default_factory=dict)  # "header.d" -> "example.org", lower case


@dataclass(frozen=True)
class AuthResults:
    """What the trusted MTA recorded; ``found`` is False when it recorded nothing."""

    found: bool = False
    results: tuple[MethodResult, ...] = ()

    def of(self, method: str) -> list[MethodResult]:
        return [r for r in self.results if r.method == method]

    def dmarc_pass_for(self, domain: str) -> bool:
        """DMARC passed and the evaluated From domain is ``domain``."""
        domain = domain.lower()
        return any(r.result == "pass" and r.props.get("header.from", domain) == domain for r in self.of("dmarc"))

    def dkim_pass_for(self, domain: str) -> bool:
        domain = domain.lower()
        return any(r.result == "pass" and r.props.get("header.d") == domain for r in self.of("dkim"))

    @property
    def dmarc_failed(self) -> bool:
        return any(r.result == "fail" for r in self.of("dmarc"))

    @property
    def spf_failed(self) -> bool:
        return any(r.result == "fail" for r in self.of("spf"))


def _strip_comments(value: str) -> str:
    previous = None
    while previous != value:  # nested comments, bounded by the length of the header
        previous, value = value, _COMMENT.sub(" ", value)
    return value


def _split_semicolons(value: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def authserv_id(value: str) -> str:
    """The authserv-id of one header value (lower case), "" if none."""
    head = _split_semicolons(_strip_comments(value[:8192]))[0].strip()
    return head.split()[0].strip('"').lower() if head else ""


def parse_value(value: str) -> tuple[str, tuple[MethodResult, ...]]:
    """(authserv-id, results) of one Authentication-Results header value."""
    parts = _split_semicolons(_strip_comments(value[:8192]))
    head = parts[0].strip()
    ident = head.split()[0].strip('"').lower() if head else ""
    results: list[MethodResult] = []
    for part in parts[1:]:
        m = _TOKEN_RESULT.match(part)
        if not m:
            continue
        props = {f"{p.lower()}.{n.lower()}": v.strip('"').lower() for p, n, v in _PROP.findall(part[m.end():])}
        results.append(MethodResult(m.group(1).lower(), m.group(2).lower(), props))
    return ident, tuple(results)


def trusted_results(headers: list[tuple[str, str]], trusted_id: str | None) -> AuthResults:
    """The results of the topmost Authentication-Results header written by ``trusted_id``.

    ``headers`` are the message's top-level headers in order, as written
    (``Parsed.headers``). With no trusted id configured nothing is believed.
    """
    if not trusted_id:
        return AuthResults()
    trusted_id = trusted_id.lower()
    for name, value in headers:
        if name.lower() != "authentication-results":
            continue
        ident, results = parse_value(value)
        if ident == trusted_id:
            return AuthResults(True, results)
    return AuthResults()
