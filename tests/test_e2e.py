"""The whole pipeline against a real Dovecot and a real SMTP server."""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mailfactory import REPO, auto_reply, bounce, client_mail, list_mail, write_config
from mailrouter.config import load_config
from mailrouter.faults import POINTS
from mailrouter.parse import parse
from mailrouter.service import Service
from mailrouter.store import Store

SENDERS = [
    ("Nadia K. <nadia.k@example.net>", "humanrights", "Someone published my home address",
     "Hello,\n\nafter I edited an article about a local politician, a forum posted my home address and my "
     "employer's name. I am scared to go home. Can you help me understand what to do?\n\nNadia", "high"),
    ("tomas@example.com", "humanrights", "Question about safety at the next meetup",
     "Hi team,\n\nI am organising a meetup and several attendees have been threatened online. What can we do "
     "to keep people safe?\n\nThanks, Tomas", "normal"),
    ("Amir <amir.r@example.net>", "emergency", "URGENT",
     "Please help. Two men are waiting outside my building and they know my username. I am inside and I am "
     "afraid to leave.", "critical"),
    ("lena.m@example.com", "emergency", "my friend was detained",
     "My friend, also a volunteer, was detained this morning at the airport and questioned about her edits. "
     "We have not heard from her since.", "critical"),
]


def run_once(config_path: Path, env_extra: dict[str, str] | None = None, timeout: float = 120):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", "run", "--once", "-c", str(config_path)],
                          capture_output=True, env=env, timeout=timeout, cwd=str(REPO))


def append_samples(dovecot) -> dict[str, bytes]:
    sent = {}
    for sender, mailbox, subject, body, _ in SENDERS:
        raw = client_mail(sender, mailbox, subject, body)
        dovecot.append(mailbox, "INBOX", raw)
        sent[email.message_from_bytes(raw)["Message-ID"]] = raw
    return sent


def by_kind(messages):
    acks = [m for m in messages if m.message.get("Auto-Submitted") == "auto-replied"]
    forwards = [m for m in messages if ".forward@" in str(m.message.get("Message-ID", ""))]
    alerts = [m for m in messages if str(m.message.get("Subject", "")).strip().startswith("[mailrouter alert]")]
    return acks, forwards, alerts


def attached_original(forward) -> bytes:
    """The original exactly as attached: sliced from the raw forward, not re-serialised."""
    for part in forward.message.walk():
        if part.get_filename() == "original-message.eml":
            return part.get_payload(decode=True)
    boundary = forward.message.get_boundary().encode()
    for chunk in forward.data.split(b"--" + boundary)[1:]:
        head, _, body = chunk.partition(b"\r\n\r\n")
        if b"message/rfc822" in head.lower():
            return body[:-2] if body.endswith(b"\r\n") else body
    raise AssertionError("forward carries no original")


def test_end_to_end_exactly_once(tmp_path, dovecot, smtp_sink):
    sent = append_samples(dovecot)
    config = write_config(tmp_path, dovecot, smtp_sink)

    result = run_once(config)
    assert result.returncode == 0, result.stderr.decode()[-2000:]

    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(acks) == len(sent) and len(forwards) == len(sent) and not alerts
    # one ack and one forward per original, threaded to it
    assert Counter(a.message["In-Reply-To"] for a in acks) == Counter({mid: 1 for mid in sent})
    for ack in acks:
        assert ack.envelope_from == ""
        assert ack.message["X-Auto-Response-Suppress"] == "All"
        original = email.message_from_bytes(sent[ack.message["In-Reply-To"]])
        assert ack.rcpt_tos == [email.utils.parseaddr(original["From"])[1]]
        # neutral subject: the sender's subject is never echoed
        assert original["Subject"] not in str(ack.message["Subject"])
        assert ack.message["X-Mailrouter-Case"] in str(ack.message["Subject"])
    teams = {"humanrights": ["alice@staff.example.org", "bola@staff.example.org"],
             "emergency": ["bola@staff.example.org", "chen@staff.example.org"]}
    for fwd in forwards:
        original = email.message_from_bytes(attached_original(fwd))
        mailbox = "emergency" if "emergency" in original["To"] else "humanrights"
        assert sorted(fwd.rcpt_tos) == teams[mailbox]
        # the shipped rules: doxing raises a human-rights message to high; the emergency address is critical
        urgency = next(u for sender, _, subject, _, u in SENDERS if subject == original["Subject"])
        assert fwd.message["X-Mailrouter-Urgency"] == urgency
        assert str(fwd.message["Subject"]).startswith(f"[{urgency.upper()}][")
        assert f"[case {fwd.message['X-Mailrouter-Case']}]" in str(fwd.message["Subject"])
        assert fwd.message["X-Mailrouter-Language"] == "en"
        assert fwd.message["Auto-Submitted"] == "auto-generated"
        assert original["Message-ID"] in sent
        # the forward's outer subject does not reveal the sender's subject
        assert original["Subject"] not in str(fwd.message["Subject"])
    # ack and forward of a case share the case tag
    assert {a.message["X-Mailrouter-Case"] for a in acks} == {f.message["X-Mailrouter-Case"] for f in forwards}

    for mailbox in ("humanrights", "emergency"):
        assert dovecot.uids(mailbox, "INBOX") == []
        assert len(dovecot.uids(mailbox, "Processed")) == 2
        # fetched with BODY.PEEK: nothing was marked as read by us before filing
    before = len(smtp_sink.messages)
    again = run_once(config)
    assert again.returncode == 0
    assert len(smtp_sink.messages) == before


def test_auto_replies_bounces_and_lists_forwarded_flagged_not_acknowledged(tmp_path, dovecot, smtp_sink):
    dovecot.append("humanrights", "INBOX", auto_reply("Out Of Office <someone@example.net>", "humanrights"))
    dovecot.append("emergency", "INBOX", bounce("emergency"))
    dovecot.append("humanrights", "INBOX", list_mail("humanrights"))
    dovecot.append("humanrights", "INBOX", client_mail("noreply@service.example.com", "humanrights",
                                                       "Your account", "Your account was updated."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    result = run_once(config)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert acks == []
    assert len(forwards) == 4
    flags = sorted(str(f.message.get("X-Mailrouter-Flags", "")) for f in forwards)
    assert any("auto-submitted" in f for f in flags)
    assert any("bounce" in f for f in flags)
    assert any("list" in f for f in flags)
    for fwd in forwards:
        text = fwd.message.get_body(("plain",)).get_content()
        assert "Acknowledged: no (" in text


def test_ack_rate_limit_one_per_sender(tmp_path, dovecot, smtp_sink):
    for i in range(5):
        dovecot.append("humanrights", "INBOX", client_mail("worried@example.net", "humanrights", f"update {i}",
                                                           f"Another detail about what happened, part {i}."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 5 and len(acks) == 1


@pytest.mark.parametrize("point", POINTS)
def test_crash_at_each_stage_boundary(tmp_path, dovecot, smtp_sink, point):
    sent = append_samples(dovecot)
    config = write_config(tmp_path, dovecot, smtp_sink)
    crashed = run_once(config, {"MAILROUTER_CRASH_AT": f"{point}:2"})
    assert crashed.returncode == -signal.SIGKILL, (point, crashed.returncode, crashed.stderr.decode()[-1500:])

    # Leases of the dead process must run out before a new process takes over.
    store = Store(load_config(config).store.url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE ledger SET lease_until = '2000-01-01 00:00:00' WHERE state = 'claimed'")
        conn.exec_driver_sql("UPDATE outbox SET lease_until = '2000-01-01 00:00:00' WHERE state = 'sending'")
    store.close()

    for _ in range(3):
        result = run_once(config)
        if result.returncode == 0:
            break
        time.sleep(0.3)
    assert result.returncode == 0, result.stderr.decode()[-2000:]

    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert not alerts
    originals = Counter(email.message_from_bytes(attached_original(f))["Message-ID"] for f in forwards)
    assert set(originals) == set(sent), "every message forwarded"
    ack_targets = Counter(a.message["In-Reply-To"] for a in acks)
    assert set(ack_targets) == set(sent), "every sender acknowledged"
    if point == "after_send":
        # SMTP accepted but the process died before recording it: the one resend is
        # recognisable, because it carries the very same Message-ID.
        ids = Counter(m.message["Message-ID"] for m in smtp_sink.messages)
        assert sum(ids.values()) - len(ids) <= 1
        assert len(ids) == 2 * len(sent)
    else:
        assert all(n == 1 for n in originals.values()), originals
        assert all(n == 1 for n in ack_targets.values()), ack_targets
    for mailbox in ("humanrights", "emergency"):
        assert dovecot.uids(mailbox, "INBOX") == []


def test_smtp_outage_then_recovery(tmp_path, dovecot, smtp_sink):
    sent = append_samples(dovecot)
    config = write_config(tmp_path, dovecot, smtp_sink)
    smtp_sink.set_mode("tempfail")
    first = run_once(config)
    assert first.returncode == 1  # work left undone is reported
    assert smtp_sink.messages == []
    # decisions are durable: the inbox is already empty, mail waits in the outbox
    assert dovecot.uids("emergency", "INBOX") == []
    smtp_sink.set_mode("ok")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if run_once(config).returncode == 0:
            break
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == len(sent) and len(acks) == len(sent)
    assert len({m.message["Message-ID"] for m in smtp_sink.messages}) == len(smtp_sink.messages)


def test_smtp_permanent_rejection_alerts_operators(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir.r@example.net", "emergency", "help", "They found me."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    smtp_sink.fail_next(1, 550)  # the first mail of the run (the acknowledgement) is refused
    result = run_once(config)
    assert result.returncode == 1
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(forwards) == 1 and acks == []
    assert len(alerts) == 1 and alerts[0].rcpt_tos == ["operators@example.org"]
    assert alerts[0].envelope_from == ""
    assert "rejected permanently" in str(alerts[0].message["Subject"])
    status = subprocess.run([sys.executable, "-m", "mailrouter.cli", "outbox", "list", "-c", str(config)],
                            capture_output=True, text=True, cwd=str(REPO))
    assert "failed" in status.stdout


def test_service_survives_dovecot_restart(tmp_path, dovecot, smtp_sink):
    config = write_config(tmp_path, dovecot, smtp_sink)
    proc = subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "-c", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO))
    try:
        dovecot.append("emergency", "INBOX", client_mail("a@example.net", "emergency", "one", "First message."))
        smtp_sink.wait_for(2, timeout=30)
        dovecot.kill()
        time.sleep(3)  # the service sees a dead server for a while
        dovecot.start()
        dovecot.append("emergency", "INBOX", client_mail("b@example.net", "emergency", "two", "Second message."))
        dovecot.append("humanrights", "INBOX", client_mail("c@example.net", "humanrights", "three", "Third one."))
        smtp_sink.wait_for(6, timeout=60)
        time.sleep(1.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, errs = proc.communicate(timeout=30)
    assert proc.returncode == 0, errs.decode()[-2000:]
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 3 and len(forwards) == 3
    # logs are JSON lines without addresses or subjects
    log = errs.decode()
    for secret in ("a@example.net", "b@example.net", "c@example.net", "First message", "Second message"):
        assert secret not in log


def test_idle_picks_up_mail_without_waiting_for_the_poll(tmp_path, dovecot, smtp_sink):
    from servers import free_port

    port = free_port()
    config = write_config(tmp_path, dovecot, smtp_sink)
    config.write_text(config.read_text().replace("poll_interval = 2", "poll_interval = 600")
                      .replace('log_level = "info"', f'log_level = "info"\nmetrics_address = "127.0.0.1:{port}"'))
    proc = subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "-c", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO))
    try:
        time.sleep(2.5)  # the first poll at start-up has run; the next one is 10 minutes away
        dovecot.append("emergency", "INBOX", client_mail("a@example.net", "emergency", "now", "Right now."))
        started = time.monotonic()
        smtp_sink.wait_for(2, timeout=30)
        assert time.monotonic() - started < 30
        time.sleep(1)
        import urllib.request

        scrape = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
        assert 'mailrouter_cases_total{mailbox="emergency",urgency="critical"} 1.0' in scrape
        assert 'mailrouter_mail_sent_total{kind="forward"} 1.0' in scrape
        assert "a@example.net" not in scrape
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_uidvalidity_change_does_not_resend(tmp_path, dovecot, smtp_sink):
    """A message decided but not yet filed reappears under a new UIDVALIDITY: recognised, not resent."""
    dovecot.create_folder("emergency", "Intake")
    dovecot.create_folder("humanrights", "Intake")
    raw = client_mail("amir.r@example.net", "emergency", "help", "Please call me back.")
    dovecot.append("emergency", "Intake", raw)
    config = write_config(tmp_path, dovecot, smtp_sink, mailbox_folder="Intake")
    crashed = run_once(config, {"MAILROUTER_CRASH_AT": "after_commit"})
    assert crashed.returncode == -signal.SIGKILL
    old = dovecot.uidvalidity("emergency", "Intake")
    with dovecot.client("emergency") as client:
        client.delete_folder("Intake")
        client.create_folder("Intake")
        client.append("Intake", raw)
    assert dovecot.uidvalidity("emergency", "Intake") != old
    again = run_once(config)
    assert again.returncode == 0, again.stdout.decode() + again.stderr.decode()[-2000:]
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and len(forwards) == 1
    assert dovecot.uids("emergency", "Intake") == []


HOSTILE = sorted((REPO / "tests" / "fixtures" / "hostile").glob("*.eml"))


def check_hostile_forwards(smtp_sink, expected: int, stored: set[bytes]) -> None:
    _, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(forwards) == expected
    assert not alerts, "no message needed the could-not-process fallback"
    # flagged exactly when the original has parse defects (most fixtures have; the real-world shapes need not)
    flagged = [bool(parse(attached_original(f)).defects) for f in forwards]
    assert sum(flagged) >= expected - 8
    for fwd, has_defects in zip(forwards, flagged):
        assert ("parse-defects" in str(fwd.message.get("X-Mailrouter-Flags", ""))) == has_defects
    # every byte of each original reached staff
    originals = {attached_original(f) for f in forwards}
    norm = lambda data: data.replace(b"\r\n", b"\n")  # noqa: E731 - IMAP stores CRLF
    assert {norm(o) for o in originals} == {norm(s) for s in stored}


def test_hostile_messages_are_forwarded_flagged(tmp_path, dovecot, smtp_sink):
    assert len(HOSTILE) >= 15
    accepted = 0
    for path in HOSTILE:
        if path.stat().st_size == 0:
            continue  # IMAP servers refuse empty messages; the Maildir test below covers it
        dovecot.append("emergency", "INBOX", path.read_bytes())
        accepted += 1
    config = write_config(tmp_path, dovecot, smtp_sink)
    result = run_once(config, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert dovecot.uids("emergency", "INBOX") == []
    check_hostile_forwards(smtp_sink, accepted, set(dovecot.fetch_all("emergency", "Processed").values()))


def test_hostile_messages_from_maildir(tmp_path, smtp_sink):
    maildirs = {name: tmp_path / "maildirs" / name for name in ("humanrights", "emergency")}
    for folder in maildirs.values():
        for sub in ("tmp", "new", "cur"):
            (folder / sub).mkdir(parents=True)
    for i, path in enumerate(HOSTILE):
        (maildirs["emergency"] / "new" / f"{1764000000 + i}.M{i}P1.test").write_bytes(path.read_bytes())
    config = write_config(tmp_path, None, smtp_sink, maildirs=maildirs)
    result = run_once(config, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert list((maildirs["emergency"] / "new").iterdir()) == []
    processed = maildirs["emergency"] / ".Processed" / "cur"
    check_hostile_forwards(smtp_sink, len(HOSTILE), {p.read_bytes() for p in processed.iterdir()})


def test_service_in_process_reports(tmp_path, dovecot, smtp_sink):
    append_samples(dovecot)
    config = load_config(write_config(tmp_path, dovecot, smtp_sink))
    report = Service(config).run_once()
    assert report.ok
    assert sum(p.processed for p in report.polls) == 4
    assert report.delivery.sent == 8


def wait_until_polled(config: Path, proc, timeout: float = 60) -> None:
    """Until the running service has polled every mailbox once (a sleep is not enough on a busy machine)."""
    db = Path(load_config(config).store.url.split(":///", 1)[1])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        if db.exists():  # read with sqlite3: opening a Store here could race the service for its key file
            with contextlib.closing(sqlite3.connect(db)) as conn:
                try:
                    polled = conn.execute("SELECT count(*) FROM mailbox_state WHERE last_poll_at IS NOT NULL")
                    if polled.fetchone()[0] == 2:
                        return
                except sqlite3.OperationalError:  # the tables are not there yet
                    pass
        time.sleep(0.3)
    raise AssertionError("the service did not poll both mailboxes in time")


def test_rules_reload_on_the_fly_and_invalid_changes_keep_the_old_rules(tmp_path, dovecot, smtp_sink):
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    config = write_config(tmp_path, dovecot, smtp_sink)
    config.write_text(config.read_text().replace(f'rules_dir = "{REPO / "rules"}"', f'rules_dir = "{rules}"'))
    proc = subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "-c", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO))
    try:
        wait_until_polled(config, proc)  # the rules are loaded: what follows is a change
        (rules / "50-extra.toml").write_text('[[rule]]\nname = "broken"\nwhen.mailbox = "nowhere"\n'
                                             'then.urgency = "urgentest"\n')
        alert = smtp_sink.wait_for(1, timeout=30)[0]
        assert "rule change refused" in str(alert.message["Subject"])
        body = alert.message.get_body(("plain",)).get_content()
        assert "50-extra.toml:" in body  # file:line for the operator
        dovecot.append("humanrights", "INBOX", client_mail("a@example.net", "humanrights", "q", "A question."))
        fwd = [m for m in smtp_sink.wait_for(3, timeout=30) if ".forward@" in m.message["Message-ID"]][0]
        assert "broken" not in fwd.message["X-Mailrouter-Rules"]  # the old rules kept running
        (rules / "50-extra.toml").write_text('[[rule]]\nname = "tag-everything"\nthen.tags = ["seen"]\n'
                                             'continue = true\n')
        (rules / "00-loops.toml").rename(rules / "05-loops.toml")  # keep the new rule first in order
        (rules / "50-extra.toml").rename(rules / "00-extra.toml")
        time.sleep(4)
        dovecot.append("humanrights", "INBOX", client_mail("b@example.net", "humanrights", "q", "Another one."))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            fwds = [m for m in smtp_sink.messages if ".forward@" in m.message["Message-ID"]]
            if len(fwds) == 2:
                break
            time.sleep(0.3)
        assert "tag-everything" in fwds[1].message["X-Mailrouter-Rules"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


def test_smtp_authentication_with_a_password_file(tmp_path, dovecot):
    from servers import SmtpSink

    sink = SmtpSink(auth_required=True, username="mailrouter", password="relay-secret")
    sink.start()
    try:
        dovecot.append("emergency", "INBOX", client_mail("a@example.net", "emergency", "help", "Please help."))
        (tmp_path / "smtp.pass").write_text("relay-secret\n")
        config = write_config(tmp_path, dovecot, sink, smtp_extra=f'username = "mailrouter"\n'
                                                                   f'password_file = "{tmp_path / "smtp.pass"}"')
        result = run_once(config)
        assert result.returncode == 0, result.stderr.decode()[-2000:]
        assert {m.auth_login for m in sink.messages} == {"mailrouter"}
        # a wrong password is a delivery failure that is retried, never a loss
        (tmp_path / "smtp.pass").write_text("wrong\n")
        dovecot.append("emergency", "INBOX", client_mail("b@example.net", "emergency", "help", "Me too."))
        assert run_once(config).returncode == 1
        assert len(sink.messages) == 2
    finally:
        sink.stop()


def test_two_instances_on_postgresql_process_each_message_once(tmp_path, dovecot, smtp_sink, pg_url,
                                                               pg_key_file):
    """Several instances share the work through the database: claims and outbox leases."""
    for i in range(12):
        dovecot.append("emergency" if i % 3 == 0 else "humanrights", "INBOX",
                       client_mail(f"p{i}@example.net", "emergency" if i % 3 == 0 else "humanrights",
                                   f"m{i}", f"Message number {i} about a threat."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    # every instance shares the store and the key of its sender hashes
    config.write_text(config.read_text().replace(f'url = "sqlite:///{tmp_path / "store.db"}"',
                                                 f'url = "{pg_url}"\nhash_key_file = "{pg_key_file}"'))
    assert pg_url in config.read_text()
    env = {**os.environ}
    procs = [subprocess.Popen([sys.executable, "-m", "mailrouter.cli", "run", "--once", "-c", str(config)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(REPO))
             for _ in range(3)]
    for proc in procs:
        proc.communicate(timeout=180)
    assert run_once(config).returncode == 0  # whatever one instance left (busy claims) is done now
    acks, forwards, _ = by_kind(smtp_sink.messages)
    ids = Counter(m.message["Message-ID"] for m in smtp_sink.messages)
    assert len(forwards) == 12 and len(acks) == 12
    assert max(ids.values()) == 1, "no mail was sent twice"
    assert dovecot.uids("humanrights", "INBOX") == [] and dovecot.uids("emergency", "INBOX") == []
