"""The service's clock.

Everything that schedules (escalations, retries, leases, ack windows) reads
the time here. ``MAILROUTER_CLOCK_OFFSET_SECONDS`` shifts it, so tests can
let 20 minutes pass in an instant against real servers; unset in production.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone


def now() -> datetime:
    offset = os.environ.get("MAILROUTER_CLOCK_OFFSET_SECONDS")
    current = datetime.now(timezone.utc)
    return current + timedelta(seconds=float(offset)) if offset else current
