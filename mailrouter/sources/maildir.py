"""Maildir source: used by the embedded demo and for local delivery setups.

The processed folder is a Maildir++ sub-folder (``.Processed``). A message is
moved with ``os.rename`` inside one file system, which is atomic.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import SourceKey
from . import SourceError


class MaildirSource:
    def __init__(self, mailbox: str, path: Path, processed_folder: str = "Processed"):
        self.mailbox = mailbox
        self.path = Path(path)
        self.processed = self.path / f".{processed_folder}"
        self.account = f"maildir:{mailbox}"

    def open(self) -> None:
        for base in (self.path, self.processed):
            for sub in ("tmp", "new", "cur"):
                try:
                    (base / sub).mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise SourceError(f"cannot create maildir {base}: {exc.strerror}") from None

    def close(self) -> None:
        pass

    def _key(self, name: str) -> SourceKey:
        return SourceKey(self.account, "INBOX", 0, name.split(":")[0])

    def _locate(self, key: SourceKey) -> Path | None:
        for sub in ("new", "cur"):
            folder = self.path / sub
            for entry in os.scandir(folder):
                if entry.name.split(":")[0] == key.uid:
                    return Path(entry.path)
        return None

    def pending(self) -> list[SourceKey]:
        found: list[tuple[float, str]] = []
        for sub in ("new", "cur"):
            try:
                entries = list(os.scandir(self.path / sub))
            except OSError as exc:
                raise SourceError(f"cannot read maildir: {exc.strerror}") from None
            for entry in entries:
                if entry.is_file() and not entry.name.startswith("."):
                    found.append((entry.stat().st_mtime, entry.name))
        return [self._key(name) for _, name in sorted(found)]

    def fetch(self, keys: list[SourceKey]) -> dict[SourceKey, bytes]:
        result: dict[SourceKey, bytes] = {}
        for key in keys:
            path = self._locate(key)
            if path is not None:
                result[key] = path.read_bytes()
        return result

    def file(self, key: SourceKey) -> None:
        path = self._locate(key)
        if path is None:
            return  # already filed
        target = self.processed / "cur" / (path.name if ":" in path.name else path.name + ":2,S")
        os.rename(path, target)
