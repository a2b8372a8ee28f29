"""Mail clients as they lay out a person's message (headers, MIME, charsets).

``P(lang, category, mailbox, client, from, subject, body, **options)`` adds one
person-written message to ``shape.ITEMS``.  Options:

cs      charset label written in the message (default: the client's usual one)
cte     transfer encoding of the text parts (default: the client's usual one)
html    "alt" | "only" | "none" (default: the client's usual structure)
reply   True: In-Reply-To/References to an earlier acknowledgement of ours
cc      a Cc header value (addresses, comma separated)
to      To header value instead of our address (e.g. both addresses)
att     list of (filename, content type, size) attachments
hmode   "B" or "Q" encoded words in headers (default per client)
note    a remark kept in the labels (why the message is tricky)
"""

from __future__ import annotations

import uuid
from datetime import UTC

from .shape import (
    B64,
    ITEMS,
    OURS,
    Item,
    Part,
    addr,
    attachment,
    clean,
    delivery_headers,
    dkim,
    domain_of,
    ew,
    flowed,
    fmt_date,
    hexs,
    leaf,
    message,
    multipart,
    new_id,
    rng_for,
    split_addr,
    to_html,
    when,
)

LEGACY_OK = True


def _nonlatin(text: str) -> bool:
    return any(ord(c) > 0x24F for c in text)


def _nonascii(text: str) -> bool:
    return any(ord(c) > 127 for c in text)


def _auto_cte(text: str, prefer_b64: bool = True) -> str:
    if not _nonascii(text):
        return "7bit"
    return "base64" if (prefer_b64 and _nonlatin(text)) else "quoted-printable"


def _to(box: str, to: str | None) -> str:
    return to or OURS[box]


def _reply_headers(r, box: str) -> tuple[str, str]:
    ack = f"<ack.{hexs(r, 20)}@mailrouter.example.org>"
    return ack, ack


def _uuid(r) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _text_parts(mid, text, lang, cs, cte, html_style, html_mode):
    plain = leaf("text/plain", text, cs, cte)
    if html_mode == "none" or html_style is None:
        return plain, None
    hcte = "base64" if cte == "base64" else ("quoted-printable" if cte in ("quoted-printable", "8bit") else "7bit")
    if hcte == "7bit" and _nonascii(text):
        hcte = "quoted-printable"
    markup = to_html(text, html_style, lang)
    for label in ("charset=utf-8", "charset=UTF-8", "charset=GB18030"):
        markup = markup.replace(label, f"charset={cs.split('>')[0]}")
    htm = leaf("text/html", markup, cs, hcte)
    return plain, htm


def _assemble(mid, plain, htm, html_mode, boundary, atts, mixed_boundary):
    if html_mode == "only":
        root = htm
    elif htm is not None:
        root = multipart("alternative", [plain, htm], boundary)
    else:
        root = plain
    if atts:
        root = multipart("mixed", [root] + atts, mixed_boundary)
    return root


def P(lang, category, box, client, frm, subject, body, *, cs=None, cte=None, html=None, reply=False, cc=None,
      to=None, att=None, hmode=None, note="", xh=None):
    mid = new_id(lang, category)
    r = rng_for(mid)
    dt = when(mid, lang)
    text = clean(body)
    _name, email = split_addr(frm)
    dom = domain_of(email)
    if client == "gmail" and dom == "gmail.com" and not html and not cs:
        # people read their Gmail in many programs: a fixed share of them uses another client
        client = {0: "iphone", 1: "iphone", 2: "samsung", 3: "thunderbird", 4: "applemail",
                  5: "outlookmobile"}.get(rng_for(mid + "/client").randrange(16), "gmail")
    fn = CLIENTS[client]
    raw = fn(mid=mid, r=r, dt=dt, lang=lang, box=box, frm=frm, email=email, dom=dom, subject=subject, text=text,
             cs=cs, cte=cte, html=html, reply=reply, cc=cc, to=to, att=att or [], hmode=hmode, xh=xh or [])
    ITEMS.append(Item(mid, lang, category, box, raw, client, note))
    return mid


def _atts(mid, att, cs):
    out = []
    for fname, ctype, size in att:
        if ctype == "message/rfc822":  # Outlook "forward as attachment": the original, bytes as they were
            out.append(Part([("Content-Type", "message/rfc822"),
                             ("Content-Disposition", f'attachment; filename="{ew(fname, "utf-8")}"')], size))
        else:
            out.append(attachment(mid, fname, ctype, size, charset=cs if cs.lower() != "iso-2022-jp" else "UTF-8"))
    return out


def _common_tail(box, cc, to):
    hs = [("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    return hs


# --- individual clients -----------------------------------------------------

def gmail(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or _auto_cte(text)
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "gmail", html)
    root = _assemble(mid, plain, htm, html, "000000000000" + hexs(r, 12), _atts(mid, att, cs),
                     "000000000000" + hexs(r, 12))
    hs = delivery_headers(mid, email, box, dt) + [dkim(r, dom)]
    hs.append(("X-Google-Smtp-Source", "AGHT+I" + "".join(r.choice(B64) for _ in range(60))))
    hs.append(("MIME-Version", "1.0"))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("References", refs), ("In-Reply-To", irt)]
    gid = "CA" + r.choice("+ABCDEFGHJKLMN") + "".join(r.choice(B64 + "+-_") for _ in range(42))
    hs += [("From", addr(frm, cs, hmode or "B")), ("Date", fmt_date(dt, "gmail")),
           ("Message-ID", f"<{gid}@mail.gmail.com>"), ("Subject", ew(subject, cs, hmode or "B", 9))]
    hs += _common_tail(box, cc, to) + list(xh)
    return message(hs, root)


def owa(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh,
        mobile=False):
    cs = cs or "utf-8"
    cte = cte or ("base64" if _nonascii(text) else "quoted-printable")
    html = html or "alt"
    tenant = r.choice(["AM9PR02MB", "DB9PR07MB", "PAXPR10MB", "VI1PR09MB", "SN6PR04MB", "BY5PR19MB", "TYZPR03MB"])
    host = f"{tenant}{r.randrange(1000, 9999)}"
    region = {"AM9": "eurprd02", "DB9": "eurprd07", "PAX": "eurprd10", "VI1": "eurprd09", "SN6": "namprd04",
              "BY5": "namprd19", "TYZ": "apcprd03"}[tenant[:3]]
    mpart = f"{host}{hexs(r, 14, '0123456789ABCDEF')}"
    boundary = f"_000_{mpart}{host}{region[:4]}_"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "owa", html)
    root = _assemble(mid, plain, htm, html, boundary, _atts(mid, att, cs), f"_004_{mpart}{host}{region[:4]}_")
    utc = dt.astimezone(UTC)
    hs = delivery_headers(mid, email, box, dt)
    hs += [("ARC-Seal", "i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\r\n b="
            + "".join(r.choice(B64) for _ in range(60))),
           ("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Thread-Topic", ew(subject.removeprefix("Re: ").removeprefix("RE: "), cs, "B", 14)),
           ("Thread-Index", "AQH" + "".join(r.choice(B64) for _ in range(25)) + "=="),
           ("Date", fmt_date(utc)), ("Message-ID", f"<{mpart}@{host}.{region}.prod.outlook.com>")]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("References", refs), ("In-Reply-To", irt)]
    lang_tag = {"en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR", "de": "de-DE"}.get(lang, lang)
    hs += [("Accept-Language", f"{lang_tag}, en-US"), ("Content-Language", lang_tag),
           ("X-MS-Has-Attach", "yes" if att else ""), ("X-MS-TNEF-Correlator", ""), ("msip_labels", "")]
    hs += list(xh)
    return message(hs, root, tail=[("MIME-Version", "1.0")])


def outlook_desktop(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode,
                    xh):
    cs = cs or "utf-8"
    cte = cte or ("quoted-printable" if _nonascii(text) else "7bit")
    html = html or "alt"
    seq = f"{hexs(r, 12)}${hexs(r, 8)}${hexs(r, 8)}"
    boundary = f"----=_NextPart_000_{hexs(r, 4, '0123456789ABCDEF')}_01DB{hexs(r, 4, '0123456789ABCDEF')}." \
               f"{hexs(r, 8, '0123456789ABCDEF')}"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "outlook", html)
    root = _assemble(mid, plain, htm, html, boundary, _atts(mid, att, cs),
                     f"----=_NextPart_000_{hexs(r, 4, '0123456789ABCDEF')}_01DB{hexs(r, 4, '0123456789ABCDEF')}."
                     f"{hexs(r, 8, '0123456789ABCDEF')}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("References", refs), ("In-Reply-To", irt)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Date", fmt_date(dt)),
           ("Message-ID", f"<{seq}@{dom}>"), ("MIME-Version", "1.0")]
    hs += [("X-Mailer", "Microsoft Outlook 16.0"),
           ("Thread-Index", "AQ" + "".join(r.choice(B64) for _ in range(30)) + "=="),
           ("Content-Language", {"en": "en-us", "de": "de", "fr": "fr", "ko": "ko"}.get(lang, lang))]
    hs += list(xh)
    return message(hs, root)


def apple_ios(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "utf-8"
    cte = cte or ("quoted-printable" if _nonascii(text) else "7bit")
    root = leaf("text/plain", text, cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"Apple-Mail-{_uuid(r).upper()}")
    hs = delivery_headers(mid, email, box, dt)
    hs2 = [("From", addr(frm, cs, hmode or "Q")), ("Mime-Version", "1.0 (1.0)"), ("Date", fmt_date(dt, "apple")),
           ("Subject", ew(subject, cs, hmode or "Q", 9)), ("Message-Id", f"<{_uuid(r).upper()}@{dom}>")]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs2 += [("References", refs), ("In-Reply-To", irt)]
    hs2 += _common_tail(box, cc, to)
    hs2.append(("X-Mailer", r.choice(["iPhone Mail (22A3354)", "iPhone Mail (21H16)", "iPhone Mail (22B83)"])))
    hs2 += list(xh)
    # Apple puts the Content-Type first
    head = [h for h in root.headers]
    return message(hs + head + hs2, Part([], root.body), tail=[])


def apple_mac(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "utf-8"
    cte = cte or ("quoted-printable" if _nonascii(text) else "7bit")
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "apple", html)
    root = _assemble(mid, plain, htm, html, f"Apple-Mail={_uuid(r).upper()}", _atts(mid, att, cs),
                     f"Apple-Mail={_uuid(r).upper()}")
    hs = delivery_headers(mid, email, box, dt)
    hs2 = [("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))"),
           ("Subject", ew(subject, cs, hmode or "Q", 9)), ("From", addr(frm, cs, hmode or "Q"))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs2 += [("In-Reply-To", irt), ("References", refs)]
    hs2 += [("Date", fmt_date(dt, "apple"))] + _common_tail(box, cc, to)
    hs2 += [("Message-Id", f"<{_uuid(r).upper()}@{dom}>"), ("X-Mailer", "Apple Mail (2.3826.300.87.4.3)")]
    hs2 += list(xh)
    return message(hs + root.headers[:1] + hs2, Part([], root.body))


def thunderbird(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or ("8bit" if _nonascii(text) else "7bit")
    body = flowed(text) if not _nonlatin(text) or lang in ("ru", "uk", "bg", "sr", "el", "kk", "ky", "tg") else text
    root = leaf("text/plain", body, cs, cte, params="; format=flowed", cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"------------{hexs(r, 24, B64[:62])}",
                         preamble="This is a multi-part message in MIME format.")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Message-ID", f"<{_uuid(r)}@{dom}>"), ("Date", fmt_date(dt)), ("MIME-Version", "1.0"),
           ("User-Agent", "Mozilla Thunderbird"), ("Content-Language", lang if lang != "kmr" else "ku")]
    hs += _common_tail(box, cc, to)
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("References", refs), ("In-Reply-To", irt)]
    hs += [("From", addr(frm, cs, hmode or "B")), ("Subject", ew(subject, cs, hmode or "B", 9))] + list(xh)
    return message(hs, root)


def yahoo(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or ("quoted-printable" if _nonascii(text) else "7bit")
    html = html or "alt"
    ts = int(dt.timestamp() * 1000)
    n1, n2 = r.randrange(1000000, 9999999), r.randrange(100000, 999999)
    plain, htm = _text_parts(mid, text, lang, cs, cte, "yahoo", html)
    root = _assemble(mid, plain, htm, html, f"----=_Part_{n1}_{n2}.{ts}", _atts(mid, att, cs),
                     f"----=_Part_{n1 - 1}_{n2 + 3}.{ts}")
    hs = delivery_headers(mid, email, box, dt) + [dkim(r, "yahoo.com", "s2048")]
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    hs += [("Message-ID", f"<{n1}.{n2}.{ts}@mail.yahoo.com>"), ("Subject", ew(subject, cs, hmode or "B", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("MIME-Version", "1.0")]
    tail = [("X-Mailer", r.choice(["WebService/1.1.22806 YMailNorrin", "WebService/1.1.22806 YahooMailAndroidMobile",
                                   "WebService/1.1.22806 YahooMailIosMobile"]))] + list(xh)
    return message(hs, root, tail=tail)


def proton(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "utf-8"
    cte = cte or ("base64" if _nonascii(text) else "7bit")
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "plainish", html)
    pid = "".join(r.choice(B64 + "_-") for _ in range(86))
    root = _assemble(mid, plain, htm, html, f"b1=_{hexs(r, 40, B64[:62])}", _atts(mid, att, cs),
                     f"b1=_{hexs(r, 40, B64[:62])}")
    hs = delivery_headers(mid, email, box, dt, helo=f"mail-{hexs(r, 5, 'abcdefghij')}.protonmail.ch")
    hs += [("Date", fmt_date(dt))] + _common_tail(box, cc, to)
    hs += [("From", addr(frm, cs, hmode or "B")), ("Subject", ew(subject, cs, hmode or "B", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Message-ID", f"<{pid}=@{dom}>"),
           ("Feedback-ID", f"{r.randrange(10**7, 10**8)}:user:proton"),
           ("X-Pm-Message-ID", hexs(r, 40)), ("MIME-Version", "1.0")] + list(xh)
    return message(hs, root)


def tutanota(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "quoted-printable"
    root = leaf("text/html", to_html(text, "plainish", lang), cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"------------{hexs(r, 20, B64[:62])}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B")), ("Mime-Version", "1.0"),
           ("Subject", ew(subject, cs, hmode or "B", 9))] + _common_tail(box, cc, to)
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Message-ID", f"<{''.join(r.choice(B64 + '-_') for _ in range(26))}@tuta.io>")] + list(xh)
    return message(hs, root)


def gmx(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "quoted-printable"
    root = leaf("text/html", to_html(text, "plainish", lang), cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"--=_GMX{hexs(r, 20)}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("MIME-Version", "1.0"), ("Message-ID", (f"<trinity-{_uuid(r)}-{int(dt.timestamp() * 1000)}"
                                                    f"@3c-app-{'webde' if dom == 'web.de' else 'gmx'}-bs{r.randrange(10, 70)}>")),
           ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    hs += [("Subject", ew(subject, cs, hmode or "B", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Date", fmt_date(dt)), ("Importance", "normal"), ("Sensitivity", "Normal"),
           ("X-Priority", "3"), ("X-UI-Message-Type", "mail")] + list(xh)
    return message(hs, root)


def mailru(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "base64"
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "plainish", html)
    ts = int(dt.timestamp())
    root = _assemble(mid, plain, htm, html, f"--ALT--{hexs(r, 32, '0123456789ABCDEF')}{ts}", _atts(mid, att, cs),
                     f"--MIX--{hexs(r, 32, '0123456789ABCDEF')}{ts}")
    hs = delivery_headers(mid, email, box, dt) + [dkim(r, dom, "mail4")]
    hs += [("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("MIME-Version", "1.0"),
           ("X-Mailer", "Mail.Ru Mailer 1.0"), ("Date", fmt_date(dt))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Reply-To", addr(frm, cs, hmode or "B")), ("X-Priority", "3 (Normal)"),
           ("Message-ID", f"<{ts}{r.randrange(100, 999)}.{hexs(r, 6)}@f{r.randrange(100, 599)}.i.mail.ru>")] + list(xh)
    return message(hs, root)


def yandex(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "utf-8"
    cte = cte or "base64"
    root = leaf("text/html", to_html(text, "plainish", lang), cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"----==--bound.{r.randrange(10**5, 10**6)}."
                                                                f"forward{r.randrange(100, 999)}a.mail.yandex.net")
    hs = delivery_headers(mid, email, box, dt) + [dkim(r, "yandex.ru", "mail")]
    hs += [("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("MIME-Version", "1.0"), ("X-Mailer", "Yandex Mail"),
           ("Date", fmt_date(dt)), ("Message-Id", f"<{r.randrange(10**6, 10**7)}{int(dt.timestamp())}@mail.yandex.ru>")]
    hs += list(xh)
    return message(hs, root)


def the_bat(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "windows-1251"
    cte = cte or "8bit"
    root = leaf("text/plain", text, cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"----------{hexs(r, 14, '0123456789ABCDEF')}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B")),
           ("Message-ID", f"<{r.randrange(10**8, 10**9)}.{r.randrange(10**7, 10**8)}@{dom}>"),
           ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("X-Mailer", "The Bat! (v10.5.3) Professional"),
           ("MIME-Version", "1.0")] + list(xh)
    return message(hs, root)


def qq(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "gb18030"
    cte = cte or "base64"
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "qq", html)
    b = f"----=_NextPart_{hexs(r, 8, '0123456789ABCDEF')}_{hexs(r, 8, '0123456789ABCDEF')}_{hexs(r, 8, '0123456789ABCDEF')}"
    root = _assemble(mid, plain, htm, html, b, _atts(mid, att, cs), b + "M")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("X-QQ-FEAT", "".join(r.choice(B64 + "+/") for _ in range(40))),
           ("X-QQ-SSF", "0000000000000000000000000000000"),
           ("X-QQ-mid", f"webmail{r.randrange(100, 999)}t{int(dt.timestamp())}tt{r.randrange(1000, 9999)}"),
           ("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Mime-Version", "1.0"),
           ("Date", fmt_date(dt)), ("X-Priority", "3"),
           ("Message-ID", f"<tencent_{hexs(r, 36, '0123456789ABCDEF')}@qq.com>"), ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
           ("X-Mailer", "QQMail 2.x"), ("X-QQ-Mailer", "QQMail 2.x")] + list(xh)
    return message(hs, root)


def netease(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "GBK"
    cte = cte or "base64"
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "qq", html)
    ts = int(dt.timestamp() * 1000)
    root = _assemble(mid, plain, htm, html, f"----=_Part_{r.randrange(10**5, 10**6)}_{r.randrange(10**8, 10**9)}.{ts}",
                     _atts(mid, att, cs), f"----=_Part_{r.randrange(10**5, 10**6)}_{r.randrange(10**8, 10**9)}.{ts}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt, "paren")), ("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)),
           ("X-Priority", "3"), ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
           ("Copyright", "(C) 1999-2023 www.mailtech.cn 163com"), ("MIME-Version", "1.0"),
           ("Message-ID", f"<{r.randrange(10**7, 10**8)}.{hexs(r, 4)}.{hexs(r, 11)}.Coremail.{email.split('@')[0]}@{dom}>"),
           ("X-Coremail-Locale", "zh_CN"), ("X-CM-TRANSID", "".join(r.choice(B64) for _ in range(40)))] + list(xh)
    return message(hs, root)


def naver(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "base64"
    root = leaf("text/html", to_html(text, "plainish", lang), cs, cte)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"----=_Part_{r.randrange(10**6, 10**7)}")
    hs = delivery_headers(mid, email, box, dt) + [dkim(r, dom, "s20171208")]
    hs += [("MIME-Version", "1.0"), ("Message-ID", f"<{hexs(r, 32)}@cweb{r.randrange(10, 30):03d}.nm.nfra.io>"),
           ("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("X-Naver-CIP", (f"211.{r.randrange(1, 250)}."
                                                                             f"{r.randrange(1, 250)}.{r.randrange(1, 250)}"))]
    hs += list(xh)
    return message(hs, root)


def becky(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "ISO-2022-JP"
    cte = cte or "7bit"
    root = leaf("text/plain", text, cs, cte, cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, "UTF-8"), f"------_{hexs(r, 8, '0123456789ABCDEF')}"
                                                                      f"{hexs(r, 8, '0123456789ABCDEF')}_MA")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)),
           ("Message-Id", f"<{dt:%Y%m%d%H%M%S}.{hexs(r, 4, '0123456789ABCDEF')}.{email.split('@')[0]}@{dom}>"),
           ("MIME-Version", "1.0"), ("X-Mailer", "Becky! ver. 2.81.05 [ja]")] + list(xh)
    return message(hs, root)


def jp_mobile(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "Shift_JIS"
    cte = cte or "8bit"
    root = leaf("text/plain", text, cs, cte, cs_quote=False)
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("From", email), ("To", _to(box, to))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Message-ID", f"<{hexs(r, 24)}.{r.randrange(10**5, 10**6)}@{dom}>"),
           ("MIME-Version", "1.0")] + list(xh)
    return message(hs, root)


def outlook_express(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode,
                    xh):
    cs = cs or "windows-1256"
    cte = cte or "quoted-printable"
    html = html or "alt"
    b = f"----=_NextPart_000_{hexs(r, 4, '0123456789ABCDEF')}_01DB{hexs(r, 4, '0123456789ABCDEF')}.{hexs(r, 8, '0123456789ABCDEF')}"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "plainish", html)
    root = _assemble(mid, plain, htm, html, b, _atts(mid, att, cs), b.replace("_000_", "_001_"))
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Message-ID", (f"<{hexs(r, 6, '0123456789ABCDEF')}01DB{hexs(r, 4, '0123456789ABCDEF')}$"
                          f"{hexs(r, 8, '0123456789ABCDEF')}$0100a8c0@{r.choice(['PC', 'USER', 'HOME'])}{r.randrange(1, 99)}>")),
           ("From", addr(frm, cs, hmode or "B")), ("To", _to(box, to))]
    if cc:
        hs.append(("Cc", cc))
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Date", fmt_date(dt)), ("MIME-Version", "1.0")]
    tail = [("X-Priority", "3"), ("X-MSMail-Priority", "Normal"),
            ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5931"),
            ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.6157")] + list(xh)
    return message(hs, root, tail=tail)


def roundcube(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or ("8bit" if _nonascii(text) else "7bit")
    root = leaf("text/plain", flowed(text) if not _nonlatin(text) else text, cs, cte, params="; format=flowed",
                cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), f"=_{hexs(r, 32)}")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("MIME-Version", "1.0"), ("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "Q"))]
    hs += _common_tail(box, cc, to) + [("Subject", ew(subject, cs, hmode or "Q", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("Message-ID", f"<{hexs(r, 32)}@{dom}>"), ("X-Sender", email),
           ("User-Agent", "Roundcube Webmail/1.6.9")] + list(xh)
    return message(hs, root)


def mutt(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or ("utf-8" if _nonascii(text) else "us-ascii")
    cte = cte or ("8bit" if _nonascii(text) else None)
    root = leaf("text/plain", text, cs, cte or "", headers=[("Content-Disposition", "inline")], cs_quote=False)
    if att:
        root = multipart("mixed", [root] + _atts(mid, att, cs), hexs(r, 16, B64[:62]))
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, "utf-8", hmode or "Q"))] + _common_tail(box, cc, to)
    hs += [("Subject", ew(subject, "utf-8", hmode or "Q", 9)),
           ("Message-ID", f"<{hexs(r, 10, B64[:62])}{dt:%Y%m%d%H%M}@{r.choice(['laptop', 'x230', 'thinkpad', 'debian'])}>")]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("References", refs), ("In-Reply-To", irt)]
    hs += [("MIME-Version", "1.0")] + list(xh)
    tail = [("User-Agent", "NeoMutt/20231103")]
    return message(hs, root, tail=tail)


def samsung(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "base64"
    html = html or "alt"
    n = r.randrange(10**9, 10**10)
    plain, htm = _text_parts(mid, text, lang, cs, cte, "samsung", html)
    root = _assemble(mid, plain, htm, html, f"--_com.samsung.android.email_{n}{r.randrange(100000, 999999)}",
                     _atts(mid, att, cs), f"--_com.samsung.android.email_{n + 7}{r.randrange(100000, 999999)}")
    hs = delivery_headers(mid, email, box, dt) + ([dkim(r, dom)] if dom in ("gmail.com", "yahoo.com") else [])
    hs += [("Message-ID", f"<{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}@email.android.com>" if dom != "gmail.com"
            else f"<{hexs(r, 24)}.{r.randrange(10**5, 10**6)}@mx.google.com>"),
           ("Date", fmt_date(dt)), ("Subject", ew(subject, cs, hmode or "B", 9)),
           ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("MIME-Version", "1.0")] + list(xh)
    return message(hs, root)


def horde(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or ("8bit" if _nonascii(text) else "7bit")
    root = leaf("text/plain", text, cs, cte, params="; format=flowed; DelSp=Yes",
                headers=[("Content-Disposition", "inline")], cs_quote=False)
    hs = delivery_headers(mid, email, box, dt)
    hs += [("Date", fmt_date(dt)), ("Message-ID", f"<{dt:%Y%m%d%H%M%S}.Horde.{hexs(r, 22, B64[:62])}@webmail.{dom}>"),
           ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    hs += [("Subject", ew(subject, cs, hmode or "B", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("User-Agent", "Horde Application Framework 5"), ("MIME-Version", "1.0")] + list(xh)
    return message(hs, root)


def zoho(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or "quoted-printable"
    root = leaf("text/html", '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">'
                + to_html(text, "plainish", lang), cs, cte, cs_quote=False)
    hs = delivery_headers(mid, email, box, dt, helo="sender4-op-o12.zoho.com")
    hs += [("Date", fmt_date(dt)), ("From", addr(frm, cs, hmode or "B"))] + _common_tail(box, cc, to)
    hs += [("Message-Id", f"<{hexs(r, 16)}.{r.randrange(10**17, 10**18)}@{dom}>"),
           ("Subject", ew(subject, cs, hmode or "B", 9))]
    if reply:
        irt, refs = _reply_headers(r, box)
        hs += [("In-Reply-To", irt), ("References", refs)]
    hs += [("MIME-Version", "1.0"), ("Importance", "Medium"), ("User-Agent", "Zoho Mail"),
           ("X-Mailer", "Zoho Mail")] + list(xh)
    return message(hs, root)


def outlook_mobile(*a, **k):
    return owa(*a, **k, mobile=True)


CLIENTS = {
    "gmail": gmail, "owa": owa, "outlook": outlook_desktop, "iphone": apple_ios, "applemail": apple_mac,
    "thunderbird": thunderbird, "yahoo": yahoo, "proton": proton, "tutanota": tutanota, "gmx": gmx,
    "mailru": mailru, "yandex": yandex, "thebat": the_bat, "qq": qq, "163": netease, "naver": naver,
    "becky": becky, "jpmobile": jp_mobile, "oe": outlook_express, "roundcube": roundcube, "mutt": mutt,
    "samsung": samsung, "horde": horde, "zoho": zoho, "outlookmobile": outlook_mobile,
}


# --- spam senders -------------------------------------------------------------

def phpmailer(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    cs = cs or "UTF-8"
    cte = cte or ("quoted-printable" if any(ord(c) > 127 for c in text) else "7bit")
    html = html or "alt"
    plain, htm = _text_parts(mid, text, lang, cs, cte, "plainish", html)
    b = f"b1_{hexs(r, 40, B64[:62])}"
    root = _assemble(mid, plain, htm, html, b, _atts(mid, att, cs), f"b2_{hexs(r, 40, B64[:62])}")
    hs = delivery_headers(mid, f"{hexs(r, 8)}@{r.choice(['srv', 'vps', 'host', 'mail'])}{r.randrange(10, 999)}.{r.choice(['xyz', 'top', 'click', 'ru', 'info', 'shop'])}",
                          box, dt, email=email, auth="fail", tls=r.random() < 0.5)
    hs += [("Date", fmt_date(dt)), ("To", _to(box, to)), ("From", addr(frm, cs, hmode or "B"))]
    hs += [("Reply-To", xh[0][1])] if xh and xh[0][0] == "Reply-To" else []
    hs += [("Subject", ew(subject, cs, hmode or "B", 9)), ("Message-ID", f"<{hexs(r, 40, B64[:62])}@{dom}>"),
           ("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"), ("MIME-Version", "1.0")]
    hs += [h for h in xh if h[0] != "Reply-To"]
    return message(hs, root)


def bulkspam(mid, r, dt, lang, box, frm, email, dom, subject, text, cs, cte, html, reply, cc, to, att, hmode, xh):
    """HTML-only mass mail with a hidden-text block, as cheap spam tools write it."""
    cs = cs or "utf-8"
    cte = cte or "base64"
    markup = to_html(text, "plainish", lang)
    junk = " ".join(r.choice(["lorem", "data", "sky", "river", "apple", "table", "green", "seven"]) for _ in range(25))
    markup = markup.replace("</body>", f'<div style="display:none;font-size:0;color:#ffffff">{junk}</div></body>')
    root = leaf("text/html", markup, cs, cte)
    hs = delivery_headers(mid, email, box, dt, auth="none" if r.random() < 0.5 else "fail", tls=False)
    hs += [("Message-ID", f"<{hexs(r, 16)}${hexs(r, 8)}@{dom}>"), ("From", addr(frm, cs, hmode or "B")),
           ("To", _to(box, to) if r.random() < 0.6 else "undisclosed-recipients:;"),
           ("Subject", ew(subject, cs, hmode or "B", 9)), ("Date", fmt_date(dt)), ("MIME-Version", "1.0"),
           ("X-Priority", r.choice(["1", "3"]))] + list(xh)
    return message(hs, root)


CLIENTS.update({"phpmailer": phpmailer, "bulkspam": bulkspam})
