"""Specification of who gets a case: the first forward and each escalation step. Pure."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from mailfactory import ROTATION, write_config
from mailrouter.outgoing.compose import CaseRef
from mailrouter.config import load_config
from mailrouter.model import Decision
from mailrouter.outgoing.recipients import escalation_plan, initial_targets

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)
CRITICAL = Decision(urgency="critical", language="en", forward_teams=["emergency"])


def config(tmp_path, rotation: bool):
    path = write_config(tmp_path, maildirs={"humanrights": tmp_path / "hr", "emergency": tmp_path / "em"},
                        extra=ROTATION)
    if rotation:
        path.write_text(path.read_text().replace('team = "emergency"', 'team = "emergency"\nrotation = "emergency"'))
    return load_config(path)


def case(cfg) -> CaseRef:
    return CaseRef("01JCASE0000000000000000000", "7F3K", "emergency", cfg.mailboxes["emergency"].address)


def test_with_a_rotation_only_the_person_on_call_gets_the_forward(tmp_path):
    cfg = config(tmp_path, rotation=True)
    addresses, notified, events, alerts = initial_targets(cfg, CRITICAL, case(cfg), NOW)
    assert addresses == ["chen@staff.example.org"] and notified == ["chen"]
    assert events[0].detail["primary"] == "chen" and alerts == []


def test_escalation_goes_to_the_next_layer_then_everyone(tmp_path):
    cfg = config(tmp_path, rotation=True)
    plan = escalation_plan(cfg, CRITICAL, case(cfg), NOW, ["chen"])
    assert [(i, at - NOW, targets) for i, _, at, targets in plan] == [
        (0, timedelta(minutes=5), ["bola@staff.example.org"]),
        (1, timedelta(minutes=15),
         ["chen@staff.example.org", "bola@staff.example.org", "operators@example.org"]),
    ]


def test_without_a_rotation_the_whole_team_gets_it_and_steps_go_to_the_operators(tmp_path):
    cfg = config(tmp_path, rotation=False)
    addresses, notified, _, _ = initial_targets(cfg, CRITICAL, case(cfg), NOW)
    assert addresses == ["bola@staff.example.org", "chen@staff.example.org"]
    assert [targets for *_, targets in escalation_plan(cfg, CRITICAL, case(cfg), NOW, notified)] == [
        ["operators@example.org"], ["operators@example.org"]]


def test_an_urgency_without_a_policy_does_not_escalate(tmp_path):
    cfg = config(tmp_path, rotation=True)
    normal = Decision(urgency="normal", language="en", forward_teams=["emergency"])
    assert escalation_plan(cfg, normal, case(cfg), NOW, ["chen"]) == []
