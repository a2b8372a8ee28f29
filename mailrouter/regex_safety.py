"""Rule regexes: compiled only when they cannot take super-linear time on hostile mail.

Python's ``re`` backtracks, and rule regexes run on text an attacker
controls, so :func:`compile_regex` refuses the shapes :func:`regex_risk`
finds before a rule file is accepted. Pure: no I/O.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

MAX_PATTERN = 1000
REGEX_FLAGS = re.IGNORECASE  # str patterns are Unicode-aware already


try:  # Python 3.11+: the parser behind re.compile
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre_c = _sre_parse = None  # type: ignore[assignment]


def regex_risk(pattern: str) -> str | None:
    """Why ``pattern`` could take super-linear time on hostile text, or None.

    Python's ``re`` backtracks, and rule regexes run on text an attacker
    controls. Refused (a cheap, conservative static check):

    * a repetition inside an unbounded repetition, like ``(a+)+`` or
      ``(\\w+\\s?)*`` (exponential);
    * an alternation whose branches can start with the same character inside
      an unbounded repetition, like ``(a|ab)*`` or ``(\\w|\\d)+`` (exponential);
    * two unbounded repetitions of broad atoms (``.``, ``\\w``, ``\\S``,
      ``[^...]``...) one after the other, like ``a.*b.*c`` (cubic).

    What remains is at worst quadratic, and runs on at most
    ``routing.MAX_REGEX_TEXT`` characters.
    """
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        tree = _sre_parse.parse(pattern, REGEX_FLAGS)
    except Exception:  # noqa: BLE001 - compile() reports it
        return None
    c = _sre_c
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT}
    broad_categories = {c.CATEGORY_WORD, c.CATEGORY_NOT_WORD, c.CATEGORY_NOT_SPACE, c.CATEGORY_NOT_DIGIT,
                        c.CATEGORY_UNI_WORD, c.CATEGORY_UNI_NOT_WORD, c.CATEGORY_UNI_NOT_SPACE,
                        c.CATEGORY_UNI_NOT_DIGIT, c.CATEGORY_LOC_WORD, c.CATEGORY_LOC_NOT_WORD}

    def subpatterns(av: Any) -> Iterable[Any]:
        if isinstance(av, _sre_parse.SubPattern):
            yield av
        elif isinstance(av, (list, tuple)):
            for item in av:
                yield from subpatterns(item)

    def broad(items: Any) -> bool:
        for op, av in items:
            if op in (c.ANY, c.NOT_LITERAL):
                return True
            if op == c.IN and any(o == c.NEGATE or (o == c.CATEGORY and a in broad_categories) for o, a in av):
                return True
            if op not in (c.ATOMIC_GROUP, c.POSSESSIVE_REPEAT):
                if any(broad(sub) for sub in subpatterns(av)):
                    return True
        return False

    def first(items: Any) -> set[str] | None:
        """Characters the sequence can start with (lower-cased); None: too many to say."""
        for op, av in items:
            if op == c.AT:
                continue
            if op == c.LITERAL:
                return {chr(av).lower()}
            if op == c.IN and all(o == c.LITERAL for o, _ in av):
                return {chr(a).lower() for _, a in av}
            if op == c.SUBPATTERN:
                return first(av[-1])
            if op == c.BRANCH:
                out: set[str] = set()
                for branch in av[1]:
                    f = first(branch)
                    if f is None:
                        return None
                    out |= f
                return out
            return None
        return None

    def overlapping(branches: list) -> bool:
        seen: set[str] = set()
        for branch in branches:
            f = first(branch)
            if f is None or f & seen:
                return True
            seen |= f
        return False

    def exponential(items: Any, inside: bool) -> bool:
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                unbounded = hi == c.MAXREPEAT
                if inside and hi > lo + 1:
                    return True
                if exponential(sub, inside or unbounded):
                    return True
            elif op in (c.ATOMIC_GROUP, c.POSSESSIVE_REPEAT):
                continue  # no backtracking into these
            elif op == c.BRANCH and inside and overlapping(av[1]):
                return True
            else:
                if any(exponential(sub, inside) for sub in subpatterns(av)):
                    return True
        return False

    def broad_stars(items: Any) -> int:
        """Largest number of unbounded broad repetitions on one path through the pattern."""
        total = 0
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                total += (1 if hi == c.MAXREPEAT and broad(sub) else 0) + broad_stars(sub)
            elif op == c.BRANCH:
                total += max((broad_stars(b) for b in av[1]), default=0)
            elif op in (c.ATOMIC_GROUP, c.POSSESSIVE_REPEAT):
                continue
            else:
                total += sum(broad_stars(sub) for sub in subpatterns(av))
        return total

    if exponential(tree, False):
        return ("a repetition or an ambiguous alternation inside a repetition (like (a+)+ or (a|ab)*) "
                "can take exponential time on hostile mail")
    if broad_stars(tree) > 1:
        items = list(tree)
        edge = [i for i in (items[:1] + items[-1:]) if i[0] in repeats and i[1][0] == 0
                and list(i[1][2]) == [(c.ANY, None)]]
        hint = ("; a leading or trailing .* is not needed (regexes are searched anywhere in the text)"
                if edge else "; split it into two conditions (all = [...]) or use keywords")
        return "two unbounded repetitions of broad patterns (like a.*b.*c) can take cubic time on hostile mail" + hint
    return None


def compile_regex(pattern: str) -> tuple[re.Pattern | None, str | None]:
    """(compiled, None) or (None, problem)."""
    if pattern == "":
        return None, "empty regex (it would match every message)"
    if len(pattern) > MAX_PATTERN:
        return None, f"regex longer than {MAX_PATTERN} characters"
    try:
        compiled = re.compile(pattern, REGEX_FLAGS)
    except re.error as exc:
        pos = f" at position {exc.pos}" if exc.pos is not None else ""
        return None, f"invalid regex /{pattern}/: {exc.msg}{pos}"
    risk = regex_risk(pattern)
    if risk:
        return None, f"regex /{pattern}/ refused: {risk}"
    return compiled, None
