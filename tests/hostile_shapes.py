"""Big hostile message shapes (issue 13, finding 3), built on demand, never stored.

Each function returns the bytes of one message addressed to the emergency
mailbox. The sizes match the reproduced reports: 200,000 MIME parts are
about 7.4 MB, 20,000 nesting levels about 1.45 MB.

    many_parts(200_000)      one multipart/mixed with 200,000 tiny text parts
    deep_multipart(20_000)   multipart/mixed nested 20,000 levels deep
    deep_rfc822(20_000)      message/rfc822 nested 20,000 levels deep
    deep_signed(20_000)      multipart/signed (OpenPGP) nested 20,000 levels deep
    many_armored(50_000)     50,000 parts that each look like inline PGP
    html_unterminated()      a text/html part of 200,000 unterminated "<a " tags
    armor_unterminated()     50,000 "BEGIN PGP MESSAGE" lines and no END line
    short_lines()            a text body of 2,000,000 lines of one character
    folded_header(armored)   inline PGP (a real block, encrypted to the service key) under a
                             header of 200,000 continuation lines

Used by tests/test_hostile.py and bench/bench_hostile.py, which run each
shape in a child process of its own (``python tests/hostile_shapes.py CONFIG
SHAPE [MAILBOX]``): it prints JSON lines, "ready" once the pipeline is set up
and the input built, "done" with what came out (or "error" with the stage
and the exception type).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HEAD = (
    b"From: Someone <someone@example.net>\r\n"
    b"To: Emergency <emergency@example.org>\r\n"
    b"Subject: please read\r\n"
    b"Date: Tue, 24 Nov 2026 21:14:05 +0000\r\n"
    b"Message-ID: <%s@example.net>\r\n"
    b"MIME-Version: 1.0\r\n"
)


def _head(tag: str) -> bytes:
    return HEAD % tag.encode("ascii")


def many_parts(n: int = 200_000) -> bytes:
    part = b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    return (_head(f"parts.{n}") + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
            + part * n + b"--b--\r\n")


def deep_multipart(n: int = 20_000) -> bytes:
    opening = b"".join(b'--%d\r\nContent-Type: multipart/mixed; boundary="%d"\r\n\r\n' % (i - 1, i)
                       for i in range(1, n))
    closing = b"".join(b"\r\n--%d--" % i for i in range(n - 1, -1, -1))
    return (_head(f"nest.{n}") + b'Content-Type: multipart/mixed; boundary="0"\r\n\r\n' + opening
            + b"--%d\r\nContent-Type: text/plain\r\n\r\ninnermost" % (n - 1) + closing + b"\r\n")


def deep_rfc822(n: int = 20_000) -> bytes:
    level = b"Content-Type: message/rfc822\r\n\r\nFrom: a@example.net\r\nSubject: fwd\r\n"
    return _head(f"rfc822.{n}") + level * n + b"Content-Type: text/plain\r\n\r\ninnermost\r\n"


def deep_signed(n: int = 20_000) -> bytes:
    opening = b"".join(b'--%d\r\nContent-Type: multipart/signed; protocol="application/pgp-signature"; '
                       b'boundary="%d"\r\n\r\n' % (i - 1, i) for i in range(1, n))
    closing = b"".join(b"\r\n--%d\r\nContent-Type: application/pgp-signature\r\n\r\nx\r\n--%d--" % (i, i)
                       for i in range(n - 1, -1, -1))
    return (_head(f"signed.{n}")
            + b'Content-Type: multipart/signed; protocol="application/pgp-signature"; boundary="0"\r\n\r\n'
            + opening + b"--%d\r\nContent-Type: text/plain\r\n\r\ninnermost" % (n - 1) + closing + b"\r\n")


def many_armored(n: int = 200_000) -> bytes:
    part = (b"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
            b"filename=\"m.asc\"\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nx\r\n-----END PGP MESSAGE-----\r\n")
    return (_head(f"armored.{n}") + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
            + part * n + b"--b--\r\n")


def html_unterminated(n: int = 200_000) -> bytes:
    return (_head(f"html.{n}") + b'Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>'
            + b"<a " * n + b"\r\n")


def armor_unterminated(n: int = 50_000) -> bytes:
    return (_head(f"armor.{n}") + b"Content-Type: text/plain\r\n\r\n"
            + b"-----BEGIN PGP MESSAGE-----\r\n" * n)


def short_lines(n: int = 2_000_000) -> bytes:
    return _head(f"lines.{n}") + b"Content-Type: text/plain\r\n\r\n" + b"x\r\n" * n


def folded_header(armored: bytes, n: int = 200_000) -> bytes:
    """``armored``: an ASCII-armoured OpenPGP message the service can decrypt."""
    return (_head(f"folded.{n}") + b"X-Folded: start\r\n" + b" x\r\n" * n
            + b"Content-Type: text/plain\r\n\r\n" + armored.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def normal() -> bytes:
    """A plain 2 KB message: the fixed cost of processing any message, for comparison."""
    return (_head("normal") + b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + b"Two men are waiting outside my building and they know my username.\r\n" * 25)


SHAPES = {
    "normal": normal,
    "many_parts": lambda: many_parts(200_000),
    "deep_multipart": lambda: deep_multipart(20_000),
    "deep_rfc822": lambda: deep_rfc822(20_000),
    "deep_signed": lambda: deep_signed(20_000),
    "many_armored": lambda: many_armored(50_000),
    "html_unterminated": lambda: html_unterminated(200_000),
    "armor_unterminated": lambda: armor_unterminated(50_000),
    "short_lines": lambda: short_lines(2_000_000),
}
# Shapes that need a ciphertext for the service key get it as their argument.
ENCRYPTED_SHAPES = {
    "folded_header": lambda armored: folded_header(armored, 200_000),
}


def _vm(key: str) -> int:
    """VmHWM / VmRSS of this process in bytes."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(key + ":"))


def run(config_path: str, shape: str, mailbox: str = "humanrights") -> None:
    """One shape through the analysis and the case's mail, with the config's real Crypto."""
    from mailrouter.analysis import Analyser, case_flags
    from mailrouter.config import load_config
    from mailrouter.outgoing.acknowledgement import ack_plan
    from mailrouter.outgoing.case_mail import Composer
    from mailrouter.outgoing.compose import CaseRef
    from mailrouter.outgoing.render import Templates
    from mailrouter.outgoing.seal import Sealer
    from mailrouter.service import build_crypto, load_ruleset

    config = load_config(Path(config_path))
    crypto = build_crypto(config)
    analyser = Analyser(config, ruleset=load_ruleset(config), crypto=crypto)
    composer = Composer(config, Templates(config.service.templates_dir), Sealer(config, crypto))

    def compose(analysis, case_ref: CaseRef, raw: bytes):
        return composer.case_mail(analysis, case_ref, raw, ack_plan(analysis)).outgoing

    def case(n: int) -> CaseRef:
        return CaseRef(f"01JHOSTILE{n:016d}", "7F3K", mailbox, config.mailboxes[mailbox].address)

    warm = normal()  # first use starts gpg-agents, checks staff keys, loads language models
    compose(analyser.analyse(mailbox, warm), case(0), warm)
    if shape in ENCRYPTED_SHAPES:
        raw = ENCRYPTED_SHAPES[shape](crypto.encrypt_entity(b"Content-Type: text/plain\r\n\r\nhello\r\n",
                                                            [config.crypto.service_key]))
    else:
        raw = SHAPES[shape]()
    print(json.dumps({"event": "ready", "size": len(raw), "base_rss": _vm("VmRSS")}), flush=True)
    stage = "analyse"
    try:
        t = time.perf_counter()
        analysis = analyser.analyse(mailbox, raw)
        analyse_s = time.perf_counter() - t
        print(json.dumps({"event": "analysed", "analyse_s": analyse_s}), flush=True)
        stage = "compose"
        t = time.perf_counter()
        outgoing = compose(analysis, case(1), raw)
        compose_s = time.perf_counter() - t
    except Exception as exc:  # noqa: BLE001 - reported: the service would retry, then fall back
        print(json.dumps({"event": "error", "stage": stage, "error": type(exc).__name__,
                          "peak_rss": _vm("VmHWM")}), flush=True)
        return
    forwards = [o for o in outgoing if o.kind == "forward"]
    print(json.dumps({
        "event": "done", "analyse_s": analyse_s, "compose_s": compose_s, "peak_rss": _vm("VmHWM"),
        "defects": analysis.facts.defects[:8], "crypto_error": analysis.facts.crypto.error,
        "decrypted": analysis.facts.crypto.decrypted, "flags": case_flags(analysis.facts),
        "outgoing": sorted(o.kind for o in outgoing),
        "forward_encrypted": bool(forwards) and all(b"multipart/encrypted" in o.data[:8000] for o in forwards),
    }), flush=True)
    if crypto is not None:
        crypto.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    run(*sys.argv[1:])
