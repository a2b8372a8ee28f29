"""OpenPGP for mailrouter: the only package of the project that imports :mod:`gnupg`.

The guarantees are in the docstring of :mod:`mailrouter.openpgp.core`.
``mailrouter/crypto.py`` re-exports the public names for older imports.

  core.py      the Crypto class: homes and agents, decryption, verification,
               opening mail (PGP/MIME and inline), staff signatures
  keys.py      key lists by address, sender and staff key imports (a mixin of Crypto)
  encrypt.py   outgoing: encrypt_entity, pgp_mime_wrap (a mixin of Crypto)
  keycheck.py  check_keys for `mailrouter check` (a mixin of Crypto)
  armor.py     ASCII-armour block finder (linear time)
  gpg.py       the gpg process runner (_GPG, _Run) and status-code classification
  keyring.py   KeyInfo and gpg's colon listing; address and fingerprint helpers
  mime.py      the byte-exact MIME entity and multipart splitter
  results.py   CryptoError, DecryptResult, KeyProblem
"""

from .core import Crypto, passphrase_from
from .keyring import KeyInfo
from .results import CryptoError, DecryptResult, KeyProblem

__all__ = [
    "Crypto",
    "CryptoError",
    "DecryptResult",
    "KeyInfo",
    "KeyProblem",
    "passphrase_from",
]
