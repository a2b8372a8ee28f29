"""Structured logs without personal data.

Log calls carry case ids, tags, mailbox names, counts and keyed hashes only.
Never pass an address, a subject, a body or an exception message that may
quote one (e.g. an SMTP reply naming the recipient): use ``error_kind``.
"""

from __future__ import annotations

import logging
import sys

import structlog

_configured = False


def setup(level: str = "info", json: bool = True) -> None:
    global _configured
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, level.upper()), format="%(message)s")
    renderer = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    # APScheduler reports every job run at INFO in plain text; keep the log JSON and quiet.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    _configured = True


def get(name: str = "mailrouter"):
    if not _configured:
        setup()
    return structlog.get_logger(name)


def error_kind(exc: BaseException) -> str:
    """A content-free description of an exception: its type and, for SMTP/IMAP, the code."""
    code = getattr(exc, "code", None)
    return f"{type(exc).__name__}{f' {code}' if code else ''}"
