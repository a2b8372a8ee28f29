"""Outgoing: encryption of whole MIME entities, and the PGP/MIME wrapper."""

from __future__ import annotations

from email.message import EmailMessage

from .gpg import _E_BAD_PASSPHRASE, _E_NO_PASSPHRASE, _err_codes, _Run
from .keyring import _norm_fpr
from .results import CryptoError


class _Encryption:
    """Crypto's outgoing side (a mixin: uses the keyrings and runner of Crypto)."""

    # ------------------------------------------------------------ outgoing

    def encrypt_entity(self, entity: bytes, recipient_fingerprints: list[str], sign_fingerprint: str | None = None) -> bytes:
        """ASCII-armoured ciphertext of ``entity`` for exactly these keys, signed if asked.

        Recipients are looked up by fingerprint in the service home (pinned staff
        keys) and in the correspondents keyring (acknowledgements). Raises
        CryptoError(reason) when a key is missing, expired, revoked or unusable,
        or when gpg fails; the reason names fingerprints only.
        """
        recips = [_norm_fpr(f) for f in recipient_fingerprints]
        if not recips:
            raise CryptoError("no recipient keys")
        signer = _norm_fpr(sign_fingerprint) if sign_fingerprint else None
        with self._lock:
            for fpr in recips:
                key = self._key_info(self._svc, fpr) or self._key_info(self._cor, fpr)
                if key is None:
                    raise CryptoError(f"no public key {fpr} in the keyrings")
                if key.revoked:
                    raise CryptoError(f"recipient key {fpr} is revoked")
                if key.expired:
                    raise CryptoError(f"recipient key {fpr} has expired")
                if not key.can_encrypt:
                    raise CryptoError(f"recipient key {fpr} has no usable encryption subkey")
            if signer:
                sk = next(iter(self._list(self._svc, secret=True, keys=[signer])), None)
                if sk is None:
                    raise CryptoError(f"no secret key {signer} in the service home")
                if sk.revoked:
                    raise CryptoError(f"signing key {signer} is revoked")
                if sk.expired:
                    raise CryptoError(f"signing key {signer} has expired")
                if not sk.secret_signing:
                    raise CryptoError(f"signing key {signer} has no usable secret signing key")
            extra = ["--no-encrypt-to"]
            cor_ring = self.correspondents_home / "pubring.kbx"
            if cor_ring.exists():
                extra += ["--keyring", str(cor_ring)]
            if signer:
                extra += ["--local-user", signer]
            r = self._run(
                self._svc,
                "encrypt",
                entity,
                recips,
                sign=True if signer else None,
                passphrase=self._passphrase if signer else None,
                always_trust=True,
                armor=True,
                extra_args=extra,
            )
        if r.timed_out:
            raise CryptoError("encryption took longer than the time limit")
        if r.limit_hit:
            raise CryptoError("encrypted output larger than the output limit")
        if r.result is None:
            raise CryptoError(f"gpg could not be run ({r.exception})")
        ok = r.rc == 0 and r.has("END_ENCRYPTION") and (not signer or r.has("SIG_CREATED"))
        if not ok:
            raise CryptoError(self._encrypt_failure(r, signer))
        if not r.data.startswith(b"-----BEGIN PGP MESSAGE-----"):
            raise CryptoError("gpg returned no armoured message")
        return r.data

    @staticmethod
    def _encrypt_failure(r: _Run, signer: str | None) -> str:
        reasons = {"1": "not found", "3": "wrong key usage", "4": "revoked", "5": "expired", "9": "not a secret key", "10": "not trusted", "13": "disabled"}
        for key in ("INV_SGNR", "INV_RECP"):
            for v in r.values(key):
                parts = v.split()
                why = reasons.get(parts[0] if parts else "", "unusable")
                who = parts[1] if len(parts) > 1 else "?"
                role = "signing key" if key == "INV_SGNR" else "recipient key"
                return f"{role} {who} is {why}"
        if r.has("KEYEXPIRED"):
            return "a key has expired"
        if r.has("BAD_PASSPHRASE", "MISSING_PASSPHRASE") or _err_codes(r.statuses) & {_E_BAD_PASSPHRASE, _E_NO_PASSPHRASE}:
            return "service key passphrase missing or wrong"
        if signer and not r.has("SIG_CREATED"):
            return f"could not sign with {signer}"
        return f"gpg failed (exit status {r.rc})"

    @staticmethod
    def pgp_mime_wrap(armored: bytes) -> EmailMessage:
        """RFC 3156 multipart/encrypted around an armoured message; the caller adds outer headers."""
        if not armored.lstrip().startswith(b"-----BEGIN PGP MESSAGE-----"):
            raise CryptoError("not an ASCII-armoured OpenPGP message")
        version = EmailMessage()
        version["Content-Type"] = "application/pgp-encrypted"
        version["Content-Description"] = "PGP/MIME version identification"
        version.set_payload("Version: 1\n")
        enc = EmailMessage()
        enc["Content-Type"] = 'application/octet-stream; name="encrypted.asc"'
        enc["Content-Description"] = "OpenPGP encrypted message"
        enc["Content-Disposition"] = 'inline; filename="encrypted.asc"'
        enc.set_payload(armored.decode("ascii").replace("\r\n", "\n"))
        outer = EmailMessage()
        outer["MIME-Version"] = "1.0"
        outer["Content-Type"] = 'multipart/encrypted; protocol="application/pgp-encrypted"'
        outer.preamble = "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)"
        outer.set_payload([version, enc])
        return outer
