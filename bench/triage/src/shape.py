"""Turn the hand-written texts in ``src/*.py`` into complete RFC 5322 messages.

Nothing here is message *content*: the texts, subjects, names and the choice of
mail client per message are written by hand in the batch files.  This module
only knows how mail clients and robots lay out the bytes: header order,
Message-ID shapes, MIME structure, charsets, transfer encodings, HTML flavours.

Everything is deterministic: the pseudo-random parts (dates, boundaries,
Message-IDs, IP addresses) are derived from the message id.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmlmod
import quopri
import random
import re
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

OURS = {"humanrights": "talktohumanrights@example.org", "emergency": "emergency@example.org"}
HR, EM = "humanrights", "emergency"

# category codes used in the batch files
T, A, D, H, C, S, V, Q, M = ("threat_to_life", "arrest_detention", "doxing", "harassment", "account_compromise",
                             "self_harm", "safety_advice", "general_question", "misuse_emergency")
AUTO, BOUNCE, LIST, SPAM = "auto_reply", "bounce", "list_bulk", "spam_phishing"
ABBR = {T: "threat", A: "arrest", D: "dox", H: "harass", C: "account", S: "selfharm", V: "advice",
        Q: "question", M: "misuse", AUTO: "auto", BOUNCE: "bounce", LIST: "list", SPAM: "spam"}


@dataclass
class Item:
    id: str
    language: str
    category: str
    mailbox: str
    raw: bytes
    shape: str  # client or robot that wrote it (documentation only)
    note: str = ""


ITEMS: list[Item] = []
_COUNTERS: dict[tuple[str, str], int] = {}


def new_id(lang: str, category: str) -> str:
    key = (lang, ABBR[category])
    _COUNTERS[key] = _COUNTERS.get(key, 0) + 1
    return f"{lang}-{ABBR[category]}-{_COUNTERS[key]:02d}"


def rng_for(mid: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(mid.encode()).digest()[:8], "big"))


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------

TZ = {  # minutes east of UTC, typical for the writers of each language
    "en": [0, -300, 60, 330, 180, 60], "es": [-300, -180, 60, -360, -240], "fr": [60, 0, 60, 60],
    "pt": [-180, -180, 0, 120], "de": [60, 60], "it": [60], "ru": [180, 180, 300, 420], "uk": [120],
    "tr": [180], "ar": [180, 120, 240, 60, 0, 180], "fa": [210], "ur": [300], "ps": [270], "hi": [330],
    "bn": [360, 330], "ta": [330, 330, 480], "zh": [480], "ja": [540], "ko": [540], "vi": [420], "id": [420, 480],
    "th": [420], "sw": [180, 180, 120], "am": [180], "ti": [180, 180, 120], "om": [180], "so": [180], "ha": [60],
    "yo": [60], "ig": [60], "my": [390], "km": [420], "lo": [420], "si": [330], "ne": [345], "bo": [480, 330],
    "ug": [480, 360, 180], "kk": [300], "ky": [360], "uz": [300], "az": [240], "tg": [300], "hy": [240],
    "ka": [240], "he": [120], "kmr": [180, 180, 60], "ckb": [180], "ro": [120], "sr": [60], "hr": [60],
    "bg": [120], "el": [120], "hu": [60], "cs": [60], "nl": [60], "sv": [60], "pl": [60], "tl": [480],
    "te": [330], "ml": [330, 240], "kn": [330], "mr": [330], "gu": [330], "pa": [330, 300], "und": [0],
}


def when(mid: str, lang: str, utc: bool = False) -> datetime:
    r = rng_for(mid + "/date")
    base = datetime(2026, 11, 2, tzinfo=UTC)  # the texts refer to early/mid November 2026
    dt = base + timedelta(seconds=r.randrange(0, 13 * 86400))
    offs = TZ.get(lang, TZ["en"])
    off = 0 if utc else r.choice(offs)
    return dt.astimezone(timezone(timedelta(minutes=off)))


def fmt_date(dt: datetime, style: str = "rfc") -> str:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    off = dt.utcoffset() or timedelta(0)
    total = int(off.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hh, mm = divmod(abs(total), 60)
    day = f"{dt.day}" if style in ("gmail", "apple", "short") else f"{dt.day:02d}"
    s = f"{days[dt.weekday()]}, {day} {months[dt.month - 1]} {dt.year} {dt:%H:%M:%S} {sign}{hh:02d}{mm:02d}"
    if style == "paren":  # some robots add the zone name
        s += " (UTC)" if total == 0 else ""
    return s


# ---------------------------------------------------------------------------
# header encoding
# ---------------------------------------------------------------------------

CODEC_ALIASES = {"ks_c_5601-1987": "cp949", "x-gbk": "gbk", "windows-874": "cp874", "x-mac-cyrillic": "mac_cyrillic"}


def codec(label: str) -> str:
    """Python codec for a charset label.  "iso-8859-1>cp1252" means: labelled iso-8859-1, written as cp1252
    (the classic mislabel of Windows mailers)."""
    if ">" in label:
        return label.split(">", 1)[1]
    label = label.lower()
    return CODEC_ALIASES.get(label, label)


def encode_text(text: str, charset: str) -> bytes:
    try:
        return text.encode(codec(charset))
    except UnicodeEncodeError as exc:
        raise ValueError(f"text not encodable in {charset}: {text[exc.start:exc.end]!r} in {text[:60]!r}") from None


def _q(b: bytes) -> str:
    out = []
    for byte in b:
        ch = chr(byte)
        if ch == " ":
            out.append("_")
        elif ch.isascii() and (ch.isalnum() or ch in "!*+-/"):
            out.append(ch)
        else:
            out.append(f"={byte:02X}")
    return "".join(out)


def ew(text: str, charset: str = "UTF-8", mode: str = "B", first: int = 0) -> str:
    """RFC 2047 encoded words (folded) if the text is not plain ASCII."""
    if all(ord(c) < 128 for c in text) and "=?" not in text:
        return fold(text, first)
    prefix = f"=?{charset.split('>')[0]}?{mode}?"

    def enc(s: str) -> str:
        b = encode_text(s, charset)
        return base64.b64encode(b).decode() if mode == "B" else _q(b)

    words, cur = [], ""
    limit = 75
    for ch in text:
        trial = cur + ch
        room = limit - (first if not words else 1)
        if cur and len(prefix) + len(enc(trial)) + 2 > room:
            words.append(f"{prefix}{enc(cur)}?=")
            cur = ch
        else:
            cur = trial
    if cur:
        words.append(f"{prefix}{enc(cur)}?=")
    return "\r\n ".join(words)


def fold(value: str, first: int = 0, width: int = 78) -> str:
    if first + len(value) <= width or " " not in value:
        return value
    out, line = [], ""
    for word in value.split(" "):
        cand = (line + " " + word) if line else word
        if line and len(cand) + (first if not out else 1) > width:
            out.append(line)
            line = word
        else:
            line = cand
    out.append(line)
    return "\r\n ".join(out)


def split_addr(s: str) -> tuple[str, str]:
    m = re.match(r"^\s*(.*?)\s*<([^>]+)>\s*$", s)
    if m:
        return m.group(1).strip().strip('"'), m.group(2)
    return "", s.strip()


def addr(s: str, charset: str = "UTF-8", mode: str = "B", quote: bool = False) -> str:
    name, email = split_addr(s)
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        if quote or re.search(r'[()<>\[\]:;@\\,."]', name):
            name = '"' + name.replace('"', '\\"') + '"'
        return f"{name} <{email}>"
    return f"{ew(name, charset, mode)} <{email}>"


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


# ---------------------------------------------------------------------------
# bodies
# ---------------------------------------------------------------------------

def clean(text: str) -> str:
    text = textwrap.dedent(text)
    text = text.removeprefix("\n")
    return text.rstrip() + "\n"


def crlf(b: bytes) -> bytes:
    return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def transfer(b: bytes, cte: str) -> bytes:
    """Body bytes (LF line ends) -> encoded bytes with CRLF line ends."""
    if cte == "base64":
        return crlf(base64.encodebytes(crlf(b)))
    if cte == "quoted-printable":
        return crlf(quopri.encodestring(b.replace(b"\r\n", b"\n"), quotetabs=False))
    return crlf(b)


def flowed(text: str, width: int = 72) -> str:
    """format=flowed wrapping as Thunderbird does (soft breaks end with a space)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">") or " " not in line:
            out.append(line.rstrip(" "))
            continue
        parts = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        out.extend(p + " " for p in parts[:-1])
        out.append(parts[-1])
    return "\n".join(out)


class Part:
    def __init__(self, headers: list[tuple[str, str]], body: bytes):
        self.headers, self.body = headers, body

    def render(self) -> bytes:
        head = "".join(f"{k}: {v}\r\n" for k, v in self.headers).encode("ascii", "surrogateescape")
        return head + b"\r\n" + self.body


def leaf(ctype: str, text: str | bytes, charset: str | None = "UTF-8", cte: str = "base64", params: str = "",
         headers: list[tuple[str, str]] | None = None, cs_quote: bool = True) -> Part:
    if isinstance(text, str):
        b = encode_text(text, charset or "us-ascii")
    else:
        b = text
    ct = ctype
    if charset:
        charset = charset.split(">")[0]
        ct += f"; charset=\"{charset}\"" if cs_quote else f"; charset={charset}"
    ct += params
    hs = [("Content-Type", ct)]
    if cte:
        hs.append(("Content-Transfer-Encoding", cte))
    hs += headers or []
    return Part(hs, transfer(b, cte or "7bit"))


def multipart(subtype: str, parts: list[Part], boundary: str, params: str = "", preamble: str | None = None,
              headers: list[tuple[str, str]] | None = None, epilogue: str = "") -> Part:
    body = b""
    if preamble:
        body += crlf(preamble.encode()) + b"\r\n"
    for p in parts:
        body += f"--{boundary}\r\n".encode() + p.render()
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    if epilogue:
        body += crlf(epilogue.encode())
    ct = f"multipart/{subtype};{'' if len(boundary) > 40 else ' '}boundary=\"{boundary}\"{params}"
    if len(ct) > 70:
        ct = f"multipart/{subtype};\r\n\tboundary=\"{boundary}\"{params}"
    return Part([("Content-Type", ct)] + (headers or []), body)


def message(headers: list[tuple[str, str]], root: Part | None = None,
            tail: list[tuple[str, str]] | None = None) -> bytes:
    """Top-level headers, then the root part's Content-* headers, then ``tail``."""
    hs = list(headers)
    if root is not None:
        hs += root.headers
        hs += tail or []
        body = root.body
    else:
        body = b""
    head = "".join(f"{k}: {v}\r\n" for k, v in hs).encode("ascii", "surrogateescape")
    return head + b"\r\n" + body


def raw_headers_8bit(headers: list[tuple[str, str]], charset: str = "utf-8") -> bytes:
    """Headers as some robots really write them: raw 8-bit, no encoded words."""
    return "".join(f"{k}: {v}\r\n" for k, v in headers).encode(codec(charset))


def is_rtl(lang: str) -> bool:
    return lang in ("ar", "fa", "ur", "ps", "he", "ckb", "ug")


def paragraphs(text: str) -> list[list[str]]:
    paras, cur = [], []
    for line in text.rstrip("\n").split("\n"):
        if line.strip() == "":
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        paras.append(cur)
    return paras


def _split_quote(text: str) -> tuple[str, str]:
    """(own text, quoted block incl. the attribution line) for HTML rendering."""
    lines = text.rstrip("\n").split("\n")
    for i, line in enumerate(lines):
        if line.startswith(">"):
            j = i
            if j > 0 and lines[j - 1].strip() == "":
                j -= 1
            if j > 0 and lines[j - 1].strip() and not lines[j - 1].startswith(">"):
                j -= 1  # attribution line
            return "\n".join(lines[:j]), "\n".join(lines[j:])
    return text, ""


def to_html(text: str, style: str, lang: str) -> str:
    own, quoted = _split_quote(text)
    esc = htmlmod.escape
    d = ' dir="rtl"' if is_rtl(lang) else ' dir="ltr"'
    paras = paragraphs(own)

    def qblock(q: str, cls: str) -> str:
        if not q:
            return ""
        lines = q.split("\n")
        attrib = lines[0] if not lines[0].startswith(">") else ""
        body = [re.sub(r"^>\s?", "", x) for x in lines if x.startswith(">")]
        inner = "<br>".join(esc(x) for x in body)
        return (f'<div class="{cls}"><div{d}>{esc(attrib)}<br></div>'
                f'<blockquote style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
                f'padding-left:1ex">{inner}</blockquote></div>')

    if style == "gmail":
        body = "".join("<div>" + "<br>".join(esc(x) for x in p) + "</div><div><br></div>" for p in paras)
        return f"<div{d}>{body}</div>{'<br>' + qblock(quoted, 'gmail_quote') if quoted else ''}\n"
    if style == "outlook":
        body = "".join('<p class="MsoNormal">' + "<br>\n".join(esc(x) for x in p) + "<o:p></o:p></p>\n"
                       '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' for p in paras)
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" '
                'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">\n'
                '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n'
                '\tfont-family:"Calibri",sans-serif;}\n--></style>\n</head>\n'
                f'<body lang="{lang.upper()}" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                f'<div class="WordSection1"{d}>\n{body}</div>\n{qblock(quoted, "OutlookMessageHeader")}'
                '</body>\n</html>\n')
    if style == "owa":
        body = "".join('<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, '
                       'Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
                       + "<br>".join(esc(x) for x in p) + "</div>\n" for p in paras)
        return ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
                '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
                f'</head>\n<body{d}>\n{body}{qblock(quoted, "divRplyFwdMsg")}</body>\n</html>\n')
    if style == "apple":
        body = "".join("<div>" + "</div><div>".join(esc(x) for x in p) + "</div><div><br></div>" for p in paras)
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;"'
                f'{d}>{body}{qblock(quoted, "AppleOriginalContents")}</body></html>')
    if style == "yahoo":
        body = "".join('<div dir="ltr" data-setdir="false">' + "<br>".join(esc(x) for x in p) + "</div><div><br>"
                       "</div>" for p in paras)
        return ('<html><head></head><body><div class="yahoo-style-wrap" style="font-family:Helvetica Neue, '
                f'Helvetica, Arial, sans-serif;font-size:13px;"{d}>{body}</div>'
                f'{qblock(quoted, "yahoo_quoted")}</body></html>')
    if style == "plainish":  # tutanota, gmx, yandex, mail.ru, naver: <div>/<br>
        body = "<br>".join("<br>".join(esc(x) for x in p) + "<br>" for p in paras)
        return f"<html><head></head><body><div{d}>{body}</div>{qblock(quoted, 'quote')}</body></html>\n"
    if style == "qq":
        body = "".join("<div>" + "</div><div>".join(esc(x) for x in p) + "</div><div><br></div>" for p in paras)
        return (f'<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
                f'<div>{body}</div>{qblock(quoted, "qmbox")}')
    if style == "samsung":
        body = "".join('<div dir="auto">' + "<br>".join(esc(x) for x in p) + "</div><div dir=\"auto\"><br></div>"
                       for p in paras)
        return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
                f'<body>{body}{qblock(quoted, "quote")}</body></html>')
    raise ValueError(style)


def fake_bytes(mid: str, n: int, kind: str = "jpg") -> bytes:
    r = rng_for(mid + "/att")
    head = {"jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
            "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"}[kind]
    return head + bytes(r.randrange(256) for _ in range(n))


def attachment(mid: str, filename: str, ctype: str, n: int = 1500, charset: str = "UTF-8",
               style: str = "2231") -> Part:
    kind = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}.get(ctype, "jpg")
    data = fake_bytes(mid + filename, n, kind)
    if all(ord(c) < 128 for c in filename):
        ct = f'{ctype}; name="{filename}"'
        cd = f'attachment; filename="{filename}"'
    elif style == "2231":
        q = "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else "".join(f"%{b:02X}" for b in c.encode())
                    for c in filename)
        ct = f'{ctype}; name="{ew(filename, charset)}"'
        cd = f"attachment;\r\n filename*={charset.lower()}''{q}"
    else:  # encoded words inside the quoted parameter, as Outlook and many webmails do
        ct = f'{ctype}; name="{ew(filename, charset)}"'
        cd = f'attachment; filename="{ew(filename, charset)}"'
    return Part([("Content-Type", ct), ("Content-Disposition", cd), ("Content-Transfer-Encoding", "base64")],
                crlf(base64.encodebytes(data)))


# ---------------------------------------------------------------------------
# transport headers added on the way in
# ---------------------------------------------------------------------------

OUTBOUND = {
    "gmail.com": ("mail-{a}.google.com", "209.85.{b}.{c}"), "googlemail.com": ("mail-{a}.google.com", "209.85.{b}.{c}"),
    "outlook.com": ("{eur}.outbound.protection.outlook.com", "40.92.{b}.{c}"),
    "hotmail.com": ("{eur}.outbound.protection.outlook.com", "40.92.{b}.{c}"),
    "live.com": ("{eur}.outbound.protection.outlook.com", "40.92.{b}.{c}"),
    "yahoo.com": ("sonic{b}-{c}.consmr.mail.ne1.yahoo.com", "66.163.{b}.{c}"),
    "yandex.ru": ("forward{b}a.mail.yandex.net", "178.154.{b}.{c}"),
    "ya.ru": ("forward{b}a.mail.yandex.net", "178.154.{b}.{c}"),
    "mail.ru": ("smtp{b}.i.mail.ru", "94.100.{b}.{c}"), "inbox.ru": ("smtp{b}.i.mail.ru", "94.100.{b}.{c}"),
    "bk.ru": ("smtp{b}.i.mail.ru", "94.100.{b}.{c}"), "list.ru": ("smtp{b}.i.mail.ru", "94.100.{b}.{c}"),
    "qq.com": ("out{b}-{c}.mail.qq.com", "203.205.{b}.{c}"), "foxmail.com": ("out{b}-{c}.mail.qq.com", "203.205.{b}.{c}"),
    "163.com": ("m{b}-{c}.mail.163.com", "220.181.{b}.{c}"), "126.com": ("m{b}-{c}.mail.126.com", "220.181.{b}.{c}"),
    "proton.me": ("mail-{a}.protonmail.ch", "185.70.{b}.{c}"), "protonmail.com": ("mail-{a}.protonmail.ch", "185.70.{b}.{c}"),
    "pm.me": ("mail-{a}.protonmail.ch", "185.70.{b}.{c}"), "tutanota.com": ("w{b}.api.tutanota.com", "81.3.{b}.{c}"),
    "tuta.io": ("w{b}.api.tutanota.com", "81.3.{b}.{c}"),
    "gmx.de": ("mout.gmx.net", "212.227.{b}.{c}"), "gmx.net": ("mout.gmx.net", "212.227.{b}.{c}"),
    "web.de": ("mout.web.de", "212.227.{b}.{c}"), "naver.com": ("cvsmtppost{b}.nm.naver.com", "125.209.{b}.{c}"),
    "riseup.net": ("mx1.riseup.net", "198.252.153.{c}"),
}


def received_in(mid: str, email: str, box: str, dt: datetime, helo: str | None = None, ip: str | None = None,
                tls: bool = True) -> list[tuple[str, str]]:
    r = rng_for(mid + "/rcv")
    dom = domain_of(email)
    host_t, ip_t = OUTBOUND.get(dom, (f"mail.{dom}" if not dom.startswith("mail.") else dom, "{b2}.{b}.{c}.{d}"))
    fill = {"a": f"{r.choice('abcdefghijklmnopqrstuvwxyz')}{r.choice('jklmnopqrstuvwxyz')}{r.randrange(1, 9)}"
                  f"-f{r.randrange(40, 200)}", "b": r.randrange(10, 250), "c": r.randrange(2, 250), "d": r.randrange(2, 250),
                "b2": r.randrange(31, 223),
                "eur": r.choice(["EUR05-AM6-obe", "EUR02-DB5-obe", "EUR03-VI1-obe", "NAM10-DM6-obe",
                              "APC01-SG2-obe", "EUR01-HE1-obe"])}
    host = helo or host_t.format(**fill)
    ipaddr = ip or ip_t.format(**fill)
    qid = "".join(r.choice("0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz") for _ in range(12))
    arrive = dt + timedelta(seconds=r.randrange(1, 40))
    with_ = "ESMTPS id" if tls else "ESMTP id"
    tls_s = "\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)" if tls else ""
    rec = f"from {host} ({host} [{ipaddr}]){tls_s}"
    rec += f"\r\n\tby mx.example.org (Postfix) with {with_} 4{qid}\r\n\tfor <{OURS[box]}>; {fmt_date(arrive.astimezone(UTC))}"
    return [("Received", rec)]


def delivery_headers(mid: str, envelope_from: str, box: str, dt: datetime, email: str | None = None,
                     auth: str | None = "pass", helo: str | None = None, ip: str | None = None,
                     tls: bool = True) -> list[tuple[str, str]]:
    email = email or envelope_from
    hs = [("Return-Path", f"<{envelope_from}>"), ("Delivered-To", OURS[box])]
    hs += received_in(mid, email or "mailer-daemon@localhost", box, dt, helo, ip, tls)
    if auth and email:
        dom = domain_of(email)
        if auth == "pass":
            ar = (f"mx.example.org;\r\n\tdkim=pass (2048-bit key) header.d={dom}; spf=pass smtp.mailfrom={envelope_from or dom};"
                  f"\r\n\tdmarc=pass (p=none dis=none) header.from={dom}")
        elif auth == "none":
            ar = f"mx.example.org; dkim=none; spf=none smtp.mailfrom={dom}; dmarc=none header.from={dom}"
        else:
            ar = (f"mx.example.org;\r\n\tdkim=fail reason=\"signature verification failed\" header.d={dom};"
                  f"\r\n\tspf=softfail smtp.mailfrom={envelope_from or dom}; dmarc=fail (p=reject dis=none) header.from={dom}")
        hs.append(("Authentication-Results", ar))
    return hs


def hexs(r: random.Random, n: int, alphabet: str = "0123456789abcdef") -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def dkim(r: random.Random, dom: str, sel: str = "20230601") -> tuple[str, str]:
    b = "".join(r.choice(B64 + "+/") for _ in range(88))
    bh = "".join(r.choice(B64 + "+/") for _ in range(43)) + "="
    return ("DKIM-Signature", (f"v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d={dom}; s={sel}; t={r.randrange(1790000000, 1796000000)};"
                              f" x={r.randrange(1796000000, 1797000000)};\r\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\r\n"
                              f"         :date:message-id:reply-to;\r\n        bh={bh};\r\n        b={b[:70]}\r\n         {b[70:]}"))
