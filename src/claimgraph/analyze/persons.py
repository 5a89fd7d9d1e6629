"""What words say about people: titles before a name, words that show a gender, nouns that
describe a person, an organisation or a document. Shared by entity grouping and coreference."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

# Words that stand before a name as a title or a role ("Organizer Jane Doe", "Hereditary Chief
# X", "CFO Y") and are not part of the name itself.
TITLE_WORDS = frozenset("""
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam mister rev reverend hon
    president vice prime minister premier mayor governor gov senator sen rep representative
    congressman congresswoman chief ceo cfo coo cto chair chairman chairwoman chairperson
    director commissioner assistant deputy superintendent supt inspector insp constable const
    sergeant sgt corporal cpl officer detective det lieutenant lt captain capt colonel col
    general gen major maj admiral adm commander cmdr coach organizer organiser spokesperson
    spokesman spokeswoman judge justice attorney prosecutor lawyer counsel pope king queen prince
    princess sheikh emir councillor councilor alderman mp mla mpp trustee secretary ambassador
    envoy consul chancellor treasurer leader founder co-founder owner manager executive editor
    reporter columnist author analyst economist researcher scientist dean principal chef
    hereditary elder pastor bishop cardinal rabbi imam father msgr monsignor nurse paramedic
    firefighter sheriff marshal agent investigator forward defenceman defenseman goaltender
    goalie quarterback striker midfielder pitcher rookie skipper head senior interim acting former
""".split())

# Honorifics and nouns that show a person's gender where the text uses them for that person.
MASCULINE = frozenset("""
    mr mister sir lord king prince he him his himself spokesman chairman congressman businessman
    husband father son brother uncle nephew grandfather grandson king boyfriend widower
    gentleman man boy dad actor assemblyman councilman policeman fireman sportsman anchorman
    stepfather godfather fiance
""".split())
FEMININE = frozenset("""
    mrs ms miss madam dame lady queen princess she her hers herself spokeswoman chairwoman
    congresswoman businesswoman wife mother daughter sister aunt niece grandmother granddaughter
    girlfriend widow woman girl mom mum actress assemblywoman councilwoman policewoman
    sportswoman anchorwoman stepmother godmother fiancee waitress
""".split())

# Personal pronouns that stand for people, as subject and as object.
PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
PERSONAL_OBJECTS = frozenset({"me", "us", "you", "him", "her", "them"})

# Heads of descriptions that refer to an organisation ("the company said").
ORG_NOUNS = frozenset("""
    company firm agency utility union group team club party government ministry department
    board commission committee council organization organisation association federation
    corporation business retailer airline bank network broadcaster service authority office
    institute foundation charity coalition alliance campaign league society court tribunal
    administration regulator watchdog operator provider manufacturer maker developer publisher
    chain brand startup label outlet newspaper magazine website school university college
    hospital police army military force band automaker carmaker chipmaker drugmaker insurer
    lender supplier producer exporter carrier miner studio brokerage management navy
    embassy consulate parliament legislature cabinet militia
""".split())

# Nouns that name someone by a tie to another ("the father", "the neighbour"): not a person
# named before.
RELATION_NOUNS = frozenset("""
    father mother son daughter wife husband brother sister uncle aunt nephew niece cousin
    grandfather grandmother grandson granddaughter parent child partner boyfriend girlfriend
    fiance fiancee widow widower stepfather stepmother dad mom mum
    friend neighbour neighbor colleague classmate roommate flatmate acquaintance
""".split())

# Last words of a company's name that are never a surname ("Acme Holdings", "Dick Clark
# Productions"; unlike "Press" or "Bank").
CORPORATE_ENDINGS = frozenset("""
    inc inc. corp corp. co. ltd ltd. llc plc gmbh industries holdings productions records
    entertainment studios pictures technologies solutions associates partners systems labs
    airlines airways foods motors ventures
""".split())
# Words in an organisation's name beyond the nouns above ("Acme Industries", "Dunn & Co").
_ORG_NAME_WORDS = CORPORATE_ENDINGS | frozenset("""
    co group media news press times post herald journal tribune fund trust capital energy bank &
""".split())

# Heads of descriptions that refer to a text or an event, never to a person ("the study said").
THING_NOUNS = frozenset("""
    study report statement release survey poll document filing complaint lawsuit suit ruling
    decision judgment memo email e-mail tweet post website site announcement analysis research
    data figure figures number numbers review audit investigation inquiry footage video photo
    picture book article paper bill law act plan proposal policy agreement deal motion order
    notice warrant indictment affidavit transcript record message note sign placard headline
    story letter move decision budget forecast estimate model test result evidence list page
    application campaign petition response reply update summary guideline guidance rule
    regulation code manual map chart graph table sheet file
""".split())

# Heads of descriptions that refer to a person, beyond agentive endings ("the proprietor").
PERSON_NOUNS = frozenset("""
    official minister spokesperson spokesman spokeswoman founder resident proprietor owner coach
    player judge justice lawyer attorney prosecutor politician senator governor mayor premier
    president chief executive ceo director chair chairman chairwoman head leader candidate
    nominee activist expert analyst economist scientist doctor physician nurse teacher student
    professor author writer artist singer musician actor actress athlete captain veteran
    victim survivor witness suspect defendant plaintiff accused man woman boy girl mother
    father son daughter wife husband parent mom dad sister brother friend neighbour neighbor
    chef host guest fan patient maverick native entrepreneur businessman businesswoman
    diplomat ambassador envoy official officer detective inspector constable sergeant
    commissioner superintendent pilot driver farmer worker employee staffer aide adviser
    advisor consultant organizer organiser volunteer member rookie star forward goaltender
    defenceman quarterback pitcher striker midfielder skipper manager general colonel
    commander lawmaker legislator councillor councilor mp mla mpp trustee secretary
    investigator researcher historian journalist reporter columnist editor publisher
    photographer designer architect engineer developer programmer citizen immigrant refugee
    agent tenant mother-in-law grandmother grandfather uncle aunt cousin kid child teen teenager youngster
    boss royal monarch tycoon billionaire millionaire mogul magnate celebrity legend champion
    incumbent hopeful winger keeper
""".split())
# What a description names, and the role words that make someone one: "the diplomat" can be
# an ambassador, "the lawmaker" a senator.
ROLE_KINDS = {
    "diplomat": {"ambassador", "envoy", "consul", "diplomat", "attaché"},
    "lawmaker": {"senator", "representative", "congressman", "congresswoman", "legislator",
                 "lawmaker", "mp", "assemblyman", "assemblywoman"},
    "politician": {"senator", "representative", "congressman", "congresswoman", "governor",
                   "mayor", "minister", "president", "lawmaker", "candidate", "nominee"},
    "official": {"minister", "secretary", "director", "commissioner", "official", "spokesman",
                 "spokeswoman", "spokesperson", "administrator"},
    "leader": {"president", "premier", "chancellor", "leader", "chairman", "chairwoman",
               "chair", "head"},
    "executive": {"ceo", "chairman", "chairwoman", "founder", "executive", "president"},
    "officer": {"general", "colonel", "lieutenant", "captain", "major", "commander", "admiral",
                "officer", "sergeant"},
    "judge": {"judge", "justice"},
}
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ee", "man", "woman", "person")
_NOT_AGENTS = THING_NOUNS | ORG_NOUNS | frozenset("""
    number letter paper order power matter center centre border water manner chapter river
    weather summer winter quarter corner cancer danger meter sector factor error monitor motor
    computer other either tower mirror floor door hour dinner corridor colour color
    favour favor labour labor humour humor rumour rumor honor honour behaviour behavior
    tumor tumour vapor vapour terror horror territory plant restaurant
""".split())


# Abbreviated titles as roles carry them ("Gov. Jane Doe" is the governor).
_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "sgt": "sergeant",
    "cpl": "corporal", "lt": "lieutenant", "capt": "captain", "col": "colonel", "gen": "general",
    "maj": "major", "adm": "admiral", "cmdr": "commander", "prof": "professor", "dr": "doctor",
    "msgr": "monsignor",
}


@cache  # asked for every candidate of every description
def role_words(role: str) -> frozenset[str]:
    """The lower-case words of a role, abbreviated titles spelled out ("Republican Gov." gives
    republican, governor)."""
    words = role.lower().replace("-", " ").split()
    return frozenset(_ABBREVIATIONS.get(w.rstrip("."), w.rstrip(".")) for w in words)


def gender_of_word(word: str) -> str | None:
    """'m' or 'f' when ``word`` (lower case, no final period) shows a gender."""
    if word in MASCULINE:
        return "m"
    if word in FEMININE:
        return "f"
    return None


def is_title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS


def is_org_word(word: str) -> bool:
    """Whether a word of a name marks an organisation ("Industries", "Bank", "Press")."""
    word = word.lower()
    return word in _ORG_NAME_WORDS or word in ORG_NOUNS


def names_a_person(token: Token) -> bool:
    """Whether ``token`` is a title or a common noun of a kind of person ("Sen.", "professor")."""
    return is_title(token.text) or is_person_noun(token.lemma_.lower())


def is_person(token: Token) -> bool:
    """Whether ``token`` stands for a person: a personal object pronoun ("her", as small
    clauses and objects have it), a name typed PERSON or a noun of a kind of person."""
    return token.lower_ in PERSONAL_OBJECTS or token.ent_type_ == "PERSON" or (
        token.pos_ == "NOUN" and is_person_noun(token.lemma_.lower()))


def is_person_noun(lemma: str) -> bool:
    """Whether a common noun (lemma, lower case) names a kind of person."""
    if lemma in PERSON_NOUNS:
        return True
    return lemma not in _NOT_AGENTS and len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS)
