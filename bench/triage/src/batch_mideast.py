"""Arabic, Persian, Turkish, Hebrew, Kurdish (Kurmanji, Sorani), Pashto."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, Q, S, T, V

# --- Arabic --------------------------------------------------------------------

P("ar", A, EM, "gmail", "سارة العلي <sara.alali.wiki@gmail.com>", "اعتقال أخي",
  """
  السلام عليكم،

  أرجو المساعدة بسرعة. اعتقلت قوات الأمن أخي محمد فجر اليوم من منزلنا في حمص، وأخذوا حاسوبه وهاتفه. أخي يكتب في ويكيبيديا العربية منذ سنوات عن تاريخ المدينة وعن المعتقلين. لا نعرف إلى أين أخذوه، والمحامي يقول إنه لا يستطيع السؤال عنه.

  نحن خائفون جداً أن يختفي مثل غيره. ماذا يمكنكم أن تفعلوا؟

  سارة
  """)

P("ar", T, HR, "outlook", "أحمد منصور <ahmed.mansour@hotmail.com>", "تهديدات بالقتل بسبب مقالاتي",
  """
  تحية طيبة،

  أنا محرر في ويكيبيديا العربية منذ 2015، وأكتب عن الحرب في اليمن. منذ شهر تصلني رسائل على واتساب من أرقام مجهولة تقول: "نعرف بيتك في تعز، وسنصفّيك قريباً". وقبل يومين أرسلوا لي صورة لباب بيتي وعليه علامة حمراء.

  عائلتي معي ولا أستطيع مغادرة المدينة بسهولة. هل تستطيعون مساعدتي أو توجيهي إلى جهة تساعد؟

  مع الشكر،
  أحمد
  """, cs="windows-1256")

P("ar", T, EM, "samsung", "Omar <omar.sd.wiki@gmail.com>", "عاجل",
  """
  عاجل جداً. أنا في الخرطوم، مجموعة مسلحة جاءت إلى الحي وتسأل عن "الذي يكتب في الإنترنت عن الدعم السريع". جاري اتصل بي وقال إنهم يعرفون اسمي. أنا مختبئ الآن عند أقاربي. لا أستطيع الخروج. ساعدوني أرجوكم
  """)

P("ar", D, HR, "gmail", "نور <nour.edits@gmail.com>", "نشروا معلوماتي الشخصية",
  """
  مرحباً،

  حساب على تويتر (إكس) نشر عني منشوراً فيه:
  - اسمي الكامل واسم عائلتي
  - صورة بطاقة هويتي
  - عنوان بيت أهلي في الرياض
  - اسم الجامعة التي أدرس فيها وجدول محاضراتي
  - صور من حسابي الخاص على إنستغرام

  وكتب تحتها: "هذه التي تكتب عن المعتقلات في ويكيبيديا". المنشور أعيد نشره آلاف المرات وأهلي لا يعرفون أنني أكتب. أنا مرعوبة.
  """)

P("ar", D, EM, "iphone", "ليلى <layla.beirut@icloud.com>", "صورتي وعنواني منشورة",
  """
  مرحبا، عم يتم تداول صورة إلي مع عنوان بيتي ببيروت ورقم تلفوني ورقم سيارتي بمجموعات واتساب، وعم يقولوا إني "عميلة" بسبب مقالاتي على ويكيبيديا. في ناس علّقوا إنو لازم "نزورها". أنا وبنتي بالبيت لحالنا. شو لازم أعمل؟

  أُرسلت من الـ iPhone
  """, note="Levantine Arabic")

P("ar", H, HR, "owa", "يوسف الحداد <youssef.haddad@outlook.com>", "مضايقات مستمرة",
  """
  السلام عليكم،

  منذ ثلاثة أشهر تلاحقني مجموعة من الحسابات في ويكيبيديا العربية وخارجها. يتراجعون عن كل تعديلاتي، ويرسلون لي رسائل شتم عبر البريد، وأنشؤوا حساباً باسمي على فيسبوك ينشرون فيه كلاماً مسيئاً. كتبوا أيضاً إلى مكان عملي يتهمونني بالإلحاد. هذا خطير في بلدي.

  هل يمكنكم المساعدة؟
  يوسف
  """)

P("ar", C, HR, "gmail", "Khaled Fathy <khaled.fathy.eg@gmail.com>", "حسابي اتسرق",
  """
  السلام عليكم، حد دخل على حسابي في ويكيبيديا وغيّر الباسورد والإيميل. أنا إداري في ويكيبيديا المصرية. كمان لقيت رسالة إن في دخول على الجيميل بتاعي من جهاز مش بتاعي. أنا خايف يكونوا شافوا رسايلي مع ناس تانيين. أعمل إيه؟
  """, note="Egyptian Arabic")

P("ar", A, HR, "gmail", "Rachid Amrani <rachid.amrani.ma@gmail.com>", "salam, 3andi mochkil",
  """
  salam 3alaykom, ana kan kteb f wikipedia 3la les manifestations dyal l'Rif. lbareh jaw l'police l dar dyal khouya o dawh, galo lih 3ndo "des questions" 3la les articles. ma3rfnach fin howa daba. 3afakom wach t9dro t3awnona?
  """, note="Moroccan Arabic in Latin letters (arabizi) with French words")

P("ar", S, HR, "gmail", "مجهول <majhoul.2026@gmail.com>", "لم أعد أحتمل",
  """
  لا أعرف لماذا أكتب لكم. بعد التهديدات وطردي من عملي وبعد أن تبرأت مني عائلتي، أفكر كل يوم في الانتحار. اليوم جمعت الحبوب التي عندي. لا أريد أن أموت لكني لا أرى أي طريق.
  """)

P("ar", V, HR, "oe", "حسن العراقي <hassan.iraqi@yahoo.com>", "سؤال عن الأمان",
  """
  السلام عليكم

  أريد أن أكتب مقالات عن الفساد في محافظتي في العراق، لكني أخاف أن يعرفوا من أنا. هل استخدام VPN يكفي؟ وهل يجب أن أنشئ حساباً جديداً بدون اسمي الحقيقي؟

  شكراً
  """, cs="windows-1256")

P("ar", M, EM, "gmail", "فهد <fahad.ksa.2000@gmail.com>", "مقال عن شركتنا",
  """
  السلام عليكم، نريد إنشاء مقال عن شركتنا في ويكيبيديا العربية بشكل عاجل قبل معرض الأسبوع القادم. كم التكلفة؟ وشكراً
  """)

P("ar", A, EM, "yahoo", "منظمة حقوقية <contact@huquq-example.org>", "اختفاء محرر في ويكيبيديا",
  """
  السادة في مؤسسة ويكيميديا،

  نود إبلاغكم بأن المحرر (م. ع.) المعروف في ويكيبيديا العربية اختفى منذ ثلاثة أيام بعد استدعائه إلى مقر جهاز أمن الدولة في القاهرة. لم يتم عرضه على النيابة حتى الآن، وهاتفه مغلق. نخشى أن يكون قيد الاختفاء القسري.

  مع التقدير
  """)

P("ar", Q, HR, "gmail", "Mona Saleh <mona.saleh.wm@gmail.com>", "استفسار",
  """
  مرحباً، هل لديكم مواد تدريبية باللغة العربية عن الأمان الرقمي يمكن أن نستخدمها في ورشة لمجموعة مستخدمي ويكيميديا في الأردن؟ شكراً جزيلاً
  """)

# --- Persian -------------------------------------------------------------------

P("fa", A, EM, "gmail", "مریم <maryam.tehran.wiki@gmail.com>", "بازداشت برادرم",
  """
  سلام

  برادرم دیشب توسط مأموران لباس شخصی در خانه‌اش در کرج بازداشت شد. گوشی و لپ‌تاپش را بردند. او سال‌ها در ویکی‌پدیای فارسی مقاله درباره‌ی اعدام‌ها و زندانیان سیاسی نوشته است. هنوز نمی‌دانیم کجاست، گفتند از اطلاعات سپاه هستند. خانواده خیلی نگران است.

  لطفاً اگر کاری از دستتان برمی‌آید انجام دهید.
  """)

P("fa", A, HR, "yahoo", "Reza K. <reza.k1368@yahoo.com>", "احضار",
  """
  با سلام

  امروز از دادسرای فرهنگ و رسانه برایم احضاریه آمد که هفته‌ی آینده برای «ادای توضیحات» حاضر شوم. در ابلاغیه اسم حساب کاربری‌ام در ویکی‌پدیا نوشته شده بود. نمی‌دانم چطور پیدا کرده‌اند. دوستم که پارسال احضار شد بازداشت شد و شش ماه در اوین بود.

  چه کار کنم؟ آیا باید حسابم را ببندم؟ آیا می‌توانید وکیل معرفی کنید؟

  رضا
  """)

P("fa", T, EM, "proton", "ناشناس <anon.fa.2026@proton.me>", "تهدید به قتل",
  """
  سلام. من در ترکیه زندگی می‌کنم و در ویکی‌پدیا درباره‌ی ترورهای خارج از کشور می‌نویسم. امروز پیامی در تلگرام گرفتم: «آدرست در استانبول را داریم، مثل بقیه سرت را می‌بریم». یک عکس از در آپارتمانم هم فرستادند. نمی‌دانم به پلیس ترکیه اعتماد کنم یا نه. کمکم کنید.
  """)

P("fa", T, HR, "gmail", "Arash <arash.wikifa@gmail.com>", "tahdid",
  """
  salam, bebakhshid ke finglish minevisam, keyboard farsi nadaram alan. az vaghti maghale dar mored sepah ro virayesh kardam, dar instagram payam midan ke "midoonim khooneye madaret koja ast" va "be zoodi tamoomet mikonim". ye bar ham ye nafar jeloye khoone-ye madaram too shiraz vaysade bood va aks gerefte. chikar konam?
  """, note="Persian in Latin letters (Finglish)")

P("fa", D, HR, "gmail", "سپیده <sepideh.wiki@gmail.com>", "اطلاعاتم را منتشر کردند",
  """
  سلام،

  یک کانال تلگرامی حکومتی پستی درباره‌ی من گذاشته با:
  - نام و نام خانوادگی و کد ملی
  - آدرس خانه‌ی پدرم در اصفهان
  - عکس کارت دانشجویی‌ام
  - اسم دانشگاه و رشته‌ام
  - چند عکس بدون حجاب از اینستاگرام خصوصی‌ام

  زیرش نوشته‌اند «این همان کسی است که در ویکی‌پدیا علیه نظام می‌نویسد». خیلی می‌ترسم که به خانه‌ی پدرم بروند.
  """)

P("fa", D, EM, "iphone", "نیما <nima.s@icloud.com>", "فوری",
  """
  فوری. آدرس و شماره تلفن من و عکس پاسپورتم در یک کانال منتشر شده و نوشته‌اند «جاسوس اسرائیل». من در ایران هستم. چه کنم؟

  ارسال از iPhone من
  """)

P("fa", H, HR, "owa", "Leila M. <leila.m.fa@outlook.com>", "آزار و اذیت",
  """
  سلام. چند ماه است که چند حساب کاربری من را در ویکی‌پدیای فارسی دنبال می‌کنند، ویرایش‌هایم را واگردانی می‌کنند، به ایمیلم پیام‌های رکیک و تهدیدآمیز می‌فرستند و در توییتر عکس‌هایم را با فحش پخش می‌کنند. مدیران چند حساب را بستند ولی حساب‌های جدید ساخته می‌شود. خسته شده‌ام.
  """)

P("fa", C, HR, "gmail", "Hossein <hossein.admin.fa@gmail.com>", "حسابم هک شده",
  """
  سلام، کسی وارد حساب من در ویکی‌پدیا شده و رمز را عوض کرده. من مدیر ویکی‌پدیای فارسی هستم. دیروز پیامکی آمد که گویا از طرف ویکی‌پدیا بود و لینکی داشت، رویش زدم. حالا نگرانم که به ایمیل‌هایم هم دسترسی داشته باشند.
  """)

P("fa", V, HR, "gmail", "Farzaneh <farzaneh.q@gmail.com>", "پرسش درباره امنیت",
  """
  سلام، من تازه شروع به ویرایش کرده‌ام و می‌خواهم درباره‌ی اعتراضات بنویسم. آیا با فیلترشکن امن است؟ آیا ویکی‌پدیا آی‌پی من را به کسی می‌دهد؟ ممنون
  """)

P("fa", S, EM, "gmail", "بی‌نام <binam.1403@gmail.com>", "دیگر نمی‌توانم",
  """
  بعد از بازجویی‌ها و اینکه همه از من رو برگرداندند، دیگر نمی‌توانم ادامه بدهم. امشب می‌خواهم به زندگی‌ام پایان بدهم. فقط خواستم کسی بداند چرا.
  """)

P("fa", M, EM, "yahoo", "Ali Rezaei <ali.rezaei1975@yahoo.com>", "مقاله درباره پدرم",
  """
  با سلام، لطفاً مقاله‌ای درباره‌ی پدرم که شاعر بوده در ویکی‌پدیا بسازید. مدارک را می‌فرستم. با تشکر
  """)

P("fa", A, HR, "oe", "گروه کاربران <wm.users.af@yahoo.com>", "بازداشت همكار در هرات",
  """
  با سلام و احترام

  همكار ما عبدالله كه براي ويكي‌پدياي فارسي (دري) عكس و مقاله تهيه مي‌كرد، سه روز پيش توسط استخبارات طالبان در هرات گرفته شد. خانواده‌اش هيچ خبري از او ندارند. لطفاً راهنمايي كنيد.
  """, cs="windows-1256", note="Dari Persian, written with Arabic yeh and kaf as windows-1256 mailers do")

# --- Turkish -------------------------------------------------------------------

P("tr", A, EM, "gmail", "Elif Kaya <elif.kaya.viki@gmail.com>", "Ağabeyim gözaltına alındı",
  """
  Merhaba, ağabeyim Murat bu sabah saat 5'te evinde yapılan baskınla gözaltına alındı. Polisler bilgisayarını ve telefonunu aldı. Vikipedi'de Kürt tarihi ve cezaevleri hakkında madde yazıyordu. Avukatı 24 saat kısıtlama olduğu için görüşemiyor. Lütfen yardım edin.
  """)

P("tr", A, HR, "outlook", "Mehmet Demir <mehmet.demir@hotmail.com.tr>", "ifadeye çağrıldım",
  """
  Merhabalar,

  Emniyet Siber Suçlar biriminden telefonla arandım ve "Vikipedi'deki paylaşımlarınız hakkında" ifade vermeye çağrıldım. Yazılı bir tebligat yok. Geçen yıl benzer şekilde çağrılan bir arkadaşım "dezenformasyon" suçlamasıyla tutuklandı.

  Ne yapmamı önerirsiniz? Avukat bulmakta yardımcı olabilir misiniz?

  Saygılarımla,
  Mehmet
  """, cs="windows-1254")

P("tr", T, EM, "samsung", "Zeynep <zeynep.viki@gmail.com>", "olum tehdidi",
  """
  acil yardim lazim. vikipedide yazdigim madde yuzunden instagramdan mesaj atip "seni bulup gebertecegiz, evini biliyoruz" diyorlar. bugun de kapimin onune bir not birakmislar. polise gittim ama ciddiye almadilar. cok korkuyorum
  """, note="Turkish without diacritics")

P("tr", T, HR, "gmail", "Hasan Yıldız <hasan.yildiz.wp@gmail.com>", "Tehditler",
  """
  Merhaba,

  Bir tarikat hakkındaki maddeyi düzenledikten sonra Twitter'da ve WhatsApp'ta tehdit mesajları almaya başladım. "Kafanı keseceğiz", "ailenin başına gelecekleri düşün" gibi. Annemin evinin fotoğrafını attılar. Suç duyurusunda bulundum. Başka ne yapabilirim?

  Hasan
  """)

P("tr", D, HR, "owa", "Ayşe Çelik <ayse.celik@outlook.com>", "kişisel bilgilerim paylaşıldı",
  """
  Merhaba, bir Twitter hesabı benim adımı soyadımı, TC kimlik numaramı, ev adresimi, çalıştığım okulun adını ve kızımın fotoğraflarını paylaştı. "Vikipedi'de terör propagandası yapan öğretmen" diye yazmışlar. Binlerce kez paylaşıldı. Ne yapmalıyım?
  """)

P("tr", H, HR, "gmail", "Burak Aydın <burak.aydin.viki@gmail.com>", "taciz",
  """
  Merhaba, aylardır bir grup kullanıcı tarafından taciz ediliyorum. Tüm değişikliklerimi geri alıyorlar, küfürlü e-postalar atıyorlar, adımla sahte hesaplar açtılar. Şimdi de işyerime şikayet e-postası göndermişler. Yöneticiler hesapları engelliyor ama yenileri açılıyor.
  """)

P("tr", C, EM, "iphone", "Can Öztürk <can.ozturk@icloud.com>", "hesabım ele geçirildi",
  """
  Acil! Vikipedi hesabım (hizmetliyim) az önce ele geçirildi ve şu anda sayfa siliniyor. Şifre değiştirilmiş. Lütfen hesabı kilitleyin!

  iPhone'umdan gönderildi
  """)

P("tr", V, HR, "thunderbird", "Deniz Arslan <deniz.arslan@riseup.net>", "güvenlik sorusu",
  """
  Merhaba,

  Türkiye'de Vikipedi'ye erişim yeniden açıldı ama hâlâ korkuyorum. Gerçek adımla açtığım hesabı kullanmaya devam etmeli miyim? Hassas konularda yazarken nelere dikkat etmeliyim?

  Teşekkürler
  """, cs="iso-8859-9")

P("tr", M, EM, "gmail", "Kemal Şahin <kemal.sahin.1970@gmail.com>", "bağış makbuzu",
  """
  İyi günler, geçen ay yaptığım bağış için fatura/makbuz istiyorum. Nereye yazmam gerekiyor? Teşekkürler.
  """)

P("tr", S, HR, "gmail", "isimsiz <isimsiz.2026@gmail.com>", "yardım",
  """
  bunu yazmak zor. ifşa edildiğimden beri ailem benimle konuşmuyor, işimi kaybettim. artık yaşamak istemiyorum, kendimi öldürmeyi düşünüyorum. kimseye söyleyemedim
  """)

P("tr", A, EM, "gmail", "Wikimedia Türkiye Gönüllüleri <gonullu.wmtr@gmail.com>", "Gönüllümüz tutuklandı",
  """
  Merhaba, gönüllümüz Ali dün akşam İstanbul'da bir protestoda fotoğraf çekerken gözaltına alındı ve bugün sulh ceza hakimliği tarafından tutuklandı. Avukatı var ama ailesi maddi destek arıyor. Bilgilerinize.
  """)

# --- Hebrew --------------------------------------------------------------------

P("he", T, EM, "gmail", "יואב כהן <yoav.cohen.wiki@gmail.com>", "איום על חיי",
  """
  שלום,

  אחרי שערכתי את הערך על ארגון פשע בדרום, קיבלתי הודעות בוואטסאפ: "אנחנו יודעים איפה אתה גר, תיזהר, יש לך ילדים". היום מישהו השאיר כדור על מכסה המנוע של האוטו שלי. הגשתי תלונה במשטרה. מה עוד אפשר לעשות?

  יואב
  """)

P("he", D, HR, "outlook", "מיכל לוי <michal.levi@walla.co.il>", "פרסמו את הפרטים שלי",
  """
  שלום רב,

  בקבוצת טלגרם פרסמו את השם המלא שלי, תעודת זהות, כתובת הבית ברמת גן, מקום העבודה שלי ותמונות של הבנות שלי. כתבו שאני "בוגדת מוויקיפדיה". מה אני יכולה לעשות?

  מיכל
  """, cs="windows-1255")

P("he", H, HR, "gmail", "Noa Ben-David <noa.bendavid.wp@gmail.com>", "הטרדה מתמשכת",
  """
  היי, כבר חצי שנה קבוצת משתמשים רודפת אותי בוויקיפדיה העברית. משחזרים כל עריכה, שולחים מיילים מעליבים, פתחו חשבון מזויף בפייסבוק עם התמונות שלי ופנו למעסיק שלי. אני מותשת.
  """)

P("he", C, HR, "gmail", "Avi Mizrahi <avi.mizrahi.wiki@gmail.com>", "החשבון שלי נפרץ",
  """
  שלום, מישהו נכנס לחשבון שלי בוויקיפדיה ושינה את הסיסמה והמייל. אני מפעיל מערכת בוויקיפדיה העברית. אשמח לעזרה דחופה.
  """)

P("he", A, EM, "iphone", "Rana <rana.haifa@icloud.com>", "עצרו את החבר שלי",
  """
  דחוף. חבר שלנו שכותב בוויקיפדיה בערבית ובעברית נעצר הבוקר בחיפה על "הסתה" בגלל ערך שכתב. לא נותנים לעורך דין לראות אותו. מה אפשר לעשות?

  נשלח מה-iPhone שלי
  """)

P("he", V, HR, "thunderbird", "Daniel Peretz <daniel.peretz@riseup.net>", "שאלה על אבטחה",
  """
  שלום, אני רוצה לכתוב על פעילות מיליציות ביהודה ושומרון. מה אתם ממליצים כדי לשמור על אנונימיות? תודה.
  """)

P("he", M, EM, "gmail", "Shira Goldberg <shira.goldberg@gmail.com>", "תרומה",
  """
  היי, תרמתי בכרטיס אשראי וירדו לי פעמיים. למי לפנות? תודה
  """)

# --- Kurdish (Kurmanji, Latin) -------------------------------------------------

P("kmr", A, EM, "gmail", "Rojda Aydin <rojda.aydin.wiki@gmail.com>", "birayê min hat girtin",
  """
  Silav, birayê min Azad îro sibê li Amedê ji aliyê polîsan ve hat desteserkirin. Ew li ser Wîkîpediya kurdî gotaran dinivîse, li ser dîroka gundên şewitandî. Kompîtur û telefona wî birin. Em nizanin ew niha li ku ye. Ji kerema xwe alîkariya me bikin.
  """)

P("kmr", T, HR, "gmail", "Şêrko <sherko.qamishlo@gmail.com>", "gefên kuştinê",
  """
  Rojbaş. Ez li Qamişloyê dijîm û li ser komên çekdar dinivîsim. Hefteyek e li ser WhatsAppê peyam tên: "em ê te bikujin, em dizanin mala te li ku ye". Duh wêneyê deriyê mala me şandin. Ez nizanim çi bikim, ji kerema xwe alîkarî.
  """)

P("kmr", D, HR, "owa", "Berfîn Kaya <berfin.kaya@hotmail.com>", "agahiyên min belav kirin",
  """
  Silav. Hesabekî Twitterê navê min ê rastîn, navnîşana mala min li Stenbolê, hejmara telefona min û wêneyê nasnameya min belav kir. Nivîsandine ku ez "terorîst" im ji ber gotarên min li Wîkîpediyayê. Ez pir ditirsim.
  """)

P("kmr", H, HR, "gmail", "Dilan <dilan.ku.wp@gmail.com>", "tacîz",
  """
  Silav, çend meh in hin bikarhêner min diêşînin, guhertinên min vedigerînin, e-nameyên heqaretê dişînin û li ser Facebookê wêneyên min bi heqaretan belav dikin. Ez westiyame.
  """)

P("kmr", C, HR, "gmail", "Welat <welat.admin.ku@gmail.com>", "hesabê min hat hackkirin",
  """
  Silav, dema ez li binçavkirinê bûm polîsan telefona min girtin û şîfreya min xwestin. Piştî ku ez berdam, min dît ku ji hesabê min ê Wîkîpediyayê guhertin hatine kirin û e-name jî hatiye guhertin. Ez rêveberê Wîkîpediya kurdî me. Çi bikim?
  """)

P("kmr", V, HR, "thunderbird", "Jiyan <jiyan.k@riseup.net>", "pirsa ewlehiyê",
  """
  Silav, ez dixwazim li ser girtîgehên li Tirkiyeyê binivîsim. Ji bo ku nasnameya min neyê zanîn, hûn çi pêşniyar dikin? VPN bes e? Spas.
  """)

P("kmr", M, EM, "gmail", "Serhat <serhat.1988@gmail.com>", "gotar",
  """
  silav, ez dixwazim gotarek li ser gundê xwe binivîsim, çawa dikarim? spas
  """)

# --- Kurdish (Sorani, Arabic script) ------------------------------------------

P("ckb", A, EM, "gmail", "هێمن <hemin.slemani@gmail.com>", "براکەم دەستگیر کرا",
  """
  سڵاو، براکەم ئەمڕۆ بەیانی لە سلێمانی لەلایەن ئاسایشەوە دەستگیر کرا. ئەو لە ویکیپیدیای کوردی وتار دەنووسێت دەربارەی گەندەڵی. کۆمپیوتەر و مۆبایلەکەیان برد. نازانین لە کوێیە. تکایە یارمەتیمان بدەن.
  """)

P("ckb", T, HR, "yahoo", "ئاراس <aras.hawler@yahoo.com>", "هەڕەشەی کوشتن",
  """
  سڵاو. دوای ئەوەی وتارێکم دەربارەی حزبێک نووسی، لە فەیسبووک و واتسئاپ هەڕەشەم لێ دەکەن کە دەمکوژن و دەزانن ماڵم لە کوێیە. دوێنێ وێنەی دەرگای ماڵەکەمیان نارد. چی بکەم؟
  """)

P("ckb", D, HR, "gmail", "شیلان <shilan.wiki@gmail.com>", "زانیارییەکانم بڵاو کرانەوە",
  """
  سڵاو، پەیجێکی فەیسبووک ناوی تەواوم، ناونیشانی ماڵم لە هەولێر، ژمارەی مۆبایلم و وێنەی کچەکەم لە بەردەم قوتابخانە بڵاو کردەوە. نووسیویانە کە من "خائین"م بەهۆی ویکیپیدیا. زۆر دەترسم.
  """)

P("ckb", H, HR, "gmail", "Karwan <karwan.ckb.wp@gmail.com>", "ئازاردان",
  """
  سڵاو، چەند مانگە چەند بەکارهێنەرێک بەدوامەوەن، دەستکارییەکانم دەگەڕێننەوە و ئیمەیڵی جنێو دەنێرن. ئێستا بۆ شوێنی کارەکەشم نامەیان ناردووە.
  """)

P("ckb", C, HR, "gmail", "دیار <diyar.admin@gmail.com>", "هەژمارەکەم هاک کرا",
  """
  سڵاو، ئیمەیڵێکم بۆ هات وەک ئەوەی لە ویکیمیدیاوە بێت، داوای لێکردم هەژمارەکەم پشتڕاست بکەمەوە. لینکەکەم کردەوە و وشەی نهێنیم نووسی. ئێستا ناتوانم بچمە ژوورەوە و لە هەژمارەکەمەوە وتار دەسڕنەوە.
  """)

P("ckb", V, HR, "gmail", "Nasik <nasik.k@gmail.com>", "پرسیار",
  """
  سڵاو، ئەگەر ئاسایش بانگم بکات و داوای وشەی نهێنی مۆبایلەکەم بکات، چی بکەم؟ ئایا دەبێت ئەپی ویکیپیدیا بسڕمەوە؟ سوپاس.
  """)

P("ckb", S, EM, "gmail", "بێناو <benaw.2026@gmail.com>", "ناتوانم بەردەوام بم",
  """
  دوای هەموو ئەو هەڕەشانە و ئەوەی خێزانەکەم پشتیان تێکردم، ئیتر ناتوانم. بیر لە خۆکوشتن دەکەمەوە. تەنها ویستم کەسێک بزانێت.
  """)

# --- Pashto --------------------------------------------------------------------

P("ps", A, EM, "gmail", "احمد شاه <ahmadshah.kabul@gmail.com>", "زما ورور ونیول شو",
  """
  سلام، زما ورور پرون شپه په کابل کې د طالبانو استخباراتو ونیو. هغه په پښتو ویکیپېډیا کې د ښځو د زده کړو په اړه مقالې لیکلې. موبایل او کمپیوټر یې ترې واخیستل. نه پوهېږو چېرته دی. مهرباني وکړئ مرسته وکړئ.
  """)

P("ps", T, HR, "yahoo", "Wazir <wazir.nangarhar@yahoo.com>", "د مرګ ګواښ",
  """
  سلام. ما د یوې وسله والې ډلې په اړه مقاله لیکلې وه. اوس راته پیغامونه راځي چې "ستا کور پېژنو، وبه دې وژنو". زما کورنۍ هم په وېره کې ده. څه وکړم؟
  """)

P("ps", D, HR, "gmail", "ملالۍ <malalai.wiki@gmail.com>", "زما معلومات خپاره شول",
  """
  سلام، یوه فېسبوک پاڼه زما بشپړ نوم، د تذکرې انځور، د کور پته او د کار ځای خپور کړی دی. لیکلي یې دي چې زه "د بهرنیانو جاسوسه" یم. ډېره وېرېږم.
  """)

P("ps", H, HR, "gmail", "Sultan <sultan.ps.wp@gmail.com>", "ځورونه",
  """
  سلام، څو میاشتې کېږي چې یو شمېر کاروونکي ما ځوروي، زما سمونونه بېرته اړوي او بد بد برېښنالیکونه راته لېږي. اوس یې زما کورنۍ ته هم پیغامونه لېږلي.
  """)

P("ps", C, HR, "gmail", "نورالله <noorullah.admin@gmail.com>", "حساب مې هک شو",
  """
  سلام، زما د ګرځنده سیم کارت پرون بند شو او نن مې د جیمېل او ویکیپېډیا حساب ته نه شم ننوتلی. داسې ښکاري چې چا زما شمېره نیولې. زه د پښتو ویکیپېډیا مدیر یم.
  """)

P("ps", V, HR, "gmail", "Zarmina <zarmina.k@gmail.com>", "د امنیت پوښتنه",
  """
  سلام، په لارو کې طالبان موبایلونه ګوري. ایا د ویکیپېډیا اپ باید له موبایله لرې کړم؟ او د انځورونو د پورته کولو پر مهال څه پام وکړم؟ مننه
  """)

P("ps", M, EM, "gmail", "Gul Agha <gulagha1990@gmail.com>", "مقاله",
  """
  سلام، زه غواړم د خپل کلي په اړه مقاله جوړه کړم. څنګه یې جوړه کړم؟ مننه
  """)
