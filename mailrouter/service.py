"""The running service: sources, pipeline, outbox, scheduler.

``run_once`` processes what is pending and delivers what is due, then exits.
``run_forever`` schedules one APScheduler job per mailbox and one for the
outbox (``max_instances=1``, ``coalesce``), plus an IDLE watcher thread per
mailbox with ``idle = true`` that triggers its mailbox's job at once.
Several instances coordinate through the store (leases, SKIP LOCKED), never
through the scheduler, whose job stores cannot be shared.
"""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from . import log as logmod
from . import metrics
from .outgoing.compose import compose_alert
from .config import Config, ConfigError
from .outbox import Deliverer, DeliveryReport
from .pipeline import Pipeline, PollReport
from .sources import Source
from .sources.imap import IdleWatcher, ImapSource
from .sources.maildir import MaildirSource
from .store import Store, open_store

OUTAGE_ALERT = timedelta(minutes=5)
RULES_RELOAD_SECONDS = 2.0


def build_sources(config: Config) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for name, box in config.mailboxes.items():
        if box.maildir is not None:
            sources[name] = MaildirSource(name, box.maildir, box.processed_folder)
        else:
            account = config.accounts[box.account]
            sources[name] = ImapSource(name, box, box.account, account, account.resolve_password())
    return sources


def build_crypto(config: Config):
    """The OpenPGP engine for this config, or None when [crypto] is not configured."""
    if config.crypto is None:
        return None
    from .crypto import Crypto, CryptoError

    try:
        return Crypto(config.crypto.home, config.crypto.correspondents_home,
                      passphrase=config.crypto.resolve_passphrase(),
                      max_output_bytes=config.crypto.max_output_bytes, timeout_s=config.crypto.timeout_seconds)
    except CryptoError as exc:
        raise ConfigError([f"crypto: {exc.reason}"]) from None


def load_ruleset(config: Config):
    """The operators' rules, or None when the config has no rules folder.

    Invalid rules raise ConfigError at start-up: the service never starts on a
    policy it cannot read (at run time, the old rules keep running instead).
    """
    from .rules import RulesError, load_policy

    if not config.service.rules_dir.is_dir():
        return None
    try:
        return load_policy(config.service.rules_dir, config)
    except RulesError as exc:
        raise ConfigError(exc.problems) from None


def key_problems(config: Config, crypto) -> list[tuple[str, str]]:
    """(severity, line) for every key problem `check` must report."""
    if crypto is None or config.crypto is None:
        return []
    service = sorted({config.crypto.service_key, *(b.key for b in config.mailboxes.values() if b.key)})
    pinned = {sid: s.key for sid, s in config.staff.items() if s.key}
    problems = []
    for p in crypto.check_keys(service, pinned):
        # A service key that cannot sign or decrypt stops every encrypted forward: never just a warning.
        severity = "error" if p.who == "service key" and p.problem != "expires_soon" else p.severity
        problems.append((severity, str(p).replace(f"{p.severity}:", f"{severity}:", 1)))
    for sid, staff in config.staff.items():
        if not staff.key:
            severity = "error" if config.crypto.encrypt_all_forwards else "warning"
            problems.append((severity, f"{severity}: staff {sid}: no pinned key, so encrypted cases reach them only "
                                       f"as a content-free notice. Fix: import their public key into "
                                       f"{config.crypto.home} and set staff.{sid}.key to its fingerprint"))
    return problems


@dataclass
class OnceReport:
    polls: list[PollReport] = field(default_factory=list)
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    outbox: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        polls_ok = all(not p.errors for p in self.polls)
        nothing_left = not any(self.outbox.get(k) for k in ("due", "retrying", "failed", "sending"))
        return polls_ok and nothing_left


class Service:
    def __init__(self, config: Config, store: Store | None = None, crypto=None):
        self.config = config
        self.store = store or open_store(config)
        crypto = crypto if crypto is not None else build_crypto(config)
        self.crypto = crypto
        self.pipeline = Pipeline(config, self.store, crypto=crypto, ruleset=load_ruleset(config))
        self.sources = build_sources(config)
        self.deliverer = Deliverer(config, self.store, config.smtp.resolve_password(), self.pipeline.owner)
        self.log = logmod.get("mailrouter.service")
        self._watchers: list[IdleWatcher] = []
        self._outages: dict[str, tuple[datetime, int, bool]] = {}
        self._rejected_digest: str | None = None
        self._stop: asyncio.Event | None = None

    # --- one pass ---------------------------------------------------------------
    async def run_once_async(self) -> OnceReport:
        report = OnceReport()
        for name, source in self.sources.items():
            report.polls.append(await asyncio.to_thread(self.pipeline.poll, source))
        report.delivery = await self.deliverer.deliver_due()
        report.outbox = self.store.outbox_counts()
        for source in self.sources.values():
            source.close()
        return report

    def run_once(self) -> OnceReport:
        return asyncio.run(self.run_once_async())

    # --- forever -------------------------------------------------------------
    async def _poll_job(self, name: str) -> None:
        report = await asyncio.to_thread(self.pipeline.poll, self.sources[name])
        if report.processed or report.errors:
            self.log.info("polled", mailbox=name, seen=report.seen, processed=report.processed,
                          filed=report.filed, duplicates=report.duplicates, errors=len(report.errors))
        if report.processed:
            self._wake("deliver")
        self._track_outage(name, report)

    def _track_outage(self, name: str, report: PollReport) -> None:
        """Reconnect fast after a failure (1 s, 2 s, 4 s ... up to the poll interval) and
        alert the operators once when a mailbox stays unreachable for OUTAGE_ALERT."""
        now = datetime.now(timezone.utc)
        if not report.errors or report.seen:
            if name in self._outages:
                self.log.info("mailbox_recovered", mailbox=name)
            self._outages.pop(name, None)
            return
        started, failures, alerted = self._outages.get(name, (now, 0, False))
        failures += 1
        if not alerted and now - started >= OUTAGE_ALERT:
            alerted = True
            alert = compose_alert(f"outage:{name}:{started.isoformat()}", f"mailbox {name} unreachable",
                                  f"mailrouter cannot read mailbox {name} since {started:%Y-%m-%d %H:%M} UTC.\n"
                                  f"Last error: {report.errors[-1][:300]}\nIt keeps retrying.\n",
                                  self.config.service.operators, self.config.service.alert_from,
                                  self.config.service.domain)
            self.store.enqueue(alert)
            self.log.error("operator_alert", about=f"mailbox {name} unreachable")
        self._outages[name] = (started, failures, alerted)
        delay = min(2 ** (failures - 1), self.config.mailboxes[name].poll_interval)
        job = self.scheduler.get_job(f"poll:{name}") if hasattr(self, "scheduler") else None
        if job is not None:
            job.modify(next_run_time=now + timedelta(seconds=delay))

    async def _deliver_job(self) -> None:
        await self.deliverer.deliver_due()
        metrics.record_outbox(await asyncio.to_thread(self.store.outbox_counts))

    async def _housekeeping_job(self) -> None:
        keep = timedelta(days=self.config.delivery.keep_sent_days)
        erased = await asyncio.to_thread(self.store.purge_sent, keep)
        if erased:
            self.log.info("sent_mail_erased", count=erased)

    async def _reload_job(self) -> None:
        await asyncio.to_thread(self.reload_rules)

    def reload_rules(self) -> bool:
        """Swap in changed rules; on any problem keep the running ones and alert. True if swapped."""
        from .rules import RulesError, load_policy, source_digest

        rules_dir = self.config.service.rules_dir
        if not rules_dir.is_dir():
            return False
        digest = source_digest(rules_dir)
        current = self.pipeline.analyser.ruleset
        if current is not None and digest == current.digest:
            return False
        if digest == self._rejected_digest:
            return False
        try:
            ruleset = load_policy(rules_dir, self.config)
        except RulesError as exc:
            self._rejected_digest = digest
            self.log.error("rules_rejected", problems=len(exc.problems))
            alert = compose_alert(f"rules:{digest}", "rule change refused; the previous rules keep running",
                                  "The changed rules could not be loaded:\n\n" + "\n".join(exc.problems[:50])
                                  + "\n\nFix them (mailrouter rules check) and save again.\n",
                                  self.config.service.operators, self.config.service.alert_from,
                                  self.config.service.domain)
            self.store.enqueue(alert)
            return False
        self.pipeline.analyser.ruleset = ruleset
        self._rejected_digest = None
        self.log.info("rules_reloaded", rules=len(ruleset.rules))
        return True

    def _wake(self, job_id: str) -> None:
        job = self.scheduler.get_job(job_id)
        if job is not None:
            job.modify(next_run_time=datetime.now(timezone.utc))

    async def run_forever(self) -> None:
        loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._stop.set)
        if self.config.service.metrics_address:
            metrics.serve(self.config.service.metrics_address)
        self.scheduler = AsyncIOScheduler(timezone=timezone.utc)
        now = datetime.now(timezone.utc)
        for name, box in self.config.mailboxes.items():
            self.scheduler.add_job(self._poll_job, "interval", args=[name], id=f"poll:{name}",
                                   seconds=box.poll_interval, next_run_time=now, max_instances=1,
                                   coalesce=True, misfire_grace_time=None)
        self.scheduler.add_job(self._deliver_job, "interval", id="deliver",
                               seconds=self.config.delivery.interval_seconds, next_run_time=now,
                               max_instances=1, coalesce=True, misfire_grace_time=None)
        self.scheduler.add_job(self._reload_job, "interval", id="reload-rules", seconds=RULES_RELOAD_SECONDS,
                               max_instances=1, coalesce=True)
        self.scheduler.add_job(self._housekeeping_job, "interval", id="housekeeping", minutes=10,
                               next_run_time=now, max_instances=1, coalesce=True)
        self.scheduler.start()
        for name, box in self.config.mailboxes.items():
            if box.idle and box.account is not None:
                account = self.config.accounts[box.account]
                watcher = IdleWatcher(
                    box, account, account.resolve_password(),
                    wake=lambda n=name: loop.call_soon_threadsafe(self._wake, f"poll:{n}"),
                    log=lambda event, **kw: self.log.info(event, **kw))
                watcher.start()
                self._watchers.append(watcher)
        self.log.info("started", mailboxes=len(self.config.mailboxes), owner=self.pipeline.owner)
        await self._stop.wait()
        self.log.info("stopping")
        for watcher in self._watchers:
            watcher.stop()
        self.scheduler.shutdown(wait=False)
        for source in self.sources.values():
            source.close()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()


__all__ = ["Service", "OnceReport", "build_sources", "ConfigError"]
