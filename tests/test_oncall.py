"""On-call rotations and escalation (mailrouter.oncall): pure functions, table-driven.

Times in the tables are UTC ("...Z"); the comment beside each gives the local
wall-clock time in the rotation's zone. 2026 DST changes: EU 29 March (01:00Z,
02:00 CET -> 03:00 CEST) and 25 October (01:00Z, 03:00 CEST -> 02:00 CET);
US 8 March (07:00Z, 02:00 EST -> 03:00 EDT) and 1 November (06:00Z, 02:00 EDT
-> 01:00 EST).
"""

from __future__ import annotations

import copy
import re
import tomllib
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mailrouter import oncall
from mailrouter.oncall import (
    EscalationPolicy,
    EscalationStep,
    Handoff,
    Rotation,
    due_steps,
    local_time,
    next_escalation_at,
    next_handoffs,
    on_call,
    parse_at,
    parse_duration,
    resolve_local,
    targets_for_step,
    validate_oncall,
)

UTC = timezone.utc
BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"
LEVELS = ["low", "normal", "high", "critical"]
STAFF = {"alice", "bola", "chen", "a", "b", "c", "d", "e", "day", "night"}


def z(text: str) -> datetime:
    """'2026-03-02T08:00' -> aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def layer(name="primary", members=("a", "b", "c"), start="2026-03-02T09:00", every="1d", restrict=None) -> dict:
    data = {"name": name, "members": list(members), "start": start, "handoff_every": every}
    if restrict is not None:
        data["restrict"] = restrict
    return data


def rotation(*layers: dict, tz: str = BERLIN, overrides: tuple[dict, ...] = ()) -> Rotation:
    return Rotation.model_validate({"timezone": tz, "layers": list(layers) or [layer()], "overrides": list(overrides)})


# ---------------------------------------------------------------------------
# Who is on call: (rotation, at, expected member of the first layer, expected reason)

DAILY = rotation(layer(members=["a", "b", "c"], start="2026-03-02T09:00", every="1d"))  # Monday, CET
WEEKLY = rotation(layer(members=["bola", "chen", "alice"], start="2026-11-02T09:00", every="7d"))
AT_23 = rotation(layer(members=["a", "b"], start="2026-03-02T23:00", every="1d"))
NIGHT_DAY = rotation(layer(members=["night", "day"], start="2026-03-02T21:00", every="12h"))
# DST, Europe/Berlin
BER_SPRING_0900 = rotation(layer(members=["a", "b"], start="2026-03-28T09:00", every="1d"))
BER_SPRING_0230 = rotation(layer(members=["a", "b"], start="2026-03-28T02:30", every="1d"))
BER_SPRING_HOURLY = rotation(layer(members=["a", "b", "c", "d"], start="2026-03-29T00:00", every="1h"))
BER_SPRING_WEEKLY = rotation(layer(members=["a", "b"], start="2026-03-23T09:00", every="7d"))
BER_FALL_0230 = rotation(layer(members=["a", "b"], start="2026-10-24T02:30", every="1d"))
BER_FALL_12H = rotation(layer(members=["day", "night"], start="2026-10-24T09:00", every="12h"))
# DST, America/New_York
NY_SPRING_0230 = rotation(layer(members=["a", "b"], start="2026-03-07T02:30", every="1d"), tz=NEW_YORK)
NY_SPRING_0900 = rotation(layer(members=["a", "b"], start="2026-03-07T09:00", every="1d"), tz=NEW_YORK)
NY_FALL_0130 = rotation(layer(members=["a", "b"], start="2026-10-31T01:30", every="1d"), tz=NEW_YORK)
NY_FALL_0900 = rotation(layer(members=["a", "b"], start="2026-10-31T09:00", every="1d"), tz=NEW_YORK)

ON_CALL_CASES = [
    # simple daily rotation
    ("daily, before the first handoff", DAILY, "2026-03-02T07:59", None, "not started"),  # 08:59 CET
    ("daily, first handoff", DAILY, "2026-03-02T08:00", "a", "rotation"),  # 09:00
    ("daily, just before the second", DAILY, "2026-03-03T07:59:59", "a", "rotation"),
    ("daily, second", DAILY, "2026-03-03T08:00", "b", "rotation"),
    ("daily, third", DAILY, "2026-03-04T08:00", "c", "rotation"),
    ("daily, wraps to the first member", DAILY, "2026-03-05T08:00", "a", "rotation"),
    ("daily, a year later", DAILY, "2027-03-02T08:00", "c", "rotation"),  # slot 365, 365 % 3 == 2
    # weekly rotation
    ("weekly, end of first week", WEEKLY, "2026-11-09T07:59", "bola", "rotation"),
    ("weekly, second week", WEEKLY, "2026-11-09T08:00", "chen", "rotation"),
    ("weekly, mid third week", WEEKLY, "2026-11-20T23:00", "alice", "rotation"),
    ("weekly, wraps", WEEKLY, "2026-11-23T08:00", "bola", "rotation"),
    # handoff at 23:00, crossing midnight
    ("23:00, before start", AT_23, "2026-03-02T21:59", None, "not started"),  # 22:59
    ("23:00, first", AT_23, "2026-03-02T22:00", "a", "rotation"),  # 23:00
    ("23:00, after midnight same shift", AT_23, "2026-03-02T23:30", "a", "rotation"),  # 03-03 00:30
    ("23:00, end of shift", AT_23, "2026-03-03T21:59", "a", "rotation"),  # 03-03 22:59
    ("23:00, next shift", AT_23, "2026-03-03T22:00", "b", "rotation"),  # 03-03 23:00
    ("12h night shift across midnight", NIGHT_DAY, "2026-03-02T23:30", "night", "rotation"),  # 03-03 00:30
    ("12h day shift", NIGHT_DAY, "2026-03-03T08:00", "day", "rotation"),  # 09:00
    ("12h next night", NIGHT_DAY, "2026-03-03T20:00", "night", "rotation"),  # 21:00
    # Europe/Berlin spring forward, 29 March 2026
    ("BER spring 09:00: old shift until 09:00 CEST", BER_SPRING_0900, "2026-03-29T06:59", "a", "rotation"),
    ("BER spring 09:00: handoff stays 09:00 local", BER_SPRING_0900, "2026-03-29T07:00", "b", "rotation"),
    ("BER spring 02:30 (gap): before the jump", BER_SPRING_0230, "2026-03-29T00:59:59", "a", "rotation"),
    ("BER spring 02:30 (gap): at the jump (03:00 CEST)", BER_SPRING_0230, "2026-03-29T01:00", "b", "rotation"),
    ("BER spring 02:30: next day 02:30 CEST", BER_SPRING_0230, "2026-03-30T00:30", "a", "rotation"),
    ("BER spring hourly: 01:xx CET", BER_SPRING_HOURLY, "2026-03-29T00:59", "b", "rotation"),
    ("BER spring hourly: 02:00 slot skipped", BER_SPRING_HOURLY, "2026-03-29T01:00", "d", "rotation"),
    ("BER spring weekly: Monday 08:59 CEST", BER_SPRING_WEEKLY, "2026-03-30T06:59", "a", "rotation"),
    ("BER spring weekly: Monday 09:00 CEST", BER_SPRING_WEEKLY, "2026-03-30T07:00", "b", "rotation"),
    # Europe/Berlin fall back, 25 October 2026
    ("BER fall 02:30: before first 02:30", BER_FALL_0230, "2026-10-25T00:29", "a", "rotation"),
    ("BER fall 02:30: first 02:30 (CEST)", BER_FALL_0230, "2026-10-25T00:30", "b", "rotation"),
    ("BER fall 02:30: second 02:30 (CET) no handoff", BER_FALL_0230, "2026-10-25T01:30", "b", "rotation"),
    ("BER fall 02:30: next day still b until 02:30 CET", BER_FALL_0230, "2026-10-26T01:29", "b", "rotation"),
    ("BER fall 02:30: next day 02:30 CET", BER_FALL_0230, "2026-10-26T01:30", "a", "rotation"),
    ("BER fall 12h: 13-hour night shift", BER_FALL_12H, "2026-10-25T07:59", "night", "rotation"),  # 08:59 CET
    ("BER fall 12h: 09:00 CET", BER_FALL_12H, "2026-10-25T08:00", "day", "rotation"),
    # America/New_York spring forward, 8 March 2026
    ("NY spring 02:30 (gap): before the jump", NY_SPRING_0230, "2026-03-08T06:59", "a", "rotation"),
    ("NY spring 02:30 (gap): at the jump (03:00 EDT)", NY_SPRING_0230, "2026-03-08T07:00", "b", "rotation"),
    ("NY spring 09:00: 08:59 EDT", NY_SPRING_0900, "2026-03-08T12:59", "a", "rotation"),
    ("NY spring 09:00: 09:00 EDT", NY_SPRING_0900, "2026-03-08T13:00", "b", "rotation"),
    # America/New_York fall back, 1 November 2026
    ("NY fall 01:30: before first 01:30", NY_FALL_0130, "2026-11-01T05:29", "a", "rotation"),
    ("NY fall 01:30: first 01:30 (EDT)", NY_FALL_0130, "2026-11-01T05:30", "b", "rotation"),
    ("NY fall 01:30: second 01:30 (EST) no handoff", NY_FALL_0130, "2026-11-01T06:30", "b", "rotation"),
    ("NY fall 01:30: next day 01:30 EST", NY_FALL_0130, "2026-11-02T06:30", "a", "rotation"),
    ("NY fall 09:00: 08:59 EST", NY_FALL_0900, "2026-11-01T13:59", "a", "rotation"),
    ("NY fall 09:00: 09:00 EST", NY_FALL_0900, "2026-11-01T14:00", "b", "rotation"),
]


@pytest.mark.parametrize(("rot", "at", "member", "reason"), [c[1:] for c in ON_CALL_CASES],
                         ids=[c[0] for c in ON_CALL_CASES])
def test_on_call(rot, at, member, reason):
    result = on_call(rot, z(at))
    assert (result.layers[0].member, result.layers[0].reason) == (member, reason)
    assert result.primary == member


def test_on_call_accepts_any_timezone_for_at():
    at = datetime(2026, 3, 29, 9, 0, tzinfo=ZoneInfo(BERLIN))  # 07:00Z
    assert on_call(BER_SPRING_0900, at).primary == "b"
    assert on_call(BER_SPRING_0900, at).at == z("2026-03-29T07:00")


@pytest.mark.parametrize("fn", [
    lambda at: on_call(DAILY, at),
    lambda at: next_handoffs(DAILY, at),
    lambda at: targets_for_step(DAILY, None, at),
    lambda at: due_steps(EscalationPolicy(steps=[EscalationStep(after_minutes=5, notify="everyone")]), at, at, 0),
])
def test_naive_times_are_refused(fn):
    with pytest.raises(ValueError, match="timezone-aware"):
        fn(datetime(2026, 3, 3, 9, 0))


# ---------------------------------------------------------------------------
# Overrides, empty layers, restrict windows

HOLIDAY = rotation(
    layer("primary", ["bola", "chen", "alice"], "2026-11-02T09:00", "7d"),
    layer("secondary", ["alice", "bola"], "2026-11-02T09:00", "7d"),
    overrides=({"layer": "primary", "member": "alice", "start": "2026-12-24T00:00", "end": "2026-12-27T00:00",
                "note": "swap with chen"},),
)


@pytest.mark.parametrize(("at", "member", "reason"), [
    ("2026-12-23T22:59", "chen", "rotation"),  # 12-23 23:59 CET: chen's week (21-28 Dec)
    ("2026-12-23T23:00", "alice", "override"),  # 12-24 00:00: the override starts
    ("2026-12-26T22:59", "alice", "override"),  # 12-26 23:59
    ("2026-12-26T23:00", "chen", "rotation"),  # 12-27 00:00: ends on time, back to chen
    ("2026-12-28T08:00", "alice", "rotation"),  # 12-28 09:00: alice's regular week
])
def test_override_wins_and_ends_on_time(at, member, reason):
    result = on_call(HOLIDAY, z(at))
    assert (result.layers[0].member, result.layers[0].reason) == (member, reason)
    assert result.layers[1].reason == "rotation"  # the other layer is untouched
    assert result.layers[0].note == ("swap with chen" if reason == "override" else None)


def test_override_applies_before_the_layer_starts_and_on_a_layer_without_members():
    rot = rotation(layer("primary", [], "2026-11-02T09:00", "7d"),
                   overrides=({"layer": "primary", "member": "e", "start": "2026-10-01", "end": "2026-10-02"},))
    assert on_call(rot, z("2026-10-01T12:00")).layers[0] == oncall.LayerOnCall("primary", "e", "override")
    assert on_call(rot, z("2026-10-02T12:00")).layers[0] == oncall.LayerOnCall("primary", None, "empty")


def test_empty_layer_falls_through_and_asks_for_an_alert():
    rot = rotation(layer("primary", [], "2026-11-02T09:00", "7d"), layer("secondary", ["alice"], "2026-11-02T09:00"))
    result = on_call(rot, z("2026-11-10T12:00"))
    assert result.layers[0] == oncall.LayerOnCall("primary", None, "empty")
    assert (result.primary, result.primary_layer) == ("alice", "secondary")
    assert result.fell_through == ["primary"]
    assert result.unstaffed == ["primary"]
    assert result.needs_alert


def test_not_started_layer_falls_through_and_asks_for_an_alert():
    rot = rotation(layer("primary", ["a"], "2027-11-02T09:00"), layer("secondary", ["b"], "2026-11-02T09:00"))
    result = on_call(rot, z("2026-11-10T12:00"))
    assert (result.primary, result.fell_through, result.unstaffed) == ("b", ["primary"], ["primary"])
    assert result.needs_alert


def test_nobody_on_call_at_all():
    rot = rotation(layer("primary", [], "2026-11-02T09:00"), layer("secondary", ["b"], "2027-01-01T00:00"))
    result = on_call(rot, z("2026-11-10T12:00"))
    assert (result.primary, result.primary_layer) == (None, None)
    assert result.fell_through == ["primary", "secondary"]
    assert result.needs_alert
    assert targets_for_step(rot, None, z("2026-11-10T12:00")) == ["operators"]


BUSINESS = {"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"}
FRIDAY_NIGHT = {"days": ["fri"], "from": "22:00", "to": "06:00"}
RESTRICTED = rotation(layer("primary", ["a"], "2026-11-02T00:00", "1d", BUSINESS),
                      layer("secondary", ["b"], "2026-11-02T00:00", "7d"))
OVERNIGHT = rotation(layer("primary", ["a"], "2026-11-02T00:00", "1d", FRIDAY_NIGHT),
                     layer("secondary", ["b"], "2026-11-02T00:00", "7d"))


@pytest.mark.parametrize(("rot", "at", "primary", "first_reason"), [
    (RESTRICTED, "2026-11-02T07:59", "b", "outside hours"),  # Mon 08:59
    (RESTRICTED, "2026-11-02T08:00", "a", "rotation"),  # Mon 09:00
    (RESTRICTED, "2026-11-06T15:59", "a", "rotation"),  # Fri 16:59
    (RESTRICTED, "2026-11-06T16:00", "b", "outside hours"),  # Fri 17:00 (to is exclusive)
    (RESTRICTED, "2026-11-07T10:00", "b", "outside hours"),  # Saturday 11:00
    (OVERNIGHT, "2026-11-06T20:59", "b", "outside hours"),  # Fri 21:59
    (OVERNIGHT, "2026-11-06T21:00", "a", "rotation"),  # Fri 22:00
    (OVERNIGHT, "2026-11-07T04:59", "a", "rotation"),  # Sat 05:59: window opened Friday
    (OVERNIGHT, "2026-11-07T05:00", "b", "outside hours"),  # Sat 06:00
    (OVERNIGHT, "2026-11-07T21:00", "b", "outside hours"),  # Sat 22:00: Saturday not listed
], ids=lambda v: v if isinstance(v, str) else None)
def test_restrict_window_falls_through_outside_hours(rot, at, primary, first_reason):
    result = on_call(rot, z(at))
    assert result.primary == primary
    assert result.layers[0].reason == first_reason
    assert result.fell_through == ([] if primary == "a" else ["primary"])
    assert not result.needs_alert  # outside hours is by design


def test_override_does_not_extend_restricted_hours():
    rot = RESTRICTED.model_copy(update={"overrides": [oncall.Override(
        layer="primary", member="e", start=datetime(2026, 11, 6), end=datetime(2026, 11, 9))]})
    assert on_call(rot, z("2026-11-06T10:00")).primary == "e"  # Fri 11:00
    assert on_call(rot, z("2026-11-07T10:00")).primary == "b"  # Sat: layer is outside hours


# ---------------------------------------------------------------------------
# next_handoffs


def h(at: str, layer_name: str, before, after, reason: str) -> Handoff:
    return Handoff(z(at), layer_name, before, after, reason)


NEXT_HANDOFF_CASES = [
    ("daily", DAILY, "2026-03-03T12:00", 3, None, [
        h("2026-03-04T08:00", "primary", "b", "c", "rotation"),
        h("2026-03-05T08:00", "primary", "c", "a", "rotation"),
        h("2026-03-06T08:00", "primary", "a", "b", "rotation"),
    ]),
    ("strictly after", DAILY, "2026-03-04T08:00", 1, None, [h("2026-03-05T08:00", "primary", "c", "a", "rotation")]),
    ("before the start", DAILY, "2026-03-01T00:00", 2, None, [
        h("2026-03-02T08:00", "primary", None, "a", "rotation"),
        h("2026-03-03T08:00", "primary", "a", "b", "rotation"),
    ]),
    ("override and both layers", HOLIDAY, "2026-12-23T12:00", 4, None, [
        h("2026-12-23T23:00", "primary", "chen", "alice", "override"),
        h("2026-12-26T23:00", "primary", "alice", "chen", "rotation"),
        h("2026-12-28T08:00", "primary", "chen", "alice", "rotation"),
        h("2026-12-28T08:00", "secondary", "bola", "alice", "rotation"),
    ]),
    ("one layer only", HOLIDAY, "2026-12-23T12:00", 2, "secondary", [
        h("2026-12-28T08:00", "secondary", "bola", "alice", "rotation"),
        h("2027-01-04T08:00", "secondary", "alice", "bola", "rotation"),
    ]),
    ("restrict windows skip the weekend", RESTRICTED, "2026-11-06T12:00", 3, "primary", [
        h("2026-11-06T16:00", "primary", "a", None, "outside hours"),
        h("2026-11-09T08:00", "primary", None, "a", "rotation"),
        h("2026-11-09T16:00", "primary", "a", None, "outside hours"),
    ]),
    ("spring-forward gap: at the jump", BER_SPRING_0230, "2026-03-28T12:00", 2, None, [
        h("2026-03-29T01:00", "primary", "a", "b", "rotation"),
        h("2026-03-30T00:30", "primary", "b", "a", "rotation"),
    ]),
    ("fall-back overlap: first occurrence only", BER_FALL_0230, "2026-10-24T12:00", 2, None, [
        h("2026-10-25T00:30", "primary", "a", "b", "rotation"),
        h("2026-10-26T01:30", "primary", "b", "a", "rotation"),
    ]),
    ("NY fall-back overlap", NY_FALL_0130, "2026-10-31T12:00", 2, None, [
        h("2026-11-01T05:30", "primary", "a", "b", "rotation"),
        h("2026-11-02T06:30", "primary", "b", "a", "rotation"),
    ]),
    ("hourly across the gap skips the 02:00 member", BER_SPRING_HOURLY, "2026-03-29T00:30", 2, None, [
        h("2026-03-29T01:00", "primary", "b", "d", "rotation"),
        h("2026-03-29T02:00", "primary", "d", "a", "rotation"),
    ]),
    ("single member: nothing changes", rotation(layer(members=["a"])), "2026-03-03T00:00", 3, None, []),
]


@pytest.mark.parametrize(("rot", "after", "count", "only", "expected"), [c[1:] for c in NEXT_HANDOFF_CASES],
                         ids=[c[0] for c in NEXT_HANDOFF_CASES])
def test_next_handoffs(rot, after, count, only, expected):
    assert next_handoffs(rot, z(after), count, layer=only) == expected


def test_next_handoffs_unknown_layer():
    with pytest.raises(ValueError, match="unknown layer 'tertiary'"):
        next_handoffs(HOLIDAY, z("2026-12-23T12:00"), layer="tertiary")


ZONES = [BERLIN, NEW_YORK, "UTC", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago"]


@settings(max_examples=150, deadline=None)
@given(
    tz=st.sampled_from(ZONES),
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)),
    every_hours=st.integers(min_value=1, max_value=24 * 14),
    members=st.integers(min_value=2, max_value=4),
    offset_hours=st.floats(min_value=-48, max_value=24 * 60),
)
def test_next_handoffs_agree_with_on_call(tz, start, every_hours, members, offset_hours):
    rot = rotation(layer(members=[f"m{i}" for i in range(members)], start=start.isoformat(),
                         every=f"{every_hours}h"), tz=tz)
    after = resolve_local(start, tz) + timedelta(hours=offset_hours)
    previous = on_call(rot, after).primary
    last = after
    for handoff in next_handoffs(rot, after, 4):
        assert handoff.at > last
        assert handoff.from_member == previous
        assert on_call(rot, handoff.at - timedelta(microseconds=1)).primary == previous
        assert on_call(rot, handoff.at).primary == handoff.to_member != previous
        previous, last = handoff.to_member, handoff.at


# ---------------------------------------------------------------------------
# Escalation targets

THREE = rotation(
    layer("primary", ["a", "b"], "2026-11-02T09:00", "7d"),
    layer("secondary", ["c"], "2026-11-02T09:00", "7d"),
    layer("tertiary", ["d", "a"], "2026-11-02T09:00", "7d"),
)
AT = z("2026-11-03T12:00")  # week 0: primary a, secondary c, tertiary d
NEXT = EscalationStep(after_minutes=5, notify="next_layer")
EVERYONE = EscalationStep(after_minutes=15, notify="everyone")
OPS = EscalationStep(after_minutes=60, notify="operators")


@pytest.mark.parametrize(("step", "kwargs", "expected"), [
    (None, {}, ["a"]),
    (NEXT, {}, ["c"]),  # default: the current primary was notified
    (NEXT, {"notified": ["a"]}, ["c"]),
    (NEXT, {"notified": ["a", "c"]}, ["d"]),  # a second next_layer step goes one layer deeper
    (NEXT, {"notified": ["a", "c", "d"]}, ["operators"]),  # nobody new: never silent
    (NEXT, {"notified": ["b"]}, ["a"]),  # handoff since the forward: the new primary has not seen it
    (EVERYONE, {}, ["a", "b", "c", "d", "operators"]),
    (EVERYONE, {"operators": ["ops@example.org"]}, ["a", "b", "c", "d", "ops@example.org"]),
    (OPS, {}, ["operators"]),
    (OPS, {"operators": ["ops1@example.org", "ops2@example.org"]}, ["ops1@example.org", "ops2@example.org"]),
], ids=["initial", "next", "next-notified-a", "next-deeper", "next-nobody-new", "next-after-handoff",
        "everyone", "everyone-addresses", "operators", "operators-addresses"])
def test_targets_for_step(step, kwargs, expected):
    assert targets_for_step(THREE, step, AT, **kwargs) == expected


def test_next_layer_skips_empty_and_outside_hours_layers():
    rot = rotation(layer("primary", ["a"], "2026-11-02T00:00"), layer("nights", ["b"], "2026-11-02T00:00", "1d",
                   {"from": "22:00", "to": "06:00"}), layer("empty", [], "2026-11-02T00:00"),
                   layer("backup", ["c"], "2026-11-02T00:00"))
    assert targets_for_step(rot, NEXT, z("2026-11-03T12:00")) == ["c"]  # 13:00: nights is outside hours
    assert targets_for_step(rot, NEXT, z("2026-11-03T22:00")) == ["b"]  # 23:00
    # everyone includes layers outside hours
    assert targets_for_step(rot, EVERYONE, z("2026-11-03T12:00")) == ["a", "b", "c", "operators"]


def test_everyone_includes_the_active_override_member():
    rot = THREE.model_copy(update={"overrides": [oncall.Override(
        layer="secondary", member="e", start=datetime(2026, 11, 3), end=datetime(2026, 11, 4))]})
    assert targets_for_step(rot, None, AT) == ["a"]
    assert targets_for_step(rot, NEXT, AT) == ["e"]
    assert targets_for_step(rot, EVERYONE, AT) == ["a", "b", "c", "e", "d", "operators"]


# ---------------------------------------------------------------------------
# due_steps: restart-safe escalation keyed by step index

POLICY = EscalationPolicy(steps=[NEXT, EVERYONE])
CREATED = z("2026-11-03T12:00")


@pytest.mark.parametrize(("minutes", "done", "expected"), [
    (0, 0, []),
    (4.99, 0, []),
    (5, 0, [0]),
    (14, 1, []),
    (15, 1, [1]),
    (20, 0, [0, 1]),  # restarted after an outage: both are due, none skipped
    (20, 1, [1]),  # step 0 was done before the restart: not repeated
    (20, 2, []),  # all done
    (600, 2, []),
])
def test_due_steps(minutes, done, expected):
    assert due_steps(POLICY, CREATED, CREATED + timedelta(minutes=minutes), done) == expected


def test_due_steps_without_policy_and_across_zones():
    assert due_steps(None, CREATED, CREATED + timedelta(days=1), 0) == []
    berlin_now = (CREATED + timedelta(minutes=5)).astimezone(ZoneInfo(BERLIN))
    assert due_steps(POLICY, CREATED, berlin_now, 0) == [0]


@pytest.mark.parametrize(("done", "expected"), [(0, 5), (1, 15), (2, None)])
def test_next_escalation_at(done, expected):
    want = None if expected is None else CREATED + timedelta(minutes=expected)
    assert next_escalation_at(POLICY, CREATED, done) == want


# ---------------------------------------------------------------------------
# Validation: (key path, message) problems

VALID = {
    "rotations": {
        "emergency": {
            "timezone": BERLIN,
            "layers": [
                {"name": "primary", "members": ["bola", "chen", "alice"], "start": "2026-11-02T09:00",
                 "handoff_every": "7d", "restrict": {"days": ["mon", "fri"], "from": "09:00", "to": "17:00"}},
                {"name": "secondary", "members": ["alice", "bola"], "start": "2026-11-02T09:00", "handoff_every": "7d"},
            ],
            "overrides": [
                {"layer": "primary", "member": "alice", "start": "2026-12-24T00:00", "end": "2026-12-27T00:00"},
            ],
        },
    },
    "escalation": {
        "critical": {"steps": [{"after_minutes": 5, "notify": "next_layer"},
                               {"after_minutes": 15, "notify": "everyone"}]},
        "high": {"steps": [{"after_minutes": 30, "notify": "next_layer"}]},
    },
}
R = ("rotations", "emergency")
L0, L1, O0 = R + ("layers", "0"), R + ("layers", "1"), R + ("overrides", "0")
BAD_DURATION = "bad duration {!r}: write a number and a unit (w, d, h, m), e.g. \"12h\", \"1d\", \"7d\""


def _set(path: str, value):
    def change(data):
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = data
        for key in keys[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return change


_DELETE = object()
OVERRIDE_2 = {"layer": "primary", "member": "chen", "start": "2026-12-26T00:00", "end": "2026-12-28T00:00"}

VALIDATION_CASES = [
    ("valid", [], []),
    ("unknown staff in layer", [_set("rotations.emergency.layers.0.members", ["bola", "zed"])],
     [(L0 + ("members",), "unknown staff member 'zed'")]),
    ("unknown staff in override", [_set("rotations.emergency.overrides.0.member", "zed")],
     [(O0 + ("member",), "unknown staff member 'zed'")]),
    ("unknown layer in override", [_set("rotations.emergency.overrides.0.layer", "primry")],
     [(O0 + ("layer",), "unknown layer 'primry' (layers: primary, secondary)")]),
    ("override end before start", [_set("rotations.emergency.overrides.0.end", "2026-12-23T00:00")],
     [(O0 + ("end",), "end (2026-12-23T00:00) must be after start (2026-12-24T00:00)")]),
    ("override end equals start", [_set("rotations.emergency.overrides.0.end", "2026-12-24")],
     [(O0 + ("end",), "end (2026-12-24T00:00) must be after start (2026-12-24T00:00)")]),
    ("overlapping overrides", [lambda d: d["rotations"]["emergency"]["overrides"].append(dict(OVERRIDE_2))],
     [(R + ("overrides", "1", "start"),
       "overlaps another override of layer 'primary' (2026-12-24T00:00 to 2026-12-27T00:00)")]),
    ("adjacent overrides are fine",
     [lambda d: d["rotations"]["emergency"]["overrides"].append(dict(OVERRIDE_2, start="2026-12-27T00:00"))], []),
    ("same dates on another layer are fine",
     [lambda d: d["rotations"]["emergency"]["overrides"].append(dict(OVERRIDE_2, layer="secondary"))], []),
    ("bad duration", [_set("rotations.emergency.layers.1.handoff_every", "7x")],
     [(L1 + ("handoff_every",), BAD_DURATION.format("7x"))]),
    ("duration without unit", [_set("rotations.emergency.layers.1.handoff_every", 7)],
     [(L1 + ("handoff_every",), BAD_DURATION.format(7))]),
    ("duration too short", [_set("rotations.emergency.layers.1.handoff_every", "30m")],
     [(L1 + ("handoff_every",), "handoff_every must be at least 1h (got '30m')")]),
    ("unknown urgency level", [_set("escalation.urgent", {"steps": [{"after_minutes": 1, "notify": "everyone"}]})],
     [(("escalation", "urgent"), "unknown urgency 'urgent' (levels: low, normal, high, critical)")]),
    ("steps not increasing", [_set("escalation.critical.steps.1.after_minutes", 5)],
     [(("escalation", "critical", "steps", "1", "after_minutes"), "must be greater than the previous step's (5)")]),
    ("bad notify", [_set("escalation.high.steps.0.notify", "team")],
     [(("escalation", "high", "steps", "0", "notify"), "Input should be 'next_layer', 'everyone' or 'operators'")]),
    ("unknown timezone", [_set("rotations.emergency.timezone", "Europe/Berln")],
     [(R + ("timezone",), "unknown timezone 'Europe/Berln'")]),
    ("misspelt key", [_set("rotations.emergency.layers.0.handoff_every", _DELETE),
                      _set("rotations.emergency.layers.0.handoff_evry", "7d")],
     [(L0 + ("handoff_every",), "required key is missing"),
      (L0 + ("handoff_evry",), "unknown key (check the spelling; see README 'Configuration')")]),
    ("layer name used twice", [_set("rotations.emergency.layers.1.name", "primary")],
     [(L1 + ("name",), "layer name 'primary' is used twice")]),
    ("bad layer name", [_set("rotations.emergency.layers.1.name", "Second Layer")],
     [(L1 + ("name",), "layer names are lower-case letters, digits, - and _")]),
    ("bad rotation name", [lambda d: d["rotations"].update({"Emergency": d["rotations"].pop("emergency")})],
     [(("rotations", "Emergency"), "rotation names are lower-case letters, digits, - and _")]),
    ("empty window", [_set("rotations.emergency.layers.0.restrict.to", "09:00")],
     [(L0 + ("restrict", "to"), "'to' equals 'from': the window would be empty")]),
    ("bad time", [_set("rotations.emergency.layers.0.restrict.from", "9:00")],
     [(L0 + ("restrict", "from"), "bad time '9:00': use HH:MM (24-hour), e.g. \"09:00\"")]),
    ("24:00 only as 'to'", [_set("rotations.emergency.layers.0.restrict.from", "24:00")],
     [(L0 + ("restrict", "from"), "bad time '24:00': use HH:MM (24-hour), e.g. \"09:00\"")]),
    ("bad day", [_set("rotations.emergency.layers.0.restrict.days", ["mo"])],
     [(L0 + ("restrict", "days"), "unknown day 'mo': use mon, tue, wed, thu, fri, sat, sun")]),
    ("no days", [_set("rotations.emergency.layers.0.restrict.days", [])],
     [(L0 + ("restrict", "days"), "days is empty: the layer would never be on call")]),
    ("start with an offset", [_set("rotations.emergency.layers.0.start", "2026-11-02T09:00+01:00")],
     [(L0 + ("start",), "2026-11-02T09:00+01:00 has a UTC offset: write local time without one "
                        "(the rotation's timezone applies)")]),
    ("bad start", [_set("rotations.emergency.layers.0.start", "next monday")],
     [(L0 + ("start",), "bad date/time 'next monday': write local time like \"2026-11-02T09:00\"")]),
    ("nobody in any layer", [_set("rotations.emergency.layers.0.members", []),
                             _set("rotations.emergency.layers.1.members", []),
                             _set("rotations.emergency.overrides", [])],
     [(R + ("layers",), "no layer has members: nobody would ever be on call")]),
    ("an empty layer is allowed", [_set("rotations.emergency.layers.1.members", [])], []),
    ("no layers", [_set("rotations.emergency.layers", [])],
     [(R + ("layers",), "List should have at least 1 item after validation, not 0")]),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in VALIDATION_CASES],
                         ids=[c[0] for c in VALIDATION_CASES])
def test_validate_oncall(changes, expected):
    data = copy.deepcopy(VALID)
    for change in changes:
        change(data)
    assert validate_oncall(data["rotations"], data["escalation"], {"alice", "bola", "chen"}, LEVELS) == expected


def test_validate_oncall_takes_models_too():
    rot = Rotation.model_validate(VALID["rotations"]["emergency"])
    policies = {k: EscalationPolicy.model_validate(v) for k, v in VALID["escalation"].items()}
    assert validate_oncall({"emergency": rot}, policies, {"alice", "bola", "chen"}, LEVELS) == []
    assert validate_oncall({"emergency": rot}, policies, {"alice", "bola"}, ["low", "critical"]) == [
        (L0 + ("members",), "unknown staff member 'chen'"),
        (("escalation", "high"), "unknown urgency 'high' (levels: low, critical)"),
    ]


def test_models_refuse_bad_values_with_the_same_messages():
    with pytest.raises(ValidationError, match=re.escape(BAD_DURATION.format("7x"))):
        Rotation.model_validate({"timezone": BERLIN, "layers": [layer(every="7x")]})


def test_docstring_example_parses_and_validates():
    example = re.search(r"```toml\n(.*?)```", oncall.__doc__, re.S).group(1)
    data = tomllib.loads(example)
    assert validate_oncall(data["rotations"], data["escalation"], {"alice", "bola", "chen"}, LEVELS) == []
    rot = Rotation.model_validate(data["rotations"]["emergency"])
    assert rot.layers[0].restrict.days[-1] == "fri"
    assert on_call(rot, z("2026-12-24T10:00")).layers[0].member == "alice"


def test_toml_native_dates_and_times():
    data = tomllib.loads("""
timezone = "Europe/Berlin"
[[layers]]
name = "primary"
members = ["a", "b"]
start = 2026-11-02T09:00:00
handoff_every = "1d"
[[overrides]]
layer = "primary"
member = "c"
start = 2026-12-24
end = 2026-12-27
""")
    rot = Rotation.model_validate(data)
    assert rot.layers[0].start == datetime(2026, 11, 2, 9, 0)
    assert rot.overrides[0].start == datetime(2026, 12, 24)
    assert on_call(rot, z("2026-12-26T22:59")).primary == "c"
    assert on_call(rot, z("2026-12-26T23:00")).layers[0].reason == "rotation"


# ---------------------------------------------------------------------------
# Helpers


@pytest.mark.parametrize(("local", "tz", "expected"), [
    ("2026-07-01T12:00", BERLIN, "2026-07-01T10:00"),
    ("2026-03-29T02:30", BERLIN, "2026-03-29T01:00"),  # gap: when the clocks jump (03:00 CEST)
    ("2026-03-29T02:00", BERLIN, "2026-03-29T01:00"),
    ("2026-03-29T03:00", BERLIN, "2026-03-29T01:00"),
    ("2026-10-25T02:30", BERLIN, "2026-10-25T00:30"),  # overlap: first occurrence (CEST)
    ("2026-03-08T02:30", NEW_YORK, "2026-03-08T07:00"),  # gap: 03:00 EDT
    ("2026-11-01T01:30", NEW_YORK, "2026-11-01T05:30"),  # overlap: first occurrence (EDT)
    ("2026-10-04T02:15", "Australia/Lord_Howe", "2026-10-03T15:30"),  # 30-minute gap: 02:00 -> 02:30
])
def test_resolve_local(local, tz, expected):
    assert resolve_local(datetime.fromisoformat(local), tz) == z(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("12h", timedelta(hours=12)), ("1d", timedelta(days=1)), ("7d", timedelta(days=7)), ("2w", timedelta(weeks=2)),
    ("1d12h", timedelta(hours=36)), ("90m", timedelta(minutes=90)), ("1d 6h", timedelta(hours=30)),
])
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected
    assert parse_duration(oncall.format_duration(expected)) == expected


@pytest.mark.parametrize("text", ["", "7", "d", "7x", "1.5d", "-1d", "7 days"])
def test_parse_duration_refuses(text):
    with pytest.raises(ValueError, match="bad duration"):
        parse_duration(text)


def test_local_time_for_members_in_other_zones():
    handoff = next_handoffs(WEEKLY, z("2026-11-03T00:00"), 1)[0]
    assert handoff.at == z("2026-11-09T08:00")
    assert local_time("Africa/Lagos", handoff.at).strftime("%a %H:%M %Z") == "Mon 09:00 WAT"
    assert local_time("America/New_York", handoff.at).strftime("%a %H:%M %Z") == "Mon 03:00 EST"
    assert local_time("Asia/Tokyo", handoff.at).strftime("%a %H:%M") == "Mon 17:00"


@pytest.mark.parametrize(("text", "tz", "expected"), [
    ("2026-12-24T10:00", BERLIN, "2026-12-24T09:00"),
    ("2026-12-24 10:00", "UTC", "2026-12-24T10:00"),
    ("2026-12-24T10:00Z", BERLIN, "2026-12-24T10:00"),
    ("2026-12-24T10:00+01:00", NEW_YORK, "2026-12-24T09:00"),
    ("2026-03-29T02:30", BERLIN, "2026-03-29T01:00"),
])
def test_parse_at(text, tz, expected):
    assert parse_at(text, tz) == z(expected)


def test_parse_at_refuses_garbage():
    with pytest.raises(ValueError, match="bad time 'tomorrow'"):
        parse_at("tomorrow")
