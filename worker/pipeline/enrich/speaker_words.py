"""Words of speaker phrases: junk trailing a subject and the nouns of ``the <noun>`` organisation
descriptions (``the zoo``, ``the company``)."""

from __future__ import annotations

from worker.pipeline.enrich.name_words import ORG_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words that end a subject phrase without being part of the name: "Trump has himself", "X could"
EXTRA_JUNK = frozenset(
    {"did", "does", "do", "would", "could", "can", "may", "might", "must", "will", "shall", "not", "and"}
    | {"himself", "herself", "itself", "themselves", "myself", "ourselves"}
    | {"often", "sometimes", "always", "never", "usually", "rarely", "seldom", "occasionally"}
)
# words of company names ("Yuga Labs", "Ford Motors"); any name without an institution word is one too
COMPANY_WORDS = _words(
    """
    Company Co. Co Corp Corp. Corporation Inc Inc. Labs Motors Airlines Airways Studios Records Media
    Holdings Partners Markets Games Technologies Systems Entertainment Industries Brands Productions Pictures
    """
)
# nouns that describe a company: "the company" is the latest organisation named like one ("Microsoft")
COMPANY_NOUNS = _words(
    "company firm automaker carmaker airline carrier retailer startup giant maker manufacturer"
)
# "the <noun>" naming an organisation, and the words its name must contain
ORG_DESCRIPTIONS: dict[str, frozenset[str]] = {noun: COMPANY_WORDS for noun in COMPANY_NOUNS} | {
    noun: frozenset(words.split())
    for noun, words in {
        "zoo": "Zoo",
        "university": "University",
        "college": "College",
        "school": "School Academy College",
        "agency": "Agency Administration Authority Bureau Service",
        "service": "Service",
        "administration": "Administration",
        "authority": "Authority",
        "bureau": "Bureau",
        "embassy": "Embassy",
        "navy": "Navy",
        "ministry": "Ministry",
        "department": "Department",
        "group": "Group Coalition Alliance",
        "organization": "Organization",
        "organisation": "Organisation",
        "nonprofit": "Foundation Fund Trust Society",
        "charity": "Foundation Fund Trust Society",
        "foundation": "Foundation",
        "institute": "Institute",
        "hospital": "Hospital",
        "museum": "Museum",
        "council": "Council",
        "committee": "Committee",
        "commission": "Commission",
        "board": "Board",
        "bank": "Bank",
        "union": "Union",
        "party": "Party",
        "league": "League",
        "club": "Club",
        "network": "Network News TV",
        "newspaper": "Times Post Journal News Herald Tribune",
        "paper": "Times Post Journal News Herald Tribune",
        "court": "Court",
        "office": "Office",
        "center": "Center",
        "centre": "Centre",
        "association": "Association",
        "federation": "Federation",
        "studio": "Studios Studio Games Entertainment Pictures",
        "publisher": "Press Games Publishing Books",
        "developer": "Games Studios Software",
        "military": "Army Forces Force",
        "army": "Army",
        "police": "Police",
    }.items()
}
# institution words: an organisation named with one is not "the company"

# heads of descriptors that name a thing, never a speaker: "the question asked", "a tweet by", "the former"
NON_SPEAKER_HEADS = _words(
    """
    question questions answer tweet tweets analysis article articles story headline title caption message
    pandemic virus disease outbreak plan bill law rule policy idea issue problem topic theme module
    text passage book film song album former latter decision situation notion conversation discussion
    moment phrase term word slogan motto
    """
)
# quantifiers that open a descriptor subject like a determiner: "Four of his siblings", "Both lawyers"
COUNT_WORDS = _words("four five six seven eight nine ten dozens hundreds thousands both all most many some")
INSTITUTION = frozenset(ORG_WORDS) - COMPANY_WORDS
# nouns that can stand for any organisation when none is named with that word
# ("the group" may be people, and "the agency" a unit of a named ministry: not these)
GENERIC_ORG_NOUNS = frozenset({"organization", "organisation", "nonprofit", "charity"})
# documents that speak for their author: "the letter said", "the lawsuit alleges"
AUTHORED_DOCS = _words(
    """
    letter lawsuit suit complaint notification notice announcement statement study report filing petition
    memo survey
    """
)
# words after a name that do not belong to it: an adverb of an inverted attribution ("writes X elsewhere")
TAIL_ADVERBS = _words(
    """
    elsewhere later earlier again also too then now instead once recently previously separately further
    afterward afterwards meanwhile there here today yesterday tonight
    """
)
