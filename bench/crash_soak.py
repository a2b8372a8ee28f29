#!/usr/bin/env python3
"""Crash soak: the exactly-once protocol under random SIGKILLs, server outages and SMTP tempfails.

    python bench/crash_soak.py                      # full: 200 messages, 40 kills (~5-6 min) -> results/crash_soak.md
    python bench/crash_soak.py --quick              # 30 messages, 6 kills (< 90 s), report printed only
    python bench/crash_soak.py --store postgresql   # two instances on a throw-away PostgreSQL database
                                                    #   -> results/crash_soak_postgresql.md
    python bench/crash_soak.py --messages 80 --kills 12 --seed 7 --out -

What runs (everything on 127.0.0.1, in a temporary directory under /tmp):

* a private Dovecot and an ``SmtpSink`` (``tests/servers.py``), a config from
  ``tests/mailfactory.write_config`` (poll interval 2 s, IDLE on, delivery
  retries 0.2-1 s, acknowledgement window 3600 s, so one per sender and
  mailbox for the whole run);
* the real service, ``python -m mailrouter.cli run -c CONFIG``, as a
  subprocess (two of them with ``--store postgresql``);
* an appender thread: M plain messages (``client_mail``, texts from
  ``bench/language_testset.jsonl``, senders drawn from a pool so that the
  acknowledgement rate limit matters), APPENDed one by one at random
  intervals, sometimes in bursts, to both mailboxes; about 5 % are APPENDed a
  second time, byte for byte, mostly at once (a copy: same Message-ID, must not
  make a second case), and about 5 % start a back-to-back pair of mails from a
  new sender to one mailbox (one acknowledgement between them, even when two
  instances take one each);
* one killer thread per instance: it SIGKILLs its instance, half of the
  time at a random moment, half of the time 0-0.8 s after the next APPEND
  (IDLE wakes the service at once, so that aims at message processing and
  delivery), then restarts it after 0-1 s.  About a third of the restarts also set
  ``MAILROUTER_CRASH_AT=<point>:<n>`` (``mailrouter/faults.py``), so the
  process kills itself at that stage boundary if it gets there before the
  random kill; either way it counts as one kill;
* a chaos thread: a few times during the run it SIGKILLs Dovecot and starts
  it again after 1-4 s (APPENDs wait meanwhile), and a few times it switches
  the sink to ``tempfail`` for 2-5 s.

A killed worker's ledger claims and outbox leases run 2 minutes
(``CLAIM_LEASE``, ``outbox.LEASE``).  Instead of waiting, the soak expires the
leases *of the dead process only* (owner ``host:pid:*``) right after each kill,
which is what the clock would do 2 minutes later (``tests/test_e2e.py`` does the
same).  Before that it counts them: how many kills hit a message between claim
and decision, or a mail between lease and "sent".

At the end the last instance(s) run without fault injection until everything
settled (bounded wait), are stopped with SIGTERM, and the soak checks:

1. every appended Message-ID got exactly one forward: all deliveries of its
   forward carry the same forward Message-ID (a repeat is the documented
   resend: a crash between SMTP acceptance and recording it), and no forward
   carries an original that was never appended;
2. at most one acknowledgement (distinct Message-ID) per sender and mailbox;
   every forward whose summary says "Acknowledged: yes" has its
   acknowledgement delivered (same case tag);
3. both INBOXes are empty, every appended Message-ID is in Processed (copies
   included), no ledger row is left 'claimed', the outbox is drained (nothing
   pending, sending or failed);
4. no instance died on its own, and each stopped cleanly on SIGTERM.

Any violation is written to the report with details; the exit status is then
1 (2 for a set-up error) and the temporary directory is kept for inspection.
The random schedule is seeded (``--seed``); thread timing is not, so two runs
with one seed hit different instants.
"""

from __future__ import annotations

import argparse
import contextlib
import email
import email.policy
import email.utils
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TESTS = ROOT / "tests"
RESULTS = HERE / "results"
TESTSET = HERE / "language_testset.jsonl"

for p in (str(ROOT), str(TESTS)):
    if p not in sys.path:
        sys.path.insert(0, p)

from mailfactory import client_mail, write_config
from servers import DovecotServer, SmtpSink, find_dovecot

USERS = {"humanrights": "hr-secret", "emergency": "em-secret"}  # the passwords write_config() uses
MAILBOXES = ("humanrights", "emergency")
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_BASE = "postgresql://postgres@127.0.0.1:5432"
DEFAULT_SEED = 20261126
CRASHPOINT_SHARE = 0.35
ACTIVITY_SHARE = 0.5  # kills aimed at 0-0.8 s after an APPEND; the rest at a random moment
COPY_SHARE = 0.05  # APPENDed twice, byte for byte (70 % of them at once)
PAIR_SHARE = 0.05  # start a back-to-back pair of mails from a new sender to one mailbox
HOST = socket.gethostname()

FULL = {"messages": 200, "kills": 40, "append_seconds": 300.0, "settle_seconds": 180.0, "outages": 4, "tempfails": 4}
QUICK = {"messages": 30, "kills": 6, "append_seconds": 35.0, "settle_seconds": 40.0, "outages": 1, "tempfails": 1}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# servers and instances
# --------------------------------------------------------------------------


class TimedSink(SmtpSink):
    """SmtpSink that also records when each accepted message arrived (same order as ``messages``)."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.times: list[float] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        response = await super().handle_DATA(server, session, envelope)
        if response.startswith("250"):
            with self._cond:
                self.times.append(time.monotonic())
        return response

    def accepted(self) -> list[tuple[float, object]]:
        with self._cond:
            return list(zip(self.times, self._messages))


@dataclass
class Death:
    instance: int
    pid: int
    how: str  # "sigkill" | "crashpoint <spec>" | "unexpected rc=N"
    uptime: float
    claimed_rows: int  # ledger rows the dead process held claimed
    sending_rows: int  # outbox rows it held leased
    last_event: str


class Instance:
    """One `mailrouter run` subprocess, restarted after each death."""

    def __init__(self, index: int, config: Path, workdir: Path):
        self.index = index
        self.config = config
        self.log_path = workdir / f"service-{index}.log"
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0
        self.crash_spec: str | None = None
        self.starts = 0
        self._logf = None

    def start(self, crash_spec: str | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("MAILROUTER_CRASH_AT", "MAILROUTER_CLOCK_OFFSET_SECONDS")}
        if crash_spec:
            env["MAILROUTER_CRASH_AT"] = crash_spec
        self.crash_spec = crash_spec
        if self._logf is None:
            self._logf = open(self.log_path, "ab")  # noqa: SIM115 - open across restarts, closed in close()
        self._logf.write(f"\n### start {self.starts + 1} crash_at={crash_spec}\n".encode())
        self._logf.flush()
        self.proc = subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "-c", str(self.config)],
                                     stdin=subprocess.DEVNULL, stdout=self._logf, stderr=self._logf, env=env,
                                     cwd=str(ROOT))
        self.started_at = time.monotonic()
        self.starts += 1

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> int:
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGKILL)
        return self.proc.wait(30)

    def terminate(self, timeout: float = 30) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
            return None

    def last_event(self) -> str:
        """The last JSON log event of the current run (a hint at where the kill landed)."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(max(0, os.path.getsize(self.log_path) - 8192))
                lines = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return "?"
        for line in reversed(lines):
            if line.startswith("### start"):
                return "(no event yet)"
            with contextlib.suppress(ValueError, AttributeError):
                return str(json.loads(line).get("event", "?"))
        return "?"

    def close(self) -> None:
        if self.alive():
            self.kill()
        if self._logf is not None:
            self._logf.close()
            self._logf = None


class StoreProbe:
    """Direct SQL on the service's store: post-mortem lease accounting and final checks."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine

        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        kw = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {}
        self.engine = create_engine(url, **kw)

    def expire_dead_owner(self, pid: int) -> tuple[int, int]:
        """Count and expire the claims/leases of a dead process (what 2 minutes would do)."""
        from sqlalchemy import text

        owner = f"{HOST}:{pid}:%"
        with self.engine.begin() as conn:
            claimed = conn.execute(text("SELECT count(*) FROM ledger WHERE state = 'claimed' AND owner LIKE :o"),
                                   {"o": owner}).scalar_one()
            sending = conn.execute(text("SELECT count(*) FROM outbox WHERE state = 'sending' AND owner LIKE :o"),
                                   {"o": owner}).scalar_one()
            conn.execute(text("UPDATE ledger SET lease_until = :t WHERE state = 'claimed' AND owner LIKE :o"),
                         {"o": owner, "t": datetime(2000, 1, 1, tzinfo=UTC)})
            conn.execute(text("UPDATE outbox SET lease_until = :t WHERE state = 'sending' AND owner LIKE :o"),
                         {"o": owner, "t": datetime(2000, 1, 1, tzinfo=UTC)})
        return claimed, sending

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            ledger = dict(conn.execute(text("SELECT state, count(*) FROM ledger GROUP BY state")).all())
            outbox = dict(conn.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all())
        return ledger, outbox

    def outbox_open(self) -> int:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')")).scalar_one()

    def dump(self, path: Path) -> None:
        """Ledger, cases and outbox (without mail bodies) as text, for a post-mortem."""
        from sqlalchemy import text

        queries = {
            "ledger": "SELECT id, account, folder, uidvalidity, uid, mailbox, message_id_hash, raw_sha256, state, "
                      "owner, lease_until, case_id, attempts, created_at, updated_at FROM ledger ORDER BY id",
            "cases": "SELECT id, tag, mailbox, urgency, language, flags, sender_hash, status, created_at "
                     "FROM cases ORDER BY created_at",
            "outbox": "SELECT id, case_id, kind, message_id, state, owner, attempts, last_error, created_at, "
                      "sent_at FROM outbox ORDER BY id",
            "ack_rate": "SELECT * FROM ack_rate",
        }
        with self.engine.connect() as conn, open(path, "w") as f:
            for name, query in queries.items():
                result = conn.execute(text(query))
                f.write(f"## {name}\n" + "\t".join(result.keys()) + "\n")
                f.writelines("\t".join(str(v) for v in row) + "\n" for row in result)
                f.write("\n")

    def close(self) -> None:
        self.engine.dispose()


# --------------------------------------------------------------------------
# the workload
# --------------------------------------------------------------------------

FIRST = ["Nadia", "Tomás", "Amir", "Lena", "Wanjiru", "Thu", "Aziz", "Mariam", "Kwame", "Olena", "Ravi", "Sofía",
         "Dawit", "Leyla", "Min-jun", "Ayşe", "Tenzin", "Chenda", "Farid", "Ngozi"]
DOMAINS = ["example.net", "example.com", "mail.example.org", "riseup.example", "posteo.example"]


def load_texts() -> list[str]:
    texts = []
    with open(TESTSET, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                if item["lang"] != "und":
                    texts.append(item["text"])
    return texts


@dataclass
class Planned:
    msgid: str
    mailbox: str
    sender: str  # addr-spec
    raw: bytes
    copies: int = 1  # APPENDed this many times
    gap_before: float = 0.0
    copy_gap: float | None = None  # None: the copy goes in right away
    appended_at: float | None = None


def plan_messages(rng: random.Random, n: int, mean_gap: float) -> list[Planned]:
    texts = load_texts()
    pool = [(f"{rng.choice(FIRST)} {chr(65 + i % 26)}.", f"soak{i}.{rng.randrange(1000)}@{rng.choice(DOMAINS)}")
            for i in range(max(3, n // 4))]
    plan = []
    burst = 0
    pair_next = None
    for i in range(n):
        if pair_next is not None:  # second mail of a back-to-back pair from a new sender
            name, addr, mailbox = pair_next
        else:
            name, addr = rng.choice(pool)
            mailbox = "emergency" if rng.random() < 0.35 else "humanrights"
            if i < n - 1 and rng.random() < PAIR_SHARE:
                name, addr = f"{rng.choice(FIRST)} P.", f"pair{i}.{rng.randrange(1000)}@{rng.choice(DOMAINS)}"
        body = rng.choice(texts)
        if rng.random() < 0.4:
            body += "\n\n" + rng.choice(texts)
        msgid = f"<soak.{i}.{secrets.token_hex(6)}@{addr.split('@')[1]}>"
        raw = client_mail(f"{name} <{addr}>", mailbox, f"report {i}", body, msgid=msgid, html=rng.random() < 0.6)
        if pair_next is not None:
            pair_next = None
            gap = 0.0
        elif burst:
            burst -= 1
            gap = 0.0
        elif rng.random() < 0.08:
            burst = rng.randint(2, 7)
            gap = rng.expovariate(1 / mean_gap)
        else:
            gap = rng.expovariate(1 / mean_gap)
        item = Planned(msgid, mailbox, addr, raw, gap_before=min(gap, 6 * mean_gap))
        if rng.random() < COPY_SHARE:
            item.copies = 2
            item.copy_gap = None if rng.random() < 0.7 else rng.uniform(1, 20)
        plan.append(item)
        if addr.startswith("pair") and (len(plan) < 2 or plan[-2].sender != addr):
            pair_next = (name, addr, mailbox)
    total = sum(x.gap_before for x in plan)
    for x in plan:  # the append phase lasts about n * mean_gap
        x.gap_before *= n * mean_gap / total if total else 1
    return plan


class Soak:
    def __init__(self, args, params: dict, workdir: Path):
        self.args = args
        self.p = params
        self.workdir = workdir
        self.rng = random.Random(args.seed)
        self.stop = threading.Event()
        self.dovecot_lock = threading.Lock()
        self.appended = threading.Condition()
        self.last_append = 0.0
        self.deaths: list[Death] = []
        self.deaths_lock = threading.Lock()
        self.violations: list[str] = []
        self.notes: list[str] = []
        self.events: list[str] = []  # outages, tempfails (for the report)
        self.append_failures = 0
        self.append_retries = 0
        self.thread_errors: list[str] = []
        self.pg_db: str | None = None
        self.store_url = ""
        self.instances: list[Instance] = []

    # --- set-up -----------------------------------------------------------------
    def setup(self) -> None:
        self.dovecot = DovecotServer(self.workdir / "dovecot", USERS)
        self.dovecot.start()
        self.sink = TimedSink()
        self.sink.start()
        config = write_config(self.workdir, self.dovecot, self.sink)
        text = config.read_text()
        if self.args.store == "postgresql":
            from sqlalchemy import create_engine
            from sqlalchemy import text as sql

            self.pg_db = f"mailrouter_soak_{secrets.token_hex(4)}"
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sql(f'CREATE DATABASE "{self.pg_db}"'))
            admin.dispose()
            self.store_url = f"{PG_BASE}/{self.pg_db}"
            self.key_file = self.workdir / "hash-key"  # shared by the instances, as in production
            text = text.replace(f'url = "sqlite:///{self.workdir / "store.db"}"',
                                f'url = "{self.store_url}"\nhash_key_file = "{self.key_file}"')
            assert self.store_url in text
        else:
            self.store_url = f"sqlite:///{self.workdir / 'store.db'}"
            self.key_file = None
        text += "\n[acknowledgements]\nwindow_seconds = 3600\n"
        config.write_text(text)
        self.config = config
        check = subprocess.run([sys.executable, "-m", "mailrouter.cli", "check", "-c", str(config)],
                               capture_output=True, text=True, cwd=str(ROOT), timeout=120, check=False)
        if check.returncode != 0:
            raise RuntimeError(f"mailrouter check failed:\n{check.stdout[-2000:]}\n{check.stderr[-2000:]}")
        # Create the schema once, before several instances race to do it.
        from mailrouter.store import Store

        Store(self.store_url, hash_key_file=self.key_file).close()
        self.probe = StoreProbe(self.store_url)
        n = 2 if self.args.store == "postgresql" else 1
        self.instances = [Instance(i, config, self.workdir) for i in range(n)]

    def teardown(self) -> None:
        for inst in self.instances:
            inst.close()
        with contextlib.suppress(Exception):
            self.probe.close()
        with contextlib.suppress(Exception):
            self.sink.stop()
        with contextlib.suppress(Exception):
            self.dovecot.stop()
        if self.pg_db:
            try:
                from sqlalchemy import create_engine
                from sqlalchemy import text as sql

                admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.execute(sql(f'DROP DATABASE IF EXISTS "{self.pg_db}" WITH (FORCE)'))
                admin.dispose()
            except Exception as exc:  # noqa: BLE001
                log(f"could not drop database {self.pg_db}: {exc}")

    # --- threads ------------------------------------------------------------------
    def _guard(self, name: str, fn) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - reported, the run then fails
            self.thread_errors.append(f"{name}: {traceback.format_exc()}")
            self.stop.set()

    def append_one(self, mailbox: str, raw: bytes) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with self.dovecot_lock:
                try:
                    self.dovecot.append(mailbox, "INBOX", raw)
                    return True
                except Exception:  # noqa: BLE001 - the server may be restarting
                    self.append_retries += 1
            time.sleep(0.5)
        self.append_failures += 1
        return False

    def appender(self) -> None:
        later: list[tuple[float, Planned]] = []
        for item in self.plan:
            end = time.monotonic() + item.gap_before
            while time.monotonic() < end and not self.stop.is_set():
                due = [x for x in later if x[0] <= time.monotonic()]
                for x in due:
                    later.remove(x)
                    self.append_one(x[1].mailbox, x[1].raw)
                time.sleep(min(0.05, max(0.0, end - time.monotonic())))
            if self.stop.is_set():
                return
            if self.append_one(item.mailbox, item.raw):
                item.appended_at = time.monotonic()
                with self.appended:
                    self.last_append = item.appended_at
                    self.appended.notify_all()
            if item.copies > 1:
                if item.copy_gap is None:
                    self.append_one(item.mailbox, item.raw)
                else:
                    later.append((time.monotonic() + item.copy_gap, item))
        for when, item in sorted(later, key=lambda x: x[0]):
            while time.monotonic() < when and not self.stop.is_set():
                time.sleep(0.05)
            self.append_one(item.mailbox, item.raw)

    def killer(self, inst: Instance, kills: int, mean: float, rng: random.Random) -> None:
        from mailrouter.faults import POINTS

        for k in range(kills):
            if self.stop.is_set():
                return
            if rng.random() < ACTIVITY_SHARE:
                # aim at the work: shortly after the next APPEND (IDLE wakes the service at once)
                since = time.monotonic()
                with self.appended:
                    self.appended.wait_for(lambda since=since: self.last_append > since or self.stop.is_set()
                                           or not inst.alive(),
                                           timeout=2 * mean)
                delay = rng.uniform(0.0, 0.8)
            else:
                delay = rng.uniform(0.3, max(0.6, 2 * mean - 0.3))
            end = time.monotonic() + delay
            while time.monotonic() < end and inst.alive() and not self.stop.is_set():
                time.sleep(0.02)
            if self.stop.is_set():
                return
            pid = inst.proc.pid
            uptime = time.monotonic() - inst.started_at
            if inst.alive():
                inst.kill()
                how = "sigkill"
            else:
                rc = inst.proc.returncode
                if rc == -signal.SIGKILL and inst.crash_spec:
                    how = f"crashpoint {inst.crash_spec}"
                else:
                    how = f"unexpected rc={rc}"
                    self.violations.append(f"instance {inst.index} (pid {pid}) died on its own with status {rc} "
                                           f"after {uptime:.1f}s (crash_at={inst.crash_spec}); see "
                                           f"{inst.log_path}")
            last = inst.last_event()
            claimed, sending = self.probe.expire_dead_owner(pid)
            with self.deaths_lock:
                self.deaths.append(Death(inst.index, pid, how, uptime, claimed, sending, last))
            time.sleep(rng.uniform(0.0, 1.0))  # down time: mail piles up
            spec = None
            if k < kills - 1 and rng.random() < CRASHPOINT_SHARE:
                spec = f"{rng.choice(POINTS)}:{rng.randint(1, 3)}"
            inst.start(spec)
        # the last start has no fault injection; it runs until the end

    def chaos(self, duration: float) -> None:
        rng = random.Random(self.args.seed + 1000)
        actions = ["outage"] * self.p["outages"] + ["tempfail"] * self.p["tempfails"]
        times = sorted(rng.uniform(0.1 * duration, 0.9 * duration) for _ in actions)
        rng.shuffle(actions)
        t0 = time.monotonic()
        for at, action in zip(times, actions):
            while time.monotonic() - t0 < at:
                if self.stop.is_set():
                    return
                time.sleep(0.05)
            if action == "outage":
                down = rng.uniform(1, 4)
                with self.dovecot_lock:
                    self.dovecot.kill()
                    time.sleep(down)
                    started = time.monotonic()
                    self.dovecot.start()
                self.events.append(f"t={at:.0f}s Dovecot SIGKILLed, down {down:.1f}s "
                                   f"(start took {time.monotonic() - started:.2f}s)")
            else:
                down = rng.uniform(2, 5)
                self.sink.set_mode("tempfail")
                time.sleep(down)
                self.sink.set_mode("ok")
                self.events.append(f"t={at:.0f}s SMTP sink answering 451 for {down:.1f}s")

    # --- run -------------------------------------------------------------------------
    def run(self) -> dict:
        p = self.p
        mean_gap = p["append_seconds"] / p["messages"]
        self.plan = plan_messages(self.rng, p["messages"], mean_gap)
        expected_append = sum(x.gap_before for x in self.plan)
        t_start = time.monotonic()
        for inst in self.instances:
            inst.start()
        threads = [threading.Thread(target=self._guard, args=("appender", self.appender), daemon=True),
                   threading.Thread(target=self._guard, args=("chaos", lambda: self.chaos(expected_append)),
                                    daemon=True)]
        n = len(self.instances)
        for inst in self.instances:
            kills = p["kills"] // n + (1 if inst.index < p["kills"] % n else 0)
            mean = max(expected_append, 5.0) / max(kills, 1)
            rng = random.Random(self.args.seed * 31 + inst.index)
            threads.append(threading.Thread(target=self._guard, daemon=True,
                                            args=(f"killer-{inst.index}",
                                                  lambda i=inst, k=kills, m=mean, r=rng: self.killer(i, k, m, r))))
        for t in threads:
            t.start()
        hard_deadline = t_start + 3 * p["append_seconds"] + 120
        for t in threads:
            t.join(max(1.0, hard_deadline - time.monotonic()))
            if t.is_alive():
                self.violations.append(f"soak thread {t.name} did not finish in time (harness problem)")
                self.stop.set()
        t_chaos_end = time.monotonic()
        log(f"chaos phase over after {t_chaos_end - t_start:.0f}s: {len(self.deaths)} kills, settling")
        for inst in self.instances:  # an instance may have died after its last kill
            if not inst.alive():
                self.violations.append(f"instance {inst.index} was not running at the end of the chaos phase "
                                       f"(status {inst.proc.returncode}); see {inst.log_path}")
                inst.start()
        settled = self.settle(p["settle_seconds"])
        t_settled = time.monotonic()
        exits = [inst.terminate() for inst in self.instances]
        for inst, rc in zip(self.instances, exits):
            if rc != 0:
                self.violations.append(f"instance {inst.index} did not stop cleanly on SIGTERM (status {rc}); "
                                       f"see {inst.log_path}")
        time.sleep(0.5)
        result = self.verify()
        result.update(
            settled=settled, t_chaos=t_chaos_end - t_start, t_settle=t_settled - t_chaos_end,
            t_total=time.monotonic() - t_start, exits=exits,
        )
        return result

    def expected_ids(self) -> set[str]:
        return {x.msgid for x in self.plan if x.appended_at is not None}

    def forwarded_ids(self) -> set[str]:
        ids = set()
        for _, m in self.sink.accepted():
            if ".forward@" in str(m.message.get("Message-ID", "")):
                with contextlib.suppress(Exception):
                    ids.add(original_message_id(m))
        return ids

    def settle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                inbox_empty = all(not self.dovecot.uids(b, "INBOX") for b in MAILBOXES)
                drained = self.probe.outbox_open() == 0
            except Exception:  # noqa: BLE001
                inbox_empty = drained = False
            if inbox_empty and drained and self.expected_ids() <= self.forwarded_ids():
                time.sleep(1.0)  # let a last resend or alert arrive
                return True
            time.sleep(0.5)
        return False

    # --- verification -----------------------------------------------------------------
    def verify(self) -> dict:
        V = self.violations
        by_id = {x.msgid: x for x in self.plan}
        expected = self.expected_ids()
        accepted = self.sink.accepted()
        deliveries = Counter(str(m.message.get("Message-ID", "")) for _, m in accepted)
        resend_kinds = Counter()
        for _, m in accepted:
            mid = str(m.message.get("Message-ID", ""))
            if deliveries[mid] > 1:
                resend_kinds[kind_of(m)] += 1
        # deliveries beyond the first, per kind
        first_seen: dict[str, float] = {}
        forwards: dict[str, list[str]] = defaultdict(list)  # original msgid -> forward Message-IDs (per delivery)
        fwd_info: dict[str, dict] = {}
        acks: dict[tuple[str, str], set[str]] = defaultdict(set)
        ack_cases: set[str] = set()
        alerts: Counter = Counter()
        other = 0
        latencies: list[float] = []
        for when, m in accepted:
            kind = kind_of(m)
            mid = str(m.message.get("Message-ID", ""))
            if kind == "forward":
                try:
                    orig = original_message_id(m)
                except Exception as exc:  # noqa: BLE001
                    V.append(f"forward {mid} carries no readable original ({exc})")
                    continue
                forwards[orig].append(mid)
                if orig not in first_seen:
                    first_seen[orig] = when
                    item = by_id.get(orig)
                    if item is not None and item.appended_at is not None:
                        latencies.append(when - item.appended_at)
                fwd_info[mid] = summary_info(m)
            elif kind == "ack":
                irt = str(m.message.get("In-Reply-To", ""))
                item = by_id.get(irt)
                if item is None:
                    V.append(f"acknowledgement {mid} answers an unknown message {irt!r}")
                    continue
                acks[(item.sender, item.mailbox)].add(mid)
                ack_cases.add(str(m.message.get("X-Mailrouter-Case", "")))
            elif kind == "alert":
                alerts[alert_topic(str(m.message.get("Subject", "")))] += 1
            else:
                other += 1
        lost = sorted(expected - set(forwards))
        for orig in lost:
            V.append(f"LOST: {orig} ({by_id[orig].mailbox}) was appended but never forwarded")
        for orig in sorted(set(forwards) - set(by_id)):
            V.append(f"forward of a message that was never appended: {orig}")
        for orig, mids in sorted(forwards.items()):
            if len(set(mids)) > 1:
                V.append(f"DUPLICATE: {orig} was forwarded as {len(set(mids))} different mails "
                         f"{sorted(set(mids))} (copies appended: {by_id[orig].copies if orig in by_id else '?'})")
        for (sender, mailbox), mids in sorted(acks.items()):
            if len(mids) > 1:
                V.append(f"ACK RATE: sender {sender} in {mailbox} got {len(mids)} different "
                         f"acknowledgements {sorted(mids)} within one window")
        ack_reasons = Counter()
        fallbacks = 0
        for mid, info in fwd_info.items():
            if info["fallback"]:
                fallbacks += 1
                ack_reasons[f"could not process: {info['fallback']}"] += 1
                continue
            if info["acked"] is True and info["case"] not in ack_cases:
                V.append(f"ACK LOST: forward {mid} (case {info['case']}) says acknowledged, no acknowledgement "
                         f"arrived")
            ack_reasons["yes" if info["acked"] else f"no ({info['ack_reason']})"] += 1
        if fallbacks:
            self.notes.append(
                f"{fallbacks} message(s) went out through the 'could not process' fallback (forwarded raw, flagged, "
                "no acknowledgement): their ledger rows reached more than 3 attempts. Every claim counts as an "
                "attempt, and a poll claims all pending messages before it processes the first, so each kill of "
                "a process holding claims charges an attempt to every message it had claimed, not only to the one "
                "being processed. See store-dump.txt (ledger.attempts) when the run kept its directory.")
        # mailboxes and store
        processed: Counter = Counter()
        inbox_left = {}
        for box in MAILBOXES:
            inbox_left[box] = len(self.dovecot.uids(box, "INBOX"))
            if inbox_left[box]:
                V.append(f"INBOX of {box} still holds {inbox_left[box]} message(s)")
            for raw in self.dovecot.fetch_all(box, "Processed").values():
                processed[email.message_from_bytes(raw).get("Message-ID", "")] += 1
        for item in self.plan:
            if item.appended_at is None:
                continue
            if processed[item.msgid] == 0:
                V.append(f"{item.msgid} is not in Processed")
        appended_total = sum(x.copies for x in self.plan if x.appended_at is not None)
        extra = {x.msgid: processed[x.msgid] - x.copies for x in self.plan
                 if x.appended_at is not None and processed[x.msgid] > x.copies}
        if extra:
            self.notes.append(
                f"Processed holds {sum(processed.values())} messages, {appended_total} were appended: "
                f"{len(extra)} message(s) were filed more than once ({', '.join(sorted(extra)[:8])}"
                f"{' …' if len(extra) > 8 else ''}). No extra forward came of it. Two IMAP sessions MOVEing the "
                f"same UID at the same moment both copy it (Dovecot); with several instances, one files a "
                f"message another has just decided and is filing. An APPEND retried after a Dovecot kill "
                f"({self.append_retries} here) could also store a message twice.")
        self.processed_extra = extra
        ledger, outbox = self.probe.counts()
        if ledger.get("decided"):
            self.notes.append(f"{ledger['decided']} ledger row(s) stay 'decided', not 'filed': the process died "
                              "between the MOVE to Processed and marking the row filed (crash point after_file). "
                              "The message is in Processed and nothing is redone; the row is not revisited.")
        if ledger.get("claimed"):
            V.append(f"{ledger['claimed']} ledger row(s) left 'claimed'")
        for state in ("pending", "sending", "failed"):
            if outbox.get(state):
                V.append(f"{outbox[state]} outbox row(s) left '{state}'")
        if self.append_failures:
            V.append(f"{self.append_failures} APPEND(s) failed for 60 s (harness/Dovecot problem)")
        for err in self.thread_errors:
            V.append(f"soak thread crashed: {err}")
        if V:
            with contextlib.suppress(Exception):
                self.probe.dump(self.workdir / "store-dump.txt")
        logs = scan_logs(self.instances)
        resends = sum(n - 1 for n in deliveries.values() if n > 1)
        return {
            "expected": len(expected), "pairs": sum(1 for x in self.plan if x.sender.startswith("pair")) // 2,
            "copies": sum(1 for x in self.plan if x.copies > 1 and x.appended_at is not None),
            "appended_total": appended_total, "accepted": len(accepted), "distinct": len(deliveries), "resends": resends,
            "resend_kinds": dict(resend_kinds), "forwarded": len(forwards), "lost": len(lost),
            "ack_pairs": len(acks), "acks": sum(len(v) for v in acks.values()),
            "senders": len({(x.sender, x.mailbox) for x in self.plan if x.appended_at is not None}),
            "ack_reasons": dict(ack_reasons), "fallbacks": fallbacks, "alerts": dict(alerts), "other": other,
            "latencies": sorted(latencies), "ledger": ledger, "outbox": outbox, "inbox_left": inbox_left,
            "processed": sum(processed.values()), "logs": logs,
        }


# --------------------------------------------------------------------------
# reading the received mail
# --------------------------------------------------------------------------


def kind_of(m) -> str:
    mid = str(m.message.get("Message-ID", ""))
    if m.message.get("Auto-Submitted") == "auto-replied":
        return "ack"
    if ".forward@" in mid:
        return "forward"
    if str(m.message.get("Subject", "")).strip().startswith("[mailrouter alert]"):
        return "alert"
    return "other"


def attached_original(forward) -> bytes:
    """The original exactly as attached (same logic as tests/test_e2e.py::attached_original)."""
    for part in forward.message.walk():
        if part.get_filename() == "original-message.eml":
            return part.get_payload(decode=True)
    boundary = forward.message.get_boundary().encode()
    for chunk in forward.data.split(b"--" + boundary)[1:]:
        head, _, body = chunk.partition(b"\r\n\r\n")
        if b"message/rfc822" in head.lower():
            return body[:-2] if body.endswith(b"\r\n") else body
    raise ValueError("forward carries no original")


def original_message_id(forward) -> str:
    return str(email.message_from_bytes(attached_original(forward)).get("Message-ID", "")).strip()


def summary_info(forward) -> dict:
    text = ""
    with contextlib.suppress(Exception):
        text = forward.message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    info = {"case": str(forward.message.get("X-Mailrouter-Case", "")), "acked": None, "ack_reason": "",
            "fallback": None}
    m = re.search(r"COULD NOT PROCESS: (.*?)\.\n", text)
    if m:
        info["fallback"] = m.group(1)
        return info
    m = re.search(r"^Acknowledged:\s*(yes|no)(?: \((.*)\))?", text, re.MULTILINE)
    if m:
        info["acked"] = m.group(1) == "yes"
        info["ack_reason"] = m.group(2) or ""
    return info


def alert_topic(subject: str) -> str:
    subject = re.sub(r"\s+", " ", subject.replace("[mailrouter alert]", "")).strip()
    return re.sub(r"\b[0-9A-Z]{4,8}\b", "…", subject)[:80]


def scan_logs(instances: list[Instance]) -> dict:
    events: Counter = Counter()
    tracebacks = 0
    errors: Counter = Counter()
    kinds: Counter = Counter()
    for inst in instances:
        with contextlib.suppress(OSError):
            lines = inst.log_path.read_text(errors="replace").splitlines()
            thread = ""
            for n, line in enumerate(lines):
                if line.startswith("Exception in thread"):
                    thread = line[len("Exception in thread "):].rstrip(":")
                    continue
                if line.startswith("Traceback"):
                    tracebacks += 1
                    block = []
                    for nxt in lines[n + 1:n + 200]:
                        if nxt.startswith(" "):
                            block.append(nxt)
                        elif re.match(r"[A-Za-z_][\w.]*(?::|$)", nxt):
                            block.append(nxt)
                            break  # the exception line; other lines are output of other threads
                    frames = [re.search(r'File "([^"]+)", line (\d+), in (\S+)', b) for b in block]
                    ours = [m for m in frames if m and "/mailrouter/" in m.group(1)]
                    where = (f"{Path(ours[-1].group(1)).name}:{ours[-1].group(2)} {ours[-1].group(3)}"
                             if ours else "?")
                    last = block[-1] if block and not block[-1].startswith(" ") else "(traceback cut off)"
                    kinds[f"{last[:100]} (at {where}{', thread ' + thread if thread else ''})"] += 1
                    thread = ""
                try:
                    ev = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(ev, dict):
                    continue
                events[ev.get("event", "?")] += 1
                if ev.get("level") in ("error", "critical"):
                    errors[f"{ev.get('event')} {ev.get('error', '')}".strip()] += 1
    return {"events": dict(events), "tracebacks": tracebacks, "errors": dict(errors), "kinds": dict(kinds)}


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def machine() -> dict[str, str]:
    def first_line(cmd: list[str]) -> str:
        try:
            cp = subprocess.run(cmd, capture_output=True, text=True, timeout=20, check=False)
            return cp.stdout.splitlines()[0].strip()
        except (OSError, IndexError, subprocess.SubprocessError):
            return "?"

    cpu = "?"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    head = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    try:  # read-only: no optional index refresh
        dirty = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), "status", "--porcelain", "--",
                                "mailrouter", "rules", "templates"], capture_output=True, text=True, timeout=20,
                               check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        dirty = []
    code = f"commit {head}" + (f" + uncommitted changes in {len(dirty)} file(s) of mailrouter/, rules/, templates/"
                               if dirty else "")
    pg = "-"
    with contextlib.suppress(Exception):
        from sqlalchemy import create_engine, text

        eng = create_engine(PG_ADMIN)
        with eng.connect() as conn:
            pg = conn.execute(text("SHOW server_version")).scalar_one()
        eng.dispose()
    import sqlite3

    return {"code": code, "nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
            "kernel": platform.release(), "dovecot": first_line([find_dovecot(), "--version"]),
            "sqlite": sqlite3.sqlite_version, "postgresql": pg,
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    k = (len(values) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def render(args, params: dict, soak: Soak, r: dict, mach: dict, started: datetime) -> str:
    V = soak.violations
    deaths = soak.deaths
    hows = Counter("SIGKILL (random moment)" if d.how == "sigkill" else
                   "self-kill at crashpoint" if d.how.startswith("crashpoint") else "died on its own"
                   for d in deaths)
    points = Counter(d.how.split()[1].split(":")[0] for d in deaths if d.how.startswith("crashpoint"))
    lat = r["latencies"]
    out = []
    w = out.append
    title = "PostgreSQL, two instances" if args.store == "postgresql" else "SQLite, one instance"
    w(f"# Crash soak ({title})\n")
    w(f"Generated by `python bench/crash_soak.py{' --store postgresql' if args.store == 'postgresql' else ''}"
      f"{' --quick' if args.quick else ''}` on {started:%Y-%m-%d %H:%M} UTC. "
      f"See the docstring of `bench/crash_soak.py` for what it does.\n")
    w(f"**Result: {'PASS, no violation' if not V else f'FAIL, {len(V)} violation(s)'}.**\n")
    w("## Machine and code\n")
    w("| | |\n|---|---|")
    for k in ("code", "cpu", "nproc", "python", "kernel", "dovecot", "sqlite", "postgresql", "load"):
        w(f"| {k} | {mach.get(k, '?')} |")
    w(f"| load at end | {' '.join(f'{x:.2f}' for x in os.getloadavg())} |")
    w("")
    w("## Parameters\n")
    w("| | |\n|---|---|")
    w(f"| store | {args.store} ({len(soak.instances)} instance{'s' if len(soak.instances) > 1 else ''}) |")
    w(f"| seed | {args.seed} |")
    w(f"| messages | {params['messages']} ({r['copies']} of them appended twice, byte for byte; {r['pairs']} "
      f"back-to-back pairs from a new sender) |")
    w(f"| kills requested | {params['kills']} |")
    w(f"| append phase (planned) | {params['append_seconds']:.0f} s |")
    w(f"| Dovecot kills / SMTP tempfail spells | {params['outages']} / {params['tempfails']} |")
    w(f"| crash-point share of restarts | {CRASHPOINT_SHARE:.0%} |")
    w(f"| kills aimed just after an APPEND | {ACTIVITY_SHARE:.0%} (0-0.8 s after it; the rest at random) |")
    w("| ack window | 3600 s (longer than the run) |")
    w("")
    w("## Results\n")
    w("| | |\n|---|---|")
    w(f"| messages appended (distinct Message-IDs) | {r['expected']} ({r['appended_total']} APPENDs, "
      f"{soak.append_retries} APPEND retries while Dovecot was down) |")
    w(f"| forwarded (distinct originals) | {r['forwarded']} |")
    w(f"| lost | {r['lost']} |")
    w(f"| forwarded via 'could not process' fallback | {r['fallbacks']} |")
    w(f"| acknowledgements (distinct) / sender-mailbox pairs | {r['acks']} / {r['senders']} |")
    w(f"| mails accepted by the sink / distinct Message-IDs | {r['accepted']} / {r['distinct']} |")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(r["resend_kinds"].items())) or "-"
    w(f"| resends (same Message-ID delivered again) | {r['resends']} (deliveries involved: {kinds}) |")
    w(f"| operator alerts | {sum(r['alerts'].values())} |")
    w(f"| Processed folders / INBOX left | {r['processed']} / "
      f"{', '.join(f'{k} {v}' for k, v in r['inbox_left'].items())} |")
    w(f"| ledger rows by state | {', '.join(f'{k} {v}' for k, v in sorted(r['ledger'].items()))} |")
    w(f"| outbox rows by state | {', '.join(f'{k} {v}' for k, v in sorted(r['outbox'].items()))} |")
    w(f"| service kills | {len(deaths)}: " + ", ".join(f"{k} {v}" for k, v in hows.items()) + " |")
    w(f"| crash points hit | {', '.join(f'{k} {v}' for k, v in sorted(points.items())) or '-'} |")
    w(f"| kills that left claimed ledger rows | {sum(1 for d in deaths if d.claimed_rows)} "
      f"({sum(d.claimed_rows for d in deaths)} rows) |")
    w(f"| kills that left leased outbox rows | {sum(1 for d in deaths if d.sending_rows)} "
      f"({sum(d.sending_rows for d in deaths)} rows) |")
    w(f"| service starts | {sum(i.starts for i in soak.instances)} |")
    w(f"| append → forward latency (p50 / p95 / max) | {pct(lat, 50):.1f} s / {pct(lat, 95):.1f} s / "
      f"{(lat[-1] if lat else float('nan')):.1f} s |")
    w(f"| chaos phase / settle / total | {r['t_chaos']:.0f} s / {r['t_settle']:.1f} s "
      f"({'settled' if r['settled'] else 'DID NOT SETTLE'}) / {r['t_total']:.0f} s |")
    w(f"| exit status on SIGTERM | {', '.join(str(x) for x in r['exits'])} |")
    w("")
    w("Acknowledgement decisions, as written in the forwards' summaries:\n")
    for reason, n in sorted(r["ack_reasons"].items(), key=lambda x: -x[1]):
        w(f"- {reason}: {n}")
    w("")
    if r["alerts"]:
        w("Operator alerts received (subjects, case tags elided):\n")
        for topic, n in sorted(r["alerts"].items(), key=lambda x: -x[1]):
            w(f"- {topic}: {n}")
        w("")
    if soak.events:
        w("Server trouble injected:\n")
        for e in soak.events:
            w(f"- {e}")
        w("")
    w("Where the random kills landed (last log event of the killed process):\n")
    landed = Counter(d.last_event for d in deaths if d.how == "sigkill")
    w(", ".join(f"{k} {v}" for k, v in landed.most_common()) or "-")
    w("")
    logs = r["logs"]
    w(f"Service logs: {logs['tracebacks']} Python traceback(s); error-level events: "
      + (", ".join(f"`{k}` {v}" for k, v in sorted(logs["errors"].items())) or "none") + ".\n")
    for k, v in sorted(logs["kinds"].items()):
        w(f"- traceback x{v}: `{k}`")
    if logs["kinds"]:
        w("")
    w("## Violations\n")
    if V:
        for v in V:
            w(f"- {v}")
    else:
        w("None: every message forwarded exactly once (repeats only as same-Message-ID resends), at most one "
          "acknowledgement per sender and mailbox, every promised acknowledgement delivered, INBOXes empty, "
          "no ledger row left claimed, outbox drained, clean SIGTERM exits.")
    w("")
    if soak.notes:
        w("## Notes\n")
        for n in soak.notes:
            w(f"- {n}")
        w("")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="30 messages, 6 kills (< 90 s), report printed only")
    ap.add_argument("--messages", type=int, help="messages to append (full 200, quick 30)")
    ap.add_argument("--kills", type=int, help="service kills (full 40, quick 6)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite",
                    help="postgresql: throw-away database on 127.0.0.1:5432, two instances")
    ap.add_argument("--seconds", type=float, help="length of the append phase (full 300, quick 35)")
    ap.add_argument("--out", help="report file, '-' to print only (default: results/crash_soak[_postgresql].md "
                                  "for a full run, '-' with --quick)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, config, store)")
    args = ap.parse_args()
    params = dict(QUICK if args.quick else FULL)
    if args.messages is not None:
        params["messages"] = max(1, args.messages)
    if args.kills is not None:
        params["kills"] = max(0, args.kills)
    if args.seconds is not None:
        params["append_seconds"] = max(1.0, args.seconds)
    elif args.messages is not None and not args.quick:
        params["append_seconds"] = FULL["append_seconds"] * params["messages"] / FULL["messages"]
    if args.out is None:
        name = "crash_soak_postgresql.md" if args.store == "postgresql" else "crash_soak.md"
        args.out = "-" if args.quick else str(RESULTS / name)

    started = datetime.now(UTC)
    mach = machine()
    workdir = Path(tempfile.mkdtemp(prefix="mr-soak-"))
    os.chmod(workdir, 0o711)
    soak = Soak(args, params, workdir)
    log(f"workdir {workdir}; store {args.store}; {params['messages']} messages, {params['kills']} kills, "
        f"seed {args.seed}")
    try:
        try:
            soak.setup()
        except Exception:  # noqa: BLE001
            log("set-up failed:\n" + traceback.format_exc())
            return 2
        result = soak.run()
    finally:
        soak.stop.set()
        soak.teardown()
    report = render(args, params, soak, result, mach, started)
    if args.out == "-":
        print(report)
    else:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report + "\n")
        print(report)
        log(f"wrote {args.out}")
    if soak.violations or args.keep:
        log(f"kept {workdir} (service logs, config, store)")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    if soak.violations:
        log(f"{len(soak.violations)} violation(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
