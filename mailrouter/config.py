"""config.toml -> validated pydantic models.

Loading is strict (``extra="forbid"`` everywhere) because a typo in an
operator's config must never silently change who gets an emergency. Every
error is reported as ``file:line: key: message`` so it can be fixed without
reading a traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from .oncall import EscalationPolicy, Rotation, validate_oncall
from .operator_files import FileProblem, OperatorFileError, TomlLocator, error_message, location, parse_toml, read_text
from .strict import NAME_RE, Strict

ADDRESS_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


class ConfigError(OperatorFileError):
    """A configuration problem, already formatted for an operator."""


def _address(value: str) -> str:
    if not ADDRESS_RE.match(value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value.lower()


def _fingerprint(value: str) -> str:
    fpr = value.replace(" ", "").upper()
    if not re.fullmatch(r"[0-9A-F]{40}", fpr):  # OpenPGP v4, what GnuPG 2.2 makes and reads
        raise ValueError("key must be a full 40 hex digit fingerprint")
    return fpr


Address = Annotated[str, Field(min_length=3, max_length=254)]
TlsMode = Literal["none", "starttls", "tls"]


class Secret(Strict):
    """Where a secret comes from: an environment variable or a file. Never inline."""

    password_env: str | None = None
    password_file: Path | None = None

    def resolve_password(self) -> str | None:
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise ConfigError([f"environment variable {self.password_env} is not set"])
            return value
        if self.password_file:
            try:
                return self.password_file.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise ConfigError([f"cannot read password file {self.password_file}: {exc.strerror}"]) from None
        return None


class ImapAccount(Secret):
    host: str
    port: int = Field(993, ge=1, le=65535)
    tls: TlsMode = "tls"
    username: str
    verify_tls: bool = True
    timeout: float = Field(30.0, gt=0)


class SmtpConfig(Secret):
    host: str
    port: int = Field(587, ge=1, le=65535)
    tls: TlsMode = "starttls"
    username: str | None = None
    verify_tls: bool = True
    timeout: float = Field(30.0, gt=0)


class Mailbox(Strict):
    address: Address
    account: str | None = None  # IMAP account name
    maildir: Path | None = None  # alternative source: a Maildir directory
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    idle: bool = True
    poll_interval: int = Field(60, ge=1, le=86400)
    team: str
    rotation: str | None = None  # who is on call; without one, the whole team gets the case
    default_urgency: str
    acknowledge: bool = True
    key: str | None = None  # service key of this address (default: crypto.service_key)

    _check_address = field_validator("address")(classmethod(lambda cls, v: _address(v)))
    _check_key = field_validator("key")(classmethod(lambda cls, v: None if v is None else _fingerprint(v)))

    @model_validator(mode="after")
    def _one_source(self) -> "Mailbox":
        if (self.account is None) == (self.maildir is None):
            raise ValueError("set exactly one of 'account' (IMAP) or 'maildir'")
        if self.processed_folder == self.folder:
            raise ValueError("processed_folder must differ from folder")
        return self


class Staff(Strict):
    name: str
    address: Address
    timezone: str = "UTC"
    key: str | None = None  # pinned OpenPGP fingerprint

    _check_address = field_validator("address")(classmethod(lambda cls, v: _address(v)))

    @field_validator("key")
    @classmethod
    def _fingerprint(cls, value: str | None) -> str | None:
        return None if value is None else _fingerprint(value)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {value!r}") from None
        return value


class Team(Strict):
    members: list[str] = Field(min_length=1)


class UrgencyConfig(Strict):
    levels: list[str] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _unique(cls, levels: list[str]) -> list[str]:
        if len(set(levels)) != len(levels):
            raise ValueError("urgency levels must be unique")
        for level in levels:
            if not NAME_RE.match(level):
                raise ValueError(f"invalid level name {level!r}")
        return levels

    def rank(self, level: str) -> int:
        return self.levels.index(level)


class StoreConfig(Strict):
    """``hash_key_file`` / ``hash_key_env``: the key of the sender hashes, kept outside
    the store (default: ``<database>.hash-key`` beside an SQLite database)."""

    url: str = "sqlite:///mailrouter.db"
    hash_key_file: Path | None = None
    hash_key_env: str | None = Field(None, min_length=1)

    @field_validator("url")
    @classmethod
    def _scheme(cls, url: str) -> str:
        if not (url.startswith("sqlite:///") or url.startswith(("postgresql://", "postgresql+psycopg://"))):
            raise ValueError("store url must start with sqlite:/// or postgresql://")
        return url

    @model_validator(mode="after")
    def _key_for_postgres(self) -> "StoreConfig":
        if self.hash_key_file is not None and self.hash_key_env is not None:
            raise ValueError("set hash_key_file or hash_key_env, not both")
        if self.url.startswith("postgresql") and self.hash_key_file is None and self.hash_key_env is None:
            raise ValueError("a PostgreSQL store needs hash_key_file (the same key file on every instance) or "
                             "hash_key_env: the key of the sender hashes")
        return self


class DeliveryConfig(Strict):
    retry_initial_seconds: float = Field(30.0, gt=0)
    retry_max_seconds: float = Field(1800.0, gt=0)
    alert_after_attempts: int = Field(5, ge=1)
    batch_size: int = Field(50, ge=1)
    interval_seconds: float = Field(5.0, gt=0)
    keep_sent_days: float = Field(7.0, ge=0)  # then the bytes of sent mail are erased (the record stays)


class AckConfig(Strict):
    window_seconds: int = Field(3600, ge=0)  # at most one ack per sender per window
    subject_echo: bool = False


class LanguageConfig(Strict):
    languages: list[str] | None = None  # restrict statistical detection to these; None = all supported
    min_confidence: float = Field(0.5, ge=0, le=1)

    @field_validator("languages")
    @classmethod
    def _known(cls, languages: list[str] | None) -> list[str] | None:
        if languages is not None:
            from .language import LanguageDetector

            try:
                LanguageDetector(languages)  # validates codes; the model loads lazily, not here
            except ValueError as exc:
                raise ValueError(str(exc)) from None
        return languages


class CryptoConfig(Strict):
    """OpenPGP. Two GnuPG homes: the service's (secret keys + pinned staff keys)
    and the correspondents' (keys learned from mail, never trusted further)."""

    home: Path
    correspondents_home: Path
    service_key: str  # fingerprint of the default service key (decrypts, signs)
    passphrase_env: str | None = None
    passphrase_file: Path | None = None
    encrypt_all_forwards: bool = True  # also forwards of mail that arrived in plaintext
    outer_metadata: Literal["urgency-and-case", "case", "none"] = "urgency-and-case"
    max_output_bytes: int = Field(50_000_000, ge=1_000_000)
    timeout_seconds: float = Field(30.0, gt=0)

    @field_validator("service_key")
    @classmethod
    def _fpr(cls, value: str) -> str:
        return _fingerprint(value)

    def resolve_passphrase(self) -> str | None:
        return Secret(password_env=self.passphrase_env, password_file=self.passphrase_file).resolve_password()


class AuthenticationConfig(Strict):
    """What the service believes about who sent a mail (design.md, "Trust").

    ``trusted_authserv_id`` names the operator's own MTA: only the topmost
    Authentication-Results header with that authserv-id is read (RFC 8601);
    unset, no Authentication-Results header is believed. ``claim_methods``
    says what authenticates a staff member's claim by mail: "openpgp" (a
    signature by the staff member's pinned key, checked in the service home)
    and, only with a trusted MTA, "dmarc" (a DMARC pass for the staff
    address's domain recorded by that MTA).
    """

    trusted_authserv_id: str | None = Field(None, min_length=1, max_length=255)
    claim_methods: list[Literal["openpgp", "dmarc"]] = Field(default_factory=lambda: ["openpgp"])

    @model_validator(mode="after")
    def _dmarc_needs_mta(self) -> "AuthenticationConfig":
        if "dmarc" in self.claim_methods and not self.trusted_authserv_id:
            raise ValueError('claim_methods "dmarc" needs trusted_authserv_id (the authserv-id your MTA writes '
                             "into Authentication-Results)")
        return self


class ServiceConfig(Strict):
    domain: str  # used in Message-IDs of outgoing mail
    operators: list[Address] = Field(min_length=1)
    alert_from: Address
    templates_dir: Path = Path("templates")
    rules_dir: Path = Path("rules")
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    metrics_address: str | None = None  # "127.0.0.1:9464": Prometheus metrics of `run`; off when unset

    _check_ops = field_validator("operators")(
        classmethod(lambda cls, v: [_address(a) for a in v])
    )
    _check_from = field_validator("alert_from")(classmethod(lambda cls, v: _address(v)))


class Config(Strict):
    service: ServiceConfig
    store: StoreConfig = StoreConfig()
    smtp: SmtpConfig
    delivery: DeliveryConfig = DeliveryConfig()
    acknowledgements: AckConfig = AckConfig()
    authentication: AuthenticationConfig = AuthenticationConfig()
    language: LanguageConfig = LanguageConfig()
    crypto: CryptoConfig | None = None
    urgency: UrgencyConfig
    accounts: dict[str, ImapAccount] = {}
    mailboxes: dict[str, Mailbox] = Field(min_length=1)
    staff: dict[str, Staff] = Field(min_length=1)
    teams: dict[str, Team] = Field(min_length=1)
    rotations: dict[str, Rotation] = {}
    escalation: dict[str, EscalationPolicy] = {}

    @model_validator(mode="after")
    def _references(self) -> "Config":
        problems: list[tuple[tuple[str, ...], str]] = []
        for name, box in self.mailboxes.items():
            if not NAME_RE.match(name):
                problems.append((("mailboxes", name), "mailbox names are lower-case letters, digits, - and _"))
            if box.account is not None and box.account not in self.accounts:
                problems.append((("mailboxes", name, "account"), f"unknown account {box.account!r}"))
            if box.team not in self.teams:
                problems.append((("mailboxes", name, "team"), f"unknown team {box.team!r}"))
            if box.rotation is not None and box.rotation not in self.rotations:
                problems.append((("mailboxes", name, "rotation"), f"unknown rotation {box.rotation!r}"))
            if box.default_urgency not in self.urgency.levels:
                problems.append(
                    (("mailboxes", name, "default_urgency"),
                     f"unknown urgency {box.default_urgency!r} (levels: {', '.join(self.urgency.levels)})")
                )
        for tname, team in self.teams.items():
            for member in team.members:
                if member not in self.staff:
                    problems.append((("teams", tname, "members"), f"unknown staff member {member!r}"))
        problems.extend(validate_oncall(self.rotations, self.escalation, self.staff, self.urgency.levels))
        if problems:
            raise _ReferenceErrors(problems)
        return self

    # --- convenience -------------------------------------------------------
    def own_addresses(self) -> set[str]:
        addresses = {box.address for box in self.mailboxes.values()}
        addresses.add(self.service.alert_from)
        return addresses

    def team_addresses(self, team: str) -> list[str]:
        return [self.staff[m].address for m in self.teams[team].members]

    def staff_addresses(self) -> set[str]:
        return {s.address for s in self.staff.values()}

    def plaintext_logins(self) -> list[str]:
        """Warnings for credentials sent without TLS to another machine (``tls = "none"``)."""
        warnings = []
        for name, account in self.accounts.items():
            if account.tls == "none" and (account.password_env or account.password_file) and not _loopback(account.host):
                warnings.append(f"accounts.{name}: tls = \"none\" sends the IMAP password in plaintext to "
                                f"{account.host}; use tls = \"tls\" or \"starttls\"")
        smtp = self.smtp
        if smtp.tls == "none" and smtp.username and not _loopback(smtp.host):
            warnings.append(f"smtp: tls = \"none\" sends the SMTP login in plaintext to {smtp.host}; "
                            "use tls = \"starttls\" or \"tls\"")
        return warnings


def _loopback(host: str) -> bool:
    import ipaddress

    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class _ReferenceErrors(ValueError):
    def __init__(self, problems: list[tuple[tuple[str, ...], str]]):
        self.problems = problems
        super().__init__("; ".join(msg for _, msg in problems))


# ---------------------------------------------------------------------------
# Loading with file:line error reports


def load_config(path: Path | str, base_dir: Path | None = None) -> Config:
    """Load and validate ``path``. Raises ConfigError with operator-ready lines.

    Relative paths inside the config (maildir, templates_dir, rules_dir...) are
    resolved against ``base_dir`` (default: the config file's directory).
    """
    path = Path(path)
    try:
        text = read_text(path, missing="file not found")
    except FileProblem as problem:
        raise ConfigError([str(problem)]) from None
    return parse_config(text, path, base_dir)


def parse_config(text: str, path: Path, base_dir: Path | None = None) -> Config:
    try:
        data = parse_toml(text, path)
    except FileProblem as problem:
        raise ConfigError([str(problem)]) from None
    locator = TomlLocator(text, arrays=False)
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_validation(exc, path, locator, data)) from None
    return _resolve_paths(config, (base_dir or path.parent).resolve())


def _format_validation(exc: ValidationError, path: Path, locator: TomlLocator, data: dict) -> list[str]:
    lines: list[str] = []
    for err in exc.errors():
        loc = tuple(str(p) for p in err["loc"])
        ctx_error = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_error, _ReferenceErrors):
            for sub_loc, msg in ctx_error.problems:
                lines.append(_line(path, locator, sub_loc, msg))
            continue
        lines.append(_line(path, locator, loc, error_message(err)))
    return lines


def _line(path: Path, locator: TomlLocator, loc: tuple[str, ...], msg: str) -> str:
    key = ".".join(loc) if loc else "(top level)"
    return f"{location(path, locator.find(loc))}: {key}: {msg}"


def _resolve_paths(config: Config, base: Path) -> Config:
    def resolve(p: Path | None) -> Path | None:
        if p is None:
            return None
        p = p.expanduser()
        return p if p.is_absolute() else (base / p)

    boxes = {
        name: box.model_copy(update={"maildir": resolve(box.maildir)}) for name, box in config.mailboxes.items()
    }
    crypto = config.crypto
    if crypto is not None:
        crypto = crypto.model_copy(update={"home": resolve(crypto.home),
                                           "correspondents_home": resolve(crypto.correspondents_home),
                                           "passphrase_file": resolve(crypto.passphrase_file)})
    service = config.service.model_copy(
        update={
            "templates_dir": resolve(config.service.templates_dir),
            "rules_dir": resolve(config.service.rules_dir),
        }
    )
    store = config.store.model_copy(update={"hash_key_file": resolve(config.store.hash_key_file)})
    if store.url.startswith("sqlite:///") and not store.url.startswith("sqlite:////"):
        rel = store.url[len("sqlite:///"):]
        if rel and rel != ":memory:":
            store = store.model_copy(update={"url": "sqlite:///" + str(base / rel)})
    return config.model_copy(update={"mailboxes": boxes, "service": service, "store": store, "crypto": crypto})
