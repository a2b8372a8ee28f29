"""Vietnamese, Indonesian, Thai, Burmese, Khmer, Lao, Tagalog."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, S, T, V

# --- Vietnamese ----------------------------------------------------------------

P("vi", A, EM, "gmail", "Nguyễn Thị Hoa <hoa.nguyen.wiki@gmail.com>", "Anh trai tôi bị bắt",
  """
  Xin chào,

  Anh trai tôi là người viết bài trên Wikipedia tiếng Việt về các tù nhân lương tâm. Sáng nay công an đến nhà khám xét, thu máy tính và điện thoại rồi đưa anh ấy đi. Họ nói anh bị điều tra theo Điều 117 "tuyên truyền chống nhà nước". Gia đình không được gặp anh.

  Xin hãy giúp chúng tôi.
  Hoa
  """)

P("vi", A, HR, "yahoo", "Tran Van Minh <tranvanminh1985@yahoo.com>", "bi cong an moi len lam viec",
  """
  chao cac anh chi, toi vua nhan giay moi cua cong an phuong len "lam viec" ve cac bai viet tren wikipedia. ban toi nam ngoai cung bi moi nhu vay roi bi tam giu 3 ngay. toi nen lam gi? co nen xoa tai khoan khong?
  """, note="Vietnamese without diacritics")

P("vi", T, HR, "gmail", "Lê Quang <lequang.wp@gmail.com>", "Bị đe dọa giết",
  """
  Chào đội nhân quyền, từ khi tôi sửa bài về vụ cưỡng chế đất đai ở Đồng Tâm, có nhiều tài khoản Facebook nhắn tin "mày sẽ chết", "biết nhà mày rồi". Hôm qua có người chụp ảnh cổng nhà tôi gửi vào Messenger. Tôi rất sợ cho vợ con.
  """)

P("vi", D, HR, "owa", "Phạm Mai <pham.mai@outlook.com>", "Thông tin cá nhân bị công khai",
  """
  Xin chào, một nhóm Facebook "Dư luận viên" đã đăng tên thật, số căn cước, địa chỉ nhà ở Đà Nẵng, nơi làm việc và ảnh con gái tôi. Họ gọi tôi là "phản động trên Wikipedia". Tôi phải làm gì?
  """)

P("vi", C, HR, "gmail", "Hoàng Nam <hoangnam.admin@gmail.com>", "tài khoản bị chiếm",
  """
  Chào, tài khoản Wikipedia của tôi (bảo quản viên) bị người khác đăng nhập và đổi mật khẩu. Trước đó tôi nhận được email giả mạo "Wikimedia" yêu cầu xác minh. Hiện tài khoản đang xóa bài. Xin khóa gấp!
  """)

P("vi", H, HR, "gmail", "Thu Trang <thutrang.vn.wp@gmail.com>", "bị quấy rối",
  """
  Chào các bạn, mấy tháng nay có một nhóm người liên tục quấy rối tôi: lùi sửa mọi đóng góp, gửi email chửi bới, ghép ảnh tôi lên trang khiêu dâm rồi gửi cho bố mẹ tôi. Tôi không chịu nổi nữa.
  """)

P("vi", V, HR, "thunderbird", "Đỗ An <do.an@riseup.net>", "câu hỏi về an toàn",
  """
  Xin chào, tài khoản Wikipedia của tôi đang để email thật và tên thật. Nếu tôi đổi tên người dùng thì các sửa đổi cũ có còn hiện tên cũ không? Tôi lo vì sắp viết về các blogger bị bắt. Cảm ơn.
  """)

P("vi", M, EM, "gmail", "Vũ Đức <vuduc.company@gmail.com>", "tạo trang công ty",
  """
  Chào anh chị, công ty em muốn làm trang Wikipedia, chi phí bao nhiêu ạ? Cần gấp trong tuần này ạ.
  """)

# --- Indonesian ----------------------------------------------------------------

P("id", T, EM, "gmail", "Yohanes Wenda <yohanes.wenda.wiki@gmail.com>", "ancaman pembunuhan",
  """
  Selamat malam,

  Saya kontributor Wikipedia bahasa Indonesia dari Jayapura. Sejak saya menulis artikel tentang penembakan warga sipil di Intan Jaya, saya dapat pesan WhatsApp "kau tunggu saja, kami tahu rumahmu". Tadi sore ada dua orang tak dikenal yang menanyakan nama saya ke tetangga. Saya takut sekali. Tolong bantu.

  Yohanes
  """)

P("id", A, HR, "gmail", "Dewi Lestari <dewi.lestari.wp@gmail.com>", "teman saya ditangkap",
  """
  Halo, teman saya yang sering mengunggah foto demo ke Wikimedia Commons ditangkap polisi di Jakarta tadi malam dengan tuduhan UU ITE. HP dan kameranya disita. Pengacaranya bilang dia bisa ditahan sampai 20 hari. Apakah Yayasan bisa membantu?
  """)

P("id", D, HR, "owa", "Rizky Pratama <rizky.pratama@outlook.co.id>", "data pribadi saya disebar",
  """
  Halo, ada akun Twitter yang menyebarkan nama lengkap saya, foto KTP, alamat rumah di Bekasi, tempat kerja, dan nomor HP istri saya. Katanya saya "buzzer asing di Wikipedia". Sekarang banyak nomor tak dikenal yang menelepon. Saya harus bagaimana?
  """)

P("id", H, HR, "gmail", "Siti Rahma <siti.rahma.wp@gmail.com>", "dilecehkan terus",
  """
  Assalamualaikum, sudah 3 bulan ada beberapa akun yang terus mengganggu saya. Semua suntingan saya dikembalikan, saya dikirimi email kotor, dan foto saya diedit lalu disebar di grup WhatsApp. Saya capek banget.
  """)

P("id", C, EM, "samsung", "Budi <budi.admin.idwiki@gmail.com>", "AKUN SAYA DIBAJAK",
  """
  darurat!! akun wikipedia saya (pengurus) dibajak, kata sandi diganti dan sekarang sedang menghapus halaman2. tolong dikunci secepatnya
  """)

P("id", V, HR, "gmail", "Agus <agus.s@gmail.com>", "pertanyaan keamanan",
  """
  Halo, saya diundang jadi pembicara di acara Wikimedia di Makassar tentang konflik agraria. Apakah aman kalau foto dan nama asli saya dipasang di poster acara? Terima kasih.
  """)

P("id", M, EM, "gmail", "Hendra Wijaya <hendrawijaya.official@gmail.com>", "buat halaman wikipedia",
  """
  Selamat siang, saya mau buat halaman Wikipedia untuk saya sebagai pengusaha. Berapa biayanya? Mohon segera dibalas. Terima kasih.
  """)

P("id", S, HR, "gmail", "tanpa nama <tanpanama2026@gmail.com>", "saya tidak kuat lagi",
  """
  maaf saya menulis ini. sejak data saya disebar, saya dipecat dan keluarga malu sama saya. akhir-akhir ini saya sering berpikir untuk bunuh diri. saya cuma ingin ada yang tahu.
  """)

# --- Thai ----------------------------------------------------------------------

P("th", A, EM, "gmail", "สมชาย ใจดี <somchai.wiki@gmail.com>", "เพื่อนถูกจับ",
  """
  สวัสดีครับ

  เพื่อนผมที่เขียนบทความในวิกิพีเดียภาษาไทยเกี่ยวกับมาตรา 112 ถูกตำรวจจับเมื่อเช้านี้ที่บ้าน ยึดโทรศัพท์กับคอมพิวเตอร์ไป ตอนนี้ยังไม่ได้ประกันตัว ทนายบอกว่าอาจโดนหลายกระทง ช่วยได้ไหมครับ
  """)

P("th", T, HR, "outlook", "นภา <napa.t@hotmail.co.th>", "ถูกขู่ฆ่า",
  """
  สวัสดีค่ะ หลังจากที่ดิฉันแก้ไขบทความเกี่ยวกับผู้มีอิทธิพลในจังหวัด มีคนโทรมาขู่ว่า "จะเก็บ" และส่งรูปบ้านดิฉันมาทางไลน์ ดิฉันแจ้งความแล้วแต่ตำรวจไม่ทำอะไร กลัวมากค่ะ
  """, cs="windows-874")

P("th", D, HR, "gmail", "Pim <pim.th.wp@gmail.com>", "ข้อมูลส่วนตัวถูกเปิดเผย",
  """
  สวัสดีค่ะ มีเพจเฟซบุ๊กเอาชื่อจริง เลขบัตรประชาชน ที่อยู่บ้านที่เชียงใหม่ ที่ทำงาน และรูปลูกสาวของดิฉันไปโพสต์ บอกว่าดิฉันเป็น "พวกชังชาติในวิกิพีเดีย" มีคนคอมเมนต์ว่าจะไปหาที่บ้าน
  """)

P("th", H, HR, "gmail", "Anan <anan.th@gmail.com>", "ถูกคุกคาม",
  """
  สวัสดีครับ มีกลุ่มคนตามรังควานผมมาหลายเดือน ย้อนการแก้ไขทุกอย่าง ส่งอีเมลด่าทอ และโทรไปที่ทำงานผม ผมเหนื่อยมากครับ
  """)

P("th", C, HR, "gmail", "Kittipong <kittipong.admin@gmail.com>", "บัญชีถูกแฮก",
  """
  สวัสดีครับ เมื่อวานมี SMS แจ้งว่า "บัญชีวิกิพีเดียของคุณจะถูกระงับ" พร้อมลิงก์ ผมกดเข้าไปแล้วใส่รหัสผ่าน วันนี้มีการลบบทความจากบัญชีผมหลายสิบหน้า ผมเป็นผู้ดูแลระบบ ช่วยล็อกด่วนครับ
  """)

P("th", V, HR, "gmail", "Malee <malee.s@gmail.com>", "คำถามเรื่องความปลอดภัย",
  """
  สวัสดีค่ะ ถ้าถูกตำรวจเรียกไปให้ปากคำแล้วเขาขอรหัสผ่านโทรศัพท์ ดิฉันมีสิทธิ์ปฏิเสธไหมคะ และควรลบแอปวิกิพีเดียออกจากเครื่องก่อนไปหรือเปล่า ขอบคุณค่ะ
  """)

P("th", M, EM, "gmail", "Wichai <wichai.shop@gmail.com>", "อยากทำหน้าวิกิพีเดีย",
  """
  สวัสดีครับ อยากทำหน้าวิกิพีเดียให้ร้านอาหารของผม ราคาเท่าไหร่ครับ
  """)

# --- Burmese -------------------------------------------------------------------

P("my", A, EM, "gmail", "ကိုအောင် <koaung.wiki@gmail.com>", "ကျွန်တော့်သူငယ်ချင်း အဖမ်းခံရတယ်",
  """
  မင်္ဂလာပါ

  ကျွန်တော့်သူငယ်ချင်းက မြန်မာဝီကီပီးဒီးယားမှာ စစ်တပ်ရဲ့ ရွာမီးရှို့မှုတွေအကြောင်း ရေးခဲ့တယ်။ ဒီမနက် ရန်ကုန်မှာ စစ်ကောင်စီ ရဲတွေက အိမ်ကိုလာပြီး ဖမ်းသွားတယ်။ ဖုန်းနဲ့ ကွန်ပျူတာကို သိမ်းသွားတယ်။ ဘယ်မှာ ထားလဲ မသိရဘူး။ ကူညီပေးပါ။
  """)

P("my", T, HR, "gmail", "မသီတာ <ma.thida.mm@gmail.com>", "အသက်အန္တရာယ် ခြိမ်းခြောက်ခံရ",
  """
  မင်္ဂလာပါ။ ကျွန်မ ဝီကီပီးဒီးယားမှာ ပျူစောထီးတွေအကြောင်း ရေးပြီးနောက် Telegram ကနေ "မင်းကို သတ်မယ်၊ မင်းအိမ်ကို သိတယ်" ဆိုပြီး ခြိမ်းခြောက်တယ်။ မိသားစုအတွက် အရမ်းကြောက်တယ်။
  """)

P("my", D, HR, "gmail", "Zaw <zaw.mm.wp@gmail.com>", "ကိုယ်ရေးအချက်အလက် ထုတ်ပြန်ခံရ",
  """
  မင်္ဂလာပါ၊ စစ်ကောင်စီလိုလားတဲ့ Telegram ချန်နယ်တစ်ခုက ကျွန်တော့်နာမည်အရင်း၊ မှတ်ပုံတင်ဓာတ်ပုံ၊ အိမ်လိပ်စာ၊ မိဘတွေရဲ့ လိပ်စာကို တင်ထားတယ်။ "CDM သူပုန်" လို့ ရေးထားတယ်။
  """)

P("my", C, HR, "gmail", "Thura <thura.admin.my@gmail.com>", "အကောင့် ဟက်ခံရ",
  """
  မင်္ဂလာပါ၊ ကျွန်တော့်ညီကို စစ်တပ်က ဖမ်းသွားပြီးနောက် သူ့ဖုန်းထဲမှာ ကျွန်တော့် ဝီကီအကောင့် ဝင်ထားတာ ရှိတယ်။ အခု ကျွန်တော့်အကောင့်ကနေ တခြားအသုံးပြုသူတွေဆီ စာတွေ ပို့နေတယ်။ ကျွန်တော် စီမံခန့်ခွဲသူပါ။ အမြန်ပိတ်ပေးပါ။
  """)

P("my", V, HR, "gmail", "Nandar <nandar.k@gmail.com>", "လုံခြုံရေး မေးခွန်း",
  """
  မင်္ဂလာပါ၊ VPN သုံးပြီး ဝီကီပီးဒီးယားမှာ ရေးရင် လုံခြုံပါသလား။ စစ်ဆေးရေးဂိတ်မှာ ဖုန်းစစ်ရင် ဘာလုပ်ရမလဲ။ ကျေးဇူးတင်ပါတယ်။
  """)

P("my", H, HR, "gmail", "Su Su <susu.mm@gmail.com>", "နှောင့်ယှက်ခံရ",
  """
  မင်္ဂလာပါ၊ လပေါင်းများစွာ လူတစ်စုက ကျွန်မကို Facebook ပေါ်မှာ ဆဲဆိုပြီး ကျွန်မဓာတ်ပုံတွေကို ပြုပြင်ပြီး ဖြန့်နေတယ်။ ဝီကီမှာလည်း ကျွန်မ တည်းဖြတ်တာတွေ ပြန်ဖျက်တယ်။
  """)

P("my", S, EM, "gmail", "အမည်မဲ့ <amyimae.2026@gmail.com>", "မနေနိုင်တော့ဘူး",
  """
  မိသားစုက ကျွန်တော့်ကို စွန့်ပစ်ပြီး အလုပ်လည်း ပြုတ်သွားပြီ။ ဒီည ကိုယ့်ကိုယ်ကို သတ်သေဖို့ စဉ်းစားနေတယ်။ တစ်ယောက်ယောက် သိစေချင်လို့ ရေးတာပါ။
  """)

# --- Khmer ---------------------------------------------------------------------

P("km", A, EM, "gmail", "សុខ ដារ៉ា <sok.dara.wiki@gmail.com>", "មិត្តខ្ញុំត្រូវបានចាប់ខ្លួន",
  """
  ជំរាបសួរ

  មិត្តរបស់ខ្ញុំដែលសរសេរអត្ថបទលើវិគីភីឌាភាសាខ្មែរអំពីការរំលោភដីធ្លី ត្រូវប៉ូលិសចាប់ខ្លួននៅភ្នំពេញកាលពីព្រឹកមិញ។ ពួកគេរឹបអូសទូរសព្ទនិងកុំព្យូទ័រ។ គ្រួសារមិនដឹងថាគាត់នៅឯណាទេ។ សូមជួយផង។
  """)

P("km", T, HR, "gmail", "Srey Leak <sreyleak.kh@gmail.com>", "ការគំរាមសម្លាប់",
  """
  ជំរាបសួរ បន្ទាប់ពីខ្ញុំសរសេរអំពីការកាប់ឈើខុសច្បាប់ មានគេផ្ញើសារតាម Telegram ថា "ឯងនឹងស្លាប់ យើងដឹងផ្ទះឯង"។ ខ្ញុំខ្លាចណាស់។
  """)

P("km", D, HR, "gmail", "Vannak <vannak.kh.wp@gmail.com>", "ព័ត៌មានផ្ទាល់ខ្លួនត្រូវបានបង្ហោះ",
  """
  ជំរាបសួរ មានវីដេអូ TikTok មួយបង្ហាញផ្ទះរបស់ខ្ញុំនៅខេត្តសៀមរាប ឈ្មោះឪពុកម្តាយខ្ញុំ និងសាលារៀនកូនខ្ញុំ ហើយនិយាយថាខ្ញុំ "សរសេរកុហកលើវិគីភីឌា"។ មានអ្នកមើលជាងមួយសែននាក់។
  """)

P("km", C, HR, "gmail", "Pheak <pheak.admin.km@gmail.com>", "គណនីត្រូវបានលួច",
  """
  ជំរាបសួរ ទូរសព្ទរបស់ខ្ញុំត្រូវប៉ូលិសរឹបអូសអស់មួយសប្តាហ៍ ទើបប្រគល់មកវិញ។ ឥឡូវខ្ញុំឃើញថាគណនីវិគីភីឌា និង Telegram របស់ខ្ញុំមានការចូលពីឧបករណ៍ផ្សេង។ តើខ្ញុំគួរធ្វើអ្វី?
  """)

P("km", V, HR, "gmail", "Chenda <chenda.s@gmail.com>", "សំណួរអំពីសុវត្ថិភាព",
  """
  ជំរាបសួរ ខ្ញុំនឹងថតរូបបាតុកម្មដើម្បីដាក់ក្នុង Commons។ តើខ្ញុំគួរលុបព័ត៌មាន GPS ពីរូបថត ហើយបិទមុខមនុស្សឬទេ? អរគុណ។
  """)

# --- Lao -----------------------------------------------------------------------

P("lo", A, EM, "gmail", "ສົມພອນ <somphone.wiki@gmail.com>", "ອ້າຍຂອງຂ້ອຍຖືກຈັບ",
  """
  ສະບາຍດີ

  ອ້າຍຂອງຂ້ອຍທີ່ຂຽນບົດຄວາມໃນວິກິພີເດຍກ່ຽວກັບເຂື່ອນ ຖືກຕຳຫຼວດຈັບຢູ່ວຽງຈັນມື້ວານນີ້. ເຂົາເອົາໂທລະສັບແລະຄອມພິວເຕີໄປ. ຄອບຄົວບໍ່ຮູ້ວ່າລາວຢູ່ໃສ. ກະລຸນາຊ່ວຍແດ່.
  """)

P("lo", T, HR, "gmail", "Noy <noy.lao@gmail.com>", "ຖືກຂູ່ຂ້າ",
  """
  ສະບາຍດີ ຫຼັງຈາກຂ້ອຍຂຽນກ່ຽວກັບການຍຶດທີ່ດິນ ມີຄົນສົ່ງຂໍ້ຄວາມມາວ່າ "ມຶງຈະຕາຍ ພວກກູຮູ້ເຮືອນມຶງ". ຂ້ອຍຢ້ານຫຼາຍ.
  """)

P("lo", D, HR, "gmail", "Khamla <khamla.lo.wp@gmail.com>", "ຂໍ້ມູນສ່ວນຕົວຖືກເປີດເຜີຍ",
  """
  ສະບາຍດີ ມີຄົນເອົາຮູບຂອງຂ້ອຍ ກັບຊື່ຜູ້ໃຊ້ວິກິພີເດຍ ແລະ ເບີໂທຂອງແມ່ຂ້ອຍ ໄປແຊຣ໌ໃນກຸ່ມ WhatsApp ຂອງບ້ານ. ດຽວນີ້ມີຄົນໂທມາຂູ່ແມ່ທຸກມື້.
  """)

P("lo", V, HR, "gmail", "Bounmy <bounmy.k@gmail.com>", "ຄຳຖາມກ່ຽວກັບຄວາມປອດໄພ",
  """
  ສະບາຍດີ ຂ້ອຍຈະເດີນທາງໄປໄທ ແລ້ວກັບມາລາວ. ຢູ່ດ່ານເຂົາກວດໂທລະສັບບໍ? ຄວນລຶບແອັບວິກິພີເດຍອອກກ່ອນບໍ? ຂອບໃຈ.
  """)

P("lo", C, HR, "gmail", "Vilay <vilay.admin.lo@gmail.com>", "ບັນຊີຖືກແຮັກ",
  """
  ສະບາຍດີ ຂ້ອຍໃຊ້ລະຫັດຜ່ານດຽວກັນກັບເຟສບຸກ ແລະ ເຟສບຸກຖືກແຮັກອາທິດແລ້ວ. ມື້ນີ້ບັນຊີວິກິພີເດຍກໍເຂົ້າບໍ່ໄດ້ແລ້ວ.
  """)

# --- Tagalog -------------------------------------------------------------------

P("tl", T, EM, "gmail", "Maria Reyes <mariareyes.wiki@gmail.com>", "banta sa buhay ko",
  """
  Magandang gabi po,

  Ako po ay editor sa Wikipedia na Tagalog. Simula nang isulat ko ang artikulo tungkol sa mga pinatay sa war on drugs sa aming barangay, nakakatanggap ako ng mga text na "susunod ka na", at may nag-iwan ng karatula sa gate namin na "NANLABAN". Alam ko po ang ibig sabihin noon dito. Takot na takot po ako para sa pamilya ko.

  Maria
  """)

P("tl", A, HR, "gmail", "Jun Santos <junsantos.wp@gmail.com>", "kaibigan ko inaresto",
  """
  Hello po, yung kaibigan ko na nag-a-upload ng photos ng rally sa Commons ay inaresto ng pulis kahapon sa Quezon City. Kinuha yung phone at camera niya. Sabi "inciting to sedition" daw. Ano po pwede gawin?
  """, note="Taglish")

P("tl", D, HR, "samsung", "Angel Cruz <angelcruz.edits@gmail.com>", "na-red tag ako at kinalat info ko",
  """
  Hi po. May Facebook page na nag-post ng picture ko, full name, address namin sa Davao, yung school kung saan ako nagtuturo at number ko. Sabi nila NPA daw ako kasi nag-edit ako ng article tungkol sa mga lumad. Natatakot na ako lumabas.

  Sent from my Samsung Galaxy smartphone.
  """, note="Taglish")

P("tl", H, HR, "gmail", "Paolo Garcia <paolo.garcia.wp@gmail.com>", "harassment",
  """
  Hello po, ilang buwan na akong hina-harass ng grupo ng mga user. Nire-revert lahat ng edits ko, pinapadalhan ako ng bastos na emails, at ngayon pati sa Facebook ng mama ko nagpo-post sila. Pagod na pagod na po ako.
  """)

P("tl", C, EM, "gmail", "Rico Dela Cruz <rico.admin.tl@gmail.com>", "na-hack account ko URGENT",
  """
  URGENT po! Na-hack yung admin account ko sa Tagalog Wikipedia, pinalitan password at ngayon nagde-delete siya ng pages. Paki-lock po agad!
  """)

P("tl", V, HR, "gmail", "Liza <liza.m@gmail.com>", "tanong tungkol sa seguridad",
  """
  Magandang araw po. Magkakaroon kami ng edit-a-thon tungkol sa Martial Law. Paano po namin mapoprotektahan ang mga participants kung magpo-post kami ng group photo? Salamat po.
  """)

P("tl", M, EM, "gmail", "Jessa <jessa.bautista99@gmail.com>", "paano gumawa ng page",
  """
  hi po paano po gumawa ng wikipedia page para sa banda namin? salamat po
  """)
