"""Keyword lists ("lexicons") per language and category, and matching them.

Pure: no I/O except :func:`load_lexicons`, which reads
``rules/lexicons/<lang>.toml``.  The rule engine asks questions such as
"does this text hit a *threat_to_life* term in Persian?" through
:meth:`Lexicons.match`.

Normalisation (:func:`normalise`, applied identically to terms and text)
-----------------------------------------------------------------------
1. Invisible format characters are removed (zero-width space, ZWNJ, ZWJ,
   word joiner, BOM, soft hyphen, bidi marks and embeddings, Arabic letter
   mark, variation selectors, tatweel).  Typographic apostrophes (’ ‘ ʼ ´ `)
   become ``'``, dashes and minus become ``-``, the Ethiopic word space ``፡``
   becomes a space.
2. Unicode NFKC, then ``str.casefold`` (full case folding: ß -> ss, final
   sigma -> sigma, İ -> i).
3. Diacritics that writers commonly omit are removed:

   * Latin and Greek: every combining accent (é -> e, ñ -> n, ç -> c,
     ş -> s, ö -> o, ế -> e, ά -> α), plus the letters that carry their stroke
     or dot in the base character: ı -> i (so I, İ, ı and i all compare
     equal: a Turkish word typed on a non-Turkish keyboard still matches),
     ł -> l, đ -> d, ø -> o.
   * Cyrillic: only stress accents and the diaeresis of ё (ё -> е).  й, ў
     and ї stay distinct letters.
   * Arabic script: harakat, tanwin, shadda, sukun, superscript alef and
     Quranic marks; hamza seats fold to their carrier (أ إ آ ٱ -> ا, ؤ -> و,
     ئ -> ي); ى ی ي -> ي; ك ک -> ک; ة ۃ ہ ۀ -> ه.  ھ (do-chashmi he, an
     aspiration mark in Urdu) and ے, ې, ۍ, ڭ... stay distinct.
   * Hebrew: niqqud and cantillation marks.
   * Devanagari: the nukta is removed and candrabindu becomes anusvara
     (कहाँ = कहां), both of which writers use inconsistently.
   * Vowel signs, viramas and other marks of Indic and South-East Asian
     scripts are kept: they are letters there.
4. NFC; white space between two letters of a script written without word
   spaces (below) is dropped, every other run of white space becomes one
   space.

Matching
--------
* A term matches a whole word (or a whole sequence of words) of the text:
  the characters around it must not be letters, marks or digits.  A ``*`` at
  the end of a term lifts the boundary at the end ("arrest*" matches
  "arrested"), a ``*`` at the start lifts it at the start ("*drohung" matches
  "Morddrohung"); a ``*`` anywhere else is refused at load time.
* Scripts written without spaces between words (Han, Hiragana, Katakana,
  Thai, Lao, Khmer, Myanmar, Tibetan, Javanese, Balinese) have no word
  boundaries: a term edge in such a script matches anywhere (plain substring
  search).  Their characters are not "word characters" for the boundary test
  of neighbouring Latin terms either, so "LINE" matches in "私のLINEが".
* Inside a term, a space matches exactly one run of white space in the text
  (texts and terms are whitespace-collapsed).  A ZWNJ written inside a term
  matches nothing, a space, or the ZWNJ itself in the text (Persian
  "می‌کشمت" also matches "میکشمت" and "می کشمت").

Performance: all terms of all lexicons are kept in one character trie; one
compiled regular expression per script group (a trie-shaped alternation,
which the ``re`` engine scans with a first-character set) finds the
positions where any term starts, and the trie is walked in Python only
there.  Results for the last few texts are cached, so a rule set that asks
about several categories of the same message scans it once.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from .langcodes import LANGUAGE_CODE_RE
from .operator_files import FileProblem, OperatorFileError, Problems, TomlLocator, parse_toml, read_text

__all__ = [
    "CATEGORIES",
    "LexiconError",
    "LexiconHit",
    "Lexicons",
    "load_lexicons",
    "normalise",
]

CATEGORIES: tuple[str, ...] = (
    "threat_to_life",
    "arrest_detention",
    "doxing",
    "harassment",
    "account_compromise",
    "self_harm",
)

MAX_TERM_CHARS = 100
_ZWNJ = "\u200c"


class LexiconError(OperatorFileError):
    """A lexicon problem, already formatted for an operator (``file:line: key: message``)."""


@dataclass(frozen=True)
class LexiconHit:
    category: str
    language: str
    term: str  # as written in the lexicon file, including any '*'


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

def _pre_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    invisible = [
        0x00AD,  # soft hyphen
        0x034F,  # combining grapheme joiner
        0x061C,  # Arabic letter mark
        0x0640,  # Arabic tatweel (kashida)
        0x180B, 0x180C, 0x180D, 0x180E, 0x180F,  # Mongolian selectors / vowel separator
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F,  # ZWSP, ZWNJ, ZWJ, LRM, RLM
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E,  # bidi embeddings / overrides
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064,  # word joiner, invisible operators
        0x2066, 0x2067, 0x2068, 0x2069,  # bidi isolates
        0xFEFF,  # BOM / zero-width no-break space
    ]
    invisible += range(0xFE00, 0xFE10)  # variation selectors
    invisible += range(0xE0100, 0xE01F0)  # variation selectors supplement
    invisible += range(0xE0000, 0xE0080)  # tag characters
    for cp in invisible:
        table[cp] = None
    for cp in (0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x00B4, 0x0060, 0xFF07):
        table[cp] = "'"
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D):
        table[cp] = "-"
    table[0x1361] = " "  # Ethiopic word space
    return table


_PRE = _pre_table()

# Applied after NFKC + casefold, before NFD: precomposed letters whose folding
# must not go through their decomposition.
_MID = {
    0x06C0: "\u0647",  # ۀ heh with yeh above -> ه (NFD would give ە ae + hamza)
}

# Combining marks used with Latin, Greek and Cyrillic letters.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CYRILLIC_WITH_MARKS = re.compile(f"([\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f])([{_COMBINING}]+)")
_ANY_COMBINING = re.compile(f"[{_COMBINING}]+")
_CYRILLIC_STRIP = {"\u0300", "\u0301"}  # grave / acute used as stress marks
_SPACES = re.compile(r"\s+")


def _cyrillic_marks(m: re.Match) -> str:
    base, marks = m.group(1), m.group(2)
    kept = []
    for mark in marks:
        if mark in _CYRILLIC_STRIP:
            continue
        if mark == "\u0308" and base in "еЕ":  # ё -> е
            continue
        kept.append(mark)
    # Recompose what is kept (и + breve -> й) so the generic pass leaves it alone.
    return unicodedata.normalize("NFC", base + "".join(kept))


def _post_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {
        0x0131: "i",  # dotless i
        0x0142: "l",  # ł
        0x0111: "d",  # đ
        0x00F8: "o",  # ø
        # Arabic script letter variants
        0x0671: "\u0627",  # alef wasla -> alef
        0x0649: "\u064a",  # alef maksura -> yeh
        0x06CC: "\u064a",  # Farsi yeh -> yeh
        0x06A9: "\u06a9",  # keheh (kept)
        0x0643: "\u06a9",  # Arabic kaf -> keheh
        0x0629: "\u0647",  # teh marbuta -> heh
        0x06C3: "\u0647",  # teh marbuta goal -> heh
        0x06C1: "\u0647",  # heh goal -> heh
        # Devanagari
        0x093C: None,  # nukta
        0x0901: "\u0902",  # candrabindu -> anusvara
    }
    arabic_marks = list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660)) + [0x0670]
    arabic_marks += list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E5)) + [0x06E7, 0x06E8]
    arabic_marks += list(range(0x06EA, 0x06EE)) + list(range(0x08D3, 0x08E2)) + list(range(0x08E3, 0x0900))
    for cp in arabic_marks:
        table[cp] = None
    hebrew_marks = list(range(0x0591, 0x05BE)) + [0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7]
    for cp in hebrew_marks:
        table[cp] = None
    return table


_POST = _post_table()


def normalise(text: str) -> str:
    """Fold ``text`` for keyword matching (see the module docstring for the rules)."""
    s = text.translate(_PRE)
    if s.isascii():
        return _SPACES.sub(" ", s.lower()).strip()
    s = unicodedata.normalize("NFKC", s).casefold().translate(_MID)
    s = unicodedata.normalize("NFD", s)
    s = _CYRILLIC_WITH_MARKS.sub(_cyrillic_marks, s)
    s = _ANY_COMBINING.sub("", s)
    s = unicodedata.normalize("NFC", s.translate(_POST))
    s = _NO_SPACE_GAP.sub("", s)
    return _SPACES.sub(" ", s).strip()


# --------------------------------------------------------------------------
# Scripts and word characters
# --------------------------------------------------------------------------

# Scripts written without spaces between words: no word boundaries there.
_NO_SPACE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x1B00, 0x1B7F),  # Balinese
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3031, 0x3035),  # kana repeat marks
    (0x303B, 0x303C),
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA980, 0xA9DF),  # Javanese
    (0xA9E0, 0xA9FF),  # Myanmar extended-B
    (0xAA60, 0xAA7F),  # Myanmar extended-A
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana
    (0x1B000, 0x1B16F),  # Kana supplement / extended
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


def _class(ranges: Iterable[tuple[int, int]]) -> str:
    return "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)


# White space between two characters of scripts without word spaces (Burmese,
# Thai, Chinese... put spaces between phrases, inconsistently) is dropped.
_NO_SPACE_GAP = re.compile(f"(?<=[{_class(_NO_SPACE_RANGES)}])\\s+(?=[{_class(_NO_SPACE_RANGES)}])")


@lru_cache(maxsize=4096)
def is_no_space(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _NO_SPACE_RANGES)


@lru_cache(maxsize=8192)
def _is_word(ch: str) -> bool:
    """A letter, mark or digit of a script written with spaces between words."""
    return unicodedata.category(ch)[0] in "LMN" and not is_no_space(ch)


# Coarse script groups: one finder regex per group.
_GROUPS: tuple[tuple[int, int, str], ...] = (
    (0x0000, 0x024F, "Latin"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0870, 0x08FF, "Arabic"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x2D80, 0x2DDF, "Ethiopic"),
    (0x3040, 0x30FF, "Kana"),
    (0x2E80, 0x2FDF, "Han"),
    (0x3400, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"),
    (0x20000, 0x3FFFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0x1100, 0x11FF, "Hangul"),
)


def _group(ch: str) -> str:
    cp = ord(ch)
    for lo, hi, name in _GROUPS:
        if lo <= cp <= hi:
            return name
    return f"block-{cp >> 7:x}"


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    language: str
    category: str
    term: str  # as written
    rank: int  # data order, for stable output
    need_start: bool
    need_end: bool


_END = ""  # trie key holding the entries that end at a node (never a real character)


class Lexicons:
    """All loaded lexicons, ready to match.

    ``categories``: the categories that have terms in at least one language.
    ``languages``: the language codes that have a lexicon.
    ``names``: language code -> display name from the file.
    ``terms``: (language, category) -> terms as written.
    """

    _CACHE_SIZE = 8

    def __init__(self, terms: Mapping[tuple[str, str], Iterable[str]], names: Mapping[str, str] | None = None):
        self.terms: dict[tuple[str, str], tuple[str, ...]] = {k: tuple(v) for k, v in terms.items() if tuple(v)}
        self.names: dict[str, str] = dict(names or {})
        self.languages: set[str] = {lang for lang, _ in self.terms} | set(self.names)
        self.categories: set[str] = {cat for _, cat in self.terms}
        self._trie: dict = {}
        self._entries: list[_Entry] = []
        starts_by_group: dict[str, set[str]] = {}
        lang_order = {lang: i for i, lang in enumerate(sorted(self.languages))}
        for (lang, cat), lang_terms in sorted(self.terms.items(), key=lambda kv: (lang_order[kv[0][0]], CATEGORIES.index(kv[0][1]) if kv[0][1] in CATEGORIES else 99)):
            for term in lang_terms:
                parsed = _parse_term(term)
                if isinstance(parsed, str):
                    raise LexiconError([f"{lang}: {cat}: {parsed}"])
                lead, variants, trail = parsed
                core = variants[0]
                entry = _Entry(
                    language=lang,
                    category=cat,
                    term=term,
                    rank=len(self._entries),
                    need_start=not lead and _is_word(core[0]),
                    need_end=not trail and _is_word(core[-1]),
                )
                self._entries.append(entry)
                for variant in variants:
                    node = self._trie
                    for ch in variant:
                        node = node.setdefault(ch, {})
                    node.setdefault(_END, []).append(entry)
                    starts_by_group.setdefault(_group(variant[0]), set()).add(variant)
        try:
            self._finders = [re.compile(_trie_regex(sorted(cores))) for _, cores in sorted(starts_by_group.items())]
        except (RecursionError, re.error) as exc:  # pathological term sets only
            raise LexiconError([f"cannot compile the lexicons: {exc}"]) from None
        self._cache: OrderedDict[str, tuple[tuple[int, _Entry], ...]] = OrderedDict()
        self._lock = threading.Lock()

    # -- construction helpers ---------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Mapping[str, Iterable[str]]], names: Mapping[str, str] | None = None) -> "Lexicons":
        """Build from ``{language: {category: [terms]}}`` with the same checks as the loader."""
        problems: list[str] = []
        terms: dict[tuple[str, str], tuple[str, ...]] = {}
        for lang, cats in data.items():
            if not LANGUAGE_CODE_RE.match(lang):
                problems.append(f"{lang}: not a language code like 'fa' or 'pt-br'")
                continue
            for cat, lang_terms in cats.items():
                if cat not in CATEGORIES:
                    problems.append(f"{lang}: {cat}: unknown category {cat!r} (categories: {', '.join(CATEGORIES)})")
                    continue
                ok, errs = _check_terms(list(lang_terms))
                problems += [f"{lang}: {cat}.terms: {msg}" for _, msg in errs]
                terms[(lang, cat)] = tuple(ok)
        if problems:
            raise LexiconError(problems)
        return cls(terms, names)

    # -- matching ------------------------------------------------------------
    def match(self, category: str, text: str, languages: Iterable[str] | None = None) -> list[LexiconHit]:
        """Every distinct term of ``category`` found in ``text``, in order of first occurrence.

        ``languages``: only the lexicons of these languages (codes such as
        "fa", "pt-BR" -> "pt" if there is no "pt-br" lexicon); ``None``: all.
        """
        if category not in CATEGORIES:
            raise ValueError(f"unknown lexicon category {category!r} (categories: {', '.join(CATEGORIES)})")
        return self._hits(text, languages, category)

    def match_all(self, text: str, languages: Iterable[str] | None = None) -> list[LexiconHit]:
        """Every distinct term of every category found in ``text``."""
        return self._hits(text, languages, None)

    def _hits(self, text: str, languages: Iterable[str] | None, category: str | None) -> list[LexiconHit]:
        wanted = None if languages is None else self._resolve_languages(languages)
        seen: set[LexiconHit] = set()
        out: list[LexiconHit] = []
        for _, entry in self._scan(text):
            if category is not None and entry.category != category:
                continue
            if wanted is not None and entry.language not in wanted:
                continue
            hit = LexiconHit(entry.category, entry.language, entry.term)
            if hit not in seen:
                seen.add(hit)
                out.append(hit)
        return out

    def _resolve_languages(self, languages: Iterable[str]) -> set[str]:
        if isinstance(languages, str):
            languages = [languages]
        wanted = set()
        for code in languages:
            c = code.strip().lower().replace("_", "-")
            if c in self.languages:
                wanted.add(c)
            else:
                wanted.add(c.split("-", 1)[0])
        return wanted

    def _scan(self, text: str) -> tuple[tuple[int, _Entry], ...]:
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
        found = self._scan_uncached(normalise(text))
        with self._lock:
            self._cache[text] = found
            while len(self._cache) > self._CACHE_SIZE:
                self._cache.popitem(last=False)
        return found

    def _scan_uncached(self, s: str) -> tuple[tuple[int, _Entry], ...]:
        found: list[tuple[int, _Entry]] = []
        n = len(s)
        for finder in self._finders:
            search = finder.search
            pos = 0
            while (m := search(s, pos)) is not None:
                start = m.start()
                node = self._trie
                i = start
                while True:
                    entries = node.get(_END)
                    if entries:
                        for entry in entries:
                            if entry.need_start and start > 0 and _is_word(s[start - 1]):
                                continue
                            if entry.need_end and i < n and _is_word(s[i]):
                                continue
                            found.append((start, entry))
                    if i >= n:
                        break
                    node = node.get(s[i])
                    if node is None:
                        break
                    i += 1
                pos = start + 1
        found.sort(key=lambda pe: (pe[0], pe[1].rank))
        return tuple(found)


def _trie_regex(cores: list[str]) -> str:
    """An alternation shaped like the trie of ``cores`` that matches where any core starts."""
    trie: dict = {}
    for core in cores:
        node = trie
        for ch in core:
            node = node.setdefault(ch, {})
        node[_END] = True

    def emit(node: dict) -> str:
        if _END in node:
            return ""  # a core ends here: enough to report the position
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    parts = [re.escape(ch) + emit(child) for ch, child in sorted(trie.items())]
    return "|".join(parts) if parts else "(?!)"


# --------------------------------------------------------------------------
# Terms
# --------------------------------------------------------------------------

def _parse_term(term: str) -> tuple[bool, list[str], bool] | str:
    """``(leading_star, normalised variants, trailing_star)`` or an error message."""
    raw = term.strip()
    lead = raw.startswith("*")
    trail = raw.endswith("*") and len(raw) > 1
    body = raw[1 if lead else 0: len(raw) - 1 if trail else len(raw)]
    if not raw or not body.strip(" *" + _ZWNJ):
        return "empty term"
    if "*" in body:
        return f"term {term!r}: '*' is allowed only at the start or the end"
    if len(body) > MAX_TERM_CHARS:
        return f"term {term!r}: longer than {MAX_TERM_CHARS} characters"
    pieces = [normalise(p) for p in body.split(_ZWNJ)]
    pieces = [p for p in pieces if p]
    core = "".join(pieces)
    if not core:
        return f"term {term!r}: nothing left after normalisation"
    if not any(_is_word(ch) or is_no_space(ch) for ch in core):
        return f"term {term!r}: has no letters or digits"
    weight = _weight(core)
    if weight < 2:
        return f"term {term!r}: too short (at least 2 letters)"
    if (lead or trail) and weight < 3 and not any(is_no_space(ch) for ch in core):
        return f"term {term!r}: too short for a '*' term (at least 3 letters)"
    variants = [core]
    if len(pieces) > 1:
        if len(pieces) > 5:
            return f"term {term!r}: more than 4 ZWNJ"
        # Every ZWNJ may be written as nothing or as a space.
        combos = [pieces[0]]
        for piece in pieces[1:]:
            combos = [c + sep + piece for c in combos for sep in ("", " ")]
        variants += [c for c in combos if c != core]
    return lead, variants, trail


def _weight(core: str) -> int:
    """Length in letters; a Hangul or Ethiopic syllable counts as two."""
    n = 0
    for ch in core:
        if ch == " ":
            continue
        cp = ord(ch)
        n += 2 if (0xAC00 <= cp <= 0xD7A3 or 0x1200 <= cp <= 0x139F or 0x2D80 <= cp <= 0x2DDF) else 1
    return n


def _check_terms(terms: list) -> tuple[list[str], list[tuple[int, str]]]:
    """Valid terms, and (index, message) for each bad one."""
    ok: list[str] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[bool, str, bool], str] = {}
    for index, term in enumerate(terms):
        if not isinstance(term, str):
            errors.append((index, f"terms must be strings, got {type(term).__name__} {term!r}"))
            continue
        parsed = _parse_term(term)
        if isinstance(parsed, str):
            errors.append((index, parsed))
            continue
        key = (parsed[0], parsed[1][0], parsed[2])
        if key in seen:
            same = "" if seen[key] == term else f" (same as {seen[key]!r} after normalisation)"
            errors.append((index, f"duplicate term {term!r}{same}"))
            continue
        seen[key] = term
        ok.append(term)
    return ok, errors


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

def load_lexicons(folder: Path | str) -> Lexicons:
    """Load every ``<lang>.toml`` in ``folder`` (``rules/lexicons``).

    If ``folder`` is the rules directory itself and holds a ``lexicons``
    sub-folder, that sub-folder is read.  Raises :class:`LexiconError` listing
    every problem of every file as ``file:line: key: message``.
    """
    folder = Path(folder)
    if folder.name != "lexicons" and (folder / "lexicons").is_dir():
        folder = folder / "lexicons"
    if not folder.is_dir():
        raise LexiconError([f"{folder}: lexicon folder not found"])
    problems = Problems()
    terms: dict[tuple[str, str], tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for index, path in enumerate(sorted(folder.glob("*.toml"))):
        before = len(problems)
        try:
            file_terms, name = _parse_file(read_text(path), path, index, problems)
        except FileProblem as problem:
            problems.add_file(index, problem)
            continue
        if len(problems) == before:
            terms.update(file_terms)
            names[path.stem] = name
    problems.raise_if_any(LexiconError)
    return Lexicons(terms, names)


def _parse_file(text: str, path: Path, index: int,
                problems: Problems) -> tuple[dict[tuple[str, str], tuple[str, ...]], str]:
    """The terms and display name of one lexicon file; its problems go to ``problems``.

    Raises FileProblem when the text is not TOML."""
    lang = path.stem

    def problem(lineno: int | None, key: str, msg: str) -> None:
        problems.add(index, path, lineno, f"{key}: {msg}" if key else msg)

    data = parse_toml(text, path)
    locator = TomlLocator(text, arrays=False)
    lines = text.splitlines()
    before = len(problems)

    name_ok = bool(LANGUAGE_CODE_RE.match(lang))
    if not name_ok:
        problem(None, "", f"file name must be a lower-case language code like 'fa.toml' or 'pt-br.toml', not {path.name!r}")
    declared = data.get("language")
    if declared is None:
        problem(None, "language", "required key is missing")
    elif not isinstance(declared, str):
        problem(locator.find(("language",)), "language", "must be a string")
    elif name_ok and declared != lang:
        problem(locator.find(("language",)), "language", f"{declared!r} does not match the file name (expected {lang!r})")
    name = data.get("name")
    if name is None:
        problem(None, "name", "required key is missing")
    elif not isinstance(name, str) or not name.strip():
        problem(locator.find(("name",)), "name", "must be a non-empty string")

    result: dict[tuple[str, str], tuple[str, ...]] = {}
    for key, value in data.items():
        if key in ("language", "name"):
            continue
        lineno = locator.find((key,))
        if not isinstance(value, dict):
            problem(lineno, key, "unknown key (a lexicon has 'language', 'name' and category tables; see rules/lexicons/README.md)")
            continue
        if key not in CATEGORIES:
            problem(lineno, key, f"unknown category {key!r} (categories: {', '.join(CATEGORIES)})")
            continue
        for sub in value:
            if sub != "terms":
                problem(locator.find((key, sub)), f"{key}.{sub}", "unknown key (a category table has only 'terms')")
        if "terms" not in value:
            problem(lineno, f"{key}.terms", "required key is missing")
            continue
        terms_line = locator.find((key, "terms"))
        raw_terms = value["terms"]
        if not isinstance(raw_terms, list):
            problem(terms_line, f"{key}.terms", "must be a list of strings")
            continue
        if not raw_terms:
            problem(terms_line, f"{key}.terms", "empty list (add terms or remove the table)")
            continue
        ok, errors = _check_terms(raw_terms)
        for term_index, msg in errors:
            problem(_term_line(lines, terms_line, raw_terms, term_index) or terms_line, f"{key}.terms", msg)
        result[(lang, key)] = tuple(ok)
    if not result and len(problems) == before:
        problem(None, "", "no category tables (see rules/lexicons/README.md)")
    return result, (name or "").strip() if isinstance(name, str) else ""


def _term_line(lines: list[str], terms_line: int | None, terms: list, index: int) -> int | None:
    """The line of ``terms[index]`` in the array starting at ``terms_line`` (best effort)."""
    if terms_line is None:
        return None
    term = terms[index]
    if not isinstance(term, str):
        needle_options = [repr(term).lower(), str(term)]
    else:
        needle_options = [f'"{term}"', f"'{term}'"]
    # Which occurrence of this literal is it?
    nth = sum(1 for t in terms[:index] if t == term)
    seen = 0
    for lineno in range(terms_line, len(lines) + 1):
        line = lines[lineno - 1]
        if lineno > terms_line and re.match(r"^\s*\[", line):
            break
        for needle in needle_options:
            count = line.count(needle)
            if count and seen + count > nth:
                return lineno
            seen += count
            if count:
                break
    return None
