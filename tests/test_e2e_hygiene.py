"""The small findings of issue 13 (finding 7), end to end: bidi controls, template
errors of any kind, plaintext logins in `check`, copies without a Message-ID."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

from mailfactory import ADDRESSES, REPO, client_mail, write_config
from mailrouter.config import load_config
from mailrouter.store import Store
from test_e2e import by_kind, run_once

TEXT = "Someone is threatening me because of my edits. Please help."


def mailrouter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", *args], capture_output=True, text=True,
                          cwd=str(REPO), timeout=120)


def summary_of(forward) -> str:
    return forward.message.get_body(("plain",)).get_content()


# --- bidi controls -------------------------------------------------------------------------------

def test_bidi_controls_in_sender_and_subject_are_flagged_and_shown_to_staff(tmp_path, dovecot, smtp_sink):
    # "invoice<RLO>fdp.exe" displays as "invoiceexe.pdf"; an isolate hides a name
    subject = "invoice\u202efdp.exe \u2066x\u2069 \u200f\u061c"
    raw = ("From: \"Support \u202bteam\u202c\" <bidi@example.net>\r\n"
           f"To: {ADDRESSES['humanrights']}\r\nSubject: {subject}\r\nMessage-ID: <bidi-1@example.net>\r\n"
           "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease look at the attachment.\r\n").encode()
    dovecot.append("humanrights", "INBOX", raw)
    config = write_config(tmp_path, dovecot, smtp_sink)
    assert run_once(config).returncode == 0
    _, forwards, _ = by_kind(smtp_sink.messages)
    assert len(forwards) == 1
    summary = summary_of(forwards[0])
    subject_line = next(line for line in summary.splitlines() if line.startswith("Subject:"))
    assert subject_line.split(":", 1)[1].strip() == (
        "invoice<U+202E>fdp.exe <U+2066>x<U+2069> <U+200F><U+061C>")
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c":
        assert ch not in summary
    assert "bidi control characters in Subject header" in summary
    assert "bidi control characters in From header" in summary
    assert "parse-defects" in str(forwards[0].message["X-Mailrouter-Flags"])


# --- template errors of any kind ------------------------------------------------------------------

def broken_templates(tmp_path, config):
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    en = templates / "ack" / "humanrights" / "en.txt.j2"
    en.write_text(en.read_text().replace("Hello,", "Hello, {{ 1 // 0 }}"))
    config.write_text(config.read_text().replace(f'templates_dir = "{REPO / "templates"}"',
                                                 f'templates_dir = "{templates}"'))
    assert str(templates) in config.read_text()
    return en


def test_a_template_that_fails_at_render_time_falls_back_to_the_builtin_text(tmp_path, dovecot, smtp_sink):
    config = write_config(tmp_path, dovecot, smtp_sink)
    broken_templates(tmp_path, config)
    dovecot.append("humanrights", "INBOX", client_mail("tomas@example.com", "humanrights", "meetup", TEXT))
    result = run_once(config)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    acks, forwards, alerts = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and len(forwards) == 1
    assert "Your case reference is" in acks[0].message.get_body(("plain",)).get_content()
    assert acks[0].message.get_body(("plain",)).get_content().startswith("This is an automatic reply.")
    assert [str(a.message["Subject"]) for a in alerts] == [
        "[mailrouter alert] a template is broken; the built-in text is used"]
    assert "ZeroDivisionError" in alerts[0].message.get_body(("plain",)).get_content()


def test_check_reports_a_runtime_template_error_with_file_and_line_without_a_traceback(tmp_path):
    config = write_config(tmp_path, maildirs={"humanrights": tmp_path / "hr", "emergency": tmp_path / "em"})
    en = broken_templates(tmp_path, config)
    result = mailrouter("check", "-c", str(config))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    line = next(i for i, text in enumerate(en.read_text().splitlines(), 1) if "1 // 0" in text)
    assert f"{en}:{line}: ZeroDivisionError" in result.stderr.replace("\n", "")
    # explain shows what would be sent: the built-in text, and why
    message = tmp_path / "m.eml"
    message.write_bytes(client_mail("tomas@example.com", "humanrights", "meetup", TEXT))
    explained = mailrouter("explain", str(message), "--mailbox", "humanrights", "--json", "-c", str(config))
    assert explained.returncode == 0, explained.stderr
    ack = json.loads(explained.stdout)["acknowledgement"]
    assert ack["template"] == "builtin" and "ZeroDivisionError" in ack["template_problem"]
    assert "Traceback" not in explained.stderr


# --- plaintext logins ---------------------------------------------------------------------------

def test_check_warns_about_credentials_over_plaintext_to_a_remote_host(tmp_path):
    config = write_config(tmp_path, maildirs={"humanrights": tmp_path / "hr", "emergency": tmp_path / "em"},
                          smtp_extra='username = "relay"\npassword_env = "MR_SMTP_PW"', extra=f"""
[accounts.remote]
host = "imap.example.org"
tls = "none"
username = "emergency"
password_file = "{tmp_path / 'pw'}"

[accounts.local]
host = "127.0.0.1"
tls = "none"
username = "emergency"
password_file = "{tmp_path / 'pw'}"

[accounts.secure]
host = "imap.example.org"
tls = "tls"
username = "emergency"
password_file = "{tmp_path / 'pw'}"
""")
    local = mailrouter("check", "-c", str(config))
    assert local.returncode == 0, local.stderr
    warnings = [line for line in local.stderr.splitlines() if "plaintext" in line]
    assert len(warnings) == 1 and "accounts.remote" in warnings[0] and "imap.example.org" in warnings[0]
    # the relay on another machine, with a login and no TLS
    text, n = re.subn(r'host = "127.0.0.1"(\s+port = 2525)', r'host = "smtp.example.org"\1', config.read_text())
    assert n == 1
    config.write_text(text)
    remote = mailrouter("check", "-c", str(config))
    assert remote.returncode == 0, remote.stderr
    warnings = [line for line in remote.stderr.splitlines() if "plaintext" in line]
    assert len(warnings) == 2 and any("smtp" in w and "smtp.example.org" in w for w in warnings)
    assert "Traceback" not in remote.stderr


# --- copies without a Message-ID ------------------------------------------------------------------

def test_a_byte_identical_copy_without_message_id_is_recorded_as_a_copy(tmp_path, dovecot, smtp_sink):
    raw = (f"From: noid@example.net\r\nTo: {ADDRESSES['emergency']}\r\nSubject: help\r\n"
           "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           f"{TEXT}\r\n").encode()
    config = write_config(tmp_path, dovecot, smtp_sink)
    dovecot.append("emergency", "INBOX", raw)
    assert run_once(config).returncode == 0
    dovecot.append("emergency", "INBOX", raw)  # a re-append (or a restored backup) after the decision
    result = run_once(config)
    assert result.returncode == 0
    assert b"1 copies" in result.stdout
    acks, forwards, _ = by_kind(smtp_sink.messages)
    assert len(acks) == 1 and len(forwards) == 1
    store = Store(load_config(config).store.url)
    assert len(store.all_cases()) == 1
    # a different message without Message-ID is still a new case
    dovecot.append("emergency", "INBOX", raw.replace(b"Please help.", b"Please help me."))
    assert run_once(config).returncode == 0
    assert len(store.all_cases()) == 2
    assert dovecot.uids("emergency", "INBOX") == []
