"""`mailrouter rules check` and `mailrouter rules test`.

``rules test`` runs the test cases that live beside the rules
(``rules/tests/*.toml``) through the real pipeline (parse, language
detection, facts, rules) without sending or storing anything, and prints a
readable expected-versus-got report for every failure.

Exit codes: 0 all good, 1 a test case failed (or there are none),
2 the config, the rules, the lexicons or the test files could not be loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from .cli_common import ConfigOption
from .config import Config, ConfigError, load_config
from .rule_tests import RuleTestCase, load_cases
from .rules import RuleSet, RulesError, load_policy

rules_app = typer.Typer(no_args_is_help=True, help="Check the routing rules and run their test cases.")

RulesOption = typer.Option(None, "--rules", "-r", help="Rules folder (default: service.rules_dir of the config).")
LexiconsOption = typer.Option(None, "--lexicons", help="Lexicon folder (default: <rules>/lexicons).")


def _echo_err(kind: str, line: str) -> None:
    typer.secho(f"{kind} ", fg="red", bold=True, err=True, nl=False)
    typer.echo(line, err=True)


def _load_all(config_path: Path, rules_dir: Path | None,
              lexicons_dir: Path | None) -> tuple[Config, Path, RuleSet, list[RuleTestCase]]:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        for line in exc.problems:
            _echo_err("config error", line)
        raise typer.Exit(2) from None
    folder = Path(rules_dir) if rules_dir is not None else Path(config.service.rules_dir)
    try:
        ruleset = load_policy(folder, config, lexicons_dir)
    except RulesError as exc:
        for line in exc.problems:
            _echo_err("rules error", line)
        typer.echo(f"{len(exc.problems)} problem(s); nothing was changed", err=True)
        raise typer.Exit(2) from None
    try:
        cases = load_cases(folder, config, ruleset)
    except RulesError as exc:
        for line in exc.problems:
            _echo_err("test file error", line)
        raise typer.Exit(2) from None
    return config, folder, ruleset, cases


@rules_app.command("check")
def rules_check(config_path: Path = ConfigOption, rules_dir: Optional[Path] = RulesOption,
                lexicons_dir: Optional[Path] = LexiconsOption) -> None:
    """Validate the rule files, lexicons and test files (file:line for every problem)."""
    _, folder, ruleset, cases = _load_all(config_path, rules_dir, lexicons_dir)
    lex = ruleset.lexicons
    lexicons = (f"lexicons: {len(lex.categories)} categories in {len(lex.languages)} languages"
                if lex is not None else "no lexicons")
    typer.echo(f"ok: {len(ruleset.rules)} rules in {len(ruleset.files)} files ({folder}), "
               f"{len(cases)} test cases, {lexicons}")


@rules_app.command("test")
def rules_test(config_path: Path = ConfigOption, rules_dir: Optional[Path] = RulesOption,
               lexicons_dir: Optional[Path] = LexiconsOption,
               verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show what passing cases matched.")
               ) -> None:
    """Run the test cases in <rules>/tests/*.toml; exit 1 if any fails."""
    config, folder, ruleset, cases = _load_all(config_path, rules_dir, lexicons_dir)
    if not cases:
        _echo_err("error", f"no test cases in {folder / 'tests'}/*.toml (see rules/README.md, 'Test cases')")
        raise typer.Exit(1)
    from . import log as logmod
    from .analysis import Analyser

    logmod.setup("error")
    analyser = Analyser(config, ruleset=ruleset)
    failed = 0
    exercised: set[str] = set()
    for case in cases:
        try:
            got, details = run_case(analyser, case)
        except Exception as exc:  # noqa: BLE001 - a broken case is a failure, never a traceback
            failed += 1
            typer.secho("FAIL", fg="red", bold=True, nl=False)
            typer.echo(f"  {case.name}  ({case.source})")
            typer.echo(f"      could not analyse the message: {type(exc).__name__}")
            continue
        exercised.update(h for h in got["rules"])
        diffs = compare(case.expect, got)
        if diffs:
            failed += 1
            typer.secho("FAIL", fg="red", bold=True, nl=False)
            typer.echo(f"  {case.name}  ({case.source})")
            for line in diffs:
                typer.echo("      " + line)
            for line in details:
                typer.echo("      " + line)
        else:
            typer.secho("PASS", fg="green", nl=False)
            typer.echo(f"  {case.name}")
            if verbose:
                for line in details:
                    typer.echo("      " + line)
    unexercised = [name for name in ruleset.names() if name not in exercised]
    typer.echo("")
    if unexercised:
        typer.echo(f"note: no test case matches {len(unexercised)} rule(s): {', '.join(unexercised)}")
    passed = len(cases) - failed
    summary = f"{passed} passed, {failed} failed ({len(cases)} cases, {len(ruleset.rules)} rules)"
    if failed:
        typer.secho(summary, fg="red", bold=True)
        raise typer.Exit(1)
    typer.secho(summary, fg="green")


def run_case(analyser: Any, case: RuleTestCase) -> tuple[dict[str, Any], list[str]]:
    """Analyse the case's message; return what the expectations are compared with, and context lines."""
    from .outgoing.acknowledgement import ack_plan

    analysis = analyser.analyse(case.mailbox, case.raw)
    facts, decision = analysis.facts, analysis.decision
    plan = ack_plan(analysis)
    send, reason = plan.send, plan.reason
    got = {
        "rules": [h.rule for h in decision.rules],
        "urgency": decision.urgency,
        "language": decision.language,
        "forward": list(decision.forward_teams),
        "ack": decision.ack_template if send else False,
        "tags": list(decision.tags),
    }
    details = ["matched:"]
    details += [f"  {h.rule}: {h.why}" for h in decision.rules]
    details.append(f"language: {facts.language} (confidence {facts.language_confidence:.2f})")
    if not send:
        details.append(f"no acknowledgement: {reason}")
    return got, details


def _fmt(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if value is False:
        return "false (no acknowledgement)"
    return str(value)


def compare(expect: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Lines describing every expectation that does not hold (empty: the case passes).

    ``rules`` is compared in order; ``forward`` and ``tags`` as sets;
    ``language`` case-insensitively.
    """
    lines: list[str] = []
    for key in ("rules", "urgency", "language", "forward", "ack", "tags"):
        if key not in expect:
            continue
        want, have = expect[key], got[key]
        if key in ("forward", "tags"):
            same = sorted(set(want)) == sorted(set(have))
        elif key == "language":
            same = str(want).lower() == str(have).lower()
        else:
            same = want == have
        if same:
            continue
        label = f"{key}:".ljust(10)
        lines.append(f"{label}expected {_fmt(want)}")
        lines.append(f"{'':10}got      {_fmt(have)}")
        if key in ("rules", "forward", "tags") and isinstance(want, list):
            missing = [v for v in want if v not in have]
            extra = [v for v in have if v not in want]
            if missing:
                lines.append(f"{'':10}- missing: {', '.join(missing)}")
            if extra:
                lines.append(f"{'':10}+ extra:   {', '.join(extra)}")
            if key == "rules" and not missing and not extra:
                lines.append(f"{'':10}  (same rules, different order)")
    return lines
