"""ASCII armour: finding BEGIN/END blocks in linear time."""

from __future__ import annotations


class _Armor:
    """``re.compile(rb"BEGIN.*?END", re.S)`` in linear time (findall, search, split).

    The regex rescans to the end of the text from every BEGIN line that has
    no END line after it: quadratic, minutes for a text of BEGIN lines.
    """

    class _Match:
        def __init__(self, text: bytes):
            self._text = text

        def group(self, _n: int = 0) -> bytes:
            return self._text

    def __init__(self, begin: bytes, end: bytes):
        self.begin, self.end = b"-----BEGIN " + begin + b"-----", b"-----END " + end + b"-----"

    def _spans(self, data: bytes):
        pos = 0
        while (i := data.find(self.begin, pos)) >= 0 and (j := data.find(self.end, i + len(self.begin))) >= 0:
            pos = j + len(self.end)
            yield i, pos

    def findall(self, data: bytes) -> list[bytes]:
        return [data[i:j] for i, j in self._spans(data)]

    def search(self, data: bytes) -> "_Armor._Match | None":
        return next((self._Match(data[i:j]) for i, j in self._spans(data)), None)

    def split(self, data: bytes) -> list[bytes]:
        out, pos = [], 0
        for i, j in self._spans(data):
            out.append(data[pos:i])
            pos = j
        return out + [data[pos:]]


_ARMOR_MESSAGE = _Armor(b"PGP MESSAGE", b"PGP MESSAGE")
_ARMOR_SIGNED = _Armor(b"PGP SIGNED MESSAGE", b"PGP SIGNATURE")
_ARMOR_KEY = _Armor(b"PGP PUBLIC KEY BLOCK", b"PGP PUBLIC KEY BLOCK")
