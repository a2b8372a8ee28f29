"""Keyring listings: gpg's ``--with-colons`` output parsed into ``KeyInfo``."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from email.utils import getaddresses, parseaddr

from .results import CryptoError

_FPR = re.compile(r"^[0-9A-F]{40}$")


@dataclass(frozen=True)
class KeyInfo:
    """One key of a keyring (parsed from gpg's colon listing)."""

    fingerprint: str
    validity: str  # gpg validity letter: "e" expired, "r" revoked, "i" invalid, "d" disabled, ...
    created: int
    expires: int | None
    capabilities: str  # gpg's "key capabilities": upper case = usable for the whole key
    uids: tuple[tuple[str, str], ...]  # (validity, user id)
    has_secret: bool = False
    secret_encryption: bool = False  # a usable secret encryption (sub)key is present
    secret_signing: bool = False
    encryption_expires: int | None = None  # latest expiry of the usable encryption (sub)keys; None = never

    @property
    def expired(self) -> bool:
        return self.validity == "e" or (self.expires is not None and self.expires <= time.time())

    @property
    def revoked(self) -> bool:
        return self.validity == "r"

    @property
    def can_encrypt(self) -> bool:
        return "E" in self.capabilities and not (self.expired or self.revoked or self.validity in ("i", "d"))

    @property
    def can_sign(self) -> bool:
        return "S" in self.capabilities and not (self.expired or self.revoked or self.validity in ("i", "d"))

    def addresses(self) -> set[str]:
        """addr-specs of the non-revoked user IDs, lower-cased."""
        out = set()
        for validity, uid in self.uids:
            # a revoked key marks all its user IDs "r": only skip user IDs revoked on their own
            if validity == "i" or (validity == "r" and not self.revoked):
                continue
            addr = _uid_address(uid)
            if addr:
                out.add(addr)
        return out


def _uid_address(uid: str) -> str | None:
    _, addr = parseaddr(uid)
    if not addr and "@" in uid and " " not in uid.strip():
        addr = uid.strip()
    addr = addr.strip().strip("<>").lower()
    return addr if "@" in addr else None


def _unescape_colon(value: bytes) -> str:
    text = value.decode("utf-8", "replace")
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text)


def _parse_colons(data: bytes, secret: bool) -> list[KeyInfo]:
    """gpg --with-colons listing -> KeyInfo (primary keys with uids and subkey facts)."""
    keys: list[dict] = []
    cur: dict | None = None
    sub: dict | None = None
    for line in data.splitlines():
        f = line.split(b":")
        kind = f[0]
        if kind in (b"pub", b"sec"):
            cur = {
                "validity": f[1].decode(),
                "created": int(f[5]) if len(f) > 5 and f[5].isdigit() else 0,
                "expires": int(f[6]) if len(f) > 6 and f[6].isdigit() else None,
                "cap": f[11].decode() if len(f) > 11 else "",
                "token": f[14].decode() if len(f) > 14 else "",
                "uids": [],
                "subs": [],
                "fpr": None,
                "secret": kind == b"sec",
            }
            sub = None
            keys.append(cur)
        elif kind in (b"sub", b"ssb") and cur is not None:
            sub = {
                "validity": f[1].decode(),
                "expires": int(f[6]) if len(f) > 6 and f[6].isdigit() else None,
                "cap": f[11].decode() if len(f) > 11 else "",
                "token": f[14].decode() if len(f) > 14 else "",
            }
            cur["subs"].append(sub)
        elif kind == b"fpr" and cur is not None:
            if sub is None and cur["fpr"] is None:
                cur["fpr"] = f[9].decode().upper()
        elif kind == b"uid" and cur is not None:
            cur["uids"].append((f[1].decode(), _unescape_colon(f[9])))
    out = []
    now = time.time()

    def usable(d: dict, cap: str) -> bool:
        if cap not in d["cap"].lower():
            return False
        if d["validity"] in ("e", "r", "i", "d") or (d["expires"] is not None and d["expires"] <= now):
            return False
        return d["token"] not in ("#",)  # '#' = secret key not available (stub)

    for k in keys:
        if not k["fpr"]:
            continue
        sec_enc = sec_sign = False
        # own capability letters are lower case (the primary's upper-case ones summarise its subkeys)
        enc_expiries = [d["expires"] for d in [k, *k["subs"]] if "e" in d["cap"] and usable(d, "e")]
        enc_expires = None if (not enc_expiries or None in enc_expiries) else max(enc_expiries)
        if k["secret"]:
            sec_sign = usable(k, "s") or any(usable(s, "s") for s in k["subs"])
            sec_enc = usable(k, "e") or any(usable(s, "e") for s in k["subs"])
        out.append(
            KeyInfo(
                fingerprint=k["fpr"],
                validity=k["validity"],
                created=k["created"],
                expires=k["expires"],
                capabilities=k["cap"],
                uids=tuple(k["uids"]),
                has_secret=bool(k["secret"]) and (k["token"] != "#" or any(s["token"] != "#" for s in k["subs"])),
                secret_encryption=sec_enc,
                secret_signing=sec_sign,
                encryption_expires=enc_expires,
            )
        )
    return out


def _norm_fpr(value: str) -> str:
    fpr = re.sub(r"\s+", "", str(value or "")).upper()
    if fpr.startswith("0X"):
        fpr = fpr[2:]
    if not _FPR.match(fpr):
        raise CryptoError("a key must be given by its full 40-hex-digit fingerprint")
    return fpr


def _address(value: str | None) -> str | None:
    if not value:
        return None
    try:
        pairs = getaddresses([value])
    except Exception:
        return None
    for _, addr in pairs:
        addr = addr.strip().lower()
        if "@" in addr:
            return addr
    return None


_SAFE_ADDR = re.compile(r"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9.-]+$")
