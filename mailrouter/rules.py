"""Rule files -> a validated :class:`~mailrouter.routing.RuleSet`.

Loading is all-or-nothing: :func:`load_rules` returns a complete new RuleSet
or raises :class:`RulesError` listing *every* problem as
``file:line: rule NAME: message``. The running service keeps its old RuleSet
when a reload raises (see :func:`load_policy` and :func:`source_digest`).

The format is documented for operators in ``rules/README.md``; the evaluation
semantics in :mod:`mailrouter.routing`. Regex safety lives in
:mod:`mailrouter.regex_safety`, the rule test cases in :mod:`mailrouter.rule_tests`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StrictBool, StrictInt, StrictStr, ValidationError

from .config import Config
from .langcodes import LANGUAGE_CODE_RE
from .operator_files import OperatorFileError, Problems, error_message, key_text, try_read_toml, user_loc
from .regex_safety import compile_regex
from .routing import (FLAG_FACTS, All, AnyOf, Condition, Flag, Glob, Keywords, LanguageIs, MailboxIs, Not, Regex,
                      Rule, RuleSet, SignatureIs, SizeOver, SizeUnder)
from .strict import NAME_RE, Strict

SIGNATURE_STATUSES = ("none", "valid", "invalid", "unknown_key", "expired_key", "revoked_key", "error")
TAG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
HEADER_NAME_RE = re.compile(r"^[!-9;-~]{1,76}$")


class RulesError(OperatorFileError):
    """Rule (or test case) files that cannot be used, every problem already formatted."""


# ---------------------------------------------------------------------------
# Schema (structure and types). Meaning is checked in _Compiler.


def listify(value: Any) -> Any:
    """``"x"`` -> ``["x"]``: a list key may be written as one string."""
    return [value] if isinstance(value, str) else value


StrList = Annotated[list[StrictStr], BeforeValidator(listify), Field(min_length=1)]


def _size(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("a size is a number of bytes or a string such as \"10 MB\"")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*", value, re.IGNORECASE)
        if m:
            unit = (m.group(2) or "b").lower()
            factor = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}[unit]
            return int(float(m.group(1)) * factor)
    raise ValueError(f"not a size: {value!r} (write bytes, or e.g. \"500 KB\", \"10 MB\", \"2 MiB\")")


Size = Annotated[StrictInt, BeforeValidator(_size), Field(ge=0)]


class HeaderCondition(Strict):
    name: StrictStr
    regex: StrictStr


def _headers(value: Any) -> Any:
    return [value] if isinstance(value, dict) else value


class When(Strict):
    mailbox: StrList | None = None
    sender: StrList | None = None
    sender_domain: StrList | None = None
    header: Annotated[list[HeaderCondition], BeforeValidator(_headers), Field(min_length=1)] | None = None
    subject_regex: StrictStr | None = None
    body_regex: StrictStr | None = None
    keywords: StrList | None = None
    keywords_language: StrList | None = None
    language: StrList | None = None
    encrypted: StrictBool | None = None
    decrypted: StrictBool | None = None
    signed: StrictBool | None = None
    signature: StrList | None = None
    has_attachment: StrictBool | None = None
    attachment_type: StrList | None = None
    attachment_name: StrList | None = None
    size_over: Size | None = None
    size_under: Size | None = None
    auto_submitted: StrictBool | None = None
    is_list: StrictBool | None = None
    is_bounce: StrictBool | None = None
    from_self: StrictBool | None = None
    is_noreply: StrictBool | None = None
    sender_key_changed: StrictBool | None = None
    any: Annotated[list["When"], Field(min_length=1)] | None = None
    all: Annotated[list["When"], Field(min_length=1)] | None = None
    not_: "When | None" = Field(None, alias="not")


def ack_value(value: Any) -> Any:
    """``ack``: a template name or false; ``true`` is refused with what to write instead."""
    if value is False or value is None or isinstance(value, str):
        return value
    if value is True:
        raise ValueError('ack = true is not a template: write ack = "default" (or another template name), '
                         'or ack = false')
    raise ValueError('ack is a template name such as "default", or false for no acknowledgement')


When.model_rebuild()


class Then(Strict):
    urgency: StrictStr | None = None
    tags: StrList | None = None
    forward: StrList | None = None
    ack: Annotated[StrictStr | StrictBool | None, BeforeValidator(ack_value)] = None


class RuleModel(Strict):
    name: StrictStr
    description: StrictStr = ""
    when: When = When()
    then: Then = Then()
    continue_: StrictBool = Field(False, alias="continue")
    stop: StrictBool | None = None


# ---------------------------------------------------------------------------
# Problems


def pydantic_message(err: dict, section: str | None = None) -> str:
    """A pydantic error in a rule (``section`` "when"/"then") or test case file, as an operator reads it."""
    hint = {"when": "unknown condition", "then": "unknown action"}.get(section or "", "unknown key")
    return error_message(err, unknown_key=f"{hint} (see rules/README.md)")


def _without(data: Any, locs: list[tuple]) -> Any:
    """A copy of ``data`` without the keys at ``locs``."""
    if isinstance(data, dict):
        here = {loc[0] for loc in locs if len(loc) == 1}
        return {k: _without(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == k])
                for k, v in data.items() if k not in here}
    if isinstance(data, list):
        return [_without(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == i]) for i, v in enumerate(data)]
    return data


# ---------------------------------------------------------------------------
# Compiling validated models into routing objects


class _Compiler:
    """Checks meaning (levels, teams, mailboxes, lexicons, regexes...) and builds conditions."""

    def __init__(self, config: Config, lexicons: Any):
        self.config = config
        self.lexicons = lexicons
        self.errors: list[tuple[tuple, str]] = []  # (loc relative to the rule, message)

    def err(self, loc: tuple, message: str) -> None:
        self.errors.append((loc, message))

    # --- conditions --------------------------------------------------------
    def when(self, w: When, loc: tuple) -> All:
        leaves: list[Condition] = []
        errors_before = len(self.errors)
        mailboxes = self.config.mailboxes
        if w.mailbox is not None:
            for box in w.mailbox:
                if box not in mailboxes:
                    self.err(loc + ("mailbox",), f"unknown mailbox {box!r} (mailboxes: {', '.join(mailboxes)})")
            leaves.append(MailboxIs(tuple(w.mailbox)))
        for attribute in FLAG_FACTS:
            value = getattr(w, attribute)
            if value is not None:
                leaves.append(Flag(attribute, value))
        if w.signature is not None:
            for status in w.signature:
                if status not in SIGNATURE_STATUSES:
                    self.err(loc + ("signature",),
                             f"unknown signature status {status!r} (one of: {', '.join(SIGNATURE_STATUSES)})")
            leaves.append(SignatureIs(tuple(w.signature)))
        if w.language is not None:
            codes = []
            for code in w.language:
                code_l = code.lower().replace("_", "-")
                if not LANGUAGE_CODE_RE.match(code_l):
                    self.err(loc + ("language",), f"not a language code: {code!r} (e.g. \"fa\", \"pt-br\", \"und\")")
                codes.append(code_l)
            leaves.append(LanguageIs(tuple(codes)))
        if w.size_over is not None:
            leaves.append(SizeOver(w.size_over))
        if w.size_under is not None:
            leaves.append(SizeUnder(w.size_under))
            if w.size_over is not None and w.size_over + 1 >= w.size_under:
                self.err(loc + ("size_under",), "size_under must be larger than size_over (nothing could match)")
        for name in ("sender", "sender_domain", "attachment_type", "attachment_name"):
            globs = getattr(w, name)
            if globs is None:
                continue
            for glob in globs:
                if glob.strip() == "":
                    self.err(loc + (name,), "empty pattern")
                elif name == "sender_domain" and "@" in glob:
                    self.err(loc + (name,), f"{glob!r}: sender_domain is a domain such as \"example.org\" or "
                                            "\"*.example.org\", without '@' (use sender for addresses)")
                elif name == "attachment_type" and "/" not in glob:
                    self.err(loc + (name,), f"{glob!r}: attachment_type is a MIME type such as \"application/pdf\" "
                                            "or \"image/*\"")
            leaves.append(Glob(name, tuple(g.lower() for g in globs)))
        if w.header is not None:
            for i, h in enumerate(w.header):
                hloc = loc + ("header",) + ((i,) if len(w.header) > 1 else ())
                if not HEADER_NAME_RE.match(h.name):
                    self.err(hloc, f"invalid header name {h.name!r}")
                compiled, problem = compile_regex(h.regex)
                if problem:
                    self.err(hloc, problem)
                else:
                    leaves.append(Regex("header", h.regex, compiled, header=h.name))
        for target in ("subject", "body"):
            pattern = getattr(w, f"{target}_regex")
            if pattern is None:
                continue
            compiled, problem = compile_regex(pattern)
            if problem:
                self.err(loc + (f"{target}_regex",), problem)
            else:
                leaves.append(Regex(target, pattern, compiled))
        if w.keywords_language is not None and w.keywords is None:
            self.err(loc + ("keywords_language",), "keywords_language needs keywords in the same table")
        if w.keywords is not None:
            leaves.append(self.keywords(w, loc))
        if w.all is not None:
            leaves.append(All(tuple(self.when(sub, loc + ("all", i)) for i, sub in enumerate(w.all))))
        if w.any is not None:
            leaves.append(AnyOf(tuple(self.when(sub, loc + ("any", i)) for i, sub in enumerate(w.any))))
        if w.not_ is not None:
            inner = self.when(w.not_, loc + ("not",))
            if not inner.children:
                self.err(loc + ("not",), "empty 'not' (it would never match)")
            leaves.append(Not(inner))
        if not leaves and loc and isinstance(loc[-1], int) and len(self.errors) == errors_before:
            self.err(loc, "empty condition table")
        return All(tuple(sorted(leaves, key=lambda c: c.cost)))

    def keywords(self, w: When, loc: tuple) -> Keywords:
        lex = self.lexicons
        categories = tuple(w.keywords or ())
        if lex is None:
            self.err(loc + ("keywords",), "no keyword lexicons are loaded (expected in rules/lexicons/)")
            return Keywords(categories)
        for category in categories:
            if category not in lex.categories:
                self.err(loc + ("keywords",),
                         f"unknown keyword category {category!r} (categories: {', '.join(sorted(lex.categories))})")
        languages = w.keywords_language
        if languages is None:
            return Keywords(categories)
        if languages == ["detected"]:
            return Keywords(categories, detected_language=True)
        if "detected" in languages:
            self.err(loc + ("keywords_language",), '"detected" cannot be combined with language codes')
            return Keywords(categories)
        for code in languages:
            if code not in lex.languages:
                self.err(loc + ("keywords_language",),
                         f"no lexicon for language {code!r} (lexicons: {', '.join(sorted(lex.languages))}; "
                         "or \"detected\")")
        return Keywords(categories, tuple(languages))

    # --- actions -------------------------------------------------------------
    def then(self, t: Then, loc: tuple) -> dict[str, Any]:
        levels = self.config.urgency.levels
        if t.urgency is not None and t.urgency not in levels:
            self.err(loc + ("urgency",), f"unknown urgency {t.urgency!r} (levels: {', '.join(levels)})")
        for tag in t.tags or ():
            if not TAG_RE.match(tag):
                self.err(loc + ("tags",), f"invalid tag {tag!r} (lower-case letters, digits, - and _, "
                                          "at most 40 characters)")
        for team in t.forward or ():
            if team not in self.config.teams:
                self.err(loc + ("forward",), f"unknown team {team!r} (teams: {', '.join(self.config.teams)})")
        if isinstance(t.ack, str):
            problem = self.template_problem(t.ack)
            if problem:
                self.err(loc + ("ack",), problem)
        return {"urgency": t.urgency, "tags": tuple(dict.fromkeys(t.tags or ())),
                "forward": tuple(dict.fromkeys(t.forward or ())), "ack": t.ack}

    def template_problem(self, name: str) -> str | None:
        if name == "default":
            return None
        if not NAME_RE.match(name):
            return f"invalid template name {name!r}"
        folder = Path(self.config.service.templates_dir) / "ack" / name
        if not folder.is_dir() or not any(folder.glob("*.txt.j2")):
            return (f"unknown acknowledgement template {name!r} (no folder ack/{name}/ with <lang>.txt.j2 files "
                    "in the templates folder; \"default\" uses the mailbox's own templates)")
        return None


# ---------------------------------------------------------------------------
# Loading rules


def rule_files(rules_dir: Path) -> list[Path]:
    """The rule files of a folder in evaluation order (not recursive; dot-files ignored)."""
    return sorted((p for p in Path(rules_dir).glob("*.toml") if not p.name.startswith(".") and p.is_file()),
                  key=lambda p: p.name)


def source_digest(rules_dir: Path) -> str:
    """A fingerprint of everything a RuleSet is built from (rule files and lexicons).

    Cheap enough to poll: the service reloads when it changes.
    """
    rules_dir = Path(rules_dir)
    digest = hashlib.sha256()
    paths = rule_files(rules_dir) + sorted((rules_dir / "lexicons").rglob("*.toml"))
    for path in paths:
        digest.update(str(path.relative_to(rules_dir)).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def load_rules(rules_dir: Path, config: Config, lexicons: Any, *, digest: str | None = None) -> RuleSet:
    """Load every ``*.toml`` of ``rules_dir`` (sorted by file name). Raises RulesError.

    ``lexicons`` is a loaded :class:`mailrouter.lexicon.Lexicons` (or None: then
    rules using ``keywords`` are refused). ``digest`` is the :func:`source_digest`
    taken *before* the files were read (computed here when not given), so a file
    changed while loading is seen as a change by the next poll.
    """
    rules_dir = Path(rules_dir)
    problems = Problems()
    if not rules_dir.is_dir():
        raise RulesError([f"{rules_dir}: rules folder not found"])
    if digest is None:
        digest = source_digest(rules_dir)
    files = rule_files(rules_dir)
    compiled: list[Rule] = []
    seen: dict[str, str] = {}  # name -> "file:line"
    # for reachability: (rule, mailbox domain, unconditional-within-domain, index, path, line)
    order: list[tuple[Rule, frozenset[str], bool, int, Path, int]] = []
    for index, path in enumerate(files):
        data, lines = try_read_toml(path, index, problems)
        if data is None or lines is None:
            continue
        for key in data:
            if key != "rule":
                problems.add(index, path, lines.find((key,)),
                             f"{key}: unknown key (a rule file holds [[rule]] tables; see rules/README.md)")
        tables = data.get("rule", [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            problems.add(index, path, lines.find(("rule",)), "rule: write rules as [[rule]] tables")
            continue
        for i, table in enumerate(tables):
            rule_line = lines.find(("rule", i)) or 0
            label = table.get("name") if isinstance(table.get("name"), str) and table.get("name") else f"#{i + 1}"
            prefix = f"rule {label}: "

            def add(loc: tuple, message: str) -> None:
                problems.add(index, path, lines.find(("rule", i) + tuple(loc)) or rule_line,
                             prefix + (f"{key_text(loc)}: " if loc else "") + message)

            errors_before = len(problems)
            model = None
            removed: list[tuple] = []
            try:
                model = RuleModel.model_validate(table)
            except ValidationError as exc:
                errors = exc.errors()
                for err in errors:
                    loc = user_loc(table, tuple(err["loc"]))
                    section = next((p for p in reversed(loc[:-1]) if p in ("when", "then")), None)
                    add(loc, pydantic_message(err, section))
                if all(err["type"] == "extra_forbidden" for err in errors):
                    # only unknown keys: check the rest of the rule too, so every problem is listed at once
                    removed = [tuple(e["loc"]) for e in errors]
                    try:
                        model = RuleModel.model_validate(_without(table, removed))
                    except ValidationError:
                        model = None
                if model is None:
                    continue
            if not NAME_RE.match(model.name):
                add(("name",), "rule names are lower-case letters, digits, - and _, starting with a letter")
            elif model.name in seen:
                add(("name",), f"duplicate rule name (first defined at {seen[model.name]})")
            else:
                seen[model.name] = f"{path}:{rule_line}"
            if model.continue_ and model.stop:
                add(("stop",), "continue = true and stop = true contradict each other")
            compiler = _Compiler(config, lexicons)
            when = compiler.when(model.when, ("when",))
            actions = compiler.then(model.then, ("then",))
            for loc, message in compiler.errors:
                if any(r[:-1] == loc for r in removed):
                    continue  # a table that is only empty because its unknown key was set aside
                add(loc, message)
            if len(problems) > errors_before:
                continue
            rule = Rule(name=model.name, when=when, description=model.description, continue_=model.continue_,
                        source=f"{path}:{rule_line}", **actions)
            compiled.append(rule)
            only_mailbox = all(isinstance(c, MailboxIs) for c in when.children)
            domain = (frozenset(next(c.mailboxes for c in when.children if isinstance(c, MailboxIs)))
                      if any(isinstance(c, MailboxIs) for c in when.children) else frozenset(config.mailboxes))
            order.append((rule, domain, only_mailbox, index, path, rule_line))
    _check_reachable(order, config, problems)
    problems.raise_if_any(RulesError)
    return RuleSet(rules=tuple(compiled), lexicons=lexicons, files=tuple(str(p) for p in files), digest=digest)


def _check_reachable(order: list, config: Config, problems: Problems) -> None:
    """A rule is unreachable when, for every mailbox it can match, an earlier rule
    without ``continue`` and without conditions other than ``mailbox`` stops every message."""
    closers: dict[str, Rule] = {}
    for rule, domain, only_mailbox, index, path, line in order:
        if domain and all(box in closers for box in domain):
            by = list(dict.fromkeys(closers[box] for box in sorted(domain)))
            if len(by) == 1 and not by[0].when.children:
                why = f"rule {by[0].name} ({by[0].source}) has no conditions and stops every message before it"
            else:
                names = " and ".join(f"{r.name} ({r.source})" for r in by)
                boxes = ", ".join(sorted(domain))
                verb = "stops" if len(by) == 1 else "stop"
                why = (f"rule{'s' if len(by) > 1 else ''} {names} {verb} every message "
                       f"in mailbox{'es' if len(domain) > 1 else ''} {boxes} before it")
            problems.add(index, path, line, f"rule {rule.name}: unreachable: {why}")
            continue
        if only_mailbox and not rule.continue_:
            for box in domain:
                closers.setdefault(box, rule)


# ---------------------------------------------------------------------------
# Lexicons + rules in one call (what the service and the CLI use)


def load_policy(rules_dir: Path, config: Config, lexicons_dir: Path | None = None) -> RuleSet:
    """Lexicons (``rules_dir/lexicons`` unless given) and rules; RulesError on any problem.

    When the lexicon folder does not exist the rules are loaded without lexicons
    (rules that use ``keywords`` are then refused).
    """
    from .lexicon import LexiconError, load_lexicons

    rules_dir = Path(rules_dir)
    digest = source_digest(rules_dir) if rules_dir.is_dir() else None
    folder = Path(lexicons_dir) if lexicons_dir is not None else rules_dir / "lexicons"
    lexicons = None
    if folder.is_dir():
        try:
            lexicons = load_lexicons(folder)
        except LexiconError as exc:
            raise RulesError(list(exc.problems)) from None
    elif lexicons_dir is not None:
        raise RulesError([f"{folder}: lexicon folder not found"])
    return load_rules(rules_dir, config, lexicons, digest=digest)
