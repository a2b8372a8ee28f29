"""The test servers are real: Dovecot speaks IMAP, SmtpSink speaks SMTP."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path
from email.message import EmailMessage

import aiosmtplib
import imapclient
import pytest

from servers import DovecotServer, ServerStartError, SmtpSink, free_port

RAW = (
    b"From: Volunteer <volunteer@example.org>\r\n"
    b"To: emergency@example.net\r\n"
    b"Subject: =?utf-8?b?0J/QvtC80L7Qs9C40YLQtQ==?=\r\n"
    b"Message-ID: <test-1@example.org>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"\xd0\x9f\xd0\xbe\xd0\xbc\xd0\xbe\xd0\xb3\xd0\xb8\xd1\x82\xd0\xb5 - help\r\n"
    b".leading dot and trailing spaces   \r\n"
    b"\r\n"
)


def close_quietly(client: imapclient.IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:
        pass


def raw_message(n: int) -> bytes:
    return RAW.replace(b"test-1@", b"test-%d@" % n)


# --------------------------------------------------------------------------
# Dovecot
# --------------------------------------------------------------------------

def test_login_and_capabilities(dovecot):
    assert dovecot.host == "127.0.0.1"
    for user in ("humanrights", "emergency"):
        c = dovecot.client(user)
        try:
            caps = set(c.capabilities())
            assert {b"IDLE", b"MOVE", b"UIDPLUS"} <= caps, caps
            assert c.select_folder("INBOX")[b"EXISTS"] == 0
        finally:
            c.logout()


def test_wrong_password_is_refused(dovecot):
    # Repeated failures must stay fast (no per-IP auth penalty in the test server).
    for _ in range(3):
        c = imapclient.IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=5)
        try:
            with pytest.raises(imapclient.exceptions.LoginError):
                c.login("emergency", "hr-secret")
        finally:
            c.shutdown()
    dovecot.client("emergency").logout()


def test_append_then_fetch_identical_bytes(dovecot):
    uid1 = dovecot.append("emergency", "INBOX", raw_message(1))
    uid2 = dovecot.append("emergency", "INBOX", raw_message(2), flags=[r"\Seen"])
    assert (uid1, uid2) == (1, 2)
    assert dovecot.uids("emergency", "INBOX") == [1, 2]
    assert dovecot.fetch_all("emergency", "INBOX") == {1: raw_message(1), 2: raw_message(2)}
    assert r"\Seen".encode() not in dovecot.flags("emergency")[1]  # fetch used BODY.PEEK
    assert r"\Seen".encode() in dovecot.flags("emergency")[2]
    # mailboxes are per user
    assert dovecot.uids("humanrights", "INBOX") == []
    assert dovecot.fetch_all("humanrights", "INBOX") == {}


def test_move_between_folders(dovecot):
    dovecot.create_folder("humanrights", "Processed")
    dovecot.create_folder("humanrights", "Processed")  # idempotent
    assert "Processed" in dovecot.folders("humanrights")
    for n in (1, 2, 3):
        dovecot.append("humanrights", "INBOX", raw_message(n))

    c = dovecot.client("humanrights")
    try:
        c.select_folder("INBOX")
        c.move([2], "Processed")
        assert c.search("ALL") == [1, 3]
    finally:
        c.logout()

    assert dovecot.uids("humanrights", "INBOX") == [1, 3]
    assert dovecot.fetch_all("humanrights", "Processed") == {1: raw_message(2)}


def test_idle_reports_new_mail(dovecot):
    c = dovecot.client("emergency")
    try:
        c.select_folder("INBOX")
        c.idle()
        dovecot.append("emergency", "INBOX", raw_message(1))
        responses = []
        for _ in range(10):
            responses += c.idle_check(timeout=1)
            if (1, b"EXISTS") in responses:
                break
        c.idle_done()
        assert (1, b"EXISTS") in responses, responses
    finally:
        c.logout()


def test_restart_keeps_data_and_port(dovecot):
    dovecot.create_folder("emergency", "Processed")
    dovecot.append("emergency", "INBOX", raw_message(1))
    dovecot.append("emergency", "Processed", raw_message(2))
    port, validity = dovecot.port, dovecot.uidvalidity("emergency", "INBOX")
    old = dovecot.client("emergency")

    dovecot.restart()

    assert dovecot.port == port
    assert dovecot.uidvalidity("emergency", "INBOX") == validity
    assert dovecot.fetch_all("emergency", "INBOX") == {1: raw_message(1)}
    assert dovecot.fetch_all("emergency", "Processed") == {1: raw_message(2)}
    with pytest.raises((imapclient.exceptions.IMAPClientAbortError, OSError)):
        old.noop()  # the old connection did not survive the restart
    close_quietly(old)
    assert dovecot.append("emergency", "INBOX", raw_message(3)) == 2


def test_kill_makes_port_dead_until_start(dovecot):
    dovecot.append("emergency", "INBOX", raw_message(1))
    old = dovecot.client("emergency")
    old.select_folder("INBOX")

    dovecot.kill()

    with pytest.raises(OSError):
        socket.create_connection((dovecot.host, dovecot.port), timeout=2).close()
    with pytest.raises(OSError):
        dovecot.client("emergency")
    with pytest.raises((imapclient.exceptions.IMAPClientAbortError, OSError)):
        old.noop()
    close_quietly(old)

    dovecot.start()
    assert dovecot.fetch_all("emergency", "INBOX") == {1: raw_message(1)}


def test_instances_run_in_parallel(tmp_path, dovecot):
    other = DovecotServer(tmp_path / "second", {"emergency": "other-secret"})
    other.start()
    try:
        assert other.port != dovecot.port
        other.append("emergency", "INBOX", raw_message(9))
        assert dovecot.uids("emergency") == []
        assert other.fetch_all("emergency") == {1: raw_message(9)}
    finally:
        other.stop()
    assert dovecot.client("emergency").logout()


def test_long_base_dir_uses_short_socket_dir(tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    server = DovecotServer(deep, {"emergency": "em-secret"})
    server.start()
    try:
        server.append("emergency", "INBOX", raw_message(1))
        server.restart()
        assert server.fetch_all("emergency") == {1: raw_message(1)}
        assert (deep / "home" / "emergency" / "Maildir").is_dir()
        assert deep not in server.run_dir.parents
        run_dir = server.run_dir
    finally:
        server.stop()
    assert not run_dir.exists()  # the short socket dir is removed by stop()


def test_fixture_fails_not_skips_without_dovecot(tmp_path):
    env = dict(os.environ, MAILROUTER_TEST_DOVECOT=str(tmp_path / "no-such-dovecot"))
    here = Path(__file__)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfEs",
         f"{here}::test_login_and_capabilities"],
        cwd=here.parent.parent, env=env, capture_output=True, text=True, timeout=120,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "1 failed" in out or "1 error" in out, out
    assert "skipped" not in out, out
    assert "apt-get install dovecot-imapd" in out, out


def test_start_failure_raises_with_log_tail(tmp_path):
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        server = DovecotServer(tmp_path / "busy", {"emergency": "em-secret"}, port=port)
        with pytest.raises(ServerStartError) as info:
            server.start(timeout=5)
    assert "Address already in use" in str(info.value)
    assert not server.running


# --------------------------------------------------------------------------
# SmtpSink
# --------------------------------------------------------------------------

def make_message(subject: str = "Case 7F3K", to: str = "oncall@example.net") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "router@example.net"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<case-7f3k@example.net>"
    msg.set_content("Urgent: please call back.\n")
    return msg


def send(sink: SmtpSink, message, **kwargs):
    kwargs.setdefault("start_tls", False)
    kwargs.setdefault("use_tls", False)
    return asyncio.run(
        aiosmtplib.send(message, hostname=sink.host, port=sink.port, timeout=10, **kwargs)
    )


def test_sink_receives_message(smtp_sink):
    send(smtp_sink, make_message())
    [got] = smtp_sink.wait_for(1, timeout=5)
    assert got.envelope_from == "router@example.net"
    assert got.rcpt_tos == ["oncall@example.net"]
    assert got.message["Subject"] == "Case 7F3K"
    assert got.message["Message-ID"] == "<case-7f3k@example.net>"
    assert got.message.get_content() == "Urgent: please call back.\r\n"  # CRLF as on the wire
    assert b"\r\nSubject: Case 7F3K\r\n" in got.data
    assert smtp_sink.messages == [got]


def test_sink_accepts_null_sender(smtp_sink):
    send(smtp_sink, make_message(), sender="")
    [got] = smtp_sink.wait_for(1, timeout=5)
    assert got.envelope_from == ""
    assert got.rcpt_tos == ["oncall@example.net"]


def test_sink_accepts_null_sender_with_raw_8bit_bytes(smtp_sink):
    # aiosmtplib.send() refuses sender="" for raw bytes (ValueError), so use
    # the client directly: MAIL FROM:<> BODY=8BITMIME.
    async def go():
        async with aiosmtplib.SMTP(
            hostname=smtp_sink.host, port=smtp_sink.port, start_tls=False, use_tls=False, timeout=10
        ) as client:
            await client.ehlo()
            assert client.supports_extension("8bitmime")
            assert client.supports_extension("smtputf8")
            # aiosmtplib does not add BODY=8BITMIME by itself for raw bytes
            await client.sendmail(
                "", ["volunteer@example.org"], raw_message(1), mail_options=["BODY=8BITMIME"]
            )

    asyncio.run(go())
    [got] = smtp_sink.wait_for(1, timeout=5)
    assert got.envelope_from == ""
    assert got.rcpt_tos == ["volunteer@example.org"]
    assert got.data == raw_message(1)  # 8-bit body and dot-stuffing survive
    assert "BODY=8BITMIME" in got.mail_options


def test_sink_accepts_smtputf8(smtp_sink):
    msg = make_message(subject="Помогите", to="дежурный@пример.рф")
    send(smtp_sink, msg)
    [got] = smtp_sink.wait_for(1, timeout=5)
    assert got.rcpt_tos == ["дежурный@пример.рф"]
    assert "SMTPUTF8" in got.mail_options
    assert got.message["Subject"] == "Помогите"


def test_sink_failure_modes(smtp_sink):
    smtp_sink.set_mode("tempfail")
    with pytest.raises(aiosmtplib.SMTPResponseException) as temp:
        send(smtp_sink, make_message())
    assert 400 <= temp.value.code < 500

    smtp_sink.set_mode("permfail")
    with pytest.raises(aiosmtplib.SMTPResponseException) as perm:
        send(smtp_sink, make_message())
    assert 500 <= perm.value.code < 600

    assert smtp_sink.messages == []
    assert [r.response[:3] for r in smtp_sink.rejected] == ["451", "550"]

    smtp_sink.set_mode("ok")
    send(smtp_sink, make_message())
    assert len(smtp_sink.wait_for(1, timeout=5)) == 1


def test_sink_fail_next(smtp_sink):
    smtp_sink.fail_next(2, 421)
    smtp_sink.fail_next(1, 554)
    codes = []
    for _ in range(3):
        with pytest.raises(aiosmtplib.SMTPResponseException) as info:
            send(smtp_sink, make_message())
        codes.append(info.value.code)
    assert codes == [421, 421, 554]
    send(smtp_sink, make_message())
    assert len(smtp_sink.wait_for(1, timeout=5)) == 1
    with pytest.raises(ValueError):
        smtp_sink.fail_next(1, 250)


def test_sink_concurrent_deliveries(smtp_sink):
    async def many():
        await asyncio.gather(
            *(
                aiosmtplib.send(
                    make_message(subject=f"m{i}"),
                    hostname=smtp_sink.host,
                    port=smtp_sink.port,
                    start_tls=False,
                    use_tls=False,
                    timeout=10,
                )
                for i in range(20)
            )
        )

    asyncio.run(many())
    got = smtp_sink.wait_for(20, timeout=10)
    assert sorted(m.message["Subject"] for m in got) == sorted(f"m{i}" for i in range(20))


def test_sink_wait_for_times_out_with_details(smtp_sink):
    send(smtp_sink, make_message())
    with pytest.raises(TimeoutError) as info:
        smtp_sink.wait_for(2, timeout=0.2)
    text = str(info.value)
    assert "expected at least 2" in text and "got 1" in text and "Case 7F3K" in text


def test_sink_auth_required():
    sink = SmtpSink(auth_required=True, username="router", password="s3cret")
    sink.start()
    try:
        with pytest.raises(aiosmtplib.SMTPResponseException) as anon:
            send(sink, make_message())
        assert anon.value.code == 530
        with pytest.raises(aiosmtplib.SMTPAuthenticationError):
            send(sink, make_message(), username="router", password="wrong")
        send(sink, make_message(), username="router", password="s3cret")
        [got] = sink.wait_for(1, timeout=5)
        assert got.auth_login == "router"
    finally:
        sink.stop()
    assert not sink.running


def test_free_port_is_bindable():
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
