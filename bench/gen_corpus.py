#!/usr/bin/python3
"""Generate a deterministic synthetic news corpus as JSON Lines for `make bench`.

    /usr/bin/python3 bench/gen_corpus.py [--mb N] [--seed S] [--design D] OUT.jsonl

Every line is one article:

    {"id": "gen-000001", "source": "outlet-3", "date": "2024-05-17",
     "title": "...", "text": "paragraph\\n\\nparagraph ..."}

The text is not meant to be read. It is meant to cost a text analyzer what real
news costs it:

- a Zipfian vocabulary: a few thousand common English word forms (function
  words first, then nouns, verbs, adjectives and adverbs in their inflected
  forms) with Zipf-Mandelbrot weights, plus an open-ended tail of generated
  rare forms drawn log-uniformly from millions of ranks, so that the number of
  distinct forms keeps growing with the corpus size, as it does in real text
  (Heaps' law). A stemmer cache and an intern table therefore see real growth.
- proper names (some with é, ü, ğ, İ and other non-ASCII letters, a few of
  them in decomposed form so that NFC normalization has work), numbers,
  money, percentages and abbreviations such as U.S.
- quoted speech in straight and curly double quotes with "said X"
  attributions (neutral and loaded report verbs, anonymous officials),
  quotes that run over two paragraphs, short single-quoted phrases in
  straight and curly single quotes, and em dashes.
- a sprinkling of loaded, hedging and contested words and phrases of the
  kind a news lexicon matches, so the matcher has real work.

Articles are 300 to 1,500 words long. The output depends only on --seed and
--mb (one MB is 1,000,000 bytes); generation stops after the first article
that reaches the size. The vocabulary and its ranking are fixed by the
script, independent of --seed.
"""

import argparse
import itertools
import json
import random
import sys

# ---------------------------------------------------------------------------
# Vocabulary. Written for this generator; the order of FUNCTION_WORDS is a
# rough frequency order and becomes the top of the Zipf ranking.

FUNCTION_WORDS = """
the of and to a in that is was for on it with as he said by at from his be
have has had are were an they which not this but or their been its who will
we would after more she her also one two there about than when up out all new
into other over some can last could them if what only first no just most so
while year years against because during before under since three between such
these those where how any may both through our many us him very then now you
should did do does being still well back even down off around however among
until again another each much here why against own people without while whose
per next near across along amid despite toward towards within upon via i me
my your yes nor whether though although yet either neither every several few
less least four five six seven ten hundred thousand million billion percent
""".split()

# Nouns: the plural is made by rule unless given as "singular:plural".
NOUNS = """
government minister president official police army soldier village city region
border conflict war peace agreement talk ceasefire country state nation leader
party election vote voter campaign parliament law court judge trial case
report statement source journalist reporter newspaper editor story news
interview spokesman spokeswoman spokesperson office ministry department agency
authority security force troop militia group member community resident citizen
refugee camp aid food water medicine hospital doctor nurse patient school
student teacher university child:children woman:women man:men family home house
building road bridge airport port station town capital district province area
land territory field farm farmer worker union strike protest protester crowd
demonstration rally march square street day week month hour minute morning
evening night weekend time moment period decade century history past future
economy market price cost budget tax fund bank loan debt investment investor
company firm business industry factory job wage income trade export import
oil gas energy power electricity fuel pipeline plant grid supply demand deal
contract project plan policy program strategy reform change crisis problem
issue question answer decision choice option proposal bill measure rule
regulation standard process system network service program platform
technology computer phone internet website data record document letter email
message video photo image picture film television radio channel broadcast
audience public opinion view idea belief claim fact evidence detail account
witness victim survivor suspect prisoner detainee hostage attack attacker
strike raid assault operation mission offensive defense defence weapon gun
rifle missile rocket drone bomb shell artillery tank aircraft jet helicopter
ship navy sailor pilot general commander officer colonel captain sergeant unit
battalion brigade division base checkpoint position front line frontline
trench road convoy truck vehicle car bus train passenger driver traveler
tourist visitor guest host meeting summit conference session hearing debate
discussion negotiation negotiator mediator envoy ambassador diplomat embassy
consulate delegation partner ally alliance coalition bloc treaty accord pact
resolution sanction embargo restriction ban limit threshold target goal result
outcome effect impact consequence damage loss death injury casualty toll
figure number rate level share percentage majority minority population census
survey poll analysis analyst expert researcher scientist study paper journal
book author writer artist musician actor player team coach match game season
championship tournament league club fan stadium ticket festival event
ceremony celebration anniversary memorial monument museum church mosque temple
cathedral monastery priest bishop imam faith religion culture language heritage
tradition custom identity nation neighbor neighbour friend enemy rival opponent
critic supporter activist volunteer organizer organization charity foundation
institute council committee commission board panel inquiry investigation probe
prosecutor lawyer attorney defendant plaintiff witness verdict sentence appeal
charge accusation allegation complaint lawsuit ruling ban warning threat risk
danger fear concern hope chance opportunity challenge pressure tension dispute
row clash fight fighting battle violence incident accident fire flood storm
earthquake drought heat winter summer spring autumn weather climate emission
pollution forest river lake sea mountain valley coast island desert soil
crop harvest wheat rice corn cattle livestock animal dog horse bird fish
environment nature resource mine mineral gold copper metal steel cement
construction housing rent tenant landlord owner property estate neighborhood
hall stage screen room door window wall roof floor table chair desk bag box
package shipment cargo container delivery route map plan chart graph table
list name title word phrase term label sign signal symbol flag anthem
constitution amendment article clause section chapter page line paragraph
version edition copy draft text note comment remark speech address appeal call
request demand offer promise pledge commitment guarantee assurance support aid
help assistance relief recovery reconstruction development growth decline
fall rise increase decrease drop jump surge slump recession inflation
unemployment poverty wealth inequality health care insurance pension benefit
salary bonus payment fee fine penalty reward prize award honor honour medal
hero:heroes victory defeat win loss draw score goal record champion title
border:borders frontier corridor passage gate checkpoint crossing zone enclave
exclave region:regions republic kingdom empire federation province:provinces
county municipality mayor governor senator lawmaker legislator deputy speaker
chairman chairwoman chair secretary director manager chief head boss staff
employee employer colleague partner spouse husband wife mother father son
daughter brother sister parent grandparent cousin baby teenager youth adult
elder generation age life:lives body mind heart hand eye face head voice
""".split()

# Verbs: base form, optionally "base:past" for irregular past tenses.
VERBS = """
say:said tell:told add report announce confirm deny claim insist admit warn
urge call ask answer reply respond argue suggest note explain describe
believe think:thought know:knew expect hope fear plan agree disagree decide
accept reject refuse approve oppose support back criticize criticise praise
condemn blame accuse charge arrest detain release free jail sentence convict
acquit sue investigate examine review study analyze analyse measure count
estimate calculate show prove reveal disclose publish print post share send:sent
receive get:got give:gave take:took make:made do:did go:went come:came see:saw
find:found leave:left keep:kept hold:held meet:met lead:led run:ran win:won
lose:lost build:built buy:bought sell:sold pay:paid spend:spent cut:cut put:put
set:set let:let bring:brought begin:began become:became stand:stood speak:spoke
write:wrote read:read hear:heard feel:felt seem appear remain stay live die
kill injure wound hurt:hurt destroy damage burn fire shoot:shot bomb shell
strike:struck attack defend protect guard patrol enter cross move return
arrive depart flee:fled escape evacuate rescue save help assist provide
offer deliver supply open close shut:shut start stop end finish continue
resume halt suspend delay cancel postpone launch introduce create form found
establish organize organise host attend join visit travel fly:flew drive:drove
sign ratify negotiate discuss debate vote elect appoint nominate name resign
retire replace hire fire employ work serve rule govern manage control own
raise lower increase reduce rise:rose fall:fell grow:grew drop jump climb
double triple change improve worsen affect involve include exclude contain
allow permit ban forbid:forbade require need want try fail succeed manage
mark celebrate commemorate honor honour remember forget:forgot mourn bury
pray worship teach:taught learn train prepare practice practise play watch
look listen talk speak:spoke shout cry laugh smile wait ask demand request
promise pledge vow threaten warn invite welcome greet thank apologize apologise
""".split()

ADJECTIVES = """
new old big small large great good bad high low long short early late young
local national international foreign domestic regional federal public private
political economic military social cultural religious ethnic official former
senior junior main major minor key top chief central northern southern eastern
western north south east west american european russian chinese french german
british armenian azerbaijani turkish iranian georgian ukrainian israeli
palestinian lebanese syrian iraqi egyptian indian pakistani african asian
free open closed full empty strong weak hard soft clear safe dangerous serious
severe heavy light dark bright hot cold warm dry wet rich poor cheap expensive
important possible likely unlikely certain uncertain real true false right
wrong legal illegal able unable ready available responsible current recent
previous next final whole entire single double special general common rare
simple complex difficult easy quick slow fast recent ancient modern historic
human natural civil civilian criminal judicial legislative electoral
presidential parliamentary diplomatic humanitarian medical environmental
financial commercial industrial agricultural rural urban coastal mountainous
independent dependent separate joint mutual bilateral multilateral global
democratic authoritarian liberal conservative progressive moderate radical
peaceful violent armed unarmed wounded injured dead alive missing displaced
angry happy sad proud afraid worried concerned hopeful confident skeptical
sceptical critical positive negative neutral fair unfair balanced
""".split()

ADVERBS = """
also now then still already again later soon recently currently previously
finally eventually initially originally largely mostly mainly partly fully
nearly almost about roughly around only just even ever never always often
sometimes usually rarely quickly slowly suddenly immediately directly
publicly privately officially formally openly jointly separately locally
nationally internationally economically politically militarily socially
widely closely heavily strongly sharply slightly significantly dramatically
steadily gradually increasingly reportedly apparently allegedly reportedly
""".split()

FIRST_NAMES = """
Anna Maria John David Michael James Robert Sarah Laura Elena Olga Irina Nina
Ahmed Mohammed Ali Hassan Fatima Aisha Omar Yusuf Leyla Aylin Mehmet Emre
Armen Anahit Gor Lilit Tigran Narine Aram Ani Ilham Elnur Rashad Aysel Farid
Nigar Giorgi Nino Levan Tamar Dmitri Sergei Natalia Pavel Andrei Ivan Oksana
Taras Olena Yosef Noa Avi Rana Karim Samir Layla Chen Wei Li Ming Hiroshi Yuki
Priya Ravi Arjun Sunita Carlos Ana Lucia Pedro Miguel Sofia Pierre Claire
Jean Luc Marie Hans Petra Klaus Greta Lars Ingrid Sven Astrid Tomasz Agnieszka
Peter Paul Mark Thomas Daniel Emma Olivia Grace Helen Kate Susan Linda Joseph
""".split() + ["José", "Zoë", "François", "Łukasz", "Çağla", "Søren", "Björn",
               "İlham", "İsmail", "Jürgen", "Renée", "Gülnar", "Şahin", "Ömer",
               "Mikuláš", "Ñusta"]

LAST_NAMES = """
Smith Jones Brown Miller Davis Wilson Taylor Clark Lewis Walker Hall Young
Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts
Petrosyan Grigoryan Harutyunyan Sargsyan Hovhannisyan Pashinyan Aliyev
Mammadov Huseynov Hasanov Guliyev Ismayilov Beridze Kapanadze Ivanov Petrov
Sidorov Kuznetsov Popov Volkov Shevchenko Kovalenko Bondarenko Cohen Levi
Mizrahi Haddad Khalil Nasser Mansour Rahman Khan Sharma Patel Singh Gupta
Wang Zhang Liu Tanaka Suzuki Sato Garcia Rodriguez Martinez Lopez Gonzalez
Dubois Martin Bernard Moreau Schmidt Schneider Fischer Weber Meyer Wagner
Becker Hoffmann Larsen Hansen Johansson Andersson Kowalski Nowak Novak Horvat
""".split() + ["Müller", "Erdoğan", "Çelik", "Şahin", "Öztürk", "Dvořák",
               "Gonçalves", "Nuñez", "Lefèvre", "Brønstad", "Kılıç", "Yıldız",
               "Łukaszewicz", "Ibáñez"]

PLACES = """
Yerevan Baku Tbilisi Moscow Kyiv Ankara Istanbul Tehran Jerusalem Gaza Beirut
Damascus Baghdad Cairo Amman Riyadh Doha Dubai Delhi Karachi Kabul Beijing
Tokyo Seoul Paris Berlin London Brussels Geneva Vienna Rome Madrid Lisbon
Warsaw Prague Budapest Bucharest Sofia Athens Washington Ottawa Brasilia
Lagos Nairobi Addis Ababa Khartoum Tripoli Tunis Algiers Rabat Stepanakert
Khankendi Shusha Lachin Kalbajar Fuzuli Aghdam Ganja Gyumri Vanadzor Syunik
Goris Kapan Nakhchivan Donetsk Luhansk Kharkiv Odesa Mariupol Crimea Kherson
Zaporizhzhia Aleppo Idlib Homs Mosul Basra Kirkuk Erbil Sinai Hebron Jenin
Armenia Azerbaijan Georgia Russia Ukraine Turkey Iran Israel Lebanon Syria
Iraq Egypt Jordan France Germany Britain Poland Hungary Romania Greece Italy
Spain China Japan India Pakistan Afghanistan Europe Asia Africa America
""".split() + ["Türkiye", "Turkiye", "Zürich", "Kraków", "Reykjavík", "Şuşa",
               "Ağdam", "Gəncə", "Malmö", "Dürres", "Saint-Étienne", "Curaçao",
               "São Paulo", "Nagorno-Karabakh", "Artsakh", "Karabakh"]

ORGS = """
UN NATO EU OSCE UNESCO UNICEF WHO IMF OPEC ICRC Amnesty Reuters Interfax
""".split() + ["the U.S.", "the U.N.", "the Red Cross", "the World Bank",
               "the Security Council", "the Foreign Ministry",
               "the Defence Ministry", "the European Commission",
               "Human Rights Watch", "the State Department", "the Kremlin",
               "the White House", "the Minsk Group", "the Council of Europe"]

TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister",
          "Gen.", "Col.", "Dr.", "Mr.", "Ms.", "Mayor", "Sen.", "Rep.",
          "Ambassador", "Professor", "spokesperson", "analyst"]

# Loaded, hedging, intensifying and contested words and phrases: our own list,
# the kind of language a news bias lexicon is built to catch. Both sides of a
# conflict are represented.
LOADED = """
radical radicals radicalized extremist extremists extremism regime regimes
attacked attacks brutally brutal brutality occupation occupied occupier
occupiers occupying allegedly alleged claimed claims supposedly purportedly
genocide genocidal massacre massacred massacres slaughter slaughtered
atrocity atrocities terrorist terrorists terrorism terror militants militant
insurgents insurgency rebels separatist separatists separatism aggressor
aggression aggressive invaders invasion invaded puppet propaganda thugs
heroic heroes martyr martyrs martyrdom liberated liberation liberate captured
retook recaptured seized annexed annexation illegal illegitimate unlawful
provocation provocations provocative reportedly apparently perhaps possibly
probably maybe might arguably seemingly insisted admitted denied conceded
acknowledged alleges clearly undoubtedly obviously certainly definitely
surely indeed absolutely totally completely disinformation misinformation
cowardly shameful outrageous barbaric barbarism savage savagely horrific
horrifying unprovoked indiscriminate indiscriminately shelling bombardment
hardline hardliner hawkish firebrand controversial notorious infamous
embattled beleaguered lavish scheme slammed blasted condemned vowed
bloodbath onslaught pogrom breakaway self-proclaimed so-called de-facto
mercenaries mercenary junta dictator dictatorship tyrant despot oligarch
oligarchs crackdown purge persecution persecuted oppression oppressed
oppressive warmongering warmonger hate hatred hateful fanatic fanatics
zealot jihadist jihadists nationalist nationalists chauvinist revanchist
revisionist irredentist expansionist vandalism vandalized desecrated
desecration looted looting cleansing deported deportation exodus expelled
besieged blockade starvation humiliating humiliation stunning shocking
devastating catastrophic unprecedented dramatic massive huge enormous
""".split()

LOADED_PHRASES = ["ethnic cleansing", "war crimes", "war criminal",
                  "human shields", "crimes against humanity",
                  "freedom fighters", "puppet regime", "illegal occupation",
                  "so-called authorities", "cease-fire violation",
                  "regime change", "fake news", "state terror",
                  "collective punishment", "scorched earth", "iron fist",
                  "red line", "in fact", "of course", "it is said",
                  "sources say", "some say", "critics claim"]

NEUTRAL_VERBS = ["said", "told reporters", "added", "noted", "stated",
                 "explained", "wrote", "told journalists", "said in a statement"]
LOADED_VERBS = ["claimed", "insisted", "admitted", "alleged", "conceded",
                "boasted", "complained", "warned", "denied", "charged"]
ANONYMOUS = ["officials said", "a source said", "sources told us",
             "a diplomat said", "residents said", "analysts say",
             "according to officials", "a spokesperson said",
             "witnesses said", "critics said"]

SINGLE_QUOTED = ["peace dividend", "red line", "anti-terror operation",
                 "special operation", "liberation", "reunification",
                 "historic lands", "security zone", "buffer zone",
                 "humanitarian corridor", "counter-offensive", "restoration",
                 "self-defence", "provocation", "final solution",
                 "order", "normalization", "peace"]

DETERMINERS = ["the", "the", "the", "a", "its", "their", "this", "one",
               "some", "several", "many", "the two", "his", "her", "our"]
PREPOSITIONS = ["in", "in", "on", "near", "outside", "across", "from", "at",
                "after", "before", "during", "against", "with", "without"]

# Syllables for the rare-form tail. A few carry non-ASCII letters.
SYLLABLES = ("ka lor ven mis tra bel dun sor pli gra thon mer vik sel dro "
             "fan qui zel bar nok tes hal rin cop wel sta mun dra pes gor "
             "lin sha vel tor bri kem nal pur sim ros tek fro gal hin zor "
             "ple mar dis con pre ter ber ré ün ço ğa ös ñe").split()
RARE_SUFFIXES = ["", "s", "ed", "ing", "ism", "ly", "ation", "ist", "er",
                 "ness", "ian", "ize"]
RARE_RANKS = 3_000_000   # the tail draws ranks log-uniformly from 1..this
RARE_SHARE = 0.03        # share of word slots filled from the tail

VOWELS = set("aeiou")


def plural(n):
    if n.endswith(("s", "x", "z", "ch", "sh")):
        return n + "es"
    if n.endswith("y") and n[-2] not in VOWELS:
        return n[:-1] + "ies"
    return n + "s"


def vowel_groups(w):
    groups, prev = 0, False
    for ch in w:
        cur = ch in VOWELS
        if cur and not prev:
            groups += 1
        prev = cur
    return groups


def doubles(w):
    """One-syllable consonant-vowel-consonant verbs double: stop, stopped."""
    return (len(w) >= 3 and vowel_groups(w) == 1 and w[-1] not in "wxy"
            and w[-1] not in VOWELS and w[-2] in VOWELS
            and w[-3] not in VOWELS)


def verb_forms(entry):
    base, _, past = entry.partition(":")
    third = plural(base) if not base.endswith("y") or base[-2] in VOWELS \
        else base[:-1] + "ies"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye")):
        ing = base[:-1] + "ing"
    elif doubles(base):
        ing = base + base[-1] + "ing"
    else:
        ing = base + "ing"
    if not past:
        if base.endswith("e"):
            past = base + "d"
        elif base.endswith("y") and base[-2] not in VOWELS:
            past = base[:-1] + "ied"
        elif doubles(base):
            past = base + base[-1] + "ed"
        else:
            past = base + "ed"
    return [past, base, third, ing]


def zipf_table(words, shuffle_seed):
    """Deduplicate, shuffle with a fixed seed, return (words, cum weights)."""
    words = list(dict.fromkeys(words))
    random.Random(shuffle_seed).shuffle(words)
    weights = [1.0 / (rank + 2.7) for rank in range(1, len(words) + 1)]
    return words, list(itertools.accumulate(weights))


def build_vocabulary():
    """Return (forms, cumulative weights) in Zipf rank order."""
    content = []
    for entry in NOUNS:
        sing, _, plur = entry.partition(":")
        content += [sing, plur or plural(sing)]
    for entry in VERBS:
        content += verb_forms(entry)
    content += ADJECTIVES + ADVERBS
    seen = set(FUNCTION_WORDS)
    ordered = []
    for w in FUNCTION_WORDS:
        if w not in ordered:
            ordered.append(w)
    rest = []
    for w in content:
        if w not in seen:
            seen.add(w)
            rest.append(w)
    # A fixed shuffle (independent of --seed) makes the content ranking.
    random.Random(20240501).shuffle(rest)
    forms = ordered + rest
    weights = [1.0 / (rank + 2.7) ** 1.05 for rank in range(1, len(forms) + 1)]
    return forms, list(itertools.accumulate(weights))


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.loaded_p = 0.35   # the chance a clause gets a loaded word
        self.forms, self.cum = build_vocabulary()
        self.rare_cache = {}
        # Zipf pools per part of speech for the sentence frame.
        nouns = []
        for entry in NOUNS:
            sing, _, plur = entry.partition(":")
            nouns += [sing, plur or plural(sing)]
        self.nouns, self.noun_cum = zipf_table(nouns, 11)
        self.pasts, self.past_cum = zipf_table(
            [verb_forms(e)[0] for e in VERBS], 12)
        self.adjs, self.adj_cum = zipf_table(ADJECTIVES, 13)

    # -- small pieces ------------------------------------------------------

    def rare(self, rank):
        w = self.rare_cache.get(rank)
        if w is None:
            parts, x = [], rank
            while True:
                x, d = divmod(x, len(SYLLABLES))
                parts.append(SYLLABLES[d])
                if not x:
                    break
            if len(parts) < 2:
                parts.append(SYLLABLES[(rank * 7 + 3) % len(SYLLABLES)])
            w = "".join(parts) + RARE_SUFFIXES[rank % len(RARE_SUFFIXES)]
            if rank % 7 == 0:
                w = w.capitalize()
            self.rare_cache[rank] = w
        return w

    def person(self):
        r = self.rng
        x = r.random()
        last = r.choice(LAST_NAMES)
        if x < 0.45:
            name = r.choice(FIRST_NAMES) + " " + last
        elif x < 0.75:
            name = r.choice(TITLES) + " " + last
        else:
            name = last
        if r.random() < 0.02:
            # Decomposed (NFD) accents, as copied-and-pasted text has them.
            name = (name.replace("é", "e\u0301").replace("ü", "u\u0308")
                    .replace("ö", "o\u0308"))
        return name

    def proper(self):
        r = self.rng.random()
        if r < 0.5:
            return self.person()
        if r < 0.85:
            return self.rng.choice(PLACES)
        return self.rng.choice(ORGS)

    def number(self):
        r = self.rng
        x = r.random()
        if x < 0.3:
            return str(r.randint(2, 99))
        if x < 0.5:
            return "{:,}".format(r.randint(100, 250000))
        if x < 0.65:
            return "{:.1f} percent".format(r.uniform(0.1, 99.9))
        if x < 0.75:
            return "${:.1f} billion".format(r.uniform(0.1, 80))
        if x < 0.9:
            return str(r.randint(1991, 2024))
        return "{}%".format(r.randint(1, 100))

    def loaded(self):
        if self.rng.random() < 0.2:
            return self.rng.choice(LOADED_PHRASES)
        return self.rng.choice(LOADED)

    def scare_quote(self):
        p = self.rng.choice(SINGLE_QUOTED)
        if self.rng.random() < 0.5:
            return "'" + p + "'"
        return "\u2018" + p + "\u2019"

    # -- sentences -----------------------------------------------------------

    def frame(self):
        """A news-shaped subject and verb: 'The regional ministers rejected'."""
        r = self.rng
        x = r.random()
        if x < 0.35:
            subj = self.proper()
        else:
            subj = DETERMINERS[int(x * 997) % len(DETERMINERS)]
            if x < 0.6:
                subj += " " + r.choices(self.adjs, cum_weights=self.adj_cum)[0]
            subj += " " + r.choices(self.nouns, cum_weights=self.noun_cum)[0]
        verb = r.choices(self.pasts, cum_weights=self.past_cum)[0]
        if x > 0.85:
            verb = ("has " if x > 0.93 else "had ") + verb
        return subj + " " + verb

    def clause(self, words):
        """Dress a run of Zipf words up as a clause (no final punctuation)."""
        r = self.rng.random
        n = len(words)
        if r() < 0.7:
            words[0] = self.frame()
        if r() < 0.35:
            words.append(PREPOSITIONS[int(r() * len(PREPOSITIONS))] + " " +
                         (self.rng.choice(PLACES) if r() < 0.5 else "the " +
                          self.rng.choices(self.nouns,
                                           cum_weights=self.noun_cum)[0]))
        if r() < 0.55:
            words.insert(int(r() * n), self.proper())
        if r() < 0.3:
            words.insert(int(r() * n), self.number())
        if r() < self.loaded_p:
            words.insert(int(r() * n), self.loaded())
        if r() < 0.04:
            words.insert(int(r() * n), self.scare_quote())
        if r() < 0.06:
            words.insert(1 + int(r() * (n - 1)), "\u2014")
        if r() < 0.5 and n > 6:
            k = 2 + int(r() * (n - 4))
            words[k] = words[k] + ","
        s = " ".join(words)
        return s[0].upper() + s[1:]

    def sentence(self, words):
        r = self.rng.random()
        body = self.clause(words)
        if r < 0.84:
            return body + ("." if r > 0.01 else "?")
        who = self.person()
        if r < 0.88:
            return "\u201c" + body + ",\u201d said " + who + "."
        if r < 0.91:
            return '"' + body + '," ' + who + " " + \
                self.rng.choice(NEUTRAL_VERBS) + "."
        if r < 0.94:
            return "\u201c" + body + ",\u201d " + who + " " + \
                self.rng.choice(LOADED_VERBS) + "."
        if r < 0.96:
            return who + " " + self.rng.choice(NEUTRAL_VERBS) + \
                ': "' + body + '."'
        return body + ", " + self.rng.choice(ANONYMOUS) + "."

    def article_text(self, nwords):
        r = self.rng
        pool = r.choices(self.forms, cum_weights=self.cum, k=nwords)
        for _ in range(int(nwords * RARE_SHARE)):
            pool[r.randrange(nwords)] = self.rare(int(RARE_RANKS ** r.random()))
        paragraphs = []
        sentences = []
        per_par = r.randint(1, 5)
        pos = 0
        while pos < nwords:
            k = r.randint(6, 32)
            sentences.append(self.sentence(pool[pos:pos + k]))
            pos += k
            if len(sentences) >= per_par:
                paragraphs.append(" ".join(sentences))
                sentences = []
                per_par = r.randint(1, 5)
        if sentences:
            paragraphs.append(" ".join(sentences))
        if len(paragraphs) > 2 and r.random() < 0.15:
            # A quotation that runs over two paragraphs: the first paragraph
            # has no closing mark, the next one reopens, as news style has it.
            i = r.randrange(len(paragraphs) - 1)
            paragraphs[i] = "\u201c" + paragraphs[i]
            paragraphs[i + 1] = "\u201c" + paragraphs[i + 1] + \
                "\u201d said " + self.person() + "."
        return "\n\n".join(paragraphs)

    def title(self):
        r = self.rng
        words = r.choices(self.forms, cum_weights=self.cum, k=r.randint(5, 10))
        words.insert(r.randrange(len(words)), self.proper())
        if r.random() < 0.4:
            words.insert(r.randrange(len(words)), self.loaded())
        s = " ".join(words)
        return s[0].upper() + s[1:]

    def article(self, index):
        r = self.rng
        nwords = int(min(1500, max(300, r.lognormvariate(6.5, 0.45))))
        source = "outlet-{}".format(min(12, 1 + int(r.expovariate(0.35))))
        date = "2024-{:02d}-{:02d}".format(r.randint(1, 12), r.randint(1, 28))
        return {"id": "gen-{:06d}".format(index), "source": source,
                "date": date, "title": self.title(),
                "text": self.article_text(nwords)}


# ---------------------------------------------------------------------------
# --design trend: a designed trend for `compare --every month` (tests/time).

TREND_SOURCES = ("Rising Post", "Level Times", "Steady Courier")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def trend_date(index, month, day):
    """The article's date in 2024, in one of the forms real feeds use (every
    53rd unreadable, every 61st missing: `None`)."""
    import datetime
    if index % 53 == 0:
        return "spring, probably"
    if index % 61 == 0:
        return None
    d = datetime.date(2024, month, day)
    form = index % 6
    if form == 0:
        return d.isoformat()
    if form == 1:
        return d.isoformat() + "T23:30:00-05:00"
    if form == 2:
        return "{}, {} {} 2024 14:02:00 +0000".format(
            WEEKDAYS[d.weekday()], day, MONTH_NAMES[month - 1][:3])
    if form == 3:
        return "{} {}, 2024".format(MONTH_NAMES[month - 1], day)
    if form == 4:
        return "{} {} 2024".format(day, MONTH_NAMES[month - 1])
    return "2024/{:02d}/{:02d}".format(month, day)


def trend_article(gen, index):
    """Sources and months in turn, so each source has articles in every month of
    2024. The first source's share of clauses with a loaded word rises from 5%
    in January to 65% in December; the other two stay at 25%."""
    r = gen.rng
    k = index - 1
    source = k % len(TREND_SOURCES)
    month = 1 + (k // len(TREND_SOURCES)) % 12
    gen.loaded_p = 0.05 + 0.6 * (month - 1) / 11 if source == 0 else 0.25
    nwords = int(min(900, max(300, r.lognormvariate(6.2, 0.35))))
    a = {"id": "trend-{:05d}".format(index), "source": TREND_SOURCES[source],
         "title": gen.title(), "text": gen.article_text(nwords)}
    date = trend_date(index, month, r.randint(1, 28))
    if date is not None:
        a["date"] = date
    return a


# --design topic-mix: a difference between outlets made by topic mix alone.
TOPIC_MIX_LABELS = ["thugs", "fanatics", "radicals", "terrorists", "extremists"]
TOPIC_MIX_RATE = {"conflict": 0.02, "economy": 0.0, "culture": 0.0}  # labels per word
TOPIC_MIX_SHARE = {"outlet-1": 0.8, "outlet-2": 0.2}  # conflict share; rest split evenly


def topic_mix_article(gen, index):
    """An article of outlet-1 or outlet-2 with a `topic`: conflict articles carry
    pejorative labels (lexicon category pejorative_labels) at TOPIC_MIX_RATE per word,
    the other topics none beyond the base text; within a topic the outlets are drawn
    alike, so the outlets differ only through their mix of topics (outlet-1 writes
    mostly on conflict). `slant compare` calls a difference in pejorative_labels;
    `slant compare --strata topic` does not."""
    a = gen.article(index)
    r = gen.rng
    a["source"] = "outlet-1" if index % 2 else "outlet-2"
    if r.random() < TOPIC_MIX_SHARE[a["source"]]:
        topic = "conflict"
    else:
        topic = "economy" if r.random() < 0.5 else "culture"
    a["topic"] = topic
    words = a["text"].split(" ")
    rate = TOPIC_MIX_RATE[topic]
    for i in range(len(words)):
        if r.random() < rate:
            words[i] = r.choice(TOPIC_MIX_LABELS) + " " + words[i]
    a["text"] = " ".join(words)
    return a


DESIGNS = {"plain": lambda gen, index: gen.article(index),
           "topic-mix": topic_mix_article,
           "trend": trend_article}


def main(argv):
    ap = argparse.ArgumentParser(
        description="Write a deterministic synthetic news corpus (JSON Lines).")
    ap.add_argument("out", help="output path (JSON Lines); '-' for stdout")
    ap.add_argument("--mb", type=float, default=110.0,
                    help="stop after this many MB (10^6 bytes); default 110")
    ap.add_argument("--seed", type=int, default=1, help="random seed; default 1")
    ap.add_argument("--design", choices=sorted(DESIGNS), default="plain",
                    help="plain (default); topic-mix: two outlets that differ only "
                         "in their mix of topics (a 'topic' field), for compare --strata; "
                         "trend: three sources over the months of 2024, the first "
                         "one's loaded language rising, the others flat; dates in "
                         "ISO 8601, RFC 2822 and written forms, some unreadable or "
                         "missing (tests/time)")
    args = ap.parse_args(argv)
    if not args.mb > 0:
        ap.error("--mb must be positive")

    gen = Generator(args.seed)
    limit = int(args.mb * 1_000_000)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    total, index, batch = 0, 0, []
    try:
        while total < limit:
            index += 1
            line = (dumps(DESIGNS[args.design](gen, index)) + "\n").encode("utf-8")
            total += len(line)
            batch.append(line)
            if len(batch) >= 256:
                out.write(b"".join(batch))
                batch = []
        out.write(b"".join(batch))
        out.flush()
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    print("gen_corpus.py: wrote {} articles, {} bytes to {}".format(
        index, total, args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
