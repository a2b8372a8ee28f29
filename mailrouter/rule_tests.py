"""Rule test cases (``rules/tests/*.toml``), run by ``mailrouter rules test``.

A case is a message (an ``.eml`` file or inline headers and body) and what
the rules must decide for it. Loading is all-or-nothing like the rules: every
problem of every file, then :class:`~mailrouter.rules.RulesError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StrictBool, StrictStr, ValidationError, field_validator

from .config import Config
from .operator_files import Problems, key_text, try_read_toml, user_loc
from .routing import RuleSet
from .rules import HEADER_NAME_RE, RulesError, StrList, ack_value, listify, pydantic_message
from .strict import Strict


class Expect(Strict):
    rules: Annotated[list[StrictStr], BeforeValidator(listify)] | None = None
    urgency: StrictStr | None = None
    language: StrictStr | None = None
    forward: StrList | None = None
    ack: Annotated[StrictStr | StrictBool | None, BeforeValidator(ack_value)] = None
    tags: Annotated[list[StrictStr], BeforeValidator(listify)] | None = None


class CaseModel(Strict):
    name: StrictStr
    description: StrictStr = ""
    mailbox: StrictStr
    message: StrictStr | None = None
    from_: StrictStr | None = Field(None, alias="from")
    to: StrictStr | None = None
    subject: StrictStr | None = None
    body: StrictStr | None = None
    headers: dict[str, StrictStr] | None = None
    expect: Expect

    @field_validator("headers")
    @classmethod
    def _header_names(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        for name, text in (value or {}).items():
            if not HEADER_NAME_RE.match(name):
                raise ValueError(f"invalid header name {name!r}")
            if "\r" in text or "\n" in text:
                raise ValueError(f"header {name}: value must be one line")
        return value


@dataclass(frozen=True)
class RuleTestCase:
    name: str
    source: str  # "file:line"
    mailbox: str
    raw: bytes
    expect: dict[str, Any]  # only the keys the case sets: rules, urgency, language, forward, ack, tags


def case_files(rules_dir: Path) -> list[Path]:
    folder = Path(rules_dir) / "tests"
    return sorted((p for p in folder.glob("*.toml") if not p.name.startswith(".")), key=lambda p: p.name)


def build_message(config: Config, name: str, mailbox: str, *, sender: str | None, to: str | None,
                  subject: str | None, body: str | None, headers: dict[str, str] | None) -> bytes:
    """An inline test case as the plain UTF-8 mail an ordinary client would send."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender or "volunteer@example.net"
    msg["To"] = to or config.mailboxes[mailbox].address
    msg["Subject"] = subject or ""
    msg["Date"] = "Tue, 24 Nov 2026 21:14:05 +0000"
    msg["Message-ID"] = f"<rules-test.{re.sub(r'[^A-Za-z0-9._-]', '-', name)}@example.net>"
    msg["MIME-Version"] = "1.0"
    for hname, value in (headers or {}).items():
        if hname in msg:
            msg.replace_header(hname, value)
        else:
            msg[hname] = value
    msg.set_content(body or "", charset="utf-8", cte="8bit" if body and not body.isascii() else "7bit")
    return msg.as_bytes()


def load_cases(rules_dir: Path, config: Config, ruleset: RuleSet) -> list[RuleTestCase]:
    """Every ``[[case]]`` of ``rules_dir/tests/*.toml``, validated. Raises RulesError."""
    problems = Problems()
    cases: list[RuleTestCase] = []
    seen: dict[str, str] = {}
    known_rules = set(ruleset.names()) | {f"{box}.default" for box in config.mailboxes}
    for index, path in enumerate(case_files(rules_dir)):
        data, lines = try_read_toml(path, index, problems)
        if data is None or lines is None:
            continue
        for key in data:
            if key != "case":
                problems.add(index, path, lines.find((key,)),
                             f"{key}: unknown key (a test file holds [[case]] tables; see rules/README.md)")
        tables = data.get("case", [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            problems.add(index, path, lines.find(("case",)), "case: write test cases as [[case]] tables")
            continue
        for i, table in enumerate(tables):
            case_line = lines.find(("case", i)) or 0
            label = table.get("name") if isinstance(table.get("name"), str) and table.get("name") else f"#{i + 1}"

            def add(loc: tuple, message: str) -> None:
                problems.add(index, path, lines.find(("case", i) + tuple(loc)) or case_line,
                             f"case {label}: " + (f"{key_text(loc)}: " if loc else "") + message)

            try:
                model = CaseModel.model_validate(table)
            except ValidationError as exc:
                for err in exc.errors():
                    add(user_loc(table, tuple(err["loc"])), pydantic_message(err))
                continue
            before = len(problems)
            if model.name in seen:
                add(("name",), f"duplicate case name (first defined at {seen[model.name]})")
            seen.setdefault(model.name, f"{path}:{case_line}")
            if model.mailbox not in config.mailboxes:
                add(("mailbox",), f"unknown mailbox {model.mailbox!r} (mailboxes: {', '.join(config.mailboxes)})")
            inline = [k for k in ("from_", "to", "subject", "body", "headers") if getattr(model, k) is not None]
            raw = b""
            if model.message is not None:
                if inline:
                    add((), "give either message = \"file.eml\" or inline from/to/subject/body/headers, not both")
                else:
                    msg_path = path.parent / model.message
                    try:
                        raw = msg_path.read_bytes()
                    except OSError as exc:
                        add(("message",), f"cannot read {msg_path}: {exc.strerror}")
            elif "body" not in inline and "subject" not in inline:
                add((), "a case needs message = \"file.eml\", or an inline subject and/or body")
            expect = {k: v for k, v in model.expect.model_dump().items() if v is not None}
            if not expect:
                add(("expect",), "nothing expected: set at least one of rules, urgency, language, forward, ack, tags")
            for rule in expect.get("rules", []):
                if rule not in known_rules:
                    add(("expect", "rules"), f"unknown rule {rule!r}")
            levels = config.urgency.levels
            if "urgency" in expect and expect["urgency"] not in levels:
                add(("expect", "urgency"), f"unknown urgency {expect['urgency']!r} (levels: {', '.join(levels)})")
            for team in expect.get("forward", []):
                if team not in config.teams:
                    add(("expect", "forward"), f"unknown team {team!r} (teams: {', '.join(config.teams)})")
            if len(problems) > before:
                continue
            if model.message is None:
                raw = build_message(config, model.name, model.mailbox, sender=model.from_, to=model.to,
                                    subject=model.subject, body=model.body, headers=model.headers)
            cases.append(RuleTestCase(model.name, f"{path}:{case_line}", model.mailbox, raw, expect))
    problems.raise_if_any(RulesError)
    return cases
