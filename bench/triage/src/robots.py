"""Robots as they write: auto-replies, bounces (DSN and older shapes), list and bulk mail.

The words of each robot message (the person's out-of-office text, the list
post, the newsletter) are written by hand in the batch files; this module
knows only each system's header set and MIME layout.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta

from .clients import CLIENTS, _uuid
from .shape import (
    AUTO,
    B64,
    HR,
    ITEMS,
    LIST,
    OURS,
    Item,
    Part,
    addr,
    clean,
    codec,
    crlf,
    delivery_headers,
    dkim,
    domain_of,
    ew,
    fmt_date,
    hexs,
    leaf,
    message,
    multipart,
    new_id,
    raw_headers_8bit,
    rng_for,
    split_addr,
    to_html,
    when,
)
from .shape import BOUNCE as CAT_BOUNCE

ACK_SUBJECTS = {  # what our acknowledgement might have been called (the robots echo it)
    "en": "Your message to the Human Rights team", "es": "Hemos recibido su mensaje",
    "fr": "Nous avons bien reçu votre message", "de": "Ihre Nachricht ist eingegangen",
    "ru": "Ваше сообщение получено", "uk": "Ваше повідомлення отримано", "tr": "Mesajınız alındı",
    "ar": "تم استلام رسالتك", "fa": "پیام شما دریافت شد", "pt": "Recebemos a sua mensagem",
    "zh": "我们已收到您的来信", "ja": "メッセージを受け付けました", "it": "Abbiamo ricevuto il tuo messaggio",
}


def ack_msgid(r) -> str:
    return f"<ack.{hexs(r, 20)}@mailrouter.example.org>"


def _add(lang, category, box, raw, shape, note="", mid=None):
    ITEMS.append(Item(mid, lang, category, box, raw, shape, note))
    return mid


# ---------------------------------------------------------------------------
# auto-replies
# ---------------------------------------------------------------------------

def AR(lang, box, vendor, frm, subject, body, *, cs="utf-8", to=None, irt=True, html=False, note="", extra=None,
       strip=False, orig_subject=None):
    """An auto-reply.  ``strip``: the vendor's auto headers were removed on the way (gateways, old relays)."""
    mid = new_id(lang, AUTO)
    r = rng_for(mid)
    dt = when(mid, lang)
    _name, email = split_addr(frm)
    dom = domain_of(email)
    text = clean(body)
    to = to or OURS[box]
    irt_id = ack_msgid(r) if irt else None
    envelope = "" if vendor in ("sieve", "exim_vacation") else email
    hs = delivery_headers(mid, envelope or f"MAILER-DAEMON@{dom}", box, dt, email=email)
    if envelope == "":
        hs[0] = ("Return-Path", "<>")
    auto = []
    root = None
    tail = []
    if vendor == "exchange":
        tenant = r.choice(["DB8PR04MB", "AS8PR07MB", "PA4PR10MB", "MW4PR12MB", "SJ0PR18MB", "SEZPR06MB", "FR3P281MB"])
        host = f"{tenant}{r.randrange(1000, 9999)}"
        region = {"DB8": "eurprd04", "AS8": "eurprd07", "PA4": "eurprd10", "MW4": "namprd12", "SJ0": "namprd18",
                  "SEZ": "apcprd06", "FR3": "DEUP281"}[tenant[:3]]
        idp = f"{host}{hexs(r, 14, '0123456789ABCDEF')}"
        plain = leaf("text/plain", text, cs, "base64" if any(ord(c) > 127 for c in text) else "quoted-printable")
        markup = to_html(text, "outlook", lang).replace("charset=utf-8", f"charset={cs}")
        htm = leaf("text/html", markup, cs, "base64" if any(ord(c) > 127 for c in text) else "quoted-printable")
        root = multipart("alternative", [plain, htm], f"_000_{idp}{host}{region[:4]}_")
        hs += [("From", addr(frm, cs)), ("To", to), ("Subject", ew(subject, cs, "B", 9)),
               ("Thread-Topic", ew(orig_subject or subject.split(":", 1)[-1].strip(), cs, "B", 14)),
               ("Thread-Index", "AQH" + "".join(r.choice(B64) for _ in range(25)) + "=="),
               ("Date", fmt_date(dt.astimezone(UTC))), ("Message-ID", f"<{idp}@{host}.{region}.prod.outlook.com>")]
        if irt_id:
            hs += [("References", irt_id), ("In-Reply-To", irt_id)]
        hs += [("Content-Language", {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}.get(lang, lang)),
               ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")]
        if not strip:
            auto = [("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"),
                    ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
        tail = [("MIME-Version", "1.0")]
    elif vendor == "exchange2003":
        root = leaf("text/plain", text, cs, "quoted-printable")
        hs += [("Content-class", "urn:content-classes:message"), ("MIME-Version", "1.0"),
               ("X-MimeOLE", "Produced By Microsoft Exchange V6.5"), ("Subject", ew(subject, cs, "Q", 9)),
               ("Date", fmt_date(dt)), ("Message-ID", (f"<{hexs(r, 32, '0123456789ABCDEF')}@{dom.upper().split('.')[0]}"
                                                       f"-EXCH01.{dom}>")),
               ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", ""), ("Thread-Topic", ew(orig_subject or subject, cs, "Q", 14)),
               ("Thread-Index", "Ac" + "".join(r.choice(B64) for _ in range(26)) + "=="),
               ("From", addr(frm, cs, "Q")), ("To", to)]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
    elif vendor == "gmail":
        plain = leaf("text/plain", text, "UTF-8", "base64" if any(ord(c) > 0x24F for c in text) else
                     ("quoted-printable" if any(ord(c) > 127 for c in text) else "7bit"))
        htm = leaf("text/html", to_html(text, "gmail", lang), "UTF-8", "base64" if any(ord(c) > 127 for c in text) else "7bit")
        root = multipart("alternative", [plain, htm], "000000000000" + hexs(r, 12))
        hs += [dkim(r, dom), ("MIME-Version", "1.0")]
        if irt_id:
            hs += [("References", irt_id), ("In-Reply-To", irt_id)]
        hs += [("Auto-Submitted", "auto-replied")] if not strip else []
        hs += [("From", addr(frm)), ("Date", fmt_date(dt, "gmail")),
               ("Message-ID", f"<CA{''.join(r.choice(B64 + '+_') for _ in range(44))}@mail.gmail.com>"),
               ("Subject", ew(subject, "UTF-8", "B", 9)), ("To", to)]
    elif vendor == "lotus":
        root = leaf("text/plain", text, cs, "quoted-printable" if any(ord(c) > 127 for c in text) else "7bit")
        stamp = dt.strftime("%d.%m.%Y %H:%M:%S")
        hs += [("Subject", ew(subject, cs, "Q", 9)), ("From", addr(frm, cs, "Q")), ("To", to)]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        hs += [("Date", fmt_date(dt)), ("Message-ID", (f"<OF{hexs(r, 8, '0123456789ABCDEF')}.{hexs(r, 8, '0123456789ABCDEF')}"
                                                      f"-ON{hexs(r, 8, '0123456789ABCDEF')}.{hexs(r, 8, '0123456789ABCDEF')}"
                                                      f"-{hexs(r, 8, '0123456789ABCDEF')}@{dom}>")),
               ("X-Mailer", "HCL Notes Release 12.0.2 FP2 March 29, 2023"),
               ("X-MIMETrack", f"Serialize by Router on MAIL01/{dom.split('.')[0].upper()}(Release 12.0.2FP2|March 29, 2023) at\r\n {stamp}"),
               ("MIME-Version", "1.0")]
        if not strip:
            auto = [("Auto-Submitted", "auto-generated")]
    elif vendor == "apple":
        root = leaf("text/plain", text, "utf-8", "quoted-printable" if any(ord(c) > 127 for c in text) else "7bit",
                    cs_quote=False)
        hs += [("From", addr(frm, "utf-8", "Q")), ("To", to), ("Subject", ew(subject, "utf-8", "Q", 9)),
               ("Date", fmt_date(dt, "apple")), ("Message-Id", f"<{_uuid(r).upper()}@icloud.com>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id), ("References", irt_id)]
        hs += [("X-Apple-Action", "VACATION"), ("Mime-Version", "1.0")]
        if not strip:
            auto = [("Auto-Submitted", "auto-replied")]
    elif vendor == "zimbra":
        root = leaf("text/plain", text, "utf-8", "7bit" if not any(ord(c) > 127 for c in text) else "quoted-printable")
        hs += [("Date", fmt_date(dt)), ("From", addr(frm, "utf-8", "Q")), ("To", to),
               ("Message-ID", f"<{r.randrange(10**6, 10**7)}.{r.randrange(10**5, 10**6)}.{int(dt.timestamp() * 1000)}.JavaMail.zimbra@{dom}>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id), ("References", irt_id)]
        hs += [("Subject", ew(subject, "utf-8", "Q", 9)), ("MIME-Version", "1.0"),
               ("X-Mailer", "Zimbra 10.0.8_GA_4656")]
        auto = [("Auto-Submitted", "auto-replied (zimbra; vacation)")] if not strip else []
        auto += [("X-Originating-IP", f"[10.{r.randrange(0, 250)}.{r.randrange(0, 250)}.{r.randrange(2, 250)}]")]
    elif vendor == "sieve":
        root = leaf("text/plain", text, "utf-8", "8bit" if any(ord(c) > 127 for c in text) else "7bit", cs_quote=False)
        host = f"mail.{dom}"
        hs += [("X-Sieve", "Pigeonhole Sieve 0.5.19 (4eae2f79)"),
               ("Message-ID", f"<dovecot-sieve-{int(dt.timestamp())}-{r.randrange(10**5, 10**6)}-0@{host}>"),
               ("Date", fmt_date(dt)), ("From", addr(frm, "utf-8")), ("To", f"<{to}>"), ("Subject", ew(subject, "utf-8", "B", 9))]
        if irt_id:
            hs += [("In-Reply-To", irt_id), ("References", irt_id)]
        auto = [("Auto-Submitted", "auto-replied (vacation)"), ("Precedence", "bulk"), ("MIME-Version", "1.0")]
        if strip:
            auto = [("MIME-Version", "1.0")]
    elif vendor == "cpanel":
        root = leaf("text/plain", text, "utf-8", "8bit" if any(ord(c) > 127 for c in text) else "7bit")
        hs += [("Date", fmt_date(dt)), ("From", addr(frm, "utf-8")), ("To", to), ("Subject", ew(subject, "utf-8", "B", 9)),
               ("Message-ID", f"<autorespond.{hexs(r, 12)}@{dom}>"), ("MIME-Version", "1.0")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        auto = [("X-Autorespond", ew(orig_subject or ACK_SUBJECTS.get(lang, ACK_SUBJECTS["en"]), "utf-8", "B", 15)),
                ("Precedence", "auto_reply"), ("X-Precedence", "auto_reply")]
        if strip:
            auto = [("X-Autorespond", ew(orig_subject or ACK_SUBJECTS["en"], "utf-8", "B", 15))]
    elif vendor == "yandex":
        root = leaf("text/plain", text, "utf-8", "8bit", cs_quote=False)
        hs += [dkim(r, dom, "mail"), ("From", addr(frm, "utf-8")), ("To", to), ("Subject", ew(subject, "utf-8", "B", 9)),
               ("Date", fmt_date(dt)), ("Message-Id", f"<{r.randrange(10**6, 10**7)}{int(dt.timestamp())}@mail.yandex.ru>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        hs += [("MIME-Version", "1.0")]
        auto = [("Auto-Submitted", "auto-replied"), ("X-Yandex-Autoreply", "yes")] if not strip else []
    elif vendor == "mailru":
        root = leaf("text/plain", text, "utf-8", "base64")
        hs += [dkim(r, dom, "mail4"), ("From", addr(frm, "utf-8")), ("To", to), ("Subject", ew(subject, "utf-8", "B", 9)),
               ("MIME-Version", "1.0"), ("X-Mailer", "Mail.Ru Mailer 1.0"), ("Date", fmt_date(dt)),
               ("Message-ID", f"<{int(dt.timestamp())}.{hexs(r, 6)}@autoreply.i.mail.ru>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        auto = [("Auto-Submitted", "auto-replied"), ("X-Mras", "Ok")] if not strip else []
    elif vendor in ("qq", "163"):
        gb = "gb18030" if vendor == "qq" else "GBK"
        plain = leaf("text/plain", text, gb, "base64")
        htm = leaf("text/html", to_html(text, "qq", lang).replace("GB18030", gb), gb, "base64")
        b = f"----=_NextPart_{hexs(r, 8, '0123456789ABCDEF')}_{hexs(r, 8, '0123456789ABCDEF')}_{hexs(r, 8, '0123456789ABCDEF')}"
        root = multipart("alternative", [plain, htm], b)
        hs += [("From", addr(frm, gb)), ("To", to), ("Subject", ew(subject, gb, "B", 9)), ("Mime-Version", "1.0"),
               ("Date", fmt_date(dt)), ("Message-ID", f"<tencent_{hexs(r, 36, '0123456789ABCDEF')}@qq.com>" if vendor == "qq"
                                        else f"<{r.randrange(10**7, 10**8)}.{hexs(r, 4)}.autoreply@{dom}>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        hs += [("X-QQ-MIME", "TCMime 1.0 by Tencent"), ("X-Mailer", "QQMail 2.x")] if vendor == "qq" else \
              [("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)")]
        if not strip and vendor == "163":
            auto = [("Auto-Submitted", "auto-replied")]
    elif vendor == "groupwise":
        root = leaf("text/plain", text, cs, "quoted-printable", cs_quote=False)
        hs += [("Message-Id", f"<{hexs(r, 8, '0123456789ABCDEF')}0200008F{hexs(r, 4, '0123456789ABCDEF')}@gw.{dom}>"),
               ("X-Mailer", "GroupWise 18.4.2"), ("Date", fmt_date(dt)), ("From", addr(frm, cs)), ("To", to),
               ("Subject", ew(subject, cs, "Q", 9)), ("Mime-Version", "1.0")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
    elif vendor == "zoho":
        root = leaf("text/html", to_html(text, "plainish", lang), "UTF-8", "quoted-printable", cs_quote=False)
        hs += [("Date", fmt_date(dt)), ("From", addr(frm)), ("To", to),
               ("Message-Id", f"<{hexs(r, 16)}.autoreply.{r.randrange(10**8, 10**9)}@zoho.com>"),
               ("Subject", ew(subject, "UTF-8", "B", 9)), ("MIME-Version", "1.0"), ("X-Mailer", "Zoho Mail")]
        if irt_id:
            hs += [("In-Reply-To", irt_id)]
        auto = [("Auto-Submitted", "auto-replied"), ("X-ZohoMail-Autoreply", "true")] if not strip else []
    elif vendor == "outlook_rule":  # an Outlook client-side rule: a normal-looking message
        raw = CLIENTS["outlook"](mid=mid, r=r, dt=dt, lang=lang, box=box, frm=frm, email=email, dom=dom,
                                 subject=subject, text=text, cs=cs, cte=None, html=None, reply=irt, cc=None, to=to,
                                 att=[], hmode=None, xh=extra or [])
        return _add(lang, AUTO, box, raw, "outlook-client-rule", note, mid)
    elif vendor == "helpdesk":  # ticket systems (Zammad, OTRS, Zendesk, Freshdesk...): ``extra`` says which
        root = leaf("text/plain", text, "utf-8", "quoted-printable" if any(ord(c) > 127 for c in text) else "7bit")
        hs += [("From", addr(frm)), ("To", to), ("Subject", ew(subject, "utf-8", "B", 9)),
               ("Date", fmt_date(dt)), ("Message-ID", f"<{int(dt.timestamp())}.{r.randrange(10**4, 10**5)}@{dom}>")]
        if irt_id:
            hs += [("In-Reply-To", irt_id), ("References", irt_id)]
        hs += [("MIME-Version", "1.0")]
    else:
        raise ValueError(vendor)
    hs += auto + list(extra or [])
    raw = message(hs, root, tail=tail)
    return _add(lang, AUTO, box, raw, vendor + ("-stripped" if strip else ""), note, mid)


def MDN(lang, box, style, frm, subject, human_text, *, orig_subject, note=""):
    """Read receipts: multipart/report; report-type=disposition-notification."""
    mid = new_id(lang, AUTO)
    r = rng_for(mid)
    dt = when(mid, lang)
    _name, email = split_addr(frm)
    dom = domain_of(email)
    orig_id = ack_msgid(r)
    text = clean(human_text)
    disp = (f"Reporting-UA: {'Mozilla Thunderbird' if style == 'thunderbird' else 'Microsoft Outlook 16.0'}\r\n"
            f"Final-Recipient: rfc822;{email}\r\nOriginal-Message-ID: {orig_id}\r\n"
            "Disposition: manual-action/MDN-sent-manually; displayed\r\n")
    parts = [leaf("text/plain", text, "UTF-8", "8bit" if style == "thunderbird" else "quoted-printable"),
             Part([("Content-Type", "message/disposition-notification"), ("Content-Disposition", "inline")],
                  disp.encode())]
    b = (f"------------{hexs(r, 24, B64[:62])}" if style == "thunderbird"
         else f"----=_NextPart_000_{hexs(r, 4, '0123456789ABCDEF')}_01DB{hexs(r, 4, '0123456789ABCDEF')}.{hexs(r, 8, '0123456789ABCDEF')}")
    root = multipart("report", parts, b, params="; report-type=disposition-notification")
    hs = delivery_headers(mid, email, box, dt)
    hs += [("From", addr(frm)), ("To", OURS[box]), ("Subject", ew(subject, "UTF-8", "B", 9)), ("Date", fmt_date(dt)),
           ("Message-ID", f"<{_uuid(r)}@{dom}>"), ("In-Reply-To", orig_id), ("References", orig_id),
           ("MIME-Version", "1.0")]
    if style == "thunderbird":
        hs += [("User-Agent", "Mozilla Thunderbird")]
    else:
        hs += [("X-Mailer", "Microsoft Outlook 16.0")]
    return _add(lang, AUTO, box, message(hs, root), "mdn-" + style, note, mid)


# ---------------------------------------------------------------------------
# bounces
# ---------------------------------------------------------------------------

def original(frm, to, subject, body, *, msgid, date, extra=(), cs="utf-8", cte="8bit", raw8=False) -> bytes:
    """The message that bounced, as it left (our ack, a staff reply, a forged spam...)."""
    hs = [("From", frm), ("To", to), ("Subject", subject if raw8 else ew(subject, cs, "B", 9)), ("Date", date),
          ("Message-ID", msgid), ("MIME-Version", "1.0")] + list(extra)
    text = clean(body)
    part = leaf("text/plain", text, cs, cte)
    hs += part.headers
    if raw8:
        head = raw_headers_8bit(hs, cs)
    else:
        head = "".join(f"{k}: {v}\r\n" for k, v in hs).encode()
    return head + b"\r\n" + part.body


def header_block(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[0] + b"\r\n"


def our_ack(box, lang, r, dt, text=None, subject=None, rcpt="someone@example.net"):
    subject = subject or ACK_SUBJECTS.get(lang, ACK_SUBJECTS["en"])
    body = text or ("Thank you for writing to us. Your message has reached the team and a person will read it.\n"
                    "If you are in immediate danger, please also contact people you trust near you.\n")
    team = "Human Rights team" if box == HR else "Emergency team"
    msgid = ack_msgid(r)
    raw = original(f"{team} <{OURS[box]}>", rcpt, subject, body, msgid=msgid,
                   date=fmt_date(dt - timedelta(minutes=r.randrange(1, 30))),
                   extra=[("Auto-Submitted", "auto-replied"), ("In-Reply-To", f"<{hexs(r, 16)}@{rcpt.split('@')[1]}>")])
    return raw, msgid


def BOUNCE(lang, box, vendor, rcpt, orig: bytes, *, status="5.1.1", diag=None, text=None, subject=None,
           reporting=None, headers_only=False, note="", frm=None, remote=None, extra=None):
    mid = new_id(lang, CAT_BOUNCE)
    text = clean(text) if text else None
    r = rng_for(mid)
    dt = when(mid, lang, utc=vendor in ("exchange", "gmail"))
    rdom = rcpt.split("@")[1]
    reporting = reporting or {"postfix": "smtp.example.org", "exim": f"mx.{rdom}", "sendmail": f"mail.{rdom}",
                              "exchange": "AM0PR01MB6450.eurprd01.prod.exchangelabs.com",
                              "gmail": "mx.google.com", "qmail": f"mail.{rdom}", "yahoo": "mta1012.mail.ir2.yahoo.com",
                              "mailru": "mxs.mail.ru", "yandex": "mx.yandex.ru", "qq": "mx3.qq.com",
                              "163": "m12.mail.163.com", "delay": "smtp.example.org",
                              "gateway": f"gw1.{rdom}"}.get(vendor, f"mail.{rdom}")
    remote = remote or f"mx{r.randrange(1, 4)}.{rdom}[{r.randrange(31, 223)}.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(2, 250)}]"
    diag = diag or f"550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table"
    qid = hexs(r, 10, "0123456789ABCDEF")
    arrival = fmt_date(dt - timedelta(minutes=r.randrange(1, 90)))
    # the returned message left shortly before the bounce was written
    head, sep, rest = orig.partition(b"\r\n\r\n")
    head = re.sub(rb"(?m)^Date: [^\r\n]*", b"Date: " + arrival.encode(), head, count=1)
    orig = head + sep + rest
    if vendor == "exchange" and status == "5.1.1" and "5.1.10" in diag:
        status = "5.1.10"
    envelope = "<>"
    # the bounce comes back to whoever sent: our address
    to = OURS[box]
    rfc822 = (Part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")],
                   header_block(orig)) if headers_only else
              Part([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822")], orig))
    hs_in = [("Return-Path", envelope), ("Delivered-To", to)]
    from .shape import received_in
    hs_in += received_in(mid, f"postmaster@{reporting}", box, dt, helo=reporting,
                         ip=f"{r.randrange(31, 223)}.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(2, 250)}")
    auto = [("Auto-Submitted", "auto-replied")]
    if vendor in ("postfix", "delay"):
        delayed = vendor == "delay"
        ntext = text or (
            f"This is the mail system at host {reporting}.\n\n"
            + ("####################################################################\n"
               "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
               "####################################################################\n\n"
               "Your message could not be delivered for more than 4 hour(s).\n"
               "It will be retried until it is 5 day(s) old.\n\n"
               if delayed else
               "I'm sorry to have to inform you that your message could not\n"
               "be delivered to one or more recipients. It's attached below.\n\n")
            + "For further assistance, please send mail to postmaster.\n\n"
              "If you do so, please include this problem report. You can\n"
              "delete your own text from the attached returned message.\n\n"
              "                   The mail system\n\n"
            + f"<{rcpt}>: {'delivery temporarily suspended: ' if delayed else ''}host {remote} said:\n"
              f"    {diag} (in reply to RCPT TO command)\n")
        ds = (f"Reporting-MTA: dns; {reporting}\r\nX-Postfix-Queue-ID: {qid}\r\nX-Postfix-Sender: rfc822; {to}\r\n"
              f"Arrival-Date: {arrival}\r\n\r\nFinal-Recipient: rfc822; {rcpt}\r\nOriginal-Recipient: rfc822;{rcpt}\r\n"
              f"Action: {'delayed' if delayed else 'failed'}\r\nStatus: {status}\r\nRemote-MTA: dns; {remote.split('[')[0]}\r\n"
              f"Diagnostic-Code: smtp; {diag}\r\n" + (f"Will-Retry-Until: {fmt_date(dt + timedelta(days=4))}\r\n" if delayed else ""))
        b = f"{qid}.{int(dt.timestamp())}/{reporting}"
        root = multipart("report", [
            leaf("text/plain", ntext, "us-ascii", "", headers=[("Content-Description", "Notification")]),
            Part([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")], ds.encode()),
            rfc822], b, params="; report-type=delivery-status",
            preamble="This is a MIME-encapsulated message.")
        hs = hs_in + [("Date", fmt_date(dt)), ("From", f"MAILER-DAEMON@{reporting} (Mail Delivery System)"),
                      ("Subject", subject or ("Delayed Mail (still being retried)" if delayed else
                                              "Undelivered Mail Returned to Sender")),
                      ("To", to)] + auto + [("MIME-Version", "1.0")]
        hs += [("Message-Id", f"<{hexs(r, 12, '0123456789ABCDEF')}.{qid}@{reporting}>")]
        raw = message(hs, root)
    elif vendor == "exim":
        body_txt = text or (
            "This message was created automatically by mail delivery software.\n\n"
            "A message that you sent could not be delivered to one or more of its\n"
            "recipients. This is a permanent error. The following address(es) failed:\n\n"
            f"  {rcpt}\n    host {remote.replace('[', ' [')}\n"
            f"    SMTP error from remote mail server after RCPT TO:<{rcpt}>:\n    {diag}\n")
        copy_ = b"\r\n------ This is a copy of the message, including all the headers. ------\r\n\r\n" + orig
        hs = hs_in + [("Received", (f"from mail by {reporting} with local (Exim 4.97)\r\n\tid 1v{hexs(r, 4, B64[:62])}-{hexs(r, 6, B64[:62])}-{hexs(r, 2, B64[:62])}\r\n\tfor {to};"
                                   f" {fmt_date(dt)}")),
                      ("X-Failed-Recipients", rcpt)] + auto + [
            ("From", f"Mail Delivery System <Mailer-Daemon@{reporting}>"), ("To", to),
            ("Content-Type", "text/plain; charset=us-ascii" if not extra else extra[0][1]),
            ("Subject", subject or "Mail delivery failed: returning message to sender"),
            ("Message-Id", f"<E1v{hexs(r, 4, B64[:62])}-{hexs(r, 6, B64[:62])}-{hexs(r, 2, B64[:62])}@{reporting}>"),
            ("Date", fmt_date(dt))]
        body = crlf(body_txt.encode(codec(extra[0][1].split("charset=")[1]) if extra else "ascii")) + copy_
        raw = message(hs) + body
        return _add(lang, CAT_BOUNCE, box, raw, vendor, note, mid)
    elif vendor == "exchange":
        ntext = text or (f"Your message to {rcpt} couldn't be delivered.\n\n{rcpt.split('@')[0]} wasn't found at {rdom}.\n\n"
                         f"{to.split('@')[0]}\nOffice 365\n\n{rcpt.split('@')[0]}\nAction Required\nRecipient\n\n"
                         "Unknown To address\n\nHow to Fix It\nThe address may be misspelled or may not exist. Try one or more of the following:\n"
                         "- Retype the recipient's address, then resend the message\n- If you have the recipient's address in your "
                         "contacts list, delete it and type it again\n\nMore Info for Email Admins\nStatus code: 550 5.1.10\n"
                         f"\nOriginal Message Details\nCreated Date: {arrival}\nSender Address: {to}\nRecipient Address: {rcpt}\n"
                         f"Subject: (see attachment)\n\nError Details\nReported error: {diag}\n"
                         f"DSN generated by: {reporting}\n")
        htm = leaf("text/html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
                                "<body><div style=\"font-family:'Segoe UI',Frutiger,Arial,sans-serif\">"
                   + "".join(f"<p>{line}</p>" for line in ntext.split("\n\n")) + "</div></body></html>", "utf-8",
                   "quoted-printable")
        alt = multipart("alternative", [leaf("text/plain", ntext, "utf-8", "quoted-printable"), htm],
                        f"_000_{hexs(r, 30, '0123456789ABCDEF')}_")
        ds = (f"Reporting-MTA: dns;{reporting}\r\nReceived-From-MTA: dns;{reporting.split('.')[0]}.outlook.office365.com\r\n"
              f"Arrival-Date: {arrival}\r\n\r\nFinal-Recipient: rfc822;{rcpt}\r\nAction: failed\r\nStatus: {status}\r\n"
              f"Diagnostic-Code: smtp;{diag}\r\nX-Display-Name: {rcpt.split('@')[0]}\r\n")
        root = multipart("report", [alt, Part([("Content-Type", "message/delivery-status")], ds.encode()), rfc822],
                         f"_001_{hexs(r, 30, '0123456789ABCDEF')}_", params="; report-type=delivery-status")
        tenant = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e"
        hs = hs_in + [("From", frm or f"Microsoft Outlook <{tenant}@{rdom}>"), ("To", to),
                      ("Date", fmt_date(dt)), ("Content-Language", {"de": "de-DE", "fr": "fr-FR", "es": "es-ES"}.get(lang, "en-US")),
                      ("Message-ID", f"<{_uuid(r)}@{reporting}>"),
                      ("In-Reply-To", _orig_id(orig)), ("References", _orig_id(orig)),
                      ("Thread-Topic", "x"), ("Subject", ew(subject or "Undeliverable: message", "utf-8", "B", 9)),
                      ("Auto-Submitted", "auto-replied"), ("X-MS-Exchange-Message-Is-Ndr", ""),
                      ("X-MS-PublicTrafficType", "Email"), ("MIME-Version", "1.0")]
        hs = [h for h in hs if h[0] != "Thread-Topic"]
        raw = message(hs, root)
    elif vendor == "gmail":
        ntext = text or (f"\n** Address not found **\n\nYour message wasn't delivered to {rcpt} because the address couldn't "
                         "be found, or is unable to receive mail.\n\nLearn more here: https://support.google.com/mail/?p=NoSuchUser\n\n"
                         f"The response from the remote server was:\n{diag}\n")
        htm = leaf("text/html", "<html><head></head><body><table cellpadding=\"0\" cellspacing=\"0\"><tr><td>"
                   + "<br>".join(ntext.strip().split("\n")) + "</td></tr></table></body></html>", "UTF-8", "quoted-printable")
        rel = multipart("related", [multipart("alternative", [leaf("text/plain", ntext, "UTF-8", ""), htm],
                                              "000000000000" + hexs(r, 12))], "000000000000" + hexs(r, 12))
        ds = (f"Reporting-MTA: dns; googlemail.com\r\nArrival-Date: {arrival}\r\n"
              f"X-Original-Message-ID: {_orig_id(orig)}\r\n\r\nFinal-Recipient: rfc822; {rcpt}\r\nAction: failed\r\n"
              f"Status: {status}\r\nRemote-MTA: dns; {remote.split('[')[0]}. ({remote.split('[')[1].rstrip(']')}, the server for the domain {rdom}.)\r\n"
              f"Diagnostic-Code: smtp; {diag}\r\nLast-Attempt-Date: {fmt_date(dt)}\r\n")
        root = multipart("report", [rel, Part([("Content-Type", "message/delivery-status")], ds.encode()), rfc822],
                         "000000000000" + hexs(r, 12), params="; report-type=delivery-status")
        hs = hs_in + [("Received", (f"by 2002:a05:6402:{hexs(r, 4)} with SMTP id {hexs(r, 20, 'abcdefghijklmnopqrstuvwxyz0123456789')};\r\n"
                                   f"        {fmt_date(dt, 'gmail')}")),
                      ("Return-Path", "<>"), ("Auto-Submitted", "auto-replied"),
                      ("Message-ID", f"<{hexs(r, 24)}.{hexs(r, 4)}.{hexs(r, 12)}@mx.google.com>"),
                      ("Date", fmt_date(dt, "gmail")), ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"),
                      ("To", to), ("X-Failed-Recipients", rcpt),
                      ("Subject", subject or "Delivery Status Notification (Failure)"),
                      ("References", _orig_id(orig)), ("In-Reply-To", _orig_id(orig)), ("X-Gm-Message-State", "AOJu0Y"
                       + "".join(r.choice(B64) for _ in range(40))), ("MIME-Version", "1.0")]
        raw = message(hs, root)
    elif vendor == "sendmail":
        ntext = text or (f"The original message was received at {arrival}\nfrom localhost [127.0.0.1]\n\n"
                         f"   ----- The following addresses had permanent fatal errors -----\n<{rcpt}>\n"
                         f"    (reason: {diag.split(' ', 1)[-1]})\n\n   ----- Transcript of session follows -----\n"
                         f"... while talking to {remote.split('[')[0]}.:\n>>> DATA\n<<< {diag}\n550 5.1.1 <{rcpt}>... User unknown\n"
                         "<<< 503 5.0.0 Need RCPT (recipient)\n")
        ds = (f"Reporting-MTA: dns; {reporting}\r\nReceived-From-MTA: DNS; localhost\r\nArrival-Date: {arrival}\r\n\r\n"
              f"Final-Recipient: RFC822; {rcpt}\r\nAction: failed\r\nStatus: {status}\r\nRemote-MTA: DNS; {remote.split('[')[0]}\r\n"
              f"Diagnostic-Code: SMTP; {diag}\r\nLast-Attempt-Date: {fmt_date(dt)}\r\n")
        b = f"{qid}.{int(dt.timestamp())}/{reporting}"
        root = multipart("report", [leaf("text/plain", ntext, "us-ascii", ""),
                                    Part([("Content-Type", "message/delivery-status")], ds.encode()), rfc822], b,
                         params="; report-type=delivery-status", preamble="This is a MIME-encapsulated message")
        hs = hs_in + [("Date", fmt_date(dt)), ("From", f"Mail Delivery Subsystem <MAILER-DAEMON@{reporting}>"),
                      ("Message-Id", f"<{dt:%Y%m%d%H%M}.{qid}@{reporting}>"), ("To", f"<{to}>"), ("MIME-Version", "1.0"),
                      ("Subject", subject or "Returned mail: see transcript for details"), ("Auto-Submitted", "auto-generated (failure)")]
        raw = message(hs, root)
    elif vendor in ("qmail", "yahoo"):
        if vendor == "qmail":
            ntext = text or (f"Hi. This is the qmail-send program at {reporting}.\nI'm afraid I wasn't able to deliver your "
                             "message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't "
                             f"work out.\n\n<{rcpt}>:\n{remote.split('[')[1].rstrip(']')} does not like recipient.\nRemote host "
                             f"said: {diag}\nGiving up on {remote.split('[')[1].rstrip(']')}.\n\n--- Below this line is a copy of the message.\n\n")
            subj, frm_ = subject or "failure notice", f"MAILER-DAEMON@{reporting}"
        else:
            ntext = text or ("Sorry, we were unable to deliver your message to the following address.\n\n"
                             f"<{rcpt}>:\nRemote host said: {diag} [RCPT_TO]\n\n--- Below this line is a copy of the message.\n\n")
            subj, frm_ = subject or "Failure Notice", "MAILER-DAEMON@yahoo.com"
        hs = hs_in + [("Date", fmt_date(dt)), ("From", frm_), ("To", to), ("Subject", subj)]
        if vendor == "yahoo":
            hs += [("Auto-Submitted", "auto-replied"), ("MIME-Version", "1.0"),
                   ("Content-Type", "text/plain; charset=us-ascii")]
        raw = message(hs) + crlf(ntext.encode()) + orig
        return _add(lang, CAT_BOUNCE, box, raw, vendor, note, mid)
    elif vendor in ("mailru", "yandex", "qq", "163", "gateway", "localized"):
        # localized notification + DSN + original; ``text`` and ``subject`` are written per message
        cs = "utf-8" if vendor not in ("qq", "163") else ("gb18030" if vendor == "qq" else "GBK")
        ds = (f"Reporting-MTA: dns; {reporting}\r\nArrival-Date: {arrival}\r\n\r\nFinal-Recipient: rfc822; {rcpt}\r\n"
              f"Action: failed\r\nStatus: {status}\r\nDiagnostic-Code: smtp; {diag}\r\n")
        root = multipart("report", [leaf("text/plain", clean(text), cs, "8bit" if vendor == "yandex" else "base64"),
                                    Part([("Content-Type", "message/delivery-status")], ds.encode()), rfc822],
                         f"{hexs(r, 20)}.{int(dt.timestamp())}", params="; report-type=delivery-status")
        frm_ = frm or {"mailru": "Mail Delivery System <mailer-daemon@corp.mail.ru>",
                       "yandex": "mailer-daemon@yandex.ru", "qq": "PostMaster@qq.com",
                       "163": "Mail Delivery Subsystem <postmaster@163.com>"}.get(vendor, f"postmaster@{reporting}")
        hs = hs_in + [("From", frm_), ("To", to), ("Subject", ew(subject, cs, "B", 9)),
                      ("Date", fmt_date(dt)), ("Message-ID", f"<{hexs(r, 20)}@{reporting}>"), ("MIME-Version", "1.0")]
        hs += [("Auto-Submitted", "auto-replied")] if vendor != "qq" else []
        hs += list(extra or [])
        raw = message(hs, root)
    else:
        raise ValueError(vendor)
    return _add(lang, CAT_BOUNCE, box, raw, vendor, note, mid)


def _orig_id(orig: bytes) -> str:
    for line in header_block(orig).split(b"\r\n"):
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode("ascii", "replace")
    return "<unknown@unknown>"


# ---------------------------------------------------------------------------
# lists, newsletters, notifications
# ---------------------------------------------------------------------------

def LISTMAIL(lang, box, kind, frm, subject, body, *, list_name=None, list_addr=None, cs="UTF-8", html=None,
             footer=None, note="", extra=None, sender_client="gmail"):
    """``kind``: mailman2, mailman3, googlegroups, sympa, listserv (a person's post, distributed);
    mailchimp, sendgrid, brevo, substack, mailerlite, phplist (newsletters); notify (no-reply system mail)."""
    mid = new_id(lang, LIST)
    r = rng_for(mid)
    dt = when(mid, lang)
    _name, email = split_addr(frm)
    dom = domain_of(email)
    text = clean(body)
    to = OURS[box]
    if kind in ("mailman2", "mailman3", "googlegroups", "sympa", "listserv"):
        ldom = list_addr.split("@")[1]
        lname = list_addr.split("@")[0]
        if footer is None:
            footer = {
                "mailman2": f"_______________________________________________\n{list_name} mailing list\n{list_addr}\n"
                            f"https://{ldom}/mailman/listinfo/{lname}\n",
                "mailman3": f"_______________________________________________\n{list_name} mailing list -- {list_addr}\n"
                            f"To unsubscribe send an email to {lname}-leave@{ldom}\n",
                "googlegroups": f"-- \nYou received this message because you are subscribed to the Google Groups \"{list_name}\" group.\n"
                                f"To unsubscribe from this group and stop receiving emails from it, send an email to "
                                f"{lname}+unsubscribe@googlegroups.com.\nTo view this discussion visit "
                                f"https://groups.google.com/d/msgid/{lname}/{hexs(r, 20)}%40mail.gmail.com.\n",
                "sympa": "", "listserv": f"\n############################\n\nTo unsubscribe from the {lname.upper()} list, click the following link:\n"
                                         f"https://{ldom}/scripts/wa-jisc.exe?SUBED1={lname.upper()}&A=1\n",
            }[kind]
        full = text + ("\n" + footer if footer else "")
        cte = "base64" if any(ord(c) > 0x24F for c in full) else ("quoted-printable" if any(ord(c) > 127 for c in full) else "7bit")
        root = leaf("text/plain", full, cs, cte)
        hs = [("Return-Path", f"<{lname}-bounces+{OURS[box].replace('@', '=')}@{ldom}>"), ("Delivered-To", to)]
        from .shape import received_in
        hs += received_in(mid, f"x@{ldom}", box, dt, helo=ldom if kind != "googlegroups" else
                          f"mail-sor-f{r.randrange(40, 99)}.google.com")
        subj_tag = f"[{list_name}] " if kind in ("mailman2", "mailman3", "sympa") and not subject.startswith("[") else ""
        hs += [("From", addr(frm, cs)), ("Date", fmt_date(dt)), ("Message-ID", f"<CA{''.join(r.choice(B64) for _ in range(40))}@mail.gmail.com>"),
               ("Subject", ew(subj_tag + subject, cs, "B", 9)), ("To", list_addr if kind != "listserv" else f"{lname.upper()}@{ldom.upper()}"),
               ("MIME-Version", "1.0")]
        if kind == "mailman2":
            hs += [("X-BeenThere", list_addr), ("X-Mailman-Version", "2.1.39"), ("Precedence", "list"),
                   ("List-Id", f"{list_name} <{lname}.{ldom}>"),
                   ("List-Unsubscribe", f"<https://{ldom}/mailman/options/{lname}>,\r\n <mailto:{lname}-request@{ldom}?subject=unsubscribe>"),
                   ("List-Archive", f"<https://{ldom}/pipermail/{lname}/>"), ("List-Post", f"<mailto:{list_addr}>"),
                   ("List-Help", f"<mailto:{lname}-request@{ldom}?subject=help>"),
                   ("List-Subscribe", f"<https://{ldom}/mailman/listinfo/{lname}>,\r\n <mailto:{lname}-request@{ldom}?subject=subscribe>"),
                   ("Reply-To", list_addr), ("Errors-To", f"{lname}-bounces@{ldom}"), ("Sender", f"\"{list_name}\" <{lname}-bounces@{ldom}>")]
        elif kind == "mailman3":
            h = hexs(r, 32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
            hs += [("Message-ID-Hash", h), ("X-Message-ID-Hash", h), ("X-MailFrom", email),
                   ("X-Mailman-Rule-Misses", ("dmarc-mitigation; no-senders; approved; loop; banned-address; emergency; "
                                             "member-moderation; nonmember-moderation; administrivia; implicit-dest; max-recipients; "
                                             "max-size; news-moderation; no-subject; digests; suspicious-header")),
                   ("X-Mailman-Version", "3.3.9"), ("Precedence", "list"), ("List-Id", f"{list_name} <{lname}.{ldom}>"),
                   ("Archived-At", f"<https://{ldom}/hyperkitty/list/{list_addr}/message/{h}/>"),
                   ("List-Archive", f"<https://{ldom}/hyperkitty/list/{list_addr}/>"),
                   ("List-Help", f"<mailto:{lname}-request@{ldom}?subject=help>"), ("List-Owner", f"<mailto:{lname}-owner@{ldom}>"),
                   ("List-Post", f"<mailto:{list_addr}>"), ("List-Subscribe", f"<mailto:{lname}-join@{ldom}>"),
                   ("List-Unsubscribe", f"<mailto:{lname}-leave@{ldom}>"), ("Reply-To", f"{list_name} <{list_addr}>")]
        elif kind == "googlegroups":
            hs += [("X-Original-Sender", email), ("Precedence", "list"),
                   ("Mailing-list", f"list {list_addr}; contact {lname}+owners@googlegroups.com"),
                   ("List-ID", f"<{lname}.googlegroups.com>"), ("X-Google-Group-Id", str(r.randrange(10**11, 10**12))),
                   ("List-Post", f"<https://groups.google.com/group/{lname}/post>, <mailto:{list_addr}>"),
                   ("List-Help", f"<https://groups.google.com/support/>, <mailto:{lname}+help@googlegroups.com>"),
                   ("List-Archive", f"<https://groups.google.com/group/{lname}"),
                   ("List-Subscribe", f"<https://groups.google.com/group/{lname}/subscribe>, <mailto:{lname}+subscribe@googlegroups.com>"),
                   ("List-Unsubscribe", (f"<mailto:googlegroups-manage+{r.randrange(10**11, 10**12)}+unsubscribe@googlegroups.com>,\r\n"
                                        f" <https://groups.google.com/group/{lname}/subscribe>"))]
        elif kind == "sympa":
            hs += [("X-Loop", list_addr), ("X-Sequence", str(r.randrange(100, 9000))), ("Errors-to", f"{lname}-owner@{ldom}"),
                   ("Precedence", "list"), ("Precedence", "bulk"), ("Sender", f"{lname}-request@{ldom}"),
                   ("X-no-archive", "yes"), ("List-Id", f"<{lname}.{ldom}>"), ("List-Help", f"<mailto:sympa@{ldom}?subject=help>"),
                   ("List-Subscribe", f"<mailto:sympa@{ldom}?subject=subscribe%20{lname}>"),
                   ("List-Unsubscribe", f"<mailto:sympa@{ldom}?subject=unsubscribe%20{lname}>"),
                   ("List-Post", f"<mailto:{list_addr}>"), ("List-Owner", f"<mailto:{lname}-request@{ldom}>")]
        elif kind == "listserv":
            hs += [("Reply-To", addr(frm, cs)), ("Sender", f"{list_name} <{lname.upper()}@{ldom.upper()}>"),
                   ("List-ID", f"<{lname}.{ldom}>"), ("Precedence", "list")]
        hs += list(extra or [])
        raw = message(hs, root)
        return _add(lang, LIST, box, raw, kind, note, mid)

    # newsletters and notifications
    html_body = html or ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
                         "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td align=\"center\">"
                         "<table width=\"600\" style=\"max-width:600px\"><tr><td style=\"font-family:Arial,sans-serif;font-size:15px;"
                         "line-height:1.5;color:#222\"" + (' dir="rtl"' if lang in ('ar', 'fa', 'ur', 'he', 'ckb', 'ps') else '')
                         + ">" + "".join(f"<p>{'<br>'.join(p)}</p>" for p in _paras(text))
                         + f"<img src=\"https://{dom}/o/{hexs(r, 24)}.gif\" width=\"1\" height=\"1\" alt=\"\">"
                         "</td></tr></table></td></tr></table></body></html>")
    cte = "quoted-printable" if not any(ord(c) > 0x24F for c in text) else "base64"
    parts = [leaf("text/plain", text, cs, cte), leaf("text/html", html_body, cs, cte)]
    b = {"mailchimp": f"_----------={hexs(r, 20)}", "sendgrid": hexs(r, 64), "brevo": f"----=_Part_{r.randrange(10**5, 10**6)}",
         "substack": f"--==_mimepart_{hexs(r, 13)}_{r.randrange(10**4, 10**5)}", "mailerlite": f"_=_swift_{hexs(r, 20)}_=_",
         "phplist": f"_=_{hexs(r, 32)}_=_", "notify": f"0000000000{hexs(r, 14)}"}[kind]
    root = multipart("alternative", parts, b)
    hs = delivery_headers(mid, f"bounce-{hexs(r, 10)}@{'mcsv.net' if kind == 'mailchimp' else 'em.' + dom}", box, dt,
                          email=email)
    hs += [dkim(r, dom, "k1")]
    hs += [("From", addr(frm, cs)), ("To", to), ("Subject", ew(subject, cs, "B", 9)), ("Date", fmt_date(dt)),
           ("Message-ID", f"<{hexs(r, 24)}.{r.randrange(10**5, 10**6)}@{'mail' + str(r.randrange(1, 250)) + '.mcsv.net' if kind == 'mailchimp' else dom}>"),
           ("MIME-Version", "1.0")]
    unsub = f"<https://{dom}/unsubscribe?u={hexs(r, 16)}&id={hexs(r, 10)}>"
    if kind == "mailchimp":
        hs += [("X-Mailer", "MailChimp Mailer - **CID" + hexs(r, 20) + "**"), ("X-Campaign", f"mailchimp{hexs(r, 22)}.{hexs(r, 10)}"),
               ("X-campaignid", f"mailchimp{hexs(r, 22)}.{hexs(r, 10)}"), ("X-Report-Abuse", "Please report abuse for this campaign here: https://mailchimp.com/contact/abuse/?u=" + hexs(r, 22)),
               ("X-MC-User", hexs(r, 22)), ("Feedback-ID", f"{r.randrange(10**7, 10**8)}:{r.randrange(10**7, 10**8)}.{r.randrange(10**6, 10**7)}:us21:mc"),
               ("List-ID", f"{hexs(r, 22)}mc list <{hexs(r, 22)}.{r.randrange(10**5, 10**6)}.list-id.mcsv.net>"),
               ("X-Accounttype", "pd"), ("List-Unsubscribe", f"<https://{dom}.us21.list-manage.com/unsubscribe?u={hexs(r, 22)}>, <mailto:unsubscribe-mc.us21_{hexs(r, 22)}@unsubscribe.mailchimpapp.net?subject=unsubscribe>"),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")]
    elif kind == "sendgrid":
        hs += [("X-SG-EID", "".join(r.choice(B64) for _ in range(60))), ("X-SG-ID", "".join(r.choice(B64) for _ in range(40))),
               ("List-Unsubscribe", unsub), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
               ("X-Entity-ID", "".join(r.choice(B64) for _ in range(22)) + "==")]
    elif kind == "brevo":
        hs += [("X-Mailer", "Sendinblue"), ("X-sib-id", "".join(r.choice(B64) for _ in range(40))),
               ("X-CSA-Complaints", "csa-complaints@eco.de"), ("List-Unsubscribe", unsub),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Feedback-ID", f"{r.randrange(10**5, 10**6)}:brevo")]
    elif kind == "substack":
        hs += [("List-Unsubscribe", unsub), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
               ("List-Id", f"<{dom.split('.')[0]}.substack.com>"), ("List-URL", f"<https://{dom.split('.')[0]}.substack.com/>"),
               ("X-Mailgun-Tag", "post"), ("Precedence", "bulk"), ("Feedback-ID", "post-" + str(r.randrange(10**7, 10**8)) + ":cat-post:pub-1:substack")]
    elif kind == "mailerlite":
        hs += [("X-MailerLite-Campaign", str(r.randrange(10**8, 10**9))), ("List-Unsubscribe", unsub),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")]
    elif kind == "phplist":
        hs += [("X-Mailer", "phplist v3.6.15"), ("X-MessageID", str(r.randrange(100, 999))), ("X-ListMember", OURS[box]),
               ("Precedence", "bulk"), ("List-Unsubscribe", unsub)]
    elif kind == "notify":
        hs += list(extra or [])
    if kind != "notify":
        hs += list(extra or [])
    raw = message(hs, root)
    return _add(lang, LIST, box, raw, kind, note, mid)


def _paras(text):
    from .shape import paragraphs
    return paragraphs(text)
