"""Keys: keyring look-ups by address, and importing sender and staff keys."""

from __future__ import annotations

import base64
import binascii
import re

from .armor import _ARMOR_KEY
from .gpg import _GPG
from .keyring import KeyInfo, _SAFE_ADDR, _address, _norm_fpr, _parse_colons, _uid_address
from .mime import _Entity
from .results import CryptoError, DecryptResult


class _Keys:
    """Crypto's key lists and key imports (a mixin: uses the keyrings and runner of Crypto)."""

    # ------------------------------------------------------------- key lists

    def _list(self, gpg: _GPG, secret: bool = False, keys: list[str] | None = None) -> list[KeyInfo]:
        args = ["--list-secret-keys" if secret else "--list-keys", "--with-colons", "--fixed-list-mode", "--with-fingerprint", "--with-fingerprint"]
        if keys:
            args += ["--", *keys]
        timeout = self._time_left()
        with self._lock:
            gpg._timeout_s = timeout
            try:
                proc = gpg._open_subprocess(args)
                result = gpg.result_map["list"](gpg)
                gpg._collect_output(proc, result, stdin=proc.stdin)
            except Exception:
                return []
            finally:
                gpg._timeout_s = self.timeout_s
        return _parse_colons(result.data or b"", secret)

    def _key_info(self, gpg: _GPG, fpr: str) -> KeyInfo | None:
        for key in self._list(gpg, keys=[fpr]):
            return key
        return None

    def key_for_address(self, address: str) -> str | None:
        """Fingerprint of the newest usable encryption key for ``address`` in the
        correspondents keyring, or None. Which key is *trusted* for the address is
        decided by key continuity (keycontinuity.py), not here."""
        keys = self.usable_keys_for_address(address)
        return keys[-1] if keys else None

    def usable_keys_for_address(self, address: str) -> list[str]:
        """Fingerprints of usable encryption keys for ``address`` (correspondents keyring), oldest first."""
        addr = _address(address)
        if not addr:
            return []
        keys = [k for k in self._list(self._cor, keys=[f"<{addr}>"]) if k.can_encrypt and addr in k.addresses()]
        return [k.fingerprint for k in sorted(keys, key=lambda k: k.created)]

    # ----------------------------------------------------------- key imports

    def _import_sender_key(self, keydata: bytes, address: str, source: str, result: DecryptResult) -> None:
        """Import public key(s) for ``address`` only if a user ID carries that address."""
        if not keydata or len(keydata) > 1_000_000:
            result.notes.append(f"sender key from {source} ignored: empty or too large")
            return
        if not _SAFE_ADDR.match(address):
            result.notes.append(f"sender key from {source} ignored: unusual sender address")
            return
        scan = self._run(self._cor, "scan_keys_mem", keydata)
        keys = _parse_colons(scan.data, secret=False) if scan.result is not None else []
        if scan.result is not None and any(line.startswith(b"sec") for line in scan.data.splitlines()):
            result.notes.append(f"sender key from {source} ignored: contains secret key material")
            return
        matching = [k for k in keys if address in {a for a in (_uid_address(u) for _, u in k.uids) if a}]
        if not matching:
            result.notes.append(f"sender key from {source} not imported: no user ID with the sender's address")
            return
        r = self._run(
            self._cor,
            "import_keys",
            keydata,
            extra_args=[
                "--import-options", "import-minimal",
                "--import-filter", f"keep-uid=mbox = {address}",
            ],
        )
        fprs = sorted({v.split()[1] for v in r.values("IMPORT_OK") if len(v.split()) > 1})
        wanted = {k.fingerprint for k in matching}
        fprs = [f for f in fprs if f in wanted]
        if fprs:
            for f in fprs:
                if f not in result.imported_keys:
                    result.imported_keys.append(f)
            result.notes.append(f"sender key from {source} imported")
        else:
            result.notes.append(f"sender key from {source} not imported: gpg refused it")

    def _collect_keys(self, root_headers: list[_Entity], tree: _Entity | None, address: str | None, result: DecryptResult) -> None:
        if not address:
            return
        for ent in root_headers:
            for value in ent.get_all("Autocrypt"):
                ac = _parse_autocrypt(value)
                if ac is None:
                    continue
                if ac[0] != address:
                    result.notes.append("Autocrypt header ignored: addr is not the sender's")
                    continue
                self._import_sender_key(ac[1], address, "Autocrypt header", result)
        if tree is None:
            return
        found = 0
        for part in tree.walk():
            if part.is_multipart or found >= 5:
                continue
            name = (part.filename() or "").lower()
            if part.ctype == "application/pgp-keys" or (name.endswith(".asc") and part.ctype in ("application/octet-stream", "text/plain", "application/pgp-signature")):
                data = part.decoded()
                blocks = _ARMOR_KEY.findall(data) if b"-----BEGIN PGP PUBLIC KEY BLOCK-----" in data else ([data] if part.ctype == "application/pgp-keys" else [])
                for block in blocks[:3]:
                    found += 1
                    self._import_sender_key(block, address, "attached key", result)

    def import_staff_key(self, key_data: bytes, fingerprint: str) -> str:
        """Import a staff member's public key into the service home, checking the pinned fingerprint.

        ``key_data`` must hold exactly that one public key (armoured or binary):
        secret key material or other keys are refused, so nothing unpinned ever
        lands next to the service keys. Returns the fingerprint; raises
        CryptoError with a content-free reason otherwise.
        """
        fpr = _norm_fpr(fingerprint)
        with self._lock:
            scan = self._run(self._svc, "scan_keys_mem", key_data)
            if scan.result is None:
                raise CryptoError("gpg could not read the key data")
            if any(line.startswith(b"sec") for line in scan.data.splitlines()):
                raise CryptoError("the key data contains secret key material: export only the public key (gpg --export --armor FPR)")
            found = {k.fingerprint for k in _parse_colons(scan.data, secret=False)}
            if fpr not in found:
                raise CryptoError(f"the key data does not contain the pinned key {fpr}")
            if found != {fpr}:
                raise CryptoError(f"the key data holds other keys besides {fpr}: export only that key")
            r = self._run(self._svc, "import_keys", key_data, extra_args=["--import-options", "import-clean"])
            ok = {v.split()[1] for v in r.values("IMPORT_OK") if len(v.split()) > 1}
            if fpr not in ok:
                raise CryptoError(f"gpg did not import the pinned key {fpr}")
        return fpr


def _parse_autocrypt(value: str) -> tuple[str, bytes] | None:
    """Autocrypt header -> (addr, keydata) or None (unknown critical attribute, bad base64...)."""
    attrs: dict[str, str] = {}
    for item in value.split(";"):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            return None
        k, v = item.split("=", 1)
        attrs[k.strip().lower()] = v.strip()
    if "addr" not in attrs or "keydata" not in attrs:
        return None
    for k in attrs:
        if k not in ("addr", "keydata", "prefer-encrypt") and not k.startswith("_"):
            return None
    try:
        keydata = base64.b64decode(re.sub(r"\s+", "", attrs["keydata"]), validate=True)
    except (binascii.Error, ValueError):
        return None
    addr = _address(attrs["addr"])
    return (addr, keydata) if addr else None
