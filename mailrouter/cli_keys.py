"""``mailrouter keys``: the operator's view of sender key continuity (keycontinuity.py).

The store knows addresses only as pseudonyms: the operator types the address,
which is hashed the same way, so nothing here lists addresses.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.table import Table

from .cli_common import ConfigOption, console, fail, load_or_exit, store_or_exit

keys_app = typer.Typer(no_args_is_help=True, help="Sender keys: show, confirm or reject a changed key.")


def _store_and_hash(config_path: Path, address: str):
    store = store_or_exit(load_or_exit(config_path))
    return store, store.pseudonym(address.strip().lower())


def _fingerprint(value: str) -> str:
    fpr = value.replace(" ", "").upper()
    if not re.fullmatch(r"[0-9A-F]{40}", fpr):
        fail("give the full 40 hex digit fingerprint", 2)
    return fpr


@keys_app.command("show")
def keys_show(address: str = typer.Argument(..., help="The sender's address."),
              config_path: Path = ConfigOption) -> None:
    """Every key this address has used, with its status and first/last seen times."""
    store, sender_hash = _store_and_hash(config_path, address)
    rows = store.sender_key_rows(sender_hash)
    if not rows:
        console.print("no key recorded for this address", highlight=False)
        return
    table = Table(title="sender keys")
    for column in ("fingerprint", "status", "first seen", "last seen", "decided by"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.fingerprint, row.status, f"{row.first_seen:%Y-%m-%d %H:%M}",
                      f"{row.last_seen:%Y-%m-%d %H:%M}", row.decided_by or "")
    console.print(table)


def _decide(address: str, fingerprint: str, config_path: Path, status: str, done: str) -> None:
    store, sender_hash = _store_and_hash(config_path, address)
    fpr = _fingerprint(fingerprint)
    if not store.set_sender_key(sender_hash, fpr, status):
        fail(f"this address never used key {fpr} (see 'mailrouter keys show ADDRESS')")
    console.print(f"key {fpr} {done}", highlight=False)


@keys_app.command("confirm")
def keys_confirm(address: str = typer.Argument(..., help="The sender's address."),
                 fingerprint: str = typer.Argument(..., help="The new key's fingerprint."),
                 config_path: Path = ConfigOption) -> None:
    """Trust a changed key (after checking it with the sender another way); the old one is retired."""
    _decide(address, fingerprint, config_path, "current", "confirmed: acknowledgements are encrypted to it")


@keys_app.command("reject")
def keys_reject(address: str = typer.Argument(..., help="The sender's address."),
                fingerprint: str = typer.Argument(..., help="The key's fingerprint."),
                config_path: Path = ConfigOption) -> None:
    """Never use this key for the address (e.g. a key a forger sent)."""
    _decide(address, fingerprint, config_path, "rejected", "rejected: it will never be used for this address")
