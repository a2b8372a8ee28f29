"""OpenPGP for mailrouter: decrypt, verify, encrypt, and sender/staff key handling.

Only this package (:mod:`mailrouter.openpgp`; the gpg runner is in :mod:`.gpg`)
imports :mod:`gnupg`. Everything it
gives back is plain data (``CryptoFacts``, ``Signature`` from :mod:`..model`, and the
small dataclasses of :mod:`.results`) or bytes held in memory.

Guarantees
----------
* **Nothing decrypted touches disk.** Ciphertext goes to gpg on stdin, plaintext
  comes back on stdout into memory. Detached signatures (which can be decrypted
  content, in signed-then-encrypted mail) are handed to gpg over an inherited
  pipe (``--enable-special-filenames``, ``-&FD``), never through a temporary file.
  Nothing here logs message content, addresses or subjects, and python-gnupg's own
  logger (which logs gpg's stderr, including user IDs and literal-data file names,
  at DEBUG) is raised to ERROR on import.
* **No network.** gpg runs with ``--disable-dirmngr --no-auto-key-retrieve
  --no-auto-key-locate --no-auto-key-import``.
* **Bounded work.** gpg gets ``--max-output``; the bytes read back are counted too
  (the process is killed past the limit), and a watchdog kills gpg after
  ``timeout_s``, which also bounds all the gpg calls for one message together.
  A non-zero exit status is a failure even where python-gnupg reports ``ok``
  (it does, for instance, when ``--max-output`` was hit). The MIME walker
  (``_Entity``) keeps spans of the message, not copies, and stops at the limits
  of :mod:`.limits` (size, depth, parts, header block) and at a bound on the
  bytes it scans for delimiters; every text scan is linear. Past a limit
  :meth:`Crypto.open_message` returns the reason as ``CryptoFacts.error``
  ("could not process OpenPGP: more than 500 MIME parts").
* **Passphrases.** The service passphrase is given to gpg per call
  (``--pinentry-mode loopback``, on stdin); the service home's ``gpg-agent.conf``
  is set to ``default-cache-ttl 0`` / ``max-cache-ttl 0`` so the agent keeps
  nothing. The passphrase is never logged and never part of a ``repr``.
* **Never raises to the pipeline.** :meth:`Crypto.open_message` always returns a
  :class:`DecryptResult`; failures are content-free strings in
  ``CryptoFacts.error``. :meth:`Crypto.encrypt_entity` raises only
  :class:`CryptoError` (content-free reason) so the caller can refuse to send.

Two keyrings
------------
``home`` (the *service home*) holds the service secret keys and the pinned staff
public keys. ``correspondents_home`` holds only public keys learned from mail
(attached ``application/pgp-keys`` parts, ``.asc`` key attachments, ``Autocrypt``
headers), imported with ``import-minimal`` and an import filter that keeps only
the user ID whose address is the sender's, and only when such a user ID exists.
Those keys get no ownertrust: they mean "this address sent us this key", no more.

Decryption runs in two gpg processes: the service home only strips the
encryption layer (``--decrypt --unwrap``, output bounded by the ciphertext size),
then the correspondents home (which holds no secret key at all) decompresses,
outputs the literal data and verifies any signature. So signatures are checked
against correspondents' keys, and no secret key is reachable while untrusted,
decompressed data is parsed.

Signature semantics (``model.Signature``)
-----------------------------------------
``status`` says what the cryptography says about the signature; whether the
signer is the sender is a separate flag, so rules can tell "good signature by the
sender" (``status == "valid" and signer_uid_matches_sender``) from "good signature
by someone else" (``status == "valid" and not signer_uid_matches_sender``).

* ``none``         no signature covering the message.
* ``valid``        good signature by a key that is neither expired nor revoked.
* ``invalid``      the signature does not match the data (tampered), or the
                   signature itself has expired.
* ``unknown_key``  we hold no public key for the signer (``fingerprint`` is the
                   issuer fingerprint from the signature, or its 16-hex key ID).
* ``expired_key``  good signature, but the signing key has expired.
* ``revoked_key``  good signature, but the signing key is revoked.
* ``error``        the signature could not be checked (unsupported algorithm,
                   malformed signature part, gpg failure).

``fingerprint`` is the signer's primary-key fingerprint when known.
``signer_uid_matches_sender`` is True only when the signing key (valid, expired
or revoked) has a non-revoked user ID whose addr-spec equals, case-insensitively,
every From address we know for the message: the ``sender`` given by the caller
and, when the decrypted payload carries protected headers, the protected From.

Only signatures that cover the whole message (top level, or the whole decrypted
payload) count. When a message carries several: an ``invalid`` one wins (tamper
evidence is never hidden); otherwise signatures over the plaintext (inside the
encryption) are preferred over a signature over the ciphertext
(encrypted-then-signed), and among those the best in the order valid+matching,
valid, expired_key, revoked_key, unknown_key, error.

Keys learned from the same message are imported *before* verification, so a
first message from a Thunderbird, K-9, Delta Chat or Proton user verifies as
``valid``: that is trust on first use, as strong as "the holder of the key in
this mail signed it", not proof of identity.
"""

from __future__ import annotations

import base64
import email
import email.policy
import html as _html
import logging
import mimetypes
import os
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from ..limits import MAX_MESSAGE_BYTES
from ..model import CryptoFacts, Signature
from .armor import _ARMOR_MESSAGE, _ARMOR_SIGNED
from .encrypt import _Encryption
from .gpg import (
    _CORRUPT,
    _E_BAD_PASSPHRASE,
    _E_CANCELED,
    _E_DIGEST_ALGO,
    _E_NO_PASSPHRASE,
    _E_NO_PUBKEY,
    _E_PUBKEY_ALGO,
    _E_TOO_LARGE,
    _err_codes,
    _GPG,
    _Run,
    _SIG_STATUS,
    _statuses,
    _UNSUPPORTED,
)
from .keycheck import _KeyChecks
from .keyring import (
    _address,
    _FPR,
)
from .keys import _Keys
from .mime import (
    _crlf,
    _Entity,
    _EOL,
    _header_fields,
    _join_multipart,
    _TooCostly,
)
from .results import (
    CryptoError,
    DecryptResult,
)

log = logging.getLogger("mailrouter.crypto")  # the name it had before the split



def passphrase_from(env_var: str | None = None, file: str | os.PathLike | None = None) -> str | None:
    """Read the service key passphrase from an environment variable or a file.

    A file's content is stripped of its trailing newline. Returns None when
    neither is set. Raises CryptoError (never showing the value) when a named
    source is missing or the passphrase contains a line break.
    """
    value: str | None = None
    if env_var:
        if env_var not in os.environ:
            raise CryptoError(f"passphrase environment variable {env_var} is not set")
        value = os.environ[env_var]
    elif file:
        try:
            value = Path(file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CryptoError(f"cannot read passphrase file {file}: {exc.strerror}") from None
    if value is not None and any(c in value for c in "\r\n\x00"):
        raise CryptoError("the passphrase contains a line break or NUL, which gpg cannot take on a pipe")
    return value or None


_TRACE_HEADERS = frozenset(
    {
        "received",
        "return-path",
        "delivered-to",
        "x-original-to",
        "authentication-results",
        "arc-seal",
        "arc-message-signature",
        "arc-authentication-results",
        "dkim-signature",
        "received-spf",
        "mime-version",
        "hp-outer",
    }
)


# --------------------------------------------------------------------------
# Armour and text helpers
# --------------------------------------------------------------------------

MAX_ENCRYPTED_PIECES = 20  # inline blocks and encrypted attachments decrypted per message
_ARMOR_CHARSET = re.compile(rb"^Charset:[ \t]*([A-Za-z0-9_.:-]+)[ \t]*$", re.M | re.I)
_BINARY_PGP_NAMES = (".pgp", ".gpg")
_ARMOR_NAMES = (".asc",)


def _tidy_armor(block: bytes) -> bytes:
    """Strip the spaces that webmail puts around armour lines (base64 has none)."""
    lines = [ln.strip(b" \t\r\xa0") for ln in _EOL.split(block)]
    return b"\n".join(lines) + b"\n"


_BLOCK_OPEN = {k: re.compile(rf"(?i)<{k}\b") for k in ("script", "style")}
_BLOCK_CLOSE = {k: re.compile(rf"(?i)</{k}\s*>") for k in ("script", "style")}


def _drop_script_style(text: str) -> str:
    r"""``re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "", text)`` in linear time."""
    out, pos = [], 0
    ahead = {k: _BLOCK_OPEN[k].search(text) for k in _BLOCK_OPEN}  # next opener of each kind
    while True:
        for k, m in ahead.items():
            if m is not None and m.start() < pos:
                ahead[k] = _BLOCK_OPEN[k].search(text, pos)
        kind = min((k for k in ahead if ahead[k] is not None), key=lambda k: ahead[k].start(), default=None)
        if kind is None:
            break
        opener = ahead[kind]
        close = _BLOCK_CLOSE[kind].search(text, opener.end())
        if close is None:  # nor will any later opener of this kind be closed
            ahead[kind] = None
            continue
        out.append(text[pos:opener.start()])
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


def _html_to_text(data: bytes, charset: str | None) -> bytes:
    try:
        text = data.decode(charset or "utf-8", "replace")
    except LookupError:  # unknown charset
        text = data.decode("utf-8", "replace")
    text = _drop_script_style(text)
    text = re.sub(r"(?i)<br\s*/?>|</(div|p|pre|li|tr|h\d)\s*>", "\n", text)
    text = re.sub(r"<[^<>]*>", "", text)  # not [^>]*: quadratic on many unterminated tags
    text = _html.unescape(text).replace("\xa0", " ")
    return text.encode("utf-8")


def _decode_text(data: bytes, *charsets: str | None) -> str:
    for cs in ("utf-8", *charsets):
        if not cs:
            continue
        try:
            return data.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _strip_suffix(name: str | None) -> str | None:
    if not name:
        return None
    low = name.lower()
    for suf in _ARMOR_NAMES + _BINARY_PGP_NAMES:
        if low.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


# --------------------------------------------------------------------------
# The service
# --------------------------------------------------------------------------

_AGENT_SETTINGS = (
    ("default-cache-ttl", "0"),
    ("max-cache-ttl", "0"),
    ("allow-loopback-pinentry", None),
    ("no-allow-external-cache", None),
)
_SOCKET_MAX = 107  # sun_path


@dataclass
class _Opened:
    """The decrypted payload of one OpenPGP message."""

    data: bytes | None
    sigs: list[dict]
    error: str | None = None
    unwrapped: bytes | None = None  # decrypted OpenPGP packets (before decompression)


class Crypto(_Keys, _Encryption, _KeyChecks):
    """OpenPGP operations over two GnuPG homes (see the module docstring).

    Thread-safe: one python-gnupg object per home, and every gpg call runs under
    this instance's lock. Give each worker process its own instance.
    """

    def __init__(
        self,
        home: Path,
        correspondents_home: Path,
        passphrase: str | None = None,
        gpg_binary: str = "gpg",
        max_output_bytes: int = 50_000_000,
        timeout_s: float = 30,
    ):
        self.home = Path(home)
        self.correspondents_home = Path(correspondents_home)
        if self.home.resolve() == self.correspondents_home.resolve():
            raise CryptoError("the correspondents keyring must be a different GnuPG home from the service home")
        if passphrase is not None and any(c in passphrase for c in "\r\n\x00"):
            raise CryptoError("the passphrase contains a line break or NUL, which gpg cannot take on a pipe")
        # python-gnupg writes the passphrase as latin-1; gpg wants UTF-8 bytes.
        self._passphrase = passphrase.encode("utf-8").decode("latin-1") if passphrase else None
        self.max_output_bytes = int(max_output_bytes)
        self.timeout_s = float(timeout_s)
        self._lock = threading.RLock()
        self._budget = threading.local()  # .deadline: of the message this thread is opening
        binary = shutil.which(gpg_binary) or gpg_binary
        self._gpgconf = shutil.which("gpgconf", path=str(Path(binary).parent)) or shutil.which("gpgconf")
        for h in (self.home, self.correspondents_home):
            h.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                os.chmod(h, 0o700)
            except OSError:
                pass
        self._ensure_agent_conf(self.home)
        env = dict(os.environ, LC_ALL="C", LANGUAGE="C", LANG="C")
        env.pop("GPG_AGENT_INFO", None)
        supported = self._gpg_options(binary, env)
        # required: without them we would leak to the network or misbehave
        required = ["--unwrap", "--max-output", "--enable-special-filenames", "--pinentry-mode", "--no-auto-key-retrieve", "--disable-dirmngr"]
        missing = [o for o in required if o not in supported]
        if missing:
            raise CryptoError(f"{binary} lacks {', '.join(missing)}: GnuPG 2.2 or later is required")
        options = [
            "--no-greeting",
            "--pinentry-mode", "loopback",
            "--disable-dirmngr",
            "--no-auto-key-retrieve",
            "--trust-model", "always",  # trust is our pinning, not the web of trust
            "--max-output", str(self.max_output_bytes + 65536),
            "--keyid-format", "long",
        ]
        # newer hardening options, used when this gpg has them
        options += [o for o in ("--no-auto-key-locate", "--no-auto-key-import", "--no-symkey-cache") if o in supported]
        self._check_socket_path(self.home)
        try:
            self._svc = _GPG(gpgbinary=binary, gnupghome=str(self.home), options=options, env=env, timeout_s=self.timeout_s)
            self._cor = _GPG(gpgbinary=binary, gnupghome=str(self.correspondents_home), options=options, env=env, timeout_s=self.timeout_s)
        except (OSError, ValueError) as exc:
            raise CryptoError(f"cannot run gpg ({binary}): {type(exc).__name__}") from None

    @staticmethod
    def _gpg_options(binary: str, env: dict) -> set[str]:
        try:
            cp = subprocess.run([binary, "--dump-options"], capture_output=True, timeout=10, env=env)
        except (OSError, subprocess.SubprocessError) as exc:
            raise CryptoError(f"cannot run gpg ({binary}): {type(exc).__name__}") from None
        return set(cp.stdout.decode("ascii", "replace").split())

    def __repr__(self) -> str:
        return f"Crypto(home={str(self.home)!r}, correspondents_home={str(self.correspondents_home)!r})"

    # ---------------------------------------------------------------- setup

    def _ensure_agent_conf(self, home: Path) -> None:
        conf = home / "gpg-agent.conf"
        try:
            lines = conf.read_text(encoding="utf-8").splitlines() if conf.exists() else []
        except OSError as exc:
            raise CryptoError(f"cannot read {conf}: {exc.strerror}") from None
        wanted = dict(_AGENT_SETTINGS)
        kept = [ln for ln in lines if (ln.split() or [""])[0] not in wanted]
        new = kept + [f"{k} {v}" if v is not None else k for k, v in _AGENT_SETTINGS]
        if new != lines:
            try:
                conf.write_text("\n".join(new) + "\n", encoding="utf-8")
                os.chmod(conf, 0o600)
            except OSError as exc:
                raise CryptoError(f"cannot write {conf}: {exc.strerror}") from None
            self._gpgconf_call(home, "--reload", "gpg-agent")

    def _gpgconf_call(self, home: Path, *args: str) -> str:
        if not self._gpgconf:
            return ""
        try:
            cp = subprocess.run(
                [self._gpgconf, "--homedir", str(home), *args],
                capture_output=True,
                timeout=10,
                env=dict(os.environ, LC_ALL="C"),
            )
            return cp.stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            return ""

    def _check_socket_path(self, home: Path) -> None:
        socket = self._gpgconf_call(home, "--list-dirs", "agent-socket").strip()
        if socket and len(socket.encode()) > _SOCKET_MAX - len(".browser"):
            raise CryptoError(
                f"GnuPG home {home} is too deep for gpg-agent's socket ({len(socket)} characters): "
                "use a shorter path (e.g. under /var/lib or /tmp)"
            )

    def close(self) -> None:
        """Stop the gpg-agents of both homes (the only processes gpg left running)."""
        with self._lock:
            for home in (self.home, self.correspondents_home):
                self._gpgconf_call(home, "--kill", "gpg-agent")

    def __enter__(self) -> "Crypto":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --------------------------------------------------------------- running

    def _run(self, gpg: _GPG, method: str, *args, sig_data: bytes | None = None, **kwargs) -> _Run:
        """Call a python-gnupg method with output counting, watchdog and optional signature pipe."""
        # We stop gpg as soon as it has written more than the limit; gpg's own
        # --max-output (set a little higher) is the backstop. Relying on gpg alone is
        # not enough: after hitting --max-output it keeps decompressing to the end.
        limit = self.max_output_bytes
        seen = {"n": 0, "over": False}

        def on_data(chunk: bytes):
            seen["n"] += len(chunk)
            if seen["n"] > limit:
                seen["over"] = True
                proc = gpg.current_proc
                if proc is not None and proc.poll() is None:
                    try:
                        proc.kill()
                    except OSError:
                        pass
                return False
            return None

        read_fd = None
        writer = None
        timeout = self._time_left()
        with self._lock:
            gpg.on_data = on_data
            gpg.current_proc = None
            gpg._timeout_s = timeout
            try:
                if sig_data is not None:
                    read_fd, write_fd = os.pipe()
                    gpg._pass_fds = (read_fd,)
                    args = tuple(a.replace("{sigfd}", str(read_fd)) if isinstance(a, str) else a for a in args)

                    def feed(fd=write_fd):
                        try:
                            with os.fdopen(fd, "wb") as f:
                                f.write(sig_data)
                        except OSError:
                            pass

                    writer = threading.Thread(target=feed, daemon=True)
                    writer.start()
                try:
                    result = getattr(gpg, method)(*args, **kwargs)
                except Exception as exc:  # broken pipe when gpg stops early, ValueError...
                    proc = gpg.current_proc
                    timed = bool(proc is not None and proc.pid in gpg._timed_out)
                    if proc is not None:
                        gpg._timed_out.discard(proc.pid)
                        if proc.poll() is None:
                            proc.kill()
                            proc.wait()
                    return _Run(None, None, [], "", b"", timed_out=timed, over_limit=seen["over"], exception=type(exc).__name__)
            finally:
                gpg.on_data = None
                gpg._pass_fds = ()
                gpg.current_proc = None
                gpg._timeout_s = self.timeout_s
                if read_fd is not None:
                    os.close(read_fd)
                if writer is not None:
                    writer.join(5)
        data = getattr(result, "data", b"") or b""
        if isinstance(data, str):
            data = data.encode("latin-1", "replace")
        return _Run(
            result=result,
            rc=getattr(result, "returncode", None),
            statuses=_statuses(result),
            stderr=getattr(result, "stderr", "") or "",
            data=data,
            timed_out=bool(getattr(result, "mailrouter_timed_out", False)),
            over_limit=seen["over"],
        )

    # ------------------------------------------------------------ decryption

    def _decrypt(self, ciphertext: bytes) -> _Opened:
        """Strip encryption in the service home, then decompress + verify in the correspondents home."""
        r1 = self._run(self._svc, "decrypt", ciphertext, passphrase=self._passphrase, extra_args=["--unwrap"])
        if not (r1.rc == 0 and r1.has("DECRYPTION_OKAY") and not r1.has("BADMDC", "DECRYPTION_FAILED")) or r1.timed_out or r1.limit_hit:
            return _Opened(None, [], self._decrypt_failure(r1))
        return self._open_unwrapped(r1.data)

    def _open_unwrapped(self, unwrapped: bytes) -> _Opened:
        r2 = self._run(self._cor, "decrypt", unwrapped)
        error = self._unwrapped_failure(r2)
        if error:
            return _Opened(None, [], error)
        return _Opened(r2.data, _parse_sigs(r2.statuses), unwrapped=unwrapped)

    @staticmethod
    def _decrypt_failure(r: _Run) -> str:
        codes = _err_codes(r.statuses)
        if r.timed_out:
            reason = "gpg took longer than the time limit"
        elif r.limit_hit:
            reason = "output limit exceeded"
        elif r.exception and not r.statuses:
            reason = f"gpg could not be run ({r.exception})"
        elif r.has("NEED_PASSPHRASE_SYM") and not r.has("ENC_TO"):
            reason = "password-encrypted (symmetric) messages are not supported"
        elif codes & _UNSUPPORTED:
            reason = "unsupported algorithm"
        elif r.has("BADMDC"):
            reason = "corrupt ciphertext (integrity check failed)"
        elif r.has("BAD_PASSPHRASE", "MISSING_PASSPHRASE") or codes & {_E_BAD_PASSPHRASE, _E_NO_PASSPHRASE, _E_CANCELED}:
            reason = "service key passphrase missing or wrong"
        elif codes & _CORRUPT:
            reason = "corrupt ciphertext"
        elif r.has("ENC_TO") and len(set(v.split()[0] for v in r.values("NO_SECKEY"))) >= len(set(v.split()[0] for v in r.values("ENC_TO"))):
            reason = "not encrypted to any key we hold"
        elif r.has("NEED_PASSPHRASE") and ("batchmode" in r.stderr or "passphrase" in r.stderr.lower()):
            reason = "service key passphrase missing or wrong"
        elif "not integrity protected" in r.stderr:
            reason = "message is not integrity protected (refused)"
        elif r.has("NODATA") or "no valid OpenPGP data" in r.stderr or "invalid armor" in r.stderr or "CRC error" in r.stderr:
            reason = "corrupt ciphertext"
        elif r.has("DECRYPTION_FAILED"):
            reason = "decryption failed"
        else:
            reason = f"gpg failed (exit status {r.rc})"
        return f"could not decrypt: {reason}"

    @staticmethod
    def _unwrapped_failure(r: _Run) -> str | None:
        """Problems of the decompress/verify step; signature problems alone are not failures."""
        if r.timed_out:
            return "could not decrypt: gpg took longer than the time limit"
        if r.limit_hit:
            return "could not decrypt: output limit exceeded"
        if r.result is None:
            return f"could not decrypt: gpg could not be run ({r.exception})"
        if r.has("NO_SECKEY", "ENC_TO", "NEED_PASSPHRASE_SYM"):
            return "could not decrypt: nested encryption is not supported"
        if not r.has("PLAINTEXT"):
            codes = _err_codes(r.statuses)
            if codes & _UNSUPPORTED:
                return "could not decrypt: unsupported algorithm"
            return "could not decrypt: no literal data in the decrypted message"
        lengths = r.values("PLAINTEXT_LENGTH")
        binary = any(v.split()[:1] == ["62"] for v in r.values("PLAINTEXT"))  # 'b': output is byte-exact
        if binary and lengths and lengths[-1].strip().isdigit() and int(lengths[-1]) != len(r.data):
            return "could not decrypt: decrypted data truncated"
        if r.rc != 0:
            sig_only = r.has(*_SIG_STATUS, "NO_PUBKEY")
            codes = _err_codes(r.statuses) - {_E_NO_PUBKEY}
            if not sig_only or codes & (_UNSUPPORTED | _CORRUPT | {_E_TOO_LARGE}) - {_E_PUBKEY_ALGO, _E_DIGEST_ALGO}:
                return f"could not decrypt: gpg failed after decryption (exit status {r.rc})"
        return None

    # ---------------------------------------------------------- verification

    def _verify_detached(self, signed: bytes, signature: bytes) -> list[dict]:
        """Verify a detached signature over the exact bytes (data on stdin, signature on a pipe)."""
        r = self._run(
            self._cor,
            "verify_data",
            "-&{sigfd}",
            signed,
            sig_data=signature,
            extra_args=["--enable-special-filenames", "--"],
        )
        sigs = _parse_sigs(r.statuses)
        if not sigs or r.timed_out or r.result is None:
            return [{"kind": "ERROR", "why": "could not check"}]
        return sigs

    def _verify_clearsigned(self, armored: bytes) -> list[dict]:
        r = self._run(self._cor, "verify", armored)
        sigs = _parse_sigs(r.statuses)
        return sigs or [{"kind": "ERROR", "why": "could not check"}]

    def _signature(self, sigs: list[dict], senders: set[str]) -> Signature:
        """Reduce the signatures of one layer to one model.Signature."""
        if not sigs:
            return Signature("none")
        out = [self._one_signature(s, senders) for s in sigs]
        for s in out:
            if s.status == "invalid":
                return s
        order = {"valid": 1, "expired_key": 2, "revoked_key": 3, "unknown_key": 4, "error": 5}
        return min(out, key=lambda s: (order.get(s.status, 9) - (0.5 if s.signer_uid_matches_sender else 0)))

    def _one_signature(self, sig: dict, senders: set[str]) -> Signature:
        kind = sig.get("kind")
        fpr = sig.get("fpr") or sig.get("keyid")
        if kind == "ERRSIG":
            status = "unknown_key" if sig.get("rc") == _E_NO_PUBKEY or sig.get("no_pubkey") else "error"
            return Signature(status, fpr, False)
        status = {
            "GOODSIG": "valid",
            "BADSIG": "invalid",
            "EXPSIG": "invalid",
            "EXPKEYSIG": "expired_key",
            "REVKEYSIG": "revoked_key",
        }.get(kind or "", "error")
        if status == "valid" and not sig.get("validsig"):
            status = "error"
        if fpr and len(fpr) == 16 and status in ("invalid", "error"):
            key = self._key_info(self._cor, fpr)
            fpr = key.fingerprint if key is not None else fpr
        matches = False
        if status in ("valid", "expired_key", "revoked_key") and fpr and senders:
            key = self._key_info(self._cor, fpr)
            if key is not None:
                fpr = key.fingerprint
                addrs = key.addresses()
                matches = all(a in addrs for a in senders)
        return Signature(status, fpr, matches)

    # ------------------------------------------------------------ open mail

    def open_message(self, raw: bytes, sender: str | None) -> DecryptResult:
        """Detect encryption and signatures, decrypt and verify in memory, learn sender keys.

        ``sender`` is the From address (addr-spec, or a full From value) of the
        message. Never raises.
        """
        self._budget.deadline = time.monotonic() + self.timeout_s
        try:
            if len(raw) > MAX_MESSAGE_BYTES:
                raise _TooCostly(f"message larger than {MAX_MESSAGE_BYTES >> 20} MB")
            return self._open(raw, _address(sender))
        except _TooCostly as exc:  # past a limit: forwarded as it arrived, with the reason
            log.warning("crypto: message not opened: %s", exc)
            return DecryptResult(CryptoFacts(encrypted=_looks_encrypted(raw), decrypted=False,
                                             error=f"could not process OpenPGP: {exc}"))
        except Exception as exc:  # the promise: never raise to the pipeline
            log.error("crypto: unexpected %s while opening a message", type(exc).__name__)
            return DecryptResult(
                CryptoFacts(
                    encrypted=_looks_encrypted(raw),
                    decrypted=False,
                    error=f"could not process OpenPGP: internal error ({type(exc).__name__})",
                ),
                None,
            )
        finally:
            self._budget.deadline = None

    def _time_left(self) -> float:
        """Seconds a gpg call may take: the per-call limit, or what is left of the
        message's budget (raises _TooCostly when it is used up)."""
        deadline = getattr(self._budget, "deadline", None)
        if deadline is None:
            return self.timeout_s
        left = deadline - time.monotonic()
        if left <= 0:
            raise _TooCostly("took longer than the time limit")
        return min(self.timeout_s, left)

    def _open(self, raw: bytes, sender: str | None) -> DecryptResult:
        root = _Entity(raw, self._budget.deadline)
        result = DecryptResult(CryptoFacts())
        senders: set[str] = {sender} if sender else set()

        # Keys in the outer headers (Autocrypt) first: a signature may need them.
        self._collect_keys([root], None, sender, result)

        outer_sigs: list[dict] | None = None
        target = root
        if root.ctype == "multipart/signed" and (root.param("protocol") or "").lower() != "application/pgp-signature":
            result.notes.append("non-OpenPGP (e.g. S/MIME) signature not checked")
            target = (root.parts() or [root])[0]
        elif root.ctype == "multipart/signed":
            outer_sigs, content = self._verify_mime_signed(root)
            if content is not None and content.ctype == "multipart/encrypted":
                target = content
            else:
                # signed only
                if content is not None:
                    self._collect_keys([], content, sender, result)
                    if outer_sigs and _any_unknown(outer_sigs) and result.imported_keys:
                        outer_sigs, _ = self._verify_mime_signed(root)
                result.crypto.signature = self._signature(outer_sigs or [], senders)
                self._finish_sender(result, senders)
                return result
        if target.ctype != "multipart/encrypted" and target.ctype == "multipart/mixed":
            # e.g. a mailing list that wrapped the encrypted message to add a footer
            for part in target.parts():
                if part.ctype == "multipart/encrypted":
                    target = part
                    result.notes.append("encrypted part found inside multipart/mixed (wrapper parts dropped)")
                    break

        if target.ctype == "multipart/encrypted":
            self._open_pgp_mime(root, target, sender, senders, outer_sigs, result)
        else:
            self._open_inline(root, sender, senders, result)
        self._finish_sender(result, senders)
        return result

    def _finish_sender(self, result: DecryptResult, senders: set[str]) -> None:
        if len(senders) == 1:
            result.sender_keys = self.usable_keys_for_address(next(iter(senders)))
            result.crypto.sender_key_fingerprint = result.sender_keys[-1] if result.sender_keys else None

    def _verify_mime_signed(self, ent: _Entity) -> tuple[list[dict], _Entity | None]:
        """RFC 3156 multipart/signed: verify part 2 over the exact CRLF bytes of part 1."""
        parts = ent.parts()
        if len(parts) != 2:
            return [{"kind": "ERROR", "why": "malformed multipart/signed"}], (parts[0] if parts else None)
        signed, sigpart = parts
        signature = sigpart.decoded()
        if b"-----BEGIN PGP SIGNATURE-----" not in signature and sigpart.ctype != "application/pgp-signature":
            return [{"kind": "ERROR", "why": "not an OpenPGP signature"}], signed
        return self._verify_detached(_crlf(signed.raw), signature), signed

    def _open_pgp_mime(self, root: _Entity, enc: _Entity, sender: str | None, senders: set[str], outer_sigs, result: DecryptResult) -> None:
        result.crypto.encrypted = True
        parts = enc.parts()
        ciphertext = None
        for part in parts[1:] + parts[:1]:
            data = part.decoded()
            if b"-----BEGIN PGP MESSAGE-----" in data:
                m = _ARMOR_MESSAGE.search(data)
                ciphertext = _tidy_armor(m.group(0)) if m else data
                break
        if ciphertext is None and len(parts) >= 2 and parts[1].ctype == "application/octet-stream":
            ciphertext = parts[1].decoded()  # binary OpenPGP (rare, but allowed)
        if not ciphertext:
            result.crypto.error = "could not decrypt: malformed PGP/MIME (no encrypted part)"
            return
        opened = self._decrypt(ciphertext)
        if opened.data is None:
            result.crypto.error = opened.error
            if outer_sigs:
                result.crypto.signature = self._signature(outer_sigs, senders)
            return

        payload = _Entity(opened.data, root.deadline)
        inner_sigs: list[dict] = list(opened.sigs)
        content = payload
        if payload.ctype == "multipart/signed":
            detached, signed = self._verify_mime_signed(payload)
            inner_sigs += detached
            content = signed if signed is not None else payload

        inner, protected_from = self._merge_protected(root, content, result)
        if protected_from and protected_from not in senders:
            if senders:
                result.notes.append("protected From differs from the outer From")
            senders.add(protected_from)

        # keys inside the encrypted payload (and Autocrypt in protected headers)
        key_addr = next(iter(senders)) if len(senders) == 1 else None
        if len(senders) > 1:
            result.notes.append("sender keys not imported: conflicting From addresses")
        before = len(result.imported_keys)
        self._collect_keys([content], content, key_addr, result)
        if len(result.imported_keys) > before and (_any_unknown(inner_sigs) or (outer_sigs and _any_unknown(outer_sigs))):
            # verify again now that the sender's key is known
            opened2 = self._open_unwrapped(opened.unwrapped or b"")
            if opened2.data is not None:
                inner_sigs = list(opened2.sigs)
                if payload.ctype == "multipart/signed":
                    inner_sigs += self._verify_mime_signed(payload)[0]
            if outer_sigs:
                outer_sigs, _ = self._verify_mime_signed(root)

        result.inner = inner
        result.crypto.decrypted = True
        result.crypto.signature = self._combine(inner_sigs, outer_sigs, senders)

    def _combine(self, inner_sigs: list[dict], outer_sigs: list[dict] | None, senders: set[str]) -> Signature:
        inner = self._signature(inner_sigs, senders)
        outer = self._signature(outer_sigs or [], senders)
        if inner.status == "invalid" or (outer.status != "invalid" and inner.status != "none"):
            return inner
        return outer

    # --------------------------------------------------- protected headers

    def _merge_protected(self, root: _Entity, content: _Entity, result: DecryptResult) -> tuple[bytes, str | None]:
        """Outer headers + protected headers (which win) + the decrypted entity."""
        c_fields = _header_fields(content.header_block)
        marker = content.param("hp") or content.param("protected-headers")
        protected: list[tuple[str, bytes]] = []
        if marker:
            protected = [(n, f) for n, f in c_fields if not n.startswith("content-") and n not in _TRACE_HEADERS and not n.startswith("x-mailrouter-")]
        body = content.body
        eol = b"\r\n" if b"\r\n" in content.prefix(4096) or not content.prefix(1) else b"\n"

        # Enigmail / Memory Hole legacy display part: text/rfc822-headers first in a multipart
        if content.is_multipart and content.boundary:
            parts = content.parts()
            if parts and parts[0].ctype == "text/rfc822-headers" and (marker or parts[0].param("protected-headers")):
                legacy = _header_fields(parts[0].decoded().strip(b"\r\n"))
                have = {n for n, _ in protected}
                protected += [(n, f) for n, f in legacy if n not in have and not n.startswith("content-") and n not in _TRACE_HEADERS]
                body = _join_multipart(content.boundary, [p.raw for p in parts[1:]], eol)
                result.notes.append("legacy protected-headers part removed")
            stripped = _strip_legacy_display(_Entity(content.header_block + eol + eol + body, content.deadline))
            if stripped is not None:
                body = _Entity(stripped, content.deadline).body
                result.notes.append("RFC 9788 legacy display removed")
        else:
            stripped = _strip_legacy_display(content)
            if stripped is not None:
                s = _Entity(stripped, content.deadline)
                c_fields = _header_fields(s.header_block)
                body = s.body
                result.notes.append("RFC 9788 legacy display removed")

        if protected:
            result.notes.append("protected headers applied")
        names = {n for n, _ in protected}
        out: list[bytes] = [f for n, f in _header_fields(root.header_block) if not n.startswith("content-") and n != "mime-version" and n not in names]
        out += [f for _, f in protected]
        out.append(b"MIME-Version: 1.0")
        out += [f for n, f in c_fields if n.startswith("content-")]
        inner = eol.join(_crlf(f) if eol == b"\r\n" else f.replace(b"\r\n", b"\n") for f in out) + eol + eol + body
        protected_from = None
        for n, f in protected:
            if n == "from":
                protected_from = _address(_field_value(f))
                break
        return inner, protected_from

    # -------------------------------------------------------------- inline

    def _open_inline(self, root: _Entity, sender: str | None, senders: set[str], result: DecryptResult) -> None:
        leaves = [p for p in root.walk() if not p.is_multipart]
        body_parts = [p for p in leaves if p.ctype in ("text/plain", "text/html") and not p.is_attachment()]
        text_candidates = [p for p in body_parts if p.ctype == "text/plain"]
        html_candidates = [p for p in body_parts if p.ctype == "text/html"]

        def armored_blocks(part: _Entity) -> tuple[list[bytes], bytes]:
            data = part.decoded()
            if part.ctype == "text/html":
                data = _html_to_text(data, part.charset())
            return _ARMOR_MESSAGE.findall(data), data

        text_part = None
        blocks: list[bytes] = []
        text_data = b""
        for part in text_candidates + html_candidates:
            found, data = armored_blocks(part)
            if found:
                text_part, blocks, text_data = part, found, data
                break

        enc_attachments: list[_Entity] = []
        body_ids = {id(p) for p in body_parts}  # a set: `p in body_parts` made this loop quadratic
        for p in leaves:
            if p is text_part or id(p) in body_ids:
                continue
            name = (p.filename() or "").lower()
            data_head = p.decoded()[:200] if (name.endswith(_ARMOR_NAMES + _BINARY_PGP_NAMES) or p.ctype == "application/pgp-encrypted") else b""
            if (name.endswith(_ARMOR_NAMES) or p.ctype == "application/pgp-encrypted") and b"-----BEGIN PGP MESSAGE-----" in data_head:
                enc_attachments.append(p)
            elif name.endswith(_BINARY_PGP_NAMES) and data_head[:1] and data_head[0] & 0x80:
                enc_attachments.append(p)

        if not blocks and not enc_attachments:
            # not encrypted: clearsigned text? keys?
            for part in text_candidates:
                m = _ARMOR_SIGNED.search(part.decoded())
                if m:
                    self._collect_keys([], root, sender, result)
                    sigs = self._verify_clearsigned(m.group(0))
                    result.crypto.signature = self._signature(sigs, senders)
                    return
            self._collect_keys([], root, sender, result)
            return

        result.crypto.encrypted = True
        if len(blocks) + len(enc_attachments) > MAX_ENCRYPTED_PIECES:
            raise _TooCostly(f"more than {MAX_ENCRYPTED_PIECES} encrypted blocks or attachments")
        self._collect_keys([], root, sender, result)
        texts: list[str] = []
        sigs: list[dict] = []
        outside: list[str] = []
        if blocks:
            pieces = _ARMOR_MESSAGE.split(text_data)
            for piece in pieces:
                if piece.strip():
                    outside.append(_decode_text(piece.strip(), text_part.charset()))
            for block in blocks:
                opened = self._decrypt(_tidy_armor(block))
                if opened.data is None:
                    result.crypto.error = opened.error
                    return
                cs = _ARMOR_CHARSET.search(block)
                data = opened.data
                m = _ARMOR_SIGNED.search(data)
                if m:  # clearsigned inside the encryption
                    sigs += self._verify_clearsigned(m.group(0))
                    data = _clearsigned_text(m.group(0))
                texts.append(_decode_text(data, cs.group(1).decode() if cs else None, text_part.charset()))
                sigs += opened.sigs
        attachments: list[tuple[str, bytes]] = []
        for i, p in enumerate(enc_attachments, 1):
            data = p.decoded()
            m = _ARMOR_MESSAGE.search(data)
            opened = self._decrypt(_tidy_armor(m.group(0)) if m else data)
            if opened.data is None:
                result.crypto.error = opened.error.replace("could not decrypt:", f"could not decrypt attachment {i}:")
                return
            attachments.append((_strip_suffix(p.filename()) or f"attachment-{i}.bin", opened.data))
            if not blocks:
                sigs += opened.sigs

        body = EmailMessage(policy=email.policy.SMTP)
        body.set_content("\n\n".join(t.replace("\r\n", "\n") for t in texts) if texts else "", subtype="plain", charset="utf-8")
        if outside:
            body.add_attachment(
                "\n\n".join(outside), subtype="plain", charset="utf-8", disposition="inline",
            )
            body.get_payload()[-1]["Content-Description"] = "text outside the encrypted block (NOT encrypted)"
            result.notes.append("message has text outside the encrypted block")
        for name, data in attachments:
            ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
            maintype, subtype = ctype.split("/", 1)
            if maintype == "text":
                body.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
                body.get_payload()[-1].replace_header("Content-Type", f'{ctype}; name="{_quote(name)}"')
            else:
                body.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
        entity = _Entity(body.as_bytes())
        out = [f for n, f in _header_fields(root.header_block) if not n.startswith("content-") and n != "mime-version"]
        out.append(b"MIME-Version: 1.0")
        out += [f for n, f in _header_fields(entity.header_block) if n.startswith("content-")]
        result.inner = b"\r\n".join(_crlf(f) for f in out) + b"\r\n\r\n" + entity.body
        result.crypto.decrypted = True
        if text_part is not None and text_part.ctype == "text/html":
            result.notes.append("encrypted block read from an HTML part")
        result.crypto.signature = self._signature(sigs, senders)


    # ------------------------------------------------------ staff signatures

    def service_home_signers(self, raw: bytes) -> list[tuple[str, bytes]]:
        """Good signatures over a whole message, checked in the service home only.

        For mail that claims to come from staff (claims): the service home holds
        the pinned staff keys, while the correspondents keyring takes keys from
        anyone who mails us one, so it is never consulted here. Returns
        ``[(primary fingerprint, signed content)]`` for every good signature by
        an unexpired, unrevoked key; the signed content (memory only) lets the
        caller check what the signature binds. Shapes: PGP/MIME signed,
        PGP/MIME encrypted (signed inside, or a signed MIME entity inside),
        inline clearsigned or inline encrypted+signed. Never raises.
        """
        try:
            return self._service_home_signers(_Entity(raw), depth=0)
        except Exception as exc:  # noqa: BLE001 - a claim that cannot be checked is simply not authenticated
            log.error("crypto: unexpected %s while checking a staff signature", type(exc).__name__)
            return []

    def _service_home_signers(self, root: _Entity, depth: int) -> list[tuple[str, bytes]]:
        if depth > 1:
            return []
        if root.ctype == "multipart/signed":
            parts = root.parts()
            if len(parts) != 2:
                return []
            signed = _crlf(parts[0].raw)
            r = self._run(self._svc, "verify_data", "-&{sigfd}", signed, sig_data=parts[1].decoded(),
                          extra_args=["--enable-special-filenames", "--"])
            return _good(r, signed)
        if root.ctype == "multipart/encrypted":
            parts = root.parts()
            return self._decrypt_signed(parts[1].decoded(), depth) if len(parts) == 2 else []
        for part in root.walk():
            if part.is_multipart or part.ctype != "text/plain" or part.is_attachment():
                continue
            data = part.decoded()
            if b"-----BEGIN PGP SIGNED MESSAGE-----" in data:
                found = []
                for block in _ARMOR_SIGNED.findall(data)[:3]:
                    found += _good(self._run(self._svc, "verify", block), _clearsigned_text(block))
                return found
            if b"-----BEGIN PGP MESSAGE-----" in data:
                blocks = _ARMOR_MESSAGE.findall(data)
                return self._decrypt_signed(blocks[0], depth) if blocks else []
            return []
        return []

    def _decrypt_signed(self, ciphertext: bytes, depth: int) -> list[tuple[str, bytes]]:
        r = self._run(self._svc, "decrypt", ciphertext, passphrase=self._passphrase)
        if r.rc is None or r.timed_out or r.limit_hit or not r.has("DECRYPTION_OKAY") or r.has("BADMDC"):
            return []
        found = _good(r, r.data)
        if not found and b"content-type:" in r.data[:4000].lower():  # a signed MIME entity inside
            found = self._service_home_signers(_Entity(r.data), depth + 1)
        return found


def _good(r: "_Run", content: bytes) -> list[tuple[str, bytes]]:
    """Good signatures of one gpg run as (primary fingerprint, content)."""
    if r.result is None or r.timed_out:
        return []
    return [(s["fpr"], content) for s in _parse_sigs(r.statuses)
            if s.get("kind") == "GOODSIG" and s.get("validsig") and s.get("fpr")]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _field_value(raw_field: bytes) -> str:
    value = raw_field.split(b":", 1)[1] if b":" in raw_field else b""
    value = re.sub(rb"\r?\n[ \t]", b" ", value).strip()
    try:
        from email.header import decode_header, make_header

        return str(make_header(decode_header(value.decode("utf-8", "replace"))))
    except Exception:
        return value.decode("utf-8", "replace")


_BEGIN_MESSAGE_ANY_CASE = re.compile(rb"(?i)-----begin pgp message-----")


def _looks_encrypted(raw: bytes) -> bool:
    head = raw[:65536].lower()
    return b"multipart/encrypted" in head or _BEGIN_MESSAGE_ANY_CASE.search(raw) is not None


def _any_unknown(sigs: list[dict] | None) -> bool:
    return any(s.get("kind") == "ERRSIG" for s in sigs or [])


def _parse_sigs(statuses: list[tuple[str, str]]) -> list[dict]:
    sigs: list[dict] = []
    cur: dict | None = None
    for key, value in statuses:
        parts = value.split()
        if key == "NEWSIG":
            cur = {}
            sigs.append(cur)
        elif key in _SIG_STATUS:
            if cur is None or "kind" in cur:
                cur = {}
                sigs.append(cur)
            cur["kind"] = key
            cur["keyid"] = parts[0] if parts else None
            if key == "ERRSIG":
                if len(parts) > 5 and parts[5].isdigit():
                    cur["rc"] = int(parts[5])
                if len(parts) > 6 and _FPR.match(parts[6].upper()):
                    cur["fpr"] = parts[6].upper()
        elif key == "VALIDSIG" and cur is not None:
            cur["validsig"] = True
            cur["fpr"] = (parts[9] if len(parts) > 9 else parts[0]).upper()
        elif key == "NO_PUBKEY" and cur is not None:
            cur["no_pubkey"] = True
    return [s for s in sigs if "kind" in s]


def _clearsigned_text(block: bytes) -> bytes:
    """The text of a cleartext-signed block (armour headers and dash-escaping removed)."""
    m = re.match(rb"-----BEGIN PGP SIGNED MESSAGE-----\r?\n(?:[^\r\n]+\r?\n)*\r?\n(.*?)\r?\n-----BEGIN PGP SIGNATURE-----", block, re.S)
    if not m:
        return block
    return re.sub(rb"(?m)^- ", b"", m.group(1))


_DIV_OPEN = re.compile(rb"(?i)<div\b")
_DIV_CLOSE = re.compile(rb"(?i)</div>\s*")
_LEGACY_CLASS = re.compile(rb'(?i)class="?header-protection-legacy-display')


def _drop_legacy_html(data: bytes) -> tuple[bytes, int]:
    """Remove the first <div class="header-protection-legacy-display">...</div> (linear time)."""
    pos = 0
    while m := _DIV_OPEN.search(data, pos):
        gt, lt = data.find(b">", m.end()), data.find(b"<", m.end())
        if gt < 0:
            break
        pos = gt + 1
        if 0 <= lt < gt or not _LEGACY_CLASS.search(data, m.end(), gt):
            continue
        close = _DIV_CLOSE.search(data, pos)
        if close is None:
            break
        return data[: m.start()] + data[close.end() :], 1
    return data, 0


def _strip_legacy_display(ent: _Entity) -> bytes | None:
    """Remove RFC 9788 legacy display elements (hp-legacy-display="1"); None if unchanged."""
    if ent.is_multipart:
        if not ent.boundary:
            return None
        parts = ent.parts()
        changed = False
        new_parts = []
        for p in parts:
            s = _strip_legacy_display(p)
            changed |= s is not None
            new_parts.append(s if s is not None else p.raw)
        if not changed:
            return None
        eol = b"\r\n" if b"\r\n" in ent.prefix(4096) else b"\n"
        return ent.header_block + eol + eol + _join_multipart(ent.boundary, new_parts, eol)
    if ent.param("hp-legacy-display") != "1" or ent.ctype not in ("text/plain", "text/html"):
        return None
    data = ent.decoded()
    if ent.ctype == "text/plain":
        m = re.match(rb"(?:[A-Za-z0-9-]+:[^\r\n]*\r?\n)+\r?\n", data)
        if not m:
            return None
        data = data[m.end() :]
    else:
        data, n = _drop_legacy_html(data)
        if not n:
            return None
    cte = (ent.get("content-transfer-encoding") or "").strip().lower()
    if cte in ("", "7bit", "8bit", "binary"):
        return ent.header_block + b"\r\n\r\n" + data
    fields = [f for n, f in _header_fields(ent.header_block) if n != "content-transfer-encoding"]
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    return b"\r\n".join(fields) + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + encoded
