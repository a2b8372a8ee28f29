"""The rules engine, table-driven: rule TOML + hand-built Facts -> Decision.

Rules are loaded with the real loader and lexicons built with the real
``Lexicons`` class from a few terms, so each row reads like what an operator
writes. Evaluation itself is pure: nothing here touches the network, and the
rule files could be deleted after loading.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from mailrouter.config import load_config
from mailrouter.lexicon import Lexicons
from mailrouter.model import Attachment, CryptoFacts, Decision, Facts, RuleHit, Signature
from mailrouter.routing import MAX_REGEX_TEXT, default_decision, evaluate, evaluate_verbose, route
from mailrouter.rules import load_rules

CONFIG = load_config(Path(__file__).parent / "testdata" / "rules" / "config.toml")
LEXICONS = Lexicons.from_dict({
    "en": {"arrest_detention": ["arrest*", "detained"], "threat_to_life": ["kill you", "kill me"],
           "doxing": ["doxed"], "harassment": ["harass*"]},
    "fa": {"arrest_detention": ["بازداشت*"], "threat_to_life": ["تهدید به مرگ"]},
    "zh": {"doxing": ["人肉搜索"]},
    "fr": {"arrest_detention": ["garde à vue"]},
})
_counter = itertools.count()


@pytest.fixture
def rules(tmp_path):
    """rules(toml_text) -> RuleSet, loaded from a fresh folder."""
    def load(text: str, config=CONFIG):
        folder = tmp_path / f"rules{next(_counter)}"
        folder.mkdir()
        (folder / "10-test.toml").write_text(text, encoding="utf-8")
        return load_rules(folder, config, LEXICONS)
    return load


def facts(**kw) -> Facts:
    """Facts of an ordinary message to humanrights, with ``kw`` changed."""
    crypto = kw.pop("crypto", CryptoFacts())
    base = Facts(mailbox="humanrights", sender="volunteer@example.net", sender_domain="example.net",
                 subject="A question", body="Hello, I have a question about my safety.", language="en",
                 language_confidence=0.9, size=2000, attachments=[], headers=[("From", "volunteer@example.net")],
                 defects=[], auto_submitted=False, is_list=False, is_bounce=False, is_noreply=False,
                 from_self=False, ack_blockers=[], crypto=crypto)
    if "sender" in kw and "sender_domain" not in kw:
        sender = kw["sender"]
        kw["sender_domain"] = sender.split("@", 1)[1] if sender and "@" in sender else None
    return replace(base, **kw)


def summary(d: Decision) -> dict:
    return {"rules": [h.rule for h in d.rules], "urgency": d.urgency, "tags": d.tags, "forward": d.forward_teams,
            "ack": d.ack_template, "language": d.language}


# ---------------------------------------------------------------------------
# Decision semantics: order, stop/continue, urgency, tags, forward, ack

DECISIONS = [
    ("no rules: the implicit mailbox default", "", {},
     {"rules": ["humanrights.default"], "urgency": "normal", "tags": [], "forward": ["humanrights"], "ack": "default"}),
    ("no rules, emergency mailbox", "", {"mailbox": "emergency"},
     {"rules": ["emergency.default"], "urgency": "critical", "forward": ["emergency"]}),
    ("first match wins", """
[[rule]]
name = "a"
when.language = "en"
then.tags = ["a"]
[[rule]]
name = "b"
when.mailbox = "humanrights"
then.tags = ["b"]
""", {}, {"rules": ["a"], "tags": ["a"], "urgency": "normal", "forward": ["humanrights"]}),
    ("a rule that does not match is skipped", """
[[rule]]
name = "lists"
when.is_list = true
then.urgency = "low"
[[rule]]
name = "rest"
when.mailbox = "humanrights"
""", {}, {"rules": ["rest"], "urgency": "normal"}),
    ("continue lets later rules match; urgency is the highest", """
[[rule]]
name = "arrest"
when.keywords = "arrest_detention"
then.urgency = "high"
then.tags = ["arrest"]
continue = true
[[rule]]
name = "harassment"
when.keywords = "harassment"
then.urgency = "normal"
then.tags = ["harassment"]
continue = true
[[rule]]
name = "default"
when.mailbox = "humanrights"
then.urgency = "normal"
""", {"body": "They harass me daily and my brother was arrested."},
     {"rules": ["arrest", "harassment", "default"], "urgency": "high", "tags": ["arrest", "harassment"]}),
    ("a later rule cannot lower the urgency", """
[[rule]]
name = "up"
then.urgency = "critical"
continue = true
[[rule]]
name = "down"
then.urgency = "low"
""", {}, {"rules": ["up", "down"], "urgency": "critical"}),
    ("a stopping rule without urgency: the mailbox default urgency", """
[[rule]]
name = "tag-only"
then.tags = ["x"]
""", {"mailbox": "emergency"}, {"rules": ["tag-only"], "urgency": "critical", "forward": ["emergency"]}),
    ("a rule may lower a mailbox's urgency by stopping before anything else", """
[[rule]]
name = "lists-low"
when.is_list = true
then.urgency = "low"
""", {"is_list": True}, {"rules": ["lists-low"], "urgency": "low", "forward": ["humanrights"]}),
    ("falling off the end adds the implicit default, which counts for urgency and forward", """
[[rule]]
name = "lists-low"
when.is_list = true
then.urgency = "low"
then.forward = ["legal"]
continue = true
""", {"is_list": True},
     {"rules": ["lists-low", "humanrights.default"], "urgency": "normal", "forward": ["legal", "humanrights"]}),
    ("tags: union in match order without repeats", """
[[rule]]
name = "a"
then.tags = ["x", "y"]
continue = true
[[rule]]
name = "b"
then.tags = ["y", "z"]
""", {}, {"tags": ["x", "y", "z"]}),
    ("forward: the union of all matched rules, never narrowed by a later rule", """
[[rule]]
name = "escalate"
when.keywords = "threat_to_life"
then.forward = ["emergency", "humanrights"]
continue = true
[[rule]]
name = "default"
when.mailbox = "humanrights"
then.forward = ["humanrights"]
""", {"body": "They said they will kill you."},
     {"rules": ["escalate", "default"], "forward": ["emergency", "humanrights"]}),
    ("forward: the mailbox team when no matched rule forwards", """
[[rule]]
name = "tag"
then.tags = ["t"]
""", {"mailbox": "emergency"}, {"forward": ["emergency"]}),
    ("ack: the first matched rule that sets it decides (false)", """
[[rule]]
name = "quiet"
when.auto_submitted = true
then.ack = false
continue = true
[[rule]]
name = "loud"
then.ack = "emergency"
""", {"auto_submitted": True}, {"rules": ["quiet", "loud"], "ack": None}),
    ("ack: the first matched rule that sets it decides (template)", """
[[rule]]
name = "life"
when.keywords = "threat_to_life"
then.ack = "emergency"
continue = true
[[rule]]
name = "later"
then.ack = false
""", {"body": "kill me"}, {"ack": "emergency"}),
    ("ack: unset means the default template", """
[[rule]]
name = "x"
then.urgency = "high"
""", {}, {"ack": "default"}),
    ("language is the detected language", "", {"language": "fa"}, {"language": "fa"}),
]


@pytest.mark.parametrize("title,toml,fact_changes,expected", DECISIONS, ids=[row[0] for row in DECISIONS])
def test_decision(rules, title, toml, fact_changes, expected):
    decision = evaluate(rules(toml), facts(**fact_changes), CONFIG)
    got = summary(decision)
    assert {k: got[k] for k in expected} == expected


def test_suppressed_ack_says_which_rule(rules):
    decision = evaluate(rules('[[rule]]\nname = "quiet"\nthen.ack = false\n'), facts(), CONFIG)
    assert decision.ack_template is None and decision.ack_suppressed_reason == "suppressed by rule quiet"


def test_a_mailbox_that_never_acknowledges_wins_over_rules(rules):
    boxes = dict(CONFIG.mailboxes)
    boxes["humanrights"] = boxes["humanrights"].model_copy(update={"acknowledge": False})
    config = CONFIG.model_copy(update={"mailboxes": boxes})
    ruleset = rules('[[rule]]\nname = "ack"\nthen.ack = "emergency"\n', config)
    decision = evaluate(ruleset, facts(), config)
    assert decision.ack_template is None and decision.ack_suppressed_reason == "mailbox does not acknowledge"


def test_route_without_rules_is_the_default_decision():
    f = facts(mailbox="emergency")
    assert route(f, CONFIG, None) == default_decision(f, CONFIG)


def test_evaluation_needs_no_files_after_loading(rules, tmp_path):
    ruleset = rules('[[rule]]\nname = "arrest"\nwhen.keywords = "arrest_detention"\nthen.urgency = "high"\n')
    for folder in tmp_path.iterdir():
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    assert evaluate(ruleset, facts(body="He was detained."), CONFIG).urgency == "high"


# ---------------------------------------------------------------------------
# Conditions: (when TOML, fact changes, matches?, reason the rule hit or missed)

PGP = CryptoFacts(encrypted=True, decrypted=True, signature=Signature("valid", "AB" * 20))
UNREADABLE = CryptoFacts(encrypted=True, decrypted=False, error="could not decrypt: no key")
PHOTO = Attachment("house.JPG", "image/jpeg", 120_000)

CONDITIONS = [
    ('when.mailbox = "humanrights"', {}, True, "mailbox = humanrights"),
    ('when.mailbox = ["emergency", "humanrights"]', {}, True, "mailbox = humanrights"),
    ('when.mailbox = "emergency"', {}, False, "mailbox is humanrights, not emergency"),
    ('when.sender = "*@example.net"', {}, True, "sender matches '*@example.net'"),
    ('when.sender = "*@EXAMPLE.NET"', {"sender": "Someone@Example.Net"}, True, "sender matches '*@example.net'"),
    ('when.sender = ["boss@*", "*@example.org"]', {}, False, "sender matches none of 'boss@*', '*@example.org'"),
    ('when.sender = "*"', {"sender": None}, False, "no sender address"),
    ('when.sender_domain = ["*.example.net"]', {"sender": "a@mail.example.net"}, True,
     "sender domain matches '*.example.net'"),
    ('when.sender_domain = ["*.example.net"]', {}, False, "sender domain matches none of '*.example.net'"),
    ("when.header = { name = \"x-priority\", regex = '^1' }", {"headers": [("X-Priority", "1 (Highest)")]}, True,
     "header x-priority matches /^1/"),
    ("when.header = { name = \"X-Priority\", regex = '^1' }", {"headers": [("X-Priority", "3")]}, False,
     "header X-Priority does not match /^1/"),
    ("when.header = { name = \"X-Priority\", regex = '^1' }", {}, False, "no X-Priority header"),
    ("when.header = { name = \"Received\", regex = 'evil' }",
     {"headers": [("Received", "from a"), ("Received", "from evil.example")]}, True, "header Received matches /evil/"),
    ("when.subject_regex = '\\burgent\\b'", {"subject": "URGENT: please"}, True, "subject matches /\\burgent\\b/"),
    ("when.subject_regex = '(?-i:URGENT)'", {"subject": "urgent"}, False, "subject does not match /(?-i:URGENT)/"),
    ("when.body_regex = 'call me (today|tonight)'", {"body": "Please call me tonight."}, True,
     "body matches /call me (today|tonight)/"),
    ('when.keywords = "arrest_detention"', {"body": "My colleague was ARRESTED yesterday."}, True,
     "keywords: arrest_detention (en)"),
    ('when.keywords = "arrest_detention"', {"subject": "همکارم بازداشت شد", "body": ""}, True,
     "keywords: arrest_detention (fa)"),
    ('when.keywords = ["threat_to_life", "arrest_detention"]', {"body": "تهدید به مرگ — and I was detained"}, True,
     "keywords: threat_to_life (fa), arrest_detention (en)"),
    ('when.keywords = "doxing"', {"body": "有人对我进行人肉搜索"}, True, "keywords: doxing (zh)"),
    ('when.keywords = "arrest_detention"', {"body": "Nothing to see."}, False, "no keywords: arrest_detention"),
    ('when.keywords = "arrest_detention"\nwhen.keywords_language = "fa"', {"body": "He was detained."}, False,
     "no keywords: arrest_detention in fa"),
    ('when.keywords = "arrest_detention"\nwhen.keywords_language = "detected"',
     {"body": "He was detained.", "language": "fa"}, False, "no keywords: arrest_detention in fa"),
    ('when.keywords = "arrest_detention"\nwhen.keywords_language = "detected"',
     {"body": "He was detained.", "language": "und"}, True, "keywords: arrest_detention (en)"),
    ('when.keywords = "arrest_detention"\nwhen.keywords_language = "detected"',
     {"body": "Il est en garde à vue.", "language": "fr-CA"}, True, "keywords: arrest_detention (fr)"),
    ('when.language = "fa"', {"language": "fa-AF"}, True, "language = fa-AF"),
    ('when.language = ["fa", "ar"]', {"language": "en"}, False, "language is en, not fa, ar"),
    ('when.language = "und"', {"language": "und"}, True, "language = und"),
    ("when.encrypted = true", {"crypto": PGP}, True, "encrypted"),
    ("when.encrypted = true", {}, False, "not encrypted"),
    ("when.encrypted = true\nwhen.decrypted = false", {"crypto": UNREADABLE}, True, "encrypted; not decrypted"),
    ("when.signed = true", {"crypto": PGP}, True, "signed"),
    ("when.sender_key_changed = true", {"crypto": CryptoFacts(sender_key_changed=True)}, True, "sender key changed"),
    ("when.sender_key_changed = true", {"crypto": PGP}, False, "sender key unchanged"),
    ('when.signature = ["invalid", "revoked_key"]', {"crypto": PGP}, False,
     "signature valid, not invalid, revoked_key"),
    ('when.signature = "valid"', {"crypto": PGP}, True, "signature valid"),
    ("when.has_attachment = true", {"attachments": [PHOTO]}, True, "has attachments"),
    ("when.has_attachment = false", {}, True, "no attachments"),
    ('when.attachment_type = "image/*"', {"attachments": [PHOTO]}, True, "attachment type matches 'image/*'"),
    ('when.attachment_type = "application/pdf"', {"attachments": [PHOTO]}, False,
     "attachment type matches none of 'application/pdf'"),
    ('when.attachment_name = "*.jpg"', {"attachments": [PHOTO]}, True, "attachment name matches '*.jpg'"),
    ('when.size_over = "100 KB"', {"size": 100_001}, True, "size 100001 bytes > 100000"),
    ('when.size_over = "100 KB"', {"size": 100_000}, False, "size 100000 bytes, not over 100000"),
    ('when.size_under = "1 KiB"', {"size": 1023}, True, "size 1023 bytes < 1024"),
    ("when.auto_submitted = true", {"auto_submitted": True}, True, "auto-submitted"),
    ("when.is_list = true", {"is_list": True}, True, "list mail"),
    ("when.is_bounce = true", {}, False, "not a bounce"),
    ("when.from_self = true", {"from_self": True}, True, "from one of our own addresses"),
    ("when.is_noreply = true", {"is_noreply": True}, True, "no-reply sender"),
    ("when.any = [{ is_list = true }, { auto_submitted = true }]", {"auto_submitted": True}, True, "auto-submitted"),
    ("when.any = [{ is_list = true }, { auto_submitted = true }]", {}, False,
     "not list mail; not auto-submitted"),
    ('when.all = [{ is_list = true }, { mailbox = "humanrights" }]', {"is_list": True}, True,
     "list mail; mailbox = humanrights"),
    ('when.not = { mailbox = "emergency" }', {}, True, "mailbox is humanrights, not emergency"),
    ('when.not = { mailbox = "humanrights" }', {}, False, "mailbox = humanrights"),
    ('when.not = { any = [{ is_list = true }, { is_bounce = true }] }', {}, True, "not list mail; not a bounce"),
    ('when.mailbox = "humanrights"\nwhen.is_list = true', {}, False, "not list mail"),
    ("", {}, True, "no conditions (matches every message)"),
]


@pytest.mark.parametrize("when,fact_changes,matches,reason", CONDITIONS,
                         ids=[f"{i:02d}-{row[0][:40]}" for i, row in enumerate(CONDITIONS)])
def test_condition(rules, when, fact_changes, matches, reason):
    ruleset = rules(f'[[rule]]\nname = "r"\n{when}\nthen.tags = ["hit"]\n')
    f = facts(**fact_changes)
    decision, traces = evaluate_verbose(ruleset, f, CONFIG)
    assert (decision.rules[0].rule == "r") is matches
    assert decision == evaluate(ruleset, f, CONFIG)
    assert traces[0].matched is matches
    assert "; ".join(traces[0].reasons) == reason
    if matches:
        assert decision.rules[0] == RuleHit("r", reason)
        assert decision.tags == ["hit"]


def test_why_never_quotes_the_message(rules):
    ruleset = rules("""
[[rule]]
name = "all-of-it"
when.keywords = "arrest_detention"
when.body_regex = 'detained'
when.subject_regex = 'help'
when.sender = "*@example.net"
""")
    f = facts(sender="reza.secret@example.net", subject="Please help Reza", body="Reza Secretname was detained")
    decision = evaluate(ruleset, f, CONFIG)
    why = decision.rules[0].why
    assert why == ("sender matches '*@example.net'; subject matches /help/; body matches /detained/; "
                   "keywords: arrest_detention (en)")
    for word in ("reza", "Reza", "Secretname", "Please"):
        assert word not in why


def test_regexes_only_see_the_start_of_a_long_text(rules):
    ruleset = rules("[[rule]]\nname = \"r\"\nwhen.body_regex = 'needle'\n")
    near = facts(body="x" * (MAX_REGEX_TEXT - 10) + " needle")
    far = facts(body="x" * MAX_REGEX_TEXT + " needle")
    assert evaluate(ruleset, near, CONFIG).rules[0].rule == "r"
    assert evaluate(ruleset, far, CONFIG).rules[0].rule == "humanrights.default"


def test_keywords_see_the_whole_text(rules):
    ruleset = rules('[[rule]]\nname = "r"\nwhen.keywords = "arrest_detention"\n')
    far = facts(body="word " * 20_000 + "he was detained")
    assert evaluate(ruleset, far, CONFIG).rules[0].rule == "r"


def test_verbose_trace_lists_every_rule(rules):
    ruleset = rules("""
[[rule]]
name = "lists"
when.is_list = true
then.urgency = "low"

[[rule]]
name = "arrest"
when.keywords = "arrest_detention"
when.language = ["fa", "ar"]
then.urgency = "high"
continue = true

[[rule]]
name = "persian"
when.language = "fa"

[[rule]]
name = "humanrights-default"
when.mailbox = "humanrights"
""")
    decision, traces = evaluate_verbose(ruleset, facts(body="Nothing happened", language="en"), CONFIG)
    assert [h.rule for h in decision.rules] == ["humanrights-default"]
    assert [(t.rule, t.matched, t.reached, t.reasons) for t in traces] == [
        ("lists", False, True, ["not list mail"]),
        # every failing condition is listed in verbose mode (not only the first)
        ("arrest", False, True, ["language is en, not fa, ar", "no keywords: arrest_detention"]),
        ("persian", False, True, ["language is en, not fa"]),
        ("humanrights-default", True, True, ["mailbox = humanrights"]),
    ]
    assert traces[1].source.endswith("10-test.toml:7")

    decision, traces = evaluate_verbose(ruleset, facts(body="همکارم بازداشت شد", language="fa"), CONFIG)
    assert [h.rule for h in decision.rules] == ["arrest", "persian"]
    assert decision.urgency == "high"
    assert [(t.rule, t.matched, t.reached, t.reasons) for t in traces] == [
        ("lists", False, True, ["not list mail"]),
        ("arrest", True, True, ["language = fa", "keywords: arrest_detention (fa)"]),
        ("persian", True, True, ["language = fa"]),
        ("humanrights-default", False, False, ["not reached: rule persian stopped evaluation"]),
    ]
    assert decision == evaluate(ruleset, facts(body="همکارم بازداشت شد", language="fa"), CONFIG)


def test_verbose_trace_shows_the_implicit_default(rules):
    ruleset = rules('[[rule]]\nname = "tag"\nthen.tags = ["t"]\ncontinue = true\n')
    decision, traces = evaluate_verbose(ruleset, facts(), CONFIG)
    assert [t.rule for t in traces] == ["tag", "humanrights.default"]
    assert traces[-1].matched and traces[-1].source == "config.toml"
    assert decision.rules[-1] == RuleHit("humanrights.default",
                                         "no rule stopped evaluation: mailbox default from config.toml")
