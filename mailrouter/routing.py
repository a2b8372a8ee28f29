"""Facts -> Decision with the operator's rules. Pure: no I/O, no clock, no globals.

The rule files are read and validated by :mod:`mailrouter.rules`, which builds
the :class:`RuleSet` evaluated here. Everything below only looks at ``Facts``,
the loaded ``RuleSet`` (including its lexicons) and ``Config``.

Semantics (the operator's version is ``rules/README.md``)
---------------------------------------------------------

Order
    Rules are evaluated in file order: files sorted by name (``00-loops.toml``
    before ``10-emergency.toml``), rules in the order they are written.

Matching
    A rule matches when *all* its conditions (``when.*``) hold; a rule without
    conditions matches every message. ``any``/``all`` take lists of condition
    tables, ``not`` one table. Regexes are searched (not anchored),
    case-insensitive unless the pattern says ``(?-i:...)``, in at most
    ``MAX_REGEX_TEXT`` characters of the subject/body/header value. Keywords
    are looked up in the lexicons (NFKC, case- and diacritic-folded, word
    boundaries that work for scripts without spaces) in subject + body.

Stopping
    The first matching rule stops evaluation, unless it says
    ``continue = true`` (as in Alertmanager's routing tree). If evaluation
    runs past the last rule without a stopping match, the implicit rule
    ``<mailbox>.default`` matches: it carries the mailbox's
    ``default_urgency`` and ``team`` from config.toml, so a message always gets
    an urgency and at least one team.

Decision (from the matched rules, in order)
    urgency   the highest ``then.urgency`` of the matched rules (levels are
              ordered in config.toml, lowest first); the mailbox's
              ``default_urgency`` when no matched rule sets one. Rules can
              therefore *lower* a mailbox's usual urgency only by stopping
              before any rule that sets a higher one (the shipped policy never
              lowers the emergency mailbox).
    tags      the union of all ``then.tags``, in match order.
    forward   the union of all ``then.forward`` teams, in match order (like
              Alertmanager, where every matched route notifies its receiver: a
              later rule can add teams, never silently remove one); the
              mailbox's team when no matched rule forwards.
    ack       the first matched rule that sets ``then.ack`` decides: a
              template name (``"default"`` = the mailbox's own templates,
              any other name = ``templates/ack/<name>/``) or ``false`` (no
              acknowledgement). Unset: ``"default"``. A mailbox with
              ``acknowledge = false`` never acknowledges, whatever the rules say.
              RFC 3834 blocks (auto-replies, lists, bounces...) are applied
              later by the pipeline in any case.
    language  ``facts.language``.
    rules     one ``RuleHit(rule, why)`` per matched rule, in order; ``why``
              lists the conditions that held (``"mailbox = emergency"``,
              ``"keywords: arrest (fa)"``) and never quotes message content.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

from .config import Config
from .model import Decision, Facts, RuleHit

# Regexes only ever see this many characters of a text (keywords see
# MAX_KEYWORD_TEXT). Together with the refusal of exponential and cubic
# shapes at load time (regex_safety.regex_risk), this bounds the cost of an
# operator's regex on hostile input to well under a second.
MAX_REGEX_TEXT = 8_192
MAX_KEYWORD_TEXT = 200_000


# ---------------------------------------------------------------------------
# Lexicons: the interface rules use (implemented by mailrouter/lexicon.py)


class LexiconsLike(Protocol):
    categories: set[str]
    languages: set[str]

    def match(self, category: str, text: str, languages: Iterable[str] | None = None) -> list[Any]: ...


# ---------------------------------------------------------------------------
# Conditions


@dataclass(frozen=True)
class Result:
    ok: bool
    reasons: tuple[str, ...]  # why the node holds (ok) or why it does not (not ok); content-free


class Context:
    """Per-message evaluation state: the facts and a keyword cache."""

    def __init__(self, facts: Facts, lexicons: LexiconsLike | None):
        self.facts = facts
        self.lexicons = lexicons
        self._keyword_text: str | None = None
        self._keyword_cache: dict[tuple[str, tuple[str, ...] | None], list[Any]] = {}

    def keyword_hits(self, category: str, languages: tuple[str, ...] | None) -> list[Any]:
        key = (category, languages)
        if key not in self._keyword_cache:
            if self._keyword_text is None:
                self._keyword_text = (self.facts.subject or "") + "\n" + (self.facts.body or "")
                self._keyword_text = self._keyword_text[:MAX_KEYWORD_TEXT]
            if self.lexicons is None:
                hits: list[Any] = []
            else:
                hits = list(self.lexicons.match(category, self._keyword_text, languages))
            self._keyword_cache[key] = hits
        return self._keyword_cache[key]


class Condition:
    cost = 0  # cheaper conditions are tested first inside an ``all``

    def test(self, ctx: Context, verbose: bool = False) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError


def _quote_list(values: Sequence[str]) -> str:
    return ", ".join(values)


@dataclass(frozen=True)
class MailboxIs(Condition):
    mailboxes: tuple[str, ...]

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        box = ctx.facts.mailbox
        if box in self.mailboxes:
            return Result(True, (f"mailbox = {box}",))
        return Result(False, (f"mailbox is {box}, not {_quote_list(self.mailboxes)}",))


@dataclass(frozen=True)
class Flag(Condition):
    """A boolean fact compared with the wanted value."""

    attribute: str  # name in FLAG_FACTS
    wanted: bool

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        getter, yes, no = FLAG_FACTS[self.attribute]
        value = bool(getter(ctx.facts))
        return Result(value == self.wanted, (yes if value else no,))


FLAG_FACTS = {
    "encrypted": (lambda f: f.crypto.encrypted, "encrypted", "not encrypted"),
    "decrypted": (lambda f: f.crypto.decrypted, "decrypted", "not decrypted"),
    "signed": (lambda f: f.crypto.signature.status != "none", "signed", "not signed"),
    "has_attachment": (lambda f: bool(f.attachments), "has attachments", "no attachments"),
    "auto_submitted": (lambda f: f.auto_submitted, "auto-submitted", "not auto-submitted"),
    "is_list": (lambda f: f.is_list, "list mail", "not list mail"),
    "is_bounce": (lambda f: f.is_bounce, "bounce", "not a bounce"),
    "from_self": (lambda f: f.from_self, "from one of our own addresses", "not from our own addresses"),
    "is_noreply": (lambda f: f.is_noreply, "no-reply sender", "not a no-reply sender"),
    "sender_key_changed": (lambda f: f.crypto.sender_key_changed, "sender key changed", "sender key unchanged"),
}


@dataclass(frozen=True)
class SignatureIs(Condition):
    statuses: tuple[str, ...]

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        status = ctx.facts.crypto.signature.status
        if status in self.statuses:
            return Result(True, (f"signature {status}",))
        return Result(False, (f"signature {status}, not {_quote_list(self.statuses)}",))


def language_matches(language: str, wanted: str) -> bool:
    """``fa`` matches ``fa`` and ``fa-AF``; ``zh-hant`` only ``zh-hant``. Case-insensitive."""
    language = (language or "und").lower()
    return language == wanted or language.startswith(wanted + "-")


@dataclass(frozen=True)
class LanguageIs(Condition):
    languages: tuple[str, ...]

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        lang = ctx.facts.language or "und"
        if any(language_matches(lang, w) for w in self.languages):
            return Result(True, (f"language = {lang}",))
        return Result(False, (f"language is {lang}, not {_quote_list(self.languages)}",))


@dataclass(frozen=True)
class SizeOver(Condition):
    limit: int

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        size = ctx.facts.size
        if size > self.limit:
            return Result(True, (f"size {size} bytes > {self.limit}",))
        return Result(False, (f"size {size} bytes, not over {self.limit}",))


@dataclass(frozen=True)
class SizeUnder(Condition):
    limit: int

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        size = ctx.facts.size
        if size < self.limit:
            return Result(True, (f"size {size} bytes < {self.limit}",))
        return Result(False, (f"size {size} bytes, not under {self.limit}",))


def _glob_any(value: str, globs: Sequence[str]) -> str | None:
    value = value.lower()
    for glob in globs:
        if fnmatch.fnmatchcase(value, glob):
            return glob
    return None


@dataclass(frozen=True)
class Glob(Condition):
    """sender / sender_domain / attachment_type / attachment_name against glob lists."""

    field_name: str  # "sender" | "sender_domain" | "attachment_type" | "attachment_name"
    globs: tuple[str, ...]  # lower-case
    cost = 1

    def _values(self, facts: Facts) -> list[str]:
        if self.field_name == "sender":
            return [facts.sender] if facts.sender else []
        if self.field_name == "sender_domain":
            return [facts.sender_domain] if facts.sender_domain else []
        if self.field_name == "attachment_type":
            return [a.content_type for a in facts.attachments]
        return [a.filename for a in facts.attachments if a.filename]

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        label = self.field_name.replace("_", " ")
        values = self._values(ctx.facts)
        if not values:
            what = {"sender": "no sender address", "sender_domain": "no sender domain",
                    "attachment_type": "no attachments", "attachment_name": "no named attachments"}
            return Result(False, (what[self.field_name],))
        for value in values:
            glob = _glob_any(value, self.globs)
            if glob is not None:
                return Result(True, (f"{label} matches {glob!r}",))
        globs = ", ".join(repr(g) for g in self.globs)
        return Result(False, (f"{label} matches none of {globs}",))


@dataclass(frozen=True)
class Regex(Condition):
    """subject_regex / body_regex / header regex. ``pattern`` is a compiled re.Pattern."""

    target: str  # "subject" | "body" | "header"
    source: str  # the pattern as written (operator text, not message content)
    pattern: Any
    header: str | None = None  # header name for target == "header"
    cost = 2

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        facts = ctx.facts
        if self.target == "header":
            lname = (self.header or "").lower()
            values = [v for n, v in facts.headers if n.lower() == lname]
            label = f"header {self.header}"
            if not values:
                return Result(False, (f"no {self.header} header",))
        else:
            values = [facts.subject if self.target == "subject" else facts.body]
            label = self.target
        for value in values:
            if self.pattern.search((value or "")[:MAX_REGEX_TEXT]):
                return Result(True, (f"{label} matches /{self.source}/",))
        return Result(False, (f"{label} does not match /{self.source}/",))


@dataclass(frozen=True)
class Keywords(Condition):
    categories: tuple[str, ...]
    languages: tuple[str, ...] | None = None  # restrict lexicon languages; None = all
    detected_language: bool = False  # keywords_language = "detected"
    cost = 4

    def _languages(self, facts: Facts, lexicons: LexiconsLike | None) -> tuple[str, ...] | None:
        if not self.detected_language:
            return self.languages
        lang = (facts.language or "und").lower()
        if lang == "und" or lexicons is None:
            return None  # language unknown: look in every lexicon
        known = sorted(l for l in lexicons.languages if language_matches(lang, l.lower()))
        return tuple(known) if known else None

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        languages = self._languages(ctx.facts, ctx.lexicons)
        found: list[str] = []
        for category in self.categories:
            for hit in ctx.keyword_hits(category, languages):
                label = f"{hit.category} ({hit.language})"
                if label not in found:
                    found.append(label)
        if found:
            return Result(True, ("keywords: " + ", ".join(found),))
        where = f" in {_quote_list(languages)}" if languages else ""
        return Result(False, (f"no keywords: {_quote_list(self.categories)}{where}",))


@dataclass(frozen=True)
class All(Condition):
    children: tuple[Condition, ...]

    @property
    def cost(self) -> int:  # type: ignore[override]
        return max((c.cost for c in self.children), default=0)

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        held: list[str] = []
        failed: list[str] = []
        for child in self.children:
            result = child.test(ctx, verbose)
            if result.ok:
                held.extend(result.reasons)
            else:
                failed.extend(result.reasons)
                if not verbose:
                    break
        if failed:
            return Result(False, tuple(failed))
        return Result(True, tuple(held))


@dataclass(frozen=True)
class AnyOf(Condition):
    children: tuple[Condition, ...]

    @property
    def cost(self) -> int:  # type: ignore[override]
        return max((c.cost for c in self.children), default=0)

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        failed: list[str] = []
        for child in self.children:
            result = child.test(ctx, verbose)
            if result.ok:
                return result
            failed.extend(result.reasons)
        return Result(False, tuple(failed))


@dataclass(frozen=True)
class Not(Condition):
    child: Condition

    @property
    def cost(self) -> int:  # type: ignore[override]
        return self.child.cost

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        # The child's reasons explain its outcome, which is exactly why the negation holds or not.
        result = self.child.test(ctx, verbose)
        return Result(not result.ok, result.reasons)


# ---------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class Rule:
    name: str
    when: All  # empty: matches every message
    description: str = ""
    urgency: str | None = None
    tags: tuple[str, ...] = ()
    forward: tuple[str, ...] = ()
    ack: str | bool | None = None  # None: not set; False: suppress; str: template name
    continue_: bool = False
    source: str = ""  # "file:line" of the [[rule]] table

    def test(self, ctx: Context, verbose: bool = False) -> Result:
        if not self.when.children:
            return Result(True, ("no conditions (matches every message)",))
        return self.when.test(ctx, verbose)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    lexicons: LexiconsLike | None = None
    files: tuple[str, ...] = ()  # the rule files, in evaluation order
    digest: str = ""  # sha256 of the rule (and lexicon) files; see rules.source_digest

    def names(self) -> list[str]:
        return [r.name for r in self.rules]


@dataclass(frozen=True)
class RuleTrace:
    """What happened to one rule for one message (for ``explain``)."""

    rule: str
    matched: bool
    reasons: list[str]  # why it matched, or every condition that failed; content-free
    reached: bool = True  # False: an earlier rule stopped evaluation first
    source: str = ""


def default_rule(mailbox: str, config: Config) -> Rule:
    """The implicit last rule of a mailbox: its default urgency and team from config.toml."""
    box = config.mailboxes[mailbox]
    return Rule(name=f"{mailbox}.default", when=All(()), urgency=box.default_urgency, forward=(box.team,),
                source="config.toml")


def default_decision(facts: Facts, config: Config) -> Decision:
    """The decision without any rules (and the decision of last resort)."""
    box = config.mailboxes[facts.mailbox]
    return Decision(
        urgency=box.default_urgency,
        language=facts.language,
        tags=[],
        forward_teams=[box.team],
        ack_template="default" if box.acknowledge else None,
        ack_suppressed_reason=None if box.acknowledge else "mailbox does not acknowledge",
        rules=[RuleHit(f"{facts.mailbox}.default", f"mailbox {facts.mailbox} default route")],
    )


def route(facts: Facts, config: Config, ruleset: RuleSet | None = None) -> Decision:
    """The rules' decision, or the mailbox default when no rules are loaded."""
    if ruleset is None:
        return default_decision(facts, config)
    return evaluate(ruleset, facts, config)


def evaluate(ruleset: RuleSet, facts: Facts, config: Config) -> Decision:
    decision, _ = _run(ruleset, facts, config, verbose=False)
    return decision


def evaluate_verbose(ruleset: RuleSet, facts: Facts, config: Config) -> tuple[Decision, list[RuleTrace]]:
    """The same decision as :func:`evaluate`, plus one :class:`RuleTrace` per rule.

    Rules after the one that stopped evaluation are listed with ``reached=False``.
    The implicit ``<mailbox>.default`` rule is listed last when it applied.
    """
    return _run(ruleset, facts, config, verbose=True)


def _run(ruleset: RuleSet, facts: Facts, config: Config, verbose: bool) -> tuple[Decision, list[RuleTrace]]:
    ctx = Context(facts, ruleset.lexicons)
    matched: list[tuple[Rule, Result]] = []
    traces: list[RuleTrace] = []
    stopped_by: Rule | None = None
    for rule in ruleset.rules:
        if stopped_by is not None:
            if not verbose:
                break
            traces.append(RuleTrace(rule.name, False, [f"not reached: rule {stopped_by.name} stopped evaluation"],
                                    reached=False, source=rule.source))
            continue
        result = rule.test(ctx, verbose)
        if verbose:
            traces.append(RuleTrace(rule.name, result.ok, list(result.reasons), source=rule.source))
        if result.ok:
            matched.append((rule, result))
            if not rule.continue_:
                stopped_by = rule
    if stopped_by is None:
        rule = default_rule(facts.mailbox, config)
        why = "no rule stopped evaluation: mailbox default from config.toml"
        matched.append((rule, Result(True, (why,))))
        if verbose:
            traces.append(RuleTrace(rule.name, True, [why], source=rule.source))
    return _decide(matched, facts, config), traces


def _decide(matched: list[tuple[Rule, Result]], facts: Facts, config: Config) -> Decision:
    box = config.mailboxes[facts.mailbox]
    levels = config.urgency.levels
    urgencies = [r.urgency for r, _ in matched if r.urgency is not None]
    urgency = max(urgencies, key=levels.index) if urgencies else box.default_urgency
    tags: list[str] = []
    teams: list[str] = []
    for rule, _ in matched:
        tags.extend(t for t in rule.tags if t not in tags)
        teams.extend(t for t in rule.forward if t not in teams)
    if not teams:
        teams = [box.team]
    ack_template: str | None = "default"
    ack_reason: str | None = None
    if not box.acknowledge:
        ack_template, ack_reason = None, "mailbox does not acknowledge"
    else:
        for rule, _ in matched:
            if rule.ack is None:
                continue
            if rule.ack is False:
                ack_template, ack_reason = None, f"suppressed by rule {rule.name}"
            else:
                ack_template = str(rule.ack)
            break
    hits = [RuleHit(rule.name, "; ".join(result.reasons)) for rule, result in matched]
    return Decision(urgency=urgency, language=facts.language, tags=tags, forward_teams=teams,
                    ack_template=ack_template, ack_suppressed_reason=ack_reason, rules=hits)
