"""The small findings of issue 13 (finding 7), end to end: bidi controls, template
errors of any kind, plaintext logins in `check`, copies without a Message-ID."""

from __future__ import annotations

import subprocess
import sys

from mailfactory import ADDRESSES, REPO, write_config
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
