"""Real test servers on loopback: Dovecot (IMAP) and an aiosmtpd sink (SMTP).

No pytest in here: the classes are usable from benchmarks and scripts too.
``tests/conftest.py`` wraps them in fixtures.

DovecotServer
    A private Dovecot instance whose config, sockets, state, logs and mail all
    live under one directory.  Runs as root (mail uid ``dovecot``, login uid
    ``dovenull``, per design.md "Testing") or as an ordinary user (that user
    for everything).  With ``tls_cert``/``tls_key`` it also speaks TLS:
    STARTTLS on ``port`` and implicit TLS on ``imaps_port``.

SmtpSink
    An aiosmtpd ``Controller`` that records every accepted message and can be
    told to fail.  Failures are answered at the end of DATA (after the client
    sent the message), so aiosmtplib raises ``SMTPDataError``, a subclass of
    ``SMTPResponseException``, whose ``.code`` is the 4xx/5xx code.  With a
    ``tls_context`` it offers STARTTLS (optionally required) or, with
    ``implicit_tls=True``, speaks TLS from the first byte.
"""

from __future__ import annotations

import atexit
import contextlib
import email
import email.message
import email.policy
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import imapclient

__all__ = [
    "DOVECOT_INSTALL_HINT",
    "DovecotNotInstalled",
    "DovecotServer",
    "Received",
    "ServerStartError",
    "SmtpSink",
    "find_dovecot",
    "free_port",
]

LOOPBACK = "127.0.0.1"
DOVECOT_INSTALL_HINT = (
    "Dovecot is required for the IMAP tests and was not found "
    "(looked for `dovecot` on PATH and in /usr/sbin). "
    "Install it with: apt-get install dovecot-imapd"
)


class DovecotNotInstalled(RuntimeError):
    """The dovecot binary is missing."""


class ServerStartError(RuntimeError):
    """A test server did not come up; the message carries its log tail."""


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port that was free on ``host`` a moment ago (bind to 0, close)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _port_open(host: str, port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"({path} not readable)"
    return "\n".join(text.splitlines()[-lines:]) or f"({path} is empty)"


# --------------------------------------------------------------------------
# Dovecot
# --------------------------------------------------------------------------

def find_dovecot() -> str:
    """Path of the dovecot binary, or raise DovecotNotInstalled.

    ``$MAILROUTER_TEST_DOVECOT`` overrides the search (a path to the binary).
    """
    override = os.environ.get("MAILROUTER_TEST_DOVECOT")
    if override:
        if os.access(override, os.X_OK):
            return override
        raise DovecotNotInstalled(
            f"MAILROUTER_TEST_DOVECOT={override!r} is not an executable; "
            "install Dovecot with: apt-get install dovecot-imapd"
        )
    found = shutil.which("dovecot")
    if found:
        return found
    for candidate in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot"):
        if os.access(candidate, os.X_OK):
            return candidate
    raise DovecotNotInstalled(DOVECOT_INSTALL_HINT)


# Longest socket path Dovecot creates below base_dir is ~25 characters
# ("token-login/imap-urlauth"); sun_path is 108 bytes including the NUL.
_MAX_RUN_DIR_LEN = 108 - 1 - 32

_live_servers: "weakref.WeakSet[DovecotServer]" = weakref.WeakSet()


@atexit.register
def _kill_leftovers() -> None:  # pragma: no cover - only on abnormal exits
    for server in list(_live_servers):
        try:
            server.kill()
        except Exception:
            pass


class DovecotServer:
    """A private Dovecot IMAP server on 127.0.0.1 with plaintext LOGIN.

    Everything lives under ``base_dir``::

        dovecot.conf   users (passwd-file)   dovecot.log   master.out
        home/<user>/Maildir   state/   run/ (sockets; see below)

    ``run/`` is Dovecot's ``base_dir``.  If the path would be too long for a
    unix socket, a short directory under the system temp dir is used instead
    (removed again by ``stop()``).

    When running as root the mail processes run as ``dovecot`` and the login
    processes as ``dovenull``; they must be able to traverse to ``base_dir``.
    pytest creates its temp dirs with mode 0700, so ``start()`` adds the
    search bit (o+x, *not* read) to ancestors owned by root that lack it.
    """

    host = LOOPBACK

    def __init__(self, base_dir: Path, users: dict[str, str], *, port: int | None = None,
                 tls_cert: Path | str | None = None, tls_key: Path | str | None = None):
        if not users:
            raise ValueError("DovecotServer needs at least one user")
        for user, password in users.items():
            if not re.fullmatch(r"[A-Za-z0-9._@+-]+", user):
                raise ValueError(f"unsupported user name for the test server: {user!r}")
            if any(c in password for c in ":\n\r"):
                raise ValueError(f"password of {user!r} must not contain ':' or newlines")
        self.binary = find_dovecot()
        self.base_dir = Path(base_dir).resolve()
        self.users = dict(users)
        self._port = port if port is not None else free_port()
        if (tls_cert is None) != (tls_key is None):
            raise ValueError("give both tls_cert and tls_key, or neither")
        # PEM files, read by Dovecot's config process (root or the current user).
        self.tls_cert = Path(tls_cert).resolve() if tls_cert is not None else None
        self.tls_key = Path(tls_key).resolve() if tls_key is not None else None
        self._imaps_port = free_port() if self.tls_cert is not None else None
        self._proc: subprocess.Popen | None = None
        self._master_out = None
        self._run_dir: Path | None = None
        self._run_dir_is_temp = False
        self.last_start_seconds: float | None = None

        self.conf_path = self.base_dir / "dovecot.conf"
        self.passwd_path = self.base_dir / "users"
        self.log_path = self.base_dir / "dovecot.log"
        self.master_out_path = self.base_dir / "master.out"
        self.state_dir = self.base_dir / "state"
        self.home_root = self.base_dir / "home"

        if os.geteuid() == 0:
            self._internal_user = "dovecot"
            self._login_user = "dovenull"
            mail_pw = pwd.getpwnam("dovecot")
        else:
            mail_pw = pwd.getpwuid(os.geteuid())
            self._internal_user = self._login_user = mail_pw.pw_name
        self._internal_group = grp.getgrgid(mail_pw.pw_gid).gr_name
        self.mail_uid = mail_pw.pw_uid
        self.mail_gid = mail_pw.pw_gid

    # -- properties ---------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def imaps_port(self) -> int | None:
        """The implicit-TLS (imaps) port, or None when the server has no certificate."""
        return self._imaps_port

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def run_dir(self) -> Path | None:
        """Dovecot's own base_dir (sockets, pid file) while running."""
        return self._run_dir

    def home(self, user: str) -> Path:
        return self.home_root / user

    def maildir(self, user: str) -> Path:
        return self.home(user) / "Maildir"

    def log_tail(self, lines: int = 40) -> str:
        return (
            f"--- {self.log_path} ---\n{_tail(self.log_path, lines)}\n"
            f"--- {self.master_out_path} ---\n{_tail(self.master_out_path, lines)}"
        )

    # -- setup --------------------------------------------------------------

    def _choose_run_dir(self) -> Path:
        candidate = self.base_dir / "run"
        if len(str(candidate)) <= _MAX_RUN_DIR_LEN:
            self._run_dir_is_temp = False
            return candidate
        self._run_dir_is_temp = True
        return Path(tempfile.mkdtemp(prefix="dovecot-run-"))

    def _make_traversable(self, path: Path) -> None:
        """Root only: let the dovecot/dovenull uids walk down to ``path``."""
        for p in [path, *path.parents]:
            st = p.stat()
            if st.st_uid == 0 and not st.st_mode & stat.S_IXOTH:
                os.chmod(p, stat.S_IMODE(st.st_mode) | stat.S_IXOTH)

    def _write_files(self) -> None:
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir.mkdir(exist_ok=True)
        self.home_root.mkdir(exist_ok=True)
        if self._run_dir is None:
            self._run_dir = self._choose_run_dir()
        self._run_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self._run_dir, 0o755)

        lines = []
        for user, password in self.users.items():
            home = self.home(user)
            (home / "Maildir").mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                for p in (home, home / "Maildir"):
                    os.chown(p, self.mail_uid, self.mail_gid)
            lines.append(
                f"{user}:{{PLAIN}}{password}:{self.mail_uid}:{self.mail_gid}::{home}::"
            )
        self.passwd_path.write_text("\n".join(lines) + "\n")
        os.chmod(self.passwd_path, 0o644)

        if os.geteuid() == 0:
            self._make_traversable(self.base_dir)
            self._make_traversable(self._run_dir)
            os.chmod(self.base_dir, stat.S_IMODE(self.base_dir.stat().st_mode) | 0o711)

        self.conf_path.write_text(self.config_text())

    def config_text(self) -> str:
        run = self._run_dir
        if self.tls_cert is not None:
            ssl = f"ssl = yes\nssl_cert = <{self.tls_cert}\nssl_key = <{self.tls_key}"
            imaps = f"address = {LOOPBACK}\n    port = {self._imaps_port}\n    ssl = yes"
        else:
            ssl, imaps = "ssl = no", "port = 0"
        return f"""\
# Generated by tests/servers.py - a private test instance.
base_dir = {run}
state_dir = {self.state_dir}
instance_name = test-{self._port}
log_path = {self.log_path}
info_log_path = {self.log_path}
debug_log_path = {self.log_path}
log_timestamp = "%Y-%m-%d %H:%M:%S "

protocols = imap
listen = {LOOPBACK}
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_cache_size = 0

default_internal_user = {self._internal_user}
default_internal_group = {self._internal_group}
default_login_user = {self._login_user}
first_valid_uid = 1
first_valid_gid = 1

mail_location = maildir:~/Maildir
mail_max_userip_connections = 200
shutdown_clients = yes
version_ignore = yes

namespace inbox {{
  inbox = yes
  separator = /
}}

passdb {{
  driver = passwd-file
  args = scheme=PLAIN {self.passwd_path}
}}
userdb {{
  driver = passwd-file
  args = {self.passwd_path}
}}

service imap-login {{
  chroot =
  inet_listener imap {{
    address = {LOOPBACK}
    port = {self._port}
  }}
  inet_listener imaps {{
    {imaps}
  }}
}}
service anvil {{
  chroot =
  # No auth penalty socket = no per-IP penalty (2, 4, 8, 15 s) after failed
  # logins; tests with wrong passwords would otherwise slow each other down.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service doveadm {{
  inet_listener {{
    port = 0
  }}
}}
"""

    # -- lifecycle ----------------------------------------------------------

    def start(self, timeout: float = 20.0) -> None:
        """Start the master and wait until a real IMAP LOGIN succeeds."""
        if self.running:
            return
        if self._proc is not None:  # the master died on its own: tidy up first
            self._finish_group()
            self._cleanup_after_exit()
        t0 = time.monotonic()
        self._write_files()
        self._master_out = open(self.master_out_path, "ab")
        self._proc = subprocess.Popen(
            [self.binary, "-F", "-c", str(self.conf_path)],
            stdin=subprocess.DEVNULL,
            stdout=self._master_out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: kill() takes all children
            close_fds=True,
        )
        _live_servers.add(self)
        user, password = next(iter(self.users.items()))
        deadline = t0 + timeout
        last_error: BaseException | None = None
        while True:
            if self._proc.poll() is not None:
                code = self._proc.returncode
                self._cleanup_after_exit()
                raise ServerStartError(
                    f"dovecot exited with status {code} during startup\n{self.log_tail()}"
                )
            try:
                c = imapclient.IMAPClient(self.host, port=self._port, ssl=False, timeout=2)
                try:
                    c.login(user, password)
                finally:
                    try:
                        c.logout()
                    except Exception:
                        pass
                break
            except (OSError, imapclient.exceptions.IMAPClientError) as exc:
                last_error = exc
            if time.monotonic() > deadline:
                self.kill()
                raise ServerStartError(
                    f"dovecot on {self.host}:{self._port} did not accept LOGIN within "
                    f"{timeout:.0f}s (last error: {last_error!r})\n{self.log_tail()}"
                )
            time.sleep(0.01)
        self.last_start_seconds = time.monotonic() - t0

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop: SIGTERM to the master and all its children.

        Signalling only the master makes it wait about a second for its
        children; signalling the whole process group stops everything within
        milliseconds.  Clients are disconnected (``shutdown_clients = yes``).
        """
        if self._proc is None:
            return
        # Repeat the signal: a child forked just after the first one (say an
        # imap process for a login in flight) would otherwise keep the master
        # waiting for about a second.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._signal_group(signal.SIGTERM)
            try:
                self._proc.wait(0.02)
                break
            except subprocess.TimeoutExpired:
                pass
            if not [pid for pid in self._group_members() if pid != self._proc.pid]:
                # Every child has exited; a master that saw children alive at
                # SIGTERM sleeps out a 1 s grace period before exiting.  Nothing
                # is left for it to do, so do not wait for it.
                self._proc.kill()
                self._proc.wait()
                break
        self._finish_group()
        self._cleanup_after_exit()

    def kill(self) -> None:
        """SIGKILL the master and its children: the port is dead until start()."""
        if self._proc is None:
            return
        self._signal_group(signal.SIGKILL)
        self._finish_group()
        self._cleanup_after_exit()

    def restart(self, timeout: float = 20.0) -> None:
        """stop() then start() on the same port with the same mail data."""
        self.stop()
        self.start(timeout)

    def _signal_group(self, sig: int) -> None:
        assert self._proc is not None
        try:
            os.killpg(self._proc.pid, sig)
        except ProcessLookupError:
            pass

    def _group_members(self) -> list[int]:
        """Live (non-zombie) processes in the server's process group."""
        assert self._proc is not None
        pgid = self._proc.pid
        members = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            # fields[0] = state, fields[2] = pgrp
            if int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
                members.append(int(entry))
        return members

    def _finish_group(self) -> None:
        """Reap the master, SIGKILL stragglers, wait until the port is closed."""
        assert self._proc is not None
        if self._proc.poll() is None:
            self._signal_group(signal.SIGKILL)
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if not os.path.isdir("/proc"):
                break
            if not self._group_members():
                break
            self._signal_group(signal.SIGKILL)
            time.sleep(0.01)
        while _port_open(self.host, self._port, timeout=0.2) and time.monotonic() < deadline:
            time.sleep(0.01)

    def _cleanup_after_exit(self) -> None:
        _live_servers.discard(self)
        self._proc = None
        if self._run_dir is not None:
            # A killed master leaves its pid file; if that pid were reused by
            # another process, the next start would refuse to run.
            with contextlib.suppress(OSError):
                (self._run_dir / "master.pid").unlink()
        if self._master_out is not None:
            self._master_out.close()
            self._master_out = None
        if self._run_dir_is_temp and self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None

    def __enter__(self) -> "DovecotServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- IMAP helpers -------------------------------------------------------

    def client(self, user: str, timeout: float = 10.0) -> imapclient.IMAPClient:
        """A new IMAPClient, logged in as ``user`` (plaintext, no TLS)."""
        c = imapclient.IMAPClient(self.host, port=self._port, ssl=False, timeout=timeout)
        try:
            c.login(user, self.users[user])
        except BaseException:
            try:
                c.shutdown()
            except Exception:
                pass
            raise
        return c

    @contextlib.contextmanager
    def _session(self, user: str) -> Iterator[imapclient.IMAPClient]:
        c = self.client(user)
        try:
            yield c
        finally:
            try:
                c.logout()
            except Exception:
                pass

    def append(
        self,
        user: str,
        folder: str,
        raw: bytes,
        flags: Iterable[str | bytes] = (),
        msg_time=None,
    ) -> int | None:
        """APPEND ``raw`` to ``folder``; returns the new UID (from APPENDUID)."""
        with self._session(user) as c:
            resp = c.append(folder, raw, flags=tuple(flags), msg_time=msg_time)
        m = re.search(rb"\[APPENDUID \d+ (\d+)\]", resp or b"")
        return int(m.group(1)) if m else None

    def uids(self, user: str, folder: str = "INBOX") -> list[int]:
        with self._session(user) as c:
            c.select_folder(folder, readonly=True)
            return sorted(c.search("ALL"))

    def fetch_all(self, user: str, folder: str = "INBOX") -> dict[int, bytes]:
        """Every message in ``folder`` as {uid: raw bytes}, without setting \\Seen."""
        with self._session(user) as c:
            c.select_folder(folder, readonly=True)
            uids = sorted(c.search("ALL"))
            if not uids:
                return {}
            data = c.fetch(uids, ["BODY.PEEK[]"])
            return {uid: data[uid][b"BODY[]"] for uid in uids}

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
        with self._session(user) as c:
            c.select_folder(folder, readonly=True)
            uids = sorted(c.search("ALL"))
            if not uids:
                return {}
            return dict(c.get_flags(uids))

    def create_folder(self, user: str, folder: str) -> None:
        with self._session(user) as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)

    def folders(self, user: str) -> list[str]:
        with self._session(user) as c:
            return sorted(name for _flags, _delim, name in c.list_folders())

    def uidvalidity(self, user: str, folder: str = "INBOX") -> int:
        with self._session(user) as c:
            return int(c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])


# --------------------------------------------------------------------------
# SMTP sink
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Received:
    """One message accepted (or, in ``SmtpSink.rejected``, refused) by the sink."""

    envelope_from: str  # "" for the null sender MAIL FROM:<>
    rcpt_tos: list[str]
    data: bytes  # exactly as received after dot-unstuffing (CRLF line ends)
    message: email.message.EmailMessage
    mail_options: list[str] = field(default_factory=list)  # e.g. ["BODY=8BITMIME", "SMTPUTF8"]
    auth_login: str | None = None
    response: str = "250 OK"
    tls: str | None = None  # TLS version of the session ("TLSv1.3"), None for plaintext


_DEFAULT_TEXT = {
    421: "421 4.3.2 Service not available, closing transmission channel",
    450: "450 4.2.0 Mailbox temporarily unavailable",
    451: "451 4.3.0 Requested action aborted: local error in processing",
    452: "452 4.3.1 Insufficient system storage",
    550: "550 5.1.1 Mailbox unavailable",
    552: "552 5.3.4 Message size exceeds fixed limit",
    554: "554 5.7.1 Transaction failed",
}


def _response_for(code: int, text: str | None = None) -> str:
    if not 400 <= code <= 599:
        raise ValueError(f"failure code must be 4xx or 5xx, got {code}")
    if text:
        return f"{code} {text}"
    return _DEFAULT_TEXT.get(code, f"{code} {'4' if code < 500 else '5'}.0.0 Failure injected by SmtpSink")


def _parse(data: bytes) -> email.message.EmailMessage:
    try:
        return email.message_from_bytes(data, policy=email.policy.default)  # type: ignore[return-value]
    except Exception:  # hostile input: keep something inspectable
        msg = email.message.EmailMessage()
        msg.set_payload(data)
        return msg


class SmtpSink:
    """A real aiosmtpd SMTP server on 127.0.0.1 that records what it receives.

    Modes (changeable while running, thread-safe):

    * ``"ok"``: accept every message (``250``).
    * ``"tempfail"``: answer ``451 4.3.0`` at the end of DATA.
    * ``"permfail"``: answer ``550 5.1.1`` at the end of DATA.

    ``fail_next(n, code)`` makes the next ``n`` transactions fail with ``code``
    (4xx or 5xx) at the end of DATA regardless of the mode, then the mode
    applies again.  Refusals happen after the client sent the whole message,
    so aiosmtplib raises ``SMTPDataError`` (an ``SMTPResponseException``) with
    that ``.code``; refused messages are recorded in ``rejected``, never in
    ``messages``.  Connection, EHLO, MAIL and RCPT always succeed (except for
    AUTH when ``auth_required``).

    The null sender ``MAIL FROM:<>``, 8BITMIME and SMTPUTF8 are accepted.

    TLS: with ``tls_context`` (a server-side ``ssl.SSLContext``) the sink
    offers STARTTLS, and with ``require_starttls=True`` refuses every command
    but EHLO/HELO/NOOP/QUIT/STARTTLS with ``530`` until the client upgraded.
    ``implicit_tls=True`` uses the context for TLS from the first byte (no
    STARTTLS).  ``Received.tls`` records the TLS version of each session.
    """

    host = LOOPBACK

    def __init__(
        self,
        *,
        port: int | None = None,
        auth_required: bool = False,
        username: str = "mailrouter",
        password: str = "smtp-secret",
        data_size_limit: int = 64 * 1024 * 1024,
        tls_context=None,
        implicit_tls: bool = False,
        require_starttls: bool = False,
    ):
        if (implicit_tls or require_starttls) and tls_context is None:
            raise ValueError("implicit_tls and require_starttls need a tls_context")
        if implicit_tls and require_starttls:
            raise ValueError("implicit_tls and require_starttls exclude each other")
        self.tls_context = tls_context
        self.implicit_tls = implicit_tls
        self.require_starttls = require_starttls
        self._port = port if port is not None else free_port()
        self.auth_required = auth_required
        self.username = username
        self.password = password
        self.data_size_limit = data_size_limit
        self._cond = threading.Condition()
        self._messages: list[Received] = []
        self._rejected: list[Received] = []
        self._mode = "ok"
        self._fail_queue: list[str] = []
        self._controller = None
        self.auth_failures = 0

    @property
    def port(self) -> int:
        return self._port

    # -- control ------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        if mode not in ("ok", "tempfail", "permfail"):
            raise ValueError(f"unknown mode {mode!r}: use 'ok', 'tempfail' or 'permfail'")
        with self._cond:
            self._mode = mode

    @property
    def mode(self) -> str:
        with self._cond:
            return self._mode

    def fail_next(self, n: int, code: int = 451, text: str | None = None) -> None:
        """The next ``n`` transactions are refused with ``code`` at end of DATA."""
        response = _response_for(code, text)
        with self._cond:
            self._fail_queue.extend([response] * n)

    def clear(self) -> None:
        with self._cond:
            self._messages.clear()
            self._rejected.clear()
            self._fail_queue.clear()

    @property
    def messages(self) -> list[Received]:
        with self._cond:
            return list(self._messages)

    @property
    def rejected(self) -> list[Received]:
        with self._cond:
            return list(self._rejected)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Block until at least ``count`` messages were accepted; return them all."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self._messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    got = [
                        f"  from={m.envelope_from!r} to={m.rcpt_tos} subject={m.message.get('Subject')!r}"
                        for m in self._messages
                    ]
                    raise TimeoutError(
                        f"SmtpSink {self.host}:{self._port}: expected at least {count} message(s) "
                        f"within {timeout}s, got {len(self._messages)} "
                        f"(mode={self._mode!r}, {len(self._rejected)} refused, "
                        f"{len(self._fail_queue)} injected failure(s) pending)"
                        + ("\n" + "\n".join(got) if got else "")
                    )
                self._cond.wait(remaining)
            return list(self._messages)

    # -- aiosmtpd handler ---------------------------------------------------

    async def handle_MAIL(self, server, session, envelope, address, mail_options) -> str:
        if self.auth_required and not session.authenticated:
            return "530 5.7.0 Authentication required"
        # Keep "<>" for the null sender: aiosmtpd treats an empty mail_from as
        # "no MAIL yet".  Received.envelope_from reports it as "".
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        data = envelope.original_content if envelope.original_content is not None else envelope.content
        if isinstance(data, str):  # only with decode_data=True, which we do not use
            data = data.encode("utf-8", "surrogateescape")
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport is not None else None
        tls = ssl_object.version() if ssl_object is not None else None
        login = session.auth_data
        if login is not None and hasattr(login, "login"):
            login = login.login.decode("utf-8", "replace") if isinstance(login.login, bytes) else login.login
        with self._cond:
            if self._fail_queue:
                response = self._fail_queue.pop(0)
            elif self._mode == "tempfail":
                response = _response_for(451)
            elif self._mode == "permfail":
                response = _response_for(550)
            else:
                response = "250 OK"
            rec = Received(
                envelope_from="" if envelope.mail_from in (None, "<>") else envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                data=bytes(data),
                message=_parse(bytes(data)),
                mail_options=list(envelope.mail_options or []),
                auth_login=login if isinstance(login, str) else None,
                response=response,
                tls=tls,
            )
            (self._messages if response.startswith("250") else self._rejected).append(rec)
            self._cond.notify_all()
        return response

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode("utf-8", "replace")
            password = auth_data.password.decode("utf-8", "replace")
            if login == self.username and password == self.password:
                return AuthResult(success=True, auth_data=auth_data)
        with self._cond:
            self.auth_failures += 1
        return AuthResult(success=False, handled=False)

    # -- lifecycle ----------------------------------------------------------

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        if self._controller is not None:
            return
        kwargs = dict(
            hostname=self.host,
            port=self._port,
            enable_SMTPUTF8=True,
            decode_data=False,
            data_size_limit=self.data_size_limit,
            ready_timeout=10.0,
        )
        if self.auth_required:
            # aiosmtpd's own auth_required=True warns (UserWarning) on every
            # connection without TLS, so handle_MAIL enforces it instead.
            kwargs.update(authenticator=self._authenticate, auth_require_tls=False)
        if self.implicit_tls:
            kwargs.update(ssl_context=self.tls_context)
        elif self.tls_context is not None:
            kwargs.update(tls_context=self.tls_context, require_starttls=self.require_starttls)
        controller = Controller(self, **kwargs)
        try:
            controller.start()
        except Exception as exc:
            raise ServerStartError(f"SmtpSink could not start on {self.host}:{self._port}: {exc!r}") from exc
        self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def __enter__(self) -> "SmtpSink":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
