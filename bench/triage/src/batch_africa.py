"""Swahili, Amharic, Tigrinya, Oromo, Somali, Hausa, Yoruba, Igbo."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, S, T, V

# --- Swahili -------------------------------------------------------------------

P("sw", A, EM, "gmail", "Juma Mwakasege <juma.mwakasege.wiki@gmail.com>", "Mwenzetu amekamatwa",
  """
  Habari,

  Mwenzetu kutoka jumuiya ya Wikipedia ya Kiswahili, Baraka, amekamatwa leo asubuhi Arusha na watu waliojitambulisha kuwa polisi. Walichukua simu na kompyuta yake. Alikuwa ameandika makala kuhusu watu waliotekwa kabla ya uchaguzi. Familia haijui yuko wapi. Tafadhali tusaidieni haraka.

  Juma
  """)

P("sw", T, HR, "yahoo", "Amina Otieno <amina.otieno@yahoo.com>", "vitisho vya kuuawa",
  """
  Habari zenu, tangu niandike makala kuhusu mauaji ya waandamanaji Nairobi, nimekuwa nikipokea ujumbe WhatsApp unaosema "tutakumaliza, tunajua unapoishi". Jana mtu aliacha karatasi mlangoni kwangu. Nimeripoti polisi lakini hawajafanya kitu. Naogopa sana.
  """)

P("sw", D, HR, "gmail", "Hassan Said <hassan.said.wp@gmail.com>", "taarifa zangu zimevujishwa",
  """
  Habari, kuna akaunti ya X imeweka jina langu kamili, picha ya kitambulisho changu cha NIDA, mtaa ninaoishi Dar es Salaam, kazi yangu na namba ya simu ya mke wangu. Wanasema mimi ni "msaliti anayeandika uongo Wikipedia". Nifanye nini?
  """)

P("sw", H, HR, "gmail", "Neema <neema.k.wp@gmail.com>", "unyanyasaji",
  """
  Habari, kwa miezi kadhaa kikundi cha watumiaji kimekuwa kikinisumbua. Wanafuta marekebisho yangu yote, wananitumia barua pepe za matusi, na sasa wamempigia simu bosi wangu kazini. Nimechoka.
  """)

P("sw", C, HR, "gmail", "Peter Mwangi <peter.mwangi.admin@gmail.com>", "akaunti imedukuliwa",
  """
  Habari, mtu ameingia kwenye akaunti yangu ya Wikipedia na kubadilisha nenosiri. Mimi ni msimamizi wa Wikipedia ya Kiswahili. Pia laini yangu ya simu ilihamishwa bila idhini yangu jana (M-Pesa pia). Tafadhali nisaidieni.
  """)

P("sw", V, HR, "gmail", "Zawadi <zawadi.m@gmail.com>", "swali kuhusu usalama",
  """
  Habari, nina akaunti ya zamani yenye jina langu halisi na picha yangu kwenye ukurasa wa mtumiaji. Nataka kuanza kuandika kuhusu ukatili wa polisi. Je, naweza kubadilisha jina la akaunti au ni bora kufungua mpya? Asante.
  """)

P("sw", M, EM, "gmail", "Mussa <mussa.business255@gmail.com>", "ukurasa wa kampuni",
  """
  Habari, naomba kujua gharama ya kutengeneza ukurasa wa Wikipedia kwa kampuni yangu ya utalii. Ni haraka.
  """)

# --- Amharic -------------------------------------------------------------------

P("am", A, EM, "gmail", "ዳዊት ተስፋዬ <dawit.tesfaye.wiki@gmail.com>", "ወንድሜ ታሰረ",
  """
  ጤና ይስጥልኝ፣

  ወንድሜ ሳሙኤል በአማርኛ ውክፔዲያ ስለ ጦርነቱ ጽሑፎችን ይጽፍ ነበር። ትናንት ማታ የፀጥታ ኃይሎች ከቤቱ ወሰዱት። ስልኩንና ኮምፒውተሩን ወሰዱ። የት እንዳለ አናውቅም። እባካችሁ እርዱን።

  ዳዊት
  """)

P("am", T, HR, "gmail", "ሄለን <helen.addis@gmail.com>", "የግድያ ዛቻ",
  """
  ሰላም፣ ስለ ታጣቂ ቡድኖች ጽሑፍ ካዘጋጀሁ በኋላ በቴሌግራም "እንገድልሻለን፣ ቤትሽን እናውቃለን" የሚል መልዕክት ደረሰኝ። ትናንት የቤቴን በር ፎቶ ላኩልኝ። በጣም ፈርቻለሁ።
  """)

P("am", D, HR, "gmail", "Abel <abel.et.wp@gmail.com>", "የግል መረጃዬ ተለቀቀ",
  """
  ሰላም፣ በሰፈራችን ግድግዳዎች ላይ ፎቶዬ ያለበት ወረቀት ተለጥፏል። ስሜ፣ የአባቴ ስም፣ የምሰራበት ትምህርት ቤት እና "በውክፔዲያ ሀገርን የሚሰድብ" የሚል ጽሑፍ አለበት። ተመሳሳይ ምስል በቲክቶክም እየተሰራጨ ነው። ምን ላድርግ?
  """)

P("am", C, HR, "gmail", "Yonas <yonas.admin.am@gmail.com>", "አካውንቴ ተጠልፏል",
  """
  ሰላም፣ ባለፈው ሳምንት ፖሊስ ስልኬን ወስዶ ከሦስት ቀን በኋላ መለሰልኝ። ዛሬ የውክፔዲያ አካውንቴ ከሌላ መሣሪያ እንደተከፈተ ኢሜይል ደረሰኝ፣ የቴሌግራም መልዕክቶቼም "ተነብበዋል" ይላል። እኔ አስተዳዳሪ ነኝ። ምን ላድርግ?
  """)

P("am", V, HR, "gmail", "Meron <meron.k@gmail.com>", "የደህንነት ጥያቄ",
  """
  ሰላም፣ ከዚህ በፊት በእውነተኛ ስሜ የተመዘገበ አካውንት አለኝ። አሁን ስለ ፖለቲካ እስረኞች መጻፍ እፈልጋለሁ። የድሮ አርትዖቶቼን ማጥፋት ወይም የተጠቃሚ ስሜን መቀየር ይቻላል? አመሰግናለሁ።
  """)

P("am", A, HR, "outlook", "Bereket Alemu <bereket.alemu@outlook.com>", "Our colleague detained in Addis - ባልደረባችን ታሰረ",
  """
  Dear team,

  Our colleague from the Amharic Wikipedia community was detained yesterday in Addis Ababa under the state of emergency. ባልደረባችን ትናንት በአዲስ አበባ በአስቸኳይ ጊዜ አዋጅ ታስሯል። ቤተሰቡ የት እንዳለ አያውቁም። We are very worried.

  Bereket
  """, note="mixed English and Amharic")

# --- Tigrinya ------------------------------------------------------------------

P("ti", A, EM, "gmail", "ሰላም ገብረ <selam.gebre.wiki@gmail.com>", "ሓወይ ተኣሲሩ",
  """
  ሰላም፣ ሓወይ ኣብ ውክፔድያ ብዛዕባ ኩናት ትግራይ ይጽሕፍ ነይሩ። ትማሊ ምሸት ሓይልታት ጸጥታ ካብ ገዛ ወሲዶሞ። ተሌፎኑን ኮምፒተሩን ወሲዶም። ኣበይ ከም ዘሎ ኣይንፈልጥን። በጃኹም ሓግዙና።
  """)

P("ti", T, HR, "gmail", "Mulu <mulu.mekelle@gmail.com>", "ናይ ሞት ምፍርራህ",
  """
  ሰላም፣ ብዛዕባ ጃምላዊ ቅትለት ምስ ጸሓፍኩ ብቴሌግራም "ክንቀትለካ ኢና፣ ገዛኻ ንፈልጦ ኢና" ዝብል መልእኽቲ በጺሑኒ። ኣዝየ ፈሪሐ ኣለኹ።
  """)

P("ti", D, HR, "gmail", "Tesfay <tesfay.wp@gmail.com>", "ውልቃዊ ሓበሬታይ ተዘርጊሑ",
  """
  ሰላም፣ ኣብ ሓደ ናይ ዩቱብ ቪድዮ ስመይ፣ ኣብ ውክፔድያ ዝጥቀመሉ ስም፣ ኣብ ካምፓላ ዝቕመጠሉ ሰፈርን ናይ ኣደይ ቁጽሪ ተሌፎንን ኣርእዮም። "ከሓዲ" ኢሎምኒ። ኣደይ ሕጂ ብተሌፎን ትፈራራሕ ኣላ።
  """)

P("ti", C, HR, "gmail", "Hagos <hagos.ti@gmail.com>", "ኣካውንተይ ተሰሪቑ",
  """
  ሰላም፣ ናይ ጂሜይለይ መሕለፊ ቃል ካብ ሓደ ዝተሰረቐ ዳታቤዝ ወጺኡ ኢሎምኒ። ሕጂ ብኣካውንተይ ኣብ ውክፔድያ ዘይጸሓፍክዎ ነገራት ይውጽእ ኣሎ። በጃኹም ሓግዙኒ።
  """)

P("ti", S, HR, "gmail", "ስም ዘይብሉ <noname.ti@gmail.com>", "ክጸውር ኣይከኣልኩን",
  """
  ስድራይ ኣብ ማእሰርቲ ኣለዉ፣ ኣነ ድማ በይነይ። ሓደ ሓደ ግዜ ንርእሰይ ክቐትል እሓስብ። ሓደ ሰብ ክፈልጥ ስለ ዝደለኹ እየ ዝጽሕፍ ዘለኹ።
  """)

# --- Oromo ---------------------------------------------------------------------

P("om", A, EM, "gmail", "Gammachuu Tolaa <gammachuu.tolaa@gmail.com>", "Obboleessi koo hidhame",
  """
  Akkam jirtu,

  Obboleessi koo Wikipedia Afaan Oromoo irratti waa'ee namoota ajjeefamanii barreessaa ture. Kaleessa galgala humnoonni nageenyaa mana isaatii fudhatanii deeman. Bilbilaa fi kompiitara isaa fudhatan. Eessa akka jiru hin beeknu. Maaloo nu gargaaraa.
  """)

P("om", T, HR, "gmail", "Caaltuu <caaltuu.o@gmail.com>", "doorsisa ajjeechaa",
  """
  Akkam, erga waa'ee hidhamtoota siyaasaa barreessee booda, Telegram irratti "si ajjeefna, mana kee ni beekna" jedhanii ergaa natti ergu. Baay'een sodaadheera.
  """)

P("om", D, HR, "gmail", "Lammii <lammii.wp@gmail.com>", "odeeffannoon koo dhuunfaa baafame",
  """
  Akkam, garee WhatsApp ganda keenyaa keessatti suuraan koo, maqaan abbaa koo, mana barumsaa ani itti barsiisuu fi lakkoofsi bilbila haadha kootii "kun isa Wikipedia irratti mootummaa arrabsu" jedhamee raabsame. Namoonni mana keenya barbaaduu eegalaniiru.
  """)

P("om", C, HR, "gmail", "Abdii <abdii.admin.om@gmail.com>", "akkaawuntiin koo hatame",
  """
  Akkam, kaleessa SIM kaardiin koo hojii dhaabe, har'a immoo email koo fi akkaawuntii Wikipedia koo seenuu hin danda'u. Namni lakkoofsa koo fudhate fakkaata. Ani bulchaa Wikipedia Afaan Oromoo ti.
  """)

P("om", V, HR, "gmail", "Hawwii <hawwii.k@gmail.com>", "gaaffii nageenyaa",
  """
  Akkam, yoo poolisiin na qabee bilbila koo fi jecha icciitii na gaafate maal gochuu qaba? Akkaawuntii Wikipedia bilbila irraa haquun ni danda'amaa? Galatoomaa.
  """)

# --- Somali --------------------------------------------------------------------

P("so", T, EM, "gmail", "Cabdi Maxamed <cabdi.maxamed.wiki@gmail.com>", "hanjabaad dil ah",
  """
  Salaan,

  Waxaan ahay tafatire Wikipedia Soomaali ah. Kadib markii aan wax ka qoray weerarrada Al-Shabaab ee Muqdisho, waxaa ii yimid fariimo "waan ku dili doonnaa, gurigaaga waan naqaannaa". Xalay qof ayaa albaabka gurigeyga warqad ku dhajiyay. Fadlan i caawiya.

  Cabdi
  """)

P("so", A, HR, "gmail", "Faadumo <faadumo.h@gmail.com>", "walaalkay waa la xiray",
  """
  Salaan, walaalkay oo Wikipedia ku qora maqaallo ku saabsan musuqmaasuqa ayaa shalay lagu xiray Hargeysa. Taleefankiisii iyo kombiyuutarkiisii waa la qaatay. Ma garanayno halka uu ku jiro.
  """)

P("so", D, HR, "gmail", "Axmed <axmed.so.wp@gmail.com>", "xogtayda gaarka ah waa la faafiyay",
  """
  Salaan, kanaal Telegram ah oo leh 40,000 oo qof ayaa dhigay sawirkayga, magaca aabbahay iyo qabiilkayga, xaafadda aan ku noolahay ee Nairobi iyo lambarka taleefanka xaaskayga. Waxay yiraahdeen "kani waa kan Wikipedia ka qora Al-Shabaab".
  """)

P("so", C, HR, "gmail", "Yuusuf <yuusuf.admin.so@gmail.com>", "akoonkayga waa la jabsaday",
  """
  Salaan, akoonkayga Facebook iyo kan Wikipedia labadaba waa la qabsaday isla habeenkii. Hadda qofkaas wuxuu fariimo u dirayaa tafatirayaasha kale isagoo magacayga isticmaalaya, wuxuuna weydiinayaa lacag. Fadlan ka digtoonaada.
  """)

P("so", M, EM, "gmail", "Maxamuud <maxamuud.2024@gmail.com>", "sida loo sameeyo bog",
  """
  salaan, sidee baan u sameeyaa bog Wikipedia oo ku saabsan qabiilkayaga? mahadsanid
  """)

# --- Hausa ---------------------------------------------------------------------

P("ha", T, EM, "gmail", "Abubakar Sani <abubakar.sani.wiki@gmail.com>", "barazanar kisa",
  """
  Assalamu alaikum,

  Ni mai gyara ne a Wikipedia ta Hausa. Tun bayan na rubuta labarin game da 'yan bindiga a Zamfara, ana aiko min sakonni a WhatsApp cewa "za mu kashe ka, mun san gidanka". Jiya wasu mutane biyu sun zo unguwarmu suna tambayar sunana. Don Allah ku taimaka min.

  Abubakar
  """)

P("ha", A, HR, "gmail", "Fatima Bello <fatima.bello.wp@gmail.com>", "an kama dan uwana",
  """
  Assalamu alaikum, an kama dan uwana jiya a Kano saboda abin da ya rubuta a Wikipedia game da rikicin addini. 'Yan sanda sun dauki wayarsa. Ba mu san inda yake ba. Don Allah ku taimaka.
  """, note="Hausa without hooked letters")

P("ha", D, HR, "gmail", "Musa Ibrahim <musa.ibrahim.ha@gmail.com>", "an fitar da bayanan sirrina",
  """
  Sannu, an yada hoton fuskata da sunan mahaifina da sunan masallacin unguwarmu a kungiyoyin WhatsApp, ana cewa ni ne "wanda yake zagin addini a Wikipedia". Wani ma ya rubuta lambar gidanmu. Iyayena suna jin tsoro.
  """)

P("ha", C, HR, "gmail", "Aminu <aminu.admin.ha@gmail.com>", "an sace asusuna",
  """
  Sannu, na manta ban fita daga asusuna ba a wani shagon intanet a Kaduna. Yanzu ana amfani da asusuna na Wikipedia ana goge shafuka. Ni mai kula ne. Don Allah ku dakatar da shi.
  """)

P("ha", V, HR, "gmail", "Zainab <zainab.ha@gmail.com>", "tambaya game da tsaro",
  """
  Sannu, 'yan sanda sun ce in zama "mai ba su bayani" game da sauran masu gyara a Wikipedia. Idan na ki, me zai faru? Yaya zan kare kaina? Na gode.
  """)

# --- Yoruba --------------------------------------------------------------------

P("yo", T, EM, "gmail", "Adewale Ogunleye <adewale.ogunleye.wiki@gmail.com>", "ihalẹ iku",
  """
  E kaaro,

  Mo jẹ olootu lori Wikipedia Yorùbá. Lati igba ti mo ti kọ nipa ipaniyan awọn alainitelorun ni Lekki, awọn eniyan n fi ranṣẹ si mi lori WhatsApp pe "a maa pa ẹ, a mọ ile rẹ". Ni ana, awọn ọkunrin meji wa si adugbo wa n beere orukọ mi. Ẹ jọwọ ẹ ran mi lọwọ.

  Adewale
  """)

P("yo", A, HR, "gmail", "Funmilayo <funmilayo.a@gmail.com>", "won ti mu egbon mi",
  """
  E kaasan, won ti mu egbon mi ni Ibadan lana nitori ohun to ko sori Wikipedia nipa ijoba ipinle. Awon olopaa gba foonu re. A ko mo ibi ti o wa. E jowo e ran wa lowo.
  """, note="Yoruba without tone marks")

P("yo", D, HR, "gmail", "Tunde <tunde.yo.wp@gmail.com>", "won ti tu asiri mi sita",
  """
  Ẹ n lẹ, ọkọ mi atijọ ti fi orukọ olumulo Wikipedia mi, adirẹsi ile iya mi ni Ogbomọṣọ, ati awọn aworan mi ti ara mi sori Twitter. O kọ pe "ẹ lọ ba a". Ẹru n ba mi gidigidi.
  """)

P("yo", C, HR, "gmail", "Bola <bola.admin.yo@gmail.com>", "won ti ji account mi",
  """
  Ẹ n lẹ, mo tẹ link kan ti o dabi ti Wikimedia lori SMS, lẹhin naa account mi ko ṣi mọ. Bayi wọn n lo orukọ mi lati fi ọrọ buburu ranṣẹ si awọn olootu miiran. Kini ki n ṣe?
  """)

P("yo", M, EM, "gmail", "Kunle <kunle.biz@gmail.com>", "oju iwe ile-ise mi",
  """
  E kaaro, mo fe se oju-iwe Wikipedia fun ile-ise mi. Elo ni? E dahun kiakia.
  """)

# --- Igbo ----------------------------------------------------------------------

P("ig", T, EM, "gmail", "Chukwuemeka Eze <chukwuemeka.eze.wiki@gmail.com>", "iyi egwu ogbugbu",
  """
  Ndewo,

  Abụ m onye ndezi na Wikipedia Igbo. Kemgbe m dere banyere ogbugbu ndị mmadụ na Orlu, ana m anata ozi na WhatsApp na-asị "anyị ga-egbu gị, anyị maara ụlọ gị". Ụnyahụ, ndị ikom abụọ bịara n'obodo anyị na-ajụ maka m. Biko nyere m aka.

  Emeka
  """)

P("ig", A, HR, "gmail", "Ngozi Okeke <ngozi.okeke.wp@gmail.com>", "ejidere nwanne m",
  """
  Ndewo, ejidere nwanne m nwoke ụnyahụ n'Enugwu n'ihi ihe o dere na Wikipedia. Ndị uwe ojii weere ekwentị ya. Anyị amaghị ebe ọ nọ. Biko nyere anyị aka.
  """)

P("ig", D, HR, "gmail", "Obinna <obinna.ig.wp@gmail.com>", "ha ebipụtala ozi nzuzo m",
  """
  Ndewo, otu onye tinyere na TikTok vidiyo gosiri ụlọ anyị n'Owerri, aha nna m na ụlọ akwụkwọ ụmụ m na-aga, na-asị na m bụ "onye na-ede ụgha na Wikipedia". Ọtụtụ puku mmadụ ahụla ya.
  """)

P("ig", C, HR, "gmail", "Chidi <chidi.admin.ig@gmail.com>", "e zuru akaụntụ m",
  """
  Ndewo, ekwentị m furu efu na ụgbọ ala izu gara aga. Taa, ahụrụ m na mmadụ ji akaụntụ Wikipedia m na-edezi ihe, ma gbanwee email. Biko kpọchie ya.
  """)

P("ig", V, HR, "gmail", "Adaeze <adaeze.n@gmail.com>", "ajụjụ gbasara nchekwa",
  """
  Ndewo, a kpọrọ m ka m kwuo okwu na nzukọ Wikimedia n'Abuja. Ọ dị mma ka m jiri ezigbo aha m na foto m n'ihe ngosi ha? Daalụ.
  """)
