"""What every operator file (config.toml, rule files, rule tests, lexicons) is loaded with.

One error class, one ``file:line: ...`` style, one TOML reader and one key
locator, so that a problem in any of those files reads the same and is fixed
without a traceback (design.md, guarantee 5).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable


class OperatorFileError(Exception):
    """Operator files that cannot be used; ``problems`` are already formatted, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class FileProblem(Exception):
    """One file that cannot be read at all (unreadable, not TOML): where and why."""

    def __init__(self, path: Path | str, line: int | None, text: str):
        self.path, self.line, self.text = path, line, text
        super().__init__(f"{location(path, line)}: {text}")


def location(path: Path | str, line: int | None) -> str:
    """``file:line``, or ``file`` when the line is unknown."""
    return f"{path}:{line}" if line else str(path)


def read_text(path: Path, *, missing: str | None = None) -> str:
    """The UTF-8 text of ``path``; FileProblem when it cannot be read.

    ``missing`` is the problem text for a file that does not exist (default:
    "cannot read: " and the OS's words, as for any other read error).
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileProblem(path, None, missing if missing is not None else f"cannot read: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FileProblem(path, None, f"cannot read: {exc}") from None


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """``tomllib.loads``; a syntax error is a FileProblem at the line tomllib names."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise FileProblem(path, int(where.group(1)) if where else None, f"TOML syntax error: {exc}") from None


def error_message(err: dict, unknown_key: str = "unknown key (check the spelling; see README 'Configuration')") -> str:
    """A pydantic error as an operator reads it (no "Value error, " noise)."""
    if err["type"] == "extra_forbidden":
        return unknown_key
    if err["type"] == "missing":
        return "required key is missing"
    msg = err["msg"]
    return msg[len("Value error, "):] if msg.startswith("Value error, ") else msg


@dataclass(order=True)
class _Problem:
    file_index: int
    line: int
    seq: int
    text: str = field(compare=False)


class Problems:
    """Problems of several files, listed in file order, then line order, then as found."""

    def __init__(self) -> None:
        self.items: list[_Problem] = []

    def add(self, file_index: int, path: Path | str, line: int | None, text: str) -> None:
        self.items.append(_Problem(file_index, line or 0, len(self.items), f"{location(path, line)}: {text}"))

    def add_file(self, file_index: int, problem: FileProblem) -> None:
        self.add(file_index, problem.path, problem.line, problem.text)

    def lines(self) -> list[str]:
        return [p.text for p in sorted(self.items)]

    def raise_if_any(self, error: type[OperatorFileError] = OperatorFileError) -> None:
        if self.items:
            raise error(self.lines())

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


class TomlLocator:
    """Line numbers of tables and keys in TOML text (tomllib keeps no positions).

    ``find(("rule", 2, "then", "urgency"))`` is the line of ``then.urgency`` (or
    of ``urgency`` under ``[rule.then]``) in the third ``[[rule]]``; elements of
    an array of tables are numbered from 0, as in pydantic's error locations
    (ints and their strings are the same key). When the exact key is not on a
    line of its own (a missing key, inline tables, multi-line arrays), the
    nearest enclosing key or table is answered. Lines inside multi-line strings
    are not read as keys or tables.

    ``arrays``: the path of an array of tables itself (``("rule",)``) is
    answered with its first ``[[header]]`` line; without it (config.toml, as it
    has always reported), with the enclosing table's line.
    """

    _header = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _key = re.compile(r"^\s*([A-Za-z0-9_\"' .-]+?)\s*=")

    def __init__(self, text: str, *, arrays: bool = True):
        self.entries: dict[tuple[str, ...], int] = {}
        counts: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        in_string: str | None = None
        for lineno, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if in_string in line:
                    in_string = None
                continue
            if m := self._header.match(line):
                path = self._resolve(self._split(m.group(2)), counts)
                if m.group(1) == "[[":
                    if arrays:
                        self.entries.setdefault(path, lineno)
                    counts[path] = counts.get(path, -1) + 1
                    path = path + (str(counts[path]),)
                table = path
                self.entries.setdefault(table, lineno)
            elif m := self._key.match(line):
                self.entries.setdefault(table + self._split(m.group(1)), lineno)
                rest = line[m.end():]
                for delim in ('"""', "'''"):
                    if rest.count(delim) % 2 == 1:
                        in_string = delim
                        break

    @staticmethod
    def _split(dotted: str) -> tuple[str, ...]:
        return tuple(part.strip().strip("\"'") for part in dotted.split("."))

    @staticmethod
    def _resolve(parts: tuple[str, ...], counts: dict[tuple[str, ...], int]) -> tuple[str, ...]:
        """``[a.b.c]`` inside the current element of ``[[a.b]]`` is ``a.b.<n>.c``."""
        path: tuple[str, ...] = ()
        for j, part in enumerate(parts):
            path = path + (part,)
            if j < len(parts) - 1 and path in counts:
                path = path + (str(counts[path]),)
        return path

    def find(self, loc: Iterable[Any]) -> int | None:
        key = tuple(str(part) for part in loc)
        while key:
            if key in self.entries:
                return self.entries[key]
            key = key[:-1]
        return None


def read_toml(path: Path) -> tuple[dict[str, Any], TomlLocator]:
    """A TOML operator file and its locator; FileProblem when unreadable or not TOML."""
    text = read_text(path)
    return parse_toml(text, path), TomlLocator(text)


def try_read_toml(path: Path, file_index: int,
                  problems: Problems) -> tuple[dict[str, Any], TomlLocator] | tuple[None, None]:
    """:func:`read_toml`, or ``(None, None)`` with the file's problem added to ``problems``."""
    try:
        return read_toml(path)
    except FileProblem as problem:
        problems.add_file(file_index, problem)
        return None, None


def key_text(loc: Iterable[Any]) -> str:
    """A key path as an operator writes it: ``("when", "any", 0, "mailbox")`` -> ``when.any[0].mailbox``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def user_loc(data: Any, loc: tuple) -> tuple:
    """The error location as the operator wrote it: ``tags[0]`` -> ``tags`` when ``tags`` was
    written as a single string (and ``header[0].regex`` -> ``header.regex`` for a single table)."""
    out: list[Any] = []
    node = data
    for part in loc:
        if isinstance(part, int) and not isinstance(node, list):
            continue  # a single value that the schema wrapped into a list
        out.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)
