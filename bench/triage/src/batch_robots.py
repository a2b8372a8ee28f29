"""Auto-replies (out of office, vacation, helpdesk receipts, read receipts, challenge-response)."""
from .robots import AR, MDN
from .shape import EM, HR

# Most come back to an acknowledgement of ours; some to a staff reply sent from the
# team address (their subject echoes the case), some to a forward, some to spam
# that forged our address (backscatter).

# --- English -------------------------------------------------------------------

AR("en", HR, "exchange", "Rebecca Thornton <r.thornton@amnesty-example.org>",
   "Automatic reply: Your message to the Human Rights team",
   """
   Thank you for your email. I am out of the office until Monday 16 November with limited access to email.

   For urgent matters relating to the Crisis Response programme please contact crisis@amnesty-example.org.

   Kind regards,
   Rebecca
   """)

AR("en", EM, "exchange", "Legal Aid Desk <legalaid@lawcentre-example.org.uk>",
   "Automatic reply: Re: Our user group coordinator was taken by police",
   """
   Thank you for contacting the Legal Aid Desk. Our office is closed for the public holiday and will reopen on Wednesday.

   If someone has been arrested and needs a lawyer now, call our 24-hour line on +44 20 7946 0000.

   This mailbox is not monitored out of hours.
   """, note="echoes the case subject (an arrest) from a staff reply; still an auto-reply")

AR("en", HR, "exchange", "Dr. Simon Achterberg <s.achterberg@uni-example.edu>",
   "Automatic reply: Research interview request",
   """
   I am on research leave until 1 February 2027 and will be checking email only occasionally. For teaching matters please contact the department office.
   """, strip=True, note="Exchange reply whose auto headers a gateway removed: recognisable by subject only")

AR("en", HR, "exchange2003", "Peter Okonjo <pokonjo@ngo-example.or.ke>",
   "Out of Office AutoReply: Your message to the Human Rights team",
   """
   I am currently out of the office on field mission in Turkana with no connectivity. I will respond to your message on my return on 20 November.

   Peter Okonjo
   Programme Officer
   """)

AR("en", HR, "gmail", "Priya Raman <priya.raman.edits@gmail.com>",
   "Re: Your message to the Human Rights team",
   """
   Hi! I'm travelling until the 12th and checking email rarely. I'll get back to you when I'm back. If it's about the Tamil Wikipedia workshop, please write to the user group list.

   Priya
   """)

AR("en", EM, "lotus", "Jane Mwangi <jane.mwangi@un-example.org>",
   "AUTO: Jane Mwangi is out of the office (returning 17/11/2026)",
   """
   I am out of the office until 17/11/2026.

   I will respond to your message when I return. For urgent protection cases, please contact the duty officer at protection.duty@un-example.org.


   Note: This is an automated response to your message  "Re: Hacked - they are writing to other editors as me" sent on 09/11/2026 14:02:11.

   This is the only notification you will receive while this person is away.
   """)

AR("en", HR, "apple", "Tom Whitaker <tom.whitaker@icloud.com>",
   "Away",
   """
   I'm away from my desk and will reply as soon as I can.
   """, note="iCloud vacation: X-Apple-Action VACATION")

AR("en", HR, "apple", "Grace Liu <grace.liu@me.com>",
   "On leave",
   """
   Hello, I'm on parental leave until January. Please contact my colleague Sam (sam.okafor@example.net) for anything related to the translation project.
   """, strip=True, note="iCloud vacation with only X-Apple-Action (no Auto-Submitted)")

AR("en", EM, "zimbra", "Ahmed Benali <a.benali@univ-example.dz>",
   "Re: emergency contact",
   """
   I am currently away and will have limited access to my emails until 23/11. / Je suis absent et aurai un accès limité à mes courriels jusqu'au 23/11.
   """, orig_subject="emergency contact", note="bilingual en/fr vacation text")

AR("en", HR, "sieve", "Kasia Nowicka <kasia@riseup.example.net>",
   "Auto: Your message to the Human Rights team",
   """
   I'm on holiday without internet until 30 November. Your mail will not be forwarded.
   """)

AR("en", EM, "cpanel", "Bright Future Media <info@brightfuturemedia-example.com>",
   "Thank you for contacting Bright Future Media",
   """
   Thank you for your email! Our team will get back to you within 2 business days.

   For faster service, WhatsApp us on +233 24 000 0000.
   """, note="backscatter: an autoresponder answering a spam that forged our address")

AR("en", HR, "outlook_rule", "Michael Brandt <mbrandt@consulting-example.com>",
   "Out of office - Michael Brandt",
   """
   Hello,

   I am out of the office until 14 November and will have no access to email. For urgent matters please call my mobile.

   Best regards,
   Michael Brandt
   """, note="Outlook client-side rule: no auto-reply headers at all")

AR("en", HR, "helpdesk", "Access Helpline <help@helpline-example.org>",
   "[Ticket #482190] Re: Detention of a Wikimedia contributor - request for support",
   """
   ##- Please type your reply above this line -##

   Your request (482190) has been received and is being reviewed by our support staff.

   To add additional comments, reply to this email.

   ----------------------------------------------

   Human Rights team, Nov 10, 2026, 09:14 UTC

   Dear colleagues, we are forwarding a request concerning a contributor held in pre-trial detention since 28 October. The lawyer asks whether you can help with a technical statement about how edits are made. The next hearing is on 19 November.
   """, extra=[("Auto-Submitted", "auto-generated"), ("X-Mailer", "Zendesk Mailer"),
               ("X-Zendesk-From-Account-Id", "8c1f02a"), ("Precedence", "bulk")],
   note="a partner's helpdesk quoting a staff message about a detention")

AR("en", EM, "helpdesk", "Wikimedia Staff OOO <alice@staff.example.org>",
   "Automatic reply: [EMERGENCY][ar][case 7F3K] اعتقال أخي",
   """
   I am travelling to Wikimania planning meetings until Thursday. The emergency rotation covers my shifts: please page the on-call person.
   """, extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
   note="a staff member's out-of-office answering a forward: staff address and a case tag in the subject, but not a claim")

AR("en", HR, "helpdesk", "Mailbox Guard <noreply@boxguard-example.com>",
   "Please verify your message to d.mensah@ghanamail-example.com",
   """
   Hello,

   d.mensah@ghanamail-example.com is protected by Mailbox Guard. To get your message delivered, please verify that you are a real person by clicking the link below. You only need to do this once.

   https://verify.boxguard-example.com/c/8f3a1e2d

   Your original message: "Your message to the Human Rights team"
   """, extra=[("Auto-Submitted", "auto-replied"), ("X-Mailer", "BoxGuard/4.2")],
   note="challenge-response spam filter")

MDN("en", HR, "outlook", "Samir Q. <samir.q@outlook.com>", "Read: Your message to the Human Rights team",
    """
    Your message

      To: Samir Q.
      Subject: Your message to the Human Rights team
      Sent: Tuesday, 10 November 2026 11:02

    was read on Tuesday, 10 November 2026 11:40.
    """, orig_subject="Your message to the Human Rights team")

AR("en", EM, "helpdesk", "NoReply Support <no-reply@telco-example.ng>",
   "We have received your message [Ref: CX-2026-118842]",
   """
   Dear Customer,

   Thank you for contacting us. This is an automated acknowledgement. A customer care agent will respond within 48 hours.

   Please do not reply to this email.
   """, extra=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "OOF, AutoReply")],
   note="backscatter from a company helpdesk")

# --- German --------------------------------------------------------------------

AR("de", HR, "exchange", "Katharina Lorenz <k.lorenz@stiftung-example.de>",
   "Automatische Antwort: Ihre Nachricht ist eingegangen",
   """
   Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 20.11.2026 nicht im Büro und habe keinen Zugriff auf meine E-Mails. Ihre Nachricht wird nicht weitergeleitet.

   In dringenden Fällen wenden Sie sich bitte an info@stiftung-example.de.

   Mit freundlichen Grüßen
   Katharina Lorenz
   """, cs="utf-8")

AR("de", EM, "lotus", "Hans-Peter Weber <hans-peter.weber@behoerde-example.de>",
   "AUTO: Hans-Peter Weber ist außer Haus. (Rückkehr am 23.11.2026)",
   """
   Ich bin bis 23.11.2026 abwesend.

   Ihre Nachricht wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an die Poststelle.


   Hinweis: Dies ist eine automatische Antwort auf Ihre Nachricht  "Mein Bruder in der Türkei festgenommen" gesendet am 12.11.2026 08:15:02.

   Diese ist die einzige Benachrichtigung, die Sie empfangen werden, während diese Person abwesend ist.
   """, strip=True, note="Lotus/HCL Notes 'AUTO:' subject without Auto-Submitted; echoes an arrest subject")

AR("de", HR, "sieve", "Jens Köhler <jens@koehler-example.de>",
   "Abwesenheitsnotiz",
   """
   Hallo,

   ich bin vom 9. bis 27. November im Urlaub und lese in dieser Zeit keine E-Mails.

   Viele Grüße
   Jens
   """)

MDN("de", HR, "thunderbird", "Katrin Vogel <katrin.vogel@posteo.de>",
    "Lesebestätigung (angezeigt) - Ihre Nachricht ist eingegangen",
    """
    Dies ist eine Empfangsbestätigung für eine Nachricht, die Sie an Katrin Vogel <katrin.vogel@posteo.de> gesendet haben.

    Hinweis: Diese Empfangsbestätigung sagt nur aus, dass die Nachricht angezeigt wurde. Es gibt keine Garantie, dass der Inhalt gelesen oder verstanden wurde.
    """, orig_subject="Ihre Nachricht ist eingegangen")

AR("de", EM, "gmail", "Praxis Dr. Yilmaz <praxis.dr.yilmaz@gmail.com>",
   "Praxisurlaub",
   """
   Sehr geehrte Patientinnen und Patienten,

   unsere Praxis ist vom 16.11. bis 27.11. wegen Urlaub geschlossen. Vertretung: Praxis Dr. Schulz, Hauptstraße 12, Tel. 0341 000000.

   Ihr Praxisteam
   """, note="backscatter to a spam with our address")

# --- French --------------------------------------------------------------------

AR("fr", HR, "exchange", "Isabelle Moreau <isabelle.moreau@fidh-example.org>",
   "Réponse automatique : Nous avons bien reçu votre message",
   """
   Bonjour,

   Je suis en déplacement jusqu'au 18 novembre inclus avec un accès limité à ma messagerie. Pour toute urgence, merci de contacter le secrétariat au +33 1 00 00 00 00.

   Cordialement,
   Isabelle Moreau
   """)

AR("fr", EM, "zimbra", "Moussa Konaté <m.konate@univ-example.ml>",
   "Absence",
   """
   Bonjour,
   Je suis absent du bureau jusqu'au 25 novembre. Je répondrai à votre message dès mon retour.
   Moussa Konaté
   """, orig_subject="Arrestation d'un membre de notre groupe")

AR("fr", HR, "lotus", "Marie Dupont <marie.dupont@collectivite-example.fr>",
   "AUTO : Marie Dupont est absente (retour le 16/11/2026)",
   """
   Je serai absente du 02/11/2026 au 16/11/2026.

   Je répondrai à votre message dès mon retour. En cas d'urgence, contactez le standard.
   """)

AR("fr", HR, "helpdesk", "Support Ligue <support@ligue-droits-example.org>",
   "[Ticket#2026111010000123] Accusé de réception - Menaces répétées suite à mes contributions",
   """
   Bonjour,

   Nous accusons réception de votre demande. Un membre de notre équipe vous répondra dans les meilleurs délais.

   Votre demande :
   > Je vous écris au sujet de menaces que je reçois depuis septembre. Des comptes
   > ont publié ma photo en disant que je suis "une traîtresse à abattre" et que ma
   > famille à Ouagadougou "va payer".

   Ceci est un message automatique, merci de ne pas y répondre.
   """, extra=[("X-OTRS-Loop", "yes"), ("X-Loop", "support@ligue-droits-example.org"),
               ("Auto-Submitted", "auto-replied"), ("Precedence", "bulk")],
   note="OTRS receipt quoting a death threat")

AR("fr", EM, "gmail", "Serge Mbala <serge.mbala.photo@gmail.com>",
   "Re: Arrestation d'un membre de notre groupe",
   """
   Bonjour, je suis en mission sans réseau jusqu'à lundi. Je vous lis à mon retour. Serge
   """, strip=True, note="Gmail vacation answering a staff reply; Auto-Submitted removed by a forwarder")

# --- Spanish -------------------------------------------------------------------

AR("es", HR, "exchange", "Lucía Fernández <lfernandez@ong-example.org.co>",
   "Respuesta automática: Hemos recibido su mensaje",
   """
   Gracias por su mensaje. Estaré fuera de la oficina hasta el 20 de noviembre, con acceso limitado al correo. Para casos urgentes de protección, escriba a proteccion@ong-example.org.co.

   Saludos cordiales,
   Lucía Fernández
   """)

AR("es", EM, "gmail", "Padre Julián Ortega <p.julian.ortega@gmail.com>",
   "Re: Detención de un wikipedista en El Alto",
   """
   Estimado/a: me encuentro de retiro espiritual sin acceso al correo hasta el día 22. Que Dios le bendiga. P. Julián
   """, note="vacation reply echoing a detention subject")

AR("es", HR, "outlook_rule", "Estudio Jurídico Paredes <contacto@estudioparedes-example.pe>",
   "Gracias por escribirnos",
   """
   Estimado cliente:

   Hemos recibido su correo. Nuestro horario de atención es de lunes a viernes de 9:00 a 18:00. Le responderemos a la brevedad.

   Estudio Jurídico Paredes
   """, note="client-side rule reply, no auto headers")

AR("es", EM, "zimbra", "Dirección de Comunicación <comunicacion@alcaldia-example.gob.mx>",
   "Fuera de la oficina",
   """
   Gracias por su correo. Me encuentro de vacaciones del 9 al 20 de noviembre. Para asuntos urgentes comuníquese con la Lic. Martínez, ext. 204.
   """)

# --- Portuguese ----------------------------------------------------------------

AR("pt", HR, "exchange", "Ana Beatriz Souza <ana.souza@defensoria-example.br>",
   "Resposta automática: Recebemos a sua mensagem",
   """
   Prezados,

   Estou em férias até 23/11/2026. Para assuntos urgentes, favor contatar o plantão pelo e-mail plantao@defensoria-example.br.

   Atenciosamente,
   Ana Beatriz
   """)

AR("pt", EM, "gmail", "Carlos Mendes <carlos.mendes.foto@gmail.com>",
   "Férias",
   """
   Olá! Estou de férias até dia 15 e com pouco acesso à internet. Respondo assim que voltar. Abraço, Carlos
   """)

AR("pt", HR, "cpanel", "Loja Bela Vida <contato@lojabelavida-example.com.br>",
   "Recebemos seu e-mail!",
   """
   Olá! Obrigado por entrar em contato com a Loja Bela Vida. Responderemos em até 24 horas úteis.
   Aproveite: 10% de desconto com o cupom BELAVIDA10!
   """, note="backscatter")

# --- Italian -------------------------------------------------------------------

AR("it", HR, "exchange", "Giulia Romano <g.romano@comune-example.it>",
   "Risposta automatica: Abbiamo ricevuto il tuo messaggio",
   """
   Sarò assente dall'ufficio fino al 18 novembre. Per questioni urgenti contattare segreteria@comune-example.it.
   Cordiali saluti
   """)

AR("it", EM, "lotus", "Marco Bianchi <marco.bianchi@banca-example.it>",
   "AUTO: Marco Bianchi è fuori ufficio (rientro il 20/11/2026)",
   """
   Sarò fuori ufficio dal 06/11/2026 al 20/11/2026 con accesso limitato alla posta.

   Risponderò al tuo messaggio al mio rientro.
   """)

# --- Russian -------------------------------------------------------------------

AR("ru", HR, "exchange", "Ирина Соколова <i.sokolova@memorial-example.org>",
   "Автоматический ответ: Ваше сообщение получено",
   """
   Здравствуйте! Я в отпуске до 23 ноября, доступ к почте ограничен. По срочным вопросам обращайтесь к Андрею: a.petrov@memorial-example.org.
   """)

AR("ru", EM, "yandex", "Дмитрий Орлов <d.orlov@yandex.ru>",
   "Re: Задержали брата",
   """
   Добрый день! Я в командировке до 20.11 и отвечаю на письма с задержкой. Спасибо за понимание.
   """, orig_subject="Задержали брата", note="Yandex autoreply echoing an arrest subject")

AR("ru", HR, "mailru", "Светлана <svetlana.k1980@mail.ru>",
   "Автоответ: Ваше сообщение получено",
   """
   Спасибо за письмо! Сейчас я в отпуске и не могу ответить. Вернусь 25 ноября.
   """)

AR("ru", EM, "sieve", "Фонд помощи <help@fond-example.ru>",
   "Автоответ",
   """
   Здравствуйте!
   Ваше письмо получено. Мы отвечаем в рабочие дни с 10 до 18 по московскому времени.
   Если вам или вашим близким угрожает опасность, звоните 112.
   """, note="contains 'danger' advice but is an autoreply")

# --- Ukrainian, Polish, Czech, Dutch, Swedish, Hungarian -------------------------

AR("uk", HR, "exchange", "Олена Литвин <o.lytvyn@zmina-example.org.ua>",
   "Автоматична відповідь: Ваше повідомлення отримано",
   """
   Дякую за лист. Я у відрядженні до 19 листопада з обмеженим доступом до пошти. Термінові питання: office@zmina-example.org.ua.
   """)

AR("pl", HR, "exchange", "Anna Wiśniewska <a.wisniewska@hfhr-example.pl>",
   "Automatyczna odpowiedź: Twoja wiadomość do zespołu",
   """
   Dzień dobry, jestem na urlopie do 20 listopada. W pilnych sprawach proszę o kontakt z sekretariatem.
   """)

AR("pl", EM, "zimbra", "Piotr Zając <p.zajac@uw-example.edu.pl>",
   "Nieobecność",
   """
   Jestem nieobecny do 16.11.2026 r. Odpowiem po powrocie.
   """)

AR("cs", HR, "exchange", "Jana Dvořáková <jana.dvorakova@clovekvtisni-example.cz>",
   "Automatická odpověď: Vaše zpráva",
   """
   Dobrý den, do 20. 11. jsem mimo kancelář. V naléhavých případech pište na info@clovekvtisni-example.cz.
   """)

AR("nl", HR, "exchange", "Sophie Jansen <s.jansen@ngo-example.nl>",
   "Automatisch antwoord: Uw bericht aan het team",
   """
   Dank voor uw bericht. Ik ben afwezig tot en met 17 november en lees mijn e-mail niet. Voor dringende zaken kunt u contact opnemen met mijn collega Joris (j.bakker@ngo-example.nl).
   """)

AR("nl", EM, "gmail", "Wouter de Boer <wouterdeboer.nl@gmail.com>",
   "Afwezig",
   """
   Hoi, ik ben op vakantie tot 24 november. Groetjes, Wouter
   """)

AR("sv", HR, "exchange", "Karin Eriksson <karin.eriksson@civilrights-example.se>",
   "Automatiskt svar: Ditt meddelande",
   """
   Hej! Jag är tjänstledig till och med 30 november. Vid brådskande ärenden, kontakta kansliet.
   """)

AR("hu", HR, "exchange", "Kiss Zsófia <kiss.zsofia@tasz-example.hu>",
   "Automatikus válasz: Üzenete megérkezett",
   """
   Köszönöm a levelét. November 18-ig szabadságon vagyok, a leveleimet nem olvasom. Sürgős ügyben kérem, keresse a titkárságot.
   """)

# --- Balkans, Greek, Turkish, Romanian -----------------------------------------

AR("tr", HR, "exchange", "Selin Öztürk <selin.ozturk@ihd-example.org.tr>",
   "Otomatik yanıt: Mesajınız alındı",
   """
   Merhaba, 20 Kasım'a kadar izindeyim. Acil durumlarda lütfen merkez@ihd-example.org.tr adresine yazınız.
   """)

AR("tr", EM, "yandex", "Avukat Cem Arslan <av.cemarslan@yandex.com.tr>",
   "Re: Gönüllümüz tutuklandı",
   """
   Sayın ilgili, duruşmalar nedeniyle 18 Kasım'a kadar e-postalarıma geç dönüş yapacağım. Acil durumlarda büroyu arayınız: 0212 000 00 00.
   """, orig_subject="Gönüllümüz tutuklandı")

AR("el", HR, "exchange", "Ελένη Παππά <e.pappa@hlhr-example.gr>",
   "Αυτόματη απάντηση: Το μήνυμά σας",
   """
   Καλησπέρα σας, θα απουσιάζω από το γραφείο έως τις 20 Νοεμβρίου. Για επείγοντα θέματα επικοινωνήστε με τη γραμματεία.
   """)

AR("ro", HR, "exchange", "Elena Ionescu <elena.ionescu@apador-example.ro>",
   "Răspuns automat: Mesajul dumneavoastră",
   """
   Bună ziua, sunt în concediu până pe 20 noiembrie. Pentru urgențe, vă rog să scrieți la office@apador-example.ro.
   """)

AR("bg", HR, "exchange", "Мария Иванова <m.ivanova@bhc-example.bg>",
   "Автоматичен отговор: Вашето съобщение",
   """
   Здравейте, в отпуск съм до 19 ноември. За спешни въпроси се обърнете към офиса.
   """)

AR("hr", HR, "exchange", "Ivana Kovač <ivana.kovac@cms-example.hr>",
   "Automatski odgovor: Vaša poruka",
   """
   Poštovani, odsutna sam do 18. studenog. Za hitne slučajeve javite se na info@cms-example.hr.
   """)

AR("sr", EM, "gmail", "Милан Петровић <milan.petrovic.bg@gmail.com>",
   "Одсутан",
   """
   Здраво, на годишњем одмору сам до 22. новембра. Поздрав, Милан
   """)

# --- Middle East ---------------------------------------------------------------

AR("ar", HR, "exchange", "مكتب المحاماة <info@lawfirm-example.jo>",
   "رد تلقائي: تم استلام رسالتك",
   """
   شكراً لتواصلكم معنا. المكتب مغلق حتى يوم الأحد بسبب العطلة الرسمية. للحالات العاجلة يرجى الاتصال على الرقم 0790000000.
   """)

AR("ar", EM, "gmail", "سلمى يوسف <salma.youssef.cairo@gmail.com>",
   "Re: اختفاء محرر في ويكيبيديا",
   """
   أهلاً، أنا في إجازة حتى ٢٠ نوفمبر ولن أتمكن من الرد على الرسائل. شكراً لتفهمكم.
   """, note="vacation reply echoing a disappearance subject")

AR("fa", HR, "gmail", "Shirin Ebadi-Rad <shirin.rad.law@gmail.com>",
   "پاسخ خودکار: پیام شما دریافت شد",
   """
   سلام، تا پانزدهم آذر در سفر هستم و دسترسی محدودی به ایمیل دارم. در موارد فوری با دفتر تماس بگیرید.
   """, strip=True, note="subject-only: a forwarder removed Auto-Submitted")

AR("he", HR, "exchange", "רותם אברהם <rotem.a@acri-example.org.il>",
   "תשובה אוטומטית: ההודעה שלך התקבלה",
   """
   שלום, אני מחוץ למשרד עד 19 בנובמבר. בעניינים דחופים אפשר לפנות לקו הסיוע.
   """)

# --- East and South-East Asia --------------------------------------------------

AR("zh", HR, "qq", "王老师 <2034881126@qq.com>",
   "自动回复: 我们已收到您的来信",
   """
   这是来自QQ邮箱的假期自动回复邮件。

   您好，我最近正在休假中，无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。
   """, note="QQ Mail vacation reply: subject and body only, no auto headers")

AR("zh", EM, "163", "陈经理 <chen_manager@163.com>",
   "自动回复：出差中",
   """
   您好！我正在出差，11月20日返回，期间邮件回复可能不及时，急事请致电。谢谢！
   """)

AR("zh", HR, "exchange", "刘芳 <liu.fang@ngo-example.org.hk>",
   "自動回覆: 我們已收到您的來信",
   """
   多謝您的來信。本人將於11月18日前休假，期間未能查閱電郵。如有急事，請聯絡辦公室。
   """)

AR("ja", HR, "exchange", "佐々木 恵 <m.sasaki@hrn-example.or.jp>",
   "自動応答: メッセージを受け付けました",
   """
   お問い合わせありがとうございます。11月16日まで不在にしております。ご不便をおかけしますが、戻り次第ご連絡いたします。
   """)

AR("ja", EM, "helpdesk", "株式会社サンプル お客様窓口 <support@sample-example.co.jp>",
   "【自動返信】お問い合わせを受け付けました",
   """
   ※本メールは送信専用アドレスから自動送信しています。

   この度はお問い合わせいただき、誠にありがとうございます。
   内容を確認のうえ、3営業日以内に担当者よりご連絡いたします。

   株式会社サンプル お客様窓口
   """, extra=[("Auto-Submitted", "auto-generated")], note="backscatter")

AR("ko", HR, "exchange", "김지원 <jiwon.kim@pil-example.or.kr>",
   "자동 회신: 메시지가 접수되었습니다",
   """
   안녕하세요. 11월 20일까지 휴가 중입니다. 급한 일은 사무국으로 연락 주시기 바랍니다.
   """)

AR("vi", HR, "gmail", "Nguyễn Văn Long <long.nguyen.luatsu@gmail.com>",
   "Trả lời tự động: Re: Anh trai tôi bị bắt",
   """
   Cảm ơn bạn đã gửi email. Tôi đang đi công tác đến ngày 20/11 và sẽ trả lời sau khi trở về.
   """, note="echoes an arrest subject")

AR("id", HR, "exchange", "Rina Wulandari <rina.w@kontras-example.or.id>",
   "Balasan otomatis: Pesan Anda",
   """
   Terima kasih atas email Anda. Saya sedang cuti sampai 19 November. Untuk hal mendesak silakan hubungi sekretariat.
   """)

AR("th", HR, "exchange", "สุดา วงศ์ใหญ่ <suda.w@tlhr-example.org>",
   "ตอบกลับอัตโนมัติ: ข้อความของคุณ",
   """
   ขอบคุณสำหรับอีเมล ดิฉันลาพักร้อนถึงวันที่ 20 พฤศจิกายน หากมีเรื่องด่วนกรุณาติดต่อสำนักงาน
   """)

# --- South Asia, Africa, Central Asia ------------------------------------------

AR("hi", HR, "gmail", "Advocate Meera Iyer <meera.iyer.law@gmail.com>",
   "Out of office / कार्यालय से बाहर",
   """
   Thank you for your mail. I am in court till 18 November and will respond after that.
   आपके ईमेल के लिए धन्यवाद। मैं 18 नवंबर तक अदालत में हूँ, उसके बाद उत्तर दूँगी।
   """, note="bilingual en/hi vacation reply")

AR("sw", EM, "gmail", "Dkt. Salma Juma <salma.juma.tz@gmail.com>",
   "Nipo likizo",
   """
   Habari, nipo likizoni hadi tarehe 25 Novemba. Kwa mambo ya dharura wasiliana na ofisi. Asante.
   """)

AR("kk", HR, "mailru", "Гүлнар Омарова <gulnar.omarova@mail.kz>",
   "Автожауап: Ваше сообщение получено",
   """
   Сәлеметсіз бе! Мен 20 қарашаға дейін демалыстамын. Шұғыл мәселелер бойынша кеңсеге хабарласыңыз.
   """)

AR("uz", EM, "exchange", "Shahnoza Yusupova <sh.yusupova@ngo-example.uz>",
   "Avtomatik javob: Xabaringiz qabul qilindi",
   """
   Assalomu alaykum! Men 18-noyabrgacha ta'tildaman. Shoshilinch masalalar bo'yicha ofisga murojaat qiling.
   """)

AR("az", HR, "yandex", "Rəşad Əliyev <rashad.aliyev@yandex.ru>",
   "Avtocavab",
   """
   Salam! 20 noyabra qədər məzuniyyətdəyəm. Təcili hallarda ofisə zəng edin.
   """)

AR("ka", HR, "gmail", "ნანა ლომიძე <nana.lomidze.law@gmail.com>",
   "ავტომატური პასუხი",
   """
   გამარჯობა, 20 ნოემბრამდე შვებულებაში ვარ. სასწრაფო საკითხებზე დარეკეთ ოფისში.
   """)

MDN("es", EM, "outlook", "Fundación Voces Libres <contacto@voceslibres-bo.org>",
    "Leído: Hemos recibido su mensaje",
    """
    Su mensaje

      Para: Fundación Voces Libres
      Asunto: Hemos recibido su mensaje
      Enviado: martes, 10 de noviembre de 2026 16:20

    se leyó el martes, 10 de noviembre de 2026 16:45.
    """, orig_subject="Hemos recibido su mensaje")

MDN("fr", HR, "thunderbird", "Claire Dumont <claire.dumont@laposte.net>",
    "Accusé de réception (affiché) - Nous avons bien reçu votre message",
    """
    Ceci est un accusé de réception pour le courrier que vous avez envoyé à Claire Dumont <claire.dumont@laposte.net>.

    Note : cet accusé de réception indique seulement que le message a été affiché sur l'ordinateur du destinataire. Il n'y a aucune garantie que le destinataire a lu ou compris le contenu du message.
    """, orig_subject="Nous avons bien reçu votre message")
