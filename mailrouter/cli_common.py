"""What every ``mailrouter`` sub-command shares: the --config option, the consoles, loading and failing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console

from . import log as logmod
from .config import Config, ConfigError, load_config

# Wide enough for the tables when output goes to a file or CI log.
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

ConfigOption = typer.Option(
    Path(os.environ.get("MAILROUTER_CONFIG", "config.toml")), "--config", "-c",
    help="Path to config.toml (env MAILROUTER_CONFIG).")


def load_or_exit(path: Path) -> Config:
    """The config, or its problems on stderr (file:line) and exit status 2."""
    try:
        config = load_config(path)
    except ConfigError as exc:
        for line in exc.problems:
            err.print(f"[bold red]config error[/] {line}", highlight=False)
        raise typer.Exit(2) from None
    logmod.setup(config.service.log_level)
    return config


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error[/] {message}", highlight=False)
    raise typer.Exit(code)


def store_or_exit(config: Config):
    """The store, or exit 2 with the reason (e.g. the key of the sender hashes is missing)."""
    from .store import open_store

    try:
        return open_store(config)
    except ConfigError as exc:
        for line in exc.problems:
            err.print(f"[bold red]store error[/] {line}", highlight=False)
        raise typer.Exit(2) from None
