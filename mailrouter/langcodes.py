"""What a language code looks like in operator files: rule conditions and lexicon file names.

Lower case, a 2-3 letter primary subtag and optional subtags (``fa``,
``pt-br``, ``ku-arab``); ``und`` (undetermined) has that shape too. Which
codes the detector knows, and their other spellings, is :mod:`mailrouter.language`.
"""

from __future__ import annotations

import re

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
