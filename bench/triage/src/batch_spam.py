"""Spam and phishing, as the tools (and the hijacked accounts) that send it write it."""
from .clients import P
from .shape import EM, HR, SPAM

# --- phishing that imitates Wikimedia or the mail provider ----------------------

P("en", SPAM, HR, "phpmailer", "Wikimedia Foundation Security <security@wikimedia-verify-example.com>",
  "Action required: your account will be suspended within 24 hours",
  """
  Dear Wikimedia user,

  We detected unusual activity on your account. To avoid permanent suspension of your editing rights, you must verify your identity within 24 hours.

  Verify now: https://wikimedia-verify-example.com/login?u=talktohumanrights

  If you do not verify, your account and all contributions will be deleted.

  Wikimedia Trust & Safety
  """, note="phishing imitating the Foundation")

P("en", SPAM, EM, "phpmailer", "Mail Administrator <admin@example-org-mailbox.top>",
  "Your mailbox emergency@example.org is 98% full",
  """
  Dear emergency,

  Your mailbox has reached 98% of its storage limit. Incoming messages will be rejected after 2 hours.

  Click below to increase your storage for free:
  https://example-org-mailbox.top/upgrade?email=emergency@example.org

  IT Help Desk
  """, xh=[("Reply-To", "helpdesk.upgrade@mailbox-support-example.ru")])

P("es", SPAM, HR, "bulkspam", "Fundación Wikimedia <no-responder@wikimedia-es-example.xyz>",
  "Su cuenta ha sido bloqueada temporalmente",
  """
  Estimado usuario:

  Su cuenta de Wikipedia ha sido bloqueada por violar nuestras políticas. Para recuperar el acceso, confirme sus datos en el siguiente enlace antes de 48 horas:

  https://wikimedia-es-example.xyz/desbloqueo

  Atentamente,
  Equipo de Seguridad
  """)

P("fr", SPAM, HR, "bulkspam", "Service Messagerie <support@messagerie-securite-example.fr.info>",
  "Dernier avertissement : votre boîte mail sera désactivée",
  """
  Bonjour,

  Suite à une mise à jour de sécurité, votre adresse talktohumanrights@example.org doit être revalidée. Sans action de votre part, votre boîte sera désactivée aujourd'hui.

  Revalider maintenant

  L'équipe technique
  """)

P("ru", SPAM, HR, "phpmailer", "Служба безопасности Wikimedia <security@wiki-media-example.ru>",
  "Подтвердите учётную запись администратора",
  """
  Уважаемый администратор!

  В связи с обновлением правил безопасности все администраторы должны подтвердить учётную запись до конца недели. В противном случае права будут сняты.

  Подтвердить: http://wiki-media-example.ru/confirm

  С уважением,
  Служба безопасности
  """)

P("ar", SPAM, EM, "bulkspam", "فريق الدعم <support@wiki-ar-verify-example.top>",
  "تنبيه أمني: تم تسجيل دخول مشبوه إلى حسابك",
  """
  عزيزي المستخدم،

  لاحظنا محاولة تسجيل دخول مشبوهة إلى حسابك. لحماية حسابك يرجى تأكيد معلوماتك خلال ٢٤ ساعة عبر الرابط التالي:

  https://wiki-ar-verify-example.top/secure

  فريق الأمان
  """, note="phishing that reads like an account-compromise alert")

P("de", SPAM, HR, "bulkspam", "Postfach-Administrator <admin@postfach-update-example.de.com>",
  "Wichtig: Ihr E-Mail-Konto muss aktualisiert werden",
  """
  Sehr geehrter Nutzer,

  Ihr E-Mail-Konto talktohumanrights@example.org wurde für ein Sicherheitsupdate markiert. Bitte melden Sie sich innerhalb von 24 Stunden an, um eine Sperrung zu vermeiden.

  Jetzt anmelden

  Ihr IT-Support
  """)

P("it", SPAM, EM, "phpmailer", "Poste Italiane <noreply@poste-avviso-example.com>",
  "Avviso: pacco in giacenza",
  """
  Gentile cliente,

  il suo pacco è in giacenza presso il nostro centro di smistamento a causa di un indirizzo incompleto. Per la riconsegna è richiesto il pagamento di 1,99 EUR.

  Conferma indirizzo e paga: https://poste-avviso-example.com/track

  Poste Italiane
  """)

P("pt", SPAM, HR, "bulkspam", "Correios <rastreamento@correios-taxa-example.com>",
  "Sua encomenda está retida - pague a taxa de importação",
  """
  Prezado(a) cliente,

  Sua encomenda está retida na alfândega. Para liberação, pague a taxa de R$ 28,90 até hoje.

  Pagar agora com Pix

  Correios
  """)

P("id", SPAM, EM, "bulkspam", "JNE Express <info@jne-kurir-example.id.xyz>",
  "Paket Anda gagal dikirim",
  """
  Pelanggan Yth,

  Paket Anda gagal dikirim karena alamat tidak lengkap. Silakan perbarui alamat dan bayar biaya pengiriman ulang Rp 12.000 melalui tautan berikut dalam 12 jam.

  Perbarui alamat
  """)

P("vi", SPAM, HR, "bulkspam", "Ngân hàng VCB <thongbao@vcb-baomat-example.com>",
  "Tài khoản của quý khách bị tạm khóa",
  """
  Kính gửi quý khách,

  Tài khoản của quý khách đã bị tạm khóa do phát hiện giao dịch bất thường. Vui lòng xác minh thông tin tại đường dẫn sau để mở khóa:

  https://vcb-baomat-example.com/xacminh
  """)

P("ja", SPAM, HR, "bulkspam", "Amazon.co.jp <account-update@amazon-jp-example.top>",
  "【重要】Amazonアカウントの利用を一時停止しました",
  """
  Amazonをご利用いただきありがとうございます。

  お客様のアカウントで不正なログインが検出されたため、アカウントを一時停止しました。24時間以内に以下のリンクからお支払い情報を更新してください。

  アカウントを確認する

  Amazon.co.jp
  """, cs="utf-8")

P("tr", SPAM, EM, "bulkspam", "E-Devlet Bilgilendirme <bildirim@edevlet-tebligat-example.com>",
  "Hakkınızda açılmış dava dosyası - Elektronik Tebligat",
  """
  Sayın Vatandaşımız,

  Adınıza kayıtlı bir dava dosyası bulunmaktadır. Gözaltı kararı çıkmadan önce dosyanızı incelemek ve ifade vermek için aşağıdaki bağlantıya tıklayınız.

  Dosyayı görüntüle: http://edevlet-tebligat-example.com/dosya

  T.C. Adalet Bakanlığı
  """, note="phishing dressed as a court summons threatening detention")

P("fr", SPAM, EM, "phpmailer", "Police Nationale - Brigade Cyber <convocation@police-cyber-example.fr.net>",
  "CONVOCATION JUDICIAIRE N°2026-4471",
  """
  Madame, Monsieur,

  Suite à une saisie informatique, vous êtes poursuivi(e) pour des infractions graves. Vous disposez de 72 heures pour répondre à cette convocation, faute de quoi un mandat d'arrêt sera émis.

  Veuillez consulter le document joint et répondre par e-mail.

  Commissaire divisionnaire
  Brigade de protection des mineurs
  """, att=[("convocation_2026-4471.pdf", "application/pdf", 2400)],
  note="the well-known fake police summons scam: threats of arrest, but spam")

P("pl", SPAM, HR, "bulkspam", "Policja <wezwanie@policja-gov-example.pl.xyz>",
  "Wezwanie do stawiennictwa",
  """
  Szanowny Panie / Szanowna Pani,

  Zostało wszczęte postępowanie przeciwko Panu/Pani. Prosimy o zapoznanie się z wezwaniem w załączniku w ciągu 48 godzin, w przeciwnym razie zostanie wydany nakaz zatrzymania.
  """)

# --- sextortion, scams, offers --------------------------------------------------

P("en", SPAM, EM, "bulkspam", "emergency@example.org <emergency@example.org>",
  "I have recorded you. Pay now.",
  """
  Hello,

  I have access to your device and I have recorded you through your camera. I also have all your contacts.

  If you do not send 1200 USD in Bitcoin to the wallet below within 48 hours, I will send the video to everyone you know and your life will be destroyed.

  BTC: bc1q8e7xk3example9w2l0f4c8m

  Do not reply to this email. The timer has started.
  """, note="sextortion with a forged From of our own address: threats, but spam")

P("de", SPAM, HR, "bulkspam", "Anonym <x7k2m@mailhost-example.cc>",
  "Ihr Gerät wurde gehackt",
  """
  Hallo,

  ich habe Ihr Gerät mit einem Trojaner infiziert und Sie über die Kamera aufgenommen. Zahlen Sie 950 EUR in Bitcoin innerhalb von 48 Stunden, sonst schicke ich das Video an alle Ihre Kontakte.

  Bitcoin-Adresse: bc1qexample0f8d7s6a5
  """)

P("es", SPAM, EM, "bulkspam", "Hacker <h4ck3r@correo-example.ws>",
  "Tu cuenta ha sido hackeada",
  """
  Hola, tengo acceso a tu correo y a tu cámara. Si no me pagas 800 dólares en Bitcoin en 2 días, publicaré tus fotos privadas y enviaré todo a tu familia. Sé dónde vives.
  """, note="sextortion mentioning where you live")

P("en", SPAM, HR, "gmail", "Mrs. Grace Williams <mrs.gracewilliams.uk2026@gmail.com>",
  "Compensation Fund Notification",
  """
  Dear Beneficiary,

  I am Mrs. Grace Williams, a staff of the United Nations Compensation Commission. Your email address was selected to receive the sum of $2,500,000.00 USD as compensation for victims of scam.

  Kindly send your full name, address and phone number to claim your fund.

  Regards,
  Mrs. Grace Williams
  """, note="advance-fee fraud from a free-mail account (looks like a person)")

P("en", SPAM, EM, "phpmailer", "Wiki Page Experts <hello@wikipagepros-example.com>",
  "Get your Wikipedia page published in 7 days - guaranteed",
  """
  Hi there,

  Are you looking to build credibility? Our team of experienced Wikipedia editors can create and publish a page for you or your company in just 7 days. 100% approval guaranteed or your money back.

  Reply to this email for a free consultation.

  Best,
  Jessica | Wiki Page Experts

  To stop receiving these emails, reply STOP.
  """, note="paid-editing spam sent to the emergency address")

P("en", SPAM, HR, "outlook", "Rohan Mehta <rohan.seo.services@outlook.com>",
  "Guest post opportunity on your website",
  """
  Hi,

  I came across your website and I'm impressed with the content. I would like to offer you a guest post with a do-follow backlink. We pay $50 per article.

  Looking forward to your reply.

  Rohan
  """)

P("hi", SPAM, HR, "bulkspam", "KBC Lottery <kbc.lottery.official@lottery-example.in.net>",
  "बधाई हो! आपने 25 लाख रुपये जीते",
  """
  प्रिय ग्राहक,

  बधाई हो! कौन बनेगा करोड़पति लकी ड्रा में आपका ईमेल चुना गया है। आपने 25,00,000 रुपये जीते हैं। राशि प्राप्त करने के लिए प्रोसेसिंग फीस 15,000 रुपये जमा करें और इस नंबर पर व्हाट्सऐप करें।
  """)

P("ru", SPAM, HR, "bulkspam", "Инвест-Клуб <info@invest-club-example.ru>",
  "Пассивный доход от 150 000 руб. в месяц",
  """
  Здравствуйте!

  Хотите зарабатывать от 150 000 рублей в месяц, не выходя из дома? Наша платформа на основе искусственного интеллекта торгует криптовалютой за вас.

  Регистрация бесплатная — осталось 7 мест!
  """, cs="windows-1251")

P("zh", SPAM, HR, "bulkspam", "财务部 <fp8812@163-example.com>",
  "代开各地正规发票",
  """
  您好！本公司长期代开各地增值税发票、普通发票，可验证后付款。
  联系人：王经理 微信同号 138XXXXXXXX
  """, cs="gb2312")

P("zh", SPAM, EM, "bulkspam", "USDT理财 <service@usdt-example.vip>",
  "每天收益3%，稳赚不赔",
  """
  尊敬的用户：

  加入我们的USDT量化理财平台，每天收益3%，随存随取，稳赚不赔！新用户注册即送50USDT。
  """)

P("ko", SPAM, HR, "bulkspam", "(광고) 희망대출 <ad@loan-example.kr>",
  "(광고) 무직자도 당일 대출 가능",
  """
  (광고) 무직자, 신용불량자도 당일 300만원까지 대출 가능! 지금 바로 상담 신청하세요.
  수신거부: 080-000-0000
  """, cs="euc-kr")

P("vi", SPAM, EM, "bulkspam", "Nhà cái uy tín <khuyenmai@nhacai-example.bet>",
  "Tặng 200K khi đăng ký tài khoản mới",
  """
  Đăng ký ngay hôm nay nhận 200K tiền thưởng, nạp lần đầu tặng 100%. Rút tiền trong 5 phút!
  """)

P("id", SPAM, HR, "bulkspam", "Slot Gacor <promo@slotgacor-example.xyz>",
  "Bonus new member 100% - slot gacor hari ini",
  """
  Daftar sekarang dan dapatkan bonus new member 100%! Situs slot gacor terpercaya, deposit pulsa tanpa potongan.
  """)

P("ar", SPAM, HR, "gmail", "شركة التوظيف الدولية <jobs.international.2026@gmail.com>",
  "فرصة عمل في كندا براتب 5000 دولار",
  """
  السلام عليكم،

  يسعدنا إبلاغكم بأنه تم اختياركم لوظيفة في كندا براتب شهري 5000 دولار مع سكن وتأشيرة. يرجى إرسال صورة جواز السفر ودفع رسوم المعاملة 300 دولار لتأكيد الحجز.
  """, note="job scam asking for a passport photo")

P("fa", SPAM, HR, "bulkspam", "فیلترشکن پرسرعت <sales@vpn-iran-example.shop>",
  "فیلترشکن پرسرعت با ۵۰٪ تخفیف",
  """
  سلام! فیلترشکن پرسرعت و بدون قطعی، مناسب اینستاگرام و تلگرام. خرید اشتراک سه ماهه فقط ۲۵۰ هزار تومان. همین حالا سفارش دهید.
  """, note="VPN-selling spam (the inbox's own topic)")

P("th", SPAM, EM, "bulkspam", "สินเชื่อด่วน <loan@sinchuea-example.co>",
  "อนุมัติไว ได้เงินใน 1 ชั่วโมง",
  """
  สินเชื่อด่วน ไม่ต้องค้ำ ไม่เช็คบูโร อนุมัติไว ได้เงินภายใน 1 ชั่วโมง แอดไลน์เลย!
  """)

P("nl", SPAM, HR, "phpmailer", "Facturatie <facturen@factuur-herinnering-example.nl>",
  "Herinnering: openstaande factuur 2026-11873",
  """
  Geachte heer/mevrouw,

  Uit onze administratie blijkt dat factuur 2026-11873 nog niet is voldaan. Bekijk de factuur in de bijlage en betaal binnen 3 dagen om incassokosten te voorkomen.
  """, att=[("Factuur_2026-11873.pdf", "application/pdf", 1900)])

P("sw", SPAM, EM, "bulkspam", "Bahati Nasibu <zawadi@bahatinasibu-example.co.tz>",
  "Hongera! Umeshinda Tsh 5,000,000",
  """
  Hongera! Namba yako ya barua pepe imeshinda Tsh 5,000,000 kwenye droo yetu ya mwezi. Tuma ada ya usajili Tsh 50,000 kupitia M-Pesa ili kupokea zawadi yako.
  """)

P("tr", SPAM, HR, "bulkspam", "Kampanya <kampanya@indirim-example.com.tr>",
  "Sadece bugün %70 indirim!",
  """
  Kış sezonu ürünlerinde sadece bugüne özel %70 indirim! Kargo bedava. Hemen alışverişe başla.
  """, cs="iso-8859-9")

P("uk", SPAM, HR, "bulkspam", "Приватбанк <security@privat-bezpeka-example.com>",
  "Ваша картка заблокована",
  """
  Шановний клієнте! Вашу картку тимчасово заблоковано через підозрілу операцію. Для розблокування підтвердіть дані картки за посиланням протягом 2 годин.
  """)

P("en", SPAM, HR, "bulkspam", "DocuSign <dse@docusign-secure-example.net>",
  "Complete with DocuSign: Human_Rights_Team_Agreement.pdf",
  """
  Please review and sign the document: Human_Rights_Team_Agreement.pdf

  REVIEW DOCUMENT

  This message was sent to you by the Wikimedia Legal Department via DocuSign Electronic Signature.
  """)
