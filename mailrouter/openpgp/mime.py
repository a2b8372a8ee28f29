"""Byte-exact MIME: entities are slices of the original bytes, never re-serialised.

Needed for signatures (RFC 3156 signs the exact bytes of a part). ``_Entity``
splits lazily and stays within the bounds of :mod:`mailrouter.limits`.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import re
import time
from email.message import Message

from ..limits import MAX_DEPTH, MAX_HEADER_BYTES, MAX_PARTS


# --------------------------------------------------------------------------
# Raw MIME handling: slices of the original bytes, never re-serialised.
# --------------------------------------------------------------------------

_EOL = re.compile(rb"\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def _crlf(data: bytes) -> bytes:
    """Line endings to CRLF (RFC 3156 canonical form); lone CRs are left alone."""
    return _EOL.sub(b"\r\n", data)


def _header_fields(block: bytes) -> list[tuple[str, bytes]]:
    """Header block -> [(lower-case name, raw field with its continuation lines, CRLF-joined)]."""
    fields: list[tuple[str, list[bytes]]] = []
    for line in _EOL.split(block):
        if line[:1] in (b" ", b"\t"):
            if fields:
                fields[-1][1].append(line)
            continue
        if b":" in line:
            name = line.split(b":", 1)[0].strip().decode("ascii", "replace").lower()
            if name:
                fields.append((name, [line]))
    return [(name, b"\r\n".join(lines)) for name, lines in fields]


class _TooCostly(Exception):
    """A message is past a structural limit or the time budget (content-free reason)."""


class _Limits:
    """What one tree of entities may cost: parts, depth, bytes scanned for delimiters, time."""

    def __init__(self, size: int, deadline: float | None):
        self.deadline = deadline
        self.parts = 1
        self.scan_left = 10 * size + (1 << 20)  # each nesting level rescans its body: at most ~10 levels' worth

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _TooCostly("took longer than the time limit")

    def split(self, depth: int, scanned: int) -> int:
        """Account for splitting an entity at ``depth`` into children; how many more parts may come."""
        if depth >= MAX_DEPTH:
            raise _TooCostly(f"MIME nesting deeper than {MAX_DEPTH} levels")
        self.scan_left -= scanned
        if self.scan_left < 0:
            raise _TooCostly("MIME structure too costly to walk")
        self.check_time()
        return MAX_PARTS - self.parts

    def add_parts(self, n: int) -> None:
        self.parts += n
        if self.parts > MAX_PARTS:
            raise _TooCostly(f"more than {MAX_PARTS} MIME parts")


class _Entity:
    """A MIME entity: a span of the message's bytes (never copied, never re-serialised),
    with lazily split children, bounded by the limits of mailrouter.limits."""

    def __init__(self, raw: bytes, deadline: float | None = None, *, _span: tuple[int, int] | None = None,
                 _limits: _Limits | None = None, _depth: int = 0):
        self._buf = raw
        self._start, self._end = start, end = _span or (0, len(raw))
        self.limits = _limits or _Limits(len(raw), deadline)
        self.depth = _depth
        if raw.startswith(b"\r\n", start, end):
            header_end, self._body_start = start, start + 2
        elif raw.startswith(b"\n", start, end):
            header_end, self._body_start = start, start + 1
        else:
            m = _HEADER_END.search(raw, start, min(end, start + MAX_HEADER_BYTES + 4))
            header_end, self._body_start = (m.start(), m.end()) if m else (end, end)
        if header_end - start > MAX_HEADER_BYTES:
            raise _TooCostly(f"MIME header block larger than {MAX_HEADER_BYTES >> 10} KB")
        self.header_block = raw[start:header_end]
        try:
            self.msg: Message = email.message_from_bytes(
                self.header_block + b"\r\n\r\n", policy=email.policy.compat32
            )
            self.ctype = self.msg.get_content_type().lower()
        except Exception:  # hostile headers
            self.msg = Message()
            self.ctype = "text/plain"
        self._parts: list[_Entity] | None = None

    @property
    def raw(self) -> bytes:
        return self._buf[self._start : self._end]

    @property
    def body(self) -> bytes:
        return self._buf[self._body_start : self._end]

    def prefix(self, n: int) -> bytes:
        return self._buf[self._start : min(self._end, self._start + n)]

    @property
    def deadline(self) -> float | None:
        return self.limits.deadline

    def param(self, name: str, header: str = "content-type") -> str | None:
        try:
            value = self.msg.get_param(name, header=header)
        except Exception:
            return None
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, tuple):  # RFC 2231
            try:
                value = email.utils.collapse_rfc2231_value(value)
            except Exception:
                return None
        return str(value).strip()

    def get(self, name: str) -> str | None:
        try:
            value = self.msg.get(name)
        except Exception:
            return None
        return None if value is None else str(value)

    def get_all(self, name: str) -> list[str]:
        try:
            return [str(v) for v in (self.msg.get_all(name) or [])]
        except Exception:
            return []

    @property
    def is_multipart(self) -> bool:
        return self.ctype.startswith("multipart/")

    @property
    def boundary(self) -> str | None:
        return self.param("boundary")

    def parts(self) -> list["_Entity"]:
        """The children; raises _TooCostly past a limit."""
        if self._parts is None:
            self._parts = []
            boundary = self.boundary if self.is_multipart else None
            if boundary:
                room = self.limits.split(self.depth, self._end - self._body_start)
                spans = _split_multipart(self._buf, self._body_start, self._end, boundary, room)
                self.limits.add_parts(len(spans))
                self._parts = [_Entity(self._buf, _span=sp, _limits=self.limits, _depth=self.depth + 1)
                               for sp in spans]
        return self._parts

    def filename(self) -> str | None:
        name = self.param("filename", "content-disposition") or self.param("name")
        if not name:
            return None
        name = name.replace("\\", "/").rsplit("/", 1)[-1]
        name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
        return name or None

    def is_attachment(self) -> bool:
        disp = (self.get("content-disposition") or "").split(";", 1)[0].strip().lower()
        return disp == "attachment"

    def decoded(self) -> bytes:
        """The body with its Content-Transfer-Encoding undone."""
        cte = (self.get("content-transfer-encoding") or "").strip().lower()
        if cte not in ("base64", "quoted-printable") or self.is_multipart or self.ctype.startswith("message/"):
            return self.body
        try:  # only the encoding header: the body is never parsed as MIME here
            msg = email.message_from_bytes(b"Content-Transfer-Encoding: " + cte.encode() + b"\r\n\r\n" + self.body,
                                           policy=email.policy.compat32)
            data = msg.get_payload(decode=True)
        except Exception:
            return self.body
        return data if isinstance(data, bytes) else self.body

    def charset(self) -> str | None:
        cs = self.param("charset")
        return cs.lower() if cs else None

    def walk(self):
        """This entity and its descendants, depth first (iterative: no recursion per level)."""
        stack = [self]
        while stack:
            ent = stack.pop()
            yield ent
            stack.extend(reversed(ent.parts()))


def _split_multipart(buf: bytes, start: int, end: int, boundary: str, max_parts: int) -> list[tuple[int, int]]:
    """Spans of the body parts in buf[start:end] (RFC 2046: the CRLF before a delimiter belongs to it).

    One pass of a regex with a literal prefix (a fast scan in C); stops after
    ``max_parts`` + 1 parts, which the caller refuses.
    """
    b = re.escape(boundary.encode("utf-8", "replace"))
    tail = rb"(--)?[ \t]*(?:\r?\n|\Z)"
    spans: list[tuple[int, int]] = []
    part_start: int | None = None
    first = re.compile(rb"--" + b + tail).match(buf, start, end)  # a delimiter right at the start
    floor = first.end() if first else start
    for m in itertools.chain([first] if first else [], re.compile(rb"\n--" + b + tail).finditer(buf, floor, end)):
        line_start = m.start()
        if line_start > floor and buf[line_start - 1] == 13:  # the CR of the CRLF before "--"
            line_start -= 1
        if part_start is not None:
            spans.append((part_start, line_start))
            if len(spans) > max_parts:
                return spans
        if m.group(1):  # close delimiter
            return spans
        floor = part_start = m.end()
    if part_start is not None:  # no close delimiter: take the rest (lenient)
        spans.append((part_start, end))
    return spans


def _join_multipart(boundary: str, parts: list[bytes], eol: bytes = b"\r\n") -> bytes:
    bnd = boundary.encode("utf-8", "replace")
    return b"".join(b"--" + bnd + eol + p + eol for p in parts) + b"--" + bnd + b"--" + eol
