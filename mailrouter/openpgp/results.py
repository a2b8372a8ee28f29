"""What the openpgp package gives back: its error and its result dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CryptoFacts


class CryptoError(Exception):
    """A content-free reason why an OpenPGP operation was refused or failed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class DecryptResult:
    """What :meth:`Crypto.open_message` found out about a message.

    ``inner`` is the readable message (bytes, in memory only) when the message
    arrived encrypted and could be decrypted, else ``None``:

    * PGP/MIME: the outer header fields (minus ``Content-*``/``MIME-Version``)
      with the protected header fields of the decrypted payload replacing theirs
      (RFC 9788 ``hp=`` and ``protected-headers="v1"``, plus Enigmail's legacy
      ``text/rfc822-headers`` part, which is removed), then the decrypted entity.
      RFC 9788 legacy display elements are removed from the body parts.
    * inline PGP: the outer header fields and a new ``text/plain`` body with the
      decrypted text (``multipart/mixed`` when decrypted attachments or text
      outside the armoured block are present).

    ``notes`` are short, content-free remarks for the case's audit trail
    (e.g. ``"sender key imported from Autocrypt header"``).
    ``imported_keys`` lists the fingerprints imported into the correspondents
    keyring while opening this message.
    """

    crypto: CryptoFacts
    inner: bytes | None = None
    notes: list[str] = field(default_factory=list)
    imported_keys: list[str] = field(default_factory=list)
    sender_keys: list[str] = field(default_factory=list)  # usable encryption keys of the sender, oldest first


@dataclass(frozen=True)
class KeyProblem:
    """A problem with a configured key, for ``mailrouter check``."""

    who: str  # "service key" or "staff <name>"
    fingerprint: str
    problem: str  # missing | no_secret_key | expired | expires_soon | revoked | no_encryption_key | no_signing_key | bad_passphrase | invalid
    severity: str  # "error" | "warning"
    message: str  # what is wrong (content-free)
    fix: str  # how to fix it

    def __str__(self) -> str:  # what `check` prints
        return f"{self.severity}: {self.who} {self.fingerprint}: {self.message}. Fix: {self.fix}"
