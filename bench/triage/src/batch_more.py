"""General questions to the human-rights team, and more self-harm, in many languages."""
from .clients import P
from .shape import EM, HR, Q, S

# --- general questions ----------------------------------------------------------

P("en", Q, HR, "gmail", "Tendai Moyo <tendai.moyo.zw@gmail.com>", "Letter for my asylum application",
  """
  Good day,

  I left Zimbabwe last year after problems connected to my Wikipedia work (I wrote to you at the time from another address). My lawyer in South Africa asks if the Foundation could write a letter confirming that I am a contributor and that the articles exist. Is this something you do? What information would you need?

  Regards,
  Tendai
  """)

P("en", Q, HR, "thunderbird", "Jo Kessler <jo@kessler-example.net>", "PGP key for the team?",
  """
  Hi,

  Before I write about something sensitive: is there a PGP key for this address? I couldn't find one on Meta. Alternatively, is there a Signal number?

  Thanks,
  Jo
  """)

P("en", Q, HR, "owa", "Nadia Rahman <nadia.rahman@outlook.com>", "Does the Foundation share data with governments?",
  """
  Hello,

  A friend told me that the Foundation gives the IP addresses of editors to governments if they ask. Is that true? I would like to understand what happens to my data before I edit about my country. Is there a page that explains it in simple words?

  Best,
  Nadia
  """)

P("es", Q, HR, "gmail", "Camila Rojas <camila.rojas.wm@gmail.com>", "Traducción del artículo del blog",
  """
  Hola, vi al final del artículo "Protecting the people" que buscan traducciones. Me gustaría traducirlo al español. ¿Dónde debo hacerlo y hay algún plazo?

  Saludos,
  Camila
  """)

P("fr", Q, HR, "gmail", "Aminata Sow <aminata.sow.sn@gmail.com>", "Modules de formation en français ?",
  """
  Bonjour,

  Notre groupe d'utilisateurs au Sénégal voudrait organiser une séance sur la sécurité numérique. Les modules d'apprentissage dont parle votre article existent-ils en français ou en wolof ? Sinon, pouvons-nous aider à les traduire ?

  Merci,
  Aminata
  """)

P("pt", Q, HR, "gmail", "Helder Matos <helder.matos.ao@gmail.com>", "Como funciona a equipa de direitos humanos?",
  """
  Boa tarde. Gostaria de perceber melhor o que a equipa faz. Ajudam só em casos de perigo ou também fazem formação para grupos de utilizadores? Estamos a preparar um encontro em Luanda no próximo ano.

  Cumprimentos,
  Helder
  """)

P("de", Q, HR, "thunderbird", "Prof. Andrea Schmitt <a.schmitt@hochschule-example.de>", "Anfrage: Gastvortrag",
  """
  Sehr geehrte Damen und Herren,

  im Sommersemester veranstalten wir eine Ringvorlesung zu „Wissen und Verfolgung“. Wäre jemand aus Ihrem Team bereit, online einen Vortrag von etwa 45 Minuten zu halten? Ein Honorar ist möglich.

  Mit freundlichen Grüßen
  Andrea Schmitt
  """)

P("ru", Q, HR, "yandex", "Мария Л. <maria.l.wm@yandex.ru>", "Сколько хранятся письма?",
  """
  Добрый день. Если я напишу вам о своей ситуации, кто увидит письмо и как долго оно хранится? Удаляете ли вы переписку? Мне важно понимать это заранее.
  """)

P("ar", Q, HR, "gmail", "Tarek Nasser <tarek.nasser.wm@gmail.com>", "منحة لتدريب السلامة الرقمية",
  """
  مرحباً، هل توجد منح لتمويل تدريب على السلامة الرقمية لمجموعة مستخدمي ويكيميديا في فلسطين؟ وما الفرق بين فريقكم وفريق الثقة والأمان؟ شكراً.
  """)

P("fa", Q, HR, "gmail", "Bahar <bahar.wm@gmail.com>", "سیاست حقوق بشر بنیاد",
  """
  سلام. آیا ترجمه‌ی فارسی «سیاست حقوق بشر» بنیاد ویکی‌مدیا وجود دارد؟ می‌خواهیم آن را در یک جلسه‌ی آنلاین برای ویرایشگران معرفی کنیم. ممنون.
  """)

P("tr", Q, HR, "gmail", "Ece Demir <ece.demir.wm@gmail.com>", "Topluluk için güvenlik protokolü",
  """
  Merhaba, kullanıcı grubumuz için etkinliklerde uygulanacak bir güvenlik protokolü hazırladık. Göz atıp görüş verebilir misiniz? Belgeyi ekte gönderiyorum.
  """, att=[("guvenlik_protokolu.pdf", "application/pdf", 2100)])

P("zh", Q, HR, "gmail", "林小姐 <lin.xiaojie.tw@gmail.com>", "關於人權團隊的問題",
  """
  您好，請問人權團隊可以協助在台灣舉辦的維基活動做安全評估嗎？我們有來自香港和中國的參與者，想確保他們的安全。謝謝。
  """)

P("ja", Q, HR, "gmail", "中村 さくら <sakura.nakamura.wm@gmail.com>", "翻訳ボランティアについて",
  """
  はじめまして。ブログ記事「Protecting the people」の日本語訳を担当したいと考えています。どこに連絡すればよいでしょうか。
  """)

P("ko", Q, HR, "naver", "오민지 <minji.oh@naver.com>", "인권팀 관련 문의",
  """
  안녕하세요. 대학원에서 온라인 자원봉사자 안전에 대한 논문을 쓰고 있습니다. 인권팀이 한 해에 몇 건 정도의 사례를 다루는지 공개된 자료가 있을까요? 감사합니다.
  """)

P("hi", Q, HR, "gmail", "Deepa Nair <deepa.nair.wm@gmail.com>", "Wikimania visa support",
  """
  Hello team, I've been selected for a Wikimania scholarship. My previous visa application was rejected. Does the Foundation provide an invitation letter, and is that handled by your team or by the events team? Thanks, Deepa
  """)

P("id", Q, HR, "gmail", "Wahyu <wahyu.wm@gmail.com>", "pertanyaan tentang tim hak asasi",
  """
  Halo, apakah tim hak asasi manusia juga bisa memberi pelatihan keamanan digital secara daring untuk komunitas Wikipedia bahasa daerah? Kami punya anggota dari Aceh dan Papua. Terima kasih.
  """)

P("sw", Q, HR, "gmail", "Mwanaisha <mwanaisha.wm@gmail.com>", "ombi la mafunzo",
  """
  Habari, sisi ni kikundi cha watumiaji wa Wikimedia Tanzania. Tunaomba kujua kama mnaweza kutusaidia na mafunzo ya usalama mtandaoni kwa wanachama wetu wapya. Asanteni.
  """)

P("uk", Q, HR, "gmail", "Андрій Коваль <andriy.koval.wm@gmail.com>", "питання про підтримку",
  """
  Добрий день! Чи надає Фонд психологічну підтримку редакторам, які живуть у прифронтових містах? Якщо так, як до неї звернутися? Дякую.
  """)

P("pl", Q, HR, "thunderbird", "Marta Nowak <marta.nowak@riseup.net>", "pytanie o zespół",
  """
  Dzień dobry, piszę pracę magisterską o bezpieczeństwie wolontariuszy Wikipedii. Czy mogę przeprowadzić krótki wywiad z kimś z zespołu? Z góry dziękuję.
  """)

P("it", Q, HR, "gmail", "Chiara Esposito <chiara.esposito.wm@gmail.com>", "Richiesta informazioni",
  """
  Buongiorno, sto organizzando un incontro sulla sicurezza online per la comunità di Wikipedia in siciliano. Avete materiali in italiano che posso condividere? Grazie mille.
  """)

P("vi", Q, HR, "gmail", "Trần Thu <tranthu.wm@gmail.com>", "hỏi về nhóm nhân quyền",
  """
  Xin chào, nhóm của các bạn có thể giải thích giúp tôi khi nào nên viết cho địa chỉ này và khi nào nên viết cho địa chỉ khẩn cấp không? Cảm ơn.
  """)

P("bn", Q, HR, "gmail", "Sadia Islam <sadia.islam.wm@gmail.com>", "অনুবাদ সহায়তা",
  """
  নমস্কার, আপনাদের ব্লগ পোস্টটি বাংলায় অনুবাদ করতে চাই। কোথায় অনুবাদ জমা দেব? ধন্যবাদ।
  """)

P("nl", Q, HR, "gmail", "Joris Peeters <joris.peeters.wm@gmail.com>", "vraag over het mensenrechtenbeleid",
  """
  Hallo, waar kan ik een Nederlandse vertaling vinden van het mensenrechtenbeleid van de Wikimedia Foundation? We willen het bespreken op onze volgende bijeenkomst in Gent. Bedankt!
  """)

P("sr", Q, HR, "gmail", "Jovana Marković <jovana.markovic.wm@gmail.com>", "pitanje o radionici",
  """
  Zdravo, da li vaš tim može da održi onlajn radionicu o digitalnoj bezbednosti za Vikipedijance iz regiona? Hvala!
  """)

P("am", Q, HR, "gmail", "Selam Tadesse <selam.tadesse.wm@gmail.com>", "ጥያቄ",
  """
  ሰላም፣ የሰብአዊ መብት ቡድናችሁ ስለ ዲጂታል ደህንነት የአማርኛ የሥልጠና ቁሳቁስ አለው? ለአዲስ አበባ የውክፔዲያ ማህበረሰብ እንፈልጋለን። እናመሰግናለን።
  """)

# --- self-harm ------------------------------------------------------------------

P("it", S, HR, "gmail", "anonimo <anonimo.wp2026@gmail.com>", "non ce la faccio più",
  """
  scusate se scrivo qui. da quando hanno pubblicato tutto su di me e i messaggi non si fermano, non dormo e non esco di casa. stanotte ho pensato seriamente di farla finita. non so cosa fare.
  """)

P("pl", S, EM, "gmail", "ktoś <ktos.2026@gmail.com>", "już nie mogę",
  """
  nie wiem po co to piszę. po tym wszystkim co o mnie napisali i jak rodzina się ode mnie odwróciła, dziś w nocy chcę się zabić. mam tabletki.
  """)

P("vi", S, HR, "gmail", "giấu tên <giauten2026@gmail.com>", "tôi không chịu nổi nữa",
  """
  xin lỗi vì viết thư này. từ khi bị công khai thông tin và bị công an gọi lên nhiều lần, gia đình không nhìn mặt tôi. tôi đã nghĩ đến chuyện tự tử nhiều ngày nay.
  """)

P("sw", S, EM, "gmail", "bila jina <bilajina2026@gmail.com>", "siwezi tena",
  """
  samahani kwa kuandika hapa. tangu watangaze taarifa zangu na familia kunikataa, sioni sababu ya kuendelea kuishi. usiku huu nafikiria kujiua.
  """)

P("bn", S, HR, "gmail", "নাম নেই <namnei2026@gmail.com>", "আর পারছি না",
  """
  জানি না কেন লিখছি। সবকিছু ফাঁস হওয়ার পর চাকরি গেছে, পরিবার কথা বলে না। কয়েকদিন ধরে আত্মহত্যার কথা ভাবছি।
  """)

P("he", S, EM, "gmail", "אנונימי <anonimi2026@gmail.com>", "אני לא יכול יותר",
  """
  סליחה שאני כותב לכאן. מאז שפרסמו עליי הכול אני לא ישן ולא אוכל. הלילה אני חושב לשים קץ לחיי.
  """)

P("kk", S, HR, "mailru", "атсыз <atsyz2026@mail.ru>", "шыдай алмаймын",
  """
  Неге жазып отырғанымды білмеймін. Менің деректерімді жариялағаннан кейін жұмыстан шығарды, туыстарым сөйлеспейді. Соңғы күндері өз-өзіме қол жұмсауды ойлаймын.
  """)

P("am", S, HR, "gmail", "ስም የለም <simyelem2026@gmail.com>", "ከዚህ በላይ አልችልም",
  """
  ለምን እንደምጽፍ አላውቅም። ቤተሰቤ ከተወኝና ሥራዬን ካጣሁ በኋላ ራሴን ስለማጥፋት በየቀኑ አስባለሁ።
  """)
