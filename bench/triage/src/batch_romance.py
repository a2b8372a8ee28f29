"""Spanish, French, Portuguese, Italian, Romanian."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, Q, S, T, V

# --- Spanish -------------------------------------------------------------------

P("es", T, EM, "gmail", "Luis Alberto Mejía <luisalberto.mejia77@gmail.com>", "amenaza de muerte, ayuda",
  """
  Buenas noches, les escribo porque no sé a quién más acudir. Hoy en la tarde me llegó un mensaje al WhatsApp con una foto de la puerta de mi casa y el texto "sigue escribiendo de nosotros y te vamos a levantar". Aquí en mi estado "levantar" significa que te desaparecen. Yo edito los artículos de Wikipedia sobre los cárteles y las fosas clandestinas.

  Mi esposa y mis dos hijos están conmigo. No podemos ir a la policía porque hay policías que trabajan con ellos.

  Por favor díganme qué hacer. Tengo miedo de salir mañana.

  Luis
  """)

P("es", T, HR, "outlook", "Carmen Rosales <c.rosales@prensalibre-ni.org>", "Amenazas contra una editora de Wikipedia en Nicaragua",
  """
  Estimado equipo:

  Me comunico con ustedes en nombre de una compañera que colabora en Wikipedia en español desde 2018 y que prefiere no escribir directamente. Desde que actualizó el artículo sobre los presos políticos, ha recibido llamadas anónimas en las que le dicen que "va a terminar como los del 2018" y que "ya saben a qué hora sale su hija del colegio". El sábado pasado una camioneta sin placas estuvo estacionada frente a su casa durante horas.

  Ella está evaluando salir del país. ¿Pueden ustedes ofrecer algún tipo de apoyo o ponerla en contacto con organizaciones que ayuden en estos casos?

  Atentamente,
  Carmen Rosales
  """, cs="windows-1252")

P("es", A, EM, "samsung", "Yusmary <yusmary.perez.vzla@gmail.com>", "se llevaron a mi hermano",
  """
  hola por favor ayuda, anoche a las 3 de la madrugada llegaron funcionarios del sebin a la casa de mi mamá y se llevaron a mi hermano Jesús, le quitaron la computadora y el teléfono. no nos dicen donde lo tienen. él es editor de wikipedia y administraba un grupo de telegram de wikipedistas. por favor si pueden hacer algo, tenemos miedo de que le hagan algo

  Enviado desde mi Galaxy
  """)

P("es", A, HR, "gmail", "Reinaldo Fuentes <rei.fuentes.cu@gmail.com>", "Citación de la Seguridad del Estado",
  """
  Buenas,

  Les escribo desde Cuba. Ayer un oficial de la Seguridad del Estado me entregó una citación para presentarme el jueves en la unidad de la policía de mi municipio. No dice el motivo. Un amigo que también edita EcuRed y Wikipedia fue citado el mes pasado y lo retuvieron dos días, lo interrogaron sobre quién le paga por "escribir contra la revolución" y le decomisaron el teléfono.

  ¿Qué me recomiendan? ¿Debo borrar mi cuenta? ¿Qué pasa si no voy?

  Gracias de antemano,
  Reinaldo
  """)

P("es", D, HR, "yahoo", "Valentina Ruiz <valen.ruiz.co@yahoo.com>", "publicaron mis datos",
  """
  Hola, buenas tardes.

  Una cuenta de Twitter que se llama "Wikipedia Mentirosa" publicó hoy un hilo sobre mí con:
  - mi nombre completo y mi cédula
  - la dirección del apartamento donde vivo con mi mamá en Medellín
  - el nombre de la empresa donde trabajo y una foto de mi carnet
  - capturas de mis redes sociales personales
  - mi número de celular

  Dicen que soy "guerrillera" por editar el artículo sobre los falsos positivos. Ya me han escrito más de 20 números desconocidos. ¿Qué puedo hacer? ¿Ustedes pueden pedir que borren eso?

  Valentina
  """)

P("es", D, EM, "iphone", "Ana Belén Torres <anabelen.torres@icloud.com>", "URGENTE dirección de mi casa publicada",
  """
  Urgente. Un canal de Telegram de ultraderecha ha publicado mi nombre, mi dirección en Valencia (calle y número, piso y puerta), el colegio de mi hijo y fotos mías saliendo del portal. Dicen que "alguien debería hacerle una visita a la wikipedista roja". Ya he llamado a la Guardia Civil pero quiero que lo sepáis.

  Enviado desde mi iPhone
  """)

P("es", H, HR, "owa", "Mateo Giménez <mateo.gimenez.ar@hotmail.com>", "Acoso constante de un grupo de usuarios",
  """
  Hola. Les escribo porque llevo casi tres meses sufriendo acoso de un grupo de usuarios que se coordinan por un servidor de Discord (tengo capturas). Revierten todas mis ediciones, me mandan correos insultantes a través de Wikipedia, crean cuentas con mi apellido y el mes pasado llamaron al colegio donde doy clases diciendo que "adoctrino a los chicos". El director me pidió explicaciones.

  Ya hice denuncias en el tablón de bibliotecarios pero cada semana aparecen cuentas nuevas. Necesito ayuda, ya no sé qué hacer.

  Mateo
  """)

P("es", C, HR, "gmail", "Jorge Paredes <jparedes.edit@gmail.com>", "Me robaron la cuenta",
  """
  Hola, alguien entró a mi cuenta de Wikipedia y cambió el correo electrónico. Yo tengo permisos de reversor y de verificador en la Wikipedia en español. Ahora desde mi cuenta están haciendo ediciones raras en artículos de políticos peruanos. No fui yo!! Por favor bloqueen la cuenta o algo, y díganme cómo la recupero.

  Jorge Paredes (usuario: JParedesL)
  """)

P("es", V, HR, "thunderbird", "Sofía Castañeda <sofia.castaneda@riseup.net>", "Consulta sobre seguridad",
  """
  Hola equipo,

  Soy activista y editora en un país donde el gobierno ha empezado a perseguir a periodistas. Todavía no me ha pasado nada pero quiero protegerme antes. ¿Tienen alguna guía en español sobre cómo separar mi identidad real de mi cuenta, cómo usar Tor con Wikipedia y qué hacer si me detienen y me piden la contraseña del teléfono?

  Muchas gracias por su trabajo.
  Sofía
  """)

P("es", M, EM, "gmail", "Marcelo Díaz <marcelo.diaz.prod@gmail.com>", "CORREGIR ARTICULO URGENTE",
  """
  buenos dias
  en el articulo de mi empresa pusieron que tuvimos una demanda en 2019 y eso es falso, necesito que lo borren HOY porque tengo una reunion con inversionistas. quien puede editarlo? ya lo borre 3 veces y me lo vuelven a poner
  gracias
  """)

P("es", S, HR, "gmail", "ne. <nadieaqui.2026@gmail.com>", "ya no puedo mas",
  """
  perdon por escribir esto aqui. desde que publicaron mis datos y mi familia me dio la espalda no duermo, no como. pienso todos los dias en quitarme la vida, hoy mas que nunca. no se por que les escribo, creo que solo necesitaba decirlo a alguien que entienda por que empezo todo esto
  """)

P("es", Q, HR, "gmail", "Guadalupe Herrera <lupita.herrera.mx@gmail.com>", "pregunta sobre el equipo de derechos humanos",
  """
  Hola, una pregunta: ¿el equipo de derechos humanos también ayuda a grupos de usuarios que quieren organizar talleres de seguridad digital? Somos un grupo en Oaxaca y nos gustaría hacer uno el año que viene para editoras indígenas. ¿Tienen materiales o pueden mandar a alguien?

  Saludos,
  Lupita
  """)

P("es", A, EM, "outlook", "Fundación Voces Libres <contacto@voceslibres-bo.org>", "Detención de un wikipedista en El Alto",
  """
  Señores de la Fundación Wikimedia:

  Informamos que el día de hoy a las 14:30 fue aprehendido el señor Wilfredo Mamani, editor de Wikipedia en aimara y en español, durante una protesta en El Alto. Según testigos fue subido a una patrulla sin identificación. Hasta el momento no ha sido presentado ante un juez y su familia desconoce su paradero.

  Quedamos atentos.

  Fundación Voces Libres
  """, cs="iso-8859-1")

# --- French --------------------------------------------------------------------

P("fr", T, EM, "gmail", "Jean-Baptiste Mukendi <jbmukendi.wiki@gmail.com>", "menace de mort - urgent",
  """
  Bonsoir,

  Je suis contributeur de Wikipédia à Goma. Depuis que j'ai écrit sur les massacres de Kishishe, je reçois des appels d'un numéro masqué. Ce soir un homme m'a dit au téléphone : "on sait où tu dors, tu vas mourir comme un chien avant la fin du mois". Hier des inconnus à moto ont demandé mon nom au quartier.

  Je ne dors plus à la maison. S'il vous plaît aidez-moi, je ne sais pas quoi faire.

  JB
  """)

P("fr", T, HR, "gmx", "Mariam Diallo <mariam.diallo@web.de>", "Menaces répétées suite à mes contributions",
  """
  Bonjour,

  Je vous écris au sujet de menaces que je reçois depuis septembre. Je vis en Allemagne mais je suis originaire du Burkina Faso et j'écris sur les exactions commises contre les civils. Des comptes Facebook burkinabè ont publié ma photo en disant que je suis "une traîtresse à abattre" et que ma famille à Ouagadougou "va payer". Ma mère a reçu une visite de deux hommes qui lui ont demandé où je me trouve.

  J'ai porté plainte ici, mais ma famille là-bas est en danger. Pouvez-vous nous aider ?

  Cordialement,
  Mariam Diallo
  """)

P("fr", A, EM, "iphone", "Wikimédiens du Cameroun <wikimedienscm@gmail.com>", "Arrestation d'un membre de notre groupe",
  """
  Bonjour,

  Notre camarade Emmanuel a été interpellé ce matin à Bamenda par des militaires pendant qu'il photographiait le marché pour Wiki Loves Africa. Ils ont confisqué son appareil et son téléphone. Il est gardé à la gendarmerie depuis 9h et on lui reproche d'être "en contact avec les séparatistes". Nous avons peur qu'il soit transféré à Yaoundé.

  Merci de nous dire rapidement si vous pouvez intervenir.

  Envoyé de mon iPhone
  """)

P("fr", A, HR, "owa", "Karim Belkacem <k.belkacem@outlook.fr>", "convocation par la police",
  """
  Bonjour,

  J'ai ete convoque par la police judiciaire d'Alger pour jeudi prochain. Sur la convocation c'est ecrit "affaire vous concernant" sans plus de details. Je contribue a Wikipedia en arabe et en francais sur le Hirak. Deux amis qui ont ete convoques de la meme facon ont ete places sous mandat de depot.

  Que me conseillez-vous ? Faut-il prevenir un avocat avant ? Est-ce que la Fondation peut faire quelque chose si je suis arrete ?

  Merci
  Karim
  """, note="French without diacritics")

P("fr", D, HR, "thunderbird", "Claire Dumont <claire.dumont@laposte.net>", "Informations personnelles publiées",
  """
  Bonjour,

  Un blog anonyme a publié un article intitulé « Qui se cache derrière l'utilisatrice X ? ». On y trouve :
  - mon nom et mon prénom ;
  - mon adresse à Lyon, avec une capture Google Maps de l'immeuble ;
  - le nom de l'école de ma fille et sa classe ;
  - mon employeur et mon numéro de téléphone professionnel ;
  - une photo de moi prise à un rassemblement wikimédien.

  Le lien a été partagé des centaines de fois sur X. J'ai reçu deux appels anonymes au bureau. Je vais porter plainte, mais pouvez-vous m'aider à faire retirer ces informations et me conseiller ?

  Claire
  """, cs="iso-8859-15")

P("fr", D, EM, "samsung", "Stéphanie Joseph <stephjoseph509@yahoo.fr>", "Ils ont mis mon adresse sur whatsapp",
  """
  Bonsoir, c'est urgent. Une photo de moi avec mon adresse à Delmas, le nom de mon mari et sa plaque de voiture circule dans les groupes WhatsApp avec le message que je "travaille pour les blancs" à cause de mes articles sur les gangs. Ici ça veut dire qu'ils vont venir. On a quitté la maison ce soir.

  Envoyé depuis mon smartphone Samsung Galaxy.
  """)

P("fr", H, HR, "gmail", "Théo Lambert <theo.lambert.wp@gmail.com>", "harcèlement depuis plusieurs mois",
  """
  Bonjour,

  Depuis le mois de juin, un contributeur banni revient sans cesse avec de nouveaux comptes pour me harceler. Il m'envoie des courriels via la fonction « Envoyer un courriel à cet utilisateur », m'insulte sur les pages de discussion, et a récemment écrit à mon employeur en se faisant passer pour un journaliste. Il a aussi créé un faux profil LinkedIn à mon nom.

  Les administrateurs bloquent les comptes mais cela ne s'arrête pas. Je n'en peux plus, je pense arrêter de contribuer.

  Théo
  """)

P("fr", C, HR, "owa", "Aïcha Traoré <aicha.traore@hotmail.fr>", "compte piraté",
  """
  Bonjour, je pense que mon compte a été piraté. J'ai reçu un mail de Wikipédia disant que quelqu'un a essayé de se connecter plusieurs fois depuis un nouvel appareil et maintenant mon mot de passe ne marche plus. Mon adresse mail aussi a été changée sur mon compte Facebook la même nuit. Je fais partie des administrateurs de Wikipédia en bambara. Merci de m'aider vite.
  """)

P("fr", V, HR, "applemail", "Olivier Renaud <olivier.renaud@free.fr>", "Anonymat et sécurité",
  """
  Bonjour,

  Je souhaite contribuer sur des sujets sensibles concernant un pays où j'ai encore de la famille. Pouvez-vous me conseiller sur les bonnes pratiques : faut-il créer un compte séparé, utiliser Tor, éviter de téléverser des photos avec des métadonnées ? Existe-t-il un guide en français ?

  Merci d'avance,
  Olivier
  """)

P("fr", M, EM, "gmail", "Paul-Henri Marchand <ph.marchand.avocat@gmail.com>", "Demande de suppression d'article",
  """
  Madame, Monsieur,

  Mon client souhaite la suppression immédiate de l'article le concernant, qui contient des informations diffamatoires. À défaut de réponse sous 48 heures, nous engagerons les procédures appropriées.

  Paul-Henri Marchand
  Avocat au Barreau de Paris
  """)

P("fr", S, EM, "iphone", "Nadia <nadia.k@icloud.com>", "je veux en finir",
  """
  Je suis désolée d'écrire ici. Je ne supporte plus les messages, les menaces, ma famille qui me dit que j'ai déshonoré tout le monde. Ce soir j'ai envie d'en finir. Je suis sur le balcon. Je ne sais pas pourquoi je vous écris.

  Envoyé de mon iPhone
  """)

# --- Portuguese ----------------------------------------------------------------

P("pt", T, EM, "gmail", "Marcos Vinícius <marcosvinicius.wiki@gmail.com>", "Ameaça de morte",
  """
  Boa noite. Sou editor da Wikipédia e moro no interior do Pará. Escrevi sobre os assassinatos de indígenas e a grilagem na região. Hoje dois homens de moto pararam na frente da minha casa e um deles disse para minha mãe: "fala pro teu filho parar de escrever besteira na internet senão ele vai aparecer no rio". Eu conheço esse recado, aqui já mataram gente assim.

  Não sei se devo sair da cidade. Me ajudem por favor.

  Marcos
  """)

P("pt", T, HR, "outlook", "Celeste Mabunda <celeste.mabunda@tdm.co.mz>", "Ameaças a uma colaboradora em Cabo Delgado",
  """
  Exmos. Senhores,

  Escrevo para relatar que uma colaboradora do nosso grupo da Wikipédia em Moçambique recebeu ameaças graves depois de publicar fotos e um artigo sobre os deslocados em Cabo Delgado. Mensagens de SMS anónimas dizem que "quem mostra a guerra morre na guerra". Ela já mudou de casa uma vez.

  Agradecemos qualquer orientação.

  Com os melhores cumprimentos,
  Celeste Mabunda
  """, cs="iso-8859-1")

P("pt", A, EM, "samsung", "Tiago Ferreira <tiagoferreira.ao@gmail.com>", "Detido em Luanda",
  """
  Bom dia, o meu colega da Wikipédia em umbundu, o Domingos, foi detido ontem à noite pela polícia em Luanda depois de uma manifestação. Não deixam a família vê-lo. Disseram que ele "publica mentiras sobre o governo" porque ele escreveu o artigo sobre as demolições. Por favor ajudem.

  Enviado do meu Galaxy
  """)

P("pt", A, HR, "gmail", "Raquel Andrade <raquel.andrade.edita@gmail.com>", "intimação da polícia federal",
  """
  Olá,

  Recebi uma intimação para depor na Polícia Federal sobre edições que fiz no artigo de um deputado. Na intimação diz que sou investigada por "difamação" e "associação". Tenho medo de ser presa, porque o deputado é muito influente no meu estado. Vocês podem me orientar ou indicar um advogado? O depoimento é na próxima terça.

  Obrigada,
  Raquel
  """)

P("pt", D, HR, "yahoo", "Bruno Lacerda <brunolacerda_wp@yahoo.com.br>", "vazaram meus dados",
  """
  Oi pessoal, tudo bem? Não está nada bem na verdade. Um perfil no Instagram postou um vídeo expondo: meu nome completo, CPF, endereço da minha casa em Curitiba, o nome da minha namorada, a faculdade onde estudo e o horário das minhas aulas. No vídeo dizem que sou "militante comunista da Wikipédia". Os comentários estão cheios de gente dizendo que vai me esperar na saída da aula.

  Como faço para denunciar? Vocês conseguem ajudar a tirar isso do ar?

  Bruno
  """)

P("pt", D, EM, "iphone", "Joana <joana.m.costa@icloud.com>", "Morada e fotos da minha filha publicadas",
  """
  Urgente: publicaram num fórum a minha morada no Porto, fotos da minha filha à porta da escola e o meu número de telefone. Dizem que "sabem onde a miúda estuda". Estou a ligar à PSP. Por favor vejam isto.

  Enviado do meu iPhone
  """)

P("pt", H, HR, "owa", "Luana Souza <luana.souza.sp@outlook.com>", "assédio constante",
  """
  Oi. Desde que comecei a editar artigos sobre violência contra mulheres, um grupo de homens de um fórum começou a me perseguir. Eles me mandam mensagens com ameaças de estupro pelo e-mail da Wikipédia, criam contas com meu nome, fazem montagens com meu rosto e mandam pra minha família. Isso já dura quatro meses. Denunciei na delegacia mas nada aconteceu.

  Não sei mais o que fazer.
  """)

P("pt", C, HR, "gmail", "Eduardo Nunes <eduardo.nunes.wiki@gmail.com>", "conta invadida?",
  """
  Oi, acho que invadiram minha conta. Hoje recebi e-mail de "nova sessão iniciada" na Wikipédia de um aparelho desconhecido, e no meu Google aparece acesso de outro país. Eu sou administrador na Wikipédia lusófona. Já troquei as senhas, mas tenho medo que tenham pegado e-mails antigos com informações de outros editores. O que devo fazer?
  """)

P("pt", S, HR, "gmail", "alguém <semnome.pt@gmail.com>", "não aguento mais",
  """
  oi. não sei se é aqui. depois de tudo o que aconteceu (exposição, perdi o emprego, ameaças) eu penso em me matar quase todo dia. tenho medo de fazer alguma coisa. não quero assustar ninguém, mas o post de vocês falava de apoio psicológico e eu preciso de ajuda
  """)

P("pt", M, EM, "gmail", "Fernanda Lima <fernandalima.mkt@gmail.com>", "Como criar página da minha empresa",
  """
  Olá! Gostaria de saber como faço para criar uma página na Wikipédia para a minha empresa de cosméticos. Quanto custa? É urgente porque vamos lançar uma campanha semana que vem.

  Att,
  Fernanda
  """)

P("pt", V, HR, "roundcube", "Rui Tavares <rui.tavares@sapo.pt>", "segurança ao fotografar manifestações",
  """
  Boa tarde,

  Faço fotografias de manifestações para a Wikimedia Commons. Há algum cuidado que recomendam para proteger as pessoas fotografadas e a mim próprio (metadados, rostos, etc.)? Vou fotografar em Angola no próximo mês.

  Obrigado,
  Rui Tavares
  """, cs="iso-8859-1")

# --- Italian -------------------------------------------------------------------

P("it", T, HR, "gmail", "Giuseppe Lo Bianco <giuseppe.lobianco.wiki@gmail.com>", "Minacce dopo le modifiche sulla voce di un clan",
  """
  Buongiorno,

  sono un utente di Wikipedia in italiano. Ho ampliato la voce su un clan della mia provincia usando sentenze e articoli di giornale. Da due settimane trovo biglietti sulla macchina ("smetti di scrivere o finisci male") e l'altro ieri qualcuno ha bruciato il cassonetto davanti a casa mia. Ieri sera mi hanno telefonato dicendo che "la prossima volta è la macchina con te dentro".

  Ho fatto denuncia ai carabinieri. Vi scrivo perché vorrei sapere se la Fondazione può fare qualcosa e se devo smettere di modificare.

  Giuseppe
  """)

P("it", D, HR, "outlook", "Francesca Moretti <f.moretti@libero.it>", "Dati personali pubblicati su un gruppo Telegram",
  """
  Salve,

  in un gruppo Telegram con migliaia di iscritti hanno pubblicato nome e cognome, indirizzo di casa a Bologna, il nome dello studio dove lavoro, il numero di cellulare e le foto dei miei figli prese dal mio profilo Facebook. Mi accusano di "censurare" perché ho annullato le loro modifiche sulla voce dei vaccini. Ricevo messaggi ogni ora.

  Come posso procedere? Grazie.

  Francesca Moretti
  """, cs="iso-8859-1")

P("it", H, HR, "iphone", "Martina <martina.r@icloud.com>", "molestie da parte di un utente",
  """
  Ciao, un utente che ho segnalato per vandalismo ha iniziato a scrivermi ovunque: email, Instagram, perfino sul numero di lavoro. Mi manda messaggi a sfondo sessuale e dice che mi aspetterà al prossimo raduno. Va avanti da settembre. Ho paura.

  Inviato da iPhone
  """)

P("it", C, EM, "gmail", "Alessandro Conti <alessandro.conti.wp@gmail.com>", "Account compromesso - urgente",
  """
  Qualcuno ha preso il controllo del mio account (sono amministratore su Wikipedia in italiano) e sta cancellando pagine in questo momento! Non riesco a entrare, la password è stata cambiata. Per favore bloccatelo subito!
  """)

P("it", V, HR, "thunderbird", "Lorenzo Galli <lorenzo.galli@posteo.it>", "Richiesta di consigli",
  """
  Buonasera,

  vorrei scrivere voci sulle carceri in un paese dove lavoro come cooperante. Quali precauzioni mi consigliate per non essere identificato? È sufficiente una VPN? Devo evitare di collegarmi dalla rete dell'ufficio?

  Grazie,
  Lorenzo
  """)

P("it", M, EM, "gmail", "Roberto Ferri <robertoferri1960@gmail.com>", "errore nella voce del mio paese",
  """
  buongiorno nella voce del mio paese c'è scritto che gli abitanti sono 1200 ma sono 1350 come si fa a correggere? grazie mille
  """)

P("it", A, EM, "owa", "Sara Benali <sara.benali@outlook.it>", "mio cugino fermato in Egitto",
  """
  Buonasera, vi scrivo per mio cugino che vive al Cairo e contribuisce a Wikipedia in arabo. È stato fermato all'aeroporto tre giorni fa mentre tornava in Italia, e da allora non sappiamo nulla. Un conoscente dice che è stato portato alla sicurezza di Stato. Vi prego, aiutateci.

  Sara
  """)

# --- Romanian ------------------------------------------------------------------

P("ro", T, EM, "gmail", "Andrei Munteanu <andrei.munteanu.wiki@gmail.com>", "amenintari cu moartea",
  """
  Buna ziua, va scriu pentru ca de doua zile primesc mesaje de la un numar din Transnistria in care mi se spune ca "o sa fiu gasit in Nistru" daca nu sterg articolul despre fostul comandant. Azi au trimis o poza cu blocul meu din Chisinau. Am anuntat politia dar nu stiu ce sa fac mai departe. Va rog ajutati-ma.

  Andrei
  """, note="Romanian without diacritics")

P("ro", A, HR, "thunderbird", "Ioana Popescu <ioana.popescu@yahoo.ro>", "Colega noastră a fost reținută",
  """
  Bună ziua,

  Vă scriu în numele grupului de utilizatori Wikimedia din Republica Moldova. Colega noastră Elena a fost reținută ieri la Comrat timp de 72 de ore pentru „răspândirea de informații false”, după ce a editat articolul despre alegerile locale. I-au confiscat laptopul și telefonul. Avocatul spune că riscă arest preventiv de 30 de zile.

  Vă rugăm să ne spuneți dacă Fundația poate oferi sprijin.

  Cu stimă,
  Ioana Popescu
  """, cs="iso-8859-16")

P("ro", D, HR, "yahoo", "Mihai Stoica <mihai.stoica@yahoo.com>", "Datele mele au fost publicate",
  """
  Bună ziua. Pe un grup de Facebook cu 50.000 de membri cineva a postat numele meu complet, adresa de acasă din Iași, CNP-ul, locul de muncă (cu numărul de telefon al șefului meu) și o fotografie a mașinii mele cu numărul de înmatriculare. Zice că sunt „agent Soros” din cauza editărilor mele pe Wikipedia. Ce pot face?

  Mihai
  """)

P("ro", H, HR, "outlook", "Cristina Dobre <cristina.dobre.wp@gmail.com>", "hărţuire de luni de zile",
  """
  Bună. De patru luni un grup de conturi mă urmăreşte pe Wikipedia în română şi pe Commons. Îmi anulează toate modificările, îmi trimit e-mailuri jignitoare, au scris pe un forum că sunt „nebună” şi au pus acolo linkuri spre profilurile mele personale. Am raportat la administratori, dar apar conturi noi. Sunt epuizată.

  Cristina
  """, cs="windows-1250", note="Romanian with cedilla letters ş ţ as windows-1250 writes them",
  cte="quoted-printable")

P("ro", C, HR, "owa", "Radu Enache <radu.enache@outlook.com>", "cont spart",
  """
  Salut, cineva mi-a spart contul de e-mail si apoi a resetat parola la contul de Wikipedia. Sunt birocrat pe Wikipedia in romana. Am vazut ca din contul meu s-au dat drepturi de administrator unui cont necunoscut acum o ora. Va rog sa blocati urgent!
  """)

P("ro", M, EM, "gmail", "Gheorghe Vasile <gheorghevasile58@gmail.com>", "donatie",
  """
  Buna ziua, am donat 100 lei luna trecuta si mi s-au luat banii de doua ori de pe card. Cum pot primi banii inapoi? Multumesc
  """)

P("ro", V, HR, "thunderbird", "Dan Ionescu <dan.ionescu@protonmail.com>", "întrebare despre securitate",
  """
  Bună ziua,

  Vreau să fac fotografii la protestele din Georgia pentru Commons. Ce recomandați ca să nu pun în pericol oamenii fotografiați și pe mine? Merită să șterg metadatele GPS?

  Mulțumesc,
  Dan
  """)
