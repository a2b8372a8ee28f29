"""Rotations, overrides, who is on call at time *t*, and escalation policy.

Everything here is pure: no I/O and no clock reads. Every function takes the
moment it is about (``at``, ``after``, ``now``...) as an *aware* datetime and
raises ``ValueError`` for a naive one. Instants returned are aware UTC
datetimes; showing them in a staff member's zone is the caller's job
(:func:`local_time`).

Configuration (config.toml)
---------------------------

```toml
[mailboxes.emergency]
# ...
rotation = "emergency"                  # forwards go to whoever this rotation says is on call

[rotations.emergency]
timezone = "Europe/Berlin"              # zone in which all times of this rotation are written

[[rotations.emergency.layers]]          # layers in order: the first one with somebody is the primary
name = "primary"
members = ["bola", "chen", "alice"]     # staff ids, in turn order
start = "2026-11-02T09:00"              # local time of the first handoff (to the first member)
handoff_every = "7d"                    # w, d, h, m, combinable ("1d12h"); at least 1h
restrict = { days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }

[[rotations.emergency.layers]]
name = "secondary"
members = ["alice", "bola"]
start = "2026-11-02T09:00"
handoff_every = "7d"

[[rotations.emergency.overrides]]       # holidays, swaps
layer = "primary"
member = "alice"
start = "2026-12-24T00:00"              # local, rotation timezone; a bare date means 00:00
end = "2026-12-27T00:00"                # exclusive
note = "swap with chen"                 # optional, shown by `mailrouter oncall`

[escalation.critical]                   # per urgency level; levels without a policy never escalate
steps = [
  { after_minutes = 5, notify = "next_layer" },
  { after_minutes = 15, notify = "everyone" },
]

[escalation.high]
steps = [
  { after_minutes = 30, notify = "next_layer" },
  { after_minutes = 120, notify = "everyone" },
]
```

Semantics
---------

*Wall-clock handoffs.* Handoff *k* of a layer is at local time
``start + k * handoff_every`` in the rotation's timezone, computed on the
calendar and clock, not in elapsed seconds: a daily 09:00 handoff stays at
09:00 across DST changes (that day's shift is 23 or 25 hours long). Member
``members[k % len(members)]`` is on call from handoff *k* to handoff *k+1*.

*Local times that do not exist or exist twice.* A local time ``T`` means the
first instant at which the wall clock shows ``T`` or later
(:func:`resolve_local`). So in a spring-forward gap a 02:30 handoff happens
when the clocks jump (03:00 new time), and in a fall-back overlap it happens
at the first 02:30 (summer time); the repeated hour belongs to whoever took
over at the first pass. If two handoffs fall into the same gap (an hourly
rotation at 02:00 and 03:00 on a spring-forward day) the earlier slot lasts
zero seconds and its member is skipped that day.

*Before ``start``.* The layer has not begun: it is empty (reason
``"not started"``) and falls through; no member is assumed. Deploying a layer
with a future start is how a new rotation is staged; a typo in the year shows
up as a ``"not started"`` layer, which asks for an alert.

*Restrict.* ``restrict`` limits a layer to some days and hours (rotation
timezone, ``from`` inclusive, ``to`` exclusive, ``to = "24:00"`` allowed).
When ``to`` is earlier than ``from`` the window crosses midnight and ``days``
names the day it opens (``days=["fri"], from="22:00", to="06:00"`` is Friday
22:00 to Saturday 06:00). Defaults: every day, the whole day. Outside the
window the layer is empty (reason ``"outside hours"``), which is by design and
needs no alert. Handoffs keep counting outside the window.

*Overrides* name who covers a layer during ``[start, end)``. They win over the
rotation (also before the layer's ``start``, and also on a layer without
members) but not over ``restrict``: an override swaps the person, not the
hours. Overrides of the same layer must not overlap (validation); if they do
anyway, the first listed wins. An override's member need not be in
``members``.

*Primary and fall-through.* Layers are tried in order; the first one with
somebody is the primary, who gets the forward. ``fell_through`` lists the
layers before it that had nobody, whatever the reason. Alert-worthy are
layers empty for a reason other than ``"outside hours"`` (``"empty"``: no
members; ``"not started"``) and, always, a rotation with nobody on call at
all: then forwards go to the operators (see :func:`targets_for_step`).

*Escalation.* ``after_minutes`` counts from the case's creation (not from the
previous step) and must strictly increase. A claimed case never escalates
(the caller stops calling). Notify values:

``next_layer``
    the first layer, in order, whose member *now* has not been notified yet
    for this case (``notified``; by default the current primary). So the
    first ``next_layer`` reaches the secondary, a second one the third layer;
    somebody already notified on two layers is not woken twice, and a new
    primary who took over since the forward is not skipped. Only the new
    person is notified (nobody is re-sent the case). If no layer has anybody
    new, the operators are notified, so a step is never silent.
``everyone``
    every member of every layer (in layer order, deduplicated, including
    members of layers that are outside hours and the member of any override
    active now) and the operators.
``operators``
    the operators only.

Steps are keyed by their index: :func:`due_steps` returns the indexes due
given how many are done, so a job that records "steps done" in the same
transaction as the escalation mail survives restarts without skipping or
repeating a step. After an outage several steps can be due at once.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from .operator_files import error_message
from .strict import NAME_RE, Strict

UTC = timezone.utc
OPERATORS = "operators"  # the entry targets_for_step returns for "the operators" by default
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIN_HANDOFF = timedelta(hours=1)

Problem = tuple[tuple[str, ...], str]

# ---------------------------------------------------------------------------
# Parsing helpers (also used by the models' validators)

_DURATION_RE = re.compile(r"(\d+)\s*([wdhm])")
_DURATION_FULL_RE = re.compile(r"(\s*\d+\s*[wdhm]\s*)+")
_UNITS = {"w": timedelta(weeks=1), "d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}
_TIME_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def parse_duration(text: str) -> timedelta:
    """``"12h"``, ``"1d"``, ``"7d"``, ``"2w"``, ``"1d12h"``, ``"90m"`` -> timedelta.

    Raises ValueError with an operator-facing message.
    """
    if not isinstance(text, str) or not _DURATION_FULL_RE.fullmatch(text):
        raise ValueError(f'bad duration {text!r}: write a number and a unit (w, d, h, m), e.g. "12h", "1d", "7d"')
    total = timedelta()
    for number, unit in _DURATION_RE.findall(text):
        total += int(number) * _UNITS[unit]
    return total


def format_duration(value: timedelta) -> str:
    """Inverse of parse_duration for display: timedelta(days=7) -> "7d", 36h -> "1d12h"."""
    minutes = int(value.total_seconds() // 60)
    if minutes <= 0:
        return "0m"
    parts = []
    for unit, size in (("d", 1440), ("h", 60), ("m", 1)):
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


def _parse_clock(text: Any, *, allow_24: bool) -> int:
    """ "HH:MM" -> minutes after midnight."""
    if isinstance(text, str):
        if allow_24 and text == "24:00":
            return 1440
        if m := _TIME_RE.fullmatch(text):
            return int(m.group(1)) * 60 + int(m.group(2))
    raise ValueError(f'bad time {text!r}: use HH:MM (24-hour), e.g. "09:00"')


def _local_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f'bad date/time {value!r}: write local time like "2026-11-02T09:00"') from None
    else:
        raise ValueError(f'bad date/time {value!r}: write local time like "2026-11-02T09:00"')
    if dt.tzinfo is not None:
        raise ValueError(f"{_show(dt)} has a UTC offset: write local time without one "
                         "(the rotation's timezone applies)")
    return dt


def _duration_value(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    return parse_duration(value)


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown timezone {value!r}") from None
    return value


LocalDateTime = Annotated[datetime, BeforeValidator(_local_datetime)]
Duration = Annotated[timedelta, BeforeValidator(_duration_value)]


def _show(dt: datetime) -> str:
    """2026-12-24T00:00 (seconds only when non-zero)."""
    return dt.isoformat(timespec="seconds" if dt.second else "minutes")


# ---------------------------------------------------------------------------
# Models


class Restrict(Strict):
    """Days and hours (rotation timezone) during which a layer is on call."""

    model_config = ConfigDict(populate_by_name=True)

    days: list[str] = list(DAYS)
    from_: str = Field("00:00", alias="from")
    to: str = "24:00"

    @field_validator("days")
    @classmethod
    def _days(cls, days: list[str]) -> list[str]:
        if not days:
            raise ValueError("days is empty: the layer would never be on call")
        for day in days:
            if day not in DAYS:
                raise ValueError(f"unknown day {day!r}: use {', '.join(DAYS)}")
        return days

    @field_validator("from_")
    @classmethod
    def _from(cls, value: str) -> str:
        _parse_clock(value, allow_24=False)
        return value

    @field_validator("to")
    @classmethod
    def _to(cls, value: str) -> str:
        _parse_clock(value, allow_24=True)
        return value

    @property
    def from_minute(self) -> int:
        return _parse_clock(self.from_, allow_24=False)

    @property
    def to_minute(self) -> int:
        return _parse_clock(self.to, allow_24=True)

    def active(self, local: datetime) -> bool:
        """Whether the wall-clock time ``local`` (in the rotation zone) is inside the window."""
        start, end = self.from_minute, self.to_minute
        minute = local.hour * 60 + local.minute
        day = DAYS[local.weekday()]
        if start < end:
            return day in self.days and start <= minute < end
        if end < start:  # crosses midnight; days name the day the window opens
            yesterday = DAYS[(local.weekday() - 1) % 7]
            return (day in self.days and minute >= start) or (yesterday in self.days and minute < end)
        return False  # from == to: refused by validate_oncall


class Layer(Strict):
    name: str
    members: list[str] = []
    start: LocalDateTime
    handoff_every: Duration
    restrict: Restrict | None = None

    @field_validator("handoff_every")
    @classmethod
    def _every(cls, value: timedelta) -> timedelta:
        if value < MIN_HANDOFF:
            raise ValueError(f"handoff_every must be at least 1h (got {format_duration(value)!r})")
        return value


class Override(Strict):
    layer: str
    member: str
    start: LocalDateTime
    end: LocalDateTime
    note: str | None = None


class Rotation(Strict):
    timezone: str
    layers: list[Layer] = Field(min_length=1)
    overrides: list[Override] = []

    _check_tz = field_validator("timezone")(classmethod(lambda cls, v: _check_timezone(v)))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def layer(self, name: str) -> Layer | None:
        return next((layer for layer in self.layers if layer.name == name), None)


class EscalationStep(Strict):
    after_minutes: int = Field(ge=0, le=7 * 24 * 60)
    notify: Literal["next_layer", "everyone", "operators"]

    @property
    def after(self) -> timedelta:
        return timedelta(minutes=self.after_minutes)


class EscalationPolicy(Strict):
    steps: list[EscalationStep] = Field(min_length=1)


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class LayerOnCall:
    name: str
    member: str | None
    reason: str  # "rotation" | "override" | "outside hours" | "empty" | "not started"
    note: str | None = None  # the override's note


@dataclass(frozen=True)
class OnCallResult:
    at: datetime  # UTC
    layers: list[LayerOnCall]
    primary: str | None  # member of the first layer with somebody
    primary_layer: str | None
    fell_through: list[str]  # layers before the primary (all layers if none) that had nobody
    unstaffed: list[str] = field(default_factory=list)  # layers empty for a reason that needs an alert

    @property
    def needs_alert(self) -> bool:
        """Nobody on call at all, or a layer is empty for a reason other than its hours."""
        return self.primary is None or bool(self.unstaffed)


@dataclass(frozen=True)
class Handoff:
    at: datetime  # UTC
    layer: str
    from_member: str | None
    to_member: str | None
    reason: str  # the new state's reason ("rotation", "override", "outside hours"...)


ALERT_REASONS = frozenset({"empty", "not started"})

# ---------------------------------------------------------------------------
# Time helpers


def _utc(at: datetime, name: str = "at") -> datetime:
    if not isinstance(at, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(at).__name__}")
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {at.isoformat()})")
    return at.astimezone(UTC)


def _wall(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def resolve_local(local: datetime, tz: ZoneInfo | str) -> datetime:
    """The first instant (UTC) at which the wall clock in ``tz`` shows ``local`` or later.

    Ordinary times map one to one. A time inside a spring-forward gap maps to
    the moment the clocks jump (02:30 -> 03:00 new time); a time inside a
    fall-back overlap maps to its first occurrence.
    """
    if local.tzinfo is not None:
        raise ValueError("resolve_local takes a naive local time")
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    first = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(first, zone) == local:
        return first  # exists (fold=0 is the first occurrence when ambiguous)
    # In a gap: fold=1 uses the offset after the jump (wall before `local`),
    # fold=0 the offset before it (wall after `local`). Find the jump.
    lo = math.floor(local.replace(tzinfo=zone, fold=1).astimezone(UTC).timestamp())
    hi = math.ceil(first.timestamp())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _wall(datetime.fromtimestamp(mid, UTC), zone) >= local:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def local_time(staff_tz: str | ZoneInfo, at: datetime) -> datetime:
    """``at`` shown in a staff member's zone (for the CLI and forwards)."""
    zone = ZoneInfo(staff_tz) if isinstance(staff_tz, str) else staff_tz
    return _utc(at).astimezone(zone)


def parse_at(text: str, default_tz: str | ZoneInfo = "UTC") -> datetime:
    """Parse a CLI ``--at`` value: ISO 8601 with an offset, or local time in ``default_tz``.

    ``"2026-12-24T10:00+01:00"``, ``"2026-12-24T10:00Z"``, ``"2026-12-24 10:00"``,
    ``"2026-12-24"``. Local times follow :func:`resolve_local`. Returns UTC.
    """
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'bad time {text!r}: use ISO 8601, e.g. "2026-12-24T10:00" '
                         f'or "2026-12-24T10:00+01:00"') from None
    if parsed.tzinfo is None:
        return resolve_local(parsed, default_tz)
    return parsed.astimezone(UTC)


# ---------------------------------------------------------------------------
# Who is on call


def _handoff(layer: Layer, zone: ZoneInfo, k: int) -> datetime:
    return resolve_local(layer.start + k * layer.handoff_every, zone)


def _slot(layer: Layer, zone: ZoneInfo, at: datetime) -> int | None:
    """Index of the last handoff at or before ``at`` (UTC); None before the first."""
    if at < _handoff(layer, zone, 0):
        return None
    k = max((_wall(at, zone) - layer.start) // layer.handoff_every, 0)
    while _handoff(layer, zone, k + 1) <= at:
        k += 1
    while k > 0 and _handoff(layer, zone, k) > at:
        k -= 1
    return k


def _override_at(rotation: Rotation, layer: Layer, zone: ZoneInfo, at: datetime) -> Override | None:
    for override in rotation.overrides:
        if override.layer != layer.name:
            continue
        if resolve_local(override.start, zone) <= at < resolve_local(override.end, zone):
            return override
    return None


def _layer_state(rotation: Rotation, layer: Layer, zone: ZoneInfo, at: datetime) -> LayerOnCall:
    if layer.restrict is not None and not layer.restrict.active(at.astimezone(zone)):
        return LayerOnCall(layer.name, None, "outside hours")
    if (override := _override_at(rotation, layer, zone, at)) is not None:
        return LayerOnCall(layer.name, override.member, "override", override.note)
    if not layer.members:
        return LayerOnCall(layer.name, None, "empty")
    k = _slot(layer, zone, at)
    if k is None:
        return LayerOnCall(layer.name, None, "not started")
    return LayerOnCall(layer.name, layer.members[k % len(layer.members)], "rotation")


def on_call(rotation: Rotation, at: datetime) -> OnCallResult:
    """Who is on call in each layer of ``rotation`` at ``at`` (aware)."""
    at = _utc(at)
    zone = rotation.zone
    layers = [_layer_state(rotation, layer, zone, at) for layer in rotation.layers]
    primary = next((layer for layer in layers if layer.member is not None), None)
    fell_through: list[str] = []
    for layer in layers:
        if layer is primary:
            break
        fell_through.append(layer.name)
    return OnCallResult(
        at=at,
        layers=layers,
        primary=primary.member if primary else None,
        primary_layer=primary.name if primary else None,
        fell_through=fell_through,
        unstaffed=[layer.name for layer in layers if layer.reason in ALERT_REASONS],
    )


# ---------------------------------------------------------------------------
# Next handoffs


def _rotation_changes(layer: Layer, zone: ZoneInfo, after: datetime, limit: datetime) -> Iterator[datetime]:
    if not layer.members:
        return
    k = _slot(layer, zone, after)
    k = 0 if k is None else k + 1
    while (t := _handoff(layer, zone, k)) <= limit:
        if t > after:
            yield t
        k += 1


def _window_changes(restrict: Restrict, zone: ZoneInfo, after: datetime, limit: datetime) -> Iterator[datetime]:
    day = _wall(after, zone).date() - timedelta(days=1)
    edges = sorted({restrict.from_minute, restrict.to_minute})
    while True:
        midnight = datetime.combine(day, time())
        for minute in edges:
            t = resolve_local(midnight + timedelta(minutes=minute), zone)
            if t > limit:
                return
            if t > after:
                yield t
        day += timedelta(days=1)


def _layer_changes(rotation: Rotation, layer: Layer, zone: ZoneInfo, after: datetime,
                   limit: datetime) -> Iterator[datetime]:
    """Instants (ascending, maybe repeated) at which the layer's state may change."""
    bounds = sorted(
        t
        for o in rotation.overrides
        if o.layer == layer.name
        for t in (resolve_local(o.start, zone), resolve_local(o.end, zone))
        if after < t <= limit
    )
    streams: list[Iterable[datetime]] = [bounds, _rotation_changes(layer, zone, after, limit)]
    if layer.restrict is not None:
        streams.append(_window_changes(layer.restrict, zone, after, limit))
    return heapq.merge(*streams)


def _tagged(instants: Iterable[datetime], index: int) -> Iterator[tuple[datetime, int]]:
    for t in instants:
        yield t, index


def next_handoffs(rotation: Rotation, after: datetime, count: int = 3, *, layer: str | None = None,
                  within: timedelta = timedelta(days=366)) -> list[Handoff]:
    """The next ``count`` changes of who is on call, strictly after ``after``.

    A handoff is any change of a layer's member: rotation turns, overrides
    starting or ending, ``restrict`` windows opening or closing (``to_member``
    or ``from_member`` is then None). Ordered by time, then layer order. Only
    ``layer`` if given; looks no further than ``within``.
    """
    after = _utc(after, "after")
    limit = after + within
    zone = rotation.zone
    layers = [lay for lay in rotation.layers if layer is None or lay.name == layer]
    if layer is not None and not layers:
        raise ValueError(f"unknown layer {layer!r}")
    order = {lay.name: i for i, lay in enumerate(rotation.layers)}
    streams = [_tagged(_layer_changes(rotation, lay, zone, after, limit), order[lay.name]) for lay in layers]
    current = {lay.name: _layer_state(rotation, lay, zone, after) for lay in layers}
    handoffs: list[Handoff] = []
    previous = None
    for t, index in heapq.merge(*streams):
        if (t, index) == previous:
            continue
        previous = (t, index)
        lay = rotation.layers[index]
        state = _layer_state(rotation, lay, zone, t)
        before = current[lay.name]
        current[lay.name] = state
        if state.member != before.member:
            handoffs.append(Handoff(t, lay.name, before.member, state.member, state.reason))
            if len(handoffs) >= count:
                break
    return handoffs


# ---------------------------------------------------------------------------
# Escalation


def targets_for_step(rotation: Rotation, step: EscalationStep | None, at: datetime,
                     operators: Sequence[str] = (OPERATORS,), notified: Iterable[str] | None = None) -> list[str]:
    """Who to notify for ``step`` at ``at``: staff ids, plus the ``operators`` entries.

    ``step=None`` is the initial forward: the primary on call, or the
    operators when nobody is. ``operators`` is what stands for the operators in
    the result (default the single entry ``"operators"``; pass
    ``config.service.operators`` to get their addresses). ``notified`` is the
    staff already sent this case (for ``next_layer``); None means the current
    primary only. See the module docstring for each ``notify`` value.
    """
    result = on_call(rotation, at)
    if step is None:
        return [result.primary] if result.primary is not None else list(operators)
    if step.notify == "operators":
        return list(operators)
    if step.notify == "next_layer":
        done = set(notified) if notified is not None else {result.primary}
        for layer in result.layers:
            if layer.member is not None and layer.member not in done:
                return [layer.member]
        return list(operators)
    # everyone
    people: list[str] = []
    for layer, state in zip(rotation.layers, result.layers):
        for member in [*layer.members, state.member]:
            if member is not None and member not in people:
                people.append(member)
    return people + [op for op in operators if op not in people]


def due_steps(policy: EscalationPolicy | None, created_at: datetime, now: datetime, already_done: int) -> list[int]:
    """Indexes of the steps due at ``now`` that are not done yet (``already_done`` = steps done so far)."""
    created, current = _utc(created_at, "created_at"), _utc(now, "now")
    if policy is None:
        return []
    if already_done < 0:
        raise ValueError("already_done must be >= 0")
    return [i for i in range(already_done, len(policy.steps)) if created + policy.steps[i].after <= current]


def next_escalation_at(policy: EscalationPolicy | None, created_at: datetime, already_done: int) -> datetime | None:
    """When the next step not done yet is due (UTC), or None if there is none (for scheduling and display)."""
    created = _utc(created_at, "created_at")
    if policy is None or already_done >= len(policy.steps):
        return None
    return created + policy.steps[max(already_done, 0)].after


# ---------------------------------------------------------------------------
# Validation


def _pydantic_problems(exc: ValidationError, prefix: tuple[str, ...]) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors():
        loc = prefix + tuple(str(p) for p in err["loc"])
        problems.append((loc, error_message(err)))
    return problems


def _validate_rotation(name: str, rotation: Rotation, staff: Collection[str]) -> list[Problem]:
    base = ("rotations", name)
    problems: list[Problem] = []
    if not NAME_RE.match(name):
        problems.append((base, "rotation names are lower-case letters, digits, - and _"))
    zone = rotation.zone
    seen: set[str] = set()
    for i, layer in enumerate(rotation.layers):
        where = base + ("layers", str(i))
        if not NAME_RE.match(layer.name):
            problems.append((where + ("name",), "layer names are lower-case letters, digits, - and _"))
        elif layer.name in seen:
            problems.append((where + ("name",), f"layer name {layer.name!r} is used twice"))
        seen.add(layer.name)
        for member in layer.members:
            if member not in staff:
                problems.append((where + ("members",), f"unknown staff member {member!r}"))
        if layer.restrict is not None and layer.restrict.from_minute == layer.restrict.to_minute:
            problems.append((where + ("restrict", "to"), "'to' equals 'from': the window would be empty"))
    names = [layer.name for layer in rotation.layers]
    valid: dict[str, list[tuple[datetime, datetime, Override]]] = {}
    for j, override in enumerate(rotation.overrides):
        where = base + ("overrides", str(j))
        if override.layer not in names:
            problems.append((where + ("layer",), f"unknown layer {override.layer!r} (layers: {', '.join(names)})"))
        if override.member not in staff:
            problems.append((where + ("member",), f"unknown staff member {override.member!r}"))
        start, end = resolve_local(override.start, zone), resolve_local(override.end, zone)
        if end <= start:
            problems.append((where + ("end",),
                             f"end ({_show(override.end)}) must be after start ({_show(override.start)})"))
            continue
        for other_start, other_end, other in valid.get(override.layer, []):
            if start < other_end and other_start < end:
                problems.append((where + ("start",),
                                 f"overlaps another override of layer {override.layer!r} "
                                 f"({_show(other.start)} to {_show(other.end)})"))
                break
        valid.setdefault(override.layer, []).append((start, end, override))
    if not any(layer.members for layer in rotation.layers) and not rotation.overrides:
        problems.append((base + ("layers",), "no layer has members: nobody would ever be on call"))
    return problems


def _validate_policy(level: str, policy: EscalationPolicy, levels: Sequence[str]) -> list[Problem]:
    base = ("escalation", level)
    problems: list[Problem] = []
    if level not in levels:
        problems.append((base, f"unknown urgency {level!r} (levels: {', '.join(levels)})"))
    for i in range(1, len(policy.steps)):
        previous, step = policy.steps[i - 1], policy.steps[i]
        if step.after_minutes <= previous.after_minutes:
            problems.append((base + ("steps", str(i), "after_minutes"),
                             f"must be greater than the previous step's ({previous.after_minutes})"))
    return problems


def validate_oncall(rotations: Mapping[str, Rotation | Mapping[str, Any]],
                    escalation: Mapping[str, EscalationPolicy | Mapping[str, Any]],
                    staff_ids: Collection[str], urgency_levels: Sequence[str]) -> list[Problem]:
    """Problems as (key path from the config root, message), ready for ``file:line: key: message``.

    Entries may be models (cross-reference checks only: their syntax was
    checked when they were built) or raw TOML mappings (syntax checks too, in
    the same words as the model validators).
    """
    problems: list[Problem] = []
    for name, rotation in rotations.items():
        if not isinstance(rotation, Rotation):
            try:
                rotation = Rotation.model_validate(rotation)
            except ValidationError as exc:
                problems.extend(_pydantic_problems(exc, ("rotations", name)))
                continue
        problems.extend(_validate_rotation(name, rotation, staff_ids))
    for level, policy in escalation.items():
        if not isinstance(policy, EscalationPolicy):
            try:
                policy = EscalationPolicy.model_validate(policy)
            except ValidationError as exc:
                problems.extend(_pydantic_problems(exc, ("escalation", level)))
                continue
        problems.extend(_validate_policy(level, policy, urgency_levels))
    return problems
