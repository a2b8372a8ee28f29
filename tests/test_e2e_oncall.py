"""On-call forwarding, claiming and escalation end to end, with a controllable clock.

The clock is moved with MAILROUTER_CLOCK_OFFSET_SECONDS (mailrouter/clock.py):
each `run --once` is a process that sees "now + offset", against the real
Dovecot and SMTP servers.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from mailfactory import REPO, ROTATION, client_mail, write_config
from mailrouter.config import load_config
from mailrouter.store import Store
from test_e2e import by_kind, run_once



# Claims by mail must be authenticated: these tests use the operator MTA's DMARC result
# (tests/test_e2e_claims.py covers OpenPGP signatures and forgeries).
AUTHENTICATION = """
[authentication]
trusted_authserv_id = "mx.example.org"
claim_methods = ["openpgp", "dmarc"]
"""
DMARC_PASS = "Authentication-Results: mx.example.org; dmarc=pass header.from=staff.example.org\r\n"


def oncall_config(tmp_path, dovecot, smtp_sink):
    path = write_config(tmp_path, dovecot, smtp_sink, extra=ROTATION + AUTHENTICATION)
    text = path.read_text().replace('team = "emergency"', 'team = "emergency"\nrotation = "emergency"')
    path.write_text(text)
    return path


def at(minutes: float) -> dict[str, str]:
    return {"MAILROUTER_CLOCK_OFFSET_SECONDS": str(minutes * 60)}


def escalations(sink):
    return [m for m in sink.messages if ".escalation-" in str(m.message["Message-ID"])]


def test_unclaimed_critical_case_escalates_on_schedule(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    assert [f.rcpt_tos for f in forwards] == [["chen@staff.example.org"]]  # only the person on call
    assert escalations(smtp_sink) == []

    assert run_once(config, at(4)).returncode == 0
    assert escalations(smtp_sink) == []  # not yet due
    assert run_once(config, at(6)).returncode == 0
    first = escalations(smtp_sink)
    assert [m.rcpt_tos for m in first] == [["bola@staff.example.org"]]
    assert first[0].message["Subject"].startswith("[ESCALATED] [CRITICAL]")
    assert first[0].message["X-Mailrouter-Case"] == forwards[0].message["X-Mailrouter-Case"]

    assert run_once(config, at(16)).returncode == 0
    second = escalations(smtp_sink)[1:]
    assert len(second) == 1
    assert sorted(second[0].rcpt_tos) == ["bola@staff.example.org", "chen@staff.example.org",
                                          "operators@example.org"]
    assert run_once(config, at(60)).returncode == 0
    assert len(escalations(smtp_sink)) == 2  # each step once


def staff_reply(forward, sender: str) -> bytes:
    return DMARC_PASS.encode() + client_mail(sender, "emergency", f"Re: {forward.message['Subject']}", "I have it, calling now.",
                       html=False, extra_headers={"In-Reply-To": forward.message["Message-ID"],
                                                  "References": forward.message["Message-ID"]})


def test_claim_by_reply_stops_escalation(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    _, [forward], _ = by_kind(smtp_sink.messages)
    dovecot.append("emergency", "INBOX", staff_reply(forward, "Chen <chen@staff.example.org>"))
    assert run_once(config, at(2)).returncode == 0
    assert run_once(config, at(30)).returncode == 0
    assert escalations(smtp_sink) == []
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 1 and len(acks) == 1  # the claim made no new case and no acknowledgement
    store = Store(load_config(config).store.url)
    case = store.find_case(forward.message["X-Mailrouter-Case"])
    assert case.status == "claimed" and case.claimed_by == "chen"
    trail = store.audit_trail(case.id)
    assert any(e["stage"] == "claim" and e["detail"]["via"] == "reply, dmarc" for e in trail)
    shown = subprocess.run([sys.executable, "-m", "mailrouter.cli", "case", case.tag, "-c", str(config)],
                           capture_output=True, text=True, cwd=str(REPO))
    assert shown.returncode == 0, shown.stderr
    for stage in ("intake", "parse", "language", "route", "ack", "forward", "claim", "deliver"):
        assert f" {stage} " in shown.stdout, stage
    assert "escalation  cancelled" in shown.stdout
    assert "amir@example.net" not in shown.stdout and "They are here" not in shown.stdout
    assert dovecot.uids("emergency", "INBOX") == []


def test_claim_from_a_non_staff_address_does_not_stop_escalation(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    _, [forward], _ = by_kind(smtp_sink.messages)
    dovecot.append("emergency", "INBOX", staff_reply(forward, "Chen <chen@attacker.example.com>"))
    assert run_once(config, at(2)).returncode == 0
    assert run_once(config, at(6)).returncode == 0
    assert len(escalations(smtp_sink)) == 1
    store = Store(load_config(config).store.url)
    assert store.find_case(forward.message["X-Mailrouter-Case"]).status == "open"


def test_claim_by_subject_tag_and_by_command(tmp_path, dovecot, smtp_sink):
    for who in ("amir@example.net", "lena@example.net"):
        dovecot.append("emergency", "INBOX", client_mail(who, "emergency", "help", "Please help me."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    tag_a, tag_b = (f.message["X-Mailrouter-Case"] for f in forwards)
    dovecot.append("emergency", "INBOX", DMARC_PASS.encode() + client_mail(
        "bola@staff.example.org", "emergency", f"taking [case {tag_a}]", "Mine.", html=False))
    result = subprocess.run([sys.executable, "-m", "mailrouter.cli", "ack", tag_b, "--by", "chen", "-c", str(config)],
                            capture_output=True, text=True, cwd=str(REPO))
    assert result.returncode == 0 and "claimed by chen" in result.stdout
    assert run_once(config, at(30)).returncode == 0
    assert escalations(smtp_sink) == []
    store = Store(load_config(config).store.url)
    assert store.find_case(tag_a).claimed_by == "bola"
    assert store.find_case(tag_b).claimed_by == "chen"


def test_escalation_timers_survive_a_crash(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    crashed = run_once(config, {"MAILROUTER_CRASH_AT": "after_send"})
    assert crashed.returncode == -signal.SIGKILL
    store = Store(load_config(config).store.url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET lease_until = '2000-01-01 00:00:00' WHERE state = 'sending'")
    assert run_once(config, at(20)).returncode == 0
    assert len(escalations(smtp_sink)) == 2


def test_message_that_keeps_killing_the_service_is_forwarded_raw_with_an_alert(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = write_config(tmp_path, dovecot, smtp_sink)
    store = Store(load_config(config).store.url)
    for _ in range(3):
        crashed = run_once(config, {"MAILROUTER_CRASH_AT": "after_claim"})
        assert crashed.returncode == -signal.SIGKILL
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE ledger SET lease_until = '2000-01-01 00:00:00' WHERE state = 'claimed'")
    assert run_once(config).returncode == 0
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert acks == [] and len(forwards) == 1 and len(alerts) == 1
    assert "could-not-process" in forwards[0].message["X-Mailrouter-Flags"]
    assert "could not be processed" in alerts[0].message["Subject"]
    assert dovecot.uids("emergency", "INBOX") == []


def test_a_rotation_gap_alerts_once_and_every_case_still_goes_out(tmp_path, dovecot, smtp_sink):
    """An empty first layer falls through to the next; the operators hear of the gap once per hour."""
    for i in range(3):
        dovecot.append("emergency", "INBOX", client_mail(f"s{i}@example.net", "emergency", "help", f"Help {i}."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    config.write_text(config.read_text().replace('name = "primary"\nmembers = ["chen"]\nstart = "2026-01-05T09:00"',
                                                 'name = "primary"\nmembers = ["chen"]\nstart = "2030-01-07T09:00"'))
    assert "2030-01-07" in config.read_text()
    result = run_once(config)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(forwards) == 3 and len(acks) == 3
    assert all(f.rcpt_tos == ["bola@staff.example.org"] for f in forwards)  # the secondary, as primary
    assert len(alerts) == 1 and "without anyone on call" in alerts[0].message["Subject"]
    assert not any("could-not-process" in str(f.message.get("X-Mailrouter-Flags", "")) for f in forwards)


def test_a_broken_template_uses_the_builtin_text_and_alerts(tmp_path, dovecot, smtp_sink):
    import shutil

    from mailfactory import REPO as repo

    templates = tmp_path / "templates"
    shutil.copytree(repo / "templates", templates)
    (templates / "ack" / "emergency" / "en.txt.j2").write_text("Subject: received {{ case_tag }\n\nbroken\n")
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here now."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    config.write_text(config.read_text().replace(f'templates_dir = "{repo / "templates"}"',
                                                 f'templates_dir = "{templates}"'))
    assert run_once(config).returncode == 0
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and len(forwards) == 1
    assert "We received your message" in acks[0].message["Subject"]
    assert len(alerts) == 1 and "template is broken" in alerts[0].message["Subject"]
    check = subprocess.run([sys.executable, "-m", "mailrouter.cli", "check", "-c", str(config)],
                           capture_output=True, text=True, cwd=str(REPO))
    assert check.returncode == 1 and "en.txt.j2:1" in check.stderr


def test_could_not_process_cases_escalate_too(tmp_path, dovecot, smtp_sink):
    dovecot.append("emergency", "INBOX", client_mail("amir@example.net", "emergency", "help", "They are here."))
    config = oncall_config(tmp_path, dovecot, smtp_sink)
    store = Store(load_config(config).store.url)
    for _ in range(3):
        assert run_once(config, {"MAILROUTER_CRASH_AT": "after_claim"}).returncode == -signal.SIGKILL
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE ledger SET lease_until = '2000-01-01 00:00:00' WHERE state = 'claimed'")
    assert run_once(config).returncode == 0
    assert run_once(config, at(20)).returncode == 0
    assert len(escalations(smtp_sink)) == 2
