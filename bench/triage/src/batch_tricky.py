"""Person-written mail in awkward shapes: forwards, quoted replies, misleading subjects, very short or long."""
from .clients import P
from .robots import original
from .shape import EM, HR, A, C, D, H, M, Q, S, T, V

# A threat forwarded "as attachment" by Outlook: the original keeps its raw 8-bit headers.
_threat = original("\"Ansar\" <ansar.haq.2026@mail-example.com>", "rhaddad@riseup.net", "رسالة لك", """
أنت تكتب الأكاذيب عن المجاهدين. نعرف عنوانك في الحي الشرقي ونعرف سيارتك البيضاء.
هذا آخر تحذير. في المرة القادمة لن نكتب.
""", msgid="<20261103191200.7731@mail-example.com>", date="Tue, 3 Nov 2026 19:12:00 +0300", raw8=True)

P("en", T, HR, "outlook", "R. Haddad <rhaddad@riseup.net>", "FW: the message I received last night",
  """
  Hello again,

  This is the email I mentioned in my first message. It came last night from an address I don't know. It says (my translation): "You write lies about the mujahideen. We know your address in the eastern quarter and we know your white car. This is the last warning. Next time we will not write."

  I am staying with a friend now.

  R.
  """, att=[("رسالة لك.eml", "message/rfc822", _threat)], note="forward as attachment with raw 8-bit Arabic headers")

P("en", A, EM, "gmail", "Hamid Noori <hamid.noori.af@gmail.com>", "Out of office - cannot go home",
  """
  Sorry for the strange subject, I took it from my work email. I am not in my office and cannot go home because the intelligence came yesterday to my office in Mazar and took my colleague Farid who uploads photos to Commons with me. They asked for me also. Farid is still with them. I am hiding in another house.

  Please tell me what to do.
  Hamid
  """, note="person-written, with an out-of-office-like subject")

P("en", T, EM, "iphone", "Musa <musa.k.wiki@icloud.com>", "help",
  """
  they are outside my door now. 3 men. please

  Sent from my iPhone
  """, note="very short")

P("fa", T, EM, "gmail", "ناشناس <nashenas.tehran@gmail.com>", "",
  """
  سلام. دو ماشین از صبح جلوی خانه‌ام ایستاده‌اند و امروز کسی زنگ زد گفت «امشب نوبت توست». من در ویکی‌پدیا درباره‌ی اعدام‌ها نوشته‌ام. کمک کنید.
  """, note="empty subject")

P("ru", D, HR, "yandex", "Ольга Смирнова <olga.smirnova.wiki@ya.ru>", "Re: Ваше сообщение получено",
  """
  Здравствуйте ещё раз,

  спасибо за ответ. Пишу, что изменилось за неделю, по порядку:

  1) 4 ноября пост в канале "Предатели Родины" переслали ещё три канала, общее число просмотров больше 300 тысяч.
  2) 6 ноября в подъезде моего дома (адрес там был указан полностью, с номером квартиры) на двери кто-то написал маркером "здесь живёт предательница".
  3) 7 ноября мне на работу позвонили и спросили, "знает ли начальство, что у них работает иноагент". Начальник вызвал меня на разговор.
  4) 8 ноября в чате родителей класса моей дочери кто-то выложил скриншот поста, где видно название школы и её фото.
  5) Вчера на мой номер пришло около сорока звонков с незнакомых номеров, ночью тоже.

  Жалобы в Telegram я отправила на все посты, ответа нет. В полицию ходила, заявление не приняли, сказали "это интернет, мы не можем".

  Мы пока живём у мамы, дочь не ходит в школу. Что ещё можно сделать? Можете ли вы как-то помочь удалить посты или связаться с Telegram?

  Ольга

  > Спасибо, что написали нам. Ваше сообщение получено, его прочитает человек из команды.
  """, reply=True, note="long follow-up with a timeline, quoting our acknowledgement")

P("en", H, HR, "thunderbird", "Ewa Lindgren <ewa.lindgren@riseup.net>", "Harassment report (signed)",
  """
  -----BEGIN PGP SIGNED MESSAGE-----
  Hash: SHA256

  Hello,

  I am signing this message so you can check it is me. For six weeks a person who was banned from our local chapter has been sending me messages on every platform, including to my work address, calling me a liar and saying he will "expose" me. Yesterday he posted a long text about me on a forum, with my old address (I have moved since, thankfully).

  I have kept all the messages. I would like advice and, if possible, a contact at Trust & Safety.

  Ewa
  -----BEGIN PGP SIGNATURE-----

  iHUEARYIAB0WIQTexampleexampleexampleexampleFAmcx0aEACgkQexample
  exampleexampleexampleexampleexampleexampleexampleexampleAQDexample
  exampleexampleexampleexampleexample=
  =AbCd
  -----END PGP SIGNATURE-----
  """, note="inline PGP clearsigned")

P("es", T, EM, "owa", "Ingrid Salazar <ingrid.salazar@outlook.com>", "Amenaza - necesito ayuda hoy",
  """
  Hola,

  Esta mañana encontré una corona fúnebre en la puerta de mi casa con mi nombre escrito. En mi ciudad eso es una amenaza de muerte. La semana pasada publiqué en Wikipedia la lista de líderes sociales asesinados en mi municipio, con fuentes de la Defensoría.

  Estoy con mis dos hijos. No sé si irme hoy mismo.

  Ingrid
  """, html="only", note="HTML-only from Outlook on the web")

P("en", A, HR, "gmail", "Sara Qureshi <sara.qureshi.uk@gmail.com>", "Fwd: my cousin in Lahore",
  """
  Hi, my cousin sent me this on WhatsApp this morning, I'm forwarding because she can't use email safely. She edits Urdu Wikipedia. Translation below.

  ---------- Forwarded message ---------
  "باجی، کل رات ایف آئی اے والے آئے تھے، ابو کو لے گئے ہیں کیونکہ میرا لیپ ٹاپ ان کے نام پر ہے۔ کہتے ہیں جب تک میں خود پیش نہیں ہوتی ابو کو نہیں چھوڑیں گے۔ میں کیا کروں؟"

  My translation: "Sister, last night the FIA came and took my father because my laptop is registered in his name. They say they will not release him until I present myself. What should I do?"

  Sara
  """, note="English wrapper around a forwarded Urdu message")

P("ar", A, EM, "samsung", "Yassine <yassine.tn.wiki@gmail.com>", "urgent arrestation",
  """
  bonsoir, صاحبي اللي يكتب معانا في ويكيبيديا تشد اليوم في تونس العاصمة، البوليس خذاولو التليفون والبيسي. on ne sait pas où il est maintenant. المحامي قال ينجم يقعد 48 ساعة garde à vue. عاونونا عافاكم
  """, note="Tunisian Arabic mixed with French")

P("tr", T, HR, "gmail", "Zeynep <zeynep.viki@gmail.com>", "Re: Mesajınız alındı",
  """
  Cevabınız için teşekkürler. Bugün tehditler daha da arttı, bu sefer annemin telefonuna "kızına söyle, yazmaya devam ederse cenazesini kaldırırsınız" diye mesaj gelmiş. Annem çok korktu. Artık evde kalamıyoruz.

  Zeynep

  Human Rights team <talktohumanrights@example.org> şunu yazdı (10 Kas 2026 Sal 14:20):
  > Bize yazdığınız için teşekkürler. Mesajınız ekibe ulaştı, bir kişi okuyacak.
  """, reply=True)

P("en", T, HR, "gmail", "Wikimedians of Somewhere <wm.somewhere.ug@gmail.com>", "Threats against our members - also sent to emergency@",
  """
  Dear both teams,

  Writing to both addresses because we are not sure which is right. Since Sunday, three members of our user group have received the same message by SMS: "We know who you are. Wikipedia will not protect you. You will be buried with your lies." One of them was followed home by a motorbike yesterday.

  We have cancelled our meetup on Saturday.

  For the board,
  Esther
  """, to="talktohumanrights@example.org, emergency@example.org", note="sent to both addresses; this is the human-rights copy")

P("zh", T, EM, "iphone", "阿杰 <ajie.wiki@icloud.com>", "截图",
  """
  看附件，这是今天收到的。他们知道我住哪。

  从我的 iPhone 发送
  """, att=[("IMG_4471.PNG", "image/png", 2600)], note="one line and a screenshot")

P("en", S, HR, "gmail", "Jonah <jonah.editing@gmail.com>", "thank you for everything",
  """
  Hi,

  I wanted to say thank you to the people who helped me last year. I've written letters to my parents and my sister and I've given my laptop and my books to a friend. I've made sure my admin tools are handed over so nobody has a problem after I'm gone. It's fine now, I feel calm about it.

  Please pass my thanks to the community.

  Jonah
  """, note="self-harm without any explicit word for it")

P("en", H, EM, "gmail", "Lucy Park <lucy.park.wp@gmail.com>", "not an emergency but",
  """
  Hi, I know this is the emergency address and this isn't life or death, sorry. A group of accounts keeps posting my photos with sexual comments on a forum and emailing them to my colleagues. It's been going on since the summer and I don't know where else to go.

  Lucy
  """, note="person writes 'not an emergency': by the policy, person-written mail to emergency@ that describes harm is critical")

P("de", M, EM, "gmx", "Klaus Hartmann <k.hartmann@gmx.de>", "DRINGEND!!! Vandalismus",
  """
  DRINGEND!!!

  Seit heute früh ändert ein unbekannter Benutzer ständig den Artikel über unseren Fußballverein und schreibt Beleidigungen über unseren Trainer hinein. Bitte sperren Sie den sofort, das ist ein Notfall, am Wochenende ist das Derby!!!

  Klaus Hartmann
  Vorsitzender
  """, note="urgent wording, but a content dispute: misuse of the emergency address")

P("en", Q, HR, "owa", "Daniel Asefa <daniel.asefa@outlook.com>", "Counselling after detention",
  """
  Hello,

  I was detained for eleven days in 2023 because of my Wikipedia edits, and I was released without charge. I have been living abroad since last year and I am safe. I read that you may be able to recommend counselling for people in my situation. I still have nightmares. Could you tell me how this works and whether it is available in Amharic?

  Thank you,
  Daniel
  """, note="mentions a past detention; the question is about counselling")

P("en", V, HR, "gmail", "Amina Yusuf <amina.yusuf.wiki@gmail.com>", "what to do if I am arrested",
  """
  Hello,

  Nothing has happened to me, but several journalists in my city were arrested this year and I edit similar topics. If I am arrested, what should I do about my Wikipedia account? Should I give the password if they ask? Is there someone my family can contact?

  Thanks,
  Amina
  """, note="an advice question full of arrest words")

P("pt", M, EM, "gmail", "Ricardo Alves <ricardo.alves.br@gmail.com>", "URGENTE - ameaça de processo",
  """
  Boa tarde, sou assessor de um vereador. A página dele na Wikipédia tem informações falsas sobre um processo. Se não for retirado hoje, vamos entrar com ação judicial contra a Wikipédia e contra os editores. Aguardo retorno urgente.
  """, note="legal threat by a subject of an article: misuse")

P("ar", C, HR, "iphone", "ليلى <layla.beirut@icloud.com>", "حسابي - بعد ما أخدوا تلفوني",
  """
  مرحبا، بعد ما أخدوا تلفوني عالحاجز ورجّعوه بعد يومين، لاحظت إنو حدا فات على حسابي بويكيبيديا وعلى تلغرام من جهاز تاني. بقدر أعرف شو شافوا؟ وكيف بسكّر كل الجلسات؟
  """, note="account compromise after a device seizure")

P("uk", H, HR, "gmail", "Mykola Shevchuk <mykola.shevchuk.wp@gmail.com>", "Re: Ваше повідомлення отримано",
  """
  Дякую за відповідь. Нові подробиці: вчора один з акаунтів, які мене переслідують, написав моїй дружині в інстаграм з фото нашого сина. Написав "гарний хлопчик". Я не знаю, чи це вже погроза, але мені дуже неспокійно. Скріншоти в додатку.

  > Дякуємо, що написали нам. Ваше повідомлення отримано.
  """, reply=True, att=[("screen1.jpg", "image/jpeg", 1800), ("screen2.jpg", "image/jpeg", 1700)])
