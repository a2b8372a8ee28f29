"""The gpg process runner: python-gnupg with a watchdog, and gpg status codes.

``_GPG`` runs one gpg process at a time with a timeout; ``_Run`` is what one
invocation gave back; ``_statuses`` and ``_err_codes`` read the ``[GNUPG:]``
status lines, and the ``_E_*`` constants with the ``_UNSUPPORTED`` and
``_CORRUPT`` sets classify libgpg-error codes.
"""

from __future__ import annotations

import logging
import re
import subprocess
import threading
from dataclasses import dataclass

import gnupg

# python-gnupg logs every stderr line of gpg at DEBUG (user IDs, literal data file
# names) and the first bytes of verified data: none of that may reach our logs.
logging.getLogger("gnupg").setLevel(logging.ERROR)


# --------------------------------------------------------------------------
# gpg status handling
# --------------------------------------------------------------------------

# libgpg-error codes (gpg-error.h)
_E_UNKNOWN_PACKET, _E_UNKNOWN_VERSION, _E_PUBKEY_ALGO, _E_DIGEST_ALGO = 2, 3, 4, 5
_E_NO_PUBKEY, _E_CHECKSUM, _E_BAD_PASSPHRASE, _E_CIPHER_ALGO = 9, 10, 11, 12
_E_INV_PACKET, _E_INV_ARMOR, _E_NO_SECKEY, _E_WRONG_SECKEY, _E_BAD_KEY = 14, 15, 17, 18, 19
_E_COMPR_ALGO, _E_BAD_MPI, _E_NOT_SUPPORTED, _E_TOO_LARGE = 20, 30, 60, 67
_E_UNSUPPORTED_ALGORITHM, _E_BAD_DATA, _E_CANCELED, _E_NO_PASSPHRASE = 84, 89, 99, 177
_UNSUPPORTED = {_E_PUBKEY_ALGO, _E_DIGEST_ALGO, _E_CIPHER_ALGO, _E_COMPR_ALGO, _E_UNSUPPORTED_ALGORITHM, _E_NOT_SUPPORTED, _E_UNKNOWN_VERSION}
_CORRUPT = {_E_CHECKSUM, _E_INV_PACKET, _E_INV_ARMOR, _E_BAD_MPI, _E_BAD_DATA, _E_WRONG_SECKEY, _E_BAD_KEY, _E_UNKNOWN_PACKET}
_SIG_STATUS = ("GOODSIG", "BADSIG", "EXPSIG", "EXPKEYSIG", "REVKEYSIG", "ERRSIG")


def _statuses(result) -> list[tuple[str, str]]:
    out = []
    for line in (getattr(result, "stderr", "") or "").splitlines():
        if line.startswith("[GNUPG:] "):
            parts = line[9:].split(None, 1)
            if parts:
                out.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return out


def _err_codes(statuses: list[tuple[str, str]]) -> set[int]:
    codes = set()
    for key, value in statuses:
        if key in ("ERROR", "FAILURE") and value:
            m = re.match(r"(\d+)", value.split()[-1])
            if m:
                codes.add(int(m.group(1)) & 0xFFFF)
    return codes


@dataclass
class _Run:
    """One gpg invocation: python-gnupg's result plus what the wrapper saw."""

    result: object | None
    rc: int | None
    statuses: list[tuple[str, str]]
    stderr: str
    data: bytes
    timed_out: bool = False
    over_limit: bool = False
    exception: str | None = None

    def has(self, *keys: str) -> bool:
        return any(k in keys for k, _ in self.statuses)

    def values(self, key: str) -> list[str]:
        return [v for k, v in self.statuses if k == key]

    @property
    def limit_hit(self) -> bool:
        return self.over_limit or "exceeded --max-output" in self.stderr or _E_TOO_LARGE in _err_codes(self.statuses)


class _GPG(gnupg.GPG):
    """python-gnupg with a watchdog per gpg process and optional inherited fds.

    The stock class has no timeout and cannot pass a pipe to gpg (its Popen
    closes all other fds); both are needed here. State is per call, so every
    use is serialised by the owning Crypto's lock.
    """

    def __init__(self, *args, timeout_s: float, **kwargs):
        self._timeout_s = timeout_s
        self._pass_fds: tuple[int, ...] = ()
        self._watchdogs: dict[int, threading.Timer] = {}
        self._timed_out: set[int] = set()
        self.current_proc: subprocess.Popen | None = None
        super().__init__(*args, **kwargs)

    def _open_subprocess(self, args, passphrase=False):
        cmd = self.make_args(args, passphrase)
        proc = subprocess.Popen(
            cmd,
            shell=False,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.env,
            pass_fds=self._pass_fds,
        )
        timer = threading.Timer(self._timeout_s, self._expire, (proc,))
        timer.daemon = True
        timer.start()
        self._watchdogs[proc.pid] = timer
        self.current_proc = proc
        return proc

    def _expire(self, proc):
        if proc.poll() is None:
            self._timed_out.add(proc.pid)
            try:
                proc.kill()
            except OSError:
                pass

    def _collect_output(self, process, result, writer=None, stdin=None):
        try:
            return super()._collect_output(process, result, writer, stdin)
        finally:
            timer = self._watchdogs.pop(process.pid, None)
            if timer is not None:
                timer.cancel()
            if process.pid in self._timed_out:
                self._timed_out.discard(process.pid)
                result.mailrouter_timed_out = True
