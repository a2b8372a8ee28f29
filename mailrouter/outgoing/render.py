"""Operator templates, rendered in a jinja2 sandbox.

Templates are operator-editable files, so they are rendered with
``SandboxedEnvironment`` and ``StrictUndefined``: a typo is an error found by
``mailrouter check``, never an empty acknowledgement sent to a person at risk.

Acknowledgement files: ``templates/ack/<mailbox>/<lang>.txt.j2``. The first
line is ``Subject: ...``, then an empty line, then the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .headers import clean_header_value

# Languages whose texts serve a more specific tag (macro-language fallback).
MACROLANGUAGE = {
    "arz": "ar", "apc": "ar", "ary": "ar", "acm": "ar", "ajp": "ar", "arb": "ar",
    "pes": "fa", "prs": "fa", "zh-hans": "zh", "zh-hant": "zh", "zh-cn": "zh", "zh-tw": "zh",
    "cmn": "zh", "yue": "zh", "nb": "no", "nn": "no", "ckb": "ku", "kmr": "ku", "swh": "sw",
    "zsm": "ms", "ind": "id", "pt-br": "pt", "pt-pt": "pt", "es-419": "es",
}

BUILTIN_ACK = (
    "Subject: We received your message [{{ case_tag }}]\n\n"
    "This is an automatic reply. Your message reached {{ mailbox_address }} and a person\n"
    "from the team will read it. Your case reference is {{ case_tag }}.\n"
)


class TemplateProblem(Exception):
    pass


def _problem(exc: Exception, where: str) -> TemplateProblem:
    """Any failure of a template, syntax or run time (``{{ 1 // 0 }}``), as 'file:line: Kind: message'."""
    line = getattr(exc, "lineno", None)
    if line is None:  # a run-time error: jinja2 maps the traceback to template lines
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<template>":
                line = tb.tb_lineno
            tb = tb.tb_next
    message = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    return TemplateProblem(f"{where}:{line}: {message}" if line else f"{where}: {message}")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateProblem(f"{path}: not UTF-8") from None
    except OSError as exc:
        raise TemplateProblem(f"{path}: cannot read: {exc.strerror or type(exc).__name__}") from None


@dataclass(frozen=True)
class RenderedAck:
    subject: str
    body: str
    template: str  # which file (or "builtin") was used
    language: str  # language of the template used ("multi" for the fallback)


def fallback_chain(language: str) -> list[str]:
    """exact -> primary subtag -> macro-language -> multi -> en."""
    lang = (language or "und").lower().replace("_", "-")
    chain: list[str] = []
    for candidate in (lang, lang.split("-")[0], MACROLANGUAGE.get(lang), MACROLANGUAGE.get(lang.split("-")[0])):
        if candidate and candidate != "und" and candidate not in chain:
            chain.append(candidate)
    chain += [c for c in ("multi", "en") if c not in chain]
    return chain


class Templates:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)

    def ack_path(self, template_set: str, language: str) -> tuple[Path | None, str]:
        """``template_set`` is the mailbox name, or the set a rule chose (``ack = "emergency"``)."""
        for lang in fallback_chain(language):
            path = self.root / "ack" / template_set / f"{lang}.txt.j2"
            if path.is_file():
                return path, lang
        return None, "en"

    def render_builtin_ack(self, context: dict[str, Any]) -> RenderedAck:
        """The text used when an operator's template is missing or broken."""
        subject, body = self._render_split(BUILTIN_ACK, context, "builtin")
        return RenderedAck(subject, body, "builtin", "en")

    def render_ack(self, template_set: str, language: str, context: dict[str, Any]) -> RenderedAck:
        path, lang = self.ack_path(template_set, language)
        source = _read(path) if path else BUILTIN_ACK
        subject, body = self._render_split(source, context, str(path or "builtin"))
        return RenderedAck(subject, body, str(path.relative_to(self.root)) if path else "builtin", lang)

    def render_text(self, name: str, context: dict[str, Any], default: str) -> str:
        path = self.root / name
        source = _read(path) if path.is_file() else default
        try:
            return self.env.from_string(source).render(**context)
        except Exception as exc:  # noqa: BLE001 - any failure of an operator's template falls back
            raise _problem(exc, str(path)) from None

    def _render_split(self, source: str, context: dict[str, Any], where: str) -> tuple[str, str]:
        try:
            text = self.env.from_string(source).render(**context)
        except Exception as exc:  # noqa: BLE001 - any failure of an operator's template falls back
            raise _problem(exc, where) from None
        first, _, rest = text.partition("\n")
        if not first.lower().startswith("subject:"):
            raise TemplateProblem(f"{where}: first line must be 'Subject: ...'")
        subject = clean_header_value(first[len("subject:"):].strip())
        return subject, rest.lstrip("\n")

    def validate(self, mailboxes: list[str], forward_sample: dict[str, Any] | None = None) -> list[str]:
        """Render every template with sample values; return problems as 'file:line: message'."""
        problems: list[str] = []
        forward = self.root / "forward.txt.j2"
        if forward_sample is not None and forward.is_file():
            try:
                self.render_text("forward.txt.j2", forward_sample, "")
            except TemplateProblem as exc:
                problems.append(str(exc))
        sample = {"case_tag": "7F3K", "mailbox_address": "intake@example.org", "language": "en",
                  "mailbox": "example", "urgency": "normal"}
        for mailbox in mailboxes:
            folder = self.root / "ack" / mailbox
            if not folder.is_dir():
                problems.append(f"{folder}: no acknowledgement templates for mailbox {mailbox!r} "
                                f"(the built-in English text would be used)")
                continue
            for path in sorted(folder.glob("*.txt.j2")):
                try:
                    source = path.read_text(encoding="utf-8")
                    self.env.parse(source)
                    self._render_split(source, {**sample, "mailbox": mailbox}, str(path))
                except UnicodeDecodeError:
                    problems.append(f"{path}: not UTF-8")
                except TemplateProblem as exc:
                    problems.append(str(exc))
                except Exception as exc:  # noqa: BLE001 - syntax errors (with a line number) and the rest
                    problems.append(str(_problem(exc, str(path))))
        return problems
