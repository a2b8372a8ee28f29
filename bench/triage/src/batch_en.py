"""English, written by native and (mostly) non-native writers."""
from .clients import P
from .shape import EM, HR, A, C, D, H, M, Q, S, T, V

P("en", T, EM, "gmail", "Chinedu Okafor <chinedu.okafor.wiki@gmail.com>", "please help me",
  """
  Please I need help now. Two men came to my house this night asking my neighbour for "the one who writes on wikipedia about the governor". They had guns. My neighbour said I travelled. I am hiding in my cousin place now but they know my area.

  I wrote the article about the 2025 killings in our local govt area and I put the sources. Since last week people are calling my phone saying I will not see christmas.

  I dont know who else to contact. Please call me or tell me what to do. +234 803 ... (I will send number if you reply, I dont trust this email fully)

  Chinedu
  """)

P("en", T, HR, "thunderbird", "R. Haddad <rhaddad@riseup.net>", "Threats after the militia article - need advice on what to do",
  """
  Dear Human Rights team,

  I have been editing English and Arabic Wikipedia for about nine years, mostly on the history of my region. In September I expanded the article about an armed group that controls part of my city, using published reports by two international NGOs.

  Since then:
  - On 14 October a Facebook account I do not know posted my real name and the sentence "this dog will be slaughtered like a sheep" under a post sharing the article.
  - On 20 October somebody left a note under the door of my flat. It said (my translation) "We read what you wrote. We know where you sleep." I have a photo of it.
  - Yesterday a relative told me that people from the group asked at his shop whether I still live at the same address.

  I take this seriously because two journalists from my city were killed in 2023 after similar warnings. I am thinking of leaving the city for some weeks but I do not have much money.

  I can send the photo and the screenshots in an encrypted way if you tell me how. My public key is on keys.openpgp.org under this address.

  Thank you,
  R.
  """)

P("en", A, EM, "iphone", "Farrukh <farrukh.editathon@yahoo.com>", "Our user group coordinator was taken by police",
  """
  Urgent. Our coordinator Dilnoza was detained today around 11:00 at her office by people in plain clothes, they said they are from the security service. They took her laptop and the box with the edit-a-thon materials. Her husband says nobody tells him where she is. Her phone is off since 11:30.

  She organised the women in history edit-a-thon last month. Some of the articles were about political prisoners.

  We have a lawyer but he is afraid. Can the Foundation do anything? Please reply fast.

  Sent from my iPhone
  """)

P("en", A, HR, "outlook", "Samir Q. <samir.q@outlook.com>", "Summoned for questioning on Monday",
  """
  Hello,

  I received a written summons this morning to appear at the Cybercrime Investigation Department on Monday 10:00 "as a witness" in a case about "spreading false information about state institutions". The officer who delivered it asked me if I am "the Wikipedia admin". I am an administrator on the local-language Wikipedia.

  A friend who was summoned as a "witness" in a similar case in the spring was kept for 9 days.

  What should I do before Monday? Should I delete anything, hand over my admin rights, inform anyone? Can you help find a lawyer who understands this kind of case?

  Best regards,
  Samir
  """)

P("en", D, HR, "gmail", "quietfern <quietfern.edits@gmail.com>", "someone put all my info on a forum",
  """
  Hi,

  I don't really know if this is the right place. There is a thread on a forum (link below, please be careful opening it) that has:

  - my real first and last name
  - my Wikipedia username and the old username I had before
  - the street and the building I live in, with a Google Street View picture of the entrance
  - my work, the name of the clinic and my shift days
  - my mobile number
  - pictures from my private Instagram, including my little sister

  They linked it to my edits about the anti-vaccine people. Some comments say people should "pay her a visit". I have made my Instagram private now.

  https://[forum link removed by me, I can send it]

  Is there anything you can do? I'm scared to go to work.
  """)

P("en", D, EM, "samsung", "Amara Bangura <amara.b1990@yahoo.com>", "MY CHILDREN SCHOOL IS ON THE POST",
  """
  Please this is emergency. A WhatsApp group is sharing a picture of me with my ID card number, my house at Wilberforce, my two kids names and the name of their school and the time they close. They are saying I am spy for foreigners because of my Wikipedia edits on the election.

  I already took the kids out of school today. Please what can I do. The police here will not help me.

  Sent from my Samsung Galaxy smartphone.
  """)

P("en", H, HR, "owa", "Tomás Reyes <t.reyes.wiki@hotmail.com>", "Coordinated harassment since August",
  """
  Hello,

  I'm an editor on English Wikipedia and Wikimedia Commons. Since August a group of accounts has been following me across projects. It started on-wiki (reverting every edit I make within minutes, filing reports against me), then moved off-wiki:

  * around 40 emails through Special:EmailUser, many insulting, some sexual
  * a subreddit post "exposing" me with screenshots of my contributions
  * new accounts created with names that are variations of my real surname
  * messages to my employer's public contact form saying I "spread propaganda"

  I've reported the accounts to stewards, and several were locked, but new ones appear every week. I'm exhausted and I'm close to stopping editing. I'd like to know if the Trust & Safety or Human Rights team can look at this as one campaign rather than single incidents.

  I can provide a spreadsheet with all accounts, dates and diffs.

  Thanks,
  Tomás
  """)

P("en", H, HR, "iphone", "Priya <priya.edits@icloud.com>", "Man from meetup keeps messaging me",
  """
  Hi, sorry if this is not for you. After the wiki meetup in August one man from the group started texting me every day. At first friendly, now he sends me things about my body and says he knows which bus I take. I blocked him on WhatsApp and he made a new number. He also comments on every photo I upload to Commons. Other people from the group tell me "he's harmless". I don't want to go to meetups anymore.

  What can I do? I don't want to make drama in the community but this has been 2 months.

  Priya
  """)

P("en", C, HR, "gmail", "Daniel Mensah <dmensah.wiki@gmail.com>", "Someone got into my account - password changed",
  """
  Hello,

  This morning I got an email "Your password was changed" on my Wikipedia account which I did not do. Now I can't log in. My account has admin rights on Twi Wikipedia. I also see that my Gmail had a login from a city I have never been to (the Google alert says Lagos, I'm in Kumasi).

  I'm worried that whoever did this will use my admin rights or read private emails. I think it is connected to the argument about the chieftaincy article, there were people who threatened to "finish" my account.

  What should I do first? I have changed my Gmail password already and turned on 2-step.

  Daniel
  """)

P("en", C, EM, "yahoo", "Joyce Wanjiru <joycewanjiru@yahoo.com>", "Hacked - they are writing to other editors as me",
  """
  Hello emergency team

  My email and my Telegram were hacked yesterday night. The person is now writing to the other members of our user group pretending to be me, asking them for their home addresses "for sending certificates" and for money. Two people already sent their addresses!!

  I have no access to my Telegram anymore, they enabled a password. I am writing from my old yahoo. Please warn people if you can and tell me how to recover.
  """)

P("en", S, HR, "proton", "anonymous editor <lamp-in-window@proton.me>", "I don't think I can keep going",
  """
  I don't know why I'm writing to you, maybe because your post said something about counseling.

  It's been a year of this. The accounts, the messages to my family, the police "conversations". My parents don't talk to me. I lost my job because of the posts about me. I haven't slept properly in weeks.

  Last night I sat for a long time thinking about how to end it and I've been thinking about it again today. I have the pills I was prescribed. I haven't done anything. I just wanted somebody to know.

  Please don't tell anyone my username.
  """)

P("en", S, EM, "gmail", "Kofi A. <kofi.asante.gh@gmail.com>", "Friend posted a goodbye message",
  """
  Hello, I'm writing about another editor, I don't know his real name, only his username (I can give it privately). We talk on the Telegram group of our user group. One hour ago he posted "thank you all, it was nice to work with you, I will not be here tomorrow" and then a photo of a bridge. He was being harassed for months and he told me last week that he sees no point.

  He doesn't answer my calls. I don't know his address. Can you do something? Do you have his email or IP to find him? Please hurry.
  """)

P("en", V, HR, "applemail", "Helena Varga <helena.varga@posteo.net>", "Question about travelling to a conference",
  """
  Dear team,

  I have been invited to speak about LGBT+ topics on Wikipedia at a regional conference next spring in a country where same-sex relationships are criminalised. I am not from there, but I have edited a lot on the topic and my name is public.

  Could you tell me what precautions you would recommend? For example: should I travel with a clean phone, should I avoid mentioning the subject of my talk at the border, does the Foundation have any travel support or someone to call if something goes wrong?

  Many thanks,
  Helena
  """)

P("en", V, HR, "gmail", "Ahmed Ali <ahmedali.pk91@gmail.com>", "how to edit without my ip being seen",
  """
  Salam,

  I want to start editing articles about enforced disappearances in Balochistan but I am afraid because I live here. Is it safe if I use a VPN? I read Wikipedia blocks VPN and open proxies. Is there a way to get an exemption? Also should I make a new account or use the one with my real name?

  Thank you
  Ahmed
  """)

P("en", Q, HR, "owa", "Mariana Costa <mariana.costa.phd@outlook.com>", "Research interview request",
  """
  Dear Human Rights Team,

  I am a doctoral researcher at a university in Lisbon working on the safety of online knowledge volunteers. Would a member of your team be available for a 45-minute interview in December? I would of course share the consent form and questions in advance, and no personal data about volunteers would be requested.

  Kind regards,
  Mariana Costa
  """)

P("en", Q, HR, "gmail", "Nasrin <nasrin.writes@gmail.com>", "Counseling service from the blog post",
  """
  Hello,

  I read the blog post "Protecting the people" and it says you may be able to recommend counseling for people targeted because of their contributions. How does this work? Is it free and is it confidential? I'm not in danger right now, but the last year was very hard and I'd like to talk to someone who understands.

  Thanks,
  Nasrin
  """)

P("en", M, EM, "gmail", "Rahul Verma <rahulverma.official22@gmail.com>", "URGENT!!! My page deleted",
  """
  Sir/Madam,

  This is very urgent. My Wikipedia page "Rahul Verma (entrepreneur)" has been deleted by one admin without any reason. I have given all references from newspapers. I am a public figure with 50k followers. Kindly restore my page immediately otherwise I will take legal action.

  Regards
  Rahul Verma
  Founder & CEO
  """)

P("en", M, EM, "outlook", "Margaret Ellison <m.ellison@btinternet.com>", "Donation receipt for tax",
  """
  Hello,

  I made a donation of £50 in March by card and I need a receipt for Gift Aid. I could not find where to ask so I am writing to this address. Could you send it to me please?

  Thank you,
  Margaret Ellison
  """)

P("en", M, EM, "iphone", "Jake <jakeyboy2009@icloud.com>", "unblock me",
  """
  why was i blocked?? i only fixed the football scores and someone blocked me for 1 week. this is an emergency i need to update the match tonight

  Sent from my iPhone
  """)

P("en", M, EM, "owa", "Sarah Whitfield <swhitfield@dailyherald-news.co.uk>", "Media enquiry - deadline today",
  """
  Hi there,

  I'm a reporter at the Daily Herald working on a piece about edit wars around the election. Could someone from the Foundation give us a comment by 5pm today? Happy to speak by phone.

  Best,
  Sarah Whitfield
  Political Correspondent
  """)

P("en", T, HR, "gmail", "Chinedu Okafor <chinedu.okafor.wiki@gmail.com>", "Re: Your message to the Human Rights team",
  """
  Thank you for the reply. Update: yesterday evening they came again, this time to my cousin house. They beat his younger brother and asked where I am. I left the town this morning by bus. I am now in another state with only my phone.

  Please can someone call me today. I am afraid they will kill me if they find me.

  On Tue, 3 Nov 2026 at 09:12, Human Rights team <talktohumanrights@example.org> wrote:
  > Thank you for writing to us. Your message has reached the team and a person
  > will read it.
  """, reply=True)

P("en", A, HR, "tutanota", "Adv. Leila Farouk <l.farouk.law@tuta.io>", "Detention of a Wikimedia contributor - request for support",
  """
  Dear Sir or Madam,

  I am writing as the legal representative of Mr. Y., a long-standing contributor to Wikipedia, who has been held in pre-trial detention since 28 October 2026 on charges of "publishing content harmful to national unity". The prosecution file cites several of his edits by their revision numbers.

  Mr. Y. has not been allowed family visits. I was able to see him once, for ten minutes, in the presence of an officer. He asked me to contact the Wikimedia Foundation.

  I would be grateful if your team could (1) confirm whether you can provide a statement about how Wikipedia edits are made and reviewed, which may help the defence, and (2) advise whether the Foundation can support with legal costs.

  The next hearing is scheduled for 19 November.

  Respectfully,
  Leila Farouk
  Attorney at Law
  """)

P("en", D, HR, "gmail", "Oleksandr P. <oleks.p.editor@gmail.com>", "Leaked personal data (screenshots attached)",
  """
  Hi,

  A Telegram channel with ~30k subscribers posted a "dossier" about me today. It contains a photo of my passport page, my registration address, my parents' address in another city, the car number plate, my LinkedIn, and a photo of me with my girlfriend with her face. They call me a traitor for my edits about the occupied territories.

  Screenshots attached. I already reported the channel to Telegram.

  Oleksandr
  """, att=[("screenshot_2026-11-04_1.png", "image/png", 2400), ("screenshot_2026-11-04_2.png", "image/png", 2100)])

P("en", H, EM, "gmail", "Ife Adeyemi <ife.adeyemi.wiki@gmail.com>", "Being attacked online right now",
  """
  Hi, sorry to write to emergency but it's happening right now. Hundreds of tweets since this afternoon with my photo, calling me a "wikipedia witch" and "anti-christian", after a pastor with 2 million followers shared my username and said "deal with her". People are sending me messages on every platform. I turned off my phone.

  I don't know how long this will go. I am alone at home.
  """)

P("en", V, HR, "mutt", "Lukas Brenner <lukas@brenner.example.net>", "Photos on Commons - should I remove them?",
  """
  Hi,

  Quick question. I uploaded photos of a protest in 2021 to Commons. Some of the protesters' faces are clearly visible. A friend told me the police in that country have started identifying people from photos online. Should I request deletion, or is blurring better? What is the policy and what do you recommend?

  Thanks
  Lukas
  """)

P("en", C, HR, "gmail", "maria.santos.editor <maria.santos.editor@gmail.com>", "Strange login codes",
  """
  Hi. For three days I'm getting the 2FA codes by SMS for my Wikipedia and also for my bank that I didn't ask for. Today my mobile stopped working (no signal, "SIM not provisioned"). The phone company says I requested a new SIM yesterday at a shop, which I didn't. I think somebody took my number. I edit about the drug cartels in my state.

  What should I do first?? Everything is connected to this number.
  """)
