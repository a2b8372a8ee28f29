"""Where mail comes from. Every source offers the same small interface.

A source lists the messages waiting in its inbox folder, fetches their raw
bytes without marking them seen, and files a message into the processed
folder once the pipeline has durably decided on it. Sources never delete.
"""

from __future__ import annotations

from typing import Protocol

from ..model import SourceKey


class SourceError(Exception):
    """The source is unreachable or refused an operation (retried later)."""


class Source(Protocol):
    mailbox: str

    def open(self) -> None: ...

    def close(self) -> None: ...

    def pending(self) -> list[SourceKey]:
        """Keys of the messages currently in the inbox folder, oldest first."""

    def fetch(self, keys: list[SourceKey]) -> dict[SourceKey, bytes]:
        """Raw bytes, without setting \\Seen. Missing keys (moved away meanwhile) are left out."""

    def file(self, key: SourceKey) -> None:
        """Move the message to the processed folder. Idempotent."""
