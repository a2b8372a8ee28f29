"""OpenPGP for mailrouter: the only package of the project that imports :mod:`gnupg`.

See the docstring of :mod:`mailrouter.openpgp.core` for the guarantees.
"""

from .core import Crypto, CryptoError, DecryptResult, KeyProblem, passphrase_from
from .keyring import KeyInfo

__all__ = [
    "Crypto",
    "CryptoError",
    "DecryptResult",
    "KeyInfo",
    "KeyProblem",
    "passphrase_from",
]
