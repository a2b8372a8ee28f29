"""Who gets a case: the person on call now, and who it escalates to. Pure.

A team that a mailbox routes through a rotation is replaced by that rotation
(the person on call); other teams get all their members. Times are passed in,
never read from a clock, so every answer can be tested for any instant.
"""

from __future__ import annotations

from datetime import datetime

from .compose import CaseRef, compose_alert
from ..config import Config
from ..model import AuditEvent, Decision, Outgoing
from ..oncall import EscalationStep, on_call, targets_for_step


def rotations_by_team(config: Config, mailbox: str) -> dict[str, str]:
    """team -> rotation name; the case's own mailbox wins when two mailboxes share a team."""
    rotations = {b.team: b.rotation for b in config.mailboxes.values() if b.rotation}
    box = config.mailboxes[mailbox]
    if box.rotation:
        rotations[box.team] = box.rotation
    return rotations


def addresses(config: Config, targets: list[str]) -> list[str]:
    """Staff ids and operator addresses -> addresses, in order, without repeats."""
    out: list[str] = []
    for target in targets:
        address = target if "@" in target else config.staff[target].address
        if address not in out:
            out.append(address)
    return out

def initial_targets(config: Config, decision: Decision, case: CaseRef,
                    now: datetime) -> tuple[list[str], list[str], list[AuditEvent], list[Outgoing]]:
    """(addresses, staff ids notified, audit events, operator alerts) for the first forward.

    A team that a mailbox routes through a rotation is replaced by that
    rotation: the person on call now. Other teams get all their members.
    """
    box = config.mailboxes[case.mailbox]
    rotations = rotations_by_team(config, case.mailbox)
    targets: list[str] = []
    events: list[AuditEvent] = []
    alerts: list[Outgoing] = []
    for team in decision.forward_teams or [box.team]:
        if team in rotations:
            rotation_name = rotations[team]
            rotation = config.rotations[rotation_name]
            result = on_call(rotation, now)
            targets += targets_for_step(rotation, None, now, operators=config.service.operators)
            events.append(AuditEvent("oncall", "on call now", {
                "rotation": rotation_name, "primary": result.primary, "layer": result.primary_layer,
                "fell_through": list(result.fell_through)}))
            if result.needs_alert:
                hour = now.strftime("%Y-%m-%dT%H")
                alerts.append(compose_alert(
                    f"oncall:{rotation_name}:{hour}:{','.join(result.fell_through)}",
                    f"rotation {rotation_name}: layer(s) without anyone on call",
                    f"Rotation {rotation_name} has nobody on call in layer(s) {', '.join(result.fell_through)} "
                    f"at {now:%Y-%m-%d %H:%M} UTC; case {case.tag} went to "
                    f"{result.primary or 'the operators'}.\nFix the rotation in config.toml "
                    "(members, start, overrides).\n",
                    config.service.operators, config.service.alert_from, config.service.domain))
        else:
            targets += config.teams[team].members
    notified = [t for t in targets if "@" not in t]
    return addresses(config, targets) or list(config.service.operators), notified, events, alerts

def escalation_plan(config: Config, decision: Decision, case: CaseRef, now: datetime,
                    notified: list[str]) -> list[tuple[int, EscalationStep, datetime, list[str]]]:
    """[(step index, step, when, addresses)] for the case's urgency; empty when none applies.

    Escalation mails are composed now and wait in the outbox until due, so
    they survive restarts; a claim cancels those not yet sent.
    """
    policy = config.escalation.get(decision.urgency)
    if policy is None:
        return []
    box = config.mailboxes[case.mailbox]
    rotations = rotations_by_team(config, case.mailbox)
    names = [rotations[t] for t in (decision.forward_teams or [box.team]) if t in rotations]
    rotation = config.rotations[names[0]] if names else None
    plan = []
    already = list(notified)
    for i, step in enumerate(policy.steps):
        at = now + step.after
        if rotation is not None:
            targets = targets_for_step(rotation, step, at, operators=config.service.operators,
                                       notified=already)
        elif step.notify == "operators":
            targets = list(config.service.operators)
        else:  # a team without rotation got everyone at once: escalate to the operators
            targets = list(config.service.operators)
        already += [t for t in targets if "@" not in t and t not in already]
        plan.append((i, step, at, addresses(config, targets)))
    return plan
