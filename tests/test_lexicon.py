"""Lexicons: normalisation, matching semantics, strict loading and the shipped lists.

Every shipped language has a case in LANGUAGE_CASES: a realistic report that
must hit the expected categories in that language, and a harmless message
(thanks for a workshop, a question about editing) that must hit nothing in
any language.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from mailrouter.lexicon import (
    CATEGORIES,
    LexiconError,
    LexiconHit,
    Lexicons,
    load_lexicons,
    normalise,
)

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "rules" / "lexicons"
TESTDATA = Path(__file__).parent / "testdata" / "lexicons"
BAD = sorted(TESTDATA.glob("bad-*"))


@pytest.fixture(scope="module")
def shipped() -> Lexicons:
    return load_lexicons(SHIPPED)


@pytest.fixture(scope="module")
def minimal() -> Lexicons:
    return load_lexicons(TESTDATA / "good-minimal")


def terms_of(hits: list[LexiconHit]) -> list[str]:
    return [h.term for h in hits]


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, folded",
    [
        # case, accents, compatibility forms, white space
        ("  Hello\u00a0\tWORLD \n", "hello world"),
        ("Straße", "strasse"),
        ("Éléphant façade naïve", "elephant facade naive"),
        ("ﬁle Ａｂｃ", "file abc"),
        ("Łódź Đà Nẵng Søren", "lodz da nang soren"),
        ("they’re  going", "they're going"),
        ("ΆΣΚΗΣΗ τέλος", "ασκηση τελοσ"),  # tonos removed, final sigma folded
        # Cyrillic: ё -> е and stress marks go, й and ї stay
        ("Ёлка", "елка"),
        ("йод Їжак", "йод їжак"),
        ("заде\u0301ржан", "задержан"),
        # Arabic: harakat, tatweel, alef/hamza variants, alef maksura, teh marbuta
        ("أَحْمَد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
        ("عـــلى", "علي"),
        ("مسؤول رئيس", "مسوول رييس"),
        # Persian / Urdu letters unified with Arabic ones
        ("فارسی كتاب", normalise("فارسي کتاب")),
        ("ہے ۀ", normalise("هے ه")),
        # Hebrew niqqud
        ("שָׁלוֹם", "שלום"),
        # Devanagari: nukta and candrabindu folded, vowel signs kept
        ("ज़िंदगी कहाँ", "जिंदगी कहां"),
        ("मारा", "मारा"),
        # zero-width and bidi characters
        ("kill\u200bme\u200e", "killme"),
        ("\ufeffhello\u00adworld", "helloworld"),
        # half-width katakana -> full width
        ("ｶﾀｶﾅ", "カタカナ"),
        # spaces between letters of scripts without word spaces are dropped
        ("သတ် မယ်", "သတ်မယ်"),
        ("我 用 LINE 聊天", "我用 line 聊天"),
    ],
)
def test_normalise(raw, folded):
    assert normalise(raw) == folded


def test_normalise_keeps_marks_that_are_letters():
    # Indic vowel signs and viramas, Thai and Burmese marks are not "diacritics".
    for text in ("मारना", "হত্যা", "கொலை", "ฆ่าตัวตาย", "ဖမ်းဆီး", "ሊገድሉኝ"):
        assert normalise(text) == unicodedata.normalize("NFC", text)


def test_normalise_is_idempotent():
    samples = [
        "İSTANBUL’da TUTUKLANDI", "أُعتُقِلَ أخي", "می‌کشمت", "Nguyễn bị bắt giữ",
        "ΆΣΚΗΣΗ", "Ёж й", "ज़िंदगी कहाँ", "ｶﾀｶﾅ ﬁ", "ကိုယ့်ကိုယ်ကို သတ်",
    ]
    for text in samples:
        once = normalise(text)
        assert normalise(once) == once


def test_turkish_dotted_and_dotless_i():
    # casefold("İ") is "i" + combining dot: the dot is removed, and dotless ı
    # folds to i, so all four Turkish i's compare equal.
    assert normalise("İSTANBUL") == normalise("istanbul") == normalise("ISTANBUL") == normalise("ıstanbul") == "istanbul"
    assert normalise("TUTUKLANDI") == normalise("tutuklandı") == normalise("tutuklandi")
    lex = Lexicons.from_dict({"tr": {"arrest_detention": ["tutuklan*", "gözaltı*"]}})
    for text in ("KARDEŞİM TUTUKLANDI", "kardeşim tutuklandı", "kardesim tutuklandi", "GÖZALTINA ALINDI", "gozaltina alindi"):
        assert lex.match("arrest_detention", text, ["tr"]), text


def test_persian_zwnj_variants():
    lex = Lexicons.from_dict({"fa": {"threat_to_life": ["می‌کشمت"]}})
    for text in ("می‌کشمت", "میکشمت", "می کشمت", "مي‌كشمت"):
        assert terms_of(lex.match("threat_to_life", text)) == ["می‌کشمت"], text
    # A ZWNJ in the text where the term has none is ignored as well.
    lex2 = Lexicons.from_dict({"fa": {"arrest_detention": ["بازداشتگاه"]}})
    assert lex2.match("arrest_detention", "در بازداشت‌گاه")


def test_arabic_spelling_variants_match():
    lex = Lexicons.from_dict({"ar": {"threat_to_life": ["تهديد بالقتل"], "self_harm": ["أقتل نفسي"]}})
    assert lex.match("threat_to_life", "وصلني تَهْدِيدٌ بالقتـــل")
    assert lex.match("self_harm", "اريد ان اقتل نفسى")  # no hamza, alef maksura for yeh
    assert not lex.match("self_harm", "سأقتل نفسي")  # whole words: سأقتل is not أقتل ...
    prefixed = Lexicons.from_dict({"ar": {"self_harm": ["*قتل نفسي"]}})
    assert prefixed.match("self_harm", "سأقتل نفسي")  # ... which is what a leading '*' is for


# --------------------------------------------------------------------------
# Matching semantics
# --------------------------------------------------------------------------

def test_whole_words_only(minimal):
    assert terms_of(minimal.match("threat_to_life", "They said: kill me, or else.")) == ["kill me"]
    assert minimal.match("threat_to_life", "Please don't kill meat prices") == []
    assert minimal.match("threat_to_life", "skill meter") == []
    assert minimal.match("arrest_detention", "She was in custodyx") == []


def test_multi_word_terms_span_line_breaks_and_spaces(minimal):
    assert minimal.match("threat_to_life", "they will\n  kill\tme")
    assert minimal.match("self_harm", "I want to end\nmy life")


def test_trailing_star_is_a_prefix(minimal):
    for text in ("arrest", "arrested", "ARRESTS", "my brother (arrested)"):
        assert terms_of(minimal.match("arrest_detention", text)) == ["arrest*"], text
    assert minimal.match("arrest_detention", "rearrested") == []  # start boundary still applies
    assert terms_of(minimal.match("threat_to_life", "they're going to killing")) == ["going to kill*"]
    assert terms_of(minimal.match("threat_to_life", "I got death threats")) == ["death threat*"]
    assert terms_of(minimal.match("self_harm", "suicidal thoughts")) == ["suicid*"]


def test_leading_star_is_a_suffix(minimal):
    assert terms_of(minimal.match("arrest_detention", "in Polizeigewahrsam")) == ["*gewahrsam"]
    assert terms_of(minimal.match("arrest_detention", "in Gewahrsam")) == ["*gewahrsam"]
    assert minimal.match("arrest_detention", "gewahrsamkeit") == []


def test_no_space_scripts_match_as_substrings(minimal):
    assert terms_of(minimal.match("arrest_detention", "我的朋友昨天被捕了。")) == ["被捕"]
    # A Latin term next to Han characters: Han letters are not word letters.
    lex = Lexicons.from_dict({"ja": {"account_compromise": ["LINE", "乗っ取られ"]}})
    assert terms_of(lex.match("account_compromise", "私のLINEが乗っ取られました")) == ["LINE", "乗っ取られ"]
    burmese = Lexicons.from_dict({"my": {"arrest_detention": ["ဖမ်းဆီး"]}})
    assert burmese.match("arrest_detention", "မနေ့ကသူ့ကိုဖမ်းဆီးသွားတယ်")
    assert burmese.match("arrest_detention", "မနေ့က သူ့ကို ဖမ်း ဆီး သွားတယ်")  # spaces between phrases
    thai = Lexicons.from_dict({"th": {"self_harm": ["ฆ่าตัวตาย"]}})
    assert thai.match("self_harm", "ฉันคิดจะฆ่าตัวตาย")


def test_indic_vowel_signs_are_part_of_words():
    lex = Lexicons.from_dict({"hi": {"threat_to_life": ["मार"]}})
    assert lex.match("threat_to_life", "वह मार देगा")
    assert lex.match("threat_to_life", "मारा गया") == []  # ा continues the word


def test_results_are_distinct_and_in_order_of_first_occurrence(minimal):
    text = "He was arrested. Later arrested again; he is in custody. Arrest!"
    assert minimal.match("arrest_detention", text) == [
        LexiconHit("arrest_detention", "en", "arrest*"),
        LexiconHit("arrest_detention", "en", "in custody"),
    ]


def test_overlapping_terms_are_all_reported():
    lex = Lexicons.from_dict({"en": {"threat_to_life": ["going to kill", "kill me", "going to kill me"]}})
    assert set(terms_of(lex.match("threat_to_life", "they are going to kill me"))) == {
        "going to kill", "kill me", "going to kill me"}


def test_languages_filter(minimal):
    text = "He was arrested — 他被捕了 — او را بازداشت کردند"
    assert {h.language for h in minimal.match("arrest_detention", text)} == {"en", "zh", "fa"}
    assert {h.language for h in minimal.match("arrest_detention", text, ["fa"])} == {"fa"}
    assert {h.language for h in minimal.match("arrest_detention", text, ["zh-Hant", "EN"])} == {"zh", "en"}
    assert minimal.match("arrest_detention", text, []) == []
    assert minimal.match("arrest_detention", text, ["xx"]) == []


def test_match_all_and_categories(minimal):
    hits = minimal.match_all("They are going to kill me. I was arrested. تهدید به مرگ")
    assert {(h.category, h.language) for h in hits} == {
        ("threat_to_life", "en"), ("arrest_detention", "en"), ("threat_to_life", "fa")}
    assert minimal.categories == {"threat_to_life", "arrest_detention", "self_harm"}
    assert minimal.languages == {"en", "fa", "zh"}
    assert minimal.names["fa"] == "Persian"
    assert minimal.match("doxing", "published my address") == []  # known category, no terms
    with pytest.raises(ValueError, match="unknown lexicon category 'harrassment'"):
        minimal.match("harrassment", "text")


def test_empty_and_odd_texts(minimal):
    assert minimal.match_all("") == []
    assert minimal.match_all("   \n\t ") == []
    assert minimal.match_all("\u200b\u200c\ufeff") == []
    assert minimal.match_all("\x00kill me\x00") != []


def test_from_dict_validates_like_the_loader():
    with pytest.raises(LexiconError) as info:
        Lexicons.from_dict({"en": {"threat_to_life": ["kill me", "Kill  Me"], "harrassment": ["x"]}, "EN": {}})
    assert info.value.problems == [
        "en: threat_to_life.terms: duplicate term 'Kill  Me' (same as 'kill me' after normalisation)",
        "en: harrassment: unknown category 'harrassment' (categories: " + ", ".join(CATEGORIES) + ")",
        "EN: not a language code like 'fa' or 'pt-br'",
    ]


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

def expected_errors(folder: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        lines += [line[len("# expect: "):] for line in path.read_text(encoding="utf-8").splitlines()
                  if line.startswith("# expect: ")]
    return lines


@pytest.mark.parametrize("folder", BAD, ids=lambda p: p.name)
def test_bad_lexicon_folder_is_refused_with_file_line_and_key(folder):
    expected = expected_errors(folder)
    assert expected, f"{folder} has no '# expect:' lines"
    with pytest.raises(LexiconError) as info:
        load_lexicons(folder)
    got = [p.replace(str(folder) + "/", "") for p in info.value.problems]
    assert got == expected


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="lexicon folder not found"):
        load_lexicons(tmp_path / "nope")


def test_rules_folder_with_lexicons_subfolder(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "en.toml").write_text(
        'language = "en"\nname = "English"\n[doxing]\nterms = ["doxed"]\n', encoding="utf-8")
    (tmp_path / "routing.toml").write_text("[[rule]]\nname = 'x'\n", encoding="utf-8")  # a rule file, not a lexicon
    lex = load_lexicons(tmp_path)
    assert lex.languages == {"en"}


def test_empty_folder_loads_nothing(tmp_path):
    lex = load_lexicons(tmp_path)
    assert lex.languages == set() and lex.match_all("kill me") == []


# --------------------------------------------------------------------------
# Shipped lexicons
# --------------------------------------------------------------------------

REQUIRED = {"ar", "fa", "ru", "uk", "tr", "es", "fr", "pt", "zh", "hi", "bn", "ur", "id", "sw", "am", "my",
            "en", "de", "ps", "ti", "ta", "vi"}

# language -> (report, categories it must hit in that language, harmless message)
LANGUAGE_CASES: dict[str, tuple[str, set[str], str]] = {
    "en": (
        "Hello, I edit articles about local politics. Since last week people on a forum have published my "
        "home address and posted photos of my street. This morning I got a message saying they are going to "
        "kill me if I keep writing.",
        {"doxing", "threat_to_life"},
        "Thank you for the workshop on Saturday! I learned a lot about citation templates, and the bot demo "
        "was great even though we had to kill the process twice. Could you share the slides and the link to "
        "the editing guidelines?",
    ),
    "de": (
        "Hallo, ich schreibe seit Jahren Artikel über Rechtsextremismus. Seit gestern bekomme ich "
        "Morddrohungen per E-Mail, und jemand hat meine Adresse veröffentlicht. Ich habe Angst um mein Leben.",
        {"threat_to_life", "doxing"},
        "Vielen Dank für den tollen Workshop am Wochenende! Könnt ihr mir bitte die Folien schicken? Ich "
        "möchte auch wissen, wo ich die Richtlinien zum Bearbeiten von Artikeln finde.",
    ),
    "fr": (
        "Bonjour, mon frère, qui contribue à Wikipédia, a été arrêté hier soir à Alger. Il est en garde à vue "
        "depuis et nous n'avons aucune nouvelle. La police a aussi fait une perquisition chez nous.",
        {"arrest_detention"},
        "Bonjour, merci beaucoup pour l’atelier de samedi dernier. J'ai arrêté de contribuer pendant un an, "
        "mais je reprends ! Où trouver les règles pour rédiger un article sur un village ?",
    ),
    "es": (
        "Hola. Desde que publiqué un artículo sobre la corrupción municipal recibo amenazas de muerte. Ayer "
        "filtraron mi dirección en un grupo de Facebook y temo por mi vida.",
        {"threat_to_life", "doxing"},
        "Muchas gracias por el taller del sábado. Me gustaría saber cómo puedo citar fuentes en línea "
        "correctamente y dónde están las normas de estilo. ¡Saludos!",
    ),
    "pt": (
        "Olá, alguém invadiu minha conta e mudou minha senha. Agora estão usando meu perfil para publicar "
        "mensagens de ódio contra outros editores. Não consigo mais entrar.",
        {"account_compromise", "harassment"},
        "Bom dia! Obrigada pela oficina de edição na biblioteca. Gostaria de saber como posso adicionar "
        "referências e imagens aos artigos. Até a próxima!",
    ),
    "it": (
        "Buongiorno, da mesi un utente mi perseguita su tutti i social e mi manda messaggi di odio. Ieri ha "
        "pubblicato il mio indirizzo su un forum. Non so più cosa fare.",
        {"harassment", "doxing"},
        "Ciao, grazie mille per il laboratorio di sabato. Vorrei sapere dove trovo le linee guida per scrivere "
        "una voce su un monumento. Buona giornata!",
    ),
    "pl": (
        "Dzień dobry, mój kolega z projektu został zatrzymany przez policję w Mińsku. Od dwóch dni jest w "
        "areszcie i nie ma kontaktu z prawnikiem.",
        {"arrest_detention"},
        "Dzień dobry, dziękuję za warsztaty w sobotę. Chciałbym zapytać, gdzie znajdę zasady dotyczące "
        "przypisów i źródeł. Pozdrawiam serdecznie.",
    ),
    "ru": (
        "Здравствуйте. Мой аккаунт взломали, кто-то сменил пароль и пишет от моего имени. Кроме того, мне "
        "угрожают расправой за статьи о войне.",
        {"account_compromise", "threat_to_life"},
        "Добрый день! Спасибо за семинар по редактированию статей. Подскажите, пожалуйста, где найти правила "
        "оформления источников? С уважением, Ольга.",
    ),
    "uk": (
        "Добрий день. Мого друга, який редагує статті про окупацію, затримали вчора в Херсоні. Зараз він під "
        "вартою, і ми боїмося, що його допитують.",
        {"arrest_detention"},
        "Доброго дня! Дякую за чудовий семінар у суботу. Де можна знайти правила оформлення посилань у "
        "статтях? Гарного дня!",
    ),
    "tr": (
        "Merhaba, kardeşim dün akşam gözaltına alındı. Vikipedi'de yazdığı maddeler yüzünden ifadeye "
        "çağrılmıştı. Şu anda nerede tutulduğunu bilmiyoruz.",
        {"arrest_detention"},
        "Merhaba, cumartesi günkü atölye için çok teşekkür ederim. Kaynak gösterme kuralları hakkında daha "
        "fazla bilgiyi nerede bulabilirim? İyi çalışmalar.",
    ),
    "ar": (
        "السلام عليكم، أنا محرر في ويكيبيديا العربية. وصلتني رسائل تهديد بالقتل بسبب مقالاتي عن حقوق الإنسان، "
        "وقد نشروا عنواني على فيسبوك. أرجو المساعدة بسرعة.",
        {"threat_to_life", "doxing"},
        "مرحباً، شكراً جزيلاً على ورشة العمل يوم السبت. أود أن أعرف أين أجد إرشادات كتابة المقالات وكيفية "
        "إضافة المراجع. مع خالص التحية.",
    ),
    "fa": (
        "سلام، من در ویکی‌پدیای فارسی ویرایش می‌کنم. دیروز برادرم را بازداشت کردند و از آن موقع خبری از او "
        "نداریم. چند نفر هم پیام داده‌اند که منو می کشن.",
        {"arrest_detention", "threat_to_life"},
        "سلام، ببخشید بابت مزاحمت. از کارگاه آموزشی هفته گذشته بسیار سپاسگزارم. لطفاً راهنمای ویرایش "
        "مقاله‌ها و افزودن منبع را برایم بفرستید. با احترام.",
    ),
    "ur": (
        "السلام علیکم، میرا اکاؤنٹ ہیک ہو گیا ہے اور کسی نے پاس ورڈ تبدیل کر دیا ہے۔ اب وہ میرے نام سے لوگوں "
        "کو گالیاں دے رہے ہیں۔",
        {"account_compromise", "harassment"},
        "السلام علیکم، ہفتے کو ہونے والی ورکشاپ کا بہت شکریہ۔ کیا آپ مجھے مضامین میں حوالہ جات شامل کرنے کے "
        "رہنما اصول بھیج سکتے ہیں؟",
    ),
    "ps": (
        "سلام، زما ورور پرون د طالبانو لخوا ونیول شو. هغه په ویکیپیډیا کې د بشري حقونو په اړه لیکل. اوس نه "
        "پوهیږو چې په کوم زندان کې دی.",
        {"arrest_detention"},
        "سلام، د شنبې د ورکشاپ څخه ډېره مننه. ایا تاسو ما ته د مقالو د سمون لارښود لېږلی شئ؟",
    ),
    "hi": (
        "नमस्ते, मैं विकिपीडिया पर लिखता हूँ। कुछ लोग मुझे फोन पर जान से मारने की धमकी दे रहे हैं और उन्होंने "
        "मेरा पता सोशल मीडिया पर डाल दिया है। कृपया मदद करें।",
        {"threat_to_life", "doxing"},
        "नमस्ते, आपको परेशान करने के लिए माफ़ी। शनिवार की कार्यशाला के लिए बहुत धन्यवाद। मुझे लेख में संदर्भ "
        "जोड़ने के नियम कहाँ मिलेंगे?",
    ),
    "ne": (
        "नमस्ते, मेरो भाइलाई हिजो राति प्रहरीले पक्राउ गर्‍यो। उनी विकिपिडियामा लेख्छन्। अहिले उनी हिरासतमा "
        "छन्।",
        {"arrest_detention"},
        "नमस्ते, शनिबारको कार्यशालाका लागि धेरै धन्यवाद। लेखमा सन्दर्भ थप्ने निर्देशिका कहाँ पाइन्छ?",
    ),
    "bn": (
        "আমার ভাই উইকিপিডিয়ায় লেখে। গতকাল রাতে পুলিশ তাকে তুলে নিয়ে গেছে, এখন শুনছি তাকে গ্রেফতার দেখানো "
        "হয়েছে। আমরা খুব ভয়ে আছি।",
        {"arrest_detention"},
        "শনিবারের কর্মশালার জন্য অনেক ধন্যবাদ। নিবন্ধে তথ্যসূত্র যোগ করার নিয়মগুলো কোথায় পাব, জানাবেন কি?",
    ),
    "ta": (
        "வணக்கம், நான் விக்கிப்பீடியாவில் எழுதுகிறேன். எனக்கு தொலைபேசியில் கொலை மிரட்டல் வருகிறது. என் "
        "உயிருக்கு ஆபத்து உள்ளது.",
        {"threat_to_life"},
        "வணக்கம், சனிக்கிழமை நடந்த பயிலரங்கிற்கு மிக்க நன்றி. கட்டுரைகளில் மேற்கோள்களைச் சேர்க்கும் "
        "வழிகாட்டுதல்களை எங்கே காணலாம்?",
    ),
    "id": (
        "Halo, akun saya dibajak dan kata sandi saya diganti. Sekarang pelaku mengirim pesan ancaman ke "
        "teman-teman saya atas nama saya.",
        {"account_compromise", "harassment"},
        "Maaf mengganggu. Terima kasih atas lokakarya hari Sabtu. Saya ingin bertanya di mana saya bisa "
        "membaca pedoman penulisan artikel dan cara menambahkan referensi.",
    ),
    "sw": (
        "Habari, kaka yangu amekamatwa na polisi jana usiku kwa sababu ya makala aliyoandika. Sasa yuko "
        "mahabusu na hatujui atakaa muda gani.",
        {"arrest_detention"},
        "Asante sana kwa warsha ya Jumamosi. Ningependa kujua ninaweza kupata wapi miongozo ya kuhariri "
        "makala na kuongeza vyanzo.",
    ),
    "am": (
        "ሰላም፣ ወንድሜ ትናንት ማታ በፖሊስ ታሰረ። ስለ ሰብአዊ መብቶች በዊኪፔዲያ ይጽፍ ነበር። አሁን የት እንዳለ አናውቅም።",
        {"arrest_detention"},
        "ሰላም፣ ስለ ቅዳሜው ስልጠና በጣም አመሰግናለሁ። ጽሑፎችን ስለማረም መመሪያውን የት ማግኘት እችላለሁ?",
    ),
    "ti": (
        "ሰላም፣ ሓወይ ትማሊ ምሸት ተኣሲሩ። ኣብ ዊኪፔድያ ብዛዕባ ሰብኣዊ መሰላት ይጽሕፍ ነይሩ። ሕጂ ኣበይ ከም ዘሎ ኣይንፈልጥን።",
        {"arrest_detention"},
        "ሰላም፣ ብዛዕባ ናይ ቀዳም ስልጠና ብዙሕ የቐንየለይ። መምርሒ ምእራም ጽሑፋት ኣበይ ክረኽቦ እኽእል?",
    ),
    "my": (
        "မင်္ဂလာပါ။ ကျွန်တော့်အစ်ကိုကို မနေ့ညက စစ်တပ်က ဖမ်းသွားပါတယ်။ အခု ဘယ်မှာ ထိန်းသိမ်းခံထားရလဲ "
        "မသိပါဘူး။",
        {"arrest_detention"},
        "မင်္ဂလာပါ။ စနေနေ့ အလုပ်ရုံဆွေးနွေးပွဲအတွက် ကျေးဇူးအများကြီးတင်ပါတယ်။ ဆောင်းပါးတွေ တည်းဖြတ်နည်း "
        "လမ်းညွှန်ကို ဘယ်မှာ ရှာရမလဲ။",
    ),
    "th": (
        "สวัสดีครับ ผมเขียนบทความในวิกิพีเดีย ตอนนี้มีคนส่งข้อความมาขู่ฆ่าผมและครอบครัว ผมกลัวมากครับ",
        {"threat_to_life"},
        "สวัสดีค่ะ ขอบคุณมากสำหรับเวิร์กช็อปเมื่อวันเสาร์ อยากทราบว่าจะหาแนวทางการอ้างอิงแหล่งที่มาได้ที่ไหนคะ",
    ),
    "vi": (
        "Chào anh chị, tài khoản của tôi bị hack và mật khẩu bị đổi. Kẻ đó đang gửi tin nhắn đe dọa cho bạn "
        "bè tôi. Tôi rất lo lắng.",
        {"account_compromise", "harassment"},
        "Cảm ơn các bạn rất nhiều về buổi tham vấn cộng đồng hôm thứ Bảy. Tôi muốn hỏi làm thế nào để trích "
        "dẫn nguồn cho bài viết? Từ từ trả lời cũng được, bài của tôi bị từ chối nhưng không sao.",
    ),
    "zh": (
        "你好，我是维基百科的编辑。上周我的朋友被国保带走了，现在被拘留在看守所。我们很担心他的安全。",
        {"arrest_detention"},
        "谢谢你们周六的培训活动，我学到了很多，大家都想死你了！请问在哪里可以找到关于引用来源的编辑指南？",
    ),
    "ja": (
        "こんにちは。ウィキペディアで記事を書いているのですが、匿名の人から殺害予告が届きました。さらに、SNSで"
        "私の住所を晒されました。",
        {"threat_to_life", "doxing"},
        "先日のワークショップ、ありがとうございました。出典の書き方についてのガイドラインはどこで読めますか？",
    ),
    "ko": (
        "안녕하세요. 위키백과에서 편집하고 있는데, 누군가 제 계정을 해킹해서 비밀번호가 변경되었습니다. 지금 제 "
        "이름으로 다른 사람들에게 욕설을 보내고 있어요.",
        {"account_compromise", "harassment"},
        "안녕하세요. 지난 토요일 워크숍 정말 감사했습니다. 문서에 출처를 다는 방법에 대한 지침은 어디에서 볼 수 "
        "있나요?",
    ),
}


def test_required_languages_are_shipped(shipped):
    assert REQUIRED <= shipped.languages
    assert len(shipped.languages) >= 22


def test_every_shipped_language_has_a_case(shipped):
    assert shipped.languages == set(LANGUAGE_CASES), "add a LANGUAGE_CASES entry for each shipped language"


@pytest.mark.parametrize("lang", sorted(LANGUAGE_CASES))
def test_language(shipped, lang):
    report, expected, harmless = LANGUAGE_CASES[lang]
    hit = {h.category for h in shipped.match_all(report, [lang])}
    assert expected <= hit, f"{lang}: report hits {sorted(hit)}, expected {sorted(expected)}"
    for category in expected:
        assert shipped.match(category, report, [lang])
    assert shipped.match_all(harmless) == [], f"{lang}: harmless message hits"


def test_shipped_lists_have_a_useful_size(shipped):
    for lang in sorted(shipped.languages):
        for category in CATEGORIES:
            n = len(shipped.terms.get((lang, category), ()))
            assert 6 <= n <= 25, f"{lang}.{category}: {n} terms"


def test_every_shipped_term_matches_its_own_spelling(shipped):
    for (lang, category), terms in shipped.terms.items():
        for term in terms:
            text = "« " + term.strip("*") + " »"
            assert term in terms_of(shipped.match(category, text, [lang])), (lang, category, term)


def test_shipped_names_match_files(shipped):
    for path in SHIPPED.glob("*.toml"):
        assert path.stem in shipped.names


# --------------------------------------------------------------------------
# Mixed text (speed is measured in bench/, not asserted here)
# --------------------------------------------------------------------------

def test_20kb_of_mixed_language_text_finds_every_language(shipped):
    pieces = [case[0] + " " + case[2] for case in LANGUAGE_CASES.values()]
    text = ""
    i = 0
    while len(text.encode("utf-8")) < 20_000:
        text += pieces[i % len(pieces)] + "\n"
        i += 1
    hits = shipped.match_all(text)
    assert {h.language for h in hits} >= {lang.split("-")[0] for lang in LANGUAGE_CASES} - {"und"}
