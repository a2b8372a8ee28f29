"""Bounces, mailing lists, newsletters, system notifications."""
from datetime import UTC, datetime, timedelta

from .robots import ACK_SUBJECTS, BOUNCE, LISTMAIL, original
from .shape import EM, HR, OURS, fmt_date, hexs, rng_for

_n = [0]


def _stamp():
    _n[0] += 1
    r = rng_for(f"orig/{_n[0]}")
    dt = datetime(2026, 11, 2, tzinfo=UTC) + timedelta(minutes=r.randrange(0, 18000))
    return r, dt


def ack(box, lang, rcpt, subject=None, text=None):
    """One of our acknowledgements, as it left."""
    r, dt = _stamp()
    team = "Human Rights team" if box == HR else "Emergency team"
    body = text or {
        "en": "Thank you for writing to us. Your message has reached the team and a person will read it.\n"
              "If you are in immediate danger, please also contact people you trust near you.\n",
        "es": "Gracias por escribirnos. Su mensaje ha llegado al equipo y una persona lo leerá.\n",
        "fr": "Merci de nous avoir écrit. Votre message est bien arrivé et une personne va le lire.\n",
        "ru": "Спасибо, что написали нам. Ваше сообщение получено, его прочитает человек из команды.\n",
        "ar": "شكراً لتواصلك معنا. وصلت رسالتك إلى الفريق وسيقرؤها شخص من الفريق.\n",
        "tr": "Bize yazdığınız için teşekkürler. Mesajınız ekibe ulaştı, bir kişi okuyacak.\n",
        "zh": "感谢您的来信。您的消息已送达团队，会有人阅读。\n",
        "pt": "Obrigado por nos escrever. A sua mensagem chegou à equipa e uma pessoa vai lê-la.\n",
        "de": "Danke für Ihre Nachricht. Sie ist beim Team angekommen und wird von einem Menschen gelesen.\n",
        "fa": "از اینکه برای ما نوشتید سپاسگزاریم. پیام شما به تیم رسید و یک نفر آن را خواهد خواند.\n",
    }.get(lang, "Thank you for writing to us. Your message has reached the team.\n")
    return original(f"{team} <{OURS[box]}>", rcpt, subject or ACK_SUBJECTS.get(lang, ACK_SUBJECTS["en"]), body,
                    msgid=f"<ack.{hexs(r, 20)}@mailrouter.example.org>", date=fmt_date(dt),
                    extra=[("Auto-Submitted", "auto-replied"), ("In-Reply-To", f"<{hexs(r, 16)}@{rcpt.split('@')[1]}>")])


def staff_reply(box, rcpt, subject, body, cs="utf-8"):
    """A staff member answering from the team address (a shared mailbox), quoting the sender."""
    r, dt = _stamp()
    team = "Human Rights team" if box == HR else "Emergency team"
    return original(f"{team} <{OURS[box]}>", rcpt, subject, body, msgid=f"<{hexs(r, 12)}.{hexs(r, 8)}@example.org>",
                    date=fmt_date(dt), cs=cs, extra=[("In-Reply-To", f"<{hexs(r, 20)}@mail.gmail.com>"),
                                                     ("User-Agent", "Mozilla Thunderbird")])


def forged(box, rcpt, subject, body, cs="utf-8", raw8=False):
    """Spam that forged our address as its sender (the bounce is backscatter)."""
    r, dt = _stamp()
    return original(f"\"Support\" <{OURS[box]}>", rcpt, subject, body, msgid=f"<{hexs(r, 30)}@{OURS[box].split('@')[1]}>",
                    date=fmt_date(dt), cs=cs, raw8=raw8, extra=[("X-Mailer", "Microsoft Outlook Express 6.00.2600.0000")])


# ---------------------------------------------------------------------------
# bounces
# ---------------------------------------------------------------------------

BOUNCE("en", HR, "postfix", "mensah.daniel@ghanamail-example.com", ack(HR, "en", "mensah.daniel@ghanamail-example.com"),
       diag="550 5.1.1 <mensah.daniel@ghanamail-example.com>: Recipient address rejected: User unknown in virtual mailbox table",
       note="our acknowledgement bounced (typo in the sender's Reply-To)")

BOUNCE("en", EM, "postfix", "joyce.w@kenya-example.co.ke", ack(EM, "en", "joyce.w@kenya-example.co.ke"), status="5.2.2",
       diag="552 5.2.2 <joyce.w@kenya-example.co.ke>: Mailbox full", headers_only=True)

BOUNCE("en", HR, "postfix", "r.haddad@riseup-example.net",
       staff_reply(HR, "r.haddad@riseup-example.net", "Re: Threats after the militia article - need advice on what to do", """
       Dear R.,

       Thank you for writing to us, and we are sorry for what you are going through. We take the note under your door and the
       questions at your relative's shop very seriously. Could you tell us if you have a safe place to stay for the next days?
       We can talk by Signal if that is easier.

       On 21/10/2026 14:12, R. Haddad wrote:
       > Since then:
       > - On 14 October a Facebook account posted my real name and the sentence "this dog will be
       > slaughtered like a sheep" under a post sharing the article.
       > - On 20 October somebody left a note under the door of my flat. It said "We read what you
       > wrote. We know where you sleep."
       """), diag="550 5.1.2 <r.haddad@riseup-example.net>: Recipient address rejected: Domain not found",
       note="a staff reply bounced: the returned text quotes a death threat, the bounce itself is robot mail")

BOUNCE("en", EM, "postfix", "info@brightfuturemedia-example.com",
       forged(EM, "info@brightfuturemedia-example.com", "Claim your $500 reward now", """
       Congratulations! You have been selected to receive a $500 gift card. Click here to claim: http://gift-claim.example.top/r?id=9912
       """), status="5.7.1", diag="550 5.7.1 Message rejected as spam by Content Filtering.",
       note="backscatter of spam that forged our address")

BOUNCE("en", HR, "delay", "helena.varga@posteo-example.net", ack(HR, "en", "helena.varga@posteo-example.net"), status="4.4.1",
       diag="451 4.4.1 connect to mx.posteo-example.net[185.67.36.66]:25: Connection timed out", headers_only=True,
       note="delay notice (DSN Action: delayed), not a failure")

BOUNCE("en", EM, "delay", "farrukh.editathon@yahoo.com", ack(EM, "en", "farrukh.editathon@yahoo.com"), status="4.7.0",
       diag="421 4.7.0 [TSS04] Messages from 203.0.113.25 temporarily deferred due to unexpected volume or user complaints",
       remote="mta7.am0.yahoodns.net[67.195.204.72]", headers_only=True)

BOUNCE("en", HR, "exim", "tomas.r@hotmail-example.com", ack(HR, "en", "tomas.r@hotmail-example.com"),
       diag="550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)")

BOUNCE("en", EM, "exim", "c.okafor@ngmail-example.com",
       staff_reply(EM, "c.okafor@ngmail-example.com", "Re: please help me", """
       Dear Chinedu,

       We received your message. Please stay where you are safe tonight. Can you send us a number where we can reach you by
       WhatsApp or Signal? We are contacting a partner organisation in your state.

       > Two men came to my house this night asking my neighbour for "the one who writes on wikipedia
       > about the governor". They had guns.
       """), diag="550 5.1.1 <c.okafor@ngmail-example.com>... User unknown",
       note="a staff reply to an emergency bounced; its quoted text describes armed men")

BOUNCE("ru", HR, "exim", "ivanova.olga@mail-example.ru",
       forged(HR, "ivanova.olga@mail-example.ru", "Ваш заказ N 48213 подтверждён", """
       Здравствуйте! Ваш заказ подтверждён. Для отслеживания перейдите по ссылке: http://track-example.top/48213
       """, cs="koi8-r", raw8=True), diag="550 5.7.1 Rejected: SPF check failed",
       note="Exim bounce whose copy of the message carries raw 8-bit KOI8-R headers (backscatter)")

BOUNCE("en", HR, "exchange", "j.moreno@lawfirm-example.com", ack(HR, "en", "j.moreno@lawfirm-example.com"),
       subject="Undeliverable: Your message to the Human Rights team",
       diag="550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")

BOUNCE("de", HR, "exchange", "l.hoffmann@kita-example.de", ack(HR, "de", "l.hoffmann@kita-example.de"),
       subject="Unzustellbar: Ihre Nachricht ist eingegangen",
       text="""
       Ihre Nachricht an l.hoffmann@kita-example.de konnte nicht zugestellt werden.

       l.hoffmann wurde bei kita-example.de nicht gefunden.

       Aktion erforderlich
       Empfänger

       Unbekannte An-Adresse

       Wie behebe ich das Problem?
       Die Adresse ist möglicherweise falsch geschrieben oder existiert nicht. Versuchen Sie Folgendes:
       - Geben Sie die E-Mail-Adresse des Empfängers erneut ein, und senden Sie die Nachricht nochmals.

       Weitere Informationen für E-Mail-Administratoren
       Statuscode: 550 5.1.10
       """, diag="550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")

BOUNCE("fr", EM, "exchange", "secretariat@ong-example.cd",
       staff_reply(EM, "secretariat@ong-example.cd", "Re: menace de mort - urgent", """
       Bonjour, nous transmettons le cas de JB (menaces de mort à Goma) à votre équipe de protection, avec son accord.
       """), subject="Non remis : Re: menace de mort - urgent",
       text="""
       Votre message à secretariat@ong-example.cd n'a pas pu être remis.

       La boîte aux lettres de secretariat est pleine.

       Action requise
       Destinataire

       Boîte aux lettres du destinataire pleine

       Comment résoudre le problème
       Essayez de renvoyer le message plus tard, ou contactez le destinataire par un autre moyen.
       """, status="5.2.2", diag="554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException",
       note="French NDR of a staff reply whose subject says death threat")

BOUNCE("es", HR, "exchange", "contacto@voceslibres-example.bo", ack(HR, "es", "contacto@voceslibres-example.bo"),
       subject="No se puede entregar: Hemos recibido su mensaje",
       text="""
       Su mensaje para contacto@voceslibres-example.bo no se pudo entregar.

       No se encontró contacto en voceslibres-example.bo.

       Se requiere una acción
       Destinatario

       Dirección Para desconocida
       """, diag="550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")

BOUNCE("ru", EM, "exchange", "office@ngo-example.ru", ack(EM, "ru", "office@ngo-example.ru"),
       subject="Недоставлено: Ваше сообщение получено",
       text="""
       Не удалось доставить ваше сообщение для office@ngo-example.ru.

       Сервер получателя отклонил сообщение.

       Требуется действие
       Получатель

       Доставка заблокирована
       """, status="5.7.1", diag="550 5.7.1 Service unavailable, Client host [203.0.113.25] blocked using Spamhaus")

BOUNCE("en", HR, "gmail", "priya.edits.old@gmail.com", ack(HR, "en", "priya.edits.old@gmail.com"),
       diag="550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the "
            "recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser")

BOUNCE("en", EM, "gmail", "kofi.asante.gh@gmail.com", ack(EM, "en", "kofi.asante.gh@gmail.com"), status="4.2.2",
       text="""
       ** Message not delivered **

       Your message couldn't be delivered to kofi.asante.gh@gmail.com because the recipient's inbox is out of storage space.

       Learn more here: https://support.google.com/mail/?p=OverQuotaTemp

       The response from the remote server was:
       452-4.2.2 The recipient's inbox is out of storage space and inactive.
       """, diag="452-4.2.2 The recipient's inbox is out of storage space and inactive.")

BOUNCE("en", HR, "gmail", "admin@smallngo-example.org", ack(HR, "en", "admin@smallngo-example.org"), status="5.7.26",
       text="""
       ** Message blocked **

       Your message to admin@smallngo-example.org has been blocked. See technical details below for more information.

       The response from the remote server was:
       550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy.
       """, diag="550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy.")

BOUNCE("en", HR, "sendmail", "m.ellison@oldisp-example.co.uk", ack(HR, "en", "m.ellison@oldisp-example.co.uk"))

BOUNCE("en", EM, "qmail", "webmaster@village-example.in",
       forged(EM, "webmaster@village-example.in", "SEO services for your website", """
       Hello, I can put your website on the first page of Google. Reply for a price list.
       """), diag="550 5.1.1 mailbox does not exist")

BOUNCE("en", HR, "yahoo", "amara.b1990.old@yahoo.com", ack(HR, "en", "amara.b1990.old@yahoo.com"),
       diag="554 delivery error: dd This user doesn't have a yahoo.com account (amara.b1990.old@yahoo.com) [0] - mta1012.mail.ir2.yahoo.com")

BOUNCE("en", EM, "sendmail", "helpdesk@isp-example.ng", ack(EM, "en", "helpdesk@isp-example.ng"),
       status="5.0.0", diag="550 5.0.0 Relaying denied. Proper authentication required.")

BOUNCE("ru", HR, "mailru", "n.vetrova.old@bk.ru", ack(HR, "ru", "n.vetrova.old@bk.ru"),
       subject="Mail delivery failed: returning message to sender",
       text="""
       Это письмо создано автоматически сервером Mail.Ru, отвечать на него не нужно.

       К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям:

       n.vetrova.old@bk.ru
       message rejected: mailbox is disabled

       Рекомендуем Вам проверить корректность указания адресов получателей.
       """, diag="550 Message was not accepted -- mailbox is disabled")

BOUNCE("ru", EM, "yandex", "zarema.old@yandex.ru", ack(EM, "ru", "zarema.old@yandex.ru"),
       subject="Недоставленное сообщение",
       text="""
       Это сообщение сгенерировано автоматически.

       Ваше письмо не удалось доставить по следующим адресам:

       <zarema.old@yandex.ru>: Ящик получателя заблокирован.

       This is the mail system at host mx.yandex.ru.
       I'm sorry to have to inform you that your message could not be delivered to one or more recipients.
       """, status="5.2.1", diag="550 5.2.1 Mailbox is frozen")

BOUNCE("zh", HR, "qq", "2290038712@qq.com", ack(HR, "zh", "2290038712@qq.com"),
       subject="退信: 我们已收到您的来信",
       text="""
       很抱歉您发送的邮件被退回，以下是该邮件的相关信息：

       被退回的邮件：我们已收到您的来信
       收件人：2290038712@qq.com
       退信原因：收件人邮箱空间不足

       建议解决方案：请联系收件人清理邮箱后重新发送。
       """, status="5.2.2", diag="550 Mailbox is full")

BOUNCE("zh", EM, "163", "chen_manager_old@163.com", ack(EM, "zh", "chen_manager_old@163.com"),
       subject="系统退信",
       text="""
       您好！
       这是163邮件系统的自动退信。很遗憾，您发送的邮件无法投递到以下收件人：

       chen_manager_old@163.com
       原因：收件人不存在

       请检查收件人地址是否正确。
       """, diag="550 User not found: chen_manager_old@163.com")

BOUNCE("en", HR, "gateway", "info@partner-example.org",
       staff_reply(HR, "info@partner-example.org", "Re: Coordinated harassment since August", """
       Hello, we would like to refer an editor who has been harassed by a group of accounts since August. With his consent,
       here is a summary: around 40 emails, a subreddit post with his photos, calls to his employer.
       """), subject="Message blocked: Re: Coordinated harassment since August",
       text="""
       Your message was blocked by the recipient's email security gateway.

       Reason: Message content violates organisation policy (attachment or link reputation).
       Reference: MCF-2026-11-09-7719

       If you believe this is in error, please contact the recipient by other means.

       Mimecast-style notification, please do not reply.
       """, status="5.7.1", diag="550 5.7.1 Rejected by content policy",
       frm="Postmaster <postmaster@gw1.partner-example.org>", note="security-gateway rejection notice")

BOUNCE("tr", HR, "localized", "av.mehmet.old@ttmail-example.com", ack(HR, "tr", "av.mehmet.old@ttmail-example.com"),
       subject="İletilemedi: Mesajınız alındı",
       text="""
       Bu ileti otomatik olarak oluşturulmuştur.

       Gönderdiğiniz e-posta aşağıdaki alıcıya iletilemedi:

       av.mehmet.old@ttmail-example.com
       Sebep: Alıcı adresi bulunamadı.
       """, diag="550 5.1.1 user unknown", frm="Posta Sistemi <mailer-daemon@ttmail-example.com>")

BOUNCE("pt", EM, "localized", "tiago.old@uol-example.com.br", ack(EM, "pt", "tiago.old@uol-example.com.br"),
       subject="Mensagem não entregue",
       text="""
       Esta é uma mensagem automática do sistema de e-mail.

       Não foi possível entregar sua mensagem para tiago.old@uol-example.com.br.
       Motivo: a caixa postal do destinatário está desativada.
       """, diag="550 5.2.1 mailbox disabled", frm="Sistema de Entrega <mailer-daemon@uol-example.com.br>")

BOUNCE("ar", HR, "localized", "info@lawfirm-example.jo", ack(HR, "ar", "info@lawfirm-example.jo"),
       subject="تعذر التسليم: تم استلام رسالتك",
       text="""
       تعذّر تسليم رسالتك إلى info@lawfirm-example.jo.

       لم يتم العثور على المستلم في lawfirm-example.jo.

       الإجراء المطلوب: تحقق من عنوان البريد الإلكتروني وأعد الإرسال.
       """, diag="550 5.1.10 RESOLVER.ADR.RecipientNotFound", frm="Microsoft Outlook <postmaster@lawfirm-example.jo>")

BOUNCE("ja", HR, "localized", "tanaka.old@example-isp.ne.jp", ack(HR, "ja", "tanaka.old@example-isp.ne.jp"),
       subject="配信不能: メッセージを受け付けました",
       text="""
       次の受信者へのメッセージの配信に失敗しました:

       tanaka.old@example-isp.ne.jp
       宛先のメールアドレスが見つかりませんでした。アドレスを確認してもう一度送信してください。
       """, diag="550 5.1.1 unknown user", frm="postmaster@example-isp.ne.jp")

BOUNCE("fa", HR, "localized", "reza.k1368.old@yahoo.com", ack(HR, "fa", "reza.k1368.old@yahoo.com"),
       subject="Delivery Status Notification (Failure) / ناموفق در تحویل",
       text="""
       پیام شما به reza.k1368.old@yahoo.com تحویل داده نشد.
       Your message could not be delivered to reza.k1368.old@yahoo.com.
       """, diag="554 delivery error: dd Not a valid recipient", frm="MAILER-DAEMON@yahoo.com")

BOUNCE("en", HR, "postfix", "forwarder@university-example.edu",
       ack(HR, "en", "forwarder@university-example.edu"), status="5.7.1",
       diag="554 5.7.1 <forwarder@university-example.edu>: Relay access denied", headers_only=True)

BOUNCE("es", EM, "postfix", "yusmary.old@cantv-example.net", ack(EM, "es", "yusmary.old@cantv-example.net"),
       status="5.4.4", diag="Host or domain name not found. Name service error for name=cantv-example.net type=A: Host not found",
       text="""
       This is the mail system at host smtp.example.org.

       I'm sorry to have to inform you that your message could not
       be delivered to one or more recipients. It's attached below.

       For further assistance, please send mail to postmaster.

       If you do so, please include this problem report. You can
       delete your own text from the attached returned message.

                          The mail system

       <yusmary.old@cantv-example.net>: Host or domain name not found. Name service error
           for name=cantv-example.net type=A: Host not found
       """)

BOUNCE("en", EM, "exim", "noreply@ticketing-example.com", ack(EM, "en", "noreply@ticketing-example.com"),
       diag="550 This mailbox does not accept incoming mail",
       note="our ack reached a no-reply address and bounced")

BOUNCE("de", HR, "postfix", "m.brandt@webde-example.de", ack(HR, "de", "m.brandt@webde-example.de"),
       text="""
       This is the mail system at host smtp.example.org.

       I'm sorry to have to inform you that your message could not
       be delivered to one or more recipients. It's attached below.

                          The mail system

       <m.brandt@webde-example.de>: host mx-ha03.webde-example.de[212.227.17.8] said:
           550 Requested action not taken: mailbox unavailable / Postfach nicht vorhanden
           (in reply to RCPT TO command)
       """, diag="550 Requested action not taken: mailbox unavailable / Postfach nicht vorhanden")

BOUNCE("en", HR, "yahoo", "mariana.costa.old@aol.com", ack(HR, "en", "mariana.costa.old@aol.com"),
       text="""
       Sorry, we were unable to deliver your message to the following address.

       <mariana.costa.old@aol.com>:
       554: delivery error: dd Requested mail action aborted - mta4003.aol.mail.gq1.yahoo.com

       --- Below this line is a copy of the message.

       """, diag="554 delivery error")

# ---------------------------------------------------------------------------
# mailing lists (a person's post, distributed by the list)
# ---------------------------------------------------------------------------

LISTMAIL("en", HR, "mailman3", "Sam Okafor <sam.okafor@example.net>", "Statement on the arrest of a Wikimedian",
         """
         Dear all,

         Many of you will have heard that a long-time contributor from our region was arrested last week. The user group
         board has prepared a short statement of support (draft below) and we would welcome comments until Friday.

         Please do not post the person's real name or username on this list; the family asked us to be careful.

         Draft:
         "We are deeply concerned about the detention of a member of our community, who has contributed in good faith to
         Wikipedia for more than ten years. We call for their immediate release..."

         Best,
         Sam
         """, list_name="Wikimedia-l", list_addr="wikimedia-l@lists.wikimedia-example.org",
         note="a list post about an arrest, received because our address is subscribed: list mail, not a report")

LISTMAIL("en", EM, "mailman3", "Lena Fischer <lena.f@example.net>", "Re: Tech News: 2026-46",
         """
         Thanks for the summary. One question about the new login notifications: will they also be sent for bot passwords?

         Lena

         On Mon, 9 Nov 2026 at 18:03, Tech News <technews@example.net> wrote:
         > Latest tech news from the Wikimedia technical community.
         """, list_name="Wikitech-l", list_addr="wikitech-l@lists.wikimedia-example.org")

LISTMAIL("en", HR, "mailman2", "Digital Defenders Network <coord@ddn-example.org>", "Monthly digital security clinic - 19 November",
         """
         Hello everyone,

         Our monthly open clinic takes place on 19 November at 14:00 UTC. Topics this month: securing Telegram accounts
         after device seizure, and what to do when police ask for phone passwords at a checkpoint.

         Register: https://ddn-example.org/clinic

         Cheers,
         The DDN coordination team
         """, list_name="DDN-announce", list_addr="announce@lists.ddn-example.org")

LISTMAIL("es", HR, "mailman2", "Coordinación Wikimedistas <coord@wikimedistas-example.org>", "Reunión mensual y novedades",
         """
         Hola a todas y todos:

         La reunión mensual será el jueves a las 19:00 (hora de Ciudad de México). Temas: el editatón de mujeres
         indígenas, el presupuesto 2027 y el protocolo de seguridad para eventos.

         Un abrazo,
         Coordinación
         """, list_name="Wikimedistas-MX", list_addr="wikimedistas-mx@lists.wikimedistas-example.org")

LISTMAIL("fr", HR, "sympa", "Réseau Droits Numériques <contact@rdn-example.fr>", "[rdn-info] Lettre d'information - novembre",
         """
         Bonjour à toutes et à tous,

         Au sommaire ce mois-ci : la condamnation d'un blogueur au Sénégal, le nouveau guide sur la sécurité des
         téléphones, et notre campagne pour la libération des journalistes détenus.

         Bonne lecture,
         L'équipe RDN
         """, list_name="rdn-info", list_addr="rdn-info@listes.rdn-example.fr",
         note="newsletter-like list mail about detained journalists")

LISTMAIL("ru", HR, "mailman2", "Сообщество участников <community@wm-ru-example.org>", "Новости сообщества за октябрь",
         """
         Коллеги, добрый день!

         В октябре прошли две онлайн-встречи, вики-марафон по истории регионов и семинар по безопасности.
         Напоминаем: не публикуйте в рассылке личные данные участников.

         С уважением,
         координаторы
         """, list_name="wm-ru", list_addr="wm-ru@lists.wm-ru-example.org")

LISTMAIL("pt", EM, "googlegroups", "Wikimedistas Lusófonos <noreply-groups@example.net>", "Convite: encontro online sábado",
         """
         Olá pessoal! Neste sábado teremos encontro online às 15h (Brasília) para falar do concurso de fotografia.
         Link da sala no site do grupo. Até lá!
         """, list_name="Wikimedistas Lusófonos", list_addr="wikimedistas-lusofonos@googlegroups.com")

LISTMAIL("id", HR, "googlegroups", "Relawan Wiki <relawan.wiki@gmail.com>", "[relawan-wiki] Laporan kegiatan bulan Oktober",
         """
         Halo teman-teman, terlampir laporan kegiatan bulan Oktober: 3 lokakarya menulis, 1 kunjungan ke perpustakaan daerah.
         Terima kasih atas kerja kerasnya!
         """, list_name="relawan-wiki", list_addr="relawan-wiki@googlegroups.com")

LISTMAIL("ar", HR, "googlegroups", "مجموعة ويكيميديين العرب <arab.wikimedians@gmail.com>", "تذكير: اجتماع المجموعة الشهري",
         """
         مرحباً بالجميع، نذكّركم بالاجتماع الشهري يوم الخميس القادم الساعة ٨ مساءً بتوقيت القاهرة. جدول الأعمال في صفحة المجموعة.
         """, list_name="Arab Wikimedians", list_addr="arab-wikimedians@googlegroups.com")

LISTMAIL("en", HR, "listserv", "Prof. K. Anand <k.anand@univ-example.ac.in>", "CFP: Workshop on Online Harassment Research",
         """
         Call for papers: Workshop on Online Harassment Research, co-located with the conference in March 2027.
         Topics include doxing, coordinated harassment campaigns, and safety tools for volunteer communities.
         Deadline: 15 December 2026.
         """, list_name="CYBERSAFETY-L", list_addr="cybersafety-l@listserv.univ-example.ac.in",
         note="an academic list post full of safety words")

# ---------------------------------------------------------------------------
# newsletters and system notifications
# ---------------------------------------------------------------------------

LISTMAIL("en", HR, "mailchimp", "Frontline Voices <news@frontlinevoices-example.org>", "Urgent action: three human rights defenders detained",
         """
         URGENT ACTION

         Three human rights defenders were detained on 3 November after a peaceful protest. They have not been allowed
         to see a lawyer and their families fear they may be tortured.

         Write to the authorities today: our template letter takes two minutes.

         Take action -> https://frontlinevoices-example.org/act/3hrd

         You are receiving this email because you signed up at frontlinevoices-example.org.
         Unsubscribe | Update preferences
         """, note="campaign newsletter about detentions and torture: bulk mail")

LISTMAIL("es", EM, "mailchimp", "Boletín Libertad de Prensa <boletin@libertadprensa-example.org>", "Boletín semanal: periodistas amenazados en la región",
         """
         Esta semana: dos periodistas recibieron amenazas de muerte en Guerrero, un fotógrafo fue detenido en Managua y
         presentamos nuestra guía de autoprotección.

         Leer el boletín completo en la web.

         Recibes este correo porque te suscribiste a nuestro boletín. Darse de baja.
         """, note="newsletter to the emergency address with death-threat words")

LISTMAIL("fr", HR, "brevo", "Observatoire des libertés <infolettre@observatoire-example.org>", "Infolettre n°112",
         """
         Dans ce numéro : le procès des militants de Niamey reporté, rapport sur la surveillance des réseaux sociaux,
         et agenda des formations de décembre.

         Se désinscrire
         """)

LISTMAIL("ru", HR, "mailerlite", "Хроника преследований <digest@chronicle-example.org>", "Еженедельный дайджест: задержания и обыски",
         """
         За неделю: 14 задержаний на акциях, 6 обысков у журналистов, новое дело о «фейках» против блогера из Перми.
         Подробности — на сайте.

         Вы получили это письмо, потому что подписаны на рассылку. Отписаться.
         """, note="a digest about arrests and searches: bulk mail")

LISTMAIL("en", EM, "substack", "The Open Knowledge Letter <openknowledge@substack-example.com>", "Why Wikipedia editors are being targeted",
         """
         This week I spoke to four Wikipedia editors who were doxed, harassed or arrested for their edits. Their stories
         show a pattern...

         Read on the web. You're a free subscriber. Upgrade to paid.
         """)

LISTMAIL("tr", HR, "phplist", "İnsan Hakları Bülteni <bulten@ihb-example.org.tr>", "Haftalık bülten: gözaltılar ve davalar",
         """
         Bu hafta: İstanbul'da 23 gözaltı, gazetecilere açılan yeni davalar ve ifade özgürlüğü raporumuz.
         Bültenden çıkmak için tıklayın.
         """)

LISTMAIL("de", HR, "brevo", "Netzwerk Digitale Sicherheit <newsletter@nds-example.de>", "Newsletter November: Doxing erkennen und abwehren",
         """
         Liebe Leserinnen und Leser,

         im November geht es um Doxing: Welche Daten über Sie im Netz stehen, wie Sie Melderegistersperren beantragen
         und was tun, wenn Ihre Adresse veröffentlicht wurde.

         Newsletter abbestellen
         """)

LISTMAIL("zh", HR, "sendgrid", "数字安全通讯 <news@digisafe-example.org>", "本月通讯：如何应对被\"开盒\"",
         """
         本期内容：被开盒后的应对步骤、手机被查时如何保护账号、翻墙工具评测。
         退订请点击此处。
         """, note="newsletter with doxing slang")

LISTMAIL("en", HR, "notify", "Google <no-reply@accounts.google.com>", "Security alert",
         """
         A new sign-in on Windows

         talktohumanrights@example.org
         We noticed a new sign-in to your Google Account on a Windows device. If this was you, you don't need to do
         anything. If not, we'll help you secure your account.

         Check activity

         You can also see security activity at https://myaccount.google.com/notifications
         You received this email to let you know about important changes to your Google Account and services.
         """, extra=[("X-Notifications", "GAMMA:<abc123.ace-0@notifications.google.com>"),
                     ("Feedback-ID", "P-10-0:C20060867:M110136315-en:gamma")],
         note="a real system alert about our own account: automatic, lowest level")

LISTMAIL("en", EM, "notify", "Wikipedia <wiki@wikimedia-example.org>", "Wikipedia page User talk:Example has been changed by Vandal1234",
         """
         Dear Emergency team,

         The Wikipedia page User talk:Example has been changed on 10 November 2026 by Vandal1234, see
         https://en.wikipedia.example.org/wiki/User_talk:Example for the current revision.

         Editor's summary: you will die

         Contact the editor: mail: https://en.wikipedia.example.org/wiki/Special:EmailUser/Vandal1234

         There will be no other notifications in case of further activity unless you visit this page while logged in.

         Your friendly Wikipedia notification system
         """, extra=[("X-Mailer", "MediaWiki mailer"), ("Auto-Submitted", "auto-generated"),
                     ("List-Unsubscribe", "<https://en.wikipedia.example.org/wiki/Special:Preferences>")],
         note="a MediaWiki watchlist notification whose edit summary is a threat: system mail")

LISTMAIL("en", HR, "notify", "Phabricator <no-reply@phabricator.wikimedia-example.org>", "[Maniphest] [Created] T362211: Login notifications not sent for bot passwords",
         """
         Sam created this task.

         TASK DESCRIPTION
         Login notifications are not sent when a bot password is used from a new IP.

         TASK DETAIL
         https://phabricator.wikimedia-example.org/T362211
         """, extra=[("X-Phabricator-Sent-This-Message", "Yes"), ("X-Phabricator-Mail-Tags", "<maniphest-created>"),
                     ("Precedence", "bulk"), ("Auto-Submitted", "auto-generated")])

LISTMAIL("en", EM, "notify", "GitHub <notifications@github.com>", "[wikimedia/safety-tools] New issue: crash when importing keys (#412)",
         """
         New issue opened by dev-user:

         Importing a key with an expired subkey crashes the tool.

         Reply to this email directly, view it on GitHub, or unsubscribe.
         """, extra=[("X-GitHub-Reason", "subscribed"), ("X-GitHub-Sender", "dev-user"), ("Precedence", "list"),
                     ("List-ID", "wikimedia/safety-tools <safety-tools.wikimedia.github.com>"),
                     ("List-Unsubscribe", "<mailto:unsub+AB12CD@reply.github.com>")])

LISTMAIL("en", HR, "notify", "X <info@x-example.com>", "Someone mentioned you in a post",
         """
         @humanrights_team, you were mentioned:
         "@humanrights_team my friend was arrested for editing, please help!!"

         View post

         You received this because you have notifications turned on. Manage notifications.
         """, extra=[("X-Twitter-Notification", "mention"), ("Precedence", "bulk")],
         note="a social network notification quoting an arrest: automatic (staff see it, nobody is paged)")

LISTMAIL("ar", HR, "notify", "Facebook <notification@facebookmail-example.com>", "لديك إشعار جديد",
         """
         علّق أحمد على منشور تمت الإشارة إليك فيه: "يجب محاسبة من يكتب هذه الأكاذيب".

         عرض التعليق

         تم إرسال هذه الرسالة إلى talktohumanrights@example.org. إذا كنت لا ترغب في تلقي هذه الرسائل، يُرجى إلغاء الاشتراك.
         """, extra=[("X-Facebook-Notify", "comment; mailid=abc123"), ("Precedence", "bulk"),
                     ("List-Unsubscribe", "<https://www.facebook-example.com/o.php?k=abc>")])

LISTMAIL("es", HR, "notify", "Google Alerts <googlealerts-noreply@google.com>", "Alerta de Google: wikipedista detenido",
         """
         Alerta de Google: wikipedista detenido

         NOTICIAS

         Detienen a editor de Wikipedia tras publicar datos sobre desaparecidos
         Diario Regional - Un colaborador de la enciclopedia fue detenido el martes por la fiscalía...

         Marcar como no relevante
         Recibes este correo porque te suscribiste a Alertas de Google. Cancelar suscripción.
         """, extra=[("X-Google-Alert", "yes"), ("List-Unsubscribe", "<https://www.google.com/alerts/remove?s=abc>")],
         note="a Google Alert about an arrest: automatic")

LISTMAIL("ru", HR, "notify", "ВКонтакте <admin@notify.vk-example.com>", "Новое сообщение",
         """
         У вас новое сообщение от пользователя Иван.

         Чтобы прочитать сообщение, перейдите по ссылке.

         Это автоматическое уведомление. Не отвечайте на это письмо.
         """, extra=[("Precedence", "bulk"), ("X-VK-Notify", "message")])

LISTMAIL("en", EM, "notify", "Zoom <no-reply@zoom-example.us>", "Cloud Recording - Safety team sync is now available",
         """
         Hi Emergency team,

         Your cloud recording is now available.

         Topic: Safety team sync
         Date: Nov 10, 2026 02:00 PM UTC

         Share recording with viewers.
         """, extra=[("Auto-Submitted", "auto-generated")])

LISTMAIL("en", HR, "notify", "Microsoft account team <account-security-noreply@accountprotection.microsoft-example.com>", "Microsoft account security code",
         """
         Please use the following security code for the Microsoft account ta*****@example.org.

         Security code: 482913

         If you don't recognise the Microsoft account ta*****@example.org, you can click here to remove your email address from that account.

         Thanks,
         The Microsoft account team
         """)

LISTMAIL("ja", HR, "notify", "LINE <no-reply@line-example.me>", "LINEアカウントに新しい端末からログインがありました",
         """
         LINEアカウントに新しい端末からログインがありました。

         ログイン日時：2026/11/10 21:14
         お心当たりがない場合は、パスワードを変更してください。

         ※このメールは送信専用です。
         """)

LISTMAIL("pt", EM, "notify", "Correios Rastreamento <nao-responda@correios-example.com.br>", "Seu objeto saiu para entrega",
         """
         Olá! Seu objeto BR123456789XX saiu para entrega ao destinatário.
         Acompanhe em nosso site.
         Esta é uma mensagem automática, não responda.
         """, note="a legitimate no-reply notice (cf. the parcel phishing in spam)")

LISTMAIL("en", HR, "mailchimp", "Wikimedia Community Newsletter <newsletter@wikimedia-example.org>", "This month in the movement: grants, Wikimania, safety",
         """
         Hi there,

         This month: new rapid grants, the Wikimania 2027 call for proposals, and a reminder about the digital safety
         clinics run by the Human Rights team.

         Read more on Diff.

         Unsubscribe from this list.
         """)
