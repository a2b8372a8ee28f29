"""Key checks for `mailrouter check`: the service keys and the pinned staff keys."""

from __future__ import annotations

import time

from .keyring import KeyInfo, _norm_fpr
from .results import CryptoError, KeyProblem


class _KeyChecks:
    """Crypto's key checks (a mixin: uses the keyrings and runner of Crypto)."""

    # --------------------------------------------------------------- check

    def check_keys(self, service_fprs: list[str], staff: dict[str, str]) -> list[KeyProblem]:
        """Problems with the service keys and the pinned staff keys, each with a fix.

        ``service_fprs``: fingerprints of the service keys (one per published
        address, or one shared). ``staff``: name -> pinned fingerprint. Checks:
        present, secret key present (service), not revoked/expired (or expiring
        within 30 days: warning), usable encryption (sub)key, signing key and
        passphrase (service). Never raises for key problems.
        """
        problems: list[KeyProblem] = []
        soon = time.time() + 30 * 86400
        home = str(self.home)

        def add(who, fpr, problem, severity, message, fix):
            problems.append(KeyProblem(who, fpr, problem, severity, message, fix))

        with self._lock:
            pubs = {k.fingerprint: k for k in self._list(self._svc)}
            secs = {k.fingerprint: k for k in self._list(self._svc, secret=True)}

            for raw in service_fprs:
                who = "service key"
                try:
                    fpr = _norm_fpr(raw)
                except CryptoError:
                    add(who, str(raw), "invalid", "error", "not a 40-hex-digit fingerprint",
                        f"put the full fingerprint (gpg --homedir {home} --list-secret-keys) in config.toml")
                    continue
                key, sec = pubs.get(fpr), secs.get(fpr)
                if key is None and sec is None:
                    add(who, fpr, "missing", "error", f"not in the GnuPG home {home}",
                        f"import the service secret key: gpg --homedir {home} --import SECRET-KEY.asc "
                        "(or correct the fingerprint in config.toml)")
                    continue
                key = key or sec
                has_secret = sec is not None and sec.has_secret
                if not has_secret:
                    add(who, fpr, "no_secret_key", "error",
                        "only the public key is present: mail encrypted to it cannot be decrypted",
                        f"import the secret key: gpg --homedir {home} --import SECRET-KEY.asc")
                problems += self._lifetime_problems(who, fpr, key, soon, service=True)
                if not has_secret or key.revoked or key.expired:
                    continue
                if not sec.secret_encryption:
                    add(who, fpr, "no_encryption_key", "error", "no usable secret encryption subkey",
                        f"add one: gpg --homedir {home} --quick-add-key {fpr} cv25519 encr 2y, "
                        "then republish the public key")
                if not sec.secret_signing:
                    add(who, fpr, "no_signing_key", "warning", "no usable secret signing key: forwards cannot be signed",
                        f"add one: gpg --homedir {home} --quick-add-key {fpr} ed25519 sign 2y")
                elif not self._passphrase_works(fpr):
                    add(who, fpr, "bad_passphrase", "error", "the configured passphrase does not unlock this key",
                        "set the passphrase environment variable or file named in config.toml to this key's passphrase")

            for name, raw in staff.items():
                who = f"staff {name}"
                try:
                    fpr = _norm_fpr(raw)
                except CryptoError:
                    add(who, str(raw), "invalid", "error", "not a 40-hex-digit fingerprint",
                        "copy the full fingerprint the staff member gave you (over a trusted channel) into config.toml")
                    continue
                key = pubs.get(fpr)
                if key is None:
                    add(who, fpr, "missing", "error",
                        "public key not in the service keyring: forwards to them cannot be encrypted",
                        f"get {name}'s public key over a trusted channel, import it "
                        f"(gpg --homedir {home} --import FILE) and check that its fingerprint is the one in config.toml")
                    continue
                problems += self._lifetime_problems(who, fpr, key, soon, service=False, name=name)
                if not key.revoked and not key.expired and not key.can_encrypt:
                    add(who, fpr, "no_encryption_key", "error",
                        "no usable encryption subkey: forwards to them cannot be encrypted",
                        f"ask {name} to add one (gpg --quick-add-key {fpr} cv25519 encr 2y) "
                        "and send the updated public key; then re-import it")
        return problems

    def _lifetime_problems(self, who: str, fpr: str, key: KeyInfo, soon: float, service: bool, name: str = "") -> list[KeyProblem]:
        home = str(self.home)
        if key.revoked:
            fix = (
                "generate a new service key, publish it, and put its fingerprint in config.toml"
                if service
                else f"the key was revoked: get {name}'s new key over a trusted channel, check its fingerprint, update config.toml and import it"
            )
            return [KeyProblem(who, fpr, "revoked", "error", "the key is revoked", fix)]
        if key.expired:
            fix = (
                f"extend it: gpg --homedir {home} --quick-set-expire {fpr} 2y '*' (and without '*' for the primary key), then republish the public key"
                if service
                else f"ask {name} to extend the key (gpg --quick-set-expire {fpr} 2y '*') and send the refreshed public key; re-import it"
            )
            return [KeyProblem(who, fpr, "expired", "error", "the key has expired", fix)]
        if key.expires is not None and key.expires < soon:
            days = max(0, int((key.expires - time.time()) // 86400))
            fix = f"extend it before it expires: gpg --homedir {home} --quick-set-expire {fpr} 2y" if service else f"ask {name} to extend the key and send the refreshed public key"
            return [KeyProblem(who, fpr, "expires_soon", "warning", f"the key expires in {days} days", fix)]
        if key.encryption_expires is not None and key.encryption_expires < soon:
            days = max(0, int((key.encryption_expires - time.time()) // 86400))
            fix = (f"extend it: gpg --homedir {home} --quick-set-expire {fpr} 2y '*', then republish the public key"
                   if service else f"ask {name} to extend the encryption subkey and send the refreshed public key")
            return [KeyProblem(who, fpr, "expires_soon", "warning",
                               f"the encryption subkey expires in {days} days", fix)]
        return []

    def _passphrase_works(self, fpr: str) -> bool:
        r = self._run(
            self._svc, "sign", b"mailrouter key check",
            keyid=fpr, passphrase=self._passphrase, detach=True, extra_args=["--local-user", fpr],
        )
        return r.rc == 0 and r.has("SIG_CREATED")
