"""Real GnuPG homes and a [crypto] config from the committed test keys.

No pytest in here: tests, benchmarks and the fuzzer share it.

    homes = make_homes(root)        # {"svc", "cor", "alice"} under root (keep root short: agent sockets)
    path = crypto_config(tmp, homes, dovecot=..., smtp=...)   # or maildirs=...
    inner = decrypt_as_alice(homes, armored)                   # what Alice reads
    kill_agents(homes)

The service home holds the service secret keys and the pinned staff keys of
Alice and Bob; the correspondents home Amina's public key; Alice's own home
her secret key and the service public keys (to check the forward's signature).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from mailfactory import REPO, write_config

KEYS = REPO / "tests" / "fixtures" / "pgp" / "keys"
FPR = json.loads((KEYS / "fingerprints.json").read_text())


def gpg(home: Path, *args: str, input: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(["gpg", "--homedir", str(home), "--batch", "--yes", "--pinentry-mode", "loopback",
                           "--passphrase-file", str(KEYS / "passphrase.txt"), *args],
                          input=input, capture_output=True, timeout=120)


def make_homes(root: Path) -> dict[str, Path]:
    homes = {name: Path(root) / name for name in ("svc", "cor", "alice")}
    for home in homes.values():
        home.mkdir(mode=0o700)
    wanted = {"svc": ("service-talk.sec.asc", "service-emergency.sec.asc", "staff-alice.pub.asc",
                      "staff-bob.pub.asc"),
              "cor": ("sender-amina.pub.asc",),
              "alice": ("staff-alice.sec.asc", "service-talk.pub.asc", "service-emergency.pub.asc")}
    for name, keys in wanted.items():
        for key in keys:
            cp = gpg(homes[name], "--import", str(KEYS / key))
            if cp.returncode != 0:
                raise RuntimeError(f"gpg --import {key} failed: {cp.stderr.decode()[-300:]}")
    return homes


def kill_agents(homes: dict[str, Path]) -> None:
    for home in homes.values():
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True)


def crypto_config(tmp_path: Path, homes: dict[str, Path], dovecot=None, smtp=None, *,
                  maildirs: dict[str, Path] | None = None, extra: str = "") -> Path:
    """write_config plus [crypto] (every forward encrypted); Alice and Bola have pinned keys, Chen none."""
    crypto = f"""
[crypto]
home = "{homes['svc']}"
correspondents_home = "{homes['cor']}"
service_key = "{FPR['service_talk']}"
passphrase_file = "{KEYS / 'passphrase.txt'}"
encrypt_all_forwards = true
"""
    path = write_config(tmp_path, dovecot, smtp, maildirs=maildirs, extra=crypto + extra)
    text = path.read_text()
    text = text.replace('address = "alice@staff.example.org"', f'address = "alice@staff.example.org"\nkey = "{FPR["alice"]}"')
    text = text.replace('address = "bola@staff.example.org"', f'address = "bola@staff.example.org"\nkey = "{FPR["bob"]}"')
    path.write_text(text)
    return path


def decrypt_as_alice(homes: dict[str, Path], armored: bytes) -> bytes:
    """Alice's gpg decrypts; raises AssertionError when it cannot, or when the service signature is missing."""
    cp = gpg(homes["alice"], "--trust-model", "always", "--decrypt", input=armored)
    if cp.returncode != 0:
        raise AssertionError(f"Alice cannot decrypt: {cp.stderr.decode()[-300:]}")
    if b"Good signature" not in cp.stderr:
        raise AssertionError("the forward is not signed by the service key")
    return cp.stdout
