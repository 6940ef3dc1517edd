"""Words of speaker phrases: junk trailing a subject and the nouns of ``the <noun>`` organisation
descriptions (``the zoo``, ``the company``)."""

from __future__ import annotations

from worker.pipeline.enrich.name_words import ORG_WORDS

# words that end a subject phrase without being part of the name: "Trump has himself", "X could"
EXTRA_JUNK = frozenset(
    {"did", "does", "do", "would", "could", "can", "may", "might", "must", "will", "shall", "not", "and"}
    | {"himself", "herself", "itself", "themselves", "myself", "ourselves"}
)
# "the <noun>" naming an organisation, and the words its name may contain (empty: any organisation
# name without an institution word, i.e. a company: "Microsoft" for "the company")
ORG_DESCRIPTIONS: dict[str, frozenset[str]] = {
    noun: frozenset(words.split())
    for noun, words in {
        "company": "Company Co. Co Corp Corp. Corporation Inc Inc. Group",
        "firm": "",
        "automaker": "Motors",
        "carmaker": "Motors",
        "airline": "Airlines Airways",
        "carrier": "Airlines Airways",
        "retailer": "",
        "startup": "",
        "giant": "",
        "zoo": "Zoo",
        "university": "University",
        "college": "College",
        "school": "School Academy College",
        "agency": "Agency Administration Authority Bureau Service",
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
        "studio": "Studios Studio",
        "publisher": "Press",
        "military": "Army Forces Force",
        "army": "Army",
        "police": "Police",
    }.items()
}
# institution words: an organisation named with one is not "the company"
INSTITUTION = frozenset(ORG_WORDS) - frozenset(ORG_DESCRIPTIONS["company"])
# nouns that can stand for any organisation when none is named with that word
GENERIC_ORG_NOUNS = frozenset({"organization", "organisation", "group", "agency", "nonprofit", "charity"})
