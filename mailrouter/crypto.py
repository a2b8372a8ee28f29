"""Compatibility module: the OpenPGP code lives in :mod:`mailrouter.openpgp`.

Existing imports (``from .crypto import Crypto, CryptoError``) keep working.
"""

from .openpgp import *  # noqa: F401,F403
from .openpgp import __all__  # noqa: F401
from .openpgp.core import MAX_ENCRYPTED_PIECES  # noqa: F401  (used by tests/test_hostile.py)
