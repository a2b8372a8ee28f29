"""TLS against the real servers: every mode works, and certificates are checked by default.

A throw-away CA and a server certificate for 127.0.0.1/localhost are made per
session (cryptography, in a temp dir, removed afterwards). Dovecot speaks
STARTTLS on its plain port and implicit TLS on ``imaps_port``; the SMTP sink
offers STARTTLS (optionally required) or implicit TLS. Everything runs through
``mailrouter run --once`` / ``check --connect`` as a subprocess, as operators do.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiosmtplib
import imapclient
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mailfactory import REPO, client_mail, write_config
from servers import DovecotServer, SmtpSink
from test_e2e import by_kind, run_once

NO_VERIFY = "verify_tls = false"
USERS = {"humanrights": "hr-secret", "emergency": "em-secret"}  # as write_config expects
CERT_PROBLEM = re.compile(r"certificate verify failed|CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError")


# --------------------------------------------------------------------------
# A test PKI
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Pki:
    ca: Path  # the test CA certificate (PEM): trust it to make verification pass
    cert: Path  # server certificate for localhost and 127.0.0.1, issued by the test CA
    key: Path  # its private key (PEM, unencrypted, mode 0600)

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def _make_pki(directory: Path) -> Pki:
    now = datetime.datetime.now(datetime.UTC)
    not_before, not_after = now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mailrouter throw-away test CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    pki.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(pki.key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    return pki


@pytest.fixture(scope="session")
def pki():
    directory = Path(tempfile.mkdtemp(prefix="mr-pki-"))
    try:
        yield _make_pki(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


# --------------------------------------------------------------------------
# Servers with TLS
# --------------------------------------------------------------------------

@pytest.fixture
def tls_dovecot(pki):
    """Dovecot with the test certificate: STARTTLS on .port, implicit TLS on .imaps_port."""
    base = Path(tempfile.mkdtemp(prefix="mr-dovecot-tls-"))
    os.chmod(base, 0o711)
    server = DovecotServer(base / "dovecot", USERS, tls_cert=pki.cert, tls_key=pki.key)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def _sink(pki: Pki, mode: str) -> SmtpSink:
    if mode == "tls":
        return SmtpSink(tls_context=pki.server_context(), implicit_tls=True)
    # STARTTLS offered and required: a client that does not upgrade cannot send anything.
    return SmtpSink(tls_context=pki.server_context(), require_starttls=True)


@pytest.fixture
def tls_sink(pki, request):
    """An SMTP sink in the TLS mode of the test parameter ("starttls" or "tls")."""
    sink = _sink(pki, request.param)
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def _imap_settings(server: DovecotServer, mode: str) -> dict:
    return {"imap_tls": mode, "imap_port": server.imaps_port if mode == "tls" else server.port}


def _append_case(dovecot) -> bytes:
    raw = client_mail("Amir <amir.r@example.net>", "emergency", "URGENT",
                      "Two men are waiting outside my building and they know my username.")
    dovecot.append("emergency", "INBOX", raw)
    return raw


def _mailrouter(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "mailrouter.cli", *args], capture_output=True, env=env,
                          timeout=60, cwd=str(REPO), check=False)


def _untrusted_env() -> dict[str, str]:
    """The machine's own trust store, whatever the caller's environment says."""
    return {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}


def _run(config: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = run_once(config, env_extra=env)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")[-3000:]
    return result


def _out(result: subprocess.CompletedProcess) -> str:
    return (result.stdout + result.stderr).decode(errors="replace")


def _assert_delivered(sink: SmtpSink, cases: int = 1) -> None:
    acks, forwards, alerts = by_kind(sink.messages)
    assert (len(acks), len(forwards), alerts) == (cases, cases, []), [m.message["Subject"] for m in sink.messages]


def _tls_logins(dovecot: DovecotServer, user: str) -> list[str]:
    return [line for line in dovecot.log_path.read_text(errors="replace").splitlines()
            if "imap-login: Info: Login:" in line and f"user=<{user}>" in line]


def _run_until_done(config: Path, env: dict[str, str] | None = None, attempts: int = 4) -> subprocess.CompletedProcess:
    """run --once until nothing is left: mail deferred earlier is due after the (short) retry delay."""
    for _ in range(attempts):
        result = _run(config, env)
        if result.returncode == 0:
            return result
        time.sleep(0.3)
    return result


# --------------------------------------------------------------------------
# The TLS test servers themselves
# --------------------------------------------------------------------------

def test_tls_servers_speak_tls_with_the_test_certificate(tls_dovecot, pki):
    trusting = ssl.create_default_context(cafile=str(pki.ca))
    client = imapclient.IMAPClient(tls_dovecot.host, port=tls_dovecot.imaps_port, ssl=True, ssl_context=trusting,
                                   timeout=5)
    client.login("emergency", USERS["emergency"])
    client.logout()
    client = imapclient.IMAPClient(tls_dovecot.host, port=tls_dovecot.port, ssl=False, timeout=5)
    client.starttls(trusting)
    client.login("emergency", USERS["emergency"])
    client.logout()
    with pytest.raises(ssl.SSLCertVerificationError):  # the machine's trust store does not know the test CA
        imapclient.IMAPClient(tls_dovecot.host, port=tls_dovecot.imaps_port, ssl=True,
                              ssl_context=ssl.create_default_context(), timeout=5)

    async def send(sink: SmtpSink, **tls) -> None:
        client = aiosmtplib.SMTP(hostname=sink.host, port=sink.port, timeout=5, tls_context=trusting, **tls)
        await client.connect()
        try:
            await client.sendmail("a@example.org", ["b@example.org"], b"Subject: t\r\n\r\nt\r\n")
        finally:
            await client.quit()

    for sink, tls in ((_sink(pki, "starttls"), {"start_tls": True, "use_tls": False}),
                      (_sink(pki, "tls"), {"start_tls": False, "use_tls": True})):
        with sink:
            asyncio.run(send(sink, **tls))
            assert [m.tls for m in sink.messages] in (["TLSv1.3"], ["TLSv1.2"])
            if not sink.implicit_tls:  # STARTTLS is required: a plaintext MAIL FROM is refused
                with pytest.raises(aiosmtplib.SMTPSenderRefused) as refused:
                    asyncio.run(send(sink, start_tls=False, use_tls=False))
                assert refused.value.code == 530
                assert len(sink.messages) == 1 and sink.rejected == []


# --------------------------------------------------------------------------
# Every mode works (verification off)
# --------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_imap_tls_modes(tmp_path, tls_dovecot, smtp_sink, mode):
    _append_case(tls_dovecot)
    config = write_config(tmp_path, tls_dovecot, smtp_sink, imap_extra=NO_VERIFY, **_imap_settings(tls_dovecot, mode))
    result = _run(config)
    assert result.returncode == 0, _out(result)[-3000:]
    _assert_delivered(smtp_sink)
    assert tls_dovecot.uids("emergency", "INBOX") == []
    assert len(tls_dovecot.uids("emergency", "Processed")) == 1
    # Dovecot marks logins over TLS with "TLS" (a plaintext loopback login says "secured").
    logins = _tls_logins(tls_dovecot, "emergency")
    ours = [line for line in logins if ", TLS," in line]
    assert ours, "\n".join(logins)


@pytest.mark.parametrize("tls_sink", ["starttls", "tls"], indirect=True)
def test_smtp_tls_modes(tmp_path, dovecot, tls_sink):
    mode = "tls" if tls_sink.implicit_tls else "starttls"
    _append_case(dovecot)
    config = write_config(tmp_path, dovecot, tls_sink, smtp_tls=mode, smtp_extra=NO_VERIFY)
    result = _run(config)
    assert result.returncode == 0, _out(result)[-3000:]
    _assert_delivered(tls_sink)
    assert all(m.tls and m.tls.startswith("TLSv1.") for m in tls_sink.messages), [m.tls for m in tls_sink.messages]
    assert dovecot.uids("emergency", "INBOX") == []


# --------------------------------------------------------------------------
# Verification is on by default, and it really checks
# --------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_imap_verifies_certificates_by_default(tmp_path, tls_dovecot, smtp_sink, pki, mode):
    raw = _append_case(tls_dovecot)
    config = write_config(tmp_path, tls_dovecot, smtp_sink, **_imap_settings(tls_dovecot, mode))
    assert "verify_tls" not in config.read_text()  # the default is what is tested
    untrusted = _untrusted_env()

    result = _run(config, untrusted)
    assert result.returncode == 1, _out(result)[-3000:]
    assert "emergency: 0 in inbox, 0 processed, 0 filed, 0 copies, 1 errors" in result.stdout.decode(), _out(result)
    assert CERT_PROBLEM.search(result.stderr.decode()), _out(result)[-3000:]
    # nothing lost, nothing sent
    assert tls_dovecot.fetch_all("emergency", "INBOX") == {1: raw}
    assert "Processed" not in tls_dovecot.folders("emergency")  # never even logged in
    assert smtp_sink.messages == []

    check = _mailrouter("check", "--connect", "-c", str(config), env_extra=untrusted)
    assert check.returncode == 1, _out(check)
    assert b"Traceback" not in check.stderr, check.stderr.decode()
    assert re.search(r"imap emergency.*certificate verify failed", check.stderr.decode()), _out(check)

    # Trust the test CA through the standard variable: the same config now works.
    trusted = {**untrusted, "SSL_CERT_FILE": str(pki.ca)}
    result = _run(config, trusted)
    assert result.returncode == 0, _out(result)[-3000:]
    _assert_delivered(smtp_sink)
    assert tls_dovecot.uids("emergency", "INBOX") == []
    assert len(tls_dovecot.uids("emergency", "Processed")) == 1


@pytest.mark.parametrize("tls_sink", ["starttls", "tls"], indirect=True)
def test_smtp_verifies_certificates_by_default(tmp_path, dovecot, tls_sink, pki):
    mode = "tls" if tls_sink.implicit_tls else "starttls"
    _append_case(dovecot)
    config = write_config(tmp_path, dovecot, tls_sink, smtp_tls=mode)
    assert "verify_tls" not in config.read_text()
    untrusted = _untrusted_env()

    result = _run(config, untrusted)
    assert result.returncode == 1, _out(result)[-3000:]
    assert CERT_PROBLEM.search(result.stderr.decode()), _out(result)[-3000:]
    assert tls_sink.messages == [] and tls_sink.rejected == []
    # The case was decided and filed; its mail waits in the outbox (deferred, not failed).
    assert dovecot.uids("emergency", "INBOX") == []
    assert "0 sent" in result.stdout.decode() and "'retrying': 2" in result.stdout.decode(), _out(result)

    check = _mailrouter("check", "--connect", "-c", str(config), env_extra=untrusted)
    assert check.returncode == 1, _out(check)
    assert b"Traceback" not in check.stderr, check.stderr.decode()
    assert re.search(r"smtp.*certificate verify failed", check.stderr.decode()), _out(check)

    trusted = {**untrusted, "SSL_CERT_FILE": str(pki.ca)}
    result = _run_until_done(config, trusted)
    assert result.returncode == 0, _out(result)[-3000:]
    _assert_delivered(tls_sink)
    assert all(m.tls for m in tls_sink.messages)


# --------------------------------------------------------------------------
# Never plaintext by accident
# --------------------------------------------------------------------------

@pytest.mark.parametrize("tls_sink", ["starttls"], indirect=True)
def test_smtp_server_requiring_starttls_never_gets_plaintext_mail(tmp_path, dovecot, tls_sink):
    """tls = "none" against a relay that requires STARTTLS: refused at MAIL FROM (530), before any DATA.

    530 is about our session, not the mail: every mail waits in the outbox and is retried by
    itself; the operators get one alert. Once the config says STARTTLS, the same queued mail goes
    out encrypted, with no manual step.
    """
    _append_case(dovecot)
    config = write_config(tmp_path, dovecot, tls_sink, smtp_tls="none")
    for _ in range(2):  # refused, then refused again on the retry
        result = _run(config)
        assert result.returncode == 1, _out(result)[-3000:]
        assert "0 sent" in result.stdout.decode() and "'retrying'" in result.stdout.decode(), _out(result)
        assert "failed" not in result.stdout.decode().split("state", 1)[1], _out(result)
        assert "SMTPSenderRefused 530" in result.stderr.decode(), _out(result)
        # not one DATA, in any form: no message reached the sink, accepted or refused
        assert tls_sink.messages == [] and tls_sink.rejected == []
        time.sleep(1.2)  # past the (test config's) retry delay
    assert dovecot.uids("emergency", "INBOX") == []  # decided and filed: the mail waits in the outbox

    config = write_config(tmp_path, dovecot, tls_sink, smtp_tls="starttls", smtp_extra=NO_VERIFY)
    result = _run(config)
    assert result.returncode == 0, _out(result)[-3000:]
    acks, forwards, alerts = by_kind(tls_sink.messages)
    assert (len(acks), len(forwards)) == (1, 1)
    # the operators learn once why mail was held back
    assert len(alerts) == 1 and "530" in str(alerts[0].message["Subject"]), [a.message["Subject"] for a in alerts]
    assert all(m.tls for m in tls_sink.messages)
