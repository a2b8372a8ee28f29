#!/usr/bin/env python3
"""Pipeline benchmark: throughput, emergency latency and memory, as ratios to the raw limit.

    python bench/bench_pipeline.py            # full run (~3-4 min) -> bench/results/pipeline.md
    python bench/bench_pipeline.py --quick    # small run (< 90 s), report printed only
    python bench/bench_pipeline.py --out -    # full run, print only

Everything runs on this machine, on loopback, in the same run:

1. Throughput.  N messages of mixed mail (multilingual plain mail built by
   ``tests/mailfactory.client_mail``, texts from ``bench/language_testset.jsonl``,
   varied sizes, some with an attachment; and a share of the PGP/MIME fixtures of
   ``tests/fixtures/pgp/mail`` that decrypt with the committed service keys,
   each with a unique Message-ID) are APPENDed once to a template Dovecot.  Each
   phase then gets a fresh copy of that Dovecot and fresh GnuPG homes:

   * raw limit (own process): one bare imapclient session per mailbox doing
     UID SEARCH + FETCH BODY.PEEK[] of every message; ``gpg --decrypt`` (python-gnupg,
     same keys) of the encrypted ones; one bare aiosmtplib connection sending N
     messages (the same bytes) to the SMTP sink.  raw msg/s = N / (sum of the three).
   * mailrouter (own process, fresh SQLite store): ``Service(config).run_once()`` -
     claim, parse, decrypt, language, rules, compose, encrypt, commit, MOVE,
     deliver acknowledgements and encrypted forwards.

   ratio = mailrouter msg/s / raw msg/s.  For context, not part of the raw limit:
   a bare ``gpg --encrypt --sign`` of every message to the two staff keys, which
   mailrouter does for every forward.

2. Emergency latency.  ``mailrouter run`` (the real service, subprocess, IDLE on,
   production-like poll interval 60 s and delivery interval 5 s, so only the
   IDLE path is measured) against a fresh Dovecot and the sink.  Emergency mails
   (plain and encrypted) are APPENDed one at a time; the next goes in after the
   forward of the previous one arrived plus a pause.  Latency = start of APPEND ->
   the sink has the whole forward (DATA received).  Raw reference: a bare
   imapclient IDLE session on the same INBOX, at the same time, seeing the
   EXISTS of the same APPENDs.  The first message after start (warm-up: lazy
   loading, gpg-agent start) is reported separately.

3. Memory.  VmHWM (peak RSS) from /proc of: python alone, python importing
   mailrouter, python importing everything the service loads; the raw worker;
   the run_once worker; the service during the latency run (plus ru_maxrss
   from wait4 as a cross-check).  gpg and gpg-agent processes are not counted.

No timed assertions: this prints numbers, the reader judges them.  Loops are
bounded in count and time; servers listen on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email
import email.policy
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TESTS = ROOT / "tests"
PGP = TESTS / "fixtures" / "pgp"
KEYS = PGP / "keys"
OUT = HERE / "results" / "pipeline.md"
TESTSET = HERE / "language_testset.jsonl"

for p in (str(ROOT), str(TESTS)):
    if p not in sys.path:
        sys.path.insert(0, p)

USERS = {"humanrights": "hr-secret", "emergency": "em-secret"}  # the passwords write_config() uses
FPR = json.loads((KEYS / "fingerprints.json").read_text())
SEED = 20261125
ENCRYPTED_SHARE = 0.2
EMERGENCY_SHARE = 0.3  # of the plain mail
LATENCY_ENCRYPTED_EVERY = 3  # every 3rd latency message is encrypted
STAFF_TO = ["alice@staff.example.org", "bola@staff.example.org"]
CONTEXT_SIGN_MAX = 60  # the context row (bare encrypt+sign) runs on at most this many messages


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------


def vm_status(pid: int | str = "self") -> dict[str, float]:
    """VmHWM / VmRSS of a process in MB (from /proc/<pid>/status)."""
    out: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    out[line.split(":")[0]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def rusage_dict(who) -> dict[str, float]:
    r = resource.getrusage(who)
    return {"utime": r.ru_utime, "stime": r.ru_stime, "maxrss_mb": r.ru_maxrss / 1024}


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def gpg_cmd(home: Path, *args: str, input: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(["gpg", "--homedir", str(home), "--batch", "--yes", "--pinentry-mode", "loopback",
                           "--passphrase-file", str(KEYS / "passphrase.txt"), *args],
                          input=input, capture_output=True, timeout=60, check=False)


def make_homes(root: Path) -> dict[str, Path]:
    """Service home (both service secret keys + the pinned staff keys) and correspondents
    home, as in tests/test_e2e_pgp.py. Short paths: gpg-agent sockets."""
    homes = {"svc": root / "svc", "cor": root / "cor"}
    for home in homes.values():
        home.mkdir(mode=0o700, parents=True)
    for key in ("service-talk.sec.asc", "service-emergency.sec.asc", "staff-alice.pub.asc", "staff-bob.pub.asc"):
        r = gpg_cmd(homes["svc"], "--import", str(KEYS / key))
        if r.returncode != 0:
            raise RuntimeError(f"gpg --import {key} failed: {r.stderr.decode(errors='replace')[-500:]}")
    gpg_cmd(homes["cor"], "--import", str(KEYS / "sender-amina.pub.asc"))
    return homes


def agent_cpu(home: Path | str) -> float:
    """CPU seconds (user + sys) used so far by the gpg-agent of ``home`` (0 if none runs).

    gpg-agent daemonises, so its time shows up in nobody's rusage; it is where
    every secret-key operation pays its passphrase S2K."""
    needle = str(home).encode()
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
            if not args or not args[0].endswith(b"gpg-agent") or needle not in args:
                continue
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            continue
    return total


def kill_agents(homes: dict[str, Path]) -> None:
    for home in homes.values():
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True, timeout=30,
                       check=False)


def write_bench_config(workdir: Path, dovecot, sink, homes: dict[str, Path], *, latency: bool) -> Path:
    """write_config() of the tests plus [crypto] as in tests/test_e2e_pgp.py, every staff
    member on a team with a pinned key (alice, bola), and for the latency run the
    production-like intervals (poll 60 s, delivery 5 s) so that only IDLE can be fast."""
    from mailfactory import write_config

    extra = f"""
[crypto]
home = "{homes['svc']}"
correspondents_home = "{homes['cor']}"
service_key = "{FPR['service_talk']}"
passphrase_file = "{KEYS / 'passphrase.txt'}"
encrypt_all_forwards = true
"""
    workdir.mkdir(parents=True, exist_ok=True)
    path = write_config(workdir, dovecot, sink, extra=extra)
    text = path.read_text()
    snapshot = workdir.parent / "snapshot"
    subs = [
        (f'templates_dir = "{ROOT / "templates"}"', f'templates_dir = "{snapshot / "templates"}"'),
        (f'rules_dir = "{ROOT / "rules"}"', f'rules_dir = "{snapshot / "rules"}"'),
        ('default_urgency = "critical"', f'default_urgency = "critical"\nkey = "{FPR["service_emergency"]}"'),
        ('address = "alice@staff.example.org"', f'address = "alice@staff.example.org"\nkey = "{FPR["alice"]}"'),
        ('address = "bola@staff.example.org"', f'address = "bola@staff.example.org"\nkey = "{FPR["bob"]}"'),
        ('members = ["bola", "chen"]', 'members = ["bola", "alice"]'),
    ]
    if latency:
        subs += [("poll_interval = 2", "poll_interval = 60"), ("interval_seconds = 0.5", "interval_seconds = 5")]
    for old, new in subs:
        if old not in text:
            raise RuntimeError(f"tests/mailfactory.write_config changed: {old!r} not found; update bench_pipeline.py")
        text = text.replace(old, new)
    path.write_text(text)
    return path


# --------------------------------------------------------------------------
# workload
# --------------------------------------------------------------------------


def uniquify(raw: bytes, tag: str) -> bytes:
    """Give a fixture a unique outer Message-ID (otherwise the ledger sees copies)."""
    sep = raw.find(b"\n\n") if raw.find(b"\r\n\r\n") < 0 else raw.find(b"\r\n\r\n")
    head, body = raw[:sep], raw[sep:]
    new, n = re.subn(rb"(?im)^(Message-ID:\s*<)", rb"\g<1>" + tag.encode() + b".", head, count=1)
    if n == 0:
        eol = b"\r\n" if b"\r\n" in head else b"\n"
        new = head + eol + f"Message-ID: <{tag}@bench.example.net>".encode()
    return new + body


def encrypted_fixtures() -> dict[str, tuple[str, bytes]]:
    """PGP/MIME fixtures (multipart/encrypted, possibly inside multipart/signed) that are
    meant to decrypt with the committed service keys: name -> (mailbox, raw)."""
    out = {}
    for path in sorted((PGP / "mail").glob("*.eml")):
        if path.name.startswith(("fail_", "sig_", "expired_")):
            continue
        raw = path.read_bytes()
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        if not any(p.get_content_type() == "multipart/encrypted" for p in msg.walk()):
            continue
        to = str(msg.get("To", ""))
        out[path.name] = ("emergency" if "emergency@" in to else "humanrights", raw)
    return out


def load_texts() -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = {}
    with open(TESTSET, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                it = json.loads(line)
                if it["lang"] != "und":
                    by_lang.setdefault(it["lang"], []).append(it["text"])
    return by_lang


FIRST = ["Nadia", "Tomás", "Amir", "Lena", "Wanjiru", "Thu", "Aziz", "Mariam", "Kwame", "Olena", "Ravi", "Sofía",
         "Dawit", "Leyla", "Min-jun", "Ayşe", "Tenzin", "Chenda", "Farid", "Ngozi"]
DOMAINS = ["example.net", "example.com", "mail.example.org", "riseup.example", "posteo.example"]


def plain_mail(rng: random.Random, texts: dict[str, list[str]], i: int, mailbox: str) -> tuple[bytes, str, str]:
    """One multilingual client mail; returns (raw, size class, language)."""
    from mailfactory import client_mail

    lang = rng.choice(sorted(texts))
    pool = texts[lang]
    r = rng.random()
    size_class = ("short" if r < 0.60 else "medium" if r < 0.85 else "long" if r < 0.90 else "attachment")
    paragraphs = {"short": rng.randint(1, 3), "medium": rng.randint(5, 20), "long": rng.randint(40, 120),
                  "attachment": rng.randint(1, 3)}[size_class]
    body = "\n\n".join(rng.choice(pool) for _ in range(paragraphs))
    body += f"\n\n-- \n{FIRST[i % len(FIRST)]}"
    subject = " ".join(pool[i % len(pool)].split()[:6])[:70]
    sender = f"{FIRST[i % len(FIRST)]} <v{i:04d}@{DOMAINS[i % len(DOMAINS)]}>"
    raw = client_mail(sender, mailbox, subject, body, html=rng.random() < 0.6)
    if size_class == "attachment":
        msg = email.message_from_bytes(raw, _class=EmailMessage, policy=email.policy.SMTP)
        msg.add_attachment(rng.randbytes(rng.randint(40_000, 600_000)), maintype="image", subtype="jpeg",
                           filename=f"screenshot-{i}.jpg")
        raw = bytes(msg)
    return raw, size_class, lang


def build_workload(n: int) -> list[dict]:
    rng = random.Random(SEED)
    texts = load_texts()
    fixtures = encrypted_fixtures()
    names = sorted(fixtures)
    items = []
    for i in range(n):
        if rng.random() < ENCRYPTED_SHARE:
            name = names[i % len(names)]
            mailbox, raw = fixtures[name]
            items.append({"mailbox": mailbox, "raw": uniquify(raw, f"bench{i:05d}"), "kind": "pgp",
                          "size_class": name})
        else:
            mailbox = "emergency" if rng.random() < EMERGENCY_SHARE else "humanrights"
            raw, size_class, lang = plain_mail(rng, texts, i, mailbox)
            items.append({"mailbox": mailbox, "raw": raw, "kind": "plain", "size_class": size_class, "lang": lang})
    return items


def latency_messages(m: int) -> list[dict]:
    rng = random.Random(SEED + 1)
    texts = load_texts()
    fixtures = {k: v for k, v in encrypted_fixtures().items() if v[0] == "emergency"}
    names = sorted(fixtures)
    out = []
    for i in range(m + 1):  # +1: the warm-up message
        if names and i % LATENCY_ENCRYPTED_EVERY == LATENCY_ENCRYPTED_EVERY - 1:
            name = names[i % len(names)]
            out.append({"raw": uniquify(fixtures[name][1], f"lat{i:04d}"), "kind": "pgp"})
        else:
            raw, _, _ = plain_mail(rng, texts, 5000 + i, "emergency")
            out.append({"raw": raw, "kind": "plain"})
    return out


# --------------------------------------------------------------------------
# servers
# --------------------------------------------------------------------------


def dovecot_copy(template_home: Path | None, base: Path, port: int | None = None):
    """A DovecotServer in ``base``; with ``template_home``, its mail is a copy (cp -a) of that."""
    from servers import DovecotServer

    base.mkdir(parents=True, exist_ok=True)
    if template_home is not None:
        subprocess.run(["cp", "-a", str(template_home), str(base / "home")], check=True, timeout=120)
    server = DovecotServer(base, USERS, port=port)
    server.start()
    return server


def make_timed_sink():
    from servers import SmtpSink

    class TimedSink(SmtpSink):
        """SmtpSink that notes when each message arrived (end of DATA) and its Message-ID."""

        def __init__(self, **kw):
            super().__init__(**kw)
            self.arrivals: list[tuple[float, str]] = []

        async def handle_DATA(self, server, session, envelope):
            t = time.monotonic()
            data = envelope.original_content or envelope.content or b""
            head = bytes(data[:8192]) if isinstance(data, (bytes, bytearray)) else b""
            m = re.search(rb"(?im)^Message-ID:\s*(<[^>\r\n]*>)", head)
            response = await super().handle_DATA(server, session, envelope)
            with self._cond:
                self.arrivals.append((t, m.group(1).decode("ascii", "replace") if m else ""))
                self._cond.notify_all()
            return response

    return TimedSink()


# --------------------------------------------------------------------------
# workers (own processes)
# --------------------------------------------------------------------------


def worker_raw(spec: dict) -> dict:
    import aiosmtplib
    import gnupg
    import imapclient

    passphrase = (KEYS / "passphrase.txt").read_text().strip()
    result: dict = {"rss_start": vm_status()}

    # (a) IMAP: one bare session per mailbox, UID SEARCH + FETCH BODY.PEEK[] of all
    t0 = time.perf_counter()
    raws: list[bytes] = []
    for user, password in USERS.items():
        c = imapclient.IMAPClient("127.0.0.1", port=spec["imap_port"], ssl=False, timeout=30)
        c.login(user, password)
        c.select_folder("INBOX", readonly=True)
        uids = c.search(["ALL"])
        if uids:
            data = c.fetch(uids, ["BODY.PEEK[]"])
            raws += [data[u][b"BODY[]"] for u in sorted(data)]
        c.logout()
    t_imap = time.perf_counter() - t0

    # (b) gpg --decrypt of the encrypted ones (python-gnupg, same keys)
    gpg = gnupg.GPG(gnupghome=spec["homes"]["svc"],
                    options=["--trust-model", "always", "--no-auto-key-retrieve", "--disable-dirmngr"])
    agent0 = agent_cpu(spec["homes"]["svc"])
    t0 = time.perf_counter()
    decrypted, failures, plaintexts = 0, [], []
    for raw in raws:
        if b"-----BEGIN PGP MESSAGE-----" not in raw:
            continue
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        if not any(p.get_content_type() == "multipart/encrypted" for p in msg.walk()):
            continue
        armored = next((p.get_payload(decode=True) for p in msg.walk()
                        if p.get_content_type() == "application/octet-stream"
                        and b"BEGIN PGP MESSAGE" in (p.get_payload(decode=True) or b"")), None)
        r = gpg.decrypt(armored or b"", passphrase=passphrase)
        # gpg exits 2 when the plaintext is fine but the signer's key is unknown: count the
        # decryption, which is what this measures (status "decryption ok" and output present)
        if r.ok and r.status == "decryption ok" and r.data:
            decrypted += 1
            plaintexts.append(r.data)
        else:
            failures.append(r.status)
    t_gpg = time.perf_counter() - t0
    agent_decrypt = agent_cpu(spec["homes"]["svc"]) - agent0

    # (c) SMTP: one bare aiosmtplib connection, N messages
    async def send_all() -> int:
        smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=spec["smtp_port"], use_tls=False, start_tls=False,
                               timeout=30)
        await smtp.connect()
        for raw in raws:
            await smtp.sendmail("mailrouter@example.org", STAFF_TO, raw)
        await smtp.quit()
        return len(raws)

    t0 = time.perf_counter()
    sent = asyncio.run(send_all())
    t_smtp = time.perf_counter() - t0
    self_ru, children_ru = rusage_dict(resource.RUSAGE_SELF), rusage_dict(resource.RUSAGE_CHILDREN)

    # context only (not in the raw limit): encrypt + sign every message to the two staff keys
    agent0 = agent_cpu(spec["homes"]["svc"])
    t0 = time.perf_counter()
    enc_ok = 0
    for i, raw in enumerate(raws[:CONTEXT_SIGN_MAX]):
        r = gpg.encrypt(raw, [FPR["alice"], FPR["bob"]], sign=FPR["service_talk"], passphrase=passphrase,
                        always_trust=True, armor=True)
        enc_ok += bool(r.ok and r.returncode == 0)
    t_enc = time.perf_counter() - t0
    agent_sign = agent_cpu(spec["homes"]["svc"]) - agent0

    # counterfactual: the same with a signing key that has no passphrase (the committed staff-alice
    # test key, imported into a scratch home): what the passphrase's S2K costs
    nopass_home = Path(spec["homes"]["svc"]).parent / "nopass"
    nopass_home.mkdir(mode=0o700)
    for key in ("staff-alice.sec.asc", "staff-bob.pub.asc"):
        gpg_cmd(nopass_home, "--import", str(KEYS / key))
    g2 = gnupg.GPG(gnupghome=str(nopass_home), options=["--trust-model", "always", "--no-auto-key-retrieve"])
    t0 = time.perf_counter()
    nopass_ok = 0
    for raw in raws[:CONTEXT_SIGN_MAX]:
        r = g2.encrypt(raw, [FPR["alice"], FPR["bob"]], sign=FPR["alice"], always_trust=True, armor=True)
        nopass_ok += bool(r.ok and r.returncode == 0)
    t_nopass = time.perf_counter() - t0
    subprocess.run(["gpgconf", "--homedir", str(nopass_home), "--kill", "all"], capture_output=True, timeout=30,
                   check=False)
    result.update({
        "agent_decrypt": agent_decrypt, "agent_sign": agent_sign, "nopass_ok": nopass_ok, "t_nopass": t_nopass,
        "fetched": len(raws), "bytes": sum(len(r) for r in raws), "t_imap": t_imap,
        "decrypted": decrypted, "decrypt_failures": failures[:5], "t_gpg": t_gpg,
        "sent": sent, "t_smtp": t_smtp, "encrypted": enc_ok, "t_encrypt_sign": t_enc,
        "self": self_ru, "children": children_ru, "vm": vm_status(),
    })
    return result


def count_gpg_processes() -> dict[str, int]:
    """Count the gpg processes this process starts, by operation (measurement only: wraps Popen)."""
    counts: dict[str, int] = {}
    original = subprocess.Popen

    class CountingPopen(original):  # type: ignore[misc, valid-type]
        def __init__(self, args, *a, **kw):
            argv = [str(x) for x in args] if isinstance(args, (list, tuple)) else [str(args)]
            if argv and os.path.basename(argv[0]) in ("gpg", "gpg2"):
                ops = ("--decrypt", "--encrypt", "--sign", "--verify", "--import", "--list-keys",
                       "--list-secret-keys", "--export", "--dump-options", "--version")
                op = next((x for x in argv if x in ops), "other")
                if op == "--encrypt" and "--sign" in argv:
                    op = "--encrypt --sign"
                counts[op] = counts.get(op, 0) + 1
            super().__init__(args, *a, **kw)

    subprocess.Popen = CountingPopen  # type: ignore[misc]
    return counts


def worker_mailrouter(spec: dict) -> dict:
    result: dict = {"rss_start": vm_status()}
    gpg_counts = count_gpg_processes()
    t0 = time.perf_counter()
    from mailrouter.config import load_config
    from mailrouter.service import Service

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    config = load_config(spec["config"])
    service = Service(config)
    t_build = time.perf_counter() - t0
    result["rss_after_build"] = vm_status()
    profilers = {}
    if spec.get("profile"):
        # cProfile sees one thread: polls run in asyncio.to_thread, delivery on the loop's thread.
        import cProfile

        profilers = {"poll (IMAP, parse, decrypt, route, compose, commit, MOVE)": cProfile.Profile(),
                     "event loop (delivery)": cProfile.Profile()}
        poll_profiler = next(iter(profilers.values()))
        original_poll = service.pipeline.poll

        def profiled_poll(source):
            poll_profiler.enable()
            try:
                return original_poll(source)
            finally:
                poll_profiler.disable()

        service.pipeline.poll = profiled_poll
        list(profilers.values())[1].enable()
    t0 = time.perf_counter()
    report = service.run_once()
    t_run = time.perf_counter() - t0
    if profilers:
        import pstats

        list(profilers.values())[1].disable()
        with open(spec["profile"], "w") as f:
            for name, prof in profilers.items():
                f.write(f"===== {name} =====\n")
                pstats.Stats(prof, stream=f).sort_stats("cumulative").print_stats(60)
                pstats.Stats(prof, stream=f).sort_stats("tottime").print_stats(30)
    polls = getattr(report, "polls", [])
    delivery = getattr(report, "delivery", None)
    result.update({
        "t_import": t_import, "t_build": t_build, "t_run": t_run,
        "seen": sum(getattr(p, "seen", 0) for p in polls),
        "processed": sum(getattr(p, "processed", 0) for p in polls),
        "filed": sum(getattr(p, "filed", 0) for p in polls),
        "duplicates": sum(getattr(p, "duplicates", 0) for p in polls),
        "fallbacks": sum(getattr(p, "fallbacks", 0) for p in polls),
        "poll_errors": [e for p in polls for e in getattr(p, "errors", [])][:5],
        "sent": getattr(delivery, "sent", None), "delivery_errors": getattr(delivery, "errors", [])[:5],
        "gpg_processes": dict(gpg_counts),
        "outbox": getattr(report, "outbox", {}), "ok": bool(getattr(report, "ok", False)),
        "self": rusage_dict(resource.RUSAGE_SELF), "children": rusage_dict(resource.RUSAGE_CHILDREN),
        "vm": vm_status(),
    })
    return result


def run_worker(kind: str, spec: dict, log: Path, timeout: float) -> dict:
    spec_path = log.with_suffix(".spec.json")
    spec_path.write_text(json.dumps(spec))
    with open(log, "wb") as err:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(spec_path)],
                              stdout=subprocess.PIPE, stderr=err, cwd=str(ROOT), timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} worker failed (exit {proc.returncode}); log tail:\n"
                           + "\n".join(log.read_text(errors="replace").splitlines()[-30:]))
    return json.loads(proc.stdout)


def baseline_rss() -> dict[str, float]:
    """VmHWM of fresh interpreters: nothing, `import mailrouter`, what the service loads."""
    snippets = {
        "python": "pass",
        "import mailrouter": "import mailrouter",
        "import mailrouter.cli + service": "import mailrouter.cli, mailrouter.service, mailrouter.crypto",
    }
    out = {}
    for name, code in snippets.items():
        prog = (f"{code}\nimport json\nd={{}}\nfor l in open('/proc/self/status'):\n"
                f"    if l.startswith('VmHWM:'): d['hwm']=int(l.split()[1])/1024\nprint(json.dumps(d))")
        cp = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, cwd=str(ROOT),
                            timeout=120, check=False)
        out[name] = json.loads(cp.stdout)["hwm"] if cp.returncode == 0 else float("nan")
    return out


# --------------------------------------------------------------------------
# phases
# --------------------------------------------------------------------------


def classify_outgoing(messages) -> dict[str, int]:
    counts = {"ack": 0, "ack_encrypted": 0, "forward": 0, "forward_encrypted": 0, "alert": 0, "other": 0}
    for m in messages:
        mid = str(m.message.get("Message-ID", ""))
        enc = m.message.get_content_type() == "multipart/encrypted"
        if m.message.get("Auto-Submitted") == "auto-replied":
            counts["ack"] += 1
            counts["ack_encrypted"] += enc
        elif ".forward@" in mid:
            counts["forward"] += 1
            counts["forward_encrypted"] += enc
        elif str(m.message.get("Subject", "")).startswith("[mailrouter alert]"):
            counts["alert"] += 1
        else:
            counts["other"] += 1
    return counts


def phase_throughput(root: Path, items: list[dict], args, log) -> dict:
    from servers import SmtpSink

    res: dict = {}
    # template Dovecot: APPEND everything once
    template = dovecot_copy(None, root / "tpl")
    t0 = time.perf_counter()
    clients = {u: template.client(u) for u in USERS}
    for it in items:
        clients[it["mailbox"]].append("INBOX", it["raw"])
    for c in clients.values():
        c.logout()
    res["t_append"] = time.perf_counter() - t0
    template.stop()
    log(f"appended {len(items)} messages in {res['t_append']:.2f}s")

    # (a) raw limit
    dov = dovecot_copy(template.home_root, root / "raw")
    sink = SmtpSink()
    sink.start()
    homes = make_homes(root / "gpg-raw")
    try:
        res["raw"] = run_worker("raw", {"imap_port": dov.port, "smtp_port": sink.port,
                                        "homes": {k: str(v) for k, v in homes.items()}},
                                root / "raw-worker.log", timeout=args.worker_timeout)
        res["raw_sink"] = len(sink.messages)
    finally:
        kill_agents(homes)
        sink.stop()
        dov.stop()
    r = res["raw"]
    log(f"raw: imap {r['t_imap']:.2f}s, gpg {r['t_gpg']:.2f}s ({r['decrypted']} decrypted), "
        f"smtp {r['t_smtp']:.2f}s; context encrypt+sign {r['t_encrypt_sign']:.2f}s")

    # (b) mailrouter run_once on a fresh copy, fresh store, fresh GnuPG homes
    dov = dovecot_copy(template.home_root, root / "mr")
    sink = SmtpSink()
    sink.start()
    homes = make_homes(root / "gpg-mr")
    try:
        config = write_bench_config(root / "mr-work", dov, sink, homes, latency=False)
        spec = {"config": str(config)}
        if args.profile:
            spec["profile"] = str(Path(args.profile).resolve())
        res["mr"] = run_worker("mailrouter", spec, root / "mr-worker.log", timeout=args.worker_timeout)
        try:
            sink.wait_for(res["mr"].get("sent") or 0, timeout=10)
        except TimeoutError:
            pass
        res["mr_out"] = classify_outgoing(sink.messages)
        res["mr_sink"] = len(sink.messages)
        res["mr_left"] = {u: len(dov.uids(u, "INBOX")) for u in USERS}
        res["mr_filed"] = {u: len(dov.uids(u, "Processed")) for u in USERS}
        log_text = (root / "mr-worker.log").read_text(errors="replace")
        res["mr_log_errors"] = sum(1 for line in log_text.splitlines() if '"level": "error"' in line)
        res["mr_log_warnings"] = sum(1 for line in log_text.splitlines() if '"level": "warning"' in line)
        res["mr_agent_cpu"] = sum(agent_cpu(h) for h in homes.values())
        res["mr_cases"] = store_summary(root / "mr-work" / "store.db")
    finally:
        kill_agents(homes)
        sink.stop()
        dov.stop()
    m = res["mr"]
    log(f"mailrouter: build {m['t_build']:.2f}s, run_once {m['t_run']:.2f}s, processed {m['processed']}, "
        f"sent {m['sent']}")
    return res


def store_summary(db: Path) -> dict:
    """What the cases in mailrouter's SQLite store say (read-only; best effort, the schema is not ours)."""
    import sqlite3

    out: dict = {}
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT encrypted, flags, language, urgency FROM cases").fetchall()
        finally:
            conn.close()
    except Exception as exc:  # noqa: BLE001
        return {"error": f"{type(exc).__name__}: {exc}"}
    out["cases"] = len(rows)
    out["encrypted"] = sum(bool(r[0]) for r in rows)
    out["not_decrypted"] = sum(bool(r[0]) and "not-decrypted" in (r[1] or "") for r in rows)
    langs: dict[str, int] = {}
    urg: dict[str, int] = {}
    for r in rows:
        langs[r[2]] = langs.get(r[2], 0) + 1
        urg[r[3]] = urg.get(r[3], 0) + 1
    out["languages"] = dict(sorted(langs.items(), key=lambda kv: -kv[1]))
    out["urgency"] = urg
    return out


class IdleProbe(threading.Thread):
    """A bare imapclient IDLE session that timestamps every EXISTS it is told about."""

    def __init__(self, dovecot, deadline: float):
        super().__init__(daemon=True, name="idle-probe")
        self.client = dovecot.client("emergency")
        self.client.select_folder("INBOX", readonly=True)
        self.events: list[float] = []
        self.deadline = deadline
        self.stop_event = threading.Event()
        self.ready = threading.Event()
        self.cond = threading.Condition()

    def run(self) -> None:
        c = self.client
        while not self.stop_event.is_set() and time.monotonic() < self.deadline:
            c.idle()
            self.ready.set()
            started = time.monotonic()
            while (not self.stop_event.is_set() and time.monotonic() < self.deadline
                   and time.monotonic() - started < 240):
                responses = c.idle_check(timeout=0.5)
                now = time.monotonic()
                if any(isinstance(r, tuple) and len(r) > 1 and r[1] == b"EXISTS" for r in responses):
                    with self.cond:
                        self.events.append(now)
                        self.cond.notify_all()
            c.idle_done()
        with contextlib.suppress(Exception):
            c.logout()

    def first_after(self, t0: float, timeout: float) -> float | None:
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                hit = next((t for t in self.events if t >= t0), None)
                if hit is not None or time.monotonic() >= end:
                    return hit
                self.cond.wait(max(0.0, end - time.monotonic()))


def wait_forward(sink, t0: float, timeout: float) -> float | None:
    """Arrival time of the first forward that reached the sink after t0."""
    end = time.monotonic() + timeout
    with sink._cond:
        while True:
            hit = next((t for t, mid in sink.arrivals if t >= t0 and ".forward@" in mid), None)
            if hit is not None or time.monotonic() >= end:
                return hit
            sink._cond.wait(max(0.0, end - time.monotonic()))


def phase_latency(root: Path, msgs: list[dict], args, log) -> dict:
    res: dict = {"samples": [], "missed": 0}
    dov = dovecot_copy(None, root / "lat")
    sink = make_timed_sink()
    sink.start()
    homes = make_homes(root / "gpg-lat")
    config = write_bench_config(root / "lat-work", dov, sink, homes, latency=True)
    service_log = open(root / "service.log", "wb")  # noqa: SIM115 - closed in the finally below
    probe = IdleProbe(dov, deadline=time.monotonic() + args.phase_timeout)
    probe.start()
    probe.ready.wait(10)
    appender = dov.client("emergency")
    t_start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "-c", str(config)], cwd=str(ROOT),
                            stdin=subprocess.DEVNULL, stdout=service_log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    res["pid"] = proc.pid
    phase_end = time.monotonic() + args.phase_timeout
    rng = random.Random(SEED + 2)
    try:
        for i, msg in enumerate(msgs):
            if time.monotonic() > phase_end or proc.poll() is not None:
                res["aborted"] = "phase time limit" if proc.poll() is None else f"service exited {proc.returncode}"
                break
            if i == 0:
                time.sleep(1.0)  # let the service start; the warm-up message measures the rest
            else:
                time.sleep(args.interval + rng.uniform(0, args.interval / 2))
            t0 = time.monotonic()
            appender.append("INBOX", msg["raw"])
            t_appended = time.monotonic()
            arrived = wait_forward(sink, t0, timeout=120 if i == 0 else args.message_timeout)
            idle_seen = probe.first_after(t0, timeout=1.0)
            if arrived is None:
                res["missed"] += 1
                log(f"latency message {i}: no forward within the time limit")
                continue
            sample = {"kind": msg["kind"], "latency": arrived - t0, "append": t_appended - t0,
                      "idle": None if idle_seen is None else idle_seen - t0}
            if i == 0:
                sample["since_start"] = arrived - t_start
                res["warmup"] = sample
            else:
                res["samples"].append(sample)
        time.sleep(0.5)
        res["vm"] = vm_status(proc.pid)
        res["agent_cpu"] = sum(agent_cpu(h) for h in homes.values())
        res["children_alive"] = _descendants(proc.pid)
    finally:
        with contextlib.suppress(Exception):
            appender.logout()
        res["exit"], res["rusage"] = _stop_service(proc)
        probe.stop_event.set()
        probe.join(5)
        kill_agents(homes)
        sink.stop()
        dov.stop()
        service_log.close()
    res["wall"] = time.monotonic() - t_start
    text = (root / "service.log").read_text(errors="replace")
    res["log_errors"] = sum(1 for line in text.splitlines() if '"level": "error"' in line)
    res["log_tail"] = text.splitlines()[-5:] if res["log_errors"] or res.get("aborted") else []
    lat = [s["latency"] for s in res["samples"]]
    if lat:
        log(f"latency: n={len(lat)} p50 {percentile(lat, 50) * 1000:.0f} ms, p99 {percentile(lat, 99) * 1000:.0f} ms")
    return res


def _descendants(pid: int) -> list[str]:
    """Names of the live descendants of pid (gpg-agent daemonises and is not one)."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    data = f.read()
                name = data[data.index(b"(") + 1:data.rindex(b")")].decode(errors="replace")
                ppid = int(data.rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
            names[int(entry)] = name
    out, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(names.get(p, "?"))
        todo += children.get(p, [])
    return out


def _stop_service(proc: subprocess.Popen) -> tuple[int | None, dict]:
    """SIGTERM the service we started (by pid); reap it with wait4 to get its rusage."""
    try:
        os.kill(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    end = time.monotonic() + 20
    while time.monotonic() < end:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, {"utime": ru.ru_utime, "stime": ru.ru_stime, "maxrss_mb": ru.ru_maxrss / 1024}
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    pid, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return None, {"utime": ru.ru_utime, "stime": ru.ru_stime, "maxrss_mb": ru.ru_maxrss / 1024}


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
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    except OSError:
        pass
    from importlib.metadata import version

    libs = []
    for dist in ("IMAPClient", "aiosmtplib", "python-gnupg", "SQLAlchemy", "aiosmtpd"):
        with contextlib.suppress(Exception):
            libs.append(f"{dist} {version(dist)}")
    from servers import find_dovecot

    # which code was measured (read-only git queries)
    head = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    try:
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "mailrouter", "rules",
                                "templates"], capture_output=True, text=True, timeout=20,
                               check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        dirty = []
    code = f"commit {head}" + (f" + uncommitted changes in {len(dirty)} file(s) of mailrouter/, rules/, templates/"
                               if dirty else "")
    return {
        "code": code,
        "nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
        "gpg": first_line(["gpg", "--version"]), "dovecot": first_line([find_dovecot(), "--version"]),
        "kernel": platform.release(), "libs": ", ".join(libs),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _per_sign(raw: dict) -> float:
    """Seconds per bare gpg --encrypt --sign with the service key (the context row)."""
    return raw["t_encrypt_sign"] / raw["encrypted"] if raw["encrypted"] else float("nan")


def _s2k_note() -> str:
    """The S2K parameters of the committed service key, read from the key file."""
    try:
        cp = subprocess.run(["gpg", "--list-packets", str(KEYS / "service-talk.sec.asc")], capture_output=True,
                            text=True, timeout=20, check=False)
        m = re.search(r"protect count: (\d+)", cp.stdout)
        algo = re.search(r"iter\+salt S2K, algo: \d+, (\w+) protection", cp.stdout)
        if m:
            return f"iterated+salted, {int(m.group(1)):,} bytes hashed, the most OpenPGP can encode" + (
                f", {algo.group(1)} protection" if algo else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return "iterated+salted"


def fmt_ms(x: float | None) -> str:
    return "-" if x is None or math.isnan(x) else f"{x * 1000:.0f}" if x >= 0.1 else f"{x * 1000:.1f}"


def lat_row(name: str, values: list[float]) -> str:
    if not values:
        return f"| {name} | 0 | - | - | - | - | - |"
    return (f"| {name} | {len(values)} | {fmt_ms(percentile(values, 50))} | {fmt_ms(percentile(values, 95))} "
            f"| {fmt_ms(percentile(values, 99))} | {fmt_ms(max(values))} | {fmt_ms(sum(values) / len(values))} |")


def report(ctx: dict) -> str:
    mach, args, items, thr, lat, base = ctx["machine"], ctx["args"], ctx["items"], ctx["thr"], ctx["lat"], ctx["base"]
    raw, mr = thr["raw"], thr["mr"]
    n = len(items)
    n_pgp = sum(1 for it in items if it["kind"] == "pgp")
    sizes = sorted(len(it["raw"]) for it in items)
    classes: dict[str, int] = {}
    for it in items:
        if it["kind"] == "plain":
            classes[it["size_class"]] = classes.get(it["size_class"], 0) + 1
    n_langs = len({it["lang"] for it in items if it["kind"] == "plain"})
    raw_total = raw["t_imap"] + raw["t_gpg"] + raw["t_smtp"]
    raw_rate = n / raw_total
    mr_rate = mr["processed"] / mr["t_run"] if mr["t_run"] else float("nan")
    mr_rate_all = mr["processed"] / (mr["t_build"] + mr["t_run"])
    out: list[str] = []
    w = out.append
    w("# Pipeline benchmark")
    w("")
    w(f"Generated by `python bench/bench_pipeline.py{' --quick' if args.quick else ''}` on "
      f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(ctx['started']))}; the whole run took "
      f"{ctx['wall']:.0f} s.")
    w("")
    w(f"Machine: {mach['nproc']} CPUs ({mach['cpu']}), Linux {mach['kernel']}, Python {mach['python']}, "
      f"{mach['gpg']}, Dovecot {mach['dovecot']}; {mach['libs']}. Load average at the start: {mach['load']}, "
      f"at the end: {ctx['load_end']}. Dovecot, the SMTP sink (aiosmtpd, in the benchmark's own process), "
      "gpg, gpg-agent and mailrouter share these CPUs (and so does whatever else runs on the machine).")
    w("")
    w(f"Code measured: {mach['code']}.")
    w("")
    w("## Summary")
    w("")
    lat_all = [x["latency"] for x in lat["samples"]]
    idle_all = [x["idle"] for x in lat["samples"] if x["idle"] is not None]
    w(f"- Throughput: mailrouter {mr_rate:.2f} msg/s, raw limit {raw_rate:.1f} msg/s: "
      f"**ratio {mr_rate / raw_rate:.2f}**; "
      f"{mr_rate / (n / (raw_total + n * _per_sign(raw))):.2f} against the raw limit plus the gpg encrypt+sign "
      "every forward needs.")
    if lat_all:
        w(f"- Emergency latency APPEND -> forward at the SMTP server: **p50 {fmt_ms(percentile(lat_all, 50))} ms, "
          f"p99 {fmt_ms(percentile(lat_all, 99))} ms** (n={len(lat_all)}); a bare IDLE client is told after "
          f"p50 {fmt_ms(percentile(idle_all, 50))} ms.")
    w(f"- Peak RSS: run_once of {n} messages **{mr['vm'].get('VmHWM', float('nan')):.0f} MB**, the running service "
      f"**{lat.get('vm', {}).get('VmHWM', float('nan')):.0f} MB**, python importing the service "
      f"{base.get('import mailrouter.cli + service', float('nan')):.0f} MB.")
    w("")
    w("Every number is from this run; ratios compare mailrouter with the raw limit measured on the same "
      "machine, servers and messages a minute apart. Single runs, no repetitions: expect a few percent of "
      "noise in the rates and more in the tail latencies.")
    w("")
    w("## Throughput")
    w("")
    w(f"{n} messages ({sum(len(it['raw']) for it in items) / 1e6:.1f} MB; sizes: median "
      f"{sizes[len(sizes) // 2] / 1000:.1f} kB, max {sizes[-1] / 1000:.0f} kB) in two mailboxes "
      f"(humanrights {sum(it['mailbox'] == 'humanrights' for it in items)}, emergency "
      f"{sum(it['mailbox'] == 'emergency' for it in items)}):")
    w(f"- {n - n_pgp} plain mails in {n_langs} languages from `tests/mailfactory.client_mail` (texts of "
      f"`bench/language_testset.jsonl`, 60% with an HTML alternative): "
      + ", ".join(f"{v} {k}" for k, v in sorted(classes.items()))
      + " (short = 1-3 paragraphs, medium 5-20, long 40-120, attachment = short + one 40-600 kB JPEG-like file);")
    pgp_names = sorted({it["size_class"] for it in items if it["kind"] == "pgp"})
    w(f"- {n_pgp} PGP/MIME encrypted mails: the fixtures {', '.join(f'`{x[:-4]}`' for x in pgp_names)} of "
      "`tests/fixtures/pgp/mail/` in turn, each with a unique outer Message-ID.")
    w("")
    w("Config: `tests/mailfactory.write_config` + `[crypto]` as in `tests/test_e2e_pgp.py` "
      "(`encrypt_all_forwards = true`: every forward is PGP/MIME-encrypted to the staff keys and signed "
      "with the service key), the repository's `rules/` and `templates/` (copied at the start of the run), "
      "SQLite store, both teams made of staff with pinned keys (alice, bola), acknowledgement window 3600 s "
      "(the fixtures' senders repeat, so they are acknowledged once).")
    w("")
    w("| what | messages | seconds | messages/s |")
    w("|---|---|---|---|")
    w(f"| raw: bare imapclient UID SEARCH + FETCH BODY.PEEK[] (one session per mailbox) | {raw['fetched']} "
      f"| {raw['t_imap']:.2f} | {raw['fetched'] / raw['t_imap']:.0f} |")
    if raw["decrypted"]:
        w(f"| raw: `gpg --decrypt` via python-gnupg of the encrypted ones | {raw['decrypted']} "
          f"| {raw['t_gpg']:.2f} | {raw['decrypted'] / raw['t_gpg']:.1f} |")
    w(f"| raw: bare aiosmtplib, one connection, the same messages to the sink | {raw['sent']} "
      f"| {raw['t_smtp']:.2f} | {raw['sent'] / raw['t_smtp']:.0f} |")
    w(f"| **raw limit** (the three in sequence) | {n} | {raw_total:.2f} | **{raw_rate:.1f}** |")
    w(f"| **mailrouter** `Service(config).run_once()` | {mr['processed']} | {mr['t_run']:.2f} | **{mr_rate:.2f}** |")
    w(f"| mailrouter including `load_config` + `Service()` ({mr['t_build']:.2f} s) | {mr['processed']} "
      f"| {mr['t_build'] + mr['t_run']:.2f} | {mr_rate_all:.2f} |")
    per_sign_s = _per_sign(raw)
    w(f"| context, not in the raw limit: bare `gpg --encrypt --sign` to the 2 staff keys "
      f"(first {raw['encrypted']} messages) | {raw['encrypted']} | {raw['t_encrypt_sign']:.2f} "
      f"| {1 / per_sign_s:.2f} |")
    if raw.get("nopass_ok"):
        w(f"| context: the same, signed with a key without passphrase (the committed `staff-alice` test key) "
          f"| {raw['nopass_ok']} | {raw['t_nopass']:.2f} | {raw['nopass_ok'] / raw['t_nopass']:.1f} |")
    w("")
    raw_plus = raw_total + n * per_sign_s
    w(f"**Ratio mailrouter / raw limit: {mr_rate / raw_rate:.3f}** (the raw limit is {raw_rate / mr_rate:.1f}x "
      "faster). Against the raw limit plus the one gpg encrypt+sign that every forward needs "
      f"({n} x {1000 * per_sign_s:.0f} ms, raw time {raw_plus:.1f} s): **{mr_rate / (n / raw_plus):.2f}**.")
    w("")
    oc = thr["mr_out"]
    cs = thr.get("mr_cases") or {}
    if mr["processed"] != n or thr["mr_log_errors"]:
        w(f"**WARNING: mailrouter processed {mr['processed']} of {n} messages and logged {thr['mr_log_errors']} "
          "errors in this run (see below); its rate counts processed messages only.**")
        w("")
    w(f"What mailrouter did: {mr['processed']} processed ({mr['duplicates']} copies, {mr['fallbacks']} fallbacks), "
      f"{mr['filed']} moved to Processed, left in the INBOXes: {sum(thr['mr_left'].values())}; outbox "
      f"{mr['outbox']}. The sink received {thr['mr_sink']} mails: {oc['forward']} forwards "
      f"({oc['forward_encrypted']} encrypted), {oc['ack']} acknowledgements ({oc['ack_encrypted']} encrypted), "
      f"{oc['alert']} operator alerts, {oc['other']} other. Log lines at error level: {thr['mr_log_errors']}, "
      f"warning: {thr['mr_log_warnings']}. Poll errors: {mr['poll_errors'] or 'none'}.")
    if "cases" in cs:
        w(f"Cases in the store: {cs['cases']}, {cs['encrypted']} encrypted of which {cs['not_decrypted']} "
          f"not decrypted; urgency {cs['urgency']}; {len(cs['languages'])} languages detected "
          f"(`und`: {cs['languages'].get('und', 0)}).")
    w("")
    # where the time goes
    cpu_self = mr["self"]["utime"] + mr["self"]["stime"]
    cpu_kids = mr["children"]["utime"] + mr["children"]["stime"]
    agent = thr.get("mr_agent_cpu", 0.0)
    per_sign = raw["agent_sign"] / raw["encrypted"] if raw["encrypted"] else float("nan")
    per_dec = raw["agent_decrypt"] / raw["decrypted"] if raw["decrypted"] else float("nan")
    secret_ops = oc["forward_encrypted"] + oc["ack_encrypted"] + (cs.get("encrypted", 0) - cs.get("not_decrypted", 0))
    mr_wall = mr["t_build"] + mr["t_run"]
    gpg_ops = sorted(mr.get("gpg_processes", {}).items(), key=lambda kv: -kv[1])
    w("### Where the time goes")
    w("")
    w("| process | CPU seconds |")
    w("|---|---|")
    w(f"| mailrouter (Python: user {mr['self']['utime']:.1f} + sys {mr['self']['stime']:.1f}) | {cpu_self:.1f} |")
    w(f"| its gpg child processes | {cpu_kids:.1f} |")
    w(f"| gpg-agent of its GnuPG homes (daemon: in nobody's rusage) | {agent:.1f} |")
    w(f"| total, for {mr_wall:.1f} s of wall time ({mr['processed']} messages) | {cpu_self + cpu_kids + agent:.1f} |")
    w("")
    cpu_total = cpu_self + cpu_kids + agent
    w(f"On average {cpu_total / mr_wall:.2f} of the {mach['nproc']} CPUs were busy for mailrouter (it handles one "
      f"message at a time), {agent / cpu_total:.0%} of that CPU time in gpg-agent.")
    w("")
    w(f"Every operation with the passphrase-protected service key makes gpg-agent derive the key from the "
      f"passphrase again (S2K, {_s2k_note()}); in the raw worker that cost {1000 * per_sign:.0f} ms of agent CPU "
      f"per `--encrypt --sign` and {1000 * per_dec:.0f} ms per `--decrypt`. mailrouter needs one such operation "
      f"per signed forward ({oc['forward_encrypted']}), per encrypted acknowledgement ({oc['ack_encrypted']}) and "
      f"per decrypted message ({cs.get('encrypted', 0) - cs.get('not_decrypted', 0)}): {secret_ops} operations, "
      f"which at the raw worker's price are ~{secret_ops * per_sign:.1f} s of agent CPU; it used {agent:.1f} s. "
      f"The raw worker: Python {raw['self']['utime'] + raw['self']['stime']:.1f} s + gpg children "
      f"{raw['children']['utime'] + raw['children']['stime']:.1f} s + agent {raw['agent_decrypt']:.1f} s "
      f"for the raw limit. mailrouter spent {mr['t_import']:.2f} s importing its modules (in neither time). "
      f"gpg processes mailrouter started: {sum(mr.get('gpg_processes', {}).values())} "
      f"({', '.join(f'{k.lstrip(chr(45))} {v}' for k, v in gpg_ops)}); "
      "`decrypt` counts both steps of each decryption (`--unwrap` with the secret key in the service home, then "
      "decompress + verify in the correspondents home, which needs no passphrase) and any re-verification after "
      "a key import. "
      f"APPENDing the {n} messages to the template Dovecot took {thr['t_append']:.2f} s.")
    w("")
    w("## Emergency latency")
    w("")
    samples = lat["samples"]
    w(f"`mailrouter run` (subprocess, IDLE, poll_interval 60 s, delivery interval 5 s) against a fresh Dovecot "
      f"and the sink. {len(samples)} emergency mails "
      f"({sum(s['kind'] == 'plain' for s in samples)} plain multilingual, "
      f"{sum(s['kind'] == 'pgp' for s in samples)} PGP/MIME fixtures to the emergency key) APPENDed one at a time "
      f"over one IMAP session; each after the previous forward arrived plus {args.interval:.1f}-"
      f"{args.interval * 1.5:.1f} s. Latency: start of APPEND -> the sink has the whole forward. Raw reference: "
      "a bare imapclient IDLE session on the same INBOX, running at the same time, sees the EXISTS of the "
      "same APPEND. Milliseconds:")
    w("")
    w("| path | n | p50 | p95 | p99 | max | mean |")
    w("|---|---|---|---|---|---|---|")
    idle = [s["idle"] for s in samples if s["idle"] is not None]
    w(lat_row("raw: APPEND -> IDLE EXISTS at a bare imapclient", idle))
    w(lat_row("**mailrouter: APPEND -> encrypted forward at the SMTP server**", [s["latency"] for s in samples]))
    w(lat_row("  plain mails", [s["latency"] for s in samples if s["kind"] == "plain"]))
    w(lat_row("  encrypted mails", [s["latency"] for s in samples if s["kind"] == "pgp"]))
    w(lat_row("APPEND command itself (until tagged OK)", [s["append"] for s in samples]))
    w("")
    lats = [s["latency"] for s in samples]
    if lats and idle:
        w(f"Ratio of medians mailrouter / raw IDLE notification: {percentile(lats, 50) / percentile(idle, 50):.0f}x; "
          f"mailrouter's own share of the median (latency - IDLE notification): "
          f"{fmt_ms(percentile(lats, 50) - percentile(idle, 50))} ms.")
    w("Dovecot delays IDLE notifications by design: it batches mailbox changes for 500 ms after inotify fires "
      "(`NOTIFY_DELAY_MSECS 500` in its mailbox-watch code), which is the floor of the raw row and of every "
      "IDLE-driven client.")
    if lat.get("warmup"):
        wu = lat["warmup"]
        w(f"First message after start (not in the table; the service was started 1 s before its APPEND): "
          f"{fmt_ms(wu['latency'])} ms after APPEND, {wu['since_start']:.1f} s after the service was launched.")
    w(f"Missed (no forward within {args.message_timeout:.0f} s): {lat['missed']}. "
      f"Service log lines at error level: {lat['log_errors']}."
      + (f" Aborted: {lat['aborted']}." if lat.get("aborted") else ""))
    w("")
    w("## Memory (peak RSS, MB)")
    w("")
    ru = lat.get("rusage") or {}
    w("| process | peak RSS (VmHWM) |")
    w("|---|---|")
    for name, mb in base.items():
        w(f"| fresh `python -c '{name if name != 'python' else 'pass'}'` | {mb:.0f} |")
    w(f"| raw worker (imapclient + python-gnupg + aiosmtplib, {n} messages in memory) "
      f"| {raw['vm'].get('VmHWM', float('nan')):.0f} |")
    w(f"| mailrouter after `load_config` + `Service()` (before processing) "
      f"| {mr['rss_after_build'].get('VmHWM', float('nan')):.0f} |")
    w(f"| **mailrouter `run_once` worker, {n} messages** | **{mr['vm'].get('VmHWM', float('nan')):.0f}** |")
    w(f"| **`mailrouter run` service after the latency run** ({len(samples) + 1} messages, "
      f"{lat.get('wall', 0):.0f} s) | **{lat.get('vm', {}).get('VmHWM', float('nan')):.0f}** "
      f"(VmRSS at the end {lat.get('vm', {}).get('VmRSS', float('nan')):.0f}; ru_maxrss from wait4 "
      f"{ru.get('maxrss_mb', float('nan')):.0f}) |")
    w("")
    w("gpg and gpg-agent run as separate processes and are not included. "
      f"Service CPU time over the latency run: {ru.get('utime', 0) + ru.get('stime', 0):.1f} s "
      f"(user {ru.get('utime', 0):.1f}, sys {ru.get('stime', 0):.1f}, including its reaped gpg children) "
      f"+ {lat.get('agent_cpu', 0):.1f} s in its gpg-agents, in {lat.get('wall', 0):.0f} s of wall time.")
    w("")
    w("## Parameters")
    w("")
    w(f"`--messages {n}` (encrypted share {ENCRYPTED_SHARE:.0%}, plain mail to emergency {EMERGENCY_SHARE:.0%}), "
      f"`--latency-messages {len(samples) + lat['missed']}` (+1 warm-up, every {LATENCY_ENCRYPTED_EVERY}rd "
      f"encrypted), `--interval {args.interval}`, seed {SEED}. Timings: `time.perf_counter` in the workers, "
      "`time.monotonic` for latencies (the sink notes the arrival at the end of DATA, before parsing). "
      "Each throughput phase gets its own copy (`cp -a`) of the template Dovecot's mail and fresh GnuPG homes "
      "(cold gpg-agent in both).")
    w("")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="40 messages, 8 latency samples; report printed only")
    ap.add_argument("--messages", type=int, help="throughput messages (default 300, --quick 40)")
    ap.add_argument("--latency-messages", type=int, help="latency samples (default 30, --quick 8)")
    ap.add_argument("--interval", type=float, help="pause between latency messages, s (default 1.0, --quick 0.5)")
    ap.add_argument("--message-timeout", type=float, default=30.0, help="give up on one forward after this, s")
    ap.add_argument("--phase-timeout", type=float, default=240.0, help="latency phase time limit, s")
    ap.add_argument("--worker-timeout", type=float, default=420.0, help="throughput worker time limit, s")
    ap.add_argument("--out", help="markdown output path, '-' for stdout only "
                                  "(default bench/results/pipeline.md; with --quick '-')")
    ap.add_argument("--profile", help="write a cProfile of run_once (top functions) to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, configs)")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        kind, spec_path = args.worker
        spec = json.loads(Path(spec_path).read_text())
        res = worker_raw(spec) if kind == "raw" else worker_mailrouter(spec)
        sys.stdout.write(json.dumps(res))
        return 0

    n = args.messages or (40 if args.quick else 300)
    m = args.latency_messages or (8 if args.quick else 30)
    if args.interval is None:
        args.interval = 0.5 if args.quick else 1.0
    out = args.out or ("-" if args.quick else str(OUT))
    started = time.time()
    t_wall = time.monotonic()

    def log(text: str) -> None:
        print(f"[{time.monotonic() - t_wall:6.1f}s] {text}", file=sys.stderr, flush=True)

    mach = machine()
    root = Path(tempfile.mkdtemp(prefix="mrbench-", dir="/tmp"))  # short: gpg-agent socket paths
    os.chmod(root, 0o711)
    log(f"working in {root}")
    # The configs use a copy of rules/ and templates/ taken now: the repository may be edited
    # while the benchmark runs, and a template that needs a newer pipeline breaks the older
    # code already loaded (seen once: 99 messages deferred with TemplateProblem).
    for name in ("rules", "templates"):
        shutil.copytree(ROOT / name, root / "snapshot" / name)
    try:
        base = baseline_rss()
        log(f"baseline RSS: {base}")
        items = build_workload(n)
        lat_msgs = latency_messages(m)
        thr = phase_throughput(root, items, args, log)
        lat = phase_latency(root, lat_msgs, args, log)
    finally:
        if args.keep:
            log(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    ctx = {"machine": mach, "args": args, "items": items, "thr": thr, "lat": lat, "base": base,
           "started": started, "wall": time.monotonic() - t_wall,
           "load_end": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    md = report(ctx)
    print(md)
    if out != "-":
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(md, encoding="utf-8")
        log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
