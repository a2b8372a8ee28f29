"""The operator commands, run as an operator runs them (a subprocess)."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys

from mailfactory import REPO, client_mail, write_config

SAMPLES = REPO / "mailrouter" / "demo_samples"


def mailrouter(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", *args], capture_output=True, text=True,
                          cwd=str(REPO), timeout=timeout)


def test_demo_prints_the_table_and_writes_the_mail(tmp_path):
    result = mailrouter("demo", "--workdir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    samples = sorted(SAMPLES.glob("*.eml"))
    assert f"{len(samples)} cases" in out
    for column in ("mailbox", "language", "urgency", "acknowledged", "forwarded to"):
        assert column in out
    delivered = sorted((tmp_path / "demo" / "delivered").glob("*.eml"))
    acks = [p for p in delivered if p.name.endswith("-ack.eml")]
    forwards = [p for p in delivered if p.name.endswith("-forward.eml")]
    assert len(forwards) == len(samples)
    # the out-of-office reply, the bounce and the list mail are never acknowledged
    assert len(acks) == len(samples) - 3
    for path in acks:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert msg["Auto-Submitted"] == "auto-replied"
    languages = {line.split("│")[3].strip() for line in out.splitlines() if line.count("│") > 6}
    assert {"en", "ar", "es", "ru", "fa", "fr", "zh"} <= languages
    assert "critical" in out


def test_explain_json_shows_facts_and_decision_and_sends_nothing(tmp_path):
    sample = SAMPLES / "05-fa-emergency-k9mail.eml"
    result = mailrouter("explain", str(sample), "--mailbox", "emergency", "--json", "-c", str(REPO / "config.toml"))
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert set(data) >= {"mailbox", "facts", "rules", "decision", "acknowledgement"}
    assert {"rule", "matched", "reached", "reasons", "source"} <= set(data["rules"][0])
    assert data["facts"]["language"] == "fa"
    assert data["decision"]["urgency"] == "critical"
    assert data["acknowledgement"]["subject"]
    assert data["facts"]["encrypted"] is False


def test_explain_an_auto_reply_says_why_no_acknowledgement():
    sample = SAMPLES / "09-en-humanrights-autoreply-exchange.eml"
    result = mailrouter("explain", str(sample), "--mailbox", "humanrights", "--json", "-c", str(REPO / "config.toml"))
    data = json.loads(result.stdout)
    assert data["acknowledgement"]["sent"] is False
    assert "Auto-Submitted" in data["acknowledgement"]["reason"]


def test_status_after_a_run_shows_no_personal_data(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("private.person@example.net", "emergency", "Secret subject",
                                                      "Secret body text."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert mailrouter("run", "--once", "-c", str(config)).returncode == 0
    status = mailrouter("status", "--json", "-c", str(config))
    assert status.returncode == 0
    data = json.loads(status.stdout)
    assert len(data["open_cases"]) == 1 and data["open_cases"][0]["urgency"] == "critical"
    assert data["outbox"] == {"sent": 2}
    assert data["mailboxes"]["emergency"]["last_poll_at"]
    for secret in ("private.person", "Secret subject", "Secret body"):
        assert secret not in status.stdout


def test_check_connect_reports_a_dead_imap_server(tmp_path, dovecot, smtp_sink):
    config = write_config(tmp_path, dovecot, smtp_sink)
    ok = mailrouter("check", "--connect", "-c", str(config))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    dovecot.kill()
    dead = mailrouter("check", "--connect", "-c", str(config))
    assert dead.returncode == 1
    assert "Traceback" not in dead.stderr
    assert "mailbox emergency" in dead.stderr or "imap emergency" in dead.stderr


def test_oncall_shows_the_override_and_the_escalation_chain():
    result = mailrouter("oncall", "--at", "2026-12-25T10:00", "-c", str(REPO / "config.toml"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "override (holiday swap with chen)" in out  # alice covers Christmas in config.toml
    assert "2026-12-25 10:00 CET" in out  # read in the rotation's zone
    critical = next(line for line in out.splitlines() if line.strip().startswith("critical:"))
    assert "alice" in critical.split(";")[0] and "+5 min: bola" in critical and "operators@example.org" in critical
    assert "next:" in out
    bad = mailrouter("oncall", "--at", "not a time", "-c", str(REPO / "config.toml"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
