"""Test-only fault injection: die, or fail, at a named point of the pipeline.

``MAILROUTER_CRASH_AT=after_commit`` (optionally ``after_commit:3`` for the
third time the point is reached) makes the process SIGKILL itself there, the
way a power cut or the OOM killer would. ``MAILROUTER_FAIL_AT=compose_forward``
(comma-separated points of FAIL_POINTS) raises InjectedFault there instead, the
way a bug or a hostile input would. Unset in production, each costs one
dictionary lookup per call.
"""

from __future__ import annotations

import os
import signal

POINTS = (
    "after_claim",       # ledger row claimed, nothing decided
    "before_commit",     # decision and mail composed, not yet stored
    "after_commit",      # decision + outbox durable, message still in the inbox
    "after_file",        # message moved, ledger not yet marked filed
    "before_send",       # outbox row leased, SMTP not yet contacted
    "after_send",        # SMTP accepted the mail, outbox row not yet marked sent
)
_counts: dict[str, int] = {}


def crashpoint(name: str) -> None:
    spec = os.environ.get("MAILROUTER_CRASH_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


FAIL_POINTS = (
    "compose_forward",      # composing or sealing a forward / escalation
    "compose_raw_forward",  # the same with the original attached as a file (the fallback)
)


class InjectedFault(Exception):
    """Raised by failpoint() where MAILROUTER_FAIL_AT says."""


def failpoint(name: str) -> None:
    spec = os.environ.get("MAILROUTER_FAIL_AT")
    if spec and name in spec.split(","):
        raise InjectedFault(name)
