"""Command line: run, check, demo, status, explain, outbox.

Every failure an operator can cause (bad config, unreachable server) ends
with a one-line explanation and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from . import log as logmod
from .cli_common import ConfigOption, console, err, fail, load_or_exit, store_or_exit
from .config import Config, ConfigError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="mailrouter: intake router for safety inboxes.")
outbox_app = typer.Typer(no_args_is_help=True, help="Inspect and requeue outgoing mail.")
app.add_typer(outbox_app, name="outbox")
from .cli_rules import rules_app  # noqa: E402
app.add_typer(rules_app, name="rules")
from .cli_keys import keys_app  # noqa: E402
app.add_typer(keys_app, name="keys")

_load = load_or_exit
_fail = fail


_store = store_or_exit


def _key_history(config: Config):
    """The service's store, where explain reads the sender key history; None when it does not exist yet."""
    url = config.store.url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        return None
    return store_or_exit(config)


@app.command()
def run(config_path: Path = ConfigOption,
        once: bool = typer.Option(False, "--once", help="Process what is pending, deliver, exit.")) -> None:
    """Run the service (or one pass with --once; exit 1 if anything is left undone)."""
    config = _load(config_path)
    from .service import Service

    try:
        service = Service(config)
    except ConfigError as exc:
        _fail("; ".join(exc.problems), 2)
    if once:
        report = service.run_once()
        for poll in report.polls:
            console.print(f"{poll.mailbox}: {poll.seen} in inbox, {poll.processed} processed, "
                          f"{poll.filed} filed, {poll.duplicates} copies, {len(poll.errors)} errors",
                          highlight=False)
        d = report.delivery
        console.print(f"outbox: {d.sent} sent, {d.retried} deferred, {d.failed} failed; "
                      f"state {report.outbox}", highlight=False)
        raise typer.Exit(0 if report.ok else 1)
    asyncio.run(service.run_forever())


@app.command()
def check(config_path: Path = ConfigOption,
          connect: bool = typer.Option(False, "--connect", help="Also log in to IMAP and SMTP.")) -> None:
    """Validate config, templates (and with --connect, the servers)."""
    config = _load(config_path)
    from .outgoing.render import Templates

    from .outgoing.summary import FORWARD_SAMPLE

    for warning in config.plaintext_logins():
        err.print(f"[yellow]warning[/] {warning}", highlight=False)
    problems = Templates(config.service.templates_dir).validate(list(config.mailboxes), FORWARD_SAMPLE)
    for problem in problems:
        err.print(f"[yellow]template[/] {problem}", highlight=False)
    from .service import build_crypto, key_problems, load_ruleset

    try:
        ruleset = load_ruleset(config)
        if ruleset is not None:
            console.print(f"rules: {len(ruleset.rules)} loaded from {config.service.rules_dir}", highlight=False)
    except ConfigError as exc:
        problems += exc.problems
        for line in exc.problems:
            err.print(f"[red]rules[/] {line}", highlight=False)
    try:
        crypto = build_crypto(config)
    except ConfigError as exc:
        crypto = None
        problems += exc.problems
        for line in exc.problems:
            err.print(f"[red]crypto[/] {line}", highlight=False)
    for severity, line in key_problems(config, crypto):
        err.print(f"[{'red' if severity == 'error' else 'yellow'}]key[/] {line}", highlight=False)
        if severity == "error":
            problems.append(line)
    if connect:
        problems += _check_connections(config)
    if problems:
        raise typer.Exit(1)
    console.print(f"ok: {len(config.mailboxes)} mailboxes, {len(config.staff)} staff, "
                  f"{len(config.teams)} teams", highlight=False)


def _check_connections(config: Config) -> list[str]:
    from .outbox import Deliverer
    from .service import build_sources
    from .sources import SourceError
    from .store import open_store

    problems: list[str] = []
    try:
        sources = build_sources(config)
    except ConfigError as exc:
        return [f"{p}" for p in exc.problems]
    for name, source in sources.items():
        try:
            source.open()
            source.pending()
            console.print(f"imap {name}: ok", highlight=False)
        except SourceError as exc:
            problems.append(f"mailbox {name}: {exc}")
            err.print(f"[red]imap {name}[/]: {exc}", highlight=False)
        finally:
            source.close()
    try:
        store = open_store(config)
        asyncio.run(Deliverer(config, store, config.smtp.resolve_password(), "check").check_connection())
        console.print("smtp: ok")
    except ConfigError as exc:
        problems += exc.problems
    except Exception as exc:  # noqa: BLE001 - report any connection failure plainly
        problems.append(f"smtp {config.smtp.host}:{config.smtp.port}: {logmod.error_kind(exc)}")
        err.print(f"[red]smtp[/]: {logmod.error_kind(exc)}: {str(exc)[:200]}", highlight=False)
    return problems


@app.command()
def demo(config_path: Path = ConfigOption,
         workdir: Optional[Path] = typer.Option(None, help="Where to put maildirs, store and delivered mail.")) -> None:
    """Run the real pipeline on bundled sample mail with a local SMTP server."""
    config = _load(config_path)
    logmod.setup("warning")
    from .demo import run_demo

    result = run_demo(config, workdir)
    table = Table(title="mailrouter demo: cases")
    columns = ("case", "mailbox", "language", "urgency", "acknowledged", "forwarded_to", "tags", "flags")
    for column in columns:
        table.add_column(column.replace("_", " "))
    for row in result.rows:
        style = "bold red" if row["urgency"] == config.urgency.levels[-1] else None
        table.add_row(*(row[c] for c in columns), style=style)
    console.print(table)
    scheduled = result.report.outbox.get("scheduled", 0)
    if scheduled:
        console.print(f"{scheduled} escalation mail(s) wait in the outbox: they go out on schedule unless "
                      "someone claims the case", highlight=False)
    acks = sum(1 for d in result.delivered if d.path.name.endswith("-ack.eml"))
    console.print(f"{len(result.rows)} cases, {len(result.delivered)} mails delivered ({acks} acknowledgements) "
                  f"in {result.seconds:.1f} s", highlight=False)
    console.print(f"delivered mail: {result.workdir / 'delivered'}", highlight=False)
    console.print(f"store:          {result.workdir / 'demo.db'}", highlight=False)
    if not result.report.ok:
        _fail("the demo left work undone: " + json.dumps(result.report.outbox))


@app.command()
def status(config_path: Path = ConfigOption,
           as_json: bool = typer.Option(False, "--json")) -> None:
    """Open cases, outbox and last poll per mailbox (no personal data)."""
    config = _load(config_path)
    store = _store(config)
    from . import clock

    now = clock.now()
    cases = store.open_cases()
    states = store.mailbox_states()
    summary: dict[str, dict[str, int]] = {}
    for c in cases:
        summary.setdefault(c.mailbox, {}).setdefault(c.urgency, 0)
        summary[c.mailbox][c.urgency] += 1
    data = {
        "open_by_mailbox_and_urgency": summary,
        "open_cases": [{"case": c.tag, "mailbox": c.mailbox, "urgency": c.urgency,
                        "age_s": int((now - c.created_at.replace(tzinfo=timezone.utc)).total_seconds())}
                       for c in cases],
        "outbox": store.outbox_counts(),
        "mailboxes": {name: {"last_poll_at": s["last_poll_at"].isoformat() if s["last_poll_at"] else None,
                             "last_error": s["last_error"]} for name, s in states.items()},
    }
    if as_json:
        console.print_json(json.dumps(data))
        return
    for mailbox, levels in summary.items():
        counts = ", ".join(f"{levels[lvl]} {lvl}" for lvl in reversed(config.urgency.levels) if lvl in levels)
        console.print(f"{mailbox}: {counts} open", highlight=False)
    table = Table(title="open cases (unclaimed)")
    for column in ("case", "mailbox", "urgency", "unclaimed for"):
        table.add_column(column)
    for c in data["open_cases"]:
        table.add_row(c["case"], c["mailbox"], c["urgency"], f"{c['age_s'] // 60} min")
    console.print(table)
    console.print(f"outbox: {data['outbox']}", highlight=False)
    for name, s in data["mailboxes"].items():
        console.print(f"{name}: last poll {s['last_poll_at'] or 'never'}"
                      + (f", last error: {s['last_error']}" if s["last_error"] else ""), highlight=False)


@app.command()
def explain(message: Path = typer.Argument(..., exists=True, dir_okay=False, help="An .eml file."),
            mailbox: Optional[str] = typer.Option(None, help="Mailbox it arrived in (default: the first)."),
            config_path: Path = ConfigOption, as_json: bool = typer.Option(False, "--json")) -> None:
    """Show the facts, the decision and the acknowledgement for a message. Sends nothing."""
    config = _load(config_path)
    logmod.setup("warning")
    from .analysis import Analyser
    from .outgoing.acknowledgement import ack_plan
    from .outgoing.render import TemplateProblem, Templates

    mailbox = mailbox or next(iter(config.mailboxes))
    if mailbox not in config.mailboxes:
        _fail(f"unknown mailbox {mailbox!r} (configured: {', '.join(config.mailboxes)})")
    from .routing import evaluate_verbose
    from .service import build_crypto, load_ruleset

    try:
        ruleset = load_ruleset(config)
        crypto = build_crypto(config)
    except ConfigError as exc:
        for line in exc.problems:
            err.print(f"[bold red]error[/] {line}", highlight=False)
        raise typer.Exit(2) from None
    analyser = Analyser(config, ruleset=ruleset, crypto=crypto, key_history=_key_history(config))
    analysis = analyser.analyse(mailbox, message.read_bytes())
    facts, decision = analysis.facts, analysis.decision
    traces = evaluate_verbose(ruleset, facts, config)[1] if ruleset is not None else []
    plan = ack_plan(analysis)  # the rate limit is not applied: what would be sent to a new sender
    send_ack, reason = plan.send, plan.reason
    templates = Templates(config.service.templates_dir)
    ack = None
    if send_ack:
        template_set = mailbox if decision.ack_template in (None, "default") else decision.ack_template
        context = {"case_tag": "XXXX", "mailbox_address": config.mailboxes[mailbox].address,
                   "language": decision.language, "mailbox": mailbox, "urgency": decision.urgency}
        problem = None
        try:
            rendered = templates.render_ack(template_set, decision.language, context)
        except TemplateProblem as exc:  # as in production: the built-in text, and the operators are told
            problem = str(exc)
            rendered = templates.render_builtin_ack(context)
            err.print(f"[yellow]template[/] {problem} (the built-in text would be sent)", highlight=False)
        ack = {"template": rendered.template, "subject": rendered.subject, "body": rendered.body}
        if problem:
            ack["template_problem"] = problem
    data = {
        "schema": 1,  # bumped on any incompatible change of this output (README: "explain --json")
        "mailbox": mailbox,
        "facts": {
            "sender": facts.sender, "subject": facts.subject, "language": facts.language,
            "language_confidence": round(facts.language_confidence, 3), "size": facts.size,
            "auto_submitted": facts.auto_submitted, "list": facts.is_list, "bounce": facts.is_bounce,
            "noreply": facts.is_noreply, "from_self": facts.from_self, "ack_blockers": facts.ack_blockers,
            "encrypted": facts.crypto.encrypted, "decrypted": facts.crypto.decrypted,
            "crypto_error": facts.crypto.error, "signature": facts.crypto.signature.status,
            "signer_fingerprint": facts.crypto.signature.fingerprint,
            "sender_key": facts.crypto.sender_key_fingerprint, "sender_key_changed": facts.crypto.sender_key_changed,
            "sender_key_note": facts.crypto.sender_key_note,
            "attachments": [{"filename": a.filename, "content_type": a.content_type, "size": a.size}
                            for a in facts.attachments],
            "defects": facts.defects,
        },
        "rules": [{"rule": t.rule, "matched": t.matched, "reached": t.reached, "reasons": t.reasons,
                   "source": t.source} for t in traces],
        "decision": {"urgency": decision.urgency, "language": decision.language, "tags": decision.tags,
                     "forward_teams": decision.forward_teams, "ack_template": decision.ack_template,
                     "rules": [{"rule": h.rule, "why": h.why} for h in decision.rules]},
        "acknowledgement": ack if ack else {"sent": False, "reason": reason},
    }
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_explain(data)


def _print_explain(data: dict) -> None:
    """The human-readable form of ``explain`` (the JSON form is the stable one)."""
    f, d = data["facts"], data["decision"]
    console.rule(f"explain ({data['mailbox']})")
    for key in ("sender", "subject", "language", "language_confidence", "size", "encrypted", "decrypted",
                "crypto_error", "signature", "signer_fingerprint", "sender_key", "sender_key_changed",
                "sender_key_note", "auto_submitted", "list", "bounce", "noreply",
                "from_self"):
        if f[key] not in (None, False, ""):
            console.print(f"  {key:<20} {f[key]}", highlight=False, markup=False)
    for label, items in (("ack blockers", f["ack_blockers"]), ("defects", f["defects"]),
                         ("attachments", [f"{a['filename'] or '-'} ({a['content_type']}, {a['size']} B)"
                                          for a in f["attachments"]])):
        if items:
            console.print(f"  {label:<20} {'; '.join(items)}", highlight=False, markup=False)
    console.rule("rules")
    for trace in data["rules"]:
        mark = ("[green]match      [/]" if trace["matched"] else
                "[dim]no         [/]" if trace["reached"] else "[dim]not reached[/]")
        console.print(f"  {mark} {trace['rule']}: {'; '.join(trace['reasons'])}", highlight=False)
    console.rule("decision")
    console.print(f"  urgency {d['urgency']}, language {d['language']}, tags {', '.join(d['tags']) or '-'}, "
                  f"forward to {', '.join(d['forward_teams'])}", highlight=False, markup=False)
    ack = data["acknowledgement"]
    console.rule("acknowledgement")
    if ack.get("sent") is False:
        console.print(f"  none: {ack['reason']}", highlight=False, markup=False)
    else:
        console.print(f"  template {ack['template']}\n  Subject: {ack['subject']}\n", highlight=False, markup=False)
        console.print(ack["body"], highlight=False, markup=False)


@app.command("case")
def case_command(case: str = typer.Argument(..., help="Case tag (e.g. 7F3K) or id."),
                 config_path: Path = ConfigOption, as_json: bool = typer.Option(False, "--json")) -> None:
    """A case's audit trail: every stage, rule, claim and delivery (no message content)."""
    config = _load(config_path)
    store = _store(config)
    row = store.find_case(case)
    if row is None:
        _fail(f"no case {case!r}")
    data = {
        "case": row.tag, "id": row.id, "mailbox": row.mailbox, "urgency": row.urgency, "language": row.language,
        "tags": row.tags, "flags": row.flags, "encrypted": row.encrypted, "status": row.status,
        "claimed_by": row.claimed_by, "created_at": row.created_at.isoformat(),
        "trail": [{"at": e["at"].isoformat(), "stage": e["stage"], "event": e["event"], "detail": e["detail"]}
                  for e in store.audit_trail(row.id)],
        # a sent acknowledgement's recipient (the sender) is erased; it always had exactly one
        "mail": [{"kind": m.kind, "state": m.state,
                  "recipients": len(m.recipients) or (1 if m.kind == "ack" and m.state == "sent" else 0),
                  "attempts": m.attempts,
                  "due": m.next_attempt_at.isoformat() if m.state == "pending" else None,
                  "last_error": m.last_error} for m in store.outbox_rows(row.id)],
    }
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    console.print(f"case {row.tag} ({row.mailbox}, {row.urgency}, {row.language}) {row.status}"
                  + (f" by {row.claimed_by}" if row.claimed_by else ""), highlight=False)
    for event in data["trail"]:
        detail = json.dumps(event["detail"], ensure_ascii=False) if event["detail"] else ""
        console.print(f"  {event['at'][:19]}  {event['stage']:<9} {event['event']}  {detail}",
                      highlight=False, markup=False)
    for mail in data["mail"]:
        console.print(f"  mail: {mail['kind']:<11} {mail['state']:<9} to {mail['recipients']} recipient(s)"
                      + (f", due {mail['due'][:19]}" if mail["due"] else "")
                      + (f", last error {mail['last_error']}" if mail["last_error"] else ""),
                      highlight=False, markup=False)


@app.command()
def ack(case: str = typer.Argument(..., help="Case tag (e.g. 7F3K) or id."),
        by: str = typer.Option(..., "--by", help="Staff id of the person taking the case."),
        config_path: Path = ConfigOption) -> None:
    """Claim a case: stops its escalation. Recorded in the case's audit trail."""
    config = _load(config_path)
    if by not in config.staff:
        _fail(f"unknown staff id {by!r} (configured: {', '.join(config.staff)})")
    store = _store(config)
    row = store.find_case(case)
    if row is None:
        _fail(f"no case {case!r}")
    if store.claim_case(row.id, by, "command line"):
        console.print(f"case {row.tag} claimed by {by}; pending escalations cancelled", highlight=False)
    else:
        console.print(f"case {row.tag} was already claimed by {row.claimed_by}", highlight=False)


@app.command()
def oncall(config_path: Path = ConfigOption,
           at: Optional[str] = typer.Option(None, "--at", help="A time: 2026-12-24T10:00+01:00, or local in --tz."),
           tz: Optional[str] = typer.Option(None, "--tz", help="Zone for --at without an offset "
                                                               "(default: each rotation's own zone).")) -> None:
    """Who is on call for each mailbox and urgency, now or at --at, and the next handoffs."""
    config = _load(config_path)
    from . import clock
    from .oncall import local_time, next_handoffs, on_call, parse_at, targets_for_step

    def moment(zone: str) -> datetime:
        try:
            return parse_at(at, tz or zone) if at else clock.now()
        except ValueError as exc:
            _fail(str(exc))

    when = moment("UTC")
    if at and not tz:
        console.print(f"on call at {at}, in each rotation's own zone", highlight=False)
    else:
        console.print(f"on call at {when:%Y-%m-%d %H:%M} UTC", highlight=False)
    name = lambda t: t if "@" in t else f"{t} ({config.staff[t].name})"  # noqa: E731
    for mailbox, box in config.mailboxes.items():
        if not box.rotation:
            members = ", ".join(name(m) for m in config.teams[box.team].members)
            console.print(f"\n[bold]{mailbox}[/]: no rotation; every member of team {box.team}: {members}")
            continue
        rotation = config.rotations[box.rotation]
        when = moment(rotation.timezone)
        result = on_call(rotation, when)
        table = Table(title=f"{mailbox} (rotation {box.rotation}, {when.astimezone(rotation.zone):%Y-%m-%d %H:%M %Z})")
        for column in ("layer", "on call", "local time", "why"):
            table.add_column(column)
        for layer in result.layers:
            local = (f"{local_time(config.staff[layer.member].timezone, when):%a %H:%M %Z}"
                     if layer.member else "")
            table.add_row(layer.name, name(layer.member) if layer.member else "-", local,
                          layer.reason + (f" ({layer.note})" if layer.note else ""),
                          style="bold red" if layer.member is None and layer.name in result.unstaffed else None)
        console.print(table)
        for level in reversed(config.urgency.levels):
            first = targets_for_step(rotation, None, when, operators=config.service.operators)
            line = f"  {level}: {', '.join(name(t) for t in first)}"
            policy = config.escalation.get(level)
            notified = [t for t in first if "@" not in t]
            for step in (policy.steps if policy else []):
                targets = targets_for_step(rotation, step, when + step.after, operators=config.service.operators,
                                           notified=notified)
                notified += [t for t in targets if "@" not in t and t not in notified]
                line += f"; +{step.after_minutes} min: {', '.join(name(t) for t in targets)}"
            console.print(line, highlight=False)
        for handoff in next_handoffs(rotation, when, 3):
            console.print(f"  next: {handoff.at:%Y-%m-%d %H:%M} UTC {handoff.layer}: "
                          f"{handoff.from_member or '-'} -> {handoff.to_member or '-'}", highlight=False)


@outbox_app.command("list")
def outbox_list(config_path: Path = ConfigOption) -> None:
    """Outgoing mail that is not sent yet (ids, kinds, attempts, last error)."""
    config = _load(config_path)
    store = _store(config)
    table = Table(title="outbox (not sent)")
    for column in ("id", "case", "kind", "state", "attempts", "last error"):
        table.add_column(column)
    for row in store.outbox_rows():
        if row.state != "sent":
            table.add_row(str(row.id), store.case_tag(row.case_id) or "-" if row.case_id else "-", row.kind,
                          row.state, str(row.attempts), row.last_error or "")
    console.print(table)


@outbox_app.command("retry")
def outbox_retry(config_path: Path = ConfigOption) -> None:
    """Queue permanently failed mail again (after fixing the cause)."""
    config = _load(config_path)
    count = _store(config).requeue_failed()
    console.print(f"{count} mail(s) queued again")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
