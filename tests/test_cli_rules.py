"""`mailrouter rules check` and `mailrouter rules test`, run as an operator runs them (a subprocess)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mailfactory import REPO

CONFIG = REPO / "config.toml"


def mailrouter(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", *args], capture_output=True, text=True,
                          cwd=str(REPO), timeout=timeout)


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    """A copy of the shipped rules (with lexicons and tests) to break."""
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "rules", folder)
    return folder


def test_shipped_rules_pass_their_own_tests():
    result = mailrouter("rules", "test", "-c", str(CONFIG))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    passed = [line for line in lines if line.startswith("PASS")]
    assert len(passed) >= 15
    assert not [line for line in lines if line.startswith("FAIL")]
    assert f"{len(passed)} passed, 0 failed" in result.stdout
    assert "Traceback" not in result.stderr


def test_rules_check_summarises(tmp_path):
    result = mailrouter("rules", "check", "-c", str(CONFIG))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 17 rules in 5 files")
    assert "test cases" in result.stdout and "lexicons: 6 categories" in result.stdout


FAILING = '''
[[case]]
name = "deliberately-wrong"
mailbox = "humanrights"
subject = "A question"
body = """
Hello, I would like some general advice about keeping my laptop safe while travelling
to a conference next month. Do you have a short guide? Thank you.
"""
[case.expect]
rules = ["doxing", "humanrights-default"]
urgency = "high"
forward = ["humanrights"]
ack = false
tags = ["doxing"]
'''


def test_a_failing_case_prints_a_diff_and_exits_1(rules_copy):
    (rules_copy / "tests" / "99-failing.toml").write_text(FAILING, encoding="utf-8")
    result = mailrouter("rules", "test", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-2000:]
    out = result.stdout
    assert f"FAIL  deliberately-wrong  ({rules_copy}/tests/99-failing.toml:2)" in out
    block = out.split("FAIL  deliberately-wrong")[1].split("\nPASS")[0]
    expected_lines = [
        "rules:    expected [doxing, humanrights-default]",
        "          got      [humanrights-default]",
        "          - missing: doxing",
        "urgency:  expected high",
        "          got      normal",
        "ack:      expected false (no acknowledgement)",
        "          got      default",
        "tags:     expected [doxing]",
        "          got      []",
        "matched:",
        "  humanrights-default: mailbox = humanrights",
        "language: en (confidence",
    ]
    for line in expected_lines:
        assert "      " + line in block, line
    assert "forward:" not in block  # what holds is not reported
    assert "1 failed" in out and "passed" in out
    assert "Traceback" not in result.stderr


def test_an_invalid_rule_file_exits_2_with_file_and_line(rules_copy):
    path = rules_copy / "20-keywords.toml"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index('then.urgency = "high"') + 1
    path.write_text(text.replace('then.urgency = "high"', 'then.urgency = "urgent"', 1), encoding="utf-8")
    result = mailrouter("rules", "test", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert result.returncode == 2
    assert (f"rules error {path}:{line}: rule arrest-detention: then.urgency: unknown urgency 'urgent' "
            "(levels: low, normal, high, critical)") in result.stderr
    assert "Traceback" not in result.stderr
    check = mailrouter("rules", "check", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert check.returncode == 2 and "unknown urgency 'urgent'" in check.stderr


def test_an_invalid_test_file_exits_2_with_file_and_line(rules_copy):
    (rules_copy / "tests" / "99-bad.toml").write_text(
        '[[case]]\nname = "x"\nmailbox = "humanrights"\nbody = "hello"\n'
        '[case.expect]\nrules = ["no-such-rule"]\nurgency = "urgent"\nforwards = ["humanrights"]\n',
        encoding="utf-8")
    result = mailrouter("rules", "test", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert result.returncode == 2
    bad = rules_copy / "tests" / "99-bad.toml"
    assert f"test file error {bad}:8: case x: expect.forwards: unknown key (see rules/README.md)" in result.stderr
    assert "Traceback" not in result.stderr


def test_test_case_problems_are_listed_with_lines(rules_copy):
    (rules_copy / "tests" / "99-bad.toml").write_text(
        '[[case]]\nname = "x"\nmailbox = "humanrights"\nbody = "hello"\n'
        '[case.expect]\nrules = ["no-such-rule"]\nurgency = "urgent"\n\n'
        '[[case]]\nname = "y"\nmailbox = "hr"\nmessage = "missing.eml"\n[case.expect]\nurgency = "low"\n\n'
        '[[case]]\nname = "z"\nmailbox = "emergency"\nbody = "hi"\n',
        encoding="utf-8")
    result = mailrouter("rules", "check", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert result.returncode == 2
    bad = rules_copy / "tests" / "99-bad.toml"
    errors = [line for line in result.stderr.splitlines() if line.startswith("test file error")]
    assert errors == [
        f"test file error {bad}:6: case x: expect.rules: unknown rule 'no-such-rule'",
        f"test file error {bad}:7: case x: expect.urgency: unknown urgency 'urgent' (levels: low, normal, high, "
        "critical)",
        f"test file error {bad}:11: case y: mailbox: unknown mailbox 'hr' (mailboxes: humanrights, emergency)",
        f"test file error {bad}:12: case y: message: cannot read {bad.parent}/missing.eml: No such file or directory",
        f"test file error {bad}:16: case z: expect: required key is missing",
    ]


def test_no_test_cases_is_an_error(rules_copy):
    shutil.rmtree(rules_copy / "tests")
    result = mailrouter("rules", "test", "-c", str(CONFIG), "--rules", str(rules_copy))
    assert result.returncode == 1
    assert "no test cases" in result.stderr


def test_bad_config_exits_2(tmp_path):
    bad = REPO / "tests" / "testdata" / "config" / "conf.bad-unknown-team.toml"
    result = mailrouter("rules", "test", "-c", str(bad))
    assert result.returncode == 2
    assert "unknown team 'on-call'" in result.stderr and "Traceback" not in result.stderr
