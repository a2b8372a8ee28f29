"""Rule loading: one folder per case in testdata/rules, each bad one with the exact errors it must produce.

House style as tests/test_config.py: the ``# expect: <error>`` lines of a case's
files (in file order) are exactly the problems RulesError must list, with the
case folder removed from the paths.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mailfactory import REPO
from mailrouter.config import load_config
from mailrouter.lexicon import load_lexicons
from mailrouter.regex_safety import compile_regex, regex_risk
from mailrouter.routing import Rule, RuleSet
from mailrouter.rule_tests import load_cases
from mailrouter.rules import RulesError, load_policy, load_rules, source_digest

DATA = Path(__file__).parent / "testdata" / "rules"
BAD = sorted(p for p in DATA.iterdir() if p.is_dir() and p.name.startswith("bad-"))
GOOD = sorted(p for p in DATA.iterdir() if p.is_dir() and p.name.startswith("good-"))


@pytest.fixture(scope="module")
def config():
    return load_config(DATA / "config.toml")


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(REPO / "rules" / "lexicons")


def expected_errors(folder: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        out += [line[len("# expect: "):] for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("# expect: ")]
    return out


def test_every_bad_case_says_what_it_expects():
    assert len(BAD) >= 25
    for folder in BAD:
        assert expected_errors(folder), f"{folder.name} has no '# expect:' line"


@pytest.mark.parametrize("folder", BAD, ids=lambda p: p.name)
def test_bad_rules_are_refused_with_file_line_and_every_problem(folder, config, lexicons):
    with pytest.raises(RulesError) as info:
        load_rules(folder, config, lexicons)
    got = [p.replace(str(folder) + "/", "") for p in info.value.problems]
    assert got == expected_errors(folder)


@pytest.mark.parametrize("folder", GOOD, ids=lambda p: p.name)
def test_good_rules_load(folder, config, lexicons):
    ruleset = load_rules(folder, config, lexicons)
    assert ruleset.rules and all(isinstance(r, Rule) for r in ruleset.rules)
    assert ruleset.lexicons is lexicons
    assert ruleset.files == tuple(str(p) for p in sorted(folder.glob("*.toml")))


def test_good_every_condition_compiles_every_condition(config, lexicons):
    ruleset = load_rules(DATA / "good-every-condition", config, lexicons)
    everything, table_style = ruleset.rules
    assert everything.urgency == "high" and everything.continue_
    assert everything.forward == ("legal", "humanrights") and everything.ack == "emergency"
    kinds = {type(c).__name__ for c in everything.when.children}
    assert kinds >= {"MailboxIs", "Glob", "Regex", "Keywords", "LanguageIs", "Flag", "SignatureIs", "SizeOver",
                     "SizeUnder", "AnyOf", "All", "Not"}
    # conditions are tested cheapest first: flags before regexes before keywords
    costs = [c.cost for c in everything.when.children]
    assert costs == sorted(costs)
    size_over = next(c for c in everything.when.children if type(c).__name__ == "SizeOver")
    assert size_over.limit == 10_000
    assert table_style.ack is False and table_style.urgency == "low" and not table_style.continue_
    assert table_style.source.endswith("10-rules.toml:37")


def test_shipped_rules_load_with_the_example_config():
    config = load_config(REPO / "config.toml")
    ruleset = load_policy(REPO / "rules", config)
    names = ruleset.names()
    assert names[-2:] == ["emergency-default", "humanrights-default"]
    assert {"threat-to-life", "arrest-detention", "doxing", "self-harm", "account-compromise", "harassment",
            "bounce", "auto-reply", "list-mail"} <= set(names)
    assert [Path(f).name for f in ruleset.files] == sorted(Path(f).name for f in ruleset.files)
    cases = load_cases(REPO / "rules", config, ruleset)
    assert len(cases) >= 15
    assert len({c.name for c in cases}) == len(cases)


def test_missing_folder_is_an_error(config, lexicons, tmp_path):
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "nope", config, lexicons)
    assert info.value.problems == [f"{tmp_path / 'nope'}: rules folder not found"]


def test_empty_folder_gives_an_empty_ruleset(config, lexicons, tmp_path):
    ruleset = load_rules(tmp_path, config, lexicons)
    assert ruleset == RuleSet(rules=(), lexicons=lexicons, files=(), digest=ruleset.digest)


def test_keywords_without_lexicons_are_refused(config, tmp_path):
    (tmp_path / "10.toml").write_text('[[rule]]\nname = "t"\nwhen.keywords = "doxing"\n')
    with pytest.raises(RulesError) as info:
        load_policy(tmp_path, config)  # tmp_path/lexicons does not exist
    assert info.value.problems == [
        f"{tmp_path}/10.toml:3: rule t: when.keywords: no keyword lexicons are loaded (expected in rules/lexicons/)"]


def test_a_broken_lexicon_is_reported_as_a_rules_problem(config, tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "en.toml").write_text('language = "en"\nname = "English"\n[doxing]\nterms = [1]\n')
    with pytest.raises(RulesError) as info:
        load_policy(tmp_path, config)
    assert info.value.problems and all("en.toml" in p for p in info.value.problems)


def test_explicit_lexicon_folder_must_exist(config, tmp_path):
    with pytest.raises(RulesError, match="lexicon folder not found"):
        load_policy(tmp_path, config, tmp_path / "missing")


def test_editor_backups_and_subfolders_are_not_rule_files(config, lexicons, tmp_path):
    (tmp_path / ".#10-rules.toml").write_text("not toml [")
    (tmp_path / "README.md").write_text("# notes")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "cases.toml").write_text("[[case]]\n")
    (tmp_path / "10-rules.toml").write_text('[[rule]]\nname = "a"\nwhen.is_list = true\n')
    assert load_rules(tmp_path, config, lexicons).names() == ["a"]


def test_source_digest_changes_with_rules_and_lexicons(tmp_path):
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    first = source_digest(tmp_path / "rules")
    assert source_digest(tmp_path / "rules") == first
    (tmp_path / "rules" / "tests" / "extra.toml").write_text("# test files do not change the rules\n")
    assert source_digest(tmp_path / "rules") == first
    path = tmp_path / "rules" / "20-keywords.toml"
    path.write_text(path.read_text() + "\n# edited\n")
    second = source_digest(tmp_path / "rules")
    assert second != first
    lex = tmp_path / "rules" / "lexicons" / "en.toml"
    lex.write_text(lex.read_text() + "\n# edited\n")
    assert source_digest(tmp_path / "rules") not in (first, second)


def test_reload_is_all_or_nothing(tmp_path):
    """The loader returns a complete RuleSet or raises: the caller keeps the old one on error."""
    config = load_config(REPO / "config.toml")
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    old = load_policy(tmp_path / "rules", config)
    (tmp_path / "rules" / "50-new.toml").write_text(
        '[[rule]]\nname = "new"\nwhen.mailbox = "humanrights"\nthen.urgency = "urgent"\n')
    with pytest.raises(RulesError) as info:
        load_policy(tmp_path / "rules", config)
    assert info.value.problems == [
        f"{tmp_path}/rules/50-new.toml:4: rule new: then.urgency: unknown urgency 'urgent' "
        "(levels: low, normal, high, critical)"]
    assert old.names()[-1] == "humanrights-default"
    assert "new" not in old.names()


@pytest.mark.parametrize("pattern", [
    r"^\[SPAM\]", r"urgent|dringend|срочно", r"\d+\.\d+", r"(?:foo|bar)+", r"[^@]+@example\.org", r"a.*c",
    r"(?:ab?)+", r"^(\d{3})+$", r"(?>a+)+", r"a++b", r"\bdetained\b", r"(\w|\d)+",
])
def test_safe_regexes_are_accepted(pattern):
    compiled, problem = compile_regex(pattern)
    assert problem is None and compiled is not None


@pytest.mark.parametrize("pattern,kind", [
    (r"(a+)+$", "exponential"), (r"(\w+\s?)*x", "exponential"), (r"(a|ab)*c", "exponential"),
    (r"(?:x+x+)+y", "exponential"), (r"(a*)*", "exponential"), (r"(?:\s*\w+)+x", "exponential"),
    (r"a.*b.*c", "cubic"), (r"\w+\s+\w+x", "cubic"), (r"a[^z]*b[^z]*c", "cubic"), (r".*urgent.*", "cubic"),
])
def test_dangerous_regexes_are_refused(pattern, kind):
    assert kind in (regex_risk(pattern) or "")
