"""Kazakh, Kyrgyz, Uzbek, Tajik, Azerbaijani, Armenian, Georgian."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, T, V

# --- Kazakh --------------------------------------------------------------------

P("kk", A, EM, "mailru", "Айгерім <aigerim.wiki@mail.ru>", "Ағамды ұстап әкетті",
  """
  Сәлеметсіз бе!

  Менің ағам Қазақ Уикипедиясында Қаңтар оқиғалары туралы мақалалар жазатын. Бүгін таңертең Алматыда үйіне полиция мен ҰҚК қызметкерлері келіп, тінту жүргізді, ноутбугі мен телефонын алып кетті. Ағамды өздерімен бірге алып кетті, қайда екенін айтпайды. Адвокатты жібермей отыр.

  Өтінемін, көмектесіңіздерші.
  Айгерім
  """)

P("kk", T, HR, "gmail", "Nurlan <nurlan.kz.wiki@gmail.com>", "Өлтіреміз деп қорқытып жүр",
  """
  Сәлем. Бір облыс әкімінің туыстарының бизнесі туралы мақаланы толықтырғаннан кейін WhatsApp-қа "сені тауып аламыз, өлтіреміз" деген хабарлар келе бастады. Кеше үйімнің суретін жіберді. Полицияға арыз бердім, бірақ олар да солардың адамдары сияқты. Не істесем болады?
  """)

P("kk", D, HR, "yandex", "Дана С. <dana.s@yandex.kz>", "Жеке деректерімді жариялады",
  """
  Сәлеметсіз бе, бір Telegram-арнада менің толық аты-жөнім, ЖСН-ім, Астанадағы пәтерімнің мекенжайы, жұмыс орным және қызымның балабақшасының аты жарияланыпты. "Уикипедияда елді жамандайтын сатқын" деп жазған. Өте қорқып отырмын.
  """)

P("kk", H, HR, "gmail", "Асель <asel.kz.wp@gmail.com>", "қудалау",
  """
  Сәлем, бірнеше айдан бері бір топ адам маған Instagram-да, Telegram-да күнде жазады: "сен шетелдің агентісің", "сенің анаң да сатқын". Менің суреттерімді өзгертіп, әдепсіз мемдер жасап таратады. Уикипедиядағы түзетулерімді де бірден қайтарады. Әбден шаршадым.
  """)

P("kk", C, HR, "gmail", "Ерлан <erlan.admin.kk@gmail.com>", "аккаунт",
  """
  Сәлеметсіз бе. Мен қазақ Уикипедиясының әкімшісімін. Кеше "Wikimedia қауіпсіздік қызметі" деп хат келді, сілтемеге кіріп құпиясөзімді жаздым. Бүгін менің аккаунтыммен біреу беттерді жойып жатыр. Тезірек бұғаттаңыздар!
  """)

P("kk", V, HR, "gmail", "Marat <marat.q@gmail.com>", "Qauipsizdik turaly suraq",
  """
  Salemetsiz be. Men Qytaidagy lagerlerdegi qazaqtar turaly jazgym keledi, biraq tuystarym Shynzhanda turady. Olarga zyian keltirmeu ushin qandai saqtyq sharalaryn qoldanuym kerek? Rakhmet.
  """, note="Kazakh in Latin letters (informal, no special letters)")

P("kk", M, EM, "mailru", "Болат Ахметов <bolat.akhmetov@mail.ru>", "Мақала жасау",
  """
  Сәлеметсіз бе! Біздің компания туралы Уикипедияда мақала ашқымыз келеді. Бағасы қанша? Жылдам жауап беріңіздерші.
  """)

# --- Kyrgyz --------------------------------------------------------------------

P("ky", A, EM, "gmail", "Жылдыз <jyldyz.kg.wiki@gmail.com>", "Досумду кармап кетишти",
  """
  Саламатсызбы!

  Кыргыз Википедиясында мамлекеттик коррупция жөнүндө макалаларды жазган досумду бүгүн Бишкекте УКМК кызматкерлери кармап кетишти. Үйүн тинтип, компьютерин алып кетишти. "Массалык башаламандыкка чакыруу" деп айыптап жатышат. Жардам бериңиздерчи.
  """)

P("ky", T, HR, "gmail", "Азамат <azamat.osh@gmail.com>", "Өлтүрөбүз деп коркутушат",
  """
  Салам. Ош окуялары жөнүндө макаланы оңдогондон кийин мага Telegram аркылуу "сени өлтүрөбүз, үйүңдү билебиз" деп жазып жатышат. Кечээ эшигимдин алдына кагаз таштап кетишиптир. Эмне кылайын?
  """)

P("ky", D, HR, "gmail", "Айпери <aiperi.kg@gmail.com>", "Жеке маалыматымды чыгарышты",
  """
  Саламатсызбы, бир Facebook баракчасы менин атымды, паспортумдун сүрөтүн, ата-энемдин айылын жана менин иштеген мектебимди жарыялады. "Википедияда элди жамандаган чыккынчы" деп жазышкан. Коңшулар ата-энеме келип урушуп кетишти.
  """)

P("ky", C, HR, "gmail", "Бакыт <bakyt.admin.ky@gmail.com>", "аккаунт бузулду",
  """
  Салам, менин Википедиядагы аккаунтума бирөө кирип, паролду өзгөртүптүр. Телефонумду милиция эки күн кармап туруп кайра берген, ошондон кийин болду окшойт. Эмне кылышым керек?
  """)

P("ky", V, HR, "gmail", "Нурайым <nuraiym.k@gmail.com>", "коопсуздук боюнча суроо",
  """
  Саламатсызбы, биз Бишкекте аялдар үчүн Википедия түзөтүү иш-чарасын өткөргөнү жатабыз. Катышуучулардын аты-жөнүн жана сүрөттөрүн жарыялабаш үчүн эмнеге көңүл бурушубуз керек? Рахмат.
  """)

P("ky", M, EM, "gmail", "Талант <talant.1990@gmail.com>", "сертификат",
  """
  Саламатсызбы, мен Википедия марафонуна катышкам, сертификат кайдан алсам болот? Жумушка керек эле.
  """)

# --- Uzbek ---------------------------------------------------------------------

P("uz", A, EM, "gmail", "Dilnoza Karimova <dilnoza.karimova.wiki@gmail.com>", "Akamni qamoqqa olishdi",
  """
  Assalomu alaykum!

  Akam O‘zbek Vikipediyasida Qoraqalpog‘istondagi voqealar haqida maqolalar yozgan edi. Bugun ertalab Nukusda DXX xodimlari uyga kelib tintuv o‘tkazishdi va akamni olib ketishdi. Telefon va kompyuterini ham olib ketishdi. Qayerdaligini aytishmayapti. Iltimos, yordam bering.

  Dilnoza
  """)

P("uz", T, HR, "gmail", "Jasur <jasur.uz.wp@gmail.com>", "o'ldirish bilan tahdid",
  """
  Salom. Bir viloyat hokimining qarindoshlari haqidagi maqolani tahrirlaganimdan keyin Telegramda "seni topamiz, o'ldiramiz" degan xabarlar kelyapti. Kecha uyimning rasmini yuborishdi. Militsiyaga arz qildim, lekin javob yo'q. Nima qilay?
  """, note="Uzbek with ASCII apostrophes")

P("uz", D, HR, "thebat", "Гулнора <gulnora.t@mail.ru>", "Шахсий маълумотларим эълон қилинди",
  """
  Ассалому алайкум, бир Телеграм каналида менинг исм-фамилиям, паспортим расми, Тошкентдаги уй манзилим ва иш жойим эълон қилинибди. "Википедияда Ватанга хиёнат қилаётган" деб ёзишган.
  """, cs="utf-8", note="Uzbek in Cyrillic")

P("uz", H, HR, "gmail", "Sardor <sardor.k@gmail.com>", "ta'qib",
  """
  Assalomu alaykum, bir necha oydan beri bir guruh odamlar meni ta’qib qilmoqda: Vikipediyadagi tahrirlarimni qaytarishadi, haqoratli xatlar yuborishadi, ishxonamga qo‘ng‘iroq qilib "u chet el agenti" deyishgan. Charchadim.
  """, note="Uzbek with typographic apostrophes")

P("uz", C, EM, "gmail", "Bekzod <bekzod.admin.uz@gmail.com>", "SHOSHILINCH akkaunt",
  """
  Shoshilinch! Mening Vikipediya administrator akkauntimga kimdir kirib olgan va hozir sahifalarni o`chirmoqda. Parol o`zgartirilgan. Iltimos, darhol bloklang!
  """, note="Uzbek with backtick apostrophes")

P("uz", V, HR, "gmail", "Malika <malika.r@gmail.com>", "xavfsizlik bo'yicha savol",
  """
  Assalomu alaykum, majburiy mehnat haqida maqola yozmoqchiman. Haqiqiy ismim bilan ochilgan akkauntni ishlatishim xavflimi? Yangi akkaunt ochsam, eski tahrirlarim bog'lanib qolmaydimi? Rahmat.
  """)

P("uz", M, EM, "gmail", "Anvar <anvar.biznes@gmail.com>", "kompaniya sahifasi",
  """
  Assalomu alaykum, kompaniyamiz haqida Vikipediyada sahifa ochmoqchimiz. Narxi qancha? Tez javob bering iltimos.
  """)

# --- Tajik ---------------------------------------------------------------------

P("tg", A, EM, "gmail", "Фарангис <farangis.tj.wiki@gmail.com>", "Бародарамро дастгир карданд",
  """
  Ассалому алейкум!

  Бародарам дар Википедияи тоҷикӣ дар бораи воқеаҳои Бадахшон мақола менавишт. Имрӯз саҳар дар Хоруғ кормандони КДАМ ба хонааш омада, ӯро бо худ бурданд. Телефон ва компютерашро гирифтанд. Намедонем дар куҷост. Лутфан кӯмак кунед.
  """)

P("tg", T, HR, "mailru", "Рустам <rustam.dushanbe@mail.ru>", "таҳдиди куштан",
  """
  Салом. Пас аз он ки ман мақолаи ҳизби мухолифро навиштам, ба ман дар Telegram менависанд, ки "туро меёбем ва мекушем, хонаатро медонем". Ман дар Маскав зиндагӣ мекунам, вале онҳо суроғаамро медонанд.
  """, cs="KOI8-T", note="Tajik in KOI8-T")

P("tg", D, HR, "gmail", "Мадина <madina.tj@gmail.com>", "маълумоти шахсиамро паҳн карданд",
  """
  Салом, дар як гурӯҳи Одноклассники сурати ман, номи падарам, суроғаи хонаи модарам дар Кӯлоб ва рақами телефонамро гузоштанд. Навиштанд, ки "ин хоин дар Википедия менависад".
  """)

P("tg", C, HR, "gmail", "Шоҳрух <shohruh.admin@gmail.com>", "ҳисоб",
  """
  Салом, ҳисоби ман дар Википедия бо ҳамон пароле буд, ки дар почтаам. Почтаамро рахна карданд ва ҳоло аз ҳисоби ман дигар корбаронро манъ мекунанд. Ман мудир ҳастам. Лутфан ёрӣ диҳед.
  """)

P("tg", V, HR, "gmail", "Нилуфар <nilufar.k@gmail.com>", "саволи амният",
  """
  Салом, ман ба Тоҷикистон ба хонаи падару модарам сафар мекунам. Дар фурудгоҳ телефонҳоро месанҷанд. Бо ҳисоби Википедия чӣ кор кунам? Ташаккур.
  """)

P("tg", M, EM, "gmail", "Ҷамшед <jamshed.tj1985@gmail.com>", "мақола",
  """
  Салом, ман мехоҳам дар бораи деҳаи худ мақола нависам, вале намедонам чӣ тавр. Метавонед ба ман нависед?
  """)

# --- Azerbaijani ---------------------------------------------------------------

P("az", A, EM, "gmail", "Leyla Məmmədova <leyla.mammadova.wiki@gmail.com>", "Qardaşımı həbs ediblər",
  """
  Salam,

  Qardaşım Azərbaycan Vikipediyasında siyasi məhbuslar haqqında məqalələr yazırdı. Bu səhər Bakıda polis evə gəlib axtarış apardı və onu apardı. Telefonunu və kompüterini də götürdülər. Vəkili onunla görüşə buraxmırlar. Deyirlər "qaçaqmalçılıq" ittihamı var. Zəhmət olmasa kömək edin.

  Leyla
  """)

P("az", T, HR, "gmail", "Orxan <orxan.az.wp@gmail.com>", "ölüm təhdidi",
  """
  Salam. Bir deputatın biznesi haqqında məqaləni redaktə etdikdən sonra Instagram-da "səni tapacağıq, başını kəsəcəyik" yazırlar. Dünən evimin şəklini göndərdilər. Mən Gürcüstandayam amma qorxuram.
  """)

P("az", D, HR, "owa", "Aysel <aysel.k@outlook.com>", "şəxsi məlumatlarım yayılıb",
  """
  Salam, hökumətyönlü bir saytda məqalə çıxıb: tam adım, FİN kodum, Sumqayıtdakı ünvanım, işlədiyim bank və həyat yoldaşımın şəkilləri. Başlıq belədir: "Vikipediyada Vətənə xəyanət edən qadın". Nə etməliyəm?
  """)

P("az", H, HR, "gmail", "Kamran <kamran.h@gmail.com>", "təqib",
  """
  Salam, bir neçə aydır ki, bir qrup hesab məni izləyir, redaktələrimi geri qaytarır, ailəmə WhatsApp-da təhqiredici mesajlar göndərir və mənim adımdan saxta hesablar açıb. Çox yorulmuşam.
  """)

P("az", C, HR, "gmail", "Tural <tural.admin.az@gmail.com>", "hesabım oğurlanıb",
  """
  Salam, dünən axşam telefonuma Vikipediyadan "yeni cihazdan giriş" bildirişi gəldi, sonra şifrəm dəyişdirildi. İndi mənim hesabımdan Qarabağ haqqında məqalələrdə qəribə dəyişikliklər edilir. Mən inzibatçıyam.
  """)

P("az", V, HR, "gmail", "Nərgiz <nargiz.s@gmail.com>", "təhlükəsizlik sualı",
  """
  Salam, Bakıya qayıtmalıyam. Sərhəddə telefonlara baxırlar. Vikipediya tətbiqini silim, yoxsa ehtiyac yoxdur? Təşəkkürlər.
  """)

P("az", M, EM, "gmail", "Elvin <elvin.1992@gmail.com>", "ianə",
  """
  Salam, Azərbaycandan kartla ianə edə bilmirəm, ödəniş alınmır. Başqa yol varmı? Təşəkkürlər.
  """)

# --- Armenian ------------------------------------------------------------------

P("hy", T, EM, "gmail", "Արամ Պետրոսյան <aram.petrosyan.wiki@gmail.com>", "Սպառնում են սպանել",
  """
  Բարև Ձեզ,

  Հայերեն Վիքիպեդիայում մի օլիգարխի բիզնեսի մասին հոդված խմբագրելուց հետո ինձ Telegram-ով գրում են՝ «քեզ կգտնենք ու կսպանենք, գիտենք որտեղ ես ապրում»: Այսօր իմ մեքենայի անիվները ծակել են ու գրություն թողել՝ «վերջին զգուշացում»: Խնդրում եմ օգնեք:

  Արամ
  """)

P("hy", A, HR, "gmail", "Anna Hakobyan <anna.hakobyan.wp@gmail.com>", "Ընկերոջս ձերբակալել են",
  """
  Բարև Ձեզ, մեր համայնքի անդամին, ով Վիքիպեդիայում գրում էր բողոքի ակցիաների մասին, երեկ Երևանում ձերբակալել են: Հեռախոսն ու համակարգիչը վերցրել են: Փաստաբանը ասում է՝ կարող են երկու ամիս կալանավորել:
  """)

P("hy", D, HR, "gmail", "Lilit <lilit.am@gmail.com>", "Anhatakan tvyalnerս hraparakel en",
  """
  Barev dzez, mi Facebook ej hraparakel e im anun-azganuny, tan hascen Gyumrium, ashxatavayry u erexayis dprotsi anuny. Grel en, vor yes "davajan em Vikipediayum". Shat em vakhenum.
  """, note="Armenian in Latin letters")

P("hy", C, HR, "gmail", "Gor <gor.admin.hy@gmail.com>", "հաշիվս կոտրել են",
  """
  Բարև, իմ Google հաշվից նամակ եկավ, որ մուտք է եղել Ռուսաստանից: Հետո Վիքիպեդիայի գաղտնաբառս էլ փոխվեց: Ես ադմինիստրատոր եմ: Ի՞նչ անեմ:
  """)

P("hy", H, HR, "gmail", "Նարե <nare.k@gmail.com>", "հետապնդում",
  """
  Բարև, մի քանի ամիս է՝ մի խումբ մարդիկ ինձ անընդհատ վիրավորում են, ուղարկում են անպարկեշտ նամակներ, ստեղծել են կեղծ էջ իմ լուսանկարներով և գրել են իմ աշխատավայր:
  """)

P("hy", M, EM, "gmail", "Vardan <vardan.1975@gmail.com>", "հոդվածի ուղղում",
  """
  Բարև, մեր գյուղի մասին հոդվածում եկեղեցու կառուցման տարեթիվը սխալ է: Ո՞նց ուղղեմ:
  """)

# --- Georgian ------------------------------------------------------------------

P("ka", A, EM, "gmail", "ნინო ბერიძე <nino.beridze.wiki@gmail.com>", "ჩემი მეგობარი დააკავეს",
  """
  გამარჯობა,

  ჩვენი ვიკიპედიის საზოგადოების წევრი, რომელიც აქციებზე ფოტოებს იღებს Commons-ისთვის, წუხელ თბილისში რუსთაველზე პოლიციამ დააკავა. ნაცემი იყო, ტელეფონი და კამერა წაართვეს. ადვოკატს არ უშვებენ. გთხოვთ დაგვეხმარეთ.

  ნინო
  """)

P("ka", T, HR, "gmail", "გიორგი <giorgi.ka.wp@gmail.com>", "მოკვლით მემუქრებიან",
  """
  გამარჯობა, ვიკიპედიაში ერთი პარტიის დაფინანსების შესახებ სტატიის რედაქტირების შემდეგ ფეისბუქზე მწერენ: "გიპოვით და მოგკლავთ, ვიცით სად ცხოვრობ". დღეს ჩემი სახლის კარის ფოტო გამომიგზავნეს.
  """)

P("ka", D, HR, "gmail", "Tamar <tamar.g@gmail.com>", "ჩემი პირადი მონაცემები გაავრცელეს",
  """
  გამარჯობა, ერთ ტელეგრამ არხზე გამოაქვეყნეს ჩემი სახელი და გვარი, პირადი ნომერი, ბათუმის მისამართი, სამსახური და ჩემი შვილის ფოტო. წერენ, რომ "აგენტი" ვარ ვიკიპედიის გამო.
  """)

P("ka", H, HR, "gmail", "Levan <levan.k@gmail.com>", "შევიწროება",
  """
  გამარჯობა, რამდენიმე თვეა ანონიმური ანგარიშები მდევნიან: ჩემს რედაქტირებებს აუქმებენ, შეურაცხმყოფელ წერილებს მიგზავნიან და ჩემს დედას ურეკავენ. დავიღალე.
  """)

P("ka", C, HR, "gmail", "დავითი <davit.admin.ka@gmail.com>", "ანგარიში გატეხეს",
  """
  გამარჯობა, დაკავების დროს პოლიციამ ჩემი ტელეფონი ჩამომართვა და ორ დღეში დამიბრუნა. დღეს ვნახე, რომ ჩემი ვიკიპედიის ანგარიშიდან სხვა მოწყობილობიდან შესულან. ადმინისტრატორი ვარ.
  """)

P("ka", V, HR, "gmail", "Mariam <mariam.s@gmail.com>", "უსაფრთხოების კითხვა",
  """
  გამარჯობა, აქციებზე ფოტოების გადაღებისას ადამიანების სახეები უნდა დავფარო? და GPS მონაცემები როგორ წავშალო? მადლობა.
  """)
