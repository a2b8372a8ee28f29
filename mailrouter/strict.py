"""Base of every operator-facing model: unknown keys are errors, values are frozen."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def error_message(err: dict, unknown_key: str = "unknown key (check the spelling; see README 'Configuration')") -> str:
    """A pydantic error as an operator reads it (no "Value error, " noise)."""
    if err["type"] == "extra_forbidden":
        return unknown_key
    if err["type"] == "missing":
        return "required key is missing"
    msg = err["msg"]
    return msg[len("Value error, "):] if msg.startswith("Value error, ") else msg
