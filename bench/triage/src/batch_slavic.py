"""Russian, Ukrainian, Polish, Czech, Serbian, Croatian, Bulgarian."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, Q, S, T, V

# --- Russian -------------------------------------------------------------------

P("ru", A, EM, "yandex", "Марина Гусева <m.guseva1979@yandex.ru>", "Задержали брата",
  """
  Здравствуйте. Пишу вам по поводу моего брата Дмитрия, он много лет пишет в Википедии (статьи про историю репрессий и про войну). Сегодня в 6 утра к нему пришли с обыском, человек восемь, сказали что из ФСБ. Забрали компьютер, телефоны, флешки. Его увезли, адвоката не пускают. Следователь сказал жене, что статья 207.3, "фейки об армии".

  Мы не знаем, что делать. Пожалуйста, помогите хоть чем-то.

  Марина
  """)

P("ru", A, HR, "thebat", "Алексей Н. <alex_n@rambler.ru>", "Вызов на беседу в Центр Э",
  """
  Добрый день.

  Мне позвонили из Центра "Э" и "пригласили на беседу" в четверг. Сказали, что есть вопросы по моим правкам в Википедии про протесты 2021 года. Официальной повестки нет. Знакомого в прошлом году после такой "беседы" оставили на 15 суток по административке, а потом возбудили уголовное дело.

  Подскажите, пожалуйста, как быть: идти или нет, нужно ли удалять аккаунт, можно ли как-то получить помощь юриста?

  Алексей
  """, cs="koi8-r", cte="8bit")

P("ru", T, EM, "mailru", "Зарема <zarema.kh@mail.ru>", "угрозы убийством",
  """
  Помогите пожалуйста. Я пишу статьи в википедии про похищения людей в Чечне. Сегодня мне позвонили на ватсап с неизвестного номера и сказали что если я не удалю "эту грязь" то меня найдут и убьют, и что мои родственники в Грозном уже знают "чем я занимаюсь". Я живу не в России, но они знают город. Я боюсь выходить из дома. Что мне делать??
  """)

P("ru", T, HR, "gmail", "Pavel <pavel.editor.spb@gmail.com>", "ugrozy",
  """
  Zdravstvujte, pishu translitom, tak kak sizhu s chuzhogo kompjutera. Posle moih pravok v statje pro ChVK mne prishli soobschenija v telegrame: "my znaem tvoj adres, skoro priedem, dolgo ne prozhivesh". Prislali foto moego podjezda. Ja uehal k drugu, no ne znaju chto delat dalshe. Mozhno li kak-to pomoch s vyezdom?

  Pavel
  """, note="Russian in Latin transliteration")

P("ru", D, HR, "yandex", "Ольга Смирнова <olga.smirnova.wiki@ya.ru>", "Слили мои данные",
  """
  Здравствуйте!

  В телеграм-канале "Предатели Родины" опубликовали пост про меня. Там есть:
  — моё ФИО и дата рождения,
  — адрес прописки и адрес, где я сейчас снимаю квартиру,
  — серия и номер паспорта, фото страницы,
  — место работы и телефон начальника,
  — фото моей дочери и название её школы.
  Подписано: "пишет в Википедии русофобские статьи, вы знаете что делать". Канал читают 80 тысяч человек. Мне уже звонят с угрозами.

  Что я могу сделать? Можно ли как-то удалить пост?

  Ольга
  """)

P("ru", D, EM, "iphone", "Ilya <ilya.k.wiki@icloud.com>", "срочно, мой адрес опубликовали",
  """
  Срочно. На форуме выложили мой домашний адрес в Тбилиси, где я живу после отъезда, номер телефона и фото моей машины. Пишут что "Z-добровольцы" уже едут. Что делать??

  Отправлено с iPhone
  """)

P("ru", H, HR, "mailru", "Наталья Ветрова <n.vetrova@bk.ru>", "Травля",
  """
  Добрый вечер. Уже четвёртый месяц меня травит группа участников с форума. Они создают аккаунты с моей фамилией, пишут мне письма через Википедию с оскорблениями, выкладывают мои фото с подписями "агент Госдепа", писали на работу и в управление образования (я учитель). Администраторы блокируют аккаунты, но появляются новые каждую неделю. Я на грани.
  """)

P("ru", C, HR, "gmail", "Sergey Volkov <s.volkov.wp@gmail.com>", "Взломали аккаунт",
  """
  Здравствуйте. Сегодня ночью кто-то зашёл в мою учётную запись в Википедии (я администратор в русском разделе) и сменил пароль и почту. На моей почте gmail тоже была попытка входа из Москвы, хотя я давно живу в Вильнюсе. Боюсь, что могли прочитать переписку с другими участниками, в том числе с теми, кто остался в России. Что делать в первую очередь?
  """)

P("ru", S, HR, "yandex", "без имени <noname.2026@yandex.ru>", "не знаю зачем пишу",
  """
  после того как меня выгнали с работы из-за доноса и от меня отвернулись родители, я не вижу смысла жить. последние дни думаю только о том, как покончить с собой. я никому не говорил. наверное просто хотел чтобы кто-то знал
  """)

P("ru", V, HR, "thunderbird", "Игорь <igor.m@riseup.net>", "Вопрос о безопасности при пересечении границы",
  """
  Здравствуйте!

  Я редактирую статьи о войне и собираюсь съездить в Россию к больной маме. На границе сейчас часто проверяют телефоны. Что посоветуете: брать отдельный телефон, выйти из всех аккаунтов, удалить приложение Википедии? Можно ли сделать так, чтобы мою учётную запись не связали со мной?

  Спасибо.
  """)

P("ru", M, EM, "mailru", "Валерий Петрович <v.p.kuznecov1958@mail.ru>", "Исправьте статью",
  """
  Уважаемые господа!
  В статье о нашем заводе указан неверный директор. Директор с 2024 года Кузнецов В.П., то есть я. Прошу срочно исправить.
  С уважением, Кузнецов В.П.
  """, cs="koi8-r", cte="base64")

P("ru", A, EM, "gmail", "Эльвира <elvira.crimea@gmail.com>", "в Крыму задержали мужа",
  """
  Здравствуйте, моего мужа Рустема задержали сегодня в Бахчисарае, утром пришли ФСБ и ОМОН, обыск был 4 часа, забрали ноутбук. Он переводил статьи в Википедию на крымскотатарский язык. Сказали что "терроризм". Адвоката не пускают. Пожалуйста помогите
  """)

P("ru", Q, HR, "yandex", "Анна К. <anna.k.research@ya.ru>", "вопрос",
  """
  Добрый день. Подскажите, пожалуйста, есть ли у вас материалы на русском языке по цифровой безопасности для участников? Мы хотим провести встречу для редакторов из Казахстана и Кыргызстана. Спасибо!
  """)

# --- Ukrainian -----------------------------------------------------------------

P("uk", A, EM, "gmail", "Оксана Мельник <oksana.melnyk.wiki@gmail.com>", "Затримали нашого вікіпедиста на окупованій території",
  """
  Добрий день. Наш колега з Вікіпедії, Андрій, живе в окупованому Мелітополі. Вчора його затримали на блокпосту, перевіряли телефон і знайшли Вікіпедію та переписку з нами. Відтоді він не виходить на зв'язок. Його мама каже, що його тримають у підвалі комендатури. Будь ласка, чи можете ви щось зробити?
  """)

P("uk", T, HR, "owa", "Тарас Бондаренко <taras.bondarenko@ukr.net>", "Погрози вбивством",
  """
  Вітаю.

  Я пишу статті про колаборантів у моєму місті. Після останньої правки мені в телеграм прийшло повідомлення: "тебе знайдуть і закопають разом з твоєю вікіпедією", і фото мого будинку. Це вже третє повідомлення за тиждень. Я звернувся до поліції. Що ще я можу зробити?

  Тарас
  """)

P("uk", D, HR, "thebat", "Ірина <iryna.k@i.ua>", "злили мої дані",
  """
  Доброго дня. На російському сайті "Миротворец наоборот" виклали мою анкету: повне ім'я, дата народження, адреса в Харкові, номер телефону, фото з паспорта і фото моїх батьків. Написано, що я "нацистка з Вікіпедії". Мені страшно, бо батьки живуть в окупації.
  """, cs="koi8-u", cte="8bit")

P("uk", H, HR, "gmail", "Mykola Shevchuk <mykola.shevchuk.wp@gmail.com>", "цькування",
  """
  Привіт. Вже кілька місяців група акаунтів переслідує мене в Укрвікі та на Вікісховищі: відкочують мої редагування, надсилають образливі листи, створюють пародійні акаунти, написали моєму керівнику на роботі. Адміністратори блокують, але з'являються нові. Я дуже втомився.
  """)

P("uk", C, EM, "iphone", "Наталія <nataliia.h@icloud.com>", "ТЕРМІНОВО зламали акаунт",
  """
  Зламали мій акаунт у Вікіпедії і телеграм одночасно!! З мого телеграму пишуть іншим редакторам і просять їх адреси та фото документів. Я адміністраторка в українській Вікіпедії. Допоможіть!!

  Надіслано з iPhone
  """)

P("uk", V, HR, "thunderbird", "Dmytro <dmytro.p@riseup.net>", "питання щодо безпеки",
  """
  Добрий день!

  Я фотографую наслідки обстрілів для Вікісховища. Чи є у вас рекомендації, щоб не розкрити позиції ЗСУ і не наразити себе на небезпеку? Наприклад, видаляти EXIF, чекати з публікацією?

  Дякую
  """)

P("uk", T, EM, "samsung", "Sasha <sasha.kyiv.wiki@gmail.com>", "погрози", """
  Вибачте що пишу так, але мені дуже страшно. Писали в інстаграм що вб'ють мене і мою сестру, знають де ми живемо в Одесі, скинули фото нашого під'їзду і моєї сестри біля школи. Кажуть за мої статті. Шо робити, до кого звертатися?? поліція каже "пишіть заяву"
  """, note="Ukrainian with some surzhyk spellings")

P("uk", M, EM, "gmail", "Віктор <viktor.lviv1965@gmail.com>", "стаття про моє село",
  """
  Доброго дня. Хочу додати фото нашої церкви до статті про село. Як це зробити? Дякую.
  """)

P("uk", A, HR, "yahoo", "Olena Kravets <olena.kravets@yahoo.com>", "Батька затримали в Криму",
  """
  Доброго дня,

  мій батько, який живе в Сімферополі і допомагав з перекладами статей у кримськотатарській Вікіпедії, був затриманий ФСБ три дні тому. Йому інкримінують "шпигунство". Ми знайшли адвоката, але його не пускають. Чи може Фонд Вікімедіа допомогти або хоча б публічно заявити про це?

  З повагою,
  Олена
  """)

P("uk", S, EM, "gmail", "без імені <bezimeni.ua@gmail.com>", "...",
  """
  я більше не можу. після всього що вони про мене написали і після того як від мене відвернулися всі, я стою на даху і думаю стрибнути. не знаю навіщо пишу вам
  """)

# --- Polish --------------------------------------------------------------------

P("pl", T, EM, "gmail", "Tomasz Wójcik <tomasz.wojcik.wiki@gmail.com>", "Groźby śmierci",
  """
  Dzień dobry,

  od tygodnia dostaję wiadomości na Messengerze, że "zrobią ze mną porządek" i że "takich jak ja się wiesza". Dziś ktoś napisał sprayem na moim bloku moje nazwisko i słowo "zdrajca". Edytuję artykuły o białoruskiej opozycji. Zgłosiłem na policję. Co mogę jeszcze zrobić?

  Tomasz
  """)

P("pl", D, HR, "owa", "Katarzyna Nowak <katarzyna.nowak@o2.pl>", "Moje dane zostały upublicznione",
  """
  Dzień dobry, na jednym z forów ktoś opublikował moje imię i nazwisko, adres zamieszkania w Krakowie, numer PESEL, miejsce pracy i zdjęcia moich dzieci z Facebooka. Piszą, że "trzeba ją odwiedzić". Stało się to po mojej edycji artykułu o Strajku Kobiet. Co mam robić?
  """)

P("pl", H, HR, "thunderbird", "Michał Zieliński <m.zielinski@wp.pl>", "nękanie",
  """
  Witam,

  od kilku miesięcy jestem nękany przez grupę użytkowników. Cofają wszystkie moje edycje, wysyłają obraźliwe maile przez Wikipedię, a ostatnio napisali do mojego pracodawcy (urzędu miasta), że "szerzę propagandę". Zgłaszałem to administratorom, ale pojawiają się nowe konta.

  Pozdrawiam
  Michał
  """, cs="iso-8859-2")

P("pl", C, HR, "gmail", "Agnieszka Lewandowska <aga.lewandowska.wp@gmail.com>", "przejęte konto",
  """
  Dzień dobry, ktoś przejął moje konto na Wikipedii. Zmienił hasło i adres e-mail. Jestem administratorką na polskiej Wikipedii. Wczoraj dostałam "maila od Wikimedia" z prośbą o weryfikację i kliknęłam w link... Proszę o pomoc.
  """)

P("pl", A, EM, "iphone", "Paweł <pawel.k.wiki@icloud.com>", "kolega zatrzymany na Białorusi",
  """
  Pilne! Nasz kolega z białoruskiej Wikipedii został zatrzymany w Grodnie przez KGB. Rodzina mówi, że przeszukali mieszkanie i zabrali komputer. Nie wiemy gdzie jest. Pomóżcie!!

  Wysłane z iPhone'a
  """)

P("pl", V, HR, "gmail", "Zofia Kamińska <zofia.kaminska.foto@gmail.com>", "pytanie o bezpieczeństwo",
  """
  Dzień dobry! Chcę robić zdjęcia na granicy polsko-białoruskiej dla Commons. Jakie środki ostrożności Państwo polecają? Czy usunąć dane GPS ze zdjęć? Dziękuję!
  """)

P("pl", M, EM, "owa", "Janusz Kowalczyk <janusz.kowalczyk@onet.pl>", "zmiana zdjęcia",
  """
  Dzien dobry, prosze zmienic zdjecie w artykule o mnie na nowsze, stare jest sprzed 10 lat. Z powazaniem Janusz Kowalczyk
  """, note="Polish without diacritics")

# --- Czech ---------------------------------------------------------------------

P("cs", T, HR, "outlook", "Jan Novák <jan.novak@seznam.cz>", "Výhrůžky smrtí",
  """
  Dobrý den,

  po úpravách článku o jedné extremistické skupině mi přišlo několik e-mailů a zpráv na Facebooku, že mě „podříznou jako prase" a že vědí, kde bydlím. Včera mi někdo nechal na dveřích bytu nálepku s mým jménem a šibenicí. Podal jsem trestní oznámení. Můžete mi poradit, co dál?

  S pozdravem
  Jan Novák
  """, cs="windows-1250")

P("cs", D, HR, "gmail", "Petra Svobodová <petra.svobodova.wiki@gmail.com>", "zveřejnili moje údaje",
  """
  Dobrý den, na dezinformačním webu vyšel článek o mně: celé jméno, adresa v Brně, kde pracuji, telefon a fotky mých dětí před školou. Prý jsem „placená aktivistka". Pod článkem jsou komentáře, že by mě někdo měl navštívit. Co mám dělat?
  """)

P("cs", H, HR, "thunderbird", "Tomáš Dvořák <tomas.dvorak@centrum.cz>", "obtěžování",
  """
  Dobrý den,

  už půl roku mě sleduje skupina uživatelů, revertují mé editace, posílají urážlivé e-maily a teď založili falešný profil na Facebooku s mými fotkami. Psali i mé šéfové. Správci blokují účty, ale nepomáhá to.

  Tomáš
  """, cs="iso-8859-2")

P("cs", C, HR, "owa", "Lucie Horáková <lucie.horakova@outlook.cz>", "Napadený účet",
  """
  Dobrý den, někdo se přihlásil k mému účtu na Wikipedii a změnil e-mail. Jsem správkyně české Wikipedie. Prosím o pomoc s obnovením a zablokováním účtu.
  """)

P("cs", A, EM, "gmail", "Martin Černý <martin.cerny.wp@gmail.com>", "zadržení kolegy",
  """
  Dobrý den, náš kolega z wikipedického projektu byl dnes zadržen policií v Baku, kam jel fotit památky. Jeho telefon je vypnutý od rána a ambasáda zatím nic neví. Prosím, můžete pomoci?
  """)

P("cs", V, HR, "gmail", "Eva Procházková <eva.prochazkova@gmail.com>", "Dotaz na bezpečnost",
  """
  Dobrý den, chtěla bych psát o ruských vlivových operacích. Doporučujete používat pseudonym a VPN? Děkuji.
  """)

P("cs", M, EM, "gmail", "Karel Veselý <karel.vesely1949@seznam.cz>", "chyba v článku",
  """
  Dobry den, v clanku o nasi obci je spatne pocet obyvatel. Jak to opravit? Dekuji Vesely
  """, note="Czech without diacritics")

# --- Serbian -------------------------------------------------------------------

P("sr", T, EM, "gmail", "Марко Јовановић <marko.jovanovic.wiki@gmail.com>", "Претње смрћу",
  """
  Поштовани,

  пишем вам јер ми већ недељу дана прете на Инстаграму и преко СМС-а да ће ме „заклати као издајника" због чланака о Сребреници које сам уређивао. Данас ми је неко оставио поруку на колима. Пријавио сам полицији. Молим вас за помоћ.

  Марко
  """)

P("sr", A, HR, "yahoo", "Jelena Petrović <jelena.petrovic.ns@yahoo.com>", "privodjenje kolege",
  """
  Postovani, nas kolega iz Wikimedije Srbije je priveden posle studentskog protesta u Novom Sadu, policija mu je oduzela telefon i laptop i drzi ga vec 48 sati. Kazu da je "organizovao nerede" preko Telegrama. Mozete li nam pomoci?
  """, note="Serbian Latin without diacritics")

P("sr", D, HR, "gmail", "Nikola Stanković <nikola.stankovic.wp@gmail.com>", "Objavili su moje podatke",
  """
  Zdravo, na jednom tabloidnom portalu objavljeno je moje ime i prezime, adresa stana u Beogradu, ime firme u kojoj radim i fotografije moje supruge. Naslov je „Ko piše laži o Kosovu na Vikipediji". Posle toga mi stižu poruke od nepoznatih ljudi. Šta da radim?
  """)

P("sr", H, HR, "owa", "Ана Николић <ana.nikolic@hotmail.rs>", "узнемиравање",
  """
  Поштовани, већ три месеца ме групa корисника прати по Википедији, враћа све моје измене и шаље ми увредљиве поруке. Направили су лажни налог на Фејсбуку са мојим фотографијама. Молим за савет.
  """)

P("sr", C, EM, "gmail", "Stefan Ilić <stefan.ilic.wiki@gmail.com>", "hakovan nalog",
  """
  Hitno! Neko je upao na moj nalog na Vikipediji (administrator sam na srpskoj) i upravo briše stranice. Lozinka je promenjena. Molim vas blokirajte nalog!
  """)

P("sr", V, HR, "thunderbird", "Милош Ђорђевић <milos.djordjevic@riseup.net>", "питање о безбедности",
  """
  Поштовани, планирам да фотографишем протесте за Викиоставу. Како да заштитим идентитет људи на фотографијама и себе? Хвала.
  """)

# --- Croatian ------------------------------------------------------------------

P("hr", T, HR, "gmail", "Ivan Horvat <ivan.horvat.wiki@gmail.com>", "Prijetnje smrću",
  """
  Poštovani,

  nakon što sam uređivao članak o ustaškim zločinima, dobivam poruke da će me "zaklati" i da znaju gdje mi žive roditelji u Vukovaru. Danas mi je netko ostavio metak u poštanskom sandučiću. Prijavio sam policiji. Što još mogu učiniti?

  Ivan
  """)

P("hr", D, HR, "outlook", "Marija Kovačević <marija.kovacevic@t-com.hr>", "objavljeni osobni podaci",
  """
  Dobar dan, na jednoj Facebook grupi objavili su moje ime i prezime, adresu u Splitu, broj mobitela i fotografije moje kćeri ispred škole. Pišu da sam "jugonostalgičarka s Wikipedije". Što da radim?
  """, cs="windows-1250")

P("hr", H, HR, "gmail", "Luka Babić <luka.babic.wp@gmail.com>", "uznemiravanje",
  """
  Bok, grupa korisnika me već mjesecima prati, poništava moje izmjene i šalje mi uvredljive e-mailove. Sad su počeli pisati i mojoj obitelji na Facebooku. Administratori blokiraju račune ali uvijek se pojave novi.
  """)

P("hr", C, HR, "owa", "Ana Marić <ana.maric@hotmail.com>", "netko mi je preuzeo račun",
  """
  Pozdrav, jutros nisam mogla ući u svoj račun na Wikipediji, lozinka je promijenjena. Na e-mail sam dobila obavijest o prijavi s nepoznatog uređaja. Molim pomoć.
  """)

P("hr", A, EM, "iphone", "Tin Jurić <tin.juric@icloud.com>", "uhićen prijatelj",
  """
  Hitno, moj prijatelj koji fotografira za Wikimedia Commons uhićen je danas u Bjelorusiji na granici. Oduzeli su mu opremu. Obitelj ne zna gdje je. Pomozite!

  Poslano s mog iPhonea
  """)

P("hr", M, EM, "gmail", "Zdravko Perić <zdravko.peric55@gmail.com>", "greška u članku",
  """
  Poštovani, u članku o mom selu piše krivo ime crkve. Kako to ispraviti? Lijep pozdrav, Zdravko
  """)

# --- Bulgarian -----------------------------------------------------------------

P("bg", T, EM, "gmail", "Георги Иванов <georgi.ivanov.wiki@gmail.com>", "заплахи за живота ми",
  """
  Здравейте,

  след като редактирах статията за една престъпна групировка, получавам съобщения, че "ще ме намерят в някоя канавка". Днес ми изпратиха снимка на колата ми пред блока. Подадох сигнал в полицията. Моля, помогнете.

  Георги
  """)

P("bg", D, HR, "outlook", "Десислава Петрова <desislava.petrova@abv.bg>", "публикуваха личните ми данни",
  """
  Здравейте, в една група във Фейсбук публикуваха моите три имена, ЕГН, адреса ми в Пловдив, къде работя и снимки на детето ми. Пишат, че съм "соросоид от Уикипедия". Какво да правя?
  """, cs="windows-1251")

P("bg", H, HR, "gmail", "Stoyan Dimitrov <stoyan.dimitrov.wp@gmail.com>", "tormozhene",
  """
  Zdraveite, veche chetiri mesetsa edna grupa potrebiteli me presledva v Uikipedia, vrashtat vsichki moi redaktsii, pishat mi obidni imeili i sazdadoha falshiv profil s moi snimki. Pisaha i na shefa mi. Molya za pomosht.
  """, note="Bulgarian in Latin transliteration")

P("bg", C, HR, "gmail", "Мария Георгиева <maria.georgieva@gmail.com>", "хакнат акаунт",
  """
  Здравейте, някой влезе в акаунта ми в Уикипедия и смени паролата. Аз съм администратор в българската Уикипедия. Моля за помощ.
  """)

P("bg", A, EM, "iphone", "Иван Колев <ivan.kolev@icloud.com>", "задържан колега",
  """
  Спешно! Наш колега от общността беше задържан днес от полицията в Истанбул, докато снимаше протест. Отнеха му телефона. Не знаем къде е.

  Изпратено от моя iPhone
  """)

P("bg", V, HR, "thunderbird", "Елена Тодорова <elena.todorova@mail.bg>", "въпрос за сигурност",
  """
  Здравейте, искам да пиша за корупцията в местната власт. Какво препоръчвате, за да не бъде разкрита самоличността ми? Благодаря.
  """, cs="windows-1251")

P("bg", M, EM, "gmail", "Петър Стоянов <petar.stoyanov1960@gmail.com>", "дарение",
  """
  Здравейте, как мога да направя дарение с банков превод? Благодаря.
  """)
