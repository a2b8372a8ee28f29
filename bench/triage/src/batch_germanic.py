"""German, Dutch, Swedish, Hungarian, Greek."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, S, T, V

# --- German --------------------------------------------------------------------

P("de", T, EM, "gmx", "Jonas Weber <jonas.weber84@gmx.de>", "Morddrohung - bitte dringend melden",
  """
  Hallo,

  heute Nacht stand jemand vor meiner Wohnungstür und hat einen Zettel hinterlassen: "Wir wissen wer du bist, Wikipedia-Zecke. Du bist der Nächste." Daneben lag eine Patronenhülse. Ich schreibe seit Jahren über rechtsextreme Netzwerke in Sachsen. Die Polizei war da und hat alles mitgenommen, aber ich habe Angst, in der Wohnung zu bleiben.

  Bitte melden Sie sich.
  Jonas Weber
  """)

P("de", T, HR, "outlook", "Dr. Ursula Krämer <u.kraemer@uni-example.de>", "Drohungen gegen einen Autor unserer Arbeitsgruppe",
  """
  Sehr geehrte Damen und Herren,

  ein Student unserer Arbeitsgruppe, der in der deutschsprachigen und der tschetschenischen Wikipedia schreibt, erhält seit einigen Wochen Drohnachrichten auf Russisch und Tschetschenisch. Man droht ihm, ihn „wie Chamsat in Wien“ zu erledigen, und hat Fotos von ihm vor dem Institut geschickt. Er hat Anzeige beim LKA erstattet.

  Gibt es Unterstützung seitens der Foundation, etwa für einen vorübergehenden Umzug?

  Mit freundlichen Grüßen
  Ursula Krämer
  """, cs="iso-8859-1>cp1252", note="labelled iso-8859-1, written as windows-1252 (curly quotes)")

P("de", A, EM, "iphone", "Deniz Yılmaz <deniz.yilmaz@icloud.com>", "Mein Bruder in der Türkei festgenommen",
  """
  Hallo, mein Bruder Emre (er schreibt auf der türkischen Wikipedia) wurde heute früh in Izmir bei einer Razzia festgenommen. Die Polizei hat seinen Laptop mitgenommen. Wir wissen nicht, wo er jetzt ist, der Anwalt darf ihn erst in 4 Tagen sehen. Bitte helfen Sie uns!!

  Von meinem iPhone gesendet
  """)

P("de", D, HR, "gmail", "Lea Hoffmann <lea.hoffmann.wp@gmail.com>", "Meine Daten auf einer \"Feindesliste\"",
  """
  Hallo liebes Team,

  auf einer Website, die sich selbst "Volksgericht" nennt, steht jetzt ein Eintrag über mich: voller Name, meine Adresse in Leipzig inkl. Stockwerk, mein Arbeitgeber (eine Kita!), ein Foto von mir bei einer Demo und mein Wikipedia-Benutzername. Drunter steht "Urteil: folgt". Der Eintrag kam zwei Tage nachdem ich einen Artikel über einen Neonazi-Verlag überarbeitet habe.

  Was kann ich tun? Die Seite hat kein Impressum.

  Lea
  """)

P("de", H, HR, "gmx", "Markus Brandt <m.brandt@web.de>", "Belästigung seit Monaten",
  """
  Guten Tag,

  seit Anfang des Jahres werde ich von einem gesperrten Benutzer und seinen Sockenpuppen verfolgt. Er schreibt mir Mails über die Wikipedia-Mailfunktion, beleidigt mich auf Diskussionsseiten und hat inzwischen bei meinem Arbeitgeber angerufen und behauptet, ich würde während der Arbeitszeit "Propaganda" schreiben. Letzte Woche hat er eine Rezension meines Handwerksbetriebs bei Google mit meinem Wikipedia-Namen veröffentlicht.

  Die Admins sperren die Konten, aber es hört nicht auf. Ich überlege, ganz aufzuhören.

  Markus Brandt
  """)

P("de", C, HR, "thunderbird", "Katrin Vogel <katrin.vogel@posteo.de>", "Konto übernommen?",
  """
  Hallo,

  ich habe heute eine E-Mail bekommen, dass die E-Mail-Adresse meines Wikipedia-Kontos geändert wurde – das war ich nicht. Ich kann mich nicht mehr anmelden. Ich bin Administratorin auf Commons. Kurz vorher kam eine "Sicherheitswarnung" von einer Adresse, die wie die Foundation aussah, dort habe ich leider mein Passwort eingegeben.

  Was soll ich jetzt tun?

  Katrin
  """)

P("de", V, HR, "gmail", "Sebastian Klein <sebastian.klein.fotos@gmail.com>", "Frage zu Sicherheit bei Reise",
  """
  Hallo,

  ich fahre im Dezember für ein Wiki-Loves-Monuments-Projekt nach Aserbaidschan. Ich habe früher Artikel über politische Gefangene dort bearbeitet. Muss ich mir Sorgen machen? Sollte ich meinen Benutzernamen von meinem Klarnamen trennen, bevor ich fahre, oder ist es dafür zu spät?

  Danke und Gruß
  Sebastian
  """)

P("de", M, EM, "gmx", "Helmut Schäfer <helmut.schaefer1951@t-online.de>", "Spendenquittung",
  """
  Sehr geehrte Damen und Herren,

  ich benötige für das Finanzamt eine Zuwendungsbestätigung über meine Spende von 120 Euro vom Mai. Bitte senden Sie mir diese zu.

  Mit freundlichen Grüßen
  Helmut Schäfer
  """)

P("de", S, EM, "gmail", "Finn <finn.wp.account@gmail.com>", "kann nicht mehr",
  """
  ich weiss nicht ob das hier richtig ist. seit dem outing im forum und den ganzen nachrichten geht es mir richtig schlecht. heute habe ich tabletten gesammelt und ueberlege sie alle zu nehmen. ich will eigentlich nicht sterben aber ich sehe keinen ausweg mehr
  """, note="German without umlauts, lower case")

P("de", A, HR, "owa", "Swetlana Meier <s.meier@outlook.de>", "Kollegin in Belarus inhaftiert",
  """
  Guten Tag,

  eine Bekannte von mir, die in der belarussischen Wikipedia aktiv war, sitzt seit zwei Wochen in Untersuchungshaft in Minsk. Der Vorwurf lautet "Beteiligung an einer extremistischen Formation". Ihre Mutter hat mich gebeten, Kontakt mit Ihnen aufzunehmen. Gibt es eine Möglichkeit der Unterstützung, z. B. für Anwaltskosten?

  Viele Grüße
  Swetlana Meier
  """)

# --- Dutch ---------------------------------------------------------------------

P("nl", T, HR, "gmail", "Sanne de Vries <sanne.devries.wiki@gmail.com>", "Bedreigingen na mijn bewerkingen",
  """
  Hallo,

  Sinds ik het artikel over een criminele motorclub heb bijgewerkt krijg ik via Instagram berichten als "we weten waar je woont" en "je gaat eraan". Gisteren lag er een kogel in mijn brievenbus. Ik heb aangifte gedaan bij de politie in Utrecht. Kunnen jullie mij helpen of adviseren wat ik nog meer kan doen?

  Groet,
  Sanne
  """)

P("nl", D, EM, "owa", "Pieter Janssens <pieter.janssens@hotmail.be>", "Mijn adres en kinderen online gezet",
  """
  Dringend: iemand heeft op een Telegramkanaal mijn naam, ons adres in Antwerpen, de naam van de school van mijn twee dochters en een foto van onze voordeur gezet. Eronder staan reacties als "tijd voor een bezoekje". Dit is gebeurd na een discussie op Wikipedia over een extreemrechtse partij. Wat moet ik doen?
  """)

P("nl", H, HR, "iphone", "Fatima El Amrani <fatima.elamrani@icloud.com>", "intimidatie",
  """
  Hoi, ik word al maanden lastiggevallen door een paar mensen die ik ken van Wikipedia-bijeenkomsten. Ze sturen berichten over mijn hoofddoek, maken memes van mijn foto's en hebben mijn werkgever gemaild. Ik durf niet meer naar meetups. Kunnen jullie iets doen?

  Verstuurd vanaf mijn iPhone
  """)

P("nl", C, HR, "gmail", "Bram Visser <bram.visser.nl@gmail.com>", "account gehackt",
  """
  Hallo, mijn Wikipedia-account is overgenomen. Iemand heeft het wachtwoord en het e-mailadres veranderd en nu worden er vanaf mijn account vreemde bewerkingen gedaan op pagina's over Suriname. Ik had geen tweestapsverificatie aan (stom, ik weet het). Hoe krijg ik het terug?
  """)

P("nl", V, HR, "thunderbird", "Eva Mulder <eva.mulder@xs4all.nl>", "Vraag over anoniem bewerken",
  """
  Beste team,

  Ik wil schrijven over mensenrechtenschendingen in Eritrea, waar nog familie van mijn man woont. Hoe kan ik het beste anoniem blijven? Is een VPN genoeg, of moet ik een apart account en apart apparaat gebruiken?

  Met vriendelijke groet,
  Eva Mulder
  """)

P("nl", M, EM, "gmail", "Henk Bakker <henkbakker62@gmail.com>", "foto verwijderen",
  """
  Goedemiddag, er staat een foto van mijn huis op Wikipedia bij het artikel over ons dorp. Ik wil dat die eraf gaat. Kunt u dat regelen? Bij voorbaat dank. Henk
  """)

P("nl", A, EM, "samsung", "Rachid Bouzid <rachid.bouzid.nl@gmail.com>", "Vriend opgepakt in Marokko",
  """
  Mijn vriend Youssef die veel schrijft op de Arabische en Nederlandse Wikipedia over de Rif-protesten is gisteren opgepakt in Al Hoceima toen hij op vakantie was. Zijn familie weet niet waar hij is. Hij heeft de Nederlandse nationaliteit. Help alstublieft.
  """)

# --- Swedish -------------------------------------------------------------------

P("sv", T, EM, "gmail", "Erik Lindqvist <erik.lindqvist.wp@gmail.com>", "Hotad till livet",
  """
  Hej,

  Jag har fått flera hot på Telegram efter att jag skrev om ett kriminellt nätverk i Göteborg på svenska Wikipedia. Idag skickade någon en bild på min lägenhet och skrev "vi ses snart, du kommer inte gå härifrån levande". Jag har polisanmält. Vad kan ni göra?

  Erik
  """)

P("sv", A, HR, "outlook", "Anna Bergström <anna.bergstrom@telia.com>", "Vän gripen i Iran",
  """
  Hej,

  En god vän till mig, som är svensk-iransk och skriver på persiska Wikipedia, greps vid ett besök i Teheran förra veckan. Familjen har fått veta att han sitter i Evinfängelset och anklagas för "propaganda mot systemet". UD är informerat. Kan Wikimedia Foundation göra något?

  Vänliga hälsningar
  Anna Bergström
  """, cs="iso-8859-1")

P("sv", D, HR, "iphone", "Johanna <johanna.s@icloud.com>", "min adress har publicerats",
  """
  Hej. Någon har lagt ut mitt fullständiga namn, personnummer, adress och var jag jobbar på ett forum, tillsammans med skärmdumpar av mina redigeringar på Wikipedia om invandring. Folk skriver att de ska "hälsa på". Jag vet inte vad jag ska göra.

  Skickat från min iPhone
  """)

P("sv", H, HR, "gmail", "Oskar Nyström <oskar.nystrom@gmail.com>", "trakasserier",
  """
  Hej! En användare som blev blockerad har skapat minst 25 nya konton under hösten för att förfölja mig. Han skickar e-post, skriver kränkande saker på min diskussionssida och har nu hittat mitt Facebook och skrivit till min mamma. Administratörerna orkar inte längre. Kan ni hjälpa?
  """)

P("sv", C, EM, "owa", "Lina Karlsson <lina.karlsson@outlook.com>", "Någon har kapat mitt konto",
  """
  Hej! Mitt Wikipediakonto (jag är administratör) har kapats för tio minuter sedan och personen raderar sidor och blockerar andra användare just nu. Snälla, lås kontot!
  """)

P("sv", V, HR, "thunderbird", "Mikael Holm <mikael.holm@riseup.net>", "Fråga om säkerhet",
  """
  Hej,

  Jag ska leda en skrivstuga för exiluigurer i Stockholm. Några är rädda för att kinesiska myndigheter ska se vilka som deltar. Har ni råd om hur vi kan skydda deltagarnas identitet, t.ex. vid foton och kontoskapande?

  Mvh Mikael
  """)

P("sv", M, EM, "gmail", "Birgitta Olsson <birgitta.olsson45@gmail.com>", "Fel i artikel",
  """
  Hej. I artikeln om min farfar står det fel födelseår. Han föddes 1921, inte 1912. Hur ändrar jag det? Tack på förhand. Birgitta
  """)

# --- Hungarian ----------------------------------------------------------------

P("hu", T, HR, "outlook", "Kovács Péter <kovacs.peter@freemail.hu>", "Halálos fenyegetés",
  """
  Tisztelt Csapat!

  A magyar Wikipédián szerkesztek, főleg korrupciós ügyekről. Két hete névtelen leveleket kapok a lakcímemre, amelyekben azt írják, hogy „ha nem hagyod abba, a családod temetni fog". Tegnap valaki kilyukasztotta az autóm mind a négy kerekét, és egy cetlit hagyott rajta: „Utolsó figyelmeztetés".

  Feljelentést tettem, de a rendőrség nem foglalkozik vele komolyan. Mit tehetek?

  Üdvözlettel:
  Kovács Péter
  """, cs="windows-1250")

P("hu", D, HR, "gmail", "Nagy Eszter <nagy.eszter.wiki@gmail.com>", "kitették az adataimat",
  """
  Sziasztok! Egy kormánypárti Facebook-oldal posztot tett ki rólam: teljes nevem, a munkahelyem (egy iskola), a lakóhelyem utcája, és fotók a gyerekeimről. Azt írják, hogy „Soros-ügynök" vagyok, mert szerkesztettem a sajtószabadságról szóló szócikket. Több ezer megosztás, rengeteg gyűlölködő komment. Mit tegyek?
  """)

P("hu", H, HR, "thunderbird", "Szabó Márton <szabo.marton@citromail.hu>", "Zaklatás",
  """
  Üdvözlöm!

  Hónapok óta egy csoport követi minden szerkesztésemet, visszaállítják, sértő e-maileket küldenek, és egy fórumon gúnyolnak a valódi nevemen. A múlt héten valaki felhívta a munkahelyemet. Nagyon megvisel, már aludni sem tudok rendesen.

  Szabó Márton
  """, cs="iso-8859-2")

P("hu", C, HR, "gmail", "Tóth Gábor <toth.gabor.wp@gmail.com>", "feltörték a fiókomat",
  """
  Helló! Ma reggel azt láttam, hogy valaki belépett a Wikipédia-fiókomba és megváltoztatta a jelszót. Adminisztrátor vagyok a magyar Wikipédián. A Gmail-fiókomban is van egy ismeretlen belépés Oroszországból. Mit csináljak?
  """)

P("hu", V, HR, "gmail", "Horváth Anna <horvath.anna.foto@gmail.com>", "biztonsági kérdés",
  """
  Jó napot! Tüntetéseken fotózom a Commons számára. Ha az emberek arca felismerhető, az veszélyes lehet rájuk nézve? Mit javasolnak, homályosítsam el őket? Köszönöm!
  """)

P("hu", A, EM, "samsung", "Farkas Dóra <farkas.dora@gmail.com>", "őrizetbe vették a kollégánkat",
  """
  Sürgős! A szerb-magyar wikis csoportunk egyik tagját ma Újvidéken őrizetbe vette a rendőrség egy tüntetés után, a telefonját elvették. Azt mondták neki, hogy a Wikipédián megjelent cikkei miatt „kérdéseik vannak". Kérem, segítsenek.
  """)

P("hu", M, EM, "owa", "Molnár József <molnar.jozsef@t-online.hu>", "szócikk javítása",
  """
  Tisztelt Wikipédia! A falunk szócikkében rossz a polgármester neve. Kérem javítsák ki. Köszönöm, Molnár József
  """)

# --- Greek ---------------------------------------------------------------------

P("el", T, EM, "gmail", "Nikos Papadopoulos <nikos.papadopoulos.wiki@gmail.com>", "Απειλή για τη ζωή μου",
  """
  Καλησπέρα,

  Γράφω στη Βικιπαίδεια για τη Χρυσή Αυγή και τις δίκες της. Σήμερα βρήκα στο αυτοκίνητό μου σημείωμα που έγραφε «Θα σε σφάξουμε, προδότη» και μια φωτογραφία του σπιτιού μου. Έχω ειδοποιήσει την αστυνομία. Φοβάμαι πολύ για τη γυναίκα και το παιδί μου.

  Νίκος
  """)

P("el", D, HR, "outlook", "Μαρία Κωνσταντίνου <maria.konst@otenet.gr>", "Δημοσίευσαν τα προσωπικά μου στοιχεία",
  """
  Καλημέρα σας,

  Σε μια ομάδα στο Facebook δημοσίευσαν το ονοματεπώνυμό μου, τη διεύθυνση του σπιτιού μου στη Θεσσαλονίκη, το τηλέφωνό μου και το όνομα του σχολείου όπου διδάσκω. Γράφουν ότι είμαι «ανθέλληνας» επειδή επεξεργάστηκα το άρθρο για το Μακεδονικό. Τι μπορώ να κάνω;

  Με εκτίμηση,
  Μαρία Κωνσταντίνου
  """, cs="windows-1253")

P("el", H, HR, "gmail", "Giorgos K. <giorgos.k.wp@gmail.com>", "parenoxlisi edw kai mhnes",
  """
  Geia sas. Edw kai 3 mhnes kapoioi xrhstes me akolouthoun pantou, anairoun oles tis epexergasies mou, mou stelnoun ubristika email kai twra grafoun kai sto facebook ths douleias mou oti eimai "prodotis". Den kserw ti na kanw, exw kourastei. Mporeite na boithisete?

  Giorgos
  """, note="Greek in Latin letters (Greeklish)")

P("el", A, EM, "iphone", "Eleni Dimitriou <eleni.dimitriou@icloud.com>", "Σύλληψη συναδέλφου",
  """
  Επείγον. Ο φίλος μας Κώστας, που ανεβάζει φωτογραφίες στα Commons, συνελήφθη σήμερα το πρωί στη Ρόδο ενώ φωτογράφιζε το κέντρο κράτησης μεταναστών. Του πήραν την κάμερα. Δεν ξέρουμε πού τον κρατούν.

  Στάλθηκε από το iPhone μου
  """)

P("el", C, HR, "owa", "Dimitris Alexiou <d.alexiou@hotmail.gr>", "Παραβίαση λογαριασμού",
  """
  Γεια σας, κάποιος μπήκε στον λογαριασμό μου στη Βικιπαίδεια και άλλαξε τον κωδικό και το email. Είμαι διαχειριστής στην ελληνική Βικιπαίδεια. Πριν από μία ώρα έγιναν διαγραφές σελίδων από τον λογαριασμό μου. Παρακαλώ βοηθήστε.
  """)

P("el", V, HR, "thunderbird", "Άννα Γεωργίου <anna.georgiou@protonmail.com>", "Ερώτηση για ασφάλεια",
  """
  Καλησπέρα,

  Θέλω να γράψω για τις επαναπροωθήσεις προσφύγων στον Έβρο. Τι μέτρα προτείνετε για να μην αποκαλυφθεί η ταυτότητά μου; Αρκεί ένα VPN;

  Ευχαριστώ,
  Άννα
  """, cs="iso-8859-7")

P("el", M, EM, "gmail", "Vasilis Tsakiris <vtsakiris@gmail.com>", "δωρεά",
  """
  Καλημέρα, θέλω να κάνω δωρεά με τραπεζική μεταφορά. Μπορείτε να μου στείλετε IBAN; Ευχαριστώ.
  """)
